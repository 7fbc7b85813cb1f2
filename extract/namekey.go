package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// nameKey holds what SameName's early outs read of one key, computed once
// per key for the all-pairs loop of CanonicalKeys instead of once per pair.
type nameKey struct {
	runes int    // runes in the key
	set   uint64 // runeSet of the key
	bytes uint64 // the key's bytes, each as bit b mod 64
	words uint64 // the bytes of the key's words (whitespace left out), as bytes
	space bool   // the key holds an ASCII space, as wordSubset asks of the longer key
	led   bool   // the key opens with an acronym's expansion (ledAlike)
}

func newNameKey(s string) nameKey {
	k := nameKey{runes: utf8.RuneCountInString(s), set: runeSet(s)}
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
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la < lb && kb.space && ka.words&^kb.bytes == 0 || lb < la && ka.space && kb.words&^ka.bytes == 0 || ka.led || kb.led {
		return true
	}
	limit, ok := editLimit(a, b)
	if !ok {
		return false
	}
	if d := ka.runes - kb.runes; d > limit || -d > limit {
		return false
	}
	return bits.OnesCount64(ka.set^kb.set) <= 2*limit
}
