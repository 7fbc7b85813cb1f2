package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStartingHere checks that a word keeps exactly the entries whose first
// word matchSeq would match at a token of the word, in their order, and
// that the lexicon's list is not written to.
func TestStartingHere(t *testing.T) {
	entry := func(phrase string, exact bool) *Entry {
		e := &Entry{Phrase: phrase, Exact: exact}
		for _, w := range strings.Fields(phrase) {
			e.Words = append(e.Words, w)
			if exact || w == "*" {
				e.keys = append(e.keys, w)
			} else {
				e.keys = append(e.keys, stem(w))
			}
		}
		return e
	}
	bystem := entry("attacks on", false) // key "attack"
	exactForm := entry("attacked", true) // the form itself
	exactOther := entry("attack", true)  // another form of the stem
	formOnly := entry("rioting mobs", false)
	tests := []struct {
		name     string
		low, key string
		cands    []*Entry
		want     []*Entry
	}{
		{"stem match", "attacks", stem("attacks"), []*Entry{bystem}, []*Entry{bystem}},
		{"exact wants the form", "attacked", stem("attacked"), []*Entry{bystem, exactForm, exactOther}, []*Entry{bystem, exactForm}},
		{"exact of another form", "attacks", stem("attacks"), []*Entry{exactOther, bystem}, []*Entry{bystem}},
		{"form equals the entry's word", "rioting", "riotingx", []*Entry{formOnly}, []*Entry{formOnly}},
		{"neither", "mob", stem("mob"), []*Entry{formOnly, exactOther}, nil},
		{"none", "word", "word", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]*Entry(nil), tt.cands...)
			got := startingHere(tt.cands, tt.low, tt.key)
			if diff := cmp.Diff(phrases(tt.want), phrases(got)); diff != "" {
				t.Errorf("startingHere(%q, %q) (-want +got):\n%s", tt.low, tt.key, diff)
			}
			if diff := cmp.Diff(phrases(before), phrases(tt.cands)); diff != "" {
				t.Errorf("startingHere wrote to its argument (-before +after):\n%s", diff)
			}
			// What is kept must match at the first word, what is left
			// out must not: matchSeq over the whole phrase agrees.
			for _, e := range tt.cands {
				_, ok := matchSeq(e.Words[:1], e.keys[:1], e.Exact, 0, []string{tt.low}, []*wordFacts{{low: tt.low, stem: tt.key}})
				kept := false
				for _, g := range got {
					kept = kept || g == e
				}
				if ok != kept {
					t.Errorf("%q at %q: matchSeq says %v, kept %v", e.Phrase, tt.low, ok, kept)
				}
			}
		})
	}
}

func phrases(es []*Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Phrase)
	}
	return out
}
