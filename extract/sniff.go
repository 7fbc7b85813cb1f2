package extract

import (
	"errors"
	"fmt"
	"unicode/utf8"
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
	nul, bad := 0, 0
	for i := 0; i < len(b); {
		c := b[i]
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
		var r rune
		var n int
		switch v := any(b).(type) {
		case string:
			r, n = utf8.DecodeRuneInString(v[i:])
		case []byte:
			r, n = utf8.DecodeRune(v[i:])
		}
		if r == utf8.RuneError && n == 1 || r >= 0x80 && r <= 0x9f {
			bad++
		}
		i += n
	}
	switch {
	case nul > 0:
		return fmt.Errorf("%w: it holds %d NUL bytes (a binary file, or UTF-16)", ErrNotText, nul)
	case len(b) > 0 && float64(bad) > maxNonText*float64(len(b)):
		return fmt.Errorf("%w: %d%% of its bytes are control characters or invalid UTF-8", ErrNotText, 100*bad/len(b))
	}
	return nil
}
