package extract

import (
	"unicode"
	"unicode/utf8"
)

// appendFields appends the words of s, as strings.Fields splits it, to
// dst. The name passes split every mention's text into words only to read
// them (relatives, givenGender): with dst a caller's array on the stack,
// the list is no allocation, where strings.Fields made one per mention.
func appendFields(dst []string, s string) []string {
	for start, end := nextField(s, 0); start < end; start, end = nextField(s, end) {
		dst = append(dst, s[start:end])
	}
	return dst
}

// nextField returns the bounds of the first word of s at or after byte
// from, as strings.Fields splits s (at the runes unicode.IsSpace names);
// start == end when there is none. An ASCII byte is told a space without
// decoding a rune.
func nextField(s string, from int) (start, end int) {
	start = -1
	for i, n := from, 1; i < len(s); i += n {
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
				return start, i
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		return start, len(s)
	}
	return len(s), len(s)
}
