package extract

import "hash/maphash"

// wordCache sits in front of the process's word table (wordfacts.go) in
// each pooled scratch: a token's spelling is hashed to one slot, and a
// slot holding that spelling answers without the table's lock and without
// a look-up in a map of a quarter of a million words, most of whose cost
// is cache misses. News text repeats its common words, so most tokens hit.
// A slot is good only for the lexicon and the table generation it was
// filled from.
type wordCache struct {
	lex   *Lexicon
	gen   uint32
	slots [wordCacheSize]surfaceForm // surface == "" for an empty slot
}

const wordCacheSize = 1 << 14

var wordCacheSeed = maphash.MakeSeed()

// reset readies the cache for a document read with lex, whose table is at
// generation gen: slots filled for another lexicon or generation are
// dropped.
func (c *wordCache) reset(lex *Lexicon, gen uint32) {
	if c.lex != lex || c.gen != gen {
		c.slots = [wordCacheSize]surfaceForm{}
		c.lex, c.gen = lex, gen
	}
}

// word is Lexicon.word through the cache.
func (c *wordCache) word(surface string) surfaceForm {
	s := &c.slots[maphash.String(wordCacheSeed, surface)&(wordCacheSize-1)]
	if s.surface == surface && s.surface != "" {
		return *s
	}
	f := c.lex.word(surface)
	if f.surface != "" && f.facts.gen == c.gen {
		*s = f
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
