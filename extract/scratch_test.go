package extract

import "testing"

// TestReleaseClears checks that a scratch goes back without references to
// its document: a normal one cleared in place, one past maxPooledTokens
// emptied, its word cache kept.
func TestReleaseClears(t *testing.T) {
	for _, n := range []int{3, maxPooledTokens + 1} {
		x := &extractor{lex: DefaultLexicon(), text: "Dam holds."}
		x.acquire()
		s := x.scratch
		s.toks = make([]rawToken, n)
		s.toks[0] = rawToken{span: Span{0, 3}, text: x.text[:3]}
		s.lows = []string{"dam"}
		s.mk.surf = append(s.mk.surf[:0], "Dam")[:0]
		x.release()
		if x.scratch != nil {
			t.Fatalf("n=%d: the extractor keeps its scratch", n)
		}
		if n > maxPooledTokens {
			if s.toks != nil || s.lows != nil {
				t.Errorf("n=%d: a long document's buffers stay in the pool", n)
			}
			if s.wcache.lex == nil {
				t.Errorf("n=%d: the word cache was dropped", n)
			}
			continue
		}
		if s.toks[0].text != "" || s.lows[0] != "" || s.mk.surf[:1][0] != "" {
			t.Errorf("n=%d: the pooled scratch keeps the document's text", n)
		}
	}
}
