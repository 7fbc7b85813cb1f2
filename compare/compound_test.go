package compare

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

// TestCompoundParts checks which hyphenated tokens are scored as their
// words, and that a compound and its words written apart share them.
func TestCompoundParts(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"double-dip", "double dip"},
		{"long-term", "long term"},
		{"health-care", "healthcare"}, // a word of the background list
		{"E-mail", "Email"},
		{"re-election", "reelection"},
		{"out-of-state", ""}, // "of" is too short to be a word of its own here
		{"so-called", ""},
		{"50-year", ""},
		{"recession", ""},
		{"anti-war-protest", "anti war protest"},
	} {
		var got []string
		ok := compoundParts(tc.text, func(p string) { got = append(got, p) })
		if want := strings.Fields(tc.want); ok != (len(want) > 0) || !cmp.Equal(got, want) && len(want) > 0 {
			t.Errorf("compoundParts(%q) = %v, %v; want %q", tc.text, got, ok, tc.want)
		}
	}
	pub := extract.WithPublished("2025-03-04")
	r := Compare([]*extract.Document{
		extract.Extract("The minister warned that the Oster reform raised the risk of a double-dip recession.", pub),
		extract.Extract("The minister warned that the Oster reform raised the risk of a double dip in the economy.", pub),
	})
	var shared []string
	for _, g := range r.Groups {
		shared = append(shared, g.Evidence.Shared...)
	}
	for _, w := range []string{"double", "dip"} {
		if !strings.Contains(strings.Join(shared, " "), w) {
			t.Errorf("the two claims should share %q; shared %v", w, shared)
		}
	}
}
