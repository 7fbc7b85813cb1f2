package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The helpers here ask a map about strings.ToLower(s) without making the
// lower-case copy when s is ASCII (nearly every word of English news):
// the copy was a tenth of extraction's allocations, all of it garbage by
// the next statement. Past maxLowered bytes, or for other text, they
// lower-case as before.
const maxLowered = 64

// inLowerSet reports m[strings.ToLower(s)].
func inLowerSet(m map[string]bool, s string) bool {
	var buf [maxLowered]byte
	if b, ok := lowerASCII(&buf, s); ok {
		return m[string(b)]
	}
	return m[strings.ToLower(s)]
}

// lowerBytes returns strings.ToLower(s) as bytes, written into buf when s
// is ASCII and fits. A caller that converts them to a string that does not
// outlive it (string(lowerBytes(&buf, s))) makes no copy on the heap for a
// word: the compiler converts into a buffer on the stack.
func lowerBytes(buf *[maxLowered]byte, s string) []byte {
	if b, ok := lowerASCII(buf, s); ok {
		return b
	}
	return []byte(strings.ToLower(s))
}

// lowerASCII returns strings.ToLower(s) written into buf, false when s is
// longer than buf or not ASCII (when the caller lowers it the long way). A
// caller that converts the bytes to a string where it reads them, a map
// key or a string that does not outlive the call, makes no copy on the
// heap.
func lowerASCII(buf *[maxLowered]byte, s string) ([]byte, bool) {
	if len(s) > maxLowered {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

// hasLower is Has(category, strings.ToLower(s)).
func (l *Lexicon) hasLower(category, s string) bool {
	i := catIndex(category)
	if i < 0 {
		return false
	}
	var buf [maxLowered]byte
	if b, ok := lowerASCII(&buf, s); ok {
		_, ok := l.words[i][string(b)]
		return ok
	}
	_, ok := l.words[i][strings.ToLower(s)]
	return ok
}

// lowerIs reports strings.ToLower(s) == w for a lower-case ASCII w.
func lowerIs(s, w string) bool {
	if len(s) != len(w) {
		// ASCII keeps its length when lowered; other text is compared
		// the long way.
		return !isASCII(s) && strings.ToLower(s) == w
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s) == w
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// lowerHasSuffix reports strings.HasSuffix(strings.ToLower(s), suffix)
// for a lower-case ASCII suffix.
func lowerHasSuffix(s, suffix string) bool {
	if !isASCII(s) {
		return strings.HasSuffix(strings.ToLower(s), suffix)
	}
	return len(s) >= len(suffix) && lowerIs(s[len(s)-len(suffix):], suffix)
}

// lowerHasPrefix reports strings.HasPrefix(strings.ToLower(s), prefix)
// for a lower-case ASCII prefix.
func lowerHasPrefix(s, prefix string) bool {
	if !isASCII(s) {
		return strings.HasPrefix(strings.ToLower(s), prefix)
	}
	return len(s) >= len(prefix) && lowerIs(s[:len(prefix)], prefix)
}

// lowerIndex returns where in s the lower-case ASCII sub first stands,
// the ASCII letters of s folded to lower case, or -1: an offset into s
// itself, which accordingTo cuts s at. (The index of sub in
// strings.ToLower(s) is not one when s holds a letter whose lower case is
// longer or shorter, as "İ" is: the speaker after "according to" came out
// shifted.) accordingTo asks it of a whole sentence per quote, whose
// lower-case copy was garbage at once.
func lowerIndex(s, sub string) int {
	if sub == "" {
		return 0
	}
	c0 := sub[0]
	for i := 0; i+len(sub) <= len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == c0 && asciiFoldIs(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// asciiFoldIs reports whether s, its ASCII letters folded to lower case,
// is the lower-case ASCII w; other bytes stand for themselves.
func asciiFoldIs(s, w string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return len(s) == len(w)
}

// asciiFoldsTo reports whether s is ASCII and strings.ToLower(s) is low.
func asciiFoldsTo(s, low string) bool {
	if len(s) != len(low) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isUpperForm reports strings.ToUpper(s) == s without making the
// upper-case copy (recase asks it of every word of every headline): no
// rune changes under unicode.ToUpper, and no byte is invalid UTF-8, which
// strings.ToUpper would turn into U+FFFD.
func isUpperForm(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || unicode.ToUpper(r) != r {
			return false
		}
		i += w
	}
	return true
}
