package extract

import (
	"strings"
	"unicode"
)

// RoleHeadline marks the claim a document's headline makes
// (Document.Headline): compared across outlets apart from the body, since a
// headline is often the most framed sentence of an article.
const RoleHeadline = "headline"

// SpanOfTitle says that a headline claim's spans index the document's
// Title, for a headline that came with the article's metadata and is not
// part of its text.
const SpanOfTitle = "title"

// headline annotates the document's title as a claim. When the title is a
// headline line of the text, its spans index the text; otherwise they
// index Title (SpanOf "title"). A headline in Title Case or capitals is
// read in sentence case for names, so that every capitalised word does not
// become a name: a word stays a name when the article capitalises it
// mid-sentence, or when it is a short acronym.
func (x *extractor) headline() *Claim {
	title := x.doc.Title
	if strings.TrimSpace(title) == "" {
		return nil
	}
	src, off, spanOf := title, 0, SpanOfTitle
	for _, e := range x.doc.Excluded {
		if e.Kind == ExcludedHeadline && strings.TrimSpace(e.Text) == strings.TrimSpace(title) {
			// The text's own line, whatever spaces the given title
			// carries: its spans index the text.
			title, src, off, spanOf = e.Text, x.text, e.Span.Start, ""
			break
		}
	}
	local := x.recase(title)
	h := &extractor{cfg: x.cfg, lex: x.lex, text: local, pub: x.pub, doc: &Document{ID: x.doc.ID}, capSeen: x.capSeen}
	// The headline is read with the article's scratch, which the article
	// is done with (its claims hold nothing of it): its word cache is warm
	// with the article's words, which are the headline's, and a document
	// takes one scratch from the pool, not two. h gives it back.
	h.scratch, x.scratch = x.scratch, nil
	h.annotate([]Span{{0, len(local)}})
	h.release()
	if len(h.doc.Claims) == 0 {
		return nil
	}
	c := h.doc.Claims[0]
	c.ID = x.doc.ID + ".h"
	c.Role, c.SpanOf = RoleHeadline, spanOf
	c.RepeatOf = ""
	// Back to the original letters and, for a headline in the text, to
	// offsets into the text.
	fix := func(s *Span, t *string) {
		s.Start += off
		s.End += off
		if t != nil && s.Start >= 0 && s.End <= len(src) && s.Start <= s.End {
			*t = src[s.Start:s.End]
		}
	}
	fix(&c.Span, &c.Text)
	for k := range c.Tokens {
		fix(&c.Tokens[k].Span, &c.Tokens[k].Text)
	}
	for k := range c.Entities {
		fix(&c.Entities[k].Span, &c.Entities[k].Text)
	}
	for k := range c.Numbers {
		fix(&c.Numbers[k].Span, &c.Numbers[k].Text)
	}
	for k := range c.Dates {
		fix(&c.Dates[k].Span, &c.Dates[k].Text)
	}
	for k := range c.Markers {
		fix(&c.Markers[k].Span, &c.Markers[k].Text)
	}
	for k := range c.Quotes {
		q := &c.Quotes[k]
		fix(&q.Span, nil)
		if inner := strings.Index(src[q.Span.Start:q.Span.End], q.Text); inner < 0 {
			// The quote's words as the source spells them.
			q.Text = strings.TrimFunc(src[q.Span.Start:q.Span.End], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		}
	}
	if c.Attribution != nil {
		fix(&c.Attribution.Span, nil)
	}
	return &c
}

// recase returns the title in sentence case when it is in Title Case or
// capitals, with the same length in bytes, so offsets carry over. Words the
// article capitalises mid-sentence keep a capital; short acronyms in a
// mixed-case title stay.
func (x *extractor) recase(title string) string {
	toks := x.scratchTokens(title, 0, len(title))
	words, caps, upper := 0, 0, 0
	for _, t := range toks {
		if !unicode.IsLetter(firstRune(t.text)) {
			continue
		}
		words++
		if isCapitalized(t.text) {
			caps++
		}
		if isUpperForm(t.text) {
			upper++
		}
	}
	allCaps := words > 0 && upper == words
	if words < 3 || (caps*10 < words*6 && !allCaps) {
		return title
	}
	b := []byte(title)
	for _, t := range toks {
		if !isCapitalized(t.text) {
			continue
		}
		acronym := isUpperForm(t.text)
		if acronym && !allCaps && len(t.text) <= 5 {
			continue
		}
		keepFirst := capSeenKey(x.capSeen, t.text)
		for i := t.span.Start; i < t.span.End; i++ {
			if b[i] < 'A' || b[i] > 'Z' || (keepFirst && i == t.span.Start) {
				continue
			}
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// capSeenKey reports m[lowerKey(w)] without lower-casing into a new
// string when w is ASCII letters, digits, hyphens and commas, whose
// lowerKey is its lower case (no apostrophe, dot or Unicode hyphen to
// fold): recase asks it of every capitalised word of every headline.
func capSeenKey(m map[string]bool, w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == ',') {
			return m[lowerKey(w)]
		}
	}
	return inLowerSet(m, w)
}
