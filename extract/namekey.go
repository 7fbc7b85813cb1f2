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
	first byte   // its first byte (0 for an empty key)
	runes int    // runes in the key
	set   uint64 // runeSet of the key
	bytes uint64 // the key's bytes, each as bit b mod 64
	words uint64 // the bytes of the key's words (whitespace left out), as bytes
	space bool   // the key holds an ASCII space, as wordSubset asks of the longer key
	led   bool   // the key opens with an acronym's expansion (ledAlike)
}

func newNameKey(s string) nameKey {
	k := nameKey{n: len(s), runes: utf8.RuneCountInString(s), set: runeSet(s)}
	if s != "" {
		k.first = s[0]
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		// strings.Fields splits at the runes unicode.IsSpace names
		// (an invalid byte is RuneError, no space): every other byte is
		// in a word.
		space := unicode.IsSpace(r)
		for _, c := range []byte(s[i : i+w]) {
			k.bytes |= 1 << (c & 63)
			if !space {
				k.words |= 1 << (c & 63)
			}
		}
		k.space = k.space || r == ' '
		i += w
	}
	k.led = k.space && DefaultLexicon().acronymLed(s) != s
	return k
}

// mayBeSameName is false only for keys a and b (with facts ka, kb) that
// SameName says no to, by the same tests SameName makes before the edit
// distance. A key is the other with words left out only when every byte
// of its words stands in the longer key, which holds a space (wordSubset),
// and a key that opens with an acronym's expansion is left to SameName
// (ledAlike); otherwise the keys must pass the length, first letter, rune count and
// rune set tests of the edit distance.
func mayBeSameName(a, b string, ka, kb *nameKey) bool {
	return a == b || ka.mayMatch(kb)
}

// mayMatch is mayBeSameName for two different keys, from their facts
// alone: canonicalKeys asks it of every pair of an event's keys, and the
// keys' own bytes, elsewhere in memory, are not read (editLimit's tests
// are made on n and first).
func (ka *nameKey) mayMatch(kb *nameKey) bool {
	la, lb := ka.n, kb.n
	if la < lb && kb.space && ka.words&^kb.bytes == 0 || lb < la && ka.space && kb.words&^ka.bytes == 0 || ka.led || kb.led {
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
