package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkWordLookup looks up every token of the BASIL development
// corpus (skipped when ../shared/dev is absent) in the word table and
// through a scratch's word cache: what the cache saves per token.
func BenchmarkWordLookup(b *testing.B) {
	d := os.Getenv("CLAIMDIFF_DEV")
	if d == "" {
		d = filepath.Join("..", "..", "shared", "dev")
	}
	f, err := os.Open(filepath.Join(d, "basil", "corpus.jsonl"))
	if err != nil {
		b.Skipf("no development corpus: %v", err)
	}
	defer f.Close()
	var toks []rawToken
	err = EachLine(f, func(_ int, a Article) error {
		toks = appendTokens(toks, a.Text, 0, len(a.Text))
		return nil
	})
	if err != nil {
		b.Fatal(err)
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
