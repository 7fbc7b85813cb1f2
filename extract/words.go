package extract

import "sync"

// words tokenizes every sentence and looks up each token's word once: its
// lower-case form and facts (wordfacts.go), and, for a capitalised token
// inside a sentence, that the document capitalises the word. The tokens,
// forms and facts of all sentences sit in one array each, cut per
// sentence, instead of three slices per sentence.
func (x *extractor) words(sents []Span) (toks [][]rawToken, lows [][]string, facts [][]*wordFacts) {
	scratch := tokenScratch.Get().(*[]rawToken)
	buf := (*scratch)[:0]
	ends := make([]int, len(sents))
	for si, s := range sents {
		buf = appendTokens(buf, x.text, s.Start, s.End)
		ends[si] = len(buf)
	}
	allToks := make([]rawToken, len(buf))
	copy(allToks, buf)
	// The scratch must not keep this document's text alive in the pool.
	clear(buf)
	*scratch = buf[:0]
	tokenScratch.Put(scratch)

	allLows := make([]string, len(allToks))
	allFacts := make([]*wordFacts, len(allToks))
	toks = make([][]rawToken, len(sents))
	lows = make([][]string, len(sents))
	facts = make([][]*wordFacts, len(sents))
	start := 0
	for si, end := range ends {
		for k := start; k < end; k++ {
			f, capital := x.lex.word(allToks[k].text)
			allLows[k], allFacts[k] = f.low, f
			if k > start && capital {
				// Words the document capitalises mid-sentence are
				// names even where a sentence starts with them.
				x.capSeen[f.low] = true
			}
		}
		if end > start {
			toks[si] = allToks[start:end:end]
		}
		lows[si] = allLows[start:end:end]
		facts[si] = allFacts[start:end:end]
		start = end
	}
	return toks, lows, facts
}

// tokenScratch holds the buffer a document's tokens are gathered in before
// they are copied out at their size: one buffer grown for the largest
// document, not one grown per document.
var tokenScratch = sync.Pool{New: func() any { return new([]rawToken) }}
