package compare

import (
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// BenchmarkDifferencesReal classifies the differences of every group of
// the real events of ../shared/dev/basil/corpus.jsonl (compared once,
// outside the timer): the sides of each group as differences() makes
// them, through sideDifferences. Skipped when ../shared is absent.
func BenchmarkDifferencesReal(b *testing.B) {
	events := devEvents(b)
	var groups [][]side
	for _, docs := range events {
		r := Compare(docs)
		for _, g := range r.Groups {
			var sides []side
			for _, id := range g.Claims {
				c := r.Claim(id)
				if c == nil || c.RepeatOf != "" {
					continue
				}
				doc := docNum(docOf(id)) - 1
				if len(sides) == 0 || sides[len(sides)-1].doc != doc {
					sides = append(sides, side{doc: doc})
				}
				s := &sides[len(sides)-1]
				s.claims = append(s.claims, c)
			}
			groups = append(groups, sides)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, sides := range groups {
			sideDifferences(sides, extract.SameName)
		}
	}
}
