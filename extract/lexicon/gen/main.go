// Command gen derives extract/lexicon/loaded.txt from published lexicons and
// keeps only the entries that the development data backs often enough.
//
// Every entry gives a marker of one of the report's kinds, chosen by its part
// of speech along the categories of Recasens, Danescu-Niculescu-Mizil &
// Jurafsky (2013): evaluative adjectives and adverbs are subjective
// intensifiers (marker=intensifier), pejorative nouns for people, groups and
// ideas one-sided terms (marker=label), verbs that report speech or an act
// with a verdict on it report verbs of a charged stance (marker=attribution
// stance=loaded). The part of speech is WordNet's most frequent one for a
// sentiment word, the tree's for a WordNet tree, and verb for the phrases
// of literature.txt (its pools are verbs of saying and acting).
//
// It runs in two steps around the development precision test of package
// extract (which reads ../shared/dev and never copies it):
//
//	go run ./extract/lexicon/gen candidates -vader VADER.js -pattern PATTERN.json -wordnet /usr/share/wordnet > /tmp/loaded-cand.txt
//	go test ./extract -run TestDevLexiconPrecision -lexcand loaded=/tmp/loaded-cand.txt -lexprec /tmp/loaded-cand-prec.tsv
//	go run ./extract/lexicon/gen select -cand /tmp/loaded-cand.txt -prec /tmp/loaded-cand-prec.tsv -report extract/lexicon/gen/loaded-precision.tsv > extract/lexicon/loaded.txt
//
// Sources (see the header it writes into loaded.txt): the VADER lexicon
// (Hutto & Gilbert 2014, MIT; vader_lexicon.js of npm vader-sentiment 1.1.3),
// Pattern's English adjective lexicon (De Smedt & Daelemans 2012, BSD;
// pattern-sentiment-en.json of npm natural 8.1.1), WordNet 3.0 (Princeton,
// WordNet licence; Debian wordnet-base) for parts of speech, lemmas and
// lexicographer files, and literature.txt beside this file (phrases named
// in the literature on reporting verbs and bias).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/kljensen/snowball/english"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gen candidates|select [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "candidates":
		err = candidates(os.Args[2:], os.Stdout)
	case "select":
		err = selectEntries(os.Args[2:], os.Stdout)
	case "senses":
		err = senses(os.Args[2:], os.Stdout)
	default:
		err = fmt.Errorf("unknown step %q (want candidates or select)", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// A candidate is one lemma from a published source with the category that
// decides whether its unseen entries are kept: the source, the part of
// speech and WordNet lexicographer file of its most frequent sense, and a
// strength bin.
type candidate struct {
	phrase, category, attrs string
	lexname                 string // WordNet lexicographer file of the dominant sense, for the record
	pos                     string // adj, adv, noun or verb: decides the marker kind
}

// marker is the lexicon attribute that gives the candidate's marker kind.
func (c *candidate) marker() string {
	switch c.pos {
	case "adj", "adv":
		return "marker=intensifier"
	case "noun":
		return "marker=label"
	}
	return "marker=attribution\tstance=loaded"
}

// beGetForms are the forms of be and get before which a participle is a
// passive or progressive verb.
const beGetForms = "is,are,was,were,be,been,being,am,get,gets,got,gotten,getting"

var wordRe = regexp.MustCompile(`^[a-z][a-z-]*[a-z]$`)

func candidates(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("candidates", flag.ContinueOnError)
	vaderPath := fs.String("vader", "", "vader_lexicon.js of npm vader-sentiment")
	patternPath := fs.String("pattern", "", "pattern-sentiment-en.json of npm natural")
	wnDir := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database directory")
	litPath := fs.String("literature", filepath.Join("extract", "lexicon", "gen", "literature.txt"), "phrases from the literature")
	guardPath := fs.String("guards", filepath.Join("extract", "lexicon", "gen", "guards.txt"), "word-sense guards to put on entries")
	if err := fs.Parse(args); err != nil {
		return err
	}
	wn, err := loadWordNet(*wnDir)
	if err != nil {
		return err
	}
	vader, err := loadVader(*vaderPath)
	if err != nil {
		return err
	}
	pattern, err := loadPattern(*patternPath)
	if err != nil {
		return err
	}
	// A candidate that another framing list already matches would give a
	// second marker for the same word; the hand-curated entry (and its
	// stance, for an attribution verb) stands.
	lex := extract.DefaultLexicon()
	keysOf := func(cats ...string) map[string]bool {
		out := map[string]bool{}
		for _, cat := range cats {
			for _, e := range lex.Entries(cat) {
				attrs := ""
				if e.Exact {
					attrs = "\texact"
				}
				out[strings.Join((&candidate{phrase: e.Phrase, attrs: attrs}).keys(), " ")] = true
				if len(e.Words) == 1 {
					out[e.Phrase] = true
				}
			}
		}
		return out
	}
	otherKinds := keysOf(extract.LexLabel, extract.LexIntensifier, extract.LexHedge, extract.LexDistancing, extract.LexStopword, extract.LexTitle)
	attribution := keysOf(extract.LexAttribution)
	in := func(set map[string]bool, w string) bool {
		return set[w] || set[strings.Join((&candidate{phrase: w}).keys(), " ")]
	}
	taken := func(w string) bool { return in(otherKinds, w) || in(attribution, w) }
	byLemma := map[string]*candidate{}
	var order []string
	add := func(lemma, category, lexname, pos string) {
		if _, dup := byLemma[lemma]; dup || taken(lemma) {
			return
		}
		byLemma[lemma] = &candidate{phrase: lemma, category: category, lexname: lexname, pos: pos}
		order = append(order, lemma)
	}
	// Literature first: its phrases keep their own attributes and category.
	lit, err := loadLiterature(*litPath, wn)
	if err != nil {
		return err
	}
	for _, c := range lit {
		if _, dup := byLemma[c.phrase]; dup {
			continue
		}
		// An exact form is taken only by a list that has that very form:
		// "remarkable" is not the attribution verb "remark".
		exact := strings.Contains(c.attrs, "\texact")
		if exact && (otherKinds[c.phrase] || attribution[c.phrase]) || !exact && taken(c.phrase) {
			continue
		}
		byLemma[c.phrase] = c
		order = append(order, c.phrase)
	}
	// VADER: every word form, reduced to its WordNet lemma; the lemma's own
	// valence when VADER rates it, else the form's.
	forms := make([]string, 0, len(vader))
	for f := range vader {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		if !wordRe.MatchString(f) {
			continue
		}
		pos, lemma, lexname, ok := wn.dominant(f)
		if !ok {
			continue
		}
		// A participle that WordNet also lists as an adjective and VADER
		// rates itself ("devastating", "rigged") judges as an adjective
		// does; its verb ("homes were devastated") may only report. It
		// comes in as its own exact form.
		if fv, rated := vader[f]; rated && f != lemma && (strings.HasSuffix(f, "ing") || strings.HasSuffix(f, "ed")) && math.Abs(fv) >= 1 {
			if _, adj := wn.idx["a"][f]; adj && pos != "adj" {
				if _, dup := byLemma[f]; !dup && !taken(f) {
					// After a form of be or get the participle is a verb
					// more often than the adjective VADER rates: "was being
					// forced to defend", "who was crying" report a passive
					// or an act in progress, not a judgement (issue 11).
					byLemma[f] = &candidate{phrase: f, category: "vader/participle-adj/" + valenceBin(fv), attrs: "\texact\tnot_prev=" + beGetForms, pos: "adj"}
					order = append(order, f)
				}
			}
		}
		v, ok := vader[lemma]
		if !ok {
			v = vader[f]
		}
		if math.Abs(v) < 1 {
			continue
		}
		add(lemma, fmt.Sprintf("vader/%s/%s", pos, valenceBin(v)), lexname, pos)
	}
	// Pattern: strongly subjective adjectives VADER does not rate.
	pwords := make([]string, 0, len(pattern))
	for p := range pattern {
		pwords = append(pwords, p)
	}
	sort.Strings(pwords)
	for _, p := range pwords {
		e := pattern[p]
		if e.Pos != "JJ" || !wordRe.MatchString(p) {
			continue
		}
		subj, _ := strconv.ParseFloat(e.Subjectivity, 64)
		if subj < 0.8 {
			continue
		}
		if _, ok := wn.idx["a"][p]; !ok {
			continue
		}
		// Subjective but not evaluative (casual, elaborate, economical):
		// a judgement has a polarity.
		pol, _ := strconv.ParseFloat(e.Polarity, 64)
		if math.Abs(pol) < 0.1 {
			continue
		}
		bin := "neg"
		if pol > 0 {
			bin = "pos"
		}
		add(p, "pattern/adj/"+bin, "", "adj")
	}
	// One entry per match key ("mocked" and "mock" are one candidate): the
	// one with guards, else the shortest phrase. Where a shorter, unrelated
	// word shares the stem ("alienation" and "alien"), the entry matches
	// its own form only.
	stemOwner := wn.shortestByStem()
	groups := map[string]*candidate{}
	members := map[string][]*candidate{}
	var keys []string
	for _, l := range order {
		c := byLemma[l]
		k := strings.Join(c.keys(), " ")
		members[k] = append(members[k], c)
		if g, ok := groups[k]; !ok {
			groups[k] = c
			keys = append(keys, k)
		} else if better(c, g) {
			groups[k] = c
		}
	}
	// A word that shares its stem with an entry of another part of speech
	// ("ridiculous" with the verb "ridicule") keeps its own kind as an
	// exact form, which the matcher tries before the stem.
	var exactForms []*candidate
	for _, k := range keys {
		g := groups[k]
		for _, c := range members[k] {
			if c != g && c.marker() != g.marker() && !strings.Contains(c.phrase, " ") && c.attrs == "" {
				c.attrs = "\texact"
				exactForms = append(exactForms, c)
			}
		}
	}
	guards, err := loadGuards(*guardPath)
	if err != nil {
		return err
	}
	var out []*candidate
	for _, k := range keys {
		c := groups[k]
		if g, ok := guards[c.phrase]; ok {
			if g == "drop" {
				// Not loaded in any sense news uses (guards.txt says why).
				continue
			}
			c.attrs += "\t" + g
		}
		if c.attrs == "" && !strings.Contains(c.phrase, " ") {
			// Another word of the same length owns the stem as well
			// ("assumption" beside the adjective "assumptive"): exact too,
			// but for a verb, whose inflections the stem must find.
			if o := stemOwner[k]; o != "" && o != c.phrase && (len(o) < len(c.phrase) || len(o) == len(c.phrase) && c.pos != "verb") && byLemma[o] == nil {
				c.attrs = "\texact"
			}
		}
		out = append(out, c)
	}
	for _, c := range exactForms {
		// An exact form takes its own guards too ("frightened", the
		// adjective beside the verb "frighten").
		switch g, ok := guards[c.phrase]; {
		case g == "drop":
			continue
		case ok:
			c.attrs += "\t" + g
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].category != out[j].category {
			return out[i].category < out[j].category
		}
		return out[i].phrase < out[j].phrase
	})
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# loaded candidates (generated; see extract/lexicon/gen)")
	cat := ""
	for _, c := range out {
		if c.category != cat {
			cat = c.category
			fmt.Fprintf(bw, "# category %s\n", cat)
		}
		fmt.Fprintf(bw, "%s%s\t%s\n", c.phrase, c.attrs, c.marker())
	}
	return bw.Flush()
}

// better reports whether c should stand for its match key instead of g.
func better(c, g *candidate) bool {
	if (c.attrs != "") != (g.attrs != "") {
		return c.attrs != ""
	}
	if len(c.phrase) != len(g.phrase) {
		return len(c.phrase) < len(g.phrase)
	}
	return c.phrase < g.phrase
}

// shortestByStem maps a Snowball stem to the shortest single-word WordNet
// lemma with that stem.
func (wn *wordNet) shortestByStem() map[string]string {
	out := map[string]string{}
	for _, p := range wnPOS {
		for l := range wn.idx[p.pos] {
			if strings.ContainsAny(l, "_-") {
				continue
			}
			k := english.Stem(l, true)
			if o, ok := out[k]; !ok || len(l) < len(o) || len(l) == len(o) && l < o {
				out[k] = l
			}
		}
	}
	return out
}

// keys are the words as the lexicon matches them (Snowball stems unless
// the entry is exact), so that candidates with one stem collapse.
func (c *candidate) keys() []string {
	ws := strings.Fields(c.phrase)
	if strings.Contains(c.attrs, "exact") {
		return ws
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = english.Stem(w, true)
	}
	return out
}

func valenceBin(v float64) string {
	switch {
	case v <= -2:
		return "neg-strong"
	case v < 0:
		return "neg"
	case v >= 2:
		return "pos-strong"
	}
	return "pos"
}

func loadVader(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Lines look like `  bizarre: -1.3,` or `  'a-holes': -2.5,`.
	re := regexp.MustCompile(`^\s*['"]?([^'":]+)['"]?\s*:\s*(-?[0-9.]+),?\s*$`)
	out := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := re.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			continue
		}
		out[strings.ToLower(m[1])] = v
	}
	if len(out) < 5000 {
		return nil, fmt.Errorf("%s: only %d VADER entries read", path, len(out))
	}
	return out, sc.Err()
}

type patternEntry struct {
	Pos          string `json:"pos"`
	Subjectivity string `json:"subjectivity"`
	Polarity     string `json:"polarity"`
}

func loadPattern(path string) (map[string]patternEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]patternEntry{}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// loadLiterature reads literature.txt: lexicon lines grouped under
// "# category NAME" comments.
func loadLiterature(path string, wn *wordNet) ([]*candidate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*candidate
	cat := "literature"
	pos := "verb"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \r")
		if name, ok := strings.CutPrefix(line, "# category "); ok {
			cat, pos = strings.TrimSpace(name), "verb"
			continue
		}
		if p, ok := strings.CutPrefix(line, "# pos "); ok {
			// A pool of nouns or adjectives says so: its phrases take
			// that part of speech, and so that marker kind.
			switch p = strings.TrimSpace(p); p {
			case "noun", "adj", "adv", "verb":
				pos = p
			default:
				return nil, fmt.Errorf("%s: # pos %q: want noun, adj, adv or verb", path, p)
			}
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if fs := strings.Fields(line); len(fs) >= 4 && fs[0] == "tree" {
			// tree POS LEMMA SENSE [below]: the synset and its hyponyms;
			// "below" leaves out the root's own words, the plain verb
			// ("criticize") whose hyponyms are the loaded ones.
			sense, _ := strconv.Atoi(fs[3])
			words, err := wn.tree(fs[1], fs[2], sense, 3, len(fs) > 4 && fs[4] == "below")
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			for _, w := range words {
				out = append(out, &candidate{phrase: w, category: cat, pos: wnFile(fs[1])})
			}
			continue
		}
		phrase, attrs, _ := strings.Cut(line, "\t")
		if attrs != "" {
			attrs = "\t" + attrs
		}
		// The phrases of literature.txt are verbs of saying and acting
		// unless their pool says otherwise (# pos); WordNet's guess would
		// take "skewer" for a comparative of "skew" and "bash" for a party.
		out = append(out, &candidate{phrase: phrase, category: cat, attrs: attrs, pos: pos})
	}
	return out, sc.Err()
}

// loadGuards reads guards.txt: PHRASE<TAB>attributes to add to the entry
// of that phrase.
func loadGuards(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for n, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		phrase, attrs, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want PHRASE<TAB>attributes", path, n+1)
		}
		out[phrase] = strings.TrimSpace(attrs)
	}
	return out, nil
}

// wordNet holds what the generator needs of WordNet 3.0: per part of
// speech, each lemma's tagged-sense count and the lexicographer file of its
// first (most frequent) sense, and the exception lists of inflections.
type wordNet struct {
	idx map[string]map[string]wnLemma  // pos -> lemma
	exc map[string]map[string]string   // pos -> inflected form -> lemma
	syn map[string]map[string]wnSynset // pos -> offset -> synset
}

type wnLemma struct {
	tagged  int
	lexname string
	senses  []string // synset offsets, most frequent first
}

type wnSynset struct {
	words    []string
	hyponyms []string
	gloss    string
}

var wnPOS = []struct{ pos, file string }{{"a", "adj"}, {"r", "adv"}, {"n", "noun"}, {"v", "verb"}}

// lexnames are WordNet's lexicographer files by number (lexnames(5WN)).
var lexnames = strings.Fields(`adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute
noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive
noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation
noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication
verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception
verb.possession verb.social verb.stative verb.weather adj.ppl`)

func loadWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{idx: map[string]map[string]wnLemma{}, exc: map[string]map[string]string{}, syn: map[string]map[string]wnSynset{}}
	for _, p := range wnPOS {
		lexOf, syn, err := readData(filepath.Join(dir, "data."+p.file))
		if err != nil {
			return nil, err
		}
		f, err := os.Open(filepath.Join(dir, "index."+p.file))
		if err != nil {
			return nil, err
		}
		m := map[string]wnLemma{}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue // licence header
			}
			fs := strings.Fields(line)
			if len(fs) < 6 {
				continue
			}
			// lemma pos synset_cnt p_cnt ptr... sense_cnt tagsense_cnt offset...
			nptr, _ := strconv.Atoi(fs[3])
			at := 4 + nptr
			if at+2 >= len(fs) {
				continue
			}
			tagged, _ := strconv.Atoi(fs[at+1])
			m[fs[0]] = wnLemma{tagged: tagged, lexname: lexOf[fs[at+2]], senses: fs[at+2:]}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
		wn.idx[p.pos] = m
		wn.syn[p.pos] = syn
		exc := map[string]string{}
		if b, err := os.ReadFile(filepath.Join(dir, p.file+".exc")); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if fs := strings.Fields(l); len(fs) >= 2 {
					exc[fs[0]] = fs[1]
				}
			}
		}
		wn.exc[p.pos] = exc
	}
	return wn, nil
}

// readData reads a data.* file: each synset's lexicographer file, words,
// hyponyms and gloss.
func readData(path string) (map[string]string, map[string]wnSynset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	lex := map[string]string{}
	syn := map[string]wnSynset{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") || len(line) < 12 {
			continue
		}
		body, gloss, _ := strings.Cut(line, " | ")
		fs := strings.Fields(body)
		// offset lex_filenum ss_type w_cnt(hex) word lex_id ... p_cnt ptr...
		if len(fs) < 4 {
			continue
		}
		if n, err := strconv.Atoi(fs[1]); err == nil && n < len(lexnames) {
			lex[fs[0]] = lexnames[n]
		}
		wc, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil || 4+2*int(wc) >= len(fs) {
			continue
		}
		var s wnSynset
		for k := 0; k < int(wc); k++ {
			w := strings.ToLower(fs[4+2*k])
			if i := strings.IndexByte(w, '('); i > 0 {
				w = w[:i] // adjective markers such as (a)
			}
			s.words = append(s.words, strings.ReplaceAll(w, "_", " "))
		}
		at := 4 + 2*int(wc)
		np, _ := strconv.Atoi(fs[at])
		for k := 0; k < np && at+1+4*k+3 < len(fs); k++ {
			if sym := fs[at+1+4*k]; sym == "~" || sym == "~i" {
				s.hyponyms = append(s.hyponyms, fs[at+2+4*k])
			}
		}
		s.gloss = gloss
		syn[fs[0]] = s
	}
	return lex, syn, sc.Err()
}

// senses prints the senses of a lemma with their glosses and hyponym
// trees, to choose the roots in literature.txt: gen senses v criticize.
func senses(args []string, w io.Writer) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: gen senses POS LEMMA")
	}
	wn, err := loadWordNet("/usr/share/wordnet")
	if err != nil {
		return err
	}
	l, ok := wn.idx[args[0]][args[1]]
	if !ok {
		return fmt.Errorf("no %s %q in WordNet", args[0], args[1])
	}
	for i, off := range l.senses {
		words, _ := wn.tree(args[0], args[1], i+1, 3, false)
		fmt.Fprintf(w, "%d %s | %s\n    %s\n", i+1, strings.Join(wn.syn[args[0]][off].words, ", "), wn.syn[args[0]][off].gloss, strings.Join(words, ", "))
	}
	return nil
}

// tree lists the words of a synset and of its hyponyms, down to depth
// levels: WordNet's own grouping of, say, the ways to criticise.
func (wn *wordNet) tree(pos, lemma string, sense, depth int, below bool) ([]string, error) {
	l, ok := wn.idx[pos][lemma]
	if !ok || sense < 1 || sense > len(l.senses) {
		return nil, fmt.Errorf("wordnet: no sense %d of %s (%s)", sense, lemma, pos)
	}
	seen := map[string]bool{}
	inTree := map[string]bool{}
	var words []string
	var walk func(off string, d int)
	walk = func(off string, d int) {
		inTree[off] = true
		s := wn.syn[pos][off]
		for _, w := range s.words {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		if d < depth {
			for _, h := range s.hyponyms {
				walk(h, d+1)
			}
		}
	}
	walk(l.senses[sense-1], 0)
	if below {
		for _, w := range wn.syn[pos][l.senses[sense-1]].words {
			seen[w] = false
		}
	}
	// Keep a word only where this tree holds its most frequent sense and
	// the word is used most in this part of speech: "rally" and "ride" are
	// in the tree of teasing, but that is not what they usually mean.
	var out []string
	for _, w := range words {
		if !seen[w] {
			continue
		}
		e, ok := wn.idx[pos][strings.ReplaceAll(w, " ", "_")]
		if !ok || len(e.senses) == 0 || !inTree[e.senses[0]] {
			continue
		}
		// The root the literature names is taken in the tree's part of
		// speech ("mock" is a verb there, though WordNet tags "a mock
		// trial" more often).
		if !strings.Contains(w, " ") && w != strings.ReplaceAll(lemma, "_", " ") {
			if p, _, _, ok := wn.dominant(w); ok && p != wnFile(pos) {
				continue
			}
		}
		out = append(out, w)
	}
	return out, nil
}

func wnFile(pos string) string {
	for _, p := range wnPOS {
		if p.pos == pos {
			return p.file
		}
	}
	return ""
}

var suffixRules = map[string][][2]string{
	"n": {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}},
	"v": {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}, {"s", ""}},
	"a": {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	"r": {},
}

// lemma is WordNet's morphy: the exception list, then the suffix rules.
func (wn *wordNet) lemma(pos, w string) (string, bool) {
	if _, ok := wn.idx[pos][w]; ok {
		return w, true
	}
	if l, ok := wn.exc[pos][w]; ok {
		if _, ok := wn.idx[pos][l]; ok {
			return l, true
		}
	}
	for _, r := range suffixRules[pos] {
		if strings.HasSuffix(w, r[0]) {
			l := strings.TrimSuffix(w, r[0]) + r[1]
			if _, ok := wn.idx[pos][l]; ok {
				return l, true
			}
		}
	}
	return "", false
}

// dominant returns the part of speech in which w is most often used (by
// WordNet's tagged-sense counts), its lemma there and the lexicographer
// file of its first sense.
func (wn *wordNet) dominant(w string) (pos, lemma, lexname string, ok bool) {
	best := -1
	for _, p := range wnPOS {
		l, found := wn.lemma(p.pos, w)
		if !found {
			continue
		}
		e := wn.idx[p.pos][l]
		if e.tagged > best {
			best, pos, lemma, lexname, ok = e.tagged, p.file, l, e.lexname, true
		}
	}
	return
}
