package extract

import "hash/maphash"

// wordCache sits in front of the process's word table (wordfacts.go) in
// each pooled scratch: a token's spelling is hashed to one slot, and a
// slot holding that spelling answers without the table's lock and without
// a look-up in a map of a quarter of a million words, most of whose cost
// is cache misses. News text repeats its common words, so most tokens hit.
// A slot is good only for the lexicon and the table generation it was
// filled from.
//
// Size: 65,536 slots (2 MB a worker). The BASIL development corpus has
// about 10,000 spellings in 95,000 tokens; a quarter as many slots missed
// 7.4% of its tokens, this many 2.1%, and a miss (the table's lock and
// map, cold memory) costs several hits.
type wordCache struct {
	lex   *Lexicon
	gen   uint32
	slots [wordCacheSize]cacheSlot
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
	wordCacheSize = 1 << 16
	maxCachedWord = 21
)

var wordCacheSeed = maphash.MakeSeed()

// reset readies the cache for a document read with lex, whose table is at
// generation gen: slots filled for another lexicon or generation are
// dropped.
func (c *wordCache) reset(lex *Lexicon, gen uint32) {
	if c.lex != lex || c.gen != gen {
		c.slots = [wordCacheSize]cacheSlot{}
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
	s := &c.slots[maphash.String(wordCacheSeed, surface)&(wordCacheSize-1)]
	if int(s.n) == n && string(s.b[:n]) == surface {
		return surfaceForm{facts: s.facts, capital: s.capital, plain: s.plain, surface: surface}
	}
	f := c.lex.word(surface)
	if f.surface != "" && f.facts.gen == c.gen {
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
