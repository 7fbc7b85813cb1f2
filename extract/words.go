package extract

import "slices"

// words tokenizes every sentence and looks up each token's word once: its
// lower-case form and facts (wordfacts.go), and, for a capitalised token
// inside a sentence, that the document capitalises the word. The tokens,
// forms and facts of all sentences sit in one array each of the
// extraction's scratch, cut per sentence (capacity capped at the
// sentence's length), instead of three slices per sentence.
func (x *extractor) words(sents []Span) (toks [][]rawToken, lows [][]string, facts [][]*wordFacts) {
	s := x.scratch
	ends := make([]int, len(sents))
	buf := s.toks[:0]
	for si, sp := range sents {
		buf = appendTokens(buf, x.text, sp.Start, sp.End)
		ends[si] = len(buf)
	}
	n := len(buf)
	s.toks = buf
	s.lows = slices.Grow(s.lows[:0], n)[:n]
	s.facts = slices.Grow(s.facts[:0], n)[:n]
	s.sentToks = slices.Grow(s.sentToks[:0], len(sents))[:len(sents)]
	s.sentLows = slices.Grow(s.sentLows[:0], len(sents))[:len(sents)]
	s.sentFacts = slices.Grow(s.sentFacts[:0], len(sents))[:len(sents)]
	s.wcache.reset(x.lex, x.lex.generation())
	// capWritten holds, by the low bits of its id, a word already written
	// to capSeen for this document: a name is capitalised many times
	// over, and each write hashed its form again. (The pointer is
	// compared: two words sharing a place only write the map again.)
	var capWritten [256]*wordFacts
	start := 0
	for si, end := range ends {
		for k := start; k < end; k++ {
			w := s.wcache.word(buf[k].text)
			f := w.facts
			s.facts[k] = f
			if w.plain {
				// The same bytes as f.low, in the text being
				// read, which is in the processor's cache, not
				// in the table's copy somewhere in the heap: the
				// forms are compared and hashed many times over,
				// and f itself is not read here.
				s.lows[k] = buf[k].text
			} else {
				s.lows[k] = f.low
			}
			if k > start && w.capital {
				// Words the document capitalises mid-sentence are
				// names even where a sentence starts with them.
				if slot := &capWritten[uint8(f.id)]; *slot != f {
					*slot = f
					x.capSeen[f.low] = true
				}
			}
		}
		s.sentToks[si] = nil
		if end > start {
			s.sentToks[si] = buf[start:end:end]
		}
		s.sentLows[si] = s.lows[start:end:end]
		s.sentFacts[si] = s.facts[start:end:end]
		start = end
	}
	return s.sentToks, s.sentLows, s.sentFacts
}
