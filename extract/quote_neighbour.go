package extract

import "sort"

// neighbourQuotes gives a scare quote to the speaker of the sentence before
// it (in its paragraph, or the last of the paragraph before). News writing names a source once and goes on
// quoting it in fragments: “We will not retreat,” the mayor said. The plan
// is “final.” The fragment “final” is the mayor's word, not the outlet's
// distance from it. A quote counts as the previous sentence's speaker's
// when that sentence holds a direct quote with a named speaker, or reports
// a named source ("The mayor said …", "…, the mayor said", "according to
// the filing"). The quote is marked reported, so an
// outlet's own habit of quoting the word (outletHabit) still wins.
func (x *extractor) neighbourQuotes(qs []quoteInfo, blks, sents []Span) {
	for i := range qs {
		q := &qs[i]
		if q.kind != quoteScare {
			continue
		}
		si := sort.Search(len(sents), func(k int) bool { return sents[k].End > q.span.Start })
		if si == 0 || si >= len(sents) || sents[si].Start > q.span.Start {
			continue
		}
		// The sentence right before, in the same paragraph or closing the
		// one before: news paragraphs are often one sentence long, and a
		// fragment quoted in the next paragraph still continues the
		// source just named.
		prevSent := sents[si-1]
		if !sameBlock(blks, prevSent.Start, q.span.Start) && !adjacentBlocks(blks, prevSent.Start, q.span.Start) {
			continue
		}
		// The last direct quote with a speaker in the previous sentence.
		var src *quoteInfo
		for k := i - 1; k >= 0 && qs[k].span.End > prevSent.Start; k-- {
			if qs[k].kind == quoteDirect && qs[k].speaker != "" && prevSent.Contains(Span{qs[k].span.Start, qs[k].span.Start}) {
				src = &qs[k]
				break
			}
		}
		if src != nil {
			q.kind, q.reported = quoteDirect, true
			q.speaker, q.verb, q.speakerAt, q.speakerRef = src.speaker, src.verb, src.speakerAt, src.speakerRef
			continue
		}
		// No quote there, but a report: "The mayor said the plan was
		// settled." or "…, according to the filing."
		who := x.saidLater(prevSent, prevSent.Start)
		if who == "" {
			who = x.accordingTo(prevSent)
		}
		if who != "" {
			q.kind, q.reported = quoteDirect, true
			q.speaker, q.speakerAt = who, prevSent.Start
		}
	}
}

// sameBlock reports whether positions a and b fall in one paragraph.
func sameBlock(blks []Span, a, b int) bool {
	for _, bl := range blks {
		if bl.Start <= a && a < bl.End {
			return b < bl.End
		}
	}
	return false
}

// adjacentBlocks reports whether position a lies in the paragraph right
// before the one holding b.
func adjacentBlocks(blks []Span, a, b int) bool {
	for i := 1; i < len(blks); i++ {
		if blks[i].Start <= b && b < blks[i].End {
			return blks[i-1].Start <= a && a < blks[i-1].End
		}
	}
	return false
}
