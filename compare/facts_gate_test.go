package compare

import (
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestFactsOfOtherStatements checks that numbers and dates conflict only
// between claims that tell one statement (factOverlap of their content
// words): two figures of two statements of one story grouped together
// ("paid 43 million euros in fines" / "earned 139 million euros from exports") are no
// conflict, one statement with another figure is.
func TestFactsOfOtherStatements(t *testing.T) {
	claim := func(id, text string) *extract.Claim {
		d := extract.Extract(text)
		c := d.Claims[0]
		c.ID = id
		return &c
	}
	tests := []struct {
		name, a, b string
		want       int // number differences
	}{
		{"one statement, two figures", "The blast at the Zelwice plant killed 14 workers on Tuesday.", "The blast at the Zelwice plant killed 31 workers on Tuesday.", 1},
		{"two statements", "The Zelwice fertilizer plant paid 43 million euros in fines since 2007, the ministry said.", "Its owners earned 139 million euros from exports over eight years, a filing shows.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sides := []side{{doc: 0, claims: []*extract.Claim{claim("d1.c1", tt.a)}}, {doc: 1, claims: []*extract.Claim{claim("d2.c1", tt.b)}}}
			cs := newContentSets(sides)
			defer cs.release()
			if got := len(numberDiffs(sides, cs)); got != tt.want {
				t.Errorf("%d number differences, want %d", got, tt.want)
			}
		})
	}
}
