package extract

import (
	"unicode"
	"unicode/utf8"
)

// appendFields appends the words of s, as strings.Fields splits it, to
// dst. The name passes split every mention's text into words only to read
// them (relatives, givenGender): with dst a caller's array on the stack,
// the list is no allocation, where strings.Fields made one per mention.
// An ASCII byte is told a space without decoding a rune.
func appendFields(dst []string, s string) []string {
	start := -1
	for i, n := 0, 1; i < len(s); i += n {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			n, space = 1, c == ' ' || '\t' <= c && c <= '\r'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}
