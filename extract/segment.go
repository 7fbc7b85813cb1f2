package extract

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxClaimBytes bounds one claim. A "sentence" longer than this is not a
// sentence but unpunctuated text (a scraped table, a 10 MB line); it is cut
// at spaces so that work and memory stay linear in the input.
const maxClaimBytes = 3000

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '"', '”', '’', '\'', ')', ']', '»', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '“', '‘', '\'', '(', '[', '«', '‹', '„':
		return true
	}
	return false
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// isBadByte reports whether text[i] starts no valid UTF-8 sequence.
func isBadByte(text string, i int) bool {
	r, n := decode(text, i)
	return r == utf8.RuneError && n == 1
}

// blocks splits text into runs of lines that belong together: a line break
// ends a block unless it is a soft wrap (the line does not end a sentence and
// the next line starts in lower case). Blank lines always end a block.
func blocks(text string) []Span {
	return appendBlocks(nil, text)
}

// appendBlocks appends the blocks of text to out.
func appendBlocks(out []Span, text string) []Span {
	start := -1
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		a, b := trimSpan(text, lineStart, lineEnd)
		switch {
		case a == b: // blank line
			if start >= 0 {
				out = append(out, closeBlock(text, start, lineStart))
				start = -1
			}
		case start < 0:
			start = a
		default:
			// Does the previous line continue into this one?
			pa, pb := trimSpan(text, start, lineStart)
			last, _ := decodeLast(text, pb)
			first, _ := decode(text, a)
			if pb > pa && !isTerminator(last) && !isCloser(last) && unicode.IsLower(first) {
				break
			}
			out = append(out, closeBlock(text, start, lineStart))
			start = a
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, closeBlock(text, start, len(text)))
	}
	return out
}

func closeBlock(text string, a, b int) Span {
	a, b = trimSpan(text, a, b)
	return Span{a, b}
}

// trimSpan narrows [a,b) to exclude leading and trailing white space.
func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, n := decode(text, a)
		if !isSpace(r) && r != '\uFEFF' {
			break
		}
		a += n
	}
	for b > a {
		r, n := decodeLast(text, b)
		if !isSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// sentences finds the sentence spans of one block. With a scratch, they
// are found into its buffer, good until the next call (findParts copies
// them at once).
func (x *extractor) sentences(blk Span) []Span {
	text := x.text
	var out []Span
	if x.scratch != nil {
		out = x.segBuf[:0]
	}
	start := blk.Start
	emit := func(end int) {
		a, b := trimSpan(text, start, end)
		if a < b {
			out = append(out, Span{a, b})
		}
	}
	for i := blk.Start; i < blk.End; {
		// Eight bytes at a time over plain ASCII without a terminator:
		// this scan passes over every byte of the text.
		// A word with a mark: the lowest byte marked is the first
		// (the mask marks exactly the terminators), the bytes before it
		// are passed over.
		for i+8 <= blk.End {
			if m := terminators8(load8(text, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= blk.End {
			break
		}
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			// Most bytes: ASCII and no terminator, nothing to decode.
			i++
			continue
		}
		r, n := decode(text, i)
		if !isTerminator(r) {
			i += n
			continue
		}
		j := i + n
		for j < blk.End {
			r2, n2 := decode(text, j)
			if !isTerminator(r2) {
				break
			}
			j += n2
		}
		k := j
		for k < blk.End {
			r2, n2 := decode(text, k)
			if !isCloser(r2) {
				break
			}
			k += n2
		}
		if k >= blk.End {
			break
		}
		if next, ok := x.isBoundary(blk, i, j, k); ok {
			emit(k)
			start = next
		}
		i = k
	}
	emit(blk.End)
	if x.scratch != nil {
		x.segBuf = out
	}
	return x.splitLong(out)
}

// isBoundary decides whether the terminator at text[i:j], followed by closing
// marks up to k, ends a sentence. It returns where the next sentence starts.
func (x *extractor) isBoundary(blk Span, i, j, k int) (int, bool) {
	text := x.text
	r, _ := decode(text, k)
	// A byte that is not UTF-8 separates like white space ("Monday.\xa0The"
	// from Latin-1 text).
	glued := !isSpace(r) && !isBadByte(text, k)
	m := k
	for m < blk.End {
		r, n := decode(text, m)
		if !isSpace(r) && !isBadByte(text, m) {
			break
		}
		m += n
	}
	p := m
	for p < blk.End {
		r, n := decode(text, p)
		if !isOpener(r) {
			break
		}
		p += n
	}
	next, _ := decode(text, p)
	if !unicode.IsUpper(next) && !(unicode.IsDigit(next) && !glued) {
		return 0, false
	}
	term, _ := decode(text, i)
	if glued {
		// "Saturday.Citing", "Sept. 9.By", "oppose”.The": a lower-case letter,
		// a digit or closing marks before the dot make a sentence end that
		// lost its space. "U.S.President" does not: an upper-case letter
		// before the dot is an abbreviation.
		prev, _ := decodeLast(text, i)
		if term == '…' || !(unicode.IsLower(prev) || unicode.IsDigit(prev) || isCloser(prev) || k > j) {
			return 0, false
		}
	}
	if term != '.' || j-i > 1 {
		return m, true
	}
	word := wordBefore(text, blk.Start, i)
	// Mostly a capitalised word or an abbreviation: lowered on the stack,
	// not copied.
	var lb [maxLowered]byte
	lw := string(lowerBytes(&lb, word))
	if dot := strings.LastIndexByte(lw, '.'); dot > 1 && !isDottedAcronym(word) {
		// "JNSU.S": a byline glued to a dotted acronym; judge the acronym.
		if e := x.lex.Word(LexAbbreviation, lw[dot-1:]); e != nil {
			lw, word = lw[dot-1:], word[dot-1:]
		}
	}
	// Whether the next word is a stop word, asked only after an
	// abbreviation, an initial or an acronym (most dots end a plain
	// word). wordAt reads letters only, so lowerKey lower-cases the word
	// and nothing else: the word's facts say whether it is a stop word.
	starter := func() bool { return x.wordOf(wordAt(text, p, blk.End)).facts.stop }
	if e := x.lex.Word(LexAbbreviation, lw); e != nil {
		switch e.Kind {
		case "title":
			return 0, false
		case "month":
			if unicode.IsDigit(next) {
				return 0, false
			}
			return m, true
		default:
			if starter() {
				return m, true
			}
			return 0, false
		}
	}
	if len([]rune(word)) == 1 && unicode.IsUpper([]rune(word)[0]) {
		// An initial (John F. Kennedy) unless a sentence plainly starts.
		return m, starter() && k > j
	}
	if isDottedAcronym(word) {
		return m, starter()
	}
	return m, true
}

// wordBefore returns the word (letters, digits and inner dots) that ends at i.
func wordBefore(text string, lo, i int) string {
	a := i
	for a > lo {
		r, n := decodeLast(text, a)
		if !isWordRune(r) && r != '.' {
			break
		}
		a -= n
	}
	return strings.Trim(text[a:i], ".")
}

// wordAt returns the letters starting at i.
func wordAt(text string, i, hi int) string {
	b := i
	for b < hi {
		r, n := decode(text, b)
		if !unicode.IsLetter(r) {
			break
		}
		b += n
	}
	return text[i:b]
}

// splitLong cuts sentences longer than maxClaimBytes at white space. It
// returns in itself when none is (nearly always).
func (x *extractor) splitLong(in []Span) []Span {
	if !slices.ContainsFunc(in, func(s Span) bool { return s.Len() > maxClaimBytes }) {
		return in
	}
	var out []Span
	for _, s := range in {
		if s.Len() <= maxClaimBytes {
			out = append(out, s)
			continue
		}
		x.note("a sentence of %d bytes at %d was cut into pieces of at most %d bytes", s.Len(), s.Start, maxClaimBytes)
		for a := s.Start; a < s.End; {
			b := a + maxClaimBytes
			if b >= s.End {
				b = s.End
			} else {
				cut := strings.LastIndexAny(x.text[a:b], " \t\n")
				if cut > maxClaimBytes/2 {
					b = a + cut
				} else {
					// No space: cut on a rune boundary, or anywhere when
					// the bytes are not UTF-8 at all (a run of continuation
					// bytes has no boundary, and b must move past a).
					for b > a && b < len(x.text) && x.text[b]&0xC0 == 0x80 {
						b--
					}
					if b <= a {
						b = a + maxClaimBytes
					}
				}
			}
			if pa, pb := trimSpan(x.text, a, b); pa < pb {
				out = append(out, Span{pa, pb})
			}
			a = b
		}
	}
	return out
}

// noTerminator8 reports whether none of the eight bytes of x (little-endian)
// can start a sentence's terminator: no '.', '!' or '?', and no byte from
// 0x80 (a terminator beyond ASCII is decoded by the byte loop).
func noTerminator8(x uint64) bool { return terminators8(x) == 0 }

// terminators8 marks with its high bit each byte of x that noTerminator8
// stops at, and only those. Bytes from 0x80 are marked as they are; below
// it (t, the high bits cleared), a byte v is zero exactly when v+0x7f
// stays below 0x80, with no carry into the next byte, so one sum per mark
// and a complement of their AND tell the three marks.
func terminators8(x uint64) uint64 {
	t := x &^ swarHighs
	const sevenFs = 0x7f * swarOnes
	none := ((t ^ '.'*swarOnes) + sevenFs) & ((t ^ '!'*swarOnes) + sevenFs) & ((t ^ '?'*swarOnes) + sevenFs)
	return (x | ^none) & swarHighs
}
