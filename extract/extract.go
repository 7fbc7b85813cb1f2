package extract

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Option sets metadata or changes how a document is read. Options given to a
// reader override what the reader finds in the input itself.
type Option func(*config)

type config struct {
	id, outlet, title, published, url, source string
	lex                                       *Lexicon
	detectors                                 []Detector
}

// WithID sets the document id used as the prefix of claim ids ("d2" gives
// claims "d2.c1", "d2.c2", …). The default is "d1"; compare renumbers.
func WithID(id string) Option { return func(c *config) { c.id = id } }

// WithOutlet names the outlet that published the article.
func WithOutlet(s string) Option { return func(c *config) { c.outlet = s } }

// WithTitle sets the article's title.
func WithTitle(s string) Option { return func(c *config) { c.title = s } }

// WithPublished sets the publication date (YYYY-MM-DD) that relative and
// year-less dates are resolved against.
func WithPublished(s string) Option { return func(c *config) { c.published = s } }

// WithURL sets the article's address.
func WithURL(s string) Option { return func(c *config) { c.url = s } }

// WithSource records where the text came from (a file name).
func WithSource(s string) Option { return func(c *config) { c.source = s } }

// WithLexicon replaces the word lists used to find markers, names and
// sentence ends. Build one from DefaultLexicon with Extend or Replace.
func WithLexicon(l *Lexicon) Option { return func(c *config) { c.lex = l } }

// WithDetector adds a marker detector that runs after the built-in ones.
func WithDetector(d Detector) Option { return func(c *config) { c.detectors = append(c.detectors, d) } }

func newConfig(opts []Option) *config {
	c := &config{}
	for _, o := range opts {
		o(c)
	}
	if c.lex == nil {
		c.lex = DefaultLexicon()
	}
	return c
}

// extractor holds the state of one extraction.
type extractor struct {
	cfg   *config
	lex   *Lexicon
	text  string
	doc   *Document
	pub   time.Time // zero when unknown
	notes []string

	quotes   []quoteInfo
	sents    []Span            // the claims' spans, while annotating
	sentToks [][]rawToken      // the words of each of sents
	near     []*quoteInfo      // the quotes touching the sentence being annotated
	acronyms map[string]string // defined in the text: "unsc" → key of the name it stands for
	capSeen  map[string]bool   // words capitalised mid-sentence somewhere in the document
	roles    *roleIndex        // where names carry each role word (coref.go)
	facts    []*wordFacts      // of the tokens of the sentence being annotated (wordfacts.go)
	// scratch holds the buffers that do not outlive the extraction,
	// reused from document to document (scratch.go); nil outside annotate
	// and after release.
	*scratch
	lastClose *blockClose // the last closing mark of the block being paired
	blks      []Span      // blocks(text), made once (textBlocks)
	// The arrays the claims' annotations are cut from (carve.go).
	markerArr carver[Marker]
	quoteArr  carver[Quote]
	dateArr   carver[Date]
	numArr    carver[Number]
	attrArr   carver[Attribution]
}

// textBlocks returns the text's blocks: segmentation, quotes and speakers
// each read them, and they are found once.
func (x *extractor) textBlocks() []Span {
	if x.blks == nil {
		if x.scratch == nil {
			x.blks = blocks(x.text)
		} else {
			// In the scratch's array: the document's blocks are read
			// while the extractor holds it.
			x.blks = appendBlocks(x.blockBuf[:0], x.text)
			x.blockBuf = x.blks
		}
	}
	return x.blks
}

func (x *extractor) note(format string, a ...any) {
	x.notes = append(x.notes, fmt.Sprintf(format, a...))
}

// Extract annotates one article's text. It never fails: text that cannot be
// read as prose degrades to fewer claims, and every repair is recorded in
// Document.Notes. Metadata found in the text (a leading "date YYYY-MM-DD
// Title" line, a feed footer naming the outlet) fills what opts leave empty.
func Extract(text string, opts ...Option) *Document {
	return extractWith(text, newConfig(opts))
}

func extractWith(text string, cfg *config) *Document {
	x := &extractor{cfg: cfg, lex: cfg.lex, text: text}
	x.doc = &Document{
		ID: cfg.id, Outlet: cfg.outlet, Title: cfg.title, Published: cfg.published,
		URL: cfg.url, Source: cfg.source, Text: text, Claims: []Claim{},
	}
	if x.doc.ID == "" {
		x.doc.ID = "d1"
	}
	if !utf8.ValidString(text) {
		bad := 0
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && n == 1 {
				bad++
			}
			i += n
		}
		x.note("text holds %d bytes that are not UTF-8: they separate words, spans still index the original bytes, and JSON shows them as U+FFFD", bad)
	}
	x.acquire()
	sents := x.findParts()
	if x.doc.Published != "" {
		if t, err := time.Parse("2006-01-02", x.doc.Published); err == nil {
			x.pub = t
		} else {
			x.note("published date %q is not YYYY-MM-DD; relative dates are left unresolved", x.doc.Published)
		}
	}
	x.annotate(sents)
	x.doc.Headline = x.headline()
	x.doc.Notes = x.notes
	x.release()
	return x.doc
}

var (
	dateLineRE = regexp.MustCompile(`^date (\d{4}-\d{2}-\d{2})\b[ \t]*`)
	footerRE   = lazyRegexp(`^The post (.+) appeared first on (.+?)\.?$`)
	// A wire dateline: "WASHINGTON (Reuters) - ", "GAZA CITY, Nov. 21 (AP) — ".
	wireRE = lazyRegexp(`^[A-Z][A-Z.'’ ]{2,40}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: ?\([A-Za-z .&]{2,30}\))? ?(?:-{1,2}|—|–) ?`)
)

// wireLead is wireRE.FindStringIndex(s), run only when s opens as the
// expression does: a capital, then a capital, a dot, an apostrophe or a
// space (most sentences open with a capital and a small letter).
func wireLead(s string) []int {
	if len(s) < 3 || s[0] < 'A' || s[0] > 'Z' {
		return nil
	}
	if c := s[1]; !('A' <= c && c <= 'Z' || c == '.' || c == '\'' || c == ' ' || c >= utf8.RuneSelf) {
		// A byte from 0x80 on may open ’: left to the expression.
		return nil
	}
	return wireRE().FindStringIndex(s)
}

// feedFooter is footerRE.FindStringSubmatch(s), run only on a sentence
// opening with its literal words.
func feedFooter(s string) []string {
	if !strings.HasPrefix(s, "The post ") {
		return nil
	}
	return footerRE().FindStringSubmatch(s)
}

// findParts splits the text into sentences and sets aside what is not a
// claim: the date/title line, headline, bylines (alone or glued to the next
// sentence), wire datelines and feed boilerplate.
func (x *extractor) findParts() []Span {
	text := x.text
	var sents []Span
	if x.scratch != nil {
		// In the scratch's array, which holds them until the
		// extraction ends.
		sents = x.sentBuf[:0]
	}
	blks := x.textBlocks()
	for bi, blk := range blks {
		line := text[blk.Start:blk.End]
		if bi == 0 {
			if m := dateLineRE.FindStringSubmatchIndex(line); m != nil {
				x.exclude(ExcludedDateline, Span{blk.Start, blk.Start + m[1]})
				if x.doc.Published == "" {
					x.doc.Published = line[m[2]:m[3]]
				}
				rest := Span{blk.Start + m[1], blk.End}
				if rest.Len() > 0 {
					x.exclude(ExcludedHeadline, rest)
					if x.doc.Title == "" {
						x.doc.Title = text[rest.Start:rest.End]
					}
				}
				continue
			}
		}
		if isBoilerplate(line) {
			x.exclude(ExcludedBoilerplate, blk)
			continue
		}
		if end, ok := x.byline(blk); ok && end == blk.End {
			x.exclude(ExcludedByline, blk)
			continue
		}
		if len(sents) == 0 && x.repeatsTitle(line) {
			// The title given with the article, repeated as the text's
			// first line (scraped pages often open so): the headline, at
			// any length, not a claim of the body as well.
			x.exclude(ExcludedHeadline, blk)
			continue
		}
		last, _ := decodeLast(text, blk.End)
		if !isTerminator(last) && !isCloser(last) && x.countTokens(blk.Start, blk.End) <= 14 && len(blks) > 1 {
			// A line that does not end a sentence and is short: a headline
			// or subhead. The first one is the title when none is known.
			x.exclude(ExcludedHeadline, blk)
			if x.doc.Title == "" && len(x.doc.Claims) == 0 && len(sents) == 0 {
				x.doc.Title = line
			}
			continue
		}
		for _, s := range x.sentences(blk) {
			if s, ok := x.trimParts(s); ok {
				sents = append(sents, s)
			}
		}
	}
	if x.scratch != nil {
		x.sentBuf = sents
	}
	return sents
}

// repeatsTitle reports whether a line of the text is the document's title,
// past spaces at either end.
func (x *extractor) repeatsTitle(line string) bool {
	t := strings.TrimSpace(x.doc.Title)
	return t != "" && strings.TrimSpace(line) == t
}

// trimParts removes a leading byline or wire dateline from a sentence and
// drops a feed footer, returning what is left as a claim, if anything.
func (x *extractor) trimParts(s Span) (Span, bool) {
	text := x.text
	if end, ok := x.byline(s); ok {
		bs, be := trimSpan(text, s.Start, end)
		x.exclude(ExcludedByline, Span{bs, be})
		a, b := trimSpan(text, end, s.End)
		if a >= b {
			return Span{}, false
		}
		s = Span{a, b}
	}
	if m := wireLead(text[s.Start:min(s.End, s.Start+90)]); m != nil && m[1] < s.Len() {
		x.exclude(ExcludedDateline, Span{s.Start, s.Start + m[1]})
		s = Span{s.Start + m[1], s.End}
	}
	if m := feedFooter(text[s.Start:s.End]); m != nil {
		x.exclude(ExcludedBoilerplate, s)
		if x.doc.Title == "" {
			x.doc.Title = m[1]
		}
		if x.doc.Outlet == "" {
			x.doc.Outlet = m[2]
		}
		return Span{}, false
	}
	return s, true
}

func (x *extractor) exclude(kind string, s Span) {
	x.doc.Excluded = append(x.doc.Excluded, Excluded{Kind: kind, Text: x.text[s.Start:s.End], Span: s})
}

// bylineRoles are lower-case words a byline may hold.
var bylineRoles = map[string]bool{"staff": true, "writer": true, "writers": true, "reporter": true, "reporters": true, "correspondent": true, "correspondents": true, "editor": true, "in": true, "with": true, "for": true, "contributor": true}

// byline recognises "By Name[, Name and Name]" at the start of s. It returns
// where the byline ends: the end of s when the byline stands alone, or the
// point where the next sentence was glued on ("By JNSU.S. President …" ends
// before "U.S.", "By Jane DoeThe mayor …" before "The").
func (x *extractor) byline(s Span) (int, bool) {
	text := x.text
	if !strings.HasPrefix(text[s.Start:s.End], "By ") {
		return 0, false
	}
	toks := tokenize(text, s.Start+3, s.End)
	words := 0
	for ti, t := range toks {
		if words >= 8 {
			return 0, false
		}
		lw := strings.ToLower(t.text)
		if ti > 0 && !onlySpaceBetween(text, toks[ti-1].span.End, t.span.Start) {
			gap := strings.TrimSpace(text[toks[ti-1].span.End:t.span.Start])
			if gap != "," && gap != "&" && gap != "and" {
				// The name list ended at punctuation that is not a list
				// separator; glued text shows as a dot ("JNSU.S").
				if cut, ok := x.gluedAcronym(toks[ti-1]); ok {
					return cut, true
				}
				return 0, false
			}
		}
		if lw == "and" {
			continue
		}
		if !isCapitalized(t.text) {
			if bylineRoles[lw] && words > 0 {
				// "By Marcus Fell, Market Pulse staff".
				continue
			}
			return 0, false
		}
		if ti > 0 && x.lex.Has(LexStopword, lw) {
			// "By Jane Doe The mayor said": a sentence starts.
			return t.span.Start, true
		}
		// A capital word glued to a name: "DoeThe", "McCarthyThe", an
		// agency's "AFPThe". The capitals inside McCarthy, DiMaggio or
		// MacArthur follow a name prefix and split nothing.
		rs := []rune(t.text)
		for k := 2; k < len(rs)-1; k++ {
			if !isUpperRune(rs[k]) || !isLowerRune(rs[k+1]) {
				continue
			}
			prefix := string(rs[:k])
			if isLowerRune(rs[k-1]) && !nameInfixes[prefix] || strings.ToUpper(prefix) == prefix && strings.ToLower(prefix) != prefix {
				return t.span.Start + len(prefix), true
			}
		}
		words++
	}
	if words == 0 {
		return 0, false
	}
	return s.End, true
}

// gluedAcronym finds a known dotted acronym glued to the end of a byline
// name: in "JNSU.S." the name is "JNS" and "U.S." starts the sentence.
func (x *extractor) gluedAcronym(t rawToken) (int, bool) {
	text := x.text
	rest := text[t.span.End:]
	for k := 1; k < len(t.text); k++ {
		cand := t.text[len(t.text)-k:]
		// cand + ".X." must be an acronym of the lexicon.
		j := 0
		acr := strings.ToLower(cand)
		for j+1 < len(rest) && rest[j] == '.' && isUpperRune(rune(rest[j+1])) {
			acr += "." + strings.ToLower(rest[j+1:j+2])
			j += 2
		}
		if e := x.lex.Word(LexAbbreviation, acr); e != nil && j > 0 && len(cand) == 1 {
			return t.span.End - k, true
		}
	}
	return 0, false
}

// nameInfixes start surnames that carry a second capital: McCarthy,
// MacArthur, DiMaggio, LeBlanc, DeSantis, VanDyke, FitzGerald.
var nameInfixes = map[string]bool{"Mc": true, "Mac": true, "Di": true, "De": true, "Da": true, "Du": true, "Le": true, "La": true, "Van": true, "Von": true, "Fitz": true, "St": true, "Al": true, "El": true}

func isLowerRune(r rune) bool { return unicode.IsLower(r) }
func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

// stem returns the Snowball stem of a lower-case word: the stem of the
// word's facts (wordFacts.stem, cachedStem's answer), read through the
// scratch's word cache, where cachedStem looked the word up in the
// background list's map and then in the stem memo's, under its lock.
func (x *extractor) stem(w string) string { return x.lowFacts(w).stem }
