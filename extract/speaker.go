package extract

import (
	"sort"
	"strings"
	"unicode"
)

// Speakers across sentences: a quote's speaker as the reader knows it once
// the whole document is read. A pronoun or a description ("the governor")
// names the person the document named before; a quote with no attribution
// of its own carries the speaker of the quote it continues.

// quoteVerbs introduce a quotation in news copy without being verbs of
// attribution that carry a stance ("he continued: “…”", "she quipped"):
// they name a speaker, never a framing marker. Snowball stems.
var quoteVerbs = map[string]bool{
	"continu": true, "quip": true, "joke": true, "retort": true, "yell": true, "exclaim": true, "lament": true,
	"scof": true, "scoff": true, "interject": true, "conclud": true, "observ": true, "mus": true, "muse": true, "post": true,
	"chime": true, "repli": true, "answer": true, "mutter": true, "whisper": true, "sigh": true, "laugh": true,
	"deem": true, "wonder": true, "signal": true, "suggest": true, "impli": true, "blame": true, "encourag": true, "rip": true, "instruct": true,
	"mock": true, "ridicul": true, "tout": true, "defend": true, "question": true, "attack": true, "predict": true, "believ": true, "complain": true, "told": true, "wrote": true,
}

// resolveSpeakers runs once the quotes of the document are classified:
// pronoun and description speakers first, then quotes that run across
// paragraphs take the speaker of their last paragraph, then quotes with no
// attribution take the speaker of the quote they continue.
func (x *extractor) resolveSpeakers() {
	for i := range x.quotes {
		q := &x.quotes[i]
		if q.kind == quoteDirect && q.participle {
			// The subject is read outside quotation marks, which are all
			// known only now.
			if si, ok := x.sentIndex(q.speakerAt); ok {
				if sub := x.subjectOf(x.sents[si], q.speakerAt); sub != "" {
					q.speaker = sub
				}
			}
		}
		if q.kind == quoteDirect && q.speaker != "" {
			x.resolveSpeaker(q)
		}
	}
	for i := len(x.quotes) - 2; i >= 0; i-- {
		q, next := &x.quotes[i], &x.quotes[i+1]
		if q.kind == quoteDirect && q.runsOn && q.speaker == "" && next.kind == quoteDirect && next.speaker != "" {
			q.speaker = next.speaker
		}
	}
	blks := x.textBlocks()
	var prev, last *quoteInfo // the last direct quote with a speaker; the last direct quote
	for i := range x.quotes {
		q := &x.quotes[i]
		if q.kind != quoteDirect {
			continue
		}
		if q.speaker == "" {
			x.continueSpeaker(q, prev, last, blks)
		}
		if q.speaker != "" {
			prev = q
		}
		last = q
	}
}

// resolveSpeaker turns a pronoun or description speaker into the name the
// document gives that person, keeping the words of the text in speakerRef.
//
// The phrase is cleaned first (cleanSpeaker) where that leaves a pronoun
// ("And he" is "he") and last otherwise: a description is resolved on the
// words the text gives it, as before the cleaning ("the former governor
// said" names no role the document gave anyone, so it stays as written
// rather than fall back to the nearest person).
func (x *extractor) resolveSpeaker(q *quoteInfo) {
	clean := x.cleanSpeaker(q.speaker)
	if clean == "" && q.speaker != "" {
		// The words read for the speaker name no one ("including",
		// "and", "in order to run the country"): the speaker is the
		// subject of the sentence that holds them, before that point,
		// when it is a person the document names.
		if si, ok := x.sentIndex(q.speakerAt); ok {
			clean = x.cleanSpeaker(x.subjectPerson(x.sents[si], q.speakerAt))
		}
	}
	if isPronoun(clean) || clean == "" {
		q.speaker = clean
	}
	defer func() {
		if q.speakerKey == "" && q.speakerRef == "" {
			q.speaker = clean
		}
	}()
	// Only a phrase opening with "he", "she", "it" or "the" is resolved:
	// the others (most, the names) are not lowered and split.
	if first := firstField(q.speaker); !lowerIs(first, "he") && !lowerIs(first, "she") && !lowerIs(first, "it") && !lowerIs(first, "the") {
		return
	}
	var buf [8]string // a phrase's words, on the stack
	words := appendFields(buf[:0], strings.ToLower(q.speaker))
	if len(words) == 0 {
		return
	}
	key := ""
	switch {
	case len(words) == 1 && (words[0] == "he" || words[0] == "she"):
		g := byte('m')
		if words[0] == "she" {
			g = 'f'
		}
		key = x.personBefore(x.pronounPos(q.speakerAt, words[0]), g)
		if key == "" {
			key = x.pronounChain(q, words[0])
		}
	case len(words) == 1 && words[0] == "it":
		if t := x.thingBefore(q.speakerAt); t != "" {
			q.speakerRef, q.speaker = q.speaker, t
		}
		return
	case words[0] == "the" && len(words) <= 6:
		head := strings.Trim(words[len(words)-1], ".,’'")
		r, ri, ok := x.roleOf(head)
		if !ok || ri.group {
			return
		}
		for _, w := range words[1 : len(words)-1] {
			if p := rolePrefix(w); p != "" {
				r = p + r
				break
			}
		}
		key = x.resolveDescription(description{span: Span{q.speakerAt, q.speakerAt}, head: r})
		if key == "" && !x.introducedUnnamed(head, q.speakerAt) {
			// A role the document gives no one ("the presumptive nominee
			// said") refers back like a pronoun, unless the text brought
			// in someone unnamed in that role ("A spokesperson for
			// Grassley fired back … The spokesperson also touted …"):
			// then the description is that person, whom it names no
			// better.
			key = x.personBefore(q.speakerAt, ri.gender)
		}
	}
	if key != "" {
		q.speakerRef = q.speaker
		q.speaker = x.personName(key)
		q.speakerKey = key
	}
}

// firstField returns the first word of strings.Fields(s), or "" when s
// has none. Lowered, it is the first of strings.Fields(strings.ToLower(s)):
// lowering maps rune by rune and makes no space.
func firstField(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// introducedUnnamed reports whether the text before pos brings in
// someone by the role word head with an indefinite article ("a
// spokesperson", "an aide", "a senior administration official"): a person
// the text does not name. It reads the 20,000 bytes before pos at most, so
// a long text of many such quotes stays linear.
func (x *extractor) introducedUnnamed(head string, pos int) bool {
	pos = min(pos, len(x.text))
	from := max(0, pos-20000)
	// ASCII lower case keeps every byte where it stands.
	low := []byte(x.text[from:pos])
	for i, c := range low {
		if 'A' <= c && c <= 'Z' {
			low[i] = c + 'a' - 'A'
		}
	}
	text := string(low)
	for i := 0; ; {
		j := strings.Index(text[i:], head)
		if j < 0 {
			return false
		}
		j += i
		i = j + len(head)
		if j > 0 && unicode.IsLetter(rune(text[j-1])) {
			continue // inside another word
		}
		// Up to three words back, past adjectives ("a senior
		// administration official"), stands "a" or "an".
		words := strings.Fields(text[max(0, j-40):j])
		for k := len(words) - 1; k >= 0 && k >= len(words)-4; k-- {
			if w := words[k]; w == "a" || w == "an" {
				return true
			} else if w == "the" || strings.ContainsAny(w, ".,;:") {
				break
			}
		}
	}
}

// pronounPos returns where the pronoun speaker stands: its last
// occurrence outside quotation marks in the sentence of at, up to at, or
// at when there is none. A pronoun refers back from where it stands, not
// from its verb: in "He accused Obama …, saying “…”" the speaker is read
// at "saying", and Obama, named after "He", is not who "He" is.
func (x *extractor) pronounPos(at int, pronoun string) int {
	si, ok := x.sentIndex(at)
	if !ok {
		return at
	}
	end := min(at+len(pronoun), x.sents[si].End)
	pos := at
	// The sentence's words are annotate's, not tokenized again per speaker.
	for _, t := range x.wordsBefore(x.sents[si], end) {
		if strings.EqualFold(t.text, pronoun) && !x.quotedAt(t.span.Start) {
			pos = t.span.Start
		}
	}
	return pos
}

// pronounChain returns the person an earlier quote's same pronoun speaker
// was resolved to, when that quote's speaker stands within lookBack
// sentences of q's: a pronoun that names no one nearer keeps referring to
// the person the text is about (the backward-looking centre of Grosz,
// Joshi & Weinstein 1995), as in a long interview where "she said" closes
// quote after quote ten sentences after her name. It returns "" when no
// such quote precedes q. resolveSpeakers resolves the quotes in order, so
// the earlier ones are settled.
func (x *extractor) pronounChain(q *quoteInfo, pronoun string) string {
	si, ok := x.sentIndex(q.speakerAt)
	if !ok {
		return ""
	}
	// The quotes are in document order: look back from q's own, no
	// further than the sentences a pronoun looks back over, so a text of
	// many quotes stays linear.
	qi := sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].span.Start >= q.span.Start })
	for i := qi - 1; i >= 0; i-- {
		p := &x.quotes[i]
		if ps, ok := x.sentIndex(p.span.End - 1); ok && ps < si-lookBack-1 {
			break
		}
		if p.speakerAt >= q.speakerAt || p.speakerKey == "" || !strings.EqualFold(p.speakerRef, pronoun) {
			continue
		}
		if ps, ok := x.sentIndex(p.speakerAt); ok && ps >= si-lookBack {
			return p.speakerKey
		}
		return ""
	}
	return ""
}

// continueSpeaker gives a quote with no attribution the speaker of the
// quote it continues: the previous quote of the same paragraph when only
// its attribution stands between them (“…,” she said. “…”), or the last
// quote of the previous paragraph when this one opens its paragraph and
// that paragraph closed with its quote and attribution. A paragraph that
// opens with a quote after one that ends in a colon ("She wrote:") takes
// that sentence's subject.
func (x *extractor) continueSpeaker(q, prev, last *quoteInfo, blks []Span) {
	text := x.text
	bi := blockIndex(blks, q.span.Start)
	if bi < 0 {
		return
	}
	opens := strings.TrimSpace(text[blks[bi].Start:q.span.Start]) == ""
	if prev != nil && prev == last {
		pb := blockIndex(blks, prev.span.End-1)
		switch {
		case pb == bi && x.countTokens(prev.span.End, q.span.Start) <= 15:
			q.speaker = prev.speaker
			return
		case opens && pb == bi-1 && x.countTokens(prev.span.End, blks[pb].End) <= 15:
			q.speaker = prev.speaker
			return
		}
	}
	if opens && bi > 0 && strings.HasSuffix(strings.TrimSpace(text[blks[bi-1].Start:blks[bi-1].End]), ":") {
		if si, ok := x.sentIndex(blks[bi-1].End - 1); ok {
			s := x.sents[si]
			q.speaker = x.subjectOf(s, s.End)
			q.speakerAt = s.Start
			x.resolveSpeaker(q)
		}
	}
}

// blockIndex returns the index of the block holding pos, or -1.
func blockIndex(blks []Span, pos int) int {
	i := sort.Search(len(blks), func(i int) bool { return blks[i].End > pos })
	if i < len(blks) && blks[i].Start <= pos {
		return i
	}
	return -1
}
