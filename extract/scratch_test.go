package extract

import (
	"strconv"
	"testing"
)

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
		if s.toks[0].text != "" || s.lows[0] != "" {
			t.Errorf("n=%d: the pooled scratch keeps the document's text", n)
		}
	}
}

// TestReleaseEmptiesMaps checks the maps one document fills in the pooled
// scratch (docMaps): after release they hold nothing of the document
// (their keys point into its text) and a map past maxPooledMap entries is
// dropped rather than kept at its size; the next document starts from
// empty maps however the last one ended.
func TestReleaseEmptiesMaps(t *testing.T) {
	for _, n := range []int{3, maxPooledMap + 1} {
		x := &extractor{lex: DefaultLexicon(), text: "Dam holds."}
		x.acquire()
		s := x.scratch
		m := &s.maps
		caps, ids := pooled(&m.capSeen), pooled(&m.mentionKeys)
		for i := 0; i < n; i++ {
			caps[x.text[:3]+strconv.Itoa(i)] = true
			ids[x.text[:3]+strconv.Itoa(i)] = int32(i)
		}
		s.count = append(s.count[:0], rawToken{span: Span{0, 3}, text: x.text[:3]})[:0]
		x.release()
		lens := []int{len(m.capSeen), len(m.mentionKeys)}
		for i, l := range lens {
			if l != 0 {
				t.Errorf("n=%d: map %d keeps %d entries after release", n, i, l)
			}
		}
		if big := n > maxPooledMap; big != (m.capSeen == nil) || big != (m.mentionKeys == nil) {
			t.Errorf("n=%d: maps kept %v %v, want dropped %v", n, m.capSeen != nil, m.mentionKeys != nil, big)
		}
		if s.count[:1][0].text != "" {
			t.Errorf("n=%d: countTokens' buffer keeps the document's text", n)
		}
	}
}
