package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// ErrNotText is wrapped by the error a reader returns for input that is not
// text: a program, an image, an archive, UTF-16. Extracting claims from it
// would only make nonsense "claims", so it is refused instead.
var ErrNotText = errors.New("not text")

// maxNonText is the share of bytes that may be control characters or
// invalid UTF-8 before input counts as binary. Text in a legacy 8-bit
// encoding (Latin-1 accents, Windows quotes) stays well below it; random
// or compressed bytes are near 60%.
const maxNonText = 0.25

// CheckText returns nil when b reads as text, or an error wrapping
// ErrNotText that says why: it holds a NUL byte (no text encoding but
// UTF-16 and binary formats has one), or more than a quarter of its bytes
// are control characters (other than tab, newline, carriage return, form
// feed and vertical tab) or not UTF-8. Empty input is text.
func CheckText[T string | []byte](b T) error {
	var nul, bad int
	switch v := any(b).(type) {
	case string:
		nul, bad = countNonText(v)
	case []byte:
		// Read in place, not copied: countNonText keeps nothing of it.
		nul, bad = countNonText(unsafe.String(unsafe.SliceData(v), len(v)))
	}
	return nonTextError(nul, bad, len(b))
}

// nonTextError is CheckText's answer for input of n bytes with nul NUL
// bytes and bad bytes in all (countNonText).
func nonTextError(nul, bad, n int) error {
	switch {
	case nul > 0:
		return fmt.Errorf("%w: it holds %d NUL bytes (a binary file, or UTF-16)", ErrNotText, nul)
	case n > 0 && float64(bad) > maxNonText*float64(n):
		return fmt.Errorf("%w: %d%% of its bytes are control characters or invalid UTF-8", ErrNotText, 100*bad/n)
	}
	return nil
}

// decodedNonText is countNonText's count of bad bytes in a line
// decodeArticle took. Such a line is valid UTF-8 with no NUL and no
// control byte but JSON's white space (tab, newline, carriage return),
// so only its DEL bytes and C1 controls (U+0080 to U+009F, whose UTF-8
// is 0xC2 and a byte from 0x80 to 0x9F) count: both are found by
// searching for one byte, without decoding the line's runes.
func decodedNonText(line []byte) int {
	bad := bytes.Count(line, []byte{0x7f})
	for i := 0; ; {
		k := bytes.IndexByte(line[i:], 0xc2)
		if k < 0 || i+k+1 >= len(line) {
			return bad
		}
		i += k + 1
		if c := line[i]; 0x80 <= c && c <= 0x9f {
			bad++
		}
	}
}

// countNonText counts CheckText's NUL bytes and bad bytes (control
// characters and invalid UTF-8) of s. Corpus mode asks it of every line
// and of every article's text: eight bytes of printable ASCII, nearly all
// of any text, are passed over with one test.
func countNonText(s string) (nul, bad int) {
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			m := nonPrintable8(binary.LittleEndian.Uint64([]byte(s[i : i+8])))
			if m == 0 {
				i += 8
				continue
			}
			// The lowest byte marked is the first that is not
			// printable ASCII (the mask marks exactly those bytes):
			// the bytes before it are passed over, and the eight
			// after it read as a word again, not one by one.
			i += bits.TrailingZeros64(m) >> 3
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				nul++
				bad++
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7f:
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r >= 0x80 && r <= 0x9f {
			bad++
		}
		i += n
	}
	return nul, bad
}

// printable8 reports whether the eight bytes of x are all printable ASCII
// (0x20 to 0x7e), which CheckText counts as neither control characters
// nor bad UTF-8: no byte has its high bit set, none is below 0x20 and none
// is DEL (0x7f).
func printable8(x uint64) bool { return nonPrintable8(x) == 0 }

// nonPrintable8 marks with its high bit each byte of x that is not
// printable ASCII, and only those. With the high bits cleared (t), a byte
// plus 0x60 reaches 0x80 exactly when it is 0x20 or more, and plus 1 when
// it is 0x7f; neither sum carries into the next byte.
func nonPrintable8(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	t := x &^ highs
	return (x | ^(t + 0x60*ones) | (t + ones)) & highs
}
