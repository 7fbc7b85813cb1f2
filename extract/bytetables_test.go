package extract

import (
	"testing"
	"unicode/utf8"
)

// TestByteTables checks the tokenizer's tables of ASCII bytes against the
// rules they stand for: byteWord is isWordRune, byteGap the other ASCII
// bytes, and byteJoins holds the marks that may join two words (the
// comma, the dot, an apostrophe, a hyphen).
func TestByteTables(t *testing.T) {
	for c := 0; c < 256; c++ {
		if got, want := byteWord[c], c < utf8.RuneSelf && isWordRune(rune(c)); got != want {
			t.Errorf("byteWord[%q] = %v, isWordRune says %v", c, got, want)
		}
		if got, want := byteGap[c], c < utf8.RuneSelf && !isWordRune(rune(c)); got != want {
			t.Errorf("byteGap[%q] = %v, want %v", c, got, want)
		}
		if c >= utf8.RuneSelf {
			continue
		}
		r := rune(c)
		if got, want := byteJoins[c], r == ',' || r == '.' || isApostrophe(r) || isHyphen(r); got != want {
			t.Errorf("byteJoins[%q] = %v, want %v", c, got, want)
		}
	}
}
