package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestAppendFields: the words appendFields finds are strings.Fields', on
// every kind of space it tells apart (ASCII, beyond ASCII, invalid UTF-8),
// after what dst held.
func TestAppendFields(t *testing.T) {
	for _, s := range []string{
		"", "  ", "Clinton", " Hillary  Rodham\tClinton\n", "a\vb\fc\rd",
		"Zoë\u00a0Brontë\u0085Smith", "x\u2003y\u3000z", "bad\xffbyte \xc3", "„Jr.“  III ",
	} {
		got := appendFields([]string{"held"}, s)
		if want := append([]string{"held"}, strings.Fields(s)...); !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}
