package extract

import (
	"bufio"
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// Lexicon categories. The framing categories match marker kinds, except
// LexLoaded; the others are word lists the annotators need.
const (
	LexLabel       = "label"
	LexAttribution = "attribution"
	LexHedge       = "hedge"
	LexDistancing  = "distancing"
	LexIntensifier = "intensifier"
	// LexLoaded is the generated list of loaded language
	// (extract/lexicon/gen): each entry names, with marker=, the kind of
	// marker it gives, after Recasens et al. (2013): evaluative adjectives
	// and adverbs are intensifiers, pejorative nouns labels, verbs that
	// report with a verdict attributions of stance loaded. Its markers'
	// Rule ("loaded.txt:NN") tells them from the hand-curated lists'.
	LexLoaded           = "loaded"
	LexParticiple       = "participle"
	LexAgentlessExclude = "agentless_exclude"
	// LexAgentlessVerb lists the participles whose agentless passive is
	// framing: verbs of harm, coercion and consequential action.
	LexAgentlessVerb = "agentless_verb"
	LexStopword      = "stopword"
	LexAbbreviation  = "abbreviation"
	LexAcronym       = "acronym"
	LexOrgHead       = "orghead"
	LexTitle         = "title"
	// LexPlacePrefix lists the words that, first in a short capitalised
	// name, make it a place ("New York", "Los Angeles", "North Korea"):
	// such a name keys whole, not by its last word as a person's does.
	LexPlacePrefix = "placeprefix"
	// LexDemonym lists adjectives of nationality, people, religion and
	// party ("American", "Catholic", "Democratic"): capitalised, they open
	// names they are not short for, so a one-word name on the list never
	// meets a longer one by its words (SameName, which reads the default
	// lexicon's lists whatever lexicon made the keys: a compare.NameMatcher
	// follows another).
	LexDemonym = "demonym"
	// LexNickname lists pet forms of given names with the full name each
	// stands for (expansion=): "Bill" is William, so "Bill Clinton" and
	// "William J. Clinton" are one person (extract: relatives).
	LexNickname = "nickname"
	// LexGivenName lists common given names with the gender they tell
	// (sub=f or sub=m; sub=x for a name given to both sexes, which tells
	// none), from the U.S. Census Bureau's 1990 name files: a pronoun
	// names the nearest person of its gender (extract: coref).
	LexGivenName = "givenname"
)

// HedgeApproximator is the hedge sub-category of approximators of amount
// and degree ("about", "nearly", "largely", "in part"): hedge.txt keeps
// them as data, but they are not reported as hedge markers, since they
// qualify a quantity or extent, not the writer's commitment to the claim.
const HedgeApproximator = "approximator"

// LexiconCategories lists every category a Lexicon holds.
var LexiconCategories = []string{
	LexLabel, LexAttribution, LexHedge, LexDistancing, LexIntensifier, LexLoaded,
	LexParticiple, LexAgentlessExclude, LexAgentlessVerb, LexStopword, LexAbbreviation, LexAcronym, LexOrgHead, LexTitle,
	LexPlacePrefix, LexDemonym, LexNickname, LexGivenName,
}

// ErrLexicon is wrapped by every error about a lexicon file, so callers can
// tell a bad word list from bad input text.
var ErrLexicon = errors.New("lexicon")

// Entry is one line of a lexicon: a phrase with its attributes.
type Entry struct {
	Category string
	Phrase   string   // as written in the file
	Words    []string // lower-case words; "*" is a wildcard for one to three words
	keys     []string // match keys of Words (stems unless Exact)
	Stance   string   // attribution only
	Sub      string   // optional sub-kind
	Kind     string   // abbreviation kind: title, month, acronym, other
	Marker   string   // loaded only: the marker kind it gives (label, intensifier, attribution)
	Expand   string   // acronym expansion
	Speech   bool     // attribution verb that introduces speech
	Exact    bool     // match surface forms, not stems
	Lower    bool     // match lower-case surface only
	Number   bool     // only before a number
	line     int32    // the line of Where (in what would be padding)
	NotNext  []string
	NotPrev  []string
	// Prev, when set, is the only words the entry may follow: "possible"
	// hedges after a form of be ("it is possible"), not as a plain
	// modifier ("possible cuts").
	Prev []string
	// Where is "file:line", so every marker can name the line that made it.
	Where string
	// next has the wordBit of the second word and of its key, one bit
	// each: a token after the first that shares no bit with it matches
	// neither, and matchCands passes over the entry without reading a
	// string. 0 for an entry of one word or a wildcard second.
	next uint64
}

// Lexicon is a compiled, immutable set of word lists. It is safe for
// concurrent use. Build one with DefaultLexicon and extend or replace
// categories with Extend and Replace, which return a new Lexicon.
type Lexicon struct {
	entries map[string][]*Entry // by category, in file order
	// first holds the attribution entries by first match key, as
	// starts does (the lists are the same), for the rules that read
	// them outside findMarkers.
	first map[string]map[string][]*Entry
	// words holds each category's entries by phrase (single-word
	// look-ups), by the category's position in LexiconCategories
	// (catIndex), so that a look-up hashes the word only.
	words [18]map[string]*Entry
	// expansions maps the lower-case expansion of each acronym entry to
	// the acronym, made once per lexicon rather than once per document.
	expansions map[string]string
	// expansionFirst holds the first word of each key of expansions
	// (the key itself when it is one word): a name whose first word is
	// none of them is no expansion (nameExpansion).
	expansionFirst map[string]bool
	// acronymExp is the other way round: an acronym's expansion, the
	// first of its entries in file order whose expansion is its own
	// (an acronym may have several: "doj" is the Department of Justice
	// and the Justice Department).
	acronymExp map[string]string
	// ledBy holds, by first word, the expansions of two words or more
	// with their acronyms, longest first (acronymLed).
	ledBy map[string][]expansion
	// starts holds, by the first match key of an entry (a stem, or the
	// surface form of an exact entry), its entries of each category, by
	// the category's position in LexiconCategories: one look-up per token
	// tells which categories can match there at all. Only the first
	// startCats categories are matched from a first word.
	starts map[string][][]*Entry
	table  *wordTable // facts about word forms, for this lexicon (wordfacts.go)
	// listed holds what the lists newFacts asks of every new form say of
	// each word on one of them (listedWord): one look-up, not five.
	listed map[string]listedWord
}

// startCats is how many categories, first in LexiconCategories, are
// matched in running text from an entry's first word (Lexicon.starts):
// the framing ones findMarkers reads (lexiconKinds). The lists after them
// are looked up whole (Lexicon.words), and indexing their entries by first
// word (five thousand given names) was most of the index's work and size.
const startCats = 6

// listedWord is what a lexicon's single-word lists say of a form: the
// categories of singleCats it is an entry of (by catIndex), whether it is
// a stop word, and whether it is the first word of an acronym's expansion
// (expansionFirst).
type listedWord struct {
	single               uint32
	stop, expansionFirst bool
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// DefaultLexicon returns the embedded English lexicon. Each file under
// extract/lexicon names the published source of its list in its header.
func DefaultLexicon() *Lexicon {
	defaultOnce.Do(func() { defaultLex, defaultErr = loadDefaultLexicon() })
	if defaultErr != nil {
		// The embedded files are part of the build and checked by tests;
		// failing here means the binary itself is broken.
		panic(defaultErr)
	}
	return defaultLex
}

// loadDefaultLexicon reads the embedded lists. They are read side by side:
// the command's start waits on them, and a researcher's script that runs
// the command once per event pays that start every time.
func loadDefaultLexicon() (*Lexicon, error) {
	type parsed struct {
		es    []*Entry
		words map[string]*Entry
		err   error
	}
	res := make([]parsed, len(LexiconCategories))
	var wg sync.WaitGroup
	for i, cat := range LexiconCategories {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := "lexicon/" + cat + ".txt"
			b, err := lexiconFS.ReadFile(name)
			if err != nil {
				res[i].err = fmt.Errorf("%w: %s: %v", ErrLexicon, name, err)
				return
			}
			res[i].es, res[i].words, res[i].err = parseLexiconText(cat, cat+".txt", string(b))
		}()
	}
	wg.Wait()
	l := &Lexicon{entries: make(map[string][]*Entry, len(LexiconCategories))}
	for i, cat := range LexiconCategories {
		if res[i].err != nil {
			// The first in category order, whichever finished first.
			return nil, res[i].err
		}
		l.entries[cat] = res[i].es
		l.words[i] = res[i].words
	}
	l.index()
	return l, nil
}

// Extend returns a new Lexicon with the entries read from r added to
// category. name labels errors and marker rules ("mylabels.txt:3").
func (l *Lexicon) Extend(category, name string, r io.Reader) (*Lexicon, error) {
	return l.with(category, name, r, false)
}

// Replace returns a new Lexicon whose category holds only the entries read
// from r.
func (l *Lexicon) Replace(category, name string, r io.Reader) (*Lexicon, error) {
	return l.with(category, name, r, true)
}

func (l *Lexicon) with(category, name string, r io.Reader, replace bool) (*Lexicon, error) {
	if !knownCategory(category) {
		return nil, fmt.Errorf("%w: unknown category %q (want one of %s)", ErrLexicon, category, strings.Join(LexiconCategories, ", "))
	}
	es, err := parseLexicon(category, name, r)
	if err != nil {
		return nil, err
	}
	n := &Lexicon{entries: make(map[string][]*Entry, len(l.entries))}
	for k, v := range l.entries {
		n.entries[k] = v
	}
	if replace {
		n.entries[category] = es
	} else {
		merged := make([]*Entry, 0, len(l.entries[category])+len(es))
		merged = append(append(merged, l.entries[category]...), es...)
		n.entries[category] = merged
	}
	n.index()
	return n, nil
}

// Entries returns the entries of a category in file order.
func (l *Lexicon) Entries(category string) []*Entry { return l.entries[category] }

// Has reports whether the single word w (lower case) is an entry of category.
func (l *Lexicon) Has(category, w string) bool {
	i := catIndex(category)
	if i < 0 {
		return false
	}
	_, ok := l.words[i][w]
	return ok
}

// Word returns the single-word entry w of category, or nil.
func (l *Lexicon) Word(category, w string) *Entry {
	i := catIndex(category)
	if i < 0 {
		return nil
	}
	return l.words[i][w]
}

// catIndex is the position of category in LexiconCategories, -1 for none:
// a switch on constants, where a map would hash the name.
func catIndex(category string) int {
	switch category {
	case LexLabel:
		return 0
	case LexAttribution:
		return 1
	case LexHedge:
		return 2
	case LexDistancing:
		return 3
	case LexIntensifier:
		return 4
	case LexLoaded:
		return 5
	case LexParticiple:
		return 6
	case LexAgentlessExclude:
		return 7
	case LexAgentlessVerb:
		return 8
	case LexStopword:
		return 9
	case LexAbbreviation:
		return 10
	case LexAcronym:
		return 11
	case LexOrgHead:
		return 12
	case LexTitle:
		return 13
	case LexPlacePrefix:
		return 14
	case LexDemonym:
		return 15
	case LexNickname:
		return 16
	case LexGivenName:
		return 17
	}
	return -1
}

func knownCategory(c string) bool {
	for _, k := range LexiconCategories {
		if k == c {
			return true
		}
	}
	return false
}

// index builds the lexicon's look-ups from its entries. A category's
// words map may be given (the parser's, parseLexiconText): it must hold
// the category's entries by phrase, the last of each phrase.
func (l *Lexicon) index() {
	// Maps made at their size, not grown: growing them was a third of
	// the lexicon's start.
	for cat, es := range l.entries {
		if i := catIndex(cat); i >= 0 && l.words[i] == nil {
			w := make(map[string]*Entry, len(es))
			for _, e := range es {
				w[e.Phrase] = e
			}
			l.words[i] = w
		}
	}
	l.table = &wordTable{m: map[string]*wordFacts{}, keys: map[string]int32{}, surf: map[string]surfaceForm{}}
	n := 0
	for _, cat := range LexiconCategories[:startCats] {
		n += len(l.entries[cat])
	}
	// As many keys as entries at most; most keys start one entry, whose
	// list is a slot of one array (an append to it makes a list of its
	// own), and the rows come from arrays of many.
	l.starts = make(map[string][][]*Entry, n)
	ones := make([]*Entry, n)
	var rows [][]*Entry
	for ci, cat := range LexiconCategories[:startCats] {
		for _, e := range l.entries[cat] {
			k := e.keys[0]
			row := l.starts[k]
			if row == nil {
				if len(rows) < startCats {
					rows = make([][]*Entry, startCats*256)
				}
				row, rows = rows[:startCats:startCats], rows[startCats:]
				l.starts[k] = row
			}
			if row[ci] == nil {
				ones[0] = e
				row[ci], ones = ones[:1:1], ones[1:]
			} else {
				row[ci] = append(row[ci], e)
			}
		}
	}
	// Longer phrases first, so "terrorist organization" wins over
	// "terrorist". Most keys start one entry: sorted without reflection,
	// and only lists of two or more.
	attribution := map[string][]*Entry{}
	for k, row := range l.starts {
		for _, es := range row {
			if len(es) > 1 {
				slices.SortStableFunc(es, func(a, b *Entry) int { return cmp.Compare(len(b.Words), len(a.Words)) })
			}
		}
		if es := row[ciAttribution]; es != nil {
			attribution[k] = es
		}
	}
	l.first = map[string]map[string][]*Entry{LexAttribution: attribution}
	l.expansions = map[string]string{}
	l.expansionFirst = map[string]bool{}
	acronyms := l.entries[LexAcronym]
	exps := make([]string, len(acronyms)) // normalExpansion of each, for both passes
	for i, e := range acronyms {
		exp := normalExpansion(e.Expand)
		exps[i] = exp
		l.expansions[exp] = e.Phrase
		first, _, _ := strings.Cut(exp, " ")
		l.expansionFirst[first] = true
	}
	l.acronymExp = map[string]string{}
	l.ledBy = map[string][]expansion{}
	for i, e := range acronyms {
		exp := exps[i]
		if _, done := l.acronymExp[e.Phrase]; !done && l.expansions[exp] == e.Phrase {
			l.acronymExp[e.Phrase] = exp
			if first, _, ok := strings.Cut(exp, " "); ok {
				l.ledBy[first] = append(l.ledBy[first], expansion{exp, e.Phrase})
			}
		}
	}
	for _, es := range l.ledBy {
		slices.SortStableFunc(es, func(a, b expansion) int { return len(b.full) - len(a.full) })
	}
	l.listed = map[string]listedWord{}
	list := func(w string, f func(*listedWord)) {
		lw := l.listed[w]
		f(&lw)
		l.listed[w] = lw
	}
	for _, ci := range singleCats {
		for w := range l.words[ci] {
			list(w, func(lw *listedWord) { lw.single |= 1 << ci })
		}
	}
	for w := range l.words[catIndex(LexStopword)] {
		list(w, func(lw *listedWord) { lw.stop = true })
	}
	for w := range l.expansionFirst {
		list(w, func(lw *listedWord) { lw.expansionFirst = true })
	}
}

// expansion is an acronym with its expansion in normalExpansion's form.
type expansion struct{ full, acronym string }

// acronymLed returns key with a leading acronym expansion of two words or
// more, followed by more words, written as the acronym ("united states
// conference of catholic bishops" → "us conference of catholic bishops"),
// or key: a name that opens with a country's or a union's full name is
// the one that opens with its initials.
func (l *Lexicon) acronymLed(key string) string {
	first, _, ok := strings.Cut(key, " ")
	if !ok {
		return key
	}
	for _, e := range l.ledBy[first] {
		if len(key) > len(e.full) && key[len(e.full)] == ' ' && strings.HasPrefix(key, e.full) {
			return e.acronym + key[len(e.full):]
		}
	}
	return key
}

// normalExpansion is the form an acronym's expansion is matched in: lower
// case, hyphens as spaces, single spaces.
func normalExpansion(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))), " ")
}

// stem is the matching key of an ordinary word: Snowball English.
func stem(w string) string {
	if len(w) < 3 || keepsEnding(w) {
		return w
	}
	if st, ok := plainPlural(w); ok {
		return st
	}
	return english.Stem(w, true)
}

// plainPlural returns the stem of a word from which the Snowball English
// stemmer only takes a plural s: w less its s when that ends in none of
// the stemmer's suffixes (keepsEnding), and the s is one step 1a deletes
// (not of "ss", "us" or "ies", and after a vowel before the letter that
// precedes it; a y is a vowel there unless it starts the word or follows a
// vowel). The stemmer's special words in s it keeps whole are not taken.
// TestKeepsEnding checks it against the stemmer.
func plainPlural(w string) (string, bool) {
	n := len(w)
	if n < 4 || w[n-1] != 's' || w[n-2] == 's' || w[n-2] == 'u' || strings.HasSuffix(w, "ies") {
		return "", false
	}
	switch w {
	case "news", "atlas", "cosmos", "bias":
		return "", false
	}
	if !keepsEnding(w[:n-1]) {
		return "", false
	}
	for i := 0; i < n-2; i++ {
		// The first vowel decides: a y after a vowel is never the first.
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u':
			return w[:n-1], true
		case 'y':
			if i > 0 {
				return w[:n-1], true
			}
		}
	}
	return "", false
}

// keepsEnding reports a word the Snowball English stemmer returns as it
// is without looking: ASCII lower-case letters, digits and hyphens (no
// case to fold, no apostrophe to trim) that end in none of the suffixes
// its steps take off or rewrite, nor in any of its special words (each
// ends in one of those suffixes). The suffixes are those of each step
// written shortest: every one ends in e, l, s or y, or in one of the
// endings below. Most of the words a process stems are names outside
// the stems file ("obama", "clinton", "netanyahu"), and the stemmer
// turns each into runes and tries every suffix of every step on it.
// TestKeepsEnding checks the rule against the stemmer.
func keepsEnding(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	has := func(suffixes ...string) bool {
		for _, s := range suffixes {
			if strings.HasSuffix(w, s) {
				return true
			}
		}
		return false
	}
	switch w[len(w)-1] {
	case 'e', 'l', 's', 'y':
		return false
	case 'd':
		return !has("ed")
	case 'g':
		return !has("ing")
	case 'i':
		return !has("li", "iti", "ci", "gi")
	case 'n':
		return !has("ion")
	case 'r':
		return !has("er", "ator")
	case 'm':
		return !has("ism")
	case 't':
		return !has("ent", "ant")
	case 'c':
		return !has("ic")
	}
	return true
}

// parseLexicon reads a lexicon file of category from r; name labels errors
// and marker rules ("mylabels.txt:3").
func parseLexicon(category, name string, r io.Reader) ([]*Entry, error) {
	p := newLexParser(category, name, 0, 0)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		if err := p.line(sc.Text()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s:%d: %v", ErrLexicon, name, p.n+1, err)
	}
	return p.finish(), nil
}

// parseLexiconText is parseLexicon on a file held whole, as the default
// lexicon's are: its lines are read in place rather than each copied by a
// scanner, and its entries come from one array. It also returns the
// entries by phrase, the category's Lexicon.words, which the parser's
// test for duplicates builds anyway.
func parseLexiconText(category, name, text string) ([]*Entry, map[string]*Entry, error) {
	// Every entry is a line that starts with no '#': at most the lines
	// less those after a newline that start with one.
	lines := strings.Count(text, "\n") + 1
	p := newLexParser(category, name, lines-strings.Count(text, "\n#"), lines)
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if err := p.line(line); err != nil {
			return nil, nil, err
		}
	}
	return p.finish(), p.byPhrase, nil
}

// lexParser reads the lines of one lexicon file.
type lexParser struct {
	category, name string
	n              int // the last line read
	out            []*Entry
	// byPhrase holds the entries by phrase: for duplicates, which only
	// acronyms may have (then the last, as Lexicon.words keeps it).
	byPhrase map[string]*Entry
	// entries and strs are where the entries and their words' lists
	// are taken from: one allocation for many.
	entries []Entry
	strs    []string
	hint    int // the entries the first array is made for (0: a few at a time)
	// where holds the entries' Where, one after the other; whereEnd
	// where each ends. They are made one string at the end.
	where    strings.Builder
	whereEnd []int32
}

// newLexParser returns a parser of a file of at most hint entries in
// lines lines, the lists made at that size (0: grown as they fill).
func newLexParser(category, name string, hint, lines int) *lexParser {
	p := &lexParser{category: category, name: name, hint: hint, byPhrase: make(map[string]*Entry, hint),
		out: make([]*Entry, 0, hint), whereEnd: make([]int32, 0, hint)}
	p.where.Grow(hint * (len(name) + 1 + len(strconv.Itoa(lines))))
	return p
}

// newEntry returns a zero Entry from the parser's array.
func (p *lexParser) newEntry() *Entry {
	if len(p.entries) == 0 {
		p.entries = make([]Entry, max(p.hint, 32))
		p.hint = 0
	}
	e := &p.entries[0]
	p.entries = p.entries[1:]
	return e
}

// newStrings returns n strings, capped at n, from the parser's array.
func (p *lexParser) newStrings(n int) []string {
	if len(p.strs) < n {
		p.strs = make([]string, max(n, 512))
	}
	s := p.strs[:n:n]
	p.strs = p.strs[n:]
	return s
}

// finish gives the entries their Where and returns them.
func (p *lexParser) finish() []*Entry {
	where, start := p.where.String(), int32(0)
	for i, e := range p.out {
		e.Where = where[start:p.whereEnd[i]]
		start = p.whereEnd[i]
	}
	return p.out
}

// words splits head as strings.Fields does and returns the words in
// lower case (strings.ToLower), taken from the parser's array, and the
// phrase the words make as written, joined by single spaces.
func (p *lexParser) words(head string) (words []string, phrase string) {
	// Most heads are ASCII words between single spaces: the phrase is
	// the head itself, and a word without a capital its own lower case.
	plain, upper, spaces := head != "", false, 0
	for i := 0; i < len(head); i++ {
		switch c := head[i]; {
		case c == ' ':
			spaces++
			if i == 0 || i == len(head)-1 || head[i-1] == ' ' {
				plain = false
			}
		case c >= utf8.RuneSelf || '\t' <= c && c <= '\r':
			// Not ASCII, or another space.
			plain = false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	if !plain {
		ws := strings.Fields(head)
		words = p.newStrings(len(ws))
		for i, w := range ws {
			words[i] = strings.ToLower(w)
		}
		return words, strings.Join(ws, " ")
	}
	n := spaces + 1
	words = p.newStrings(n)
	rest := head
	for k := 0; k < n-1; k++ {
		i := strings.IndexByte(rest, ' ')
		words[k], rest = rest[:i], rest[i+1:]
	}
	words[n-1] = rest
	if upper {
		for i, w := range words {
			words[i] = strings.ToLower(w)
		}
	}
	return words, head
}

// entryLine returns line without the spaces and carriage returns that end
// it, and false for a line without an entry (blank, or a comment).
func entryLine(line string) (string, bool) {
	if line == "" {
		return "", false
	}
	if c, d := line[0], line[len(line)-1]; c <= ' ' || d <= ' ' || c >= utf8.RuneSelf || d >= utf8.RuneSelf {
		// Spaces to trim, or bytes that may be one: most lines open and
		// end with neither, and the trims would leave them as they are.
		line = strings.TrimRight(line, " \r")
		t := strings.TrimSpace(line)
		return line, t != "" && t[0] != '#'
	}
	return line, line[0] != '#'
}

// line reads the next line of the file.
func (p *lexParser) line(line string) error {
	p.n++
	n, category, name := p.n, p.category, p.name
	line, ok := entryLine(line)
	if !ok {
		return nil
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrLexicon, name, n, fmt.Sprintf(format, a...))
	}
	// The phrase, then its tab-separated fields, read in place: a
	// lexicon of ten thousand entries made a list of each line's
	// fields and of its words twice.
	head, rest, more := strings.Cut(line, "\t")
	words, phrase := p.words(head)
	if phrase == "" {
		return bad("empty phrase")
	}
	e := p.newEntry()
	e.Category, e.Phrase, e.Words, e.line = category, phrase, words, int32(n)
	if e.Words[0] == "*" || e.Words[len(e.Words)-1] == "*" {
		return bad("a wildcard * may not start or end a phrase")
	}
	for more {
		var f string
		f, rest, more = strings.Cut(rest, "\t")
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		k, v, hasV := strings.Cut(f, "=")
		switch k {
		case "stance":
			switch v {
			case StanceNeutral, StanceDistancing, StanceEndorsing, StanceDenial, StanceLoaded:
				e.Stance = v
			default:
				return bad("stance %q: want neutral, distancing, endorsing, denial or loaded", v)
			}
		case "marker":
			switch v {
			case KindLabel, KindIntensifier, KindAttribution:
				e.Marker = v
			default:
				return bad("marker %q: want label, intensifier or attribution", v)
			}
		case "sub":
			e.Sub = v
		case "kind":
			e.Kind = v
		case "expansion":
			e.Expand = v
		case "speech":
			e.Speech = true
		case "exact":
			e.Exact = true
		case "case":
			if v != "lower" {
				return bad("case=%q: only case=lower is known", v)
			}
			e.Lower = true
		case "next":
			if v != "number" {
				return bad("next=%q: only next=number is known", v)
			}
			e.Number = true
		case "not_next":
			e.NotNext = splitList(v)
		case "not_prev":
			e.NotPrev = splitList(v)
		case "prev":
			e.Prev = splitList(v)
		default:
			return bad("unknown attribute %q", k)
		}
		if !hasV && k != "speech" && k != "exact" {
			return bad("attribute %q needs a value", k)
		}
	}
	if category == LexAttribution && e.Stance == "" {
		return bad("attribution entry %q needs stance=", phrase)
	}
	if category == LexLoaded && e.Marker == "" {
		return bad("loaded entry %q needs marker= (label, intensifier or attribution)", phrase)
	}
	if category != LexLoaded && e.Marker != "" {
		return bad("marker= belongs to loaded entries only")
	}
	if category == LexLoaded && e.Marker == KindAttribution && e.Stance == "" {
		return bad("loaded entry %q with marker=attribution needs stance=", phrase)
	}
	if category != LexAttribution && !(category == LexLoaded && e.Marker == KindAttribution) && e.Stance != "" || category != LexAttribution && e.Speech {
		return bad("stance belongs to attribution entries only, speech to attribution.txt")
	}
	if category == LexAcronym && e.Expand == "" {
		return bad("acronym %q needs expansion=", phrase)
	}
	if category != LexAcronym {
		if prev, dup := p.byPhrase[phrase]; dup {
			return bad("duplicate entry %q (first on line %d)", phrase, prev.line)
		}
	}
	p.byPhrase[phrase] = e
	// The keys are the words themselves (the same list) until one
	// differs: a list of their own for fewer than half the entries.
	e.keys = e.Words
	shared := true
	for i, w := range e.Words {
		if e.Exact || w == "*" || category == LexGivenName {
			// Given names are looked up whole (Lexicon.Word), never
			// matched in running text: stemming their 5,000 entries
			// was most of a run's start.
			continue
		}
		// Through the process's memo: the lexicon's words recur in
		// its entries and in the text read after.
		if k := cachedStem(w); k != w {
			if shared {
				e.keys, shared = p.newStrings(len(e.Words)), false
				copy(e.keys, e.Words)
			}
			e.keys[i] = k
		}
	}
	if len(e.Words) > 1 && e.Words[1] != "*" {
		e.next = wordBit(e.Words[1]) | wordBit(e.keys[1])
	}
	var where [64]byte
	p.where.Write(strconv.AppendInt(append(append(where[:0], name...), ':'), int64(n), 10))
	p.whereEnd = append(p.whereEnd, int32(p.where.Len()))
	p.out = append(p.out, e)
	return nil
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(strings.ToLower(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// lexMatch is one lexicon entry found in a token sequence.
type lexMatch struct {
	e          *Entry
	start, end int // token indexes, end exclusive
}

// matchCands returns the longest entry of cands that matches words
// starting at token i: cands are the entries of a category that start at
// the token's word (wordFacts.cands; their first word matches it). low are
// the tokens' lower-case surface forms and facts their word facts (the
// stems, and whether a token is a numeral); the spelling of toks is read
// only for an entry of lower-case surfaces, after the rest of it matched.
//
// next is the wordFacts.bits of the token after i (0 at the end): an
// entry whose second word shares no bit with it cannot match (Entry.next),
// and most candidates fail there.
func matchCands(cands []*Entry, i int, next uint64, toks []rawToken, low []string, facts []*wordFacts) (lexMatch, bool) {
	for _, e := range cands {
		if e.next != 0 && e.next&next == 0 {
			continue
		}
		// The first word matches: cands are a word's, which hold only
		// the entries that start at it (startingHere).
		end, ok := matchSeq(e.Words[1:], e.keys[1:], e.Exact, i+1, low, facts)
		if !ok {
			continue
		}
		if e.Lower && lowerSurface(toks[i].text) != low[i] {
			continue
		}
		if e.Number && (end >= len(facts) || !(facts[end].digit || facts[end].numWord)) {
			continue
		}
		if notNext(e, low, end) {
			continue
		}
		if i > 0 && contains(e.NotPrev, low[i-1]) {
			continue
		}
		if len(e.Prev) > 0 && (i == 0 || !contains(e.Prev, low[i-1])) {
			continue
		}
		return lexMatch{e: e, start: i, end: end}, true
	}
	return lexMatch{}, false
}

// mergeCands returns the entries of cands and more in the order they are
// tried: exact entries are indexed by surface form, so both lists are
// tried, longest phrase first, and at equal length the exact form before
// the stem ("devastating" the adjective before "devastate" the verb).
// Without more it returns cands itself.
func mergeCands(cands, more []*Entry) []*Entry {
	if len(more) == 0 {
		return cands
	}
	cands = append(append([]*Entry(nil), cands...), more...)
	slices.SortStableFunc(cands, func(a, b *Entry) int {
		if la, lb := len(a.Words), len(b.Words); la != lb {
			return cmp.Compare(lb, la)
		}
		switch {
		case a.Exact && !b.Exact:
			return -1
		case b.Exact && !a.Exact:
			return 1
		}
		return 0
	})
	return cands
}

// guardSkip are the determiners a not_next guard looks past: "rejected
// the plan" is guarded by plan as "rejected plans" is. Not "that", which
// also opens a clause ("denied that it …"), nor "her", also an object.
var guardSkip = map[string]bool{"the": true, "a": true, "an": true, "his": true, "its": true, "their": true, "our": true}

// notNext reports whether a not_next guard of e names the word at end, or
// the word after a determiner there.
func notNext(e *Entry, low []string, end int) bool {
	if end >= len(low) || len(e.NotNext) == 0 {
		return false
	}
	if contains(e.NotNext, low[end]) {
		return true
	}
	return guardSkip[low[end]] && end+1 < len(low) && contains(e.NotNext, low[end+1])
}

// matchSeq reports where the phrase words ws with match keys ks end when
// they match the tokens from i (exact: the lower-case forms low; otherwise
// the stems of facts or the forms): after a wildcard it goes on with the rest of the
// phrase, without building an entry for it.
func matchSeq(ws, ks []string, exact bool, i int, low []string, facts []*wordFacts) (int, bool) {
	j := i
	for w := 0; w < len(ws); w++ {
		if ws[w] == "*" {
			// Match one to three words, then the rest of the phrase.
			for skip := 1; skip <= 3 && j+skip <= len(low); skip++ {
				if end, ok := matchSeq(ws[w+1:], ks[w+1:], exact, j+skip, low, facts); ok {
					return end, true
				}
			}
			return 0, false
		}
		if j >= len(low) {
			return 0, false
		}
		if exact {
			if low[j] != ws[w] {
				return 0, false
			}
		} else if facts[j].stem != ks[w] && low[j] != ws[w] {
			return 0, false
		}
		j++
	}
	return j, true
}

// wordBit is one of 64 bits named by a cheap hash of the word w: equal
// words have the same bit, so two sets of them that share no bit share no
// word (Entry.next, wordFacts.bits).
func wordBit(w string) uint64 {
	if w == "" {
		return 1
	}
	return 1 << ((uint(len(w))*7 + uint(w[0])*3 + uint(w[len(w)-1])) & 63)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
