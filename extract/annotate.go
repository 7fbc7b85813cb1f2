package extract

import (
	"strconv"
	"strings"
)

// annotate turns sentence spans into claims with all their annotations.
func (x *extractor) annotate(sents []Span) {
	text := x.text
	x.acronyms = map[string]string{}
	x.capSeen = map[string]bool{}
	x.speech = map[int]bool{}
	// Words the document capitalises mid-sentence are names even where a
	// sentence starts with them.
	all := make([][]rawToken, len(sents))
	for si, s := range sents {
		all[si] = tokenize(text, s.Start, s.End)
		for k, t := range all[si] {
			if k > 0 && isCapitalized(t.text) {
				x.capSeen[lowerKey(t.text)] = true
			}
		}
	}
	x.quotes = x.findQuotes(blocks(text), sents)
	for si, s := range sents {
		toks := all[si]
		if len(toks) == 0 {
			continue
		}
		c := Claim{Text: text[s.Start:s.End], Span: s}
		lows := make([]string, len(toks))
		for k, t := range toks {
			lows[k] = lowerKey(t.text)
		}
		c.Entities = x.findEntities(&c, toks, lows)
		taken := make([]bool, len(toks))
		c.Dates = x.findDates(toks, lows, taken)
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
			tk := Token{Text: t.text, Span: t.span, Entity: inEntity[k], Number: startsWithDigit(t.text), Stop: x.lex.Has(LexStopword, lows[k])}
			tk.Quoted = x.inDirectQuote(t.span) != nil
			if tk.Entity {
				tk.Key = lows[k]
			} else {
				tk.Key = stem(lows[k])
			}
			c.Tokens[k] = tk
		}
		for _, q := range x.quotes {
			if q.kind == quoteDirect && q.span.Overlaps(s) {
				c.Quotes = append(c.Quotes, Quote{Text: text[q.inner.Start:q.inner.End], Speaker: q.speaker, Verb: q.verb, Span: q.span})
			}
		}
		c.Markers = x.findMarkers(&c, toks, lows)
		c.Attribution = x.attribution(&c, toks, lows)
		x.doc.Claims = append(x.doc.Claims, c)
	}
	unifyKeys(x.doc.Claims)
	SetID(x.doc, x.doc.ID)
	markRepeats(x.doc.Claims)
}

// SetID gives the document the id and renumbers its claims ("d2.c1", …),
// rewriting repeat references to match.
func SetID(d *Document, id string) {
	old := map[string]string{}
	d.ID = id
	for i := range d.Claims {
		n := id + ".c" + strconv.Itoa(i+1)
		old[d.Claims[i].ID] = n
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
	for i := range x.quotes {
		q := &x.quotes[i]
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
		if strings.HasPrefix(strings.ToLower(m.Text), "according to") || k0 == 0 || lows[k0] == "said" && k0 > 0 && !onlySpaceBetween(text, toks[k0-1].span.End, toks[k0].span.Start) {
			// The source follows: "according to regional media", "…, said the minister".
			src := phraseFrom(text, toks[k1:], 7)
			if src == "" {
				continue
			}
			a.Source = src
			a.Span = Span{m.Span.Start, toks[k1].span.Start + len(src)}
		} else {
			src, ok := phraseBeforeSpan(text, toks[:k0], 7, x.lex)
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
	sets := make([]map[string]bool, len(claims))
	for i, c := range claims {
		sets[i] = map[string]bool{}
		for _, t := range c.Tokens {
			if !t.Stop {
				sets[i][t.Key] = true
			}
		}
	}
	for j := range claims {
		for i := 0; i < j; i++ {
			if claims[i].RepeatOf != "" {
				continue
			}
			a, b := sets[i], sets[j]
			small, big := a, b
			if len(b) < len(a) {
				small, big = b, a
			}
			if len(small) < 8 {
				continue
			}
			shared := 0
			for k := range small {
				if big[k] {
					shared++
				}
			}
			if float64(shared) >= 0.85*float64(len(small)) {
				claims[j].RepeatOf = claims[i].ID
				break
			}
		}
	}
}
