package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// annotate turns sentence spans into claims with all their annotations.
func (x *extractor) annotate(sents []Span) {
	text := x.text
	x.acronyms = map[string]string{}
	if x.capSeen == nil {
		// A headline's reading starts with what its article capitalises.
		x.capSeen = map[string]bool{}
	}
	x.speech = map[int]bool{}
	// Words the document capitalises mid-sentence are names even where a
	// sentence starts with them.
	all := make([][]rawToken, len(sents))
	allLows := make([][]string, len(sents))
	// Each sentence's tokens are gathered in one buffer and kept at their
	// size: no slice grows per sentence.
	var scratch []rawToken
	for si, s := range sents {
		scratch = appendTokens(scratch[:0], text, s.Start, s.End)
		if len(scratch) > 0 {
			all[si] = slices.Clone(scratch)
		}
		allLows[si] = make([]string, len(all[si]))
		for k, t := range all[si] {
			allLows[si][k] = lowerKey(t.text)
			if k > 0 && isCapitalized(t.text) {
				x.capSeen[lowerKey(t.text)] = true
			}
		}
	}
	x.sents, x.sentToks = sents, all
	// Names first, for the whole document: quote speakers and descriptions
	// are resolved against names said before and after them.
	ents := make([][]Entity, len(sents))
	for si := range sents {
		ents[si] = x.findEntities(all[si], allLows[si])
	}
	x.indexMentions(sents, all, allLows, ents)
	x.quotes = x.findQuotes(blocks(text), sents)
	sort.SliceStable(x.quotes, func(i, j int) bool { return x.quotes[i].span.Start < x.quotes[j].span.Start })
	x.resolveSpeakers()
	x.doc.Claims = slices.Grow(x.doc.Claims, len(sents))
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
		c := Claim{Text: text[s.Start:s.End], Span: s}
		lows := allLows[si]
		c.Entities = ents[si]
		taken := make([]bool, len(toks))
		x.facts = slices.Grow(x.facts[:0], len(toks))[:len(toks)]
		for k := range toks {
			x.facts[k] = x.lex.facts(lows[k])
		}
		c.Dates = x.findDates(toks, lows, x.facts, taken)
		c.Numbers = x.findNumbers(toks, lows, taken)
		inEntity := make([]bool, len(toks))
		ei := 0
		for k, t := range toks {
			for ei < len(c.Entities) && c.Entities[ei].Span.End <= t.span.Start {
				ei++
			}
			inEntity[k] = ei < len(c.Entities) && c.Entities[ei].Span.Contains(t.span)
		}
		c.Tokens = make([]Token, len(toks))
		for k, t := range toks {
			wf := x.facts[k]
			tk := Token{Text: t.text, Span: t.span, Entity: inEntity[k], Number: startsWithDigit(t.text), Stop: wf.stop}
			tk.Quoted = x.inDirectQuote(t.span) != nil
			if tk.Entity {
				tk.Key = lows[k]
			} else {
				tk.Key = wf.stem
			}
			c.Tokens[k] = tk
		}
		for _, q := range x.near {
			if q.kind == quoteDirect {
				c.Quotes = append(c.Quotes, Quote{Text: text[q.inner.Start:q.inner.End], Speaker: q.speaker, SpeakerRef: q.speakerRef, Verb: q.verb, Span: q.span})
			}
		}
		c.Entities = x.addResolved(c.Entities, toks, lows)
		c.Markers = x.findMarkers(&c, toks, lows, x.facts)
		c.Attribution = x.attribution(&c, toks, lows)
		x.reportedVoice(&c, toks, lows)
		x.doc.Claims = append(x.doc.Claims, c)
	}
	unifyKeys(x.doc.Claims)
	SetID(x.doc, x.doc.ID)
	markRepeats(x.doc.Claims)
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
	for i := range d.Claims {
		n := id + ".c" + strconv.Itoa(i+1)
		if _, ok := old[d.Claims[i].ID]; ok {
			old[d.Claims[i].ID] = n
		}
		d.Claims[i].ID = n
	}
	for i := range d.Claims {
		if r := d.Claims[i].RepeatOf; r != "" {
			d.Claims[i].RepeatOf = old[r]
		}
	}
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
func (x *extractor) attribution(c *Claim, toks []rawToken, lows []string) *Attribution {
	// Verbs that introduce speech first ("denied", "reported"), then the
	// rest ("pledged"), each in sentence order.
	for pass := 0; pass < 2; pass++ {
		if a := x.attributionPass(c, toks, lows, pass == 0); a != nil {
			return a
		}
	}
	return nil
}

func (x *extractor) attributionPass(c *Claim, toks []rawToken, lows []string, speech bool) *Attribution {
	text := x.text
	for _, m := range c.Markers {
		if m.Kind != KindAttribution || m.Voice != VoiceOutlet || x.speech[m.Span.Start] != speech {
			continue
		}
		// Token index of the marker.
		k0, k1 := -1, -1
		for k, t := range toks {
			if t.span.Start == m.Span.Start {
				k0 = k
			}
			if t.span.End == m.Span.End {
				k1 = k + 1
			}
		}
		if k0 < 0 || k1 < 0 {
			continue
		}
		if strings.HasSuffix(strings.ToLower(m.Text), "ing") {
			// A participle ("Citing …", "…, saying") hangs off another verb.
			continue
		}
		a := &Attribution{Verb: m.Text, Stance: m.Stance}
		inverted := lows[k0] == "said" && k0 > 0 && invertedGap(text[toks[k0-1].span.End:toks[k0].span.Start]) && !clauseFollows(lows[k1:])
		if strings.HasPrefix(strings.ToLower(m.Text), "according to") || k0 == 0 || inverted {
			// The source follows: "according to regional media", "…, said the minister".
			src := phraseFrom(text, toks[k1:], 7)
			if src == "" {
				continue
			}
			a.Source = src
			a.Span = Span{m.Span.Start, toks[k1].span.Start + len(src)}
		} else {
			src, ok := phraseBeforeSpan(text, toks[:relativeClauseStart(text, toks, lows, k0)], 7, x.lex)
			if !ok || strings.HasSuffix(strings.ToLower(m.Text), "ing") {
				continue
			}
			a.Source = text[src.Start:src.End]
			a.Span = Span{src.Start, m.Span.End}
		}
		return a
	}
	return nil
}

// markRepeats links a claim to an earlier claim of the same document that
// it repeats: a teaser lead printed again in the body. Two claims repeat
// when most of the shorter one's content words are in the longer one.
func markRepeats(claims []Claim) {
	// Each claim's content words as a sorted set of ids numbered for the
	// document: a set is a merge away from another, with no map per claim.
	ids := map[string]int32{}
	sets := make([][]int32, len(claims))
	var df []int
	for i, c := range claims {
		var set []int32
		for _, t := range c.Tokens {
			if t.Stop {
				continue
			}
			id, ok := ids[t.Key]
			if !ok {
				id = int32(len(ids))
				ids[t.Key] = id
				df = append(df, 0)
			}
			set = append(set, id)
		}
		slices.Sort(set)
		set = slices.Compact(set)
		for _, id := range set {
			df[id]++
		}
		sets[i] = set
	}
	// A repeat and its original share most of their words, rare ones
	// included: each claim is indexed under its rare words (in at most
	// four claims), and only claims sharing one are compared. This keeps
	// the search near linear where a pairwise scan would be quadratic; in
	// text where no word is rare, repeats are not looked for.
	const rare = 4
	index := make([][]int, len(ids))
	seen := make([]int, len(claims)) // 1 + the last claim that saw a candidate
	var cands []int
	for j := range claims {
		cands = cands[:0]
		for _, k := range sets[j] {
			if df[k] > rare {
				continue
			}
			for _, i := range index[k] {
				if seen[i] != j+1 {
					seen[i] = j + 1
					cands = append(cands, i)
				}
			}
			if len(sets[j]) >= 8 {
				index[k] = append(index[k], j)
			}
		}
		sort.Ints(cands)
		for _, i := range cands {
			if claims[i].RepeatOf != "" {
				continue
			}
			small := min(len(sets[i]), len(sets[j]))
			if small < 8 {
				continue
			}
			if float64(sharedIDs(sets[i], sets[j])) >= 0.85*float64(small) {
				claims[j].RepeatOf = claims[i].ID
				break
			}
		}
	}
}

// sharedIDs counts the ids two sorted sets share.
func sharedIDs(a, b []int32) int {
	n, j := 0, 0
	for _, id := range a {
		for j < len(b) && b[j] < id {
			j++
		}
		if j < len(b) && b[j] == id {
			n++
		}
	}
	return n
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
