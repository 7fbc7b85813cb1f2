package extract_test

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// These tests read the development halves of BASIL and BABE in ../shared/dev
// (never copied into the repository) and skip when it is absent or when
// their flag is not given:
//
//	go test ./extract -run TestDevLexiconPrecision -lexprec /tmp/lexprec.tsv
//	go test ./extract -run TestDevLexiconPrecision -lexprec /tmp/cand.tsv -lexcand loaded=/tmp/candidates.txt
//	go test ./extract -run TestDevMarkerSample -sample
var (
	lexPrecOut = flag.String("lexprec", "", "write the development precision of every lexicon entry to this TSV file")
	lexCand    = flag.String("lexcand", "", "category=file: replace a lexicon category with candidate entries before measuring")
	sampleOut  = flag.Bool("sample", false, "write up to 50 outlet-voice markers per kind from the BASIL development articles (topped up from BABE) to /tmp/marker-sample-<kind>.tsv")
)

// devDir is the shared development data: CLAIMDIFF_DEV, or ../shared/dev
// beside the worktree root.
func devDir(t *testing.T) string {
	t.Helper()
	d := extract.DevPath()
	if _, err := os.Stat(filepath.Join(d, "basil", "articles")); err != nil {
		t.Skipf("no development data at %s", d)
	}
	return d
}

// devArticle is one BASIL article, its text joined as eval-basil joins it
// (sentences by a space, paragraphs by a blank line), and the byte spans of
// the annotators' bias phrases in that text.
type devArticle struct {
	uuid, outlet, title, date, text string
	phrases                         []extract.Span
	lexical                         []extract.Span // lexical bias outside quotes
}

func loadBasil(t *testing.T, dir string) []devArticle {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "basil", "articles", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("basil articles: %v", err)
	}
	type ann struct {
		ID, Bias, Quote, Txt string
		Start, End           int
	}
	anns := map[string][]ann{}
	afiles, _ := filepath.Glob(filepath.Join(dir, "basil", "annotations", "*.json"))
	for _, f := range afiles {
		var a struct {
			UUID    string `json:"uuid"`
			Phrases []ann  `json:"phrase-level-annotations"`
		}
		readJSON(t, f, &a)
		anns[a.UUID] = a.Phrases
	}
	var out []devArticle
	for _, f := range files {
		var a struct {
			UUID, Source, Title, Date string
			Paras                     [][]string `json:"body-paragraphs"`
		}
		readJSON(t, f, &a)
		var b strings.Builder
		var starts []int
		var sents []string
		for pi, p := range a.Paras {
			if pi > 0 {
				b.WriteString("\n\n")
			}
			for si, s := range p {
				if si > 0 {
					b.WriteString(" ")
				}
				starts = append(starts, b.Len())
				sents = append(sents, s)
				b.WriteString(s)
			}
		}
		art := devArticle{uuid: a.UUID, outlet: a.Source, title: a.Title, date: a.Date, text: b.String()}
		for _, p := range anns[a.UUID] {
			var k int
			if _, err := fmt.Sscanf(p.ID, "p%d", &k); err != nil || k >= len(sents) {
				continue // the title is not part of the text
			}
			// Offsets count characters; spans count bytes.
			s, e, ok := runeRange(sents[k], p.Start, p.End)
			if !ok || sents[k][s:e] != p.Txt {
				continue
			}
			sp := extract.Span{Start: starts[k] + s, End: starts[k] + e}
			art.phrases = append(art.phrases, sp)
			if p.Quote != "yes" && p.Bias == "lex" {
				art.lexical = append(art.lexical, sp)
			}
		}
		out = append(out, art)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].uuid < out[j].uuid })
	return out
}

func runeRange(s string, a, b int) (int, int, bool) {
	offs := make([]int, 0, len(s)+1)
	for off := range s {
		offs = append(offs, off)
	}
	offs = append(offs, len(s))
	if a < 0 || b < a || b >= len(offs) {
		return 0, 0, false
	}
	return offs[a], offs[b], true
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// babeRow is one BABE sentence with the experts' biased words.
type babeRow struct {
	text, outlet string
	record       int // the row's record number in babe-dev.csv, the header not counted
	biased       bool
	words        map[string]bool
}

var babeQuoted = regexp.MustCompile(`'([^']*)'|"([^"]*)"`)

func loadBabe(t *testing.T, dir string) []babeRow {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "babe", "babe-dev.csv"))
	if err != nil {
		t.Skipf("no BABE development data: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	var out []babeRow
	for n := 1; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(rec) < len(head) {
			continue
		}
		lb := rec[col["label_bias"]]
		if lb != "Biased" && lb != "Non-biased" {
			continue
		}
		row := babeRow{text: rec[col["text"]], outlet: rec[col["outlet"]], record: n, biased: lb == "Biased", words: map[string]bool{}}
		for _, m := range babeQuoted.FindAllStringSubmatch(rec[col["biased_words"]], -1) {
			w := strings.ToLower(m[1] + m[2])
			if !devStop[w] {
				row.words[w] = true
			}
		}
		out = append(out, row)
	}
	return out
}

// devStop and devWord follow eval-babe: marker words are lower-case words of
// three letters or more that are not function words.
var devStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("the a an of to in on for and or but with by at from as is are was were be been that this its it his her their has have had not no who which what he she they we you i our your") {
		devStop[w] = true
	}
}

var devWord = regexp.MustCompile(`[a-z][a-z'-]+`)

func markerWords(s string) []string {
	var out []string
	for _, w := range devWord.FindAllString(strings.ToLower(s), -1) {
		if !devStop[w] && len(w) > 2 {
			out = append(out, w)
		}
	}
	return out
}

// framingCounted reports whether the dev scorers count a marker as framing:
// outlet voice, a framing kind, and an attribution only when its stance is
// not neutral.
func framingCounted(m extract.Marker) bool {
	if m.Voice != extract.VoiceOutlet {
		return false
	}
	switch m.Kind {
	case extract.KindLabel, extract.KindIntensifier, extract.KindDistancing, extract.KindScareQuote:
		return true
	case extract.KindAttribution:
		return m.Stance != "" && m.Stance != extract.StanceNeutral
	}
	return false
}

// entryStat counts one rule's outlet-voice markers on the development data
// and how many of them the annotators back.
type entryStat struct {
	rule, kind, phrase           string
	babeN, babeHit, basN, basHit int
}

func (s *entryStat) prec() float64 { return frac(s.babeHit+s.basHit, s.babeN+s.basN) }

// TestDevLexiconPrecision prints, for every lexicon entry and rule that
// fired, how often its outlet-voice markers are backed by the annotators:
// on BABE, the marker holds a word the experts marked as biased; on BASIL,
// the marker overlaps a phrase the annotators marked. The summary lines
// reproduce eval-babe and eval-basil. Lexicon selection (the headers of
// extract/lexicon/*.txt) reads this table.
func TestDevLexiconPrecision(t *testing.T) {
	if *lexPrecOut == "" {
		t.Skip("give -lexprec FILE to measure")
	}
	dir := devDir(t)
	lex := extract.DefaultLexicon()
	if *lexCand != "" {
		cat, file, ok := strings.Cut(*lexCand, "=")
		if !ok {
			t.Fatalf("-lexcand wants category=file, got %q", *lexCand)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		lex, err = lex.Replace(cat, filepath.Base(file), f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	f, stats := measureDev(t, dir, lex)

	all := make([]*entryStat, 0, len(stats))
	for _, s := range stats {
		all = append(all, s)
	}
	sort.Slice(all, func(i, j int) bool {
		if ni, nj := all[i].babeN+all[i].basN, all[j].babeN+all[j].basN; ni != nj {
			return ni > nj
		}
		return all[i].rule < all[j].rule
	})
	var b strings.Builder
	b.WriteString("rule\tkind\tphrase\tprecision\tn\tbabe_hit\tbabe_n\tbasil_hit\tbasil_n\n")
	for _, s := range all {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%.2f\t%d\t%d\t%d\t%d\t%d\n", s.rule, s.kind, s.phrase, s.prec(), s.babeN+s.basN, s.babeHit, s.babeN, s.basHit, s.basN)
	}
	if err := os.WriteFile(*lexPrecOut, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	f.log(t)
	t.Logf("per-entry precision: %s (%d rules)", *lexPrecOut, len(all))
}

// devFigures are the development figures of eval-babe and eval-basil.
type devFigures struct {
	goldWords, hitWords, markerWords int // BABE
	lexN, lexHit, mkN, mkHit         int // BASIL
}

// measureDev extracts the development halves of BABE and BASIL with lex and
// returns the figures and, per rule, how often its markers are backed.
func measureDev(t *testing.T, dir string, lex *extract.Lexicon) (devFigures, map[string]*entryStat) {
	t.Helper()
	var f devFigures
	phrases := map[string]string{}
	for _, cat := range extract.LexiconCategories {
		for _, e := range lex.Entries(cat) {
			phrases[e.Where] = e.Phrase
		}
	}
	stats := map[string]*entryStat{}
	stat := func(m extract.Marker) *entryStat {
		s := stats[m.Rule]
		if s == nil {
			s = &entryStat{rule: m.Rule, kind: m.Kind, phrase: phrases[m.Rule]}
			stats[m.Rule] = s
		}
		return s
	}

	for _, row := range loadBabe(t, dir) {
		doc := extract.Extract(row.text, extract.WithOutlet(row.outlet), extract.WithLexicon(lex))
		flagged := map[string]bool{}
		for _, c := range doc.Claims {
			for _, m := range c.Markers {
				if !framingCounted(m) {
					continue
				}
				s := stat(m)
				s.babeN++
				hit := false
				for _, w := range markerWords(m.Text) {
					flagged[w] = true
					hit = hit || row.words[w]
				}
				if hit {
					s.babeHit++
				}
			}
		}
		f.goldWords += len(row.words)
		f.markerWords += len(flagged)
		for w := range flagged {
			if row.words[w] {
				f.hitWords++
			}
		}
	}

	for _, a := range loadBasil(t, dir) {
		doc := extract.Extract(a.text, extract.WithOutlet(a.outlet), extract.WithTitle(a.title), extract.WithPublished(a.date), extract.WithLexicon(lex))
		var ms []extract.Span
		for _, c := range doc.Claims {
			for _, m := range c.Markers {
				if !framingCounted(m) {
					continue
				}
				ms = append(ms, m.Span)
				s := stat(m)
				s.basN++
				f.mkN++
				if overlapsAny(m.Span, a.phrases) {
					s.basHit++
					f.mkHit++
				}
			}
		}
		for _, l := range a.lexical {
			f.lexN++
			if overlapsAny(l, ms) {
				f.lexHit++
			}
		}
	}

	return f, stats
}

func (f devFigures) log(t *testing.T) {
	t.Helper()
	t.Logf("BABE word recall %.3f (%d/%d) at word precision %.3f (%d/%d)", frac(f.hitWords, f.goldWords), f.hitWords, f.goldWords, frac(f.hitWords, f.markerWords), f.hitWords, f.markerWords)
	t.Logf("BASIL lexical recall %.3f (%d/%d) at marker precision %.3f (%d/%d)", frac(f.lexHit, f.lexN), f.lexHit, f.lexN, frac(f.mkHit, f.mkN), f.mkHit, f.mkN)
}

// TestDevMarkerFloors fails when the framing markers fall below the
// development figures reached (README, "Accuracy"). It reads ../shared/dev
// and skips without it and with -short.
func TestDevMarkerFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the development data")
	}
	f, _ := measureDev(t, devDir(t), extract.DefaultLexicon())
	f.log(t)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		// Lowered in issue 11's third round, which traded dev recall for
		// reader precision (sentiment nouns and verbs that name topics,
		// quoted blog posts): the targets are 0.30 / 0.40 and
		// 0.30 / 0.25.
		{"BABE word recall", frac(f.hitWords, f.goldWords), 0.30},
		{"BABE word precision", frac(f.hitWords, f.markerWords), 0.52},
		{"BASIL lexical recall", frac(f.lexHit, f.lexN), 0.35},
		{"BASIL marker precision", frac(f.mkHit, f.mkN), 0.29},
	} {
		if c.got < c.floor {
			t.Errorf("%s %.3f fell below %.2f", c.name, c.got, c.floor)
		}
	}
}

func overlapsAny(s extract.Span, list []extract.Span) bool {
	for _, o := range list {
		if s.Overlaps(o) {
			return true
		}
	}
	return false
}

// TestDevMarkerSample draws, deterministically, up to 50 outlet-voice
// markers of every kind from the BASIL development articles and writes them
// with their sentence to /tmp/marker-sample-<kind>.tsv, for a reader who did
// not write the rules to judge (README, "Accuracy"). A kind that BASIL gives
// fewer than 50 of (scare quotes, distancing) is topped up from the BABE
// development sentences, drawn the same way; the source column says which.
// Attribution markers are drawn from those whose stance the framing profile
// counts (distancing, endorsing, loaded: compare.framing); a plain denial
// reports the source's act, and the profile leaves it out.
func TestDevMarkerSample(t *testing.T) {
	if !*sampleOut {
		t.Skip("give -sample to write the samples")
	}
	dir := devDir(t)
	type drawn struct {
		key                   uint64
		source, where, outlet string
		claim                 extract.Claim
		m                     extract.Marker
	}
	// draw collects the sampled markers of one document by kind, keyed by
	// an FNV hash of where the document comes from and the marker's span.
	draw := func(into map[string][]drawn, doc *extract.Document, source, where, outlet string) {
		for _, c := range doc.Claims {
			for _, m := range c.Markers {
				if m.Voice != extract.VoiceOutlet || m.Kind == extract.KindAttribution && !profileStance[m.Stance] {
					continue
				}
				h := fnv.New64a()
				fmt.Fprintf(h, "%s:%d:%d:%s", where, m.Span.Start, m.Span.End, m.Kind)
				into[m.Kind] = append(into[m.Kind], drawn{key: h.Sum64(), source: source, where: where, outlet: outlet, claim: c, m: m})
			}
		}
	}
	basil := map[string][]drawn{}
	arts := loadBasil(t, dir)
	for ai := range arts {
		a := &arts[ai]
		doc := extract.Extract(a.text, extract.WithOutlet(a.outlet), extract.WithTitle(a.title), extract.WithPublished(a.date))
		draw(basil, doc, "BASIL", a.uuid, a.outlet)
	}
	babe := map[string][]drawn{}
	for _, row := range loadBabe(t, dir) {
		doc := extract.Extract(row.text, extract.WithOutlet(row.outlet))
		draw(babe, doc, "BABE", fmt.Sprintf("babe-dev.csv record %d", row.record), row.outlet)
	}
	byKey := func(ds []drawn) {
		sort.Slice(ds, func(i, j int) bool {
			if ds[i].key != ds[j].key {
				return ds[i].key < ds[j].key
			}
			return ds[i].where < ds[j].where
		})
	}
	for _, kind := range extract.MarkerKinds {
		ds, extra := basil[kind], babe[kind]
		byKey(ds)
		byKey(extra)
		nBasil, nBabe := len(ds), len(extra)
		if len(ds) > 50 {
			ds = ds[:50]
		}
		fromBasil := len(ds)
		if len(ds) < 50 {
			ds = append(ds, extra[:min(len(extra), 50-len(ds))]...)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "# %d of %d outlet-voice %s markers in the BASIL development articles", fromBasil, nBasil, kind)
		if len(ds) > fromBasil {
			fmt.Fprintf(&b, ", topped up with %d of %d in the BABE development sentences", len(ds)-fromBasil, nBabe)
		}
		b.WriteString("; drawn by FNV hash of document and span.\n")
		b.WriteString("# Judge each: is the marked text this kind of framing in the outlet's own voice? Write y or n in the first column.\n")
		b.WriteString("judgement\tn\tkind\tmarker\tstance\trule\tsource\tdocument\toutlet\tsentence (marker in [[ ]])\n")
		for i, d := range ds {
			s, e := d.m.Span.Start-d.claim.Span.Start, d.m.Span.End-d.claim.Span.Start
			sent := d.claim.Text[:s] + "[[" + d.claim.Text[s:e] + "]]" + d.claim.Text[e:]
			fmt.Fprintf(&b, "\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, kind, oneLine(d.m.Text), d.m.Stance, d.m.Rule, d.source, d.where, d.outlet, oneLine(sent))
		}
		path := filepath.Join(os.TempDir(), "marker-sample-"+kind+".tsv")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d of %d BASIL markers and %d of %d BABE -> %s", kind, fromBasil, nBasil, len(ds)-fromBasil, nBabe, path)
	}
}

// profileStance are the attribution stances an outlet's framing profile
// counts (compare/report.go, framing).
var profileStance = map[string]bool{extract.StanceDistancing: true, extract.StanceEndorsing: true, extract.StanceLoaded: true}

func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}
