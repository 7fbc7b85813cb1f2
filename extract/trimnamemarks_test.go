package extract

import (
	"strings"
	"testing"
)

// TestTrimNameMarks: trimNameMarks is strings.Trim with its cutset, on
// words with the marks at either end, repeated, mixed, alone, and beside
// bytes that are no valid UTF-8.
func TestTrimNameMarks(t *testing.T) {
	for _, w := range []string{
		"", ".", "’", "’’", "Smith", "Smith.", "'Smith’", "..,’'Jones’s,.", "’.’", "\x99’", "’\xe2", "a’b", "\xe2\x80’",
	} {
		if got, want := trimNameMarks(w), strings.Trim(w, ".,’'"); got != want {
			t.Errorf("%q: got %q, want %q", w, got, want)
		}
	}
}
