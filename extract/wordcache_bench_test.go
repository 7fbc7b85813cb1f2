package extract

import "testing"

// BenchmarkWordLookup looks up every token of the BASIL development
// corpus (skipped when ../shared/dev is absent) in the word table and
// through a scratch's word cache: what the cache saves per token.
func BenchmarkWordLookup(b *testing.B) {
	var toks []rawToken
	for _, a := range devCorpus(b) {
		toks = appendTokens(toks, a.Text, 0, len(a.Text))
	}
	lex := DefaultLexicon()
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			for _, t := range toks {
				lex.word(t.text)
			}
		}
	})
	b.Run("cache", func(b *testing.B) {
		var c wordCache
		c.reset(lex, lex.generation())
		for b.Loop() {
			for _, t := range toks {
				c.word(t.text)
			}
		}
	})
}
