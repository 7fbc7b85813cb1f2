package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rawToken is a word found by the tokenizer before annotation.
type rawToken struct {
	span Span
	text string
}

// isApostrophe reports the apostrophes news text uses: ' ’ ʼ ＇.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '＇' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord tells the ASCII letters and digits, the word runes of most
// news text, with one load instead of three table searches.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// byteWord is asciiWord over every byte value, false from 0x80 on: the
// tokenizer's inner loop indexes it with a byte and tests nothing else.
var byteWord = func() (t [256]bool) {
	copy(t[:], asciiWord[:])
	return t
}()

// byteGap tells the ASCII bytes that are no part of a word (byteWord's
// others below 0x80): the spaces and marks between words.
var byteGap = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !byteWord[c]
	}
	return t
}()

// byteJoins tells the ASCII marks that may join two words into one token
// (appendTokens): the comma and dot of numbers and acronyms, the ASCII
// apostrophe and hyphen.
var byteJoins = [utf8.RuneSelf]bool{',': true, '.': true, '\'': true, '-': true}

// decode returns the rune at i, treating an invalid byte as a one-byte
// separator so that spans stay valid on broken input.
func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return r, n
}

func decodeLast(s string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	c := s[i-1]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// tokenize finds the words of text[start:end]. A word is a run of letters and
// digits joined by inner apostrophes (don’t, Hamas’s), hyphens (al-Hayya,
// so-called), dots between single letters (U.S.) and digit separators (2,500,
// 2.5). Offsets are into text; the text itself is never changed.
func tokenize(text string, start, end int) []rawToken {
	return appendTokens(nil, text, start, end)
}

// countTokens returns len(tokenize(x.text, start, end)), tokenizing into
// the scratch's buffer when the extractor holds one: callers that ask how
// many words a stretch has allocate nothing.
func (x *extractor) countTokens(start, end int) int {
	return len(x.scratchTokens(x.text, start, end))
}

// scratchTokens is tokenize(text, start, end) into the scratch's buffer
// when the extractor holds one, for a caller that is done with the tokens
// before it asks again (or countTokens does).
func (x *extractor) scratchTokens(text string, start, end int) []rawToken {
	if x.scratch == nil {
		return tokenize(text, start, end)
	}
	x.count = appendTokens(x.count[:0], text, start, end)
	return x.count
}

// appendTokens appends the tokens of text[start:end] to out (tokenize).
func appendTokens(out []rawToken, text string, start, end int) []rawToken {
	// The byte loops read s, whose length is end: the compiler drops
	// their bounds checks. Runes are still decoded from text, whose
	// characters may run past end.
	s := text[:end]
	i := start
	for i < len(s) {
		// An ASCII byte is its own rune, and byteWord tells a word's:
		// most of the text is read without decoding a rune.
		if c := s[i]; c < utf8.RuneSelf {
			if !byteWord[c] {
				i++
				continue
			}
		} else if r, n := decode(text, i); !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			var r rune
			var n int
			c := s[j]
			if byteWord[c] {
				// An ASCII letter or digit: one load tells it.
				j++
				continue
			}
			// Only commas, dots, apostrophes and hyphens join words
			// (below): a space or other mark ends the word without a
			// look at its neighbours.
			if c < utf8.RuneSelf {
				if !byteJoins[c] {
					break
				}
				r, n = rune(c), 1
			} else {
				r, n = decode(text, j)
				if isWordRune(r) {
					j += n
					continue
				}
				if !isApostrophe(r) && !isHyphen(r) {
					break
				}
			}
			if j+n >= end {
				break
			}
			next, _ := decode(text, j+n)
			prev, _ := decodeLast(text, j)
			switch {
			case isApostrophe(r) && unicode.IsLetter(next):
				j += n
			case isHyphen(r) && isWordRune(next):
				j += n
			case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
				j += n
			case r == '.' && unicode.IsUpper(prev) && unicode.IsUpper(next) && singleLetterBefore(text, i, j):
				// U.S, U.N: keep going; the final dot is taken below.
				j += n
			default:
				goto done
			}
		}
	done:
		// A dotted acronym keeps its final dot (U.S.), and so does the
		// hyphenated form (U.S.-designated) handled by the loop above.
		if j < end && text[j] == '.' && strings.Contains(text[i:j], ".") && isDottedAcronym(text[i:j]) {
			j++
			if j < end {
				if r, n := decode(text, j); isHyphen(r) {
					if nx, _ := decode(text, j+n); isWordRune(nx) {
						j += n
						for j < end {
							r, n := decode(text, j)
							if !isWordRune(r) && !(isHyphen(r)) {
								break
							}
							j += n
						}
					}
				}
			}
		}
		out = append(out, rawToken{span: Span{i, j}, text: text[i:j]})
		// The spaces and marks after the word, passed over here in a
		// loop of their own: the loop above keeps more in registers
		// than it can hold, and took them out and back at every byte.
		for j < len(s) && byteGap[s[j]] {
			j++
		}
		i = j
	}
	return out
}

// singleLetterBefore reports whether the run text[i:j] ends in a single
// letter preceded by the word start or a dot: the shape of U.S or U.N.
func singleLetterBefore(text string, i, j int) bool {
	_, n := decodeLast(text, j)
	k := j - n
	return k == i || text[k-1] == '.'
}

// isDottedAcronym reports whether s is two or more single letters (runes)
// between dots, with no dot at either end: "U.S", "U.N", "N.Y". The parts
// are read in place, not split into a list (sentence splitting and
// tokenising ask at every dotted word).
func isDottedAcronym(s string) bool {
	parts := 0
	for {
		i := strings.IndexByte(s, '.')
		part := s
		if i >= 0 {
			part = s[:i]
		}
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		parts++
		if i < 0 {
			return parts >= 2
		}
		s = s[i+1:]
	}
}

// lowerKey folds a token to the form words are compared in before stemming:
// lower case, apostrophes folded, possessive stripped, dots of acronyms
// removed (U.S. → us).
func lowerKey(s string) string {
	if plainLower(s) {
		// Most words: lower-case ASCII letters and digits, nothing to fold.
		return s
	}
	s = strings.ToLower(s)
	// The folded marks are beyond ASCII: an ASCII word is not searched
	// for them (ContainsAny with such marks compares every rune).
	ascii := isASCII(s)
	if !ascii && strings.ContainsAny(s, "’ʼ＇") {
		s = apostropheFolder.Replace(s)
	}
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "'")
	if strings.Contains(s, ".") && !startsWithDigit(s) {
		s = strings.ReplaceAll(s, ".", "")
	}
	if !ascii && strings.ContainsAny(s, "‐‑") {
		s = hyphenFolder.Replace(s)
	}
	return s
}

// plainLower reports a word lowerKey leaves as it is: ASCII lower-case
// letters, digits and inner hyphens, not ending in an apostrophe.
func plainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == ',') {
			return false
		}
	}
	return true
}

// The folders are compiled once; a strings.Replacer is safe for
// concurrent use.
var (
	apostropheFolder = strings.NewReplacer("’", "'", "ʼ", "'", "＇", "'")
	hyphenFolder     = strings.NewReplacer("‐", "-", "‑", "-")
)

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// onlySpaceBetween reports whether text[a:b] is blank (no punctuation),
// which is what lets two words belong to one phrase.
func onlySpaceBetween(text string, a, b int) bool {
	for i := a; i < b; i++ {
		if text[i] != ' ' && text[i] != '\t' && text[i] != 0xC2 && text[i] != 0xA0 {
			return false
		}
	}
	return true
}
