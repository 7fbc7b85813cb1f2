package extract

import (
	"fmt"
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

// TestWordCacheSlots checks the cache's slots, which hold a spelling in
// place: spellings at the slot's length and one byte past it (ASCII, and
// with a letter of two bytes across the edge), and pairs of spellings
// that share a slot and differ only in their last byte, one of them
// plain (its own lower-case form) or not. Each is asked for twice in a
// row (filled, then hit) and again after the other took its slot; every
// answer must be the table's, the plain flag included.
func TestWordCacheSlots(t *testing.T) {
	lex, err := DefaultLexicon().Extend(LexLabel, "slots.txt", strings.NewReader("slot filler\n"))
	if err != nil {
		t.Fatal(err)
	}
	var seq []string
	for n := 1; n <= maxCachedWord+2; n++ {
		low := strings.Repeat("k", n)
		seq = append(seq, low, low, "K"+low[1:], "K"+low[1:], strings.ToUpper(low))
		if n >= 2 {
			// A two-byte letter ending at the slot's edge or across it.
			e := strings.Repeat("k", n-2) + "é"
			seq = append(seq, e, e, "É"+strings.Repeat("k", n-2))
		}
	}
	slot := func(w string) uint64 { return spellingHash(w) >> (64 - wordCacheBits + 1) }
	const last = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	pairs := 0
	for p := 0; p < 3000 && pairs < 40; p++ {
		for _, n := range []int{maxCachedWord, 8} {
			prefix := fmt.Sprintf("%0*d", n-1, p)
			at := map[uint64]string{}
			for _, c := range last {
				w := prefix + string(c)
				if o, ok := at[slot(w)]; ok {
					seq = append(seq, o, o, w, w, o, o)
					pairs++
				}
				at[slot(w)] = w
			}
		}
	}
	if pairs == 0 {
		t.Fatal("no two spellings share a slot: the test checks no replacement")
	}
	var c wordCache
	c.reset(lex, lex.generation())
	for i, w := range seq {
		got, want := c.word(w), lex.word(w)
		if got.facts != want.facts || got.capital != want.capital || got.plain != want.plain || got.plain != plainLower(w) || got.surface != w {
			t.Fatalf("ask %d, %q: cache (%p %v plain %v %q), table (%p %v plain %v %q)", i, w,
				got.facts, got.capital, got.plain, got.surface, want.facts, want.capital, want.plain, want.surface)
		}
	}
}
