package compare

import (
	"os"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// BenchmarkDifferencesReal classifies the differences of every group of
// the real events of ../shared/dev/basil/corpus.jsonl (compared once,
// outside the timer): the sides of each group as differences() makes
// them, through sideDifferences. Skipped when ../shared is absent.
func BenchmarkDifferencesReal(b *testing.B) {
	f, err := os.Open("../../shared/dev/basil/corpus.jsonl")
	if err != nil {
		b.Skip("../shared/dev is absent")
	}
	defer f.Close()
	var events [][]*extract.Document
	pos := map[string]int{}
	err = extract.ScanLines(f, func(line int, raw []byte) error {
		a, err := extract.ParseArticle(raw)
		if err != nil {
			return err
		}
		d, err := a.Document()
		if err != nil {
			return err
		}
		k, ok := pos[a.Event]
		if !ok {
			k = len(events)
			pos[a.Event] = k
			events = append(events, nil)
		}
		events[k] = append(events[k], d)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
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
