package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAcronymDef checks that the byte test before acronymDefRE changes
// none of its answers.
func TestAcronymDef(t *testing.T) {
	for _, s := range []string{
		" (IDF) said", "(UNSC)", " \t[WHO] ", "\n(NATO", " (Nato)", "’s [UNSC]", ", the", "", "   ", " (A)", " (AB1)", "(ABCDEFGHI)", "\f(EU)",
	} {
		if got, want := acronymDef(s), acronymDefRE().FindStringSubmatch(s); !cmp.Equal(got, want) {
			t.Errorf("acronymDef(%q) = %q, want %q", s, got, want)
		}
	}
}
