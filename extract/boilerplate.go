package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Boilerplate is the text that site templates and feeds add around an
// article: "Advertisement" between paragraphs, "Read more: …" links,
// "(Reporting by …)" credits, copyright lines, navigation bars. It is set
// aside as "boilerplate", never as claims. The rules look at a whole block
// (a line or paragraph) and must not catch a real sentence that merely
// starts with the same word: "Advertisements for more than 400 brands were
// pulled" is news, "ADVERTISEMENT" alone on its line is not.

// boilerplateLines are template lines that stand alone: the block is one of
// them (case and trailing punctuation aside).
var boilerplateLines = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "sponsored": true, "sponsored content": true,
	"advertisement - scroll to continue": true, "story continues below advertisement": true,
	"article continues below advertisement": true, "continue reading": true, "continue reading below": true,
	"share": true, "share this": true, "share this article": true, "share this story": true, "share on facebook": true,
	"share on twitter": true, "click to share": true, "read more": true, "read next": true, "related": true,
	"related articles": true, "related stories": true, "related content": true, "recommended": true,
	"more from": true, "trending": true, "trending now": true, "most read": true, "most popular": true,
	"skip to content": true, "skip to main content": true, "menu": true, "search": true, "log in": true,
	"sign in": true, "subscribe": true, "subscribe now": true, "newsletter": true, "comments": true,
	"print": true, "email": true, "back to top": true, "all rights reserved": true,
}

// boilerplateLeads open template lines that carry more after them: a link
// title, a credit, a call to act. Each must be followed by a space,
// punctuation or the end of the block, not by more letters of a word, and
// the block must be short: a real paragraph that happens to open with "Click
// here" runs on.
var boilerplateLeads = []string{
	"Read more:", "READ MORE:", "Read More:", "Read more »", "Read more ›", "Related:", "RELATED:", "See also:", "SEE ALSO:",
	"Also read:", "ALSO READ:", "Watch:", "WATCH:", "Follow us", "Sign up for", "Sign up to", "Subscribe to",
	"Subscribe for", "Share this", "All rights reserved", "©",
	"(Reporting by", "(Editing by", "(Writing by", "(Additional reporting by", "(Compiled by",
	"Click here", "This story has been updated", "This story has been corrected",
	"This article has been updated", "This article has been corrected", "This story was originally published",
	"This article was originally published", "This article originally appeared", "This story originally appeared",
}

// leadsByFirst holds boilerplateLeads by their first byte: a block is
// compared with the leads that can open it, not with all of them.
var leadsByFirst = func() (m [256][]string) {
	for _, p := range boilerplateLeads {
		m[p[0]] = append(m[p[0]], p)
	}
	return m
}()

// copyrightRE is a copyright line: "Copyright © 2025 …", "Copyright (c) …",
// "Copyright 2025 Reuters".
var copyrightRE = lazyRegexp(`^(?i:copyright)\s*(?:©|\([cC]\)|\d{4}\b)`)

// maxBoilerplateBytes bounds a block that a lead may mark as boilerplate.
const maxBoilerplateBytes = 300

// isBoilerplate reports whether a block is template text.
func isBoilerplate(block string) bool {
	if boilerplateLines[normalizeLine(block)] {
		return true
	}
	if len(block) > maxBoilerplateBytes {
		return false
	}
	if block == "" {
		return false
	}
	// (?i:copyright) can start with c or C only (no other rune folds to
	// c): other blocks are not run through the expression.
	if block[0]|0x20 == 'c' && copyrightRE().MatchString(block) {
		return true
	}
	for _, p := range leadsByFirst[block[0]] {
		if !strings.HasPrefix(block, p) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(block[len(p):])
		if len(block) == len(p) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return isNavigation(block)
}

// normalizeLine lower-cases a block and drops the punctuation and spaces
// that templates put around a standalone line ("— ADVERTISEMENT —").
func normalizeLine(s string) string {
	if len(s) > 64 {
		return ""
	}
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) })
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// isNavigation recognises a navigation bar: three or more short items
// separated by "|", "•" or "·", with no sentence end ("Home | World |
// Business | Sport").
func isNavigation(block string) bool {
	// Without a separator the block is one item. Each separator is
	// looked for by its first byte, which the library finds many bytes
	// at a time; ContainsAny below reads the block a byte at a time, and
	// most blocks are paragraphs with a full stop far in.
	if strings.IndexByte(block, '|') < 0 && !strings.Contains(block, "•") && !strings.Contains(block, "·") {
		return false
	}
	if strings.ContainsAny(block, ".!?") {
		return false
	}
	items := strings.FieldsFunc(block, func(r rune) bool { return r == '|' || r == '•' || r == '·' })
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if n := len(strings.Fields(it)); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// lazyRegexp compiles expr when it is first used: the expressions of the
// rare shapes (a wire dateline, a copyright line, an embedded post) are
// asked of an input only past a test of its bytes, and compiling them all
// at start-up cost every run, most of which never reach one.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
