package extract

import "encoding/binary"

// wordCache sits in front of the process's word table (wordfacts.go) in
// each pooled scratch: a token's spelling is hashed to a pair of slots,
// and a slot holding that spelling answers without the table's lock and
// without a look-up in a map of a quarter of a million words, most of
// whose cost is cache misses. News text repeats its common words, so most tokens hit.
// A slot is good only for the lexicon and the table generation it was
// filled from.
//
// Size: 16,384 slots (512 KB a worker). The BASIL development corpus has
// about 10,000 spellings in 95,000 tokens; when the cache was
// direct-mapped, 65,536 slots missed 2.1% of its tokens where 16,384
// missed 7.4%, and won alone (BenchmarkWordLookup), but lost in corpus
// mode, where a hit into 2 MB waits on memory the other
// stages share: extraction's CPU on basil20 was 1.95–2.20 s (five runs)
// with 65,536 slots, 1.63–1.92 s with 16,384, 1.59–1.84 s with 8,192.
//
// The slots go in pairs (64 bytes together), the spelling's hash naming
// the pair: a direct-mapped cache missed where two common words
// shared a slot and pushed each other out. Two ways at the same size
// missed 3.8% of the BASIL corpus's tokens against 7.3%
// (TestWordCacheMisses); a pass over the corpus through the cache
// (BenchmarkWordLookup/cache) went from 2.07 to 1.96 ms, medians of six.
type wordCache struct {
	lex  *Lexicon
	gen  uint32
	sets [wordCacheSize / 2][2]cacheSlot
	// misses counts the look-ups the cache could not answer (tests).
	misses int
}

// cacheSlot holds one spelling in place, not a string pointing at the
// table's copy: a hit reads one slot of 32 bytes and no other memory.
// Longer spellings (rare) are not cached.
type cacheSlot struct {
	facts   *wordFacts
	n       uint8 // the spelling's length; 0 for an empty slot
	capital bool
	plain   bool
	b       [maxCachedWord]byte
}

const (
	wordCacheBits = 14
	wordCacheSize = 1 << wordCacheBits
	maxCachedWord = 21
)

// spellingHash mixes a spelling of at most maxCachedWord bytes into 64
// bits whose top bits name its pair of slots: eight bytes a step, then a
// byte a step, and one multiply to spread them. maphash.String's call
// cost 67 instructions a token on the BASIL corpus; this one, inlined,
// about 40, and the cache misses about as often (TestWordCacheMisses:
// 3.97% of the tokens against 3.85%). BASIL ×5 in corpus mode went from
// 2658.4 to 2646.6 M instructions.
func spellingHash(w string) uint64 {
	const m1, m2 = 0x9e3779b97f4a7c15, 0xff51afd7ed558ccd
	h := uint64(len(w))
	for len(w) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64([]byte(w[:8]))) * m1
		w = w[8:]
	}
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * m1
	}
	return (h ^ h>>31) * m2
}

// reset readies the cache for a document read with lex, whose table is at
// generation gen: slots filled for another lexicon or generation are
// dropped.
func (c *wordCache) reset(lex *Lexicon, gen uint32) {
	if c.lex != lex || c.gen != gen {
		if c.lex != nil {
			// A cache never filled (a new scratch) is zero already:
			// 2 MB not cleared twice.
			clear(c.sets[:])
		}
		c.lex, c.gen = lex, gen
	}
}

// word is Lexicon.word through the cache; the surface it answers is the
// argument itself.
func (c *wordCache) word(surface string) surfaceForm {
	n := len(surface)
	if n == 0 || n > maxCachedWord {
		return c.lex.word(surface)
	}
	set := &c.sets[spellingHash(surface)>>(64-wordCacheBits+1)]
	if s := &set[0]; int(s.n) == n && string(s.b[:n]) == surface {
		return surfaceForm{facts: s.facts, capital: s.capital, plain: s.plain, surface: surface}
	}
	if s := &set[1]; int(s.n) == n && string(s.b[:n]) == surface {
		f := surfaceForm{facts: s.facts, capital: s.capital, plain: s.plain, surface: surface}
		// The last used first: the pair keeps the two most recent.
		set[0], set[1] = set[1], set[0]
		return f
	}
	c.misses++
	f := c.lex.word(surface)
	if f.surface != "" && f.facts.gen == c.gen {
		set[1] = set[0]
		s := &set[0]
		s.facts, s.n, s.capital, s.plain = f.facts, uint8(n), f.capital, f.plain
		copy(s.b[:], surface)
	}
	return f
}

// wordOf is Lexicon.word for a token's spelling, through the scratch's
// cache while the extractor has one.
func (x *extractor) wordOf(surface string) surfaceForm {
	if x.scratch != nil && x.wcache.lex == x.lex {
		return x.wcache.word(surface)
	}
	return x.lex.word(surface)
}

// lowFacts is Lexicon.facts for a lower-case word form, through the
// scratch's cache when the form is one lowerKey leaves as it is (then the
// cache's entry for it is the form's own): a slot of the cache costs less
// than the table's lock and map, and the lock's counter is shared by every
// worker.
func (x *extractor) lowFacts(low string) *wordFacts {
	if plainLower(low) {
		return x.wordOf(low).facts
	}
	return x.lex.facts(low)
}
