package extract

import "testing"

// TestWordCacheMisses streams the BASIL development corpus's tokens
// through a word cache twice and checks the second pass's misses, the
// steady state corpus mode runs in: a direct-mapped cache of the same size
// missed 7.3% of them, the two-way one 3.8%.
func TestWordCacheMisses(t *testing.T) {
	var toks []rawToken
	for _, a := range devCorpus(t) {
		toks = appendTokens(toks, a.Text, 0, len(a.Text))
	}
	lex := DefaultLexicon()
	c := new(wordCache)
	c.reset(lex, lex.generation())
	for _, tk := range toks {
		c.word(tk.text)
	}
	c.misses = 0
	for _, tk := range toks {
		c.word(tk.text)
	}
	rate := float64(c.misses) / float64(len(toks))
	t.Logf("%d tokens, %d misses (%.2f%%)", len(toks), c.misses, 100*rate)
	if rate > 0.05 {
		t.Errorf("the cache missed %.2f%% of the tokens it had seen, want at most 5%%", 100*rate)
	}
}
