package extract

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// Sentence is what a Detector sees: one claim of a document, with the
// tokens, names and quotes found so far, and the lexicon in use.
type Sentence struct {
	Text    string // the whole document text; spans index into it
	Claim   *Claim
	Lexicon *Lexicon
}

// A Detector finds one kind of framing signal in a claim. It returns markers
// with Kind, Text, Span and, ideally, Rule set. Voice and speaker are
// assigned afterwards from the quotations the extractor found, so a detector
// does not need to know about quoting: a marker inside a direct quote
// becomes the speaker's.
type Detector interface {
	Detect(s Sentence) []Marker
}

// DetectorFunc adapts a function to the Detector interface.
type DetectorFunc func(s Sentence) []Marker

// Detect calls f(s).
func (f DetectorFunc) Detect(s Sentence) []Marker { return f(s) }

// lexiconKinds are the framing lists in the order they are matched. The
// loaded list comes last and has no kind of its own: each entry names it.
var lexiconKinds = []struct{ cat, kind string }{
	{LexLabel, KindLabel}, {LexDistancing, KindDistancing}, {LexAttribution, KindAttribution},
	{LexHedge, KindHedge}, {LexIntensifier, KindIntensifier}, {LexLoaded, ""},
}

// lexiconKindIndex is catIndex of each category of lexiconKinds, and
// framingCats has their bits, as wordFacts.starts has them: a word's
// starts in the other lists (stop words, titles, given names) are no
// concern of findMarkers.
var (
	lexiconKindIndex = func() (ci []int) {
		for _, lk := range lexiconKinds {
			ci = append(ci, catIndex(lk.cat))
		}
		return ci
	}()
	framingCats = func() (m uint32) {
		for _, ci := range lexiconKindIndex {
			m |= 1 << ci
		}
		return m
	}()
)

// groupNouns follow a label and belong to its phrase: "terrorist group".
var groupNouns = map[string]bool{
	"group": true, "groups": true, "organization": true, "organisation": true, "organizations": true, "movement": true,
	"faction": true, "factions": true, "militia": true, "militias": true, "network": true, "cell": true, "cells": true,
	"outfit": true, "fighters": true, "leader": true, "leaders": true, "members": true, "member": true, "forces": true,
	"commander": true, "commanders": true, "entity": true, "state": true, "army": true, "attack": true, "attacks": true,
	"camp": true, "camps": true, "suspects": true, "suspect": true, "government": true, "regime": true,
}

// npModifiers may stand before a label inside its noun phrase.
var npModifiers = map[string]bool{
	"a": true, "an": true, "the": true, "foreign": true, "armed": true, "suspected": true, "alleged": true, "banned": true,
	"designated": true, "notorious": true, "violent": true, "rival": true, "local": true, "radical": true, "hardline": true,
	"so-called": true, "this": true, "that": true, "these": true, "those": true, "its": true, "their": true,
}

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "get": true, "gets": true, "got": true, "gotten": true}

var passiveAdverbs = map[string]bool{"not": true, "also": true, "still": true, "never": true, "already": true, "later": true, "then": true, "reportedly": true, "allegedly": true, "subsequently": true, "just": true, "being": true, "now": true}

// findMarkers runs the built-in and the configured detectors, then gives
// every marker its voice. facts are the word facts of toks when the
// caller has them (annotate looks them up for the whole sentence), nil
// otherwise.
func (x *extractor) findMarkers(c *Claim, toks []rawToken, lows []string, facts []*wordFacts) []Marker {
	text := x.text
	// Per-token scratch, reused from claim to claim (x.mk).
	// at[ci] lists the tokens where an entry of category ci can start
	// (wordFacts.starts), gathered in one pass: each category then visits
	// its own tokens, not every token of the claim for a bit.
	at := &x.mk.at
	// The entries that can start at each token are in its word facts, by
	// category, merged and ordered once for the process.
	if len(facts) != len(toks) {
		facts = make([]*wordFacts, len(toks))
		for k := range toks {
			facts[k] = x.lex.facts(lows[k])
		}
	}
	var present uint32 // the categories that can start somewhere
	for k := range toks {
		wf := facts[k]
		for b := wf.starts & framingCats; b != 0; b &= b - 1 {
			ci := bits.TrailingZeros32(b)
			if present&(1<<ci) == 0 {
				at[ci] = at[ci][:0]
			}
			at[ci] = append(at[ci], int32(k))
			present |= 1 << ci
		}
	}
	x.mk.speech, x.mk.attrs = x.mk.speech[:0], x.mk.attrs[:0]
	// Gathered in the scratch's buffer, copied out at its length.
	out := x.mk.out[:0]
	curated := 0 // out[:curated] come from the hand-curated lists
	for li, lk := range lexiconKinds {
		if lk.cat == LexLoaded {
			curated = len(out)
		}
		ci := lexiconKindIndex[li]
		if present&(1<<ci) == 0 {
			// No entry of the category starts in the sentence.
			continue
		}
		from := 0 // a match ends before it: tokens before it are passed over
		for _, i := range at[ci] {
			i := int(i)
			if i < from {
				continue
			}
			var next uint64
			if i+1 < len(facts) {
				next = facts[i+1].bits
			}
			m, ok := matchCands(facts[i].cands[ci], i, next, toks, lows, facts)
			if !ok || !x.phraseAdjacent(toks, m.start, m.end) {
				continue
			}
			if lk.kind == KindHedge && m.e.Sub == HedgeApproximator {
				// "about 5 million", "largely": the precision of an amount
				// or a degree, not the writer's commitment to the claim
				// (hedge.txt). Numbers keep their own approximation.
				from = m.end
				continue
			}
			if lk.kind == KindHedge && m.e.Sub == "adverb" && m.start > 0 && m.end < len(toks) && gerundPreps[lows[m.start-1]] && strings.HasSuffix(lows[m.end], "ing") {
				// "for potentially overturning", "about potentially easing
				// sanctions": the possible event talked about (hedge.txt).
				from = m.end
				continue
			}
			if lk.kind == KindHedge && m.e.Sub == "modal" && lows[m.end-1] == "be" && m.end < len(toks) &&
				(strings.HasSuffix(lows[m.end], "ed") || x.lex.Has(LexParticiple, lows[m.end])) {
				// "turnout may be depressed", "cuts might be carried out":
				// a passive forecast, not a guess about what is the case.
				from = m.end
				continue
			}
			start, end := m.start, m.end
			kind := lk.kind
			if kind == "" {
				kind = m.e.Marker
			}
			if lk.cat == LexLoaded && kind == KindLabel && !m.e.Exact && len(m.e.Words) == 1 && otherPOSForm(lows[m.start], m.e.Phrase) {
				// A noun matched through its stem in an adjective, adverb
				// or participle ("shock" in "shocking", "outrage" in
				// "outrageous") judges as an evaluative word does, and
				// names no one: an intensifier, not a label.
				kind = KindIntensifier
			}
			if lk.cat == LexLoaded && kind == KindAttribution && m.start > 0 && nounDeterminers[lows[m.start-1]] {
				// "his lies", "the rants": a verb of the generated list
				// after a determiner is its noun, which reports no
				// speech; the loaded noun names an act, as a label does.
				kind = KindLabel
			}
			mk := Marker{Kind: kind, Stance: m.e.Stance, Rule: m.e.Where}
			if kind != KindAttribution {
				mk.Stance = ""
			}
			if kind == KindAttribution && mk.Stance == StanceDistancing && strings.HasPrefix(lows[start], "alleg") && legalSubject(lows, start) {
				// "The indictment alleges that …": the standard, neutral
				// verb of a charging document (AP Stylebook), not the
				// outlet's doubt.
				mk.Stance = StanceNeutral
			}
			if m.e.Speech {
				x.mk.speech = append(x.mk.speech, toks[start].span.Start)
			}
			if kind == KindLabel {
				start, end = x.labelPhrase(toks, lows, start, end)
				mk.RefersTo = x.labelReferent(c, toks, lows, start)
			}
			if kind == KindDistancing && (m.e.Phrase == "so-called" || m.e.Phrase == "so called") && x.designation(toks, lows, m.end) {
				// "the so-called nuclear option", "the so-called “HR 1”
				// measure": news uses so-called to bring in a bill's or a
				// procedure's name, meaning "known as"; a reader judged
				// these no distance (issue 11).
				from = m.end
				continue
			}
			if lk.cat == LexLoaded && m.start > 0 && x.inCapitalRun(toks, m.start) && !titleStyle(toks) {
				// "Sen. Tom Carper", "Mad Dog Mattis": a generated word
				// written with a capital inside a run of capitals is part
				// of a name, in a sentence that is not set in title case.
				from = m.end
				continue
			}
			if kind == KindLabel && (m.e.Sub == "act" || lows[end-1] == "attack" || lows[end-1] == "attacks") && x.datedEvent(toks, lows, start, end) {
				// "the 2003 invasion of Iraq", "the Sept. 11 terrorist
				// attacks": a dated event's settled name, which every
				// outlet uses, not a choice among labels.
				from = end
				continue
			}
			if kind == KindLabel && x.inPlaceName(c, toks[m.start].span) {
				// "Martyrs' Square" names a place; it labels no one.
				from = end
				continue
			}
			mk.Span = Span{toks[start].span.Start, toks[end-1].span.End}
			mk.Text = text[mk.Span.Start:mk.Span.End]
			if (kind == KindLabel || kind == KindIntensifier) && x.inMention(mk.Span) {
				// The term “deep state”, the film “Occupation”: a word
				// mentioned or a title names, it does not label.
				from = end
				continue
			}
			if lk.cat == LexLoaded && loadedShadowed(mk, out[:curated]) {
				from = m.end
				continue
			}
			out = append(out, mk)
			if kind == KindAttribution {
				x.mk.attrs = append(x.mk.attrs, markerToks{mk.Span, start, end})
			}
			from = end
		}
	}
	out = append(out, x.agentless(toks, lows, facts)...)
	for _, q := range x.near {
		if q.kind == quoteScare && c.Span.Contains(q.span) {
			out = append(out, Marker{Kind: KindScareQuote, Text: text[q.span.Start:q.span.End], Span: q.span, Rule: "scare-quote: 1-3 quoted words of the narration, no source or document in the sentence or quoted speaker before in the paragraph, not a name"})
		}
	}
	if len(x.cfg.detectors) > 0 {
		s := Sentence{Text: text, Claim: c, Lexicon: x.lex}
		for _, d := range x.cfg.detectors {
			for _, m := range d.Detect(s) {
				if m.Span.Start < c.Span.Start || m.Span.End > c.Span.End || m.Span.Start > m.Span.End {
					x.note("detector marker %q at %v lies outside its claim %v; dropped", m.Kind, m.Span, c.Span)
					continue
				}
				m.Text = text[m.Span.Start:m.Span.End]
				out = append(out, m)
			}
		}
	}
	out = dropShadowed(out)
	for i := range out {
		out[i].Voice = VoiceOutlet
		if q := x.inDirectQuote(out[i].Span); q != nil {
			out[i].Voice = VoiceQuoted
			out[i].Speaker = q.speaker
		} else if out[i].Kind != KindScareQuote && x.inPartialQuote(out[i].Span) {
			// A loaded word inside quotation marks that are not plainly
			// the outlet's distance ("its “hateful and dishonest”
			// motion", a nickname) is someone's
			// wording the outlet passes on, not its own (issue 11).
			out[i].Voice = VoiceQuoted
		}
	}
	slices.SortStableFunc(out, func(a, b Marker) int {
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Kind, b.Kind)
	})
	ms := x.markerArr.copyOf(out)
	x.mk.out = out[:0] // its strings cleared by release
	return ms
}

// markerToks is an attribution marker findMarkers matched in the
// lexicon, with the tokens [k0, k1) of the claim it covers.
type markerToks struct {
	span   Span
	k0, k1 int
}

// markerTokens is tokenBounds(toks, s) for a marker of the claim
// findMarkers read last: a match of the lexicon knows its tokens, and
// others (a configured detector's) are searched for.
func (x *extractor) markerTokens(toks []rawToken, s Span) (k0, k1 int) {
	for _, a := range x.mk.attrs {
		if a.span == s {
			return a.k0, a.k1
		}
	}
	return tokenBounds(toks, s)
}

// speechAtOffset reports whether a match of an entry that introduces
// speech starts at offset at in the claim findMarkers read last.
func (x *extractor) speechAtOffset(at int) bool {
	return slices.Contains(x.mk.speech, at)
}

// nounDeterminers make the word after them a noun.
var nounDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true, "our": true, "my": true,
	"your": true, "this": true, "these": true, "those": true, "such": true, "any": true, "no": true, "every": true,
}

// gerundPreps are prepositions that take a gerund as their object.
var gerundPreps = map[string]bool{
	"for": true, "about": true, "of": true, "on": true, "over": true, "from": true, "by": true, "with": true, "against": true,
	"toward": true, "towards": true, "in": true, "after": true, "before": true, "without": true, "into": true, "at": true,
}

// designationNouns head the name of a bill, a rule or a procedure: what
// "so-called" introduces as a name in news, not a word it doubts.
var designationNouns = map[string]bool{
	"bill": true, "bills": true, "act": true, "law": true, "laws": true, "measure": true, "legislation": true, "amendment": true,
	"provision": true, "provisions": true, "rule": true, "rules": true, "option": true, "clause": true, "doctrine": true,
	"loophole": true, "exemption": true, "statute": true, "ordinance": true, "resolution": true, "procedure": true, "test": true,
}

// designation reports whether the words after so-called, up to four and
// within the clause, name a bill, rule or procedure (a designation noun or
// a number: "H.R. 1").
func (x *extractor) designation(toks []rawToken, lows []string, from int) bool {
	for k := from; k < len(toks) && k < from+4; k++ {
		if k > from && strings.ContainsAny(x.text[toks[k-1].span.End:toks[k].span.Start], ",;:()—") {
			return false
		}
		if designationNouns[lows[k]] || startsWithDigit(lows[k]) {
			return true
		}
	}
	return false
}

// inPartialQuote reports whether s lies inside quotation marks that are no
// direct quote, title or mention: a partial quotation whose source the text
// leaves open, a nickname, or a scare quote.
func (x *extractor) inPartialQuote(s Span) bool {
	for _, q := range x.near {
		if q.inner.Contains(s) && (q.kind == quoteUnsure || q.kind == quoteMention || q.kind == quoteScare) {
			return true
		}
	}
	return false
}

// legalDocs name a charging or court document, or its authors.
var legalDocs = map[string]bool{
	"indictment": true, "indictments": true, "complaint": true, "complaints": true, "lawsuit": true, "lawsuits": true,
	"suit": true, "filing": true, "filings": true, "affidavit": true, "petition": true, "warrant": true, "prosecutors": true,
	"plaintiffs": true, "charges": true, "charging": true,
}

// legalSubject reports a legal document among the eight words before the
// verb at k, within its clause.
func legalSubject(lows []string, k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if legalDocs[lows[j]] {
			return true
		}
		if clauseEnders[lows[j]] || lows[j] == "that" {
			return false
		}
	}
	return false
}

// inMention reports whether s lies inside a quotation the quote finder
// took for a title, or for a word mentioned after a noun that says so.
func (x *extractor) inMention(s Span) bool {
	for _, q := range x.near {
		if !q.inner.Contains(s) {
			continue
		}
		if q.kind == quoteTitle {
			return true
		}
		// A mention named as one ("the term “…”"), not a nickname: a
		// loaded nickname (“Crooked” Hillary) still labels.
		if q.kind == quoteMention {
			before := strings.Fields(strings.ToLower(x.text[max(0, q.span.Start-40):q.span.Start]))
			if len(before) > 0 && mentionNouns[strings.Trim(before[len(before)-1], ",;:")] {
				return true
			}
		}
	}
	return false
}

// datedEvent reports a date right around the label phrase toks[start:end]:
// a year or a day of a month before it ("2003", "Sept. 11", "Sept. 11,
// 2001,", "9/11"), or "on"/"of" and a month or a year after it ("the
// attacks on Sept. 11").
func (x *extractor) datedEvent(toks []rawToken, lows []string, start, end int) bool {
	isYear := func(w string) bool {
		return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
	}
	isMonth := func(w string) bool {
		_, ok := monthNames[strings.TrimSuffix(w, ".")]
		return ok
	}
	if end+1 < len(toks) && (lows[end] == "on" || lows[end] == "of") && (isMonth(lows[end+1]) || isYear(lows[end+1])) {
		return true
	}
	if start == 0 {
		return false
	}
	w := lows[start-1]
	gap := strings.TrimSpace(x.text[toks[start-1].span.End:toks[start].span.Start])
	switch {
	case gap != "" && !(gap == "," && isYear(w)):
		return false
	case w == "9/11" || isYear(w):
		return true
	case len(w) <= 2 && strings.Trim(w, "0123456789") == "" && start >= 2:
		return isMonth(lows[start-2])
	}
	return false
}

// otherPOSForm reports a word in a verb, adjective or adverb form
// (-ing, -ed, -ly, -ous, -ful) that the noun phrase of its entry is not in.
func otherPOSForm(w, phrase string) bool {
	for _, suf := range []string{"ing", "ed", "ly", "ous", "ful"} {
		if strings.HasSuffix(w, suf) && !strings.HasSuffix(phrase, suf) {
			return true
		}
	}
	return false
}

// inCapitalRun reports whether toks[k] is capitalised and so is a word
// right next to it (a quotation mark between them, as in “Crooked” Hillary,
// sets the word apart from the name).
func (x *extractor) inCapitalRun(toks []rawToken, k int) bool {
	if !isCapitalized(toks[k].text) {
		return false
	}
	return k > 0 && isCapitalized(toks[k-1].text) && x.nameGap(toks, k-1) ||
		k+1 < len(toks) && isCapitalized(toks[k+1].text) && x.nameGap(toks, k)
}

// nameGap reports whether toks[k] and toks[k+1] stand together in a name:
// only spaces between them, or the full stop of an initial ("Thomas R.
// Carper").
func (x *extractor) nameGap(toks []rawToken, k int) bool {
	g := x.text[toks[k].span.End:toks[k+1].span.Start]
	return strings.TrimSpace(g) == "" || strings.TrimSpace(g) == "." && len(toks[k].text) == 1
}

// titleStyle reports a sentence set in title case (a headline): most of
// its words of four letters or more are capitalised.
func titleStyle(toks []rawToken) bool {
	long, caps := 0, 0
	for _, t := range toks {
		if len(t.text) >= 4 {
			long++
			if isCapitalized(t.text) {
				caps++
			}
		}
	}
	return long > 0 && caps*2 > long
}

// phraseAdjacent reports whether the tokens of a multi-word match stand
// together with nothing but spaces between them.
func (x *extractor) phraseAdjacent(toks []rawToken, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if !onlySpaceBetween(x.text, toks[k-1].span.End, toks[k].span.Start) {
			return false
		}
	}
	return true
}

// loadedShadowed reports whether a marker of the loaded list repeats what
// a hand-curated list found: it lies inside a label or distancing phrase
// ("illegal" in "illegal immigrants" is the label's), or it overlaps a
// curated marker of its own kind (the curated entry's stance wins).
func loadedShadowed(m Marker, curated []Marker) bool {
	for _, d := range curated {
		if (d.Kind == KindLabel || d.Kind == KindDistancing) && d.Span.Contains(m.Span) {
			return true
		}
		if d.Kind == m.Kind && d.Span.Overlaps(m.Span) {
			return true
		}
	}
	return false
}

// dropShadowed removes attribution and hedge markers that lie inside a
// distancing phrase ("what it described as" is one distancing marker, not
// also an attribution).
func dropShadowed(ms []Marker) []Marker {
	out := ms[:0]
	for _, m := range ms {
		shadowed := false
		if m.Kind == KindAttribution || m.Kind == KindHedge {
			for _, d := range ms {
				if d.Kind == KindDistancing && d.Span.Contains(m.Span) {
					shadowed = true
				}
			}
		}
		if !shadowed {
			out = append(out, m)
		}
	}
	return out
}

// labelPhrase widens a label word to its noun phrase: determiners and
// modifiers before it ("a U.S.-designated foreign terrorist"), a group noun
// after it ("… organization").
func (x *extractor) labelPhrase(toks []rawToken, lows []string, start, end int) (int, int) {
	for end < len(toks) && groupNouns[lows[end]] && onlySpaceBetween(x.text, toks[end-1].span.End, toks[end].span.Start) {
		end++
	}
	for steps := 0; start > 0 && steps < 4; steps++ {
		p := start - 1
		if !onlySpaceBetween(x.text, toks[p].span.End, toks[p+1].span.Start) {
			break
		}
		w := lows[p]
		if !(npModifiers[w] || strings.Contains(w, "-") && !x.lex.Has(LexStopword, w)) {
			break
		}
		if w == "that" && p > 0 && x.sourceVerb(lows[p-1]) {
			// "warns that radical Islam …": the complementizer of a verb
			// of saying, not a determiner of the label.
			break
		}
		start = p
		// A determiner or possessive starts the phrase: "denied that its
		// fighters" widens to "its fighters", not past it.
		if w == "a" || w == "an" || w == "the" || w == "this" || w == "that" || w == "these" || w == "those" || w == "its" || w == "their" {
			break
		}
	}
	return start, end
}

// labelReferent reads what a label names: the subject of "X is a …", or the
// name before an apposition "X, the … group,".
func (x *extractor) labelReferent(c *Claim, toks []rawToken, lows []string, start int) string {
	if start == 0 {
		return ""
	}
	p := start - 1
	var before int
	switch {
	case lows[p] == "is" || lows[p] == "are" || lows[p] == "was" || lows[p] == "were":
		before = toks[p].span.Start
	case strings.TrimSpace(x.text[toks[p].span.End:toks[start].span.Start]) == ",":
		before = toks[start].span.Start
	default:
		return ""
	}
	var best *Entity
	for i := range c.Entities {
		e := &c.Entities[i]
		if e.Span.End <= before && strings.TrimSpace(x.text[e.Span.End:before]) == "" || e.Span.End <= before && strings.TrimSpace(x.text[e.Span.End:before]) == "," {
			best = e
		}
	}
	if best == nil {
		return ""
	}
	return best.Text
}

// lowerSurface is the spelling of token text that an entry for lower-case
// surfaces (Entry.Lower) compares with the token's lower-case form: without
// a possessive, with straight apostrophes, and without the dots of an
// abbreviation that opens with no digit.
func lowerSurface(text string) string {
	s := strings.ReplaceAll(strings.TrimSuffix(strings.TrimSuffix(text, "’s"), "'s"), "’", "'")
	if strings.Contains(s, ".") && !startsWithDigit(s) {
		s = strings.ReplaceAll(s, ".", "")
	}
	return s
}

// agentless finds passives with no agent that a reader takes for framing: a
// form of "be" or "get", up to two adverbs, a participle of one of the
// classes of agentless_verb.txt, no "by" before the clause ends, and the
// setting its class asks for (agentlessFrame).
func (x *extractor) agentless(toks []rawToken, lows []string, facts []*wordFacts) []Marker {
	var out []Marker
	facts = facts[:len(toks)] // one a token: the scan reads it without a bounds test
	for i := 0; i < len(toks); i++ {
		if !facts[i].be {
			continue
		}
		j := i + 1
		for j < len(toks) && j <= i+2 && (passiveAdverbs[lows[j]] || strings.HasSuffix(lows[j], "ly") && len(lows[j]) > 4) && x.phraseAdjacent(toks, j-1, j+1) {
			j++
		}
		if j >= len(toks) || !x.phraseAdjacent(toks, i, j+1) {
			continue
		}
		w := lows[j]
		e := x.lex.Word(LexAgentlessVerb, w)
		if e == nil || x.lex.Has(LexAgentlessExclude, w) {
			continue
		}
		// "expected to be completed": the hedge carries it, not a passive.
		if i >= 2 && lows[i-1] == "to" && (x.lex.Has(LexAgentlessExclude, lows[i-2]) || x.lex.Has(LexHedge, lows[i-2])) {
			continue
		}
		if x.agentNamed(toks, lows, j+1) || x.eventNamed(toks, lows, i, j+1) || !x.agentlessFrame(e.Sub, toks, lows, i, j) {
			continue
		}
		sp := Span{toks[i].span.Start, toks[j].span.End}
		out = append(out, Marker{Kind: KindAgentless, Text: x.text[sp.Start:sp.End], Span: sp, Rule: "agentless: be + " + e.Sub + " participle (" + e.Where + "), no by-agent in the clause, " + agentlessRules[e.Sub]})
		i = j
	}
	return out
}

// agentlessRules say, per class of agentless_verb.txt, the setting that
// makes the hidden actor worth naming.
var agentlessRules = map[string]string{
	"harm":       "in custody or during an arrest",
	"coercion":   "before to + verb",
	"accusation": "before of/for/as, no legal context",
}

// agentlessFrame reports whether the passive be … participle at toks[be],
// toks[p] stands in the setting its class asks for. On real news the agent
// of most passives is obvious, generic, unknown or named nearby (issue 11,
// agentless_verb.txt), so each class is reported only where a reader found
// the unnamed actor to matter:
//   - harm: the clause puts the victim in custody or an arrest ("was killed
//     in the custody of police", "died after being beaten in custody"): the
//     state actor is there, as a setting and not as the doer (Trew 1979);
//   - coercion: "to" and a verb follow ("will be forced to resign"), not
//     after "from" (a protection in general terms: "from being forced to"),
//     and no rule, law or order in the sentence does the forcing;
//   - accusation: "of", "for" or "as" follows, and neither the sentence nor
//     the accusation is legal (a charge names its accuser, the prosecutor).
func (x *extractor) agentlessFrame(class string, toks []rawToken, lows []string, be, p int) bool {
	end := clauseEnd(lows, p+1)
	switch class {
	case "harm":
		for k := p + 1; k < end && k <= p+10; k++ {
			if lows[k] == "custody" || lows[k] == "arrest" && k > 0 && (lows[k-1] == "an" || lows[k-1] == "his" || lows[k-1] == "her" || lows[k-1] == "their" || lows[k-1] == "the") {
				return true
			}
		}
		return false
	case "coercion":
		if p+2 >= len(toks) || lows[p+1] != "to" || !x.phraseAdjacent(toks, p, p+3) || !plainVerbForm(lows[p+2], toks[p+2].text) {
			return false
		}
		if be > 0 && lows[be-1] == "from" {
			return false
		}
		for k := be - 1; k >= 0 && k >= be-3; k-- {
			// "we will be forced to sell": the writer's own plight in an
			// argument, no actor left unnamed.
			if lows[k] == "we" || lows[k] == "i" || lows[k] == "you" {
				return false
			}
		}
		for _, w := range lows {
			if coercingNouns[w] {
				return false
			}
		}
		return true
	case "accusation":
		if p+1 >= len(toks) || !(lows[p+1] == "of" || lows[p+1] == "for" || lows[p+1] == "as") || !x.phraseAdjacent(toks, p, p+2) {
			return false
		}
		for k, w := range lows {
			if legalContext[w] || k > p && (offenceNouns[w] || startsWithDigit(w) || strings.HasPrefix(w, "$")) {
				return false
			}
		}
		return true
	}
	return false
}

// clauseEnd returns the index of the first clause ender at or after k, or
// len(lows).
func clauseEnd(lows []string, k int) int {
	for ; k < len(lows); k++ {
		if clauseEnders[lows[k]] && lows[k] != "after" && lows[k] != "before" && lows[k] != "while" {
			return k
		}
	}
	return len(lows)
}

// plainVerbForm reports a word that can be a bare infinitive: lower case,
// not a determiner, pronoun or number ("forced to resign", not "forced to
// the ground").
func plainVerbForm(low, surface string) bool {
	if surface != low || startsWithDigit(low) {
		return false
	}
	switch low {
	case "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "them", "him", "us", "me", "it":
		return false
	}
	return true
}

// coercingNouns name a rule or decision that does the forcing itself ("new
// rules mean schools will be forced to …"): the agent is in the sentence.
var coercingNouns = map[string]bool{
	"rule": true, "rules": true, "law": true, "laws": true, "regulation": true, "regulations": true, "policy": true,
	"policies": true, "order": true, "orders": true, "ruling": true, "mandate": true, "mandates": true, "requirement": true,
	"requirements": true, "measure": true, "bill": true, "legislation": true, "act": true, "decision": true, "sanctions": true,
	"court": true, "judge": true,
}

// legalContext words put an accusation in a legal process, whose accuser
// is the prosecutor or the plaintiff.
var legalContext = map[string]bool{
	"charged": true, "charges": true, "charge": true, "indicted": true, "indictment": true, "prosecutors": true, "prosecutor": true,
	"prosecution": true, "court": true, "trial": true, "jury": true, "judge": true, "lawsuit": true, "suit": true, "case": true,
	"cases": true, "defendant": true, "defendants": true, "plaintiffs": true, "pleaded": true, "plea": true, "guilty": true,
	"convicted": true, "sentenced": true, "arrested": true, "police": true, "investigators": true, "investigation": true,
	"complaint": true, "allegedly": true, "alleged": true, "fbi": true, "attorney": true,
}

// offenceNouns name a crime or offence: "accused of fraud" reports a charge
// or a criminal suspicion, whose accuser is the state.
var offenceNouns = map[string]bool{
	"fraud": true, "bribery": true, "bribes": true, "corruption": true, "murder": true, "murdering": true, "killing": true,
	"rape": true, "raping": true, "assault": true, "assaulting": true, "theft": true, "stealing": true, "embezzlement": true,
	"embezzling": true, "laundering": true, "insider": true, "trafficking": true, "smuggling": true, "conspiracy": true,
	"conspiring": true, "obstruction": true, "obstructing": true, "perjury": true, "terrorism": true, "extremism": true,
	"espionage": true, "spying": true, "treason": true, "funneling": true, "funnelling": true, "misusing": true, "misuse": true,
	"crimes": true, "crime": true, "felony": true, "misdemeanor": true, "manslaughter": true, "kidnapping": true,
	"extortion": true, "racketeering": true, "tax": true, "evasion": true, "harassment": true, "misconduct": true,
}

// eventNouns name a violent event whose perpetrator the report has named
// or is about to ("were killed in the attack", "the shooting in which 20
// children were killed"): the passive tells the victims' part of an event
// the text attributes elsewhere, not an actor it hides.
var eventNouns = map[string]bool{
	"attack": true, "attacks": true, "shooting": true, "shootings": true, "bombing": true, "bombings": true, "blast": true,
	"explosion": true, "crash": true, "massacre": true, "ambush": true, "hijacking": true, "rampage": true, "stabbing": true,
	"assault": true, "accident": true, "collision": true, "earthquake": true, "storm": true, "hurricane": true, "fire": true,
	"shootout": true, "firefight": true, "gunfight": true,
}

// eventNamed reports an event noun in the passive's clause: after the
// participle as "in/during/at (the|a|an|…) … EVENT" within six words, or
// an "in which" or "during which" just before the subject, whose antecedent
// names the event.
func (x *extractor) eventNamed(toks []rawToken, lows []string, be, from int) bool {
	for k := be - 1; k >= 1 && k >= be-4; k-- {
		if lows[k] == "which" && (lows[k-1] == "in" || lows[k-1] == "during") {
			return true
		}
	}
	prep := false
	for k := from; k < len(toks) && k < from+6; k++ {
		if k > from && strings.TrimSpace(x.text[toks[k-1].span.End:toks[k].span.Start]) != "" {
			return false
		}
		switch {
		case lows[k] == "in" || lows[k] == "during" || lows[k] == "at":
			prep = true
		case clauseEnders[lows[k]] && lows[k] != "after" && lows[k] != "before":
			return false
		case prep && eventNouns[lows[k]]:
			return true
		}
	}
	return false
}

// clauseEnders end the search for a "by" agent.
var clauseEnders = map[string]bool{"and": true, "but": true, "while": true, "which": true, "who": true, "after": true, "before": true, "when": true, "as": true, "because": true, "although": true, "whereas": true}

func (x *extractor) agentNamed(toks []rawToken, lows []string, from int) bool {
	for k := from; k < len(toks) && k < from+8; k++ {
		if k > from {
			g := strings.TrimSpace(x.text[toks[k-1].span.End:toks[k].span.Start])
			if g != "" && g != "’" && g != "'" {
				return false
			}
		}
		if lows[k] == "by" || lows[k] == "hands" && k >= 2 && lows[k-1] == "the" && lows[k-2] == "at" {
			// "by the police", "at the hands of the police".
			return true
		}
		if clauseEnders[lows[k]] {
			return false
		}
	}
	return false
}

// inPlaceName reports whether s lies in a proper name of a place or body
// (a name whose key is a whole organisation or place name).
func (x *extractor) inPlaceName(c *Claim, s Span) bool {
	for _, e := range c.Entities {
		if e.Span.Contains(s) && strings.Contains(e.Key, " ") {
			return true
		}
	}
	// "Martyrs' Square": a capitalised word, a plural possessive, a name.
	t := x.text
	if s.End+3 < len(t) && (t[s.End] == '\'' || strings.HasPrefix(t[s.End:], "’")) && isCapitalized(t[s.Start:s.End]) {
		rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(t[s.End:], "'"), "’"), " ")
		return isCapitalized(rest)
	}
	return false
}
