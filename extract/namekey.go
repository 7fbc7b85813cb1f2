package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// nameKey holds what SameName's early outs read of one key, computed once
// per key for the all-pairs loop of CanonicalKeys instead of once per pair.
type nameKey struct {
	n     int    // bytes in the key
	runes int    // runes in the key
	set   uint64 // runeSet of the key
	bytes uint64 // the key's bytes, each as bit b mod 64
	words uint64 // the bytes of the key's words (whitespace left out), as bytes
	// fields is the key's words (strings.Fields), each hashed to one bit:
	// wordSubset asks that every word of the shorter key be a word of the
	// longer, so the shorter key's bits are among the longer key's.
	fields uint64
	// initials is the first byte of each word and the second of each
	// word of two bytes, as bytes: the letters initialsOf may spell.
	initials uint64
	first    byte // its first byte (0 for an empty key)
	space    bool // the key holds an ASCII space, as wordSubset asks of the longer key
	long     bool // a word of four bytes or more, as wordSubset asks of the shorter key
	abbrev   bool // three to eight bytes of a to z, the keys initialsOf spells
	led      bool // the key opens with an acronym's expansion (ledAlike)
	// form is the key with a leading expansion written as its acronym
	// (Lexicon.acronymLed), for a key with a space; ledAlike compares it.
	form string
}

func newNameKey(s string) nameKey {
	k := nameKey{n: len(s)}
	if s != "" {
		k.first = s[0]
	}
	k.abbrev = len(s) >= 3 && len(s) <= 8
	start := -1  // the current word's first byte, or -1 between words
	var h uint32 // the current word's hash
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// A byte that is a rune: unicode.IsSpace without the call,
			// its bit once for set, bytes and words.
			bit := uint64(1) << (c & 63)
			k.set |= bit
			k.bytes |= bit
			k.runes++
			if c == ' ' || '\t' <= c && c <= '\r' {
				k.endWord(s, start, i, h)
				start = -1
				k.space = k.space || c == ' '
				k.abbrev = false
			} else {
				if start < 0 {
					start, h = i, 0
					k.initials |= bit
				}
				k.words |= bit
				h = (h ^ uint32(c)) * 16777619
				if c < 'a' || c > 'z' {
					k.abbrev = false
				}
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		k.set |= 1 << (uint(r) & 63)
		k.runes++
		k.abbrev = false
		// strings.Fields splits at the runes unicode.IsSpace names (an
		// invalid byte is RuneError, no space): every other byte is in
		// a word.
		space := unicode.IsSpace(r)
		if space {
			k.endWord(s, start, i, h)
			start = -1
		} else if start < 0 {
			start, h = i, 0
			k.initials |= 1 << (c & 63)
		}
		for _, c := range []byte(s[i : i+w]) {
			k.bytes |= 1 << (c & 63)
			if !space {
				k.words |= 1 << (c & 63)
				h = (h ^ uint32(c)) * 16777619
			}
		}
		i += w
	}
	k.endWord(s, start, len(s), h)
	k.form = s
	if k.space {
		k.form = DefaultLexicon().acronymLed(s)
		k.led = k.form != s
	}
	return k
}

// endWord records the facts of the word s[start:end] with hash h, if
// start is a word's.
func (k *nameKey) endWord(s string, start, end int, h uint32) {
	if start < 0 {
		return
	}
	switch end - start {
	case 2:
		k.initials |= 1 << (s[start+1] & 63)
	case 0, 1, 3:
	default:
		k.long = true
	}
	k.fields |= 1 << ((h * 0x9e3779b1) >> 26)
}

// mayBeSameName is false only for keys a and b (with facts ka, kb) that
// SameName says no to, by the same tests SameName makes before the edit
// distance. A key is the other with words left out only when every byte
// of its words stands in the longer key, which holds a space, and each
// of its words is one of the longer key's (wordSubset) or its letters are
// the longer key's initials (initialsOf); keys that open with an
// acronym's expansion must read alike with the acronym (ledAlike);
// otherwise the keys must pass the length, first letter, rune count and
// rune set tests of the edit distance.
func mayBeSameName(a, b string, ka, kb *nameKey) bool {
	return a == b || ka.mayMatch(kb)
}

// mayMatch is mayBeSameName for two different keys, from their facts
// alone: canonicalKeys asks it of every pair of an event's keys, and the
// keys' own bytes, elsewhere in memory, are not read (editLimit's tests
// are made on n and first; ledAlike's strings are read only for a key
// that is led).
func (ka *nameKey) mayMatch(kb *nameKey) bool {
	la, lb := ka.n, kb.n
	if la < lb && kb.space && ka.words&^kb.bytes == 0 && ka.within(kb) || lb < la && ka.space && kb.words&^ka.bytes == 0 && kb.within(ka) {
		return true
	}
	if (ka.led || kb.led) && ka.space && kb.space && ka.form == kb.form {
		return true
	}
	if la < 5 || lb < 5 || ka.first != kb.first && min(la, lb) < 7 {
		return false
	}
	limit := 1
	if min(la, lb) >= 10 {
		limit = 2
	}
	if d := ka.runes - kb.runes; d > limit || -d > limit {
		return false
	}
	return bits.OnesCount64(ka.set^kb.set) <= 2*limit
}

// within is false only when the shorter key ka is neither words of the
// longer key kb (wordSubset) nor its initials (initialsOf).
func (ka *nameKey) within(kb *nameKey) bool {
	return ka.long && ka.fields&^kb.fields == 0 || ka.abbrev && ka.words&^kb.initials == 0
}

// quickKey is what the first test of a pair reads of a key (nameKey.quick).
type quickKey struct{ words, bytes, set uint64 }

// quick is the key's quickKey; a led key's bytes are all ones, so that
// every pair with it goes on to mayMatch.
func (k *nameKey) quick() quickKey {
	q := quickKey{k.words, k.bytes, k.set}
	if k.led {
		q.bytes = ^uint64(0)
	}
	return q
}

// may is false only for keys that mayMatch rules out: neither key's words
// are within the other's bytes (wordSubset, initialsOf; a led key holds
// every byte), and their rune sets are further apart than two edits
// (editLimit's most) leave them.
func (a quickKey) may(b quickKey) bool {
	return a.words&^b.bytes == 0 || b.words&^a.bytes == 0 || bits.OnesCount64(a.set^b.set) <= 4
}
