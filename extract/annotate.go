package extract

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// annotate turns sentence spans into claims with all their annotations.
func (x *extractor) annotate(sents []Span) {
	text := x.text
	x.acquire()
	x.acronyms = nil
	if x.capSeen == nil {
		// A headline's reading starts with what its article capitalises.
		x.capSeen = pooled(&x.maps.capSeen)
	}
	all, allLows, allFacts := x.words(sents)
	x.sents, x.sentToks = sents, all
	// Names first, for the whole document: quote speakers and descriptions
	// are resolved against names said before and after them.
	// The sentences' entities are found into the scratch's buffer and
	// copied out once, at their size; each sentence's are cut from the
	// copy, capacity capped at length, and nil for a sentence without one.
	ents := make([][]Entity, len(sents))
	ends := make([]int, len(sents))
	found := x.ents[:0]
	for si := range sents {
		found = x.findEntities(found, all[si], allLows[si], allFacts[si])
		ends[si] = len(found)
	}
	entBuf := slices.Clone(found)
	clear(found) // the scratch keeps no strings of this document
	x.ents = found[:0]
	lo := 0
	for si, hi := range ends {
		if hi > lo {
			ents[si] = entBuf[lo:hi:hi]
		}
		lo = hi
	}
	keys := x.indexMentions(sents, all, allLows, allFacts, ents)
	// In the scratch's array, which holds them until the extraction ends.
	x.quotes = x.findQuotes(x.quoteInfos[:0], x.textBlocks(), sents)
	x.quoteInfos = x.quotes
	slices.SortStableFunc(x.quotes, func(a, b quoteInfo) int { return cmp.Compare(a.span.Start, b.span.Start) })
	x.resolveSpeakers()
	x.doc.Claims = slices.Grow(x.doc.Claims, len(sents))
	// The claims' tokens are cut from one array, each claim's capacity
	// capped at its length.
	total := 0
	for _, toks := range all {
		total += len(toks)
	}
	tokBuf := make([]Token, total)
	claimFacts := x.claimFacts[:0]
	qi := 0
	for si, s := range sents {
		toks := all[si]
		if len(toks) == 0 {
			continue
		}
		// The quotes that touch this sentence, found by a sweep over the
		// sorted quotes so that work stays linear in the input.
		for qi < len(x.quotes) && x.quotes[qi].span.End <= s.Start {
			qi++
		}
		x.near = x.near[:0]
		for k := qi; k < len(x.quotes) && x.quotes[k].span.Start < s.End; k++ {
			if x.quotes[k].span.Overlaps(s) {
				x.near = append(x.near, &x.quotes[k])
			}
		}
		// Made in place in the document's claims (grown to the
		// sentences above, so c stays put): a Claim built aside
		// escaped to the heap, one allocation a claim, and was copied.
		x.doc.Claims = append(x.doc.Claims, Claim{Text: text[s.Start:s.End], Span: s})
		c := &x.doc.Claims[len(x.doc.Claims)-1]
		lows := allLows[si]
		c.Entities = ents[si]
		taken := clearedBools(&x.taken, len(toks))
		x.facts = allFacts[si]
		// Found into the scratch's buffers and cut from the document's
		// arrays (carve.go).
		c.Dates = x.dateArr.copyOf(x.findDates(toks, lows, x.facts, taken))
		c.Numbers = x.numArr.copyOf(x.findNumbers(toks, lows, x.facts, taken))
		c.Tokens, tokBuf = tokBuf[:len(toks):len(toks)], tokBuf[len(toks):]
		for k, t := range toks {
			wf := x.facts[k]
			// Written in place: the array is new and zero, and a
			// Token built aside was then copied whole.
			tk := &c.Tokens[k]
			tk.Text, tk.Span = t.text, t.span
			tk.Number, tk.Stop = wf.digit, wf.stop // digit: startsWithDigit(t.text)
			tk.Key = wf.stem
		}
		// The tokens inside a direct quote's words, met from the first
		// that starts in them (inDirectQuote for each token, by quote).
		for _, q := range x.near {
			if q.kind != quoteDirect {
				continue
			}
			for k := tokenAtOrAfter(toks, q.inner.Start, false); k < len(toks) && toks[k].span.End <= q.inner.End; k++ {
				c.Tokens[k].Quoted = true
			}
		}
		// The tokens inside the sentence's entities, which are in text
		// order and apart, met by one walk from entity to entity: they
		// are names' words, keyed unstemmed.
		k := 0
		for _, e := range c.Entities {
			for k < len(toks) && toks[k].span.Start < e.Span.Start {
				k++
			}
			for ; k < len(toks) && toks[k].span.End <= e.Span.End; k++ {
				tk := &c.Tokens[k]
				tk.Entity = true
				// The table's copy, not lows[k]: a plain word's form
				// is its bytes in the text (words), and a key the
				// caller keeps must not keep the article alive.
				tk.Key = x.facts[k].low
			}
		}
		// The quotes are gathered in the scratch's buffer and cut from
		// the document's array (carve.go).
		qs := x.quoteBuf[:0]
		for _, q := range x.near {
			if q.kind == quoteDirect {
				qs = append(qs, Quote{Text: text[q.inner.Start:q.inner.End], Speaker: q.speaker, SpeakerRef: q.speakerRef, Verb: q.verb, Span: q.span})
			}
		}
		c.Quotes = x.quoteArr.copyOf(qs)
		x.quoteBuf = qs[:0] // its strings cleared by release
		c.Entities = x.addResolved(c.Entities, toks, lows, x.facts)
		c.Markers = x.findMarkers(c, toks, lows, x.facts)
		// attribution and reportedVoice read the source before the
		// same reporting verbs: it is found once (sourceBefore).
		var srcs sourceMemo
		c.Attribution = x.attribution(c, toks, lows, &srcs)
		x.reportedVoice(c, toks, lows, &srcs)
		claimFacts = append(claimFacts, x.facts)
	}
	unifyKeys(x.doc.Claims, keys)
	relatives(x.doc.Claims, x.lex, pooled(&x.maps.twice))
	SetID(x.doc, x.doc.ID)
	x.claimFacts = claimFacts
	markRepeats(x.doc.Claims, claimFacts, &x.rep)
}

// clearedBools returns (*buf)[:n] all false, growing *buf when it is
// short: per-token flags reused from claim to claim.
func clearedBools(buf *[]bool, n int) []bool {
	b := slices.Grow((*buf)[:0], n)[:n]
	clear(b)
	*buf = b
	return b
}

// SetID gives the document the id and renumbers its claims ("d2.c1", …),
// rewriting repeat references to match.
func SetID(d *Document, id string) {
	// Only the claims something repeats need their new id looked up: a
	// map of every claim cost a long article tens of megabytes.
	var old map[string]string
	for i := range d.Claims {
		if r := d.Claims[i].RepeatOf; r != "" {
			if old == nil {
				old = map[string]string{}
			}
			old[r] = ""
		}
	}
	d.ID = id
	if d.Headline != nil {
		d.Headline.ID = id + ".h"
	}
	// The claims' ids are cut from one string: one allocation a
	// document where each id was one (SetID runs twice on every document
	// of a comparison, after extraction and in the report).
	var b strings.Builder
	b.Grow(len(d.Claims) * (len(id) + 2 + decimalLen(len(d.Claims))))
	var num [20]byte
	for i := range d.Claims {
		b.WriteString(id)
		b.WriteString(".c")
		b.Write(strconv.AppendInt(num[:0], int64(i+1), 10))
	}
	all, at := b.String(), 0
	for i := range d.Claims {
		end := at + len(id) + 2 + decimalLen(i+1)
		n := all[at:end]
		at = end
		if old != nil {
			// Most documents repeat nothing: no look-up for them.
			if _, ok := old[d.Claims[i].ID]; ok {
				old[d.Claims[i].ID] = n
			}
		}
		d.Claims[i].ID = n
	}
	for i := range d.Claims {
		if r := d.Claims[i].RepeatOf; r != "" {
			d.Claims[i].RepeatOf = old[r]
		}
	}
}

// decimalLen returns the number of decimal digits of n ≥ 0.
func decimalLen(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// inDirectQuote returns the direct quote whose words contain s.
func (x *extractor) inDirectQuote(s Span) *quoteInfo {
	for _, q := range x.near {
		if q.kind == quoteDirect && q.inner.Contains(s) {
			return q
		}
	}
	return nil
}

// attribution finds who the claim is attributed to: "X said/reported
// (that) …", "…, X told Y", "according to X". Verbs inside quotes belong to
// the speaker and are skipped; a verb needs a source phrase to count.
func (x *extractor) attribution(c *Claim, toks []rawToken, lows []string, srcs *sourceMemo) *Attribution {
	// Verbs that introduce speech first ("denied", "reported"), then the
	// rest ("pledged"), each in sentence order.
	for pass := 0; pass < 2; pass++ {
		if a := x.attributionPass(c, toks, lows, pass == 0, srcs); a != nil {
			return a
		}
	}
	return nil
}

func (x *extractor) attributionPass(c *Claim, toks []rawToken, lows []string, speech bool, srcs *sourceMemo) *Attribution {
	text := x.text
	for _, m := range c.Markers {
		if m.Kind != KindAttribution || m.Voice != VoiceOutlet || x.speechAtOffset(m.Span.Start) != speech {
			continue
		}
		// Token index of the marker.
		k0, k1 := x.markerTokens(toks, m.Span)
		if k0 < 0 || k1 < 0 {
			continue
		}
		if lowerHasSuffix(m.Text, "ing") {
			// A participle ("Citing …", "…, saying") hangs off another verb.
			continue
		}
		// The attribution is made once its source is found: most
		// markers tried have none.
		var source string
		var span Span
		inverted := lows[k0] == "said" && k0 > 0 && invertedGap(text[toks[k0-1].span.End:toks[k0].span.Start]) && !clauseFollows(lows[k1:])
		if lowerHasPrefix(m.Text, "according to") || k0 == 0 || inverted {
			// The source follows: "according to regional media", "…, said the minister".
			src := phraseFrom(text, toks[k1:], 7)
			if src == "" {
				continue
			}
			source = src
			span = Span{m.Span.Start, toks[k1].span.Start + len(src)}
		} else {
			src, ok := x.sourceBefore(toks, lows, k0, srcs)
			if !ok {
				continue
			}
			source = text[src.Start:src.End]
			span = Span{src.Start, m.Span.End}
		}
		return x.attrArr.one(Attribution{Verb: m.Text, Stance: m.Stance, Source: source, Span: span})
	}
	return nil
}

// sourceBefore is the source phrase before the reporting verb at toks[k0]
// of the claim being annotated (phraseBeforeSpan, seven words back, after
// any relative clause), found once a verb for the claim: srcs holds the
// answers so far.
func (x *extractor) sourceBefore(toks []rawToken, lows []string, k0 int, srcs *sourceMemo) (Span, bool) {
	for _, e := range srcs.e[:srcs.n] {
		if e.k0 == k0 {
			return e.span, e.ok
		}
	}
	span, ok := phraseBeforeSpan(x.text, toks[:relativeClauseStart(x.text, toks, lows, k0)], x.facts, 7, x.lex)
	if srcs.n < len(srcs.e) {
		srcs.e[srcs.n] = sourceAnswer{k0, span, ok}
		srcs.n++
	}
	return span, ok
}

// sourceMemo holds sourceBefore's answers for one claim, on the stack: a
// claim has a reporting verb or two.
type sourceMemo struct {
	e [4]sourceAnswer
	n int
}

// sourceAnswer is sourceBefore's answer for the verb at token k0.
type sourceAnswer struct {
	k0   int
	span Span
	ok   bool
}

// invertedGap reports whether the punctuation before "said" closes a
// clause or quotation, so that the source follows the verb ("…, said the
// minister", "“…?” said Smith"), not a name's own full stop or bracket
// ("Microsoft Corp. said", "the commission [IEC] said").
func invertedGap(g string) bool {
	return strings.ContainsAny(g, ",;:—–\"”’»?!")
}

// clauseFollows reports whether the words after "said" make a clause ("said
// the budget was balanced") rather than name a speaker ("said the
// minister"): a finite auxiliary among the next few words gives it away.
func clauseFollows(after []string) bool {
	for k := 0; k < len(after) && k < 6; k++ {
		switch after[k] {
		case "was", "were", "is", "are", "had", "has", "have", "will", "would", "could", "did", "does", "do", "can", "should", "must", "may", "might":
			return true
		}
	}
	return false
}

// relativeClauseStart steps back over a relative clause between a subject
// and its verb: in "The mayor, who took office in May, said …" the subject
// ends before ", who". It returns k0 when there is none.
func relativeClauseStart(text string, toks []rawToken, lows []string, k0 int) int {
	if k0 == 0 || !strings.Contains(text[toks[k0-1].span.End:toks[k0].span.Start], ",") {
		return k0
	}
	for k := k0 - 1; k > 0 && k >= k0-12; k-- {
		switch lows[k] {
		case "who", "which", "whose", "whom":
			if strings.Contains(text[toks[k-1].span.End:toks[k].span.Start], ",") {
				return k
			}
		}
	}
	return k0
}
