package extract

import (
	"strings"
	"testing"
)

// TestWordCache checks that the cache answers as the table does, twice
// over (filled, then hit), and starts over for another lexicon.
func TestWordCache(t *testing.T) {
	lex := DefaultLexicon()
	other, err := lex.Extend(LexLabel, "test.txt", strings.NewReader("dam builder\n"))
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("The U.S. minister’s dam was built in Bavaria’s hills; it’s al-Hayya’s DAM and the dam")
	var c wordCache
	for _, l := range []*Lexicon{lex, other, lex} {
		c.reset(l, l.generation())
		for round := 0; round < 2; round++ {
			for _, w := range words {
				got, want := c.word(w), l.word(w)
				if got.facts != want.facts || got.capital != want.capital || got.surface != w {
					t.Errorf("round %d, %q: cache (%p %v %q), table (%p %v %q)", round, w, got.facts, got.capital, got.surface, want.facts, want.capital, want.surface)
				}
			}
		}
	}
}
