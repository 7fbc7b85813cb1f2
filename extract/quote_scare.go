package extract

import (
	"sort"
	"strings"
)

// quoteUnsure marks quoted words that the classifier took for a scare quote
// but whose distance the text does not show to be the outlet's: a term of
// art, a document's or a speaker's wording. Such a quote is neither speech
// (it adds no quotation to the claim) nor a scare-quote marker; the words in
// it keep the voice of the sentence around them.
const quoteUnsure = quoteMention + 1

// confirmScare keeps a scare quote only where the outlet plainly holds the
// words at arm's length. On real news most short quotations with no
// speaker next to them are not that (issue 11: a reader judged 2 of 13
// scare quotes on the BASIL development articles right): they are
//   - the wording of a document or a speaker named elsewhere in the
//     sentence ("Two of the files were stamped “…”", "the
//     call for … with “narrow” waivers", "In the same interview, she
//     cited … “…,” adding …") or in the paragraph, which quotes a named
//     speaker;
//   - a name (the “Squad”), an affix mentioned (“-isms”), or a quotation
//     too long to be a word held apart (a “chronic obstructive pulmonary …”);
//   - already marked by a distancing word ("so-called “nuclear option”"),
//     which counts once.
//
// What is left is the short quoted word or phrase of the outlet's own
// narration ("these “students”", an “Israeli” strike, “free” benefits). A
// scare quote that is missed costs one marker; one that is wrong puts an
// outlet's name to a distance it never took, so the rule errs towards
// missing.
func (x *extractor) confirmScare(qs []quoteInfo, blks, sents []Span) {
	for i := range qs {
		q := &qs[i]
		if q.kind != quoteScare {
			continue
		}
		if x.scareDoubt(qs, i, blks, sents) != "" {
			q.kind = quoteUnsure
		}
	}
}

// scareDoubt returns why qs[i] is not plainly the outlet's scare quote, or
// "" when it is.
func (x *extractor) scareDoubt(qs []quoteInfo, i int, blks, sents []Span) string {
	q := &qs[i]
	s, ok := sentenceAt(sents, q.span.Start)
	if !ok {
		return "no sentence"
	}
	inner := x.wordsIn(s, true, q.inner.Start, q.inner.End)
	if len(inner) == 0 {
		return "no words"
	}
	// Length: a scare quote holds a word or two apart; three only as a
	// coordinated or prepositional slogan ("law and order", "war on
	// women"). Longer, or three content words, is a quotation or a term.
	switch n := len(inner); {
	case n > 3:
		return "long"
	case n == 3 && !sloganJoints[strings.ToLower(inner[1].text)]:
		return "three content words"
	}
	if strings.HasPrefix(inner[0].text, "-") || strings.HasPrefix(x.text[q.inner.Start:], "-") {
		return "an affix mentioned" // “-isms”
	}
	if rest := strings.TrimLeft(x.text[q.span.End:s.End], " "); strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "(") {
		// “sweep accounts” - deposits that …: the writer defines the term
		// at once, as one introduces a term of art, not a word doubted.
		// A definition is a noun phrase (an article or a plural noun);
		// "“law and order”—replete with …" is an aside on the word.
		if f := strings.Fields(strings.TrimLeft(rest, "-–—( ")); len(f) > 0 {
			w := strings.ToLower(f[0])
			if w == "a" || w == "an" || w == "the" || isLowerWord(f[0]) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3 && !strings.HasSuffix(w, "ous") {
				return "defined after a dash"
			}
		}
	}
	if tail := x.text[q.span.End:s.End]; strings.Contains(tail, ":") {
		// "‘Gangster’ mayor runs a ‘mafia state’ — and worse: veteran
		// journalist": a headline that credits its words after a colon.
		credit := tail[strings.LastIndex(tail, ":")+1:]
		if n := len(strings.Fields(credit)); n > 0 && n <= 6 && !strings.ContainsAny(strings.TrimSpace(credit), ".!?\"“”") {
			return "credited after a colon"
		}
	}
	before := x.wordsIn(s, true, s.Start, q.span.Start)
	after := x.wordsIn(s, true, q.span.End, s.End)
	if len(before) == 0 {
		// A quotation that opens the sentence is a headline's or a
		// speaker's, not a word the narration holds apart.
		return "opens the sentence"
	}
	punctInside := strings.ContainsAny(x.text[q.inner.End:q.span.End], ",.;:!?")
	if titleCase(inner) && (punctInside || !(len(after) > 0 && onlySpaceBetween(x.text, q.span.End, after[0].span.Start) && isLowerWord(after[0].text))) {
		// Capitalised and not a modifier: a name (the “Squad”).
		return "a name"
	}
	if n := len(before); n >= 2 {
		// "is considered the “godfather”": the description others give,
		// named so; not "considered trusted “experts”", where the
		// outlet's own modifier shows its distance.
		w1, w2 := lowerKey(before[n-2].text), lowerKey(before[n-1].text)
		if (w1 == "considered" || w1 == "regarded") && (w2 == "the" || w2 == "a" || w2 == "an") {
			return "a description others give"
		}
	}
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		w := lowerKey(before[k].text)
		if x.lex.Has(LexDistancing, w) || w == "so-called" || w == "called" && k > 0 && lowerKey(before[k-1].text) == "so" {
			return "distancing word before"
		}
	}
	// A verb of saying, naming or marking, or a noun of speech or of a
	// document, anywhere in the sentence outside quotation marks: the
	// quoted words are most likely that source's.
	// A quote that is itself the subject of the verb of saying ("“X”
	// announced that …") names the source; the sentence's other verbs of
	// saying are that source's.
	sources := [][]rawToken{before, after}
	if len(after) > 0 && !punctInside && onlySpaceBetween(x.text, q.span.End, after[0].span.Start) &&
		!strings.HasSuffix(lowerKey(after[0].text), "ing") && x.sourceVerb(lowerKey(after[0].text)) {
		sources = nil
	}
	for si, side := range sources {
		for k, t := range side {
			if x.insideQuote(qs, t.span) || si == 1 && k == 0 && onlySpaceBetween(x.text, q.span.End, t.span.Start) {
				// The word the quote modifies ("“gotcha” reporting") is
				// what is held apart, not a source.
				continue
			}
			lw := lowerKey(t.text)
			if x.sourceVerb(lw) || sourceNouns[lw] || sourceNouns[strings.TrimSuffix(lw, "s")] {
				return "source in the sentence: " + lw
			}
		}
	}
	// A paragraph that has quoted a named speaker is that speaker's
	// paragraph: the fragments after it are the speaker's too, more often
	// than the outlet's.
	for k := i - 1; k >= 0; k-- {
		o := &qs[k]
		if !sameBlock(blks, o.span.Start, q.span.Start) {
			// Quotes come in document order: the paragraph is behind us.
			break
		}
		if o.kind == quoteDirect && o.speaker != "" {
			return "paragraph quotes " + o.speaker
		}
	}
	return ""
}

// sourceVerb reports a verb that gives a source's words: a verb of saying
// (attribution.txt, speech), of naming, or of marking.
func (x *extractor) sourceVerb(lw string) bool {
	st := x.stem(lw)
	if markingVerbs[st] {
		return true
	}
	switch st {
	case "call", "dub", "brand", "label", "term", "describ", "decri", "denounc", "chant", "tweet", "wrote", "write":
		return true
	case "known", "refer", "nicknam", "conflat", "confus", "equat", "defin", "distinguish":
		// "known as the “…”": a description others give; "conflated
		// “policing” with “public safety”": words mentioned as words
		// (issue 11, second reader).
		return true
	}
	for _, key := range []string{st, lw} {
		for _, e := range x.lex.first[LexAttribution][key] {
			if e.Speech && len(e.Words) == 1 && (!e.Exact || key == lw) {
				return true
			}
		}
	}
	return false
}

// insideQuote reports whether s lies inside one of the quotations.
func (x *extractor) insideQuote(qs []quoteInfo, s Span) bool {
	// Quotes come in document order and do not overlap (a nested quote
	// belongs to the outer one): the first that ends after s starts is
	// the only one that can hold it.
	k := sort.Search(len(qs), func(k int) bool { return qs[k].span.End > s.Start })
	return k < len(qs) && qs[k].span.Contains(s)
}

// sloganJoints may stand in the middle of a three-word scare quote.
var sloganJoints = map[string]bool{"and": true, "or": true, "of": true, "on": true, "for": true, "in": true, "vs": true}

// sourceNouns name a speech event or a document whose wording a quotation
// can carry ("in an interview", "the strategy", "the report").
var sourceNouns = map[string]bool{
	"interview": true, "statement": true, "speech": true, "remark": true, "remarks": true, "tweet": true, "post": true, "letter": true,
	"email": true, "e-mail": true, "memo": true, "memorandum": true, "report": true, "filing": true, "order": true, "ruling": true,
	"finding": true, "opinion": true, "strategy": true, "proposal": true, "guidance": true, "guideline": true, "document": true,
	"record": true, "response": true, "editorial": true, "column": true, "ad": true, "advertisement": true, "video": true,
	"manifesto": true, "petition": true, "complaint": true, "lawsuit": true, "indictment": true, "warrant": true, "verdict": true,
	"evaluation": true, "assessment": true, "study": true, "survey": true, "poll": true, "headline": true, "slogan": true, "motto": true,
	"transcript": true, "testimony": true, "hearing": true, "briefing": true, "announcement": true, "article": true, "op-ed": true,
	"message": true, "cable": true, "critic": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
}

// markingVerbs (as stems) put an official or a document's words on a
// thing: marked “classified”, rated “mostly false”, charged with “…”.
var markingVerbs = map[string]bool{
	"mark": true, "stamp": true, "rate": true, "list": true, "design": true, "titl": true, "charg": true,
	"rule": true, "unveil": true, "cite": true, "advis": true, "diagnos": true, "classifi": true, "name": true, "deem": true, "quot": true,
}
