package compare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// Floors of TestBasilAlignGold, default options, each a little under the
// level reached on 2026-11-29. The gold has 50 events: 22 the band and
// omission models are fitted on (6 shared in ../shared/dev/basil-align-gold,
// 16 ours in testdata/basil-align-gold), and 28 held out in
// testdata/basil-align-gold/heldout, which no model is fitted on and which
// were written after every rule of that day (so no rule was read off
// them either). Since overlapping groups (split.go), hyphenated words
// read as one word or as their parts, a merge share of 0.2
// (cohesionShare) and the band model's cuts chosen one event out at a
// time, all chosen on the fitted events (2026-11-29), fitted events,
// in-sample: recall 0.501, precision 0.713, F1 0.589, unique P 0.658,
// unique R 0.901 (left one event out: F1 0.592, unique 0.659 / 0.876).
// Held out: recall 0.512, precision 0.692, F1 0.588, unique P 0.697,
// unique R 0.913. Since the omission model reads exclusive_window
// (features the claim shares near its best partner that no third claim
// holds; all three models refitted): fitted in-sample unique P 0.681,
// unique R 0.882 (left one event out 0.681 / 0.884); held out unique P
// 0.720, unique R 0.892; pair figures unchanged. Since the band model
// reads exclusive_shared (words each outlet uses in one claim only) and
// asks about a pair that shares one such fact: fitted, in-sample, recall
// 0.531, precision 0.728, F1 0.614, unique 0.685 / 0.889 (left one event
// out F1 0.613, unique 0.681 / 0.882); held out 0.549 / 0.716 / F1 0.622,
// unique 0.720 / 0.894. Raise the floors as the
// matcher improves; tune on the fitted events and read the held-out ones
// only to check, or they stop being held out.
const (
	basilFloorRecall    = 0.52
	basilFloorPrecision = 0.71
	basilFloorF1        = 0.60
	basilFloorUniqueP   = 0.68
	basilFloorUniqueR   = 0.87

	heldFloorRecall    = 0.54
	heldFloorPrecision = 0.70
	heldFloorF1        = 0.61
	heldFloorUniqueP   = 0.71
	heldFloorUniqueR   = 0.86
)

// basilOutlets are BASIL's sources in the order eval-basil-align uses: a
// gold pair names the earlier outlet as "a".
var basilOutlets = [3]string{"fox", "nyt", "hpo"}

var basilOutletName = map[string]string{"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}

// basilGold is one event's sentence-alignment gold: indices into the
// sentences of BASIL's body-paragraphs, flattened in order.
type basilGold struct {
	Triplet string `json:"triplet"`
	Pairs   []struct {
		A        string `json:"a"`
		AI       int    `json:"ai"`
		B        string `json:"b"`
		BI       int    `json:"bi"`
		Level    string `json:"level"`
		Relation string `json:"relation"`
	} `json:"pairs"`
	Unique map[string][]int `json:"unique"`
	source string           // which gold directory it came from
}

// levels maps each pair of sentences the gold pairs to its level ("must"
// or "may").
func (g basilGold) levels() map[basilPair]string {
	level := map[basilPair]string{}
	for _, p := range g.Pairs {
		level[basilPair{basilSent{p.A, p.AI}, basilSent{p.B, p.BI}}] = p.Level
	}
	return level
}

// basilArticle is the part of a BASIL article file the evaluation reads.
type basilArticle struct {
	Triplet    string     `json:"triplet-uuid"`
	Source     string     `json:"source"`
	Title      string     `json:"title"`
	Date       string     `json:"date"`
	Paragraphs [][]string `json:"body-paragraphs"`
}

// basilSent is one gold sentence: an outlet and its index.
type basilSent struct {
	outlet string
	i      int
}

// basilPair is a pair of sentences of two outlets, the earlier outlet first.
type basilPair struct{ a, b basilSent }

// basilCounts are the sums behind the figures of eval-basil-align.
type basilCounts struct {
	events                           int
	found, must, right, said         int
	uRight, uSaid, uTrue             int
	mustPairs, mayPairs, uniqueSents int
}

func (c *basilCounts) add(o basilCounts) {
	c.events += o.events
	c.found += o.found
	c.must += o.must
	c.right += o.right
	c.said += o.said
	c.uRight += o.uRight
	c.uSaid += o.uSaid
	c.uTrue += o.uTrue
	c.mustPairs += o.mustPairs
	c.mayPairs += o.mayPairs
	c.uniqueSents += o.uniqueSents
}

func basilRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c basilCounts) recall() float64    { return basilRatio(c.found, c.must) }
func (c basilCounts) precision() float64 { return basilRatio(c.right, c.said) }
func (c basilCounts) f1() float64 {
	r, p := c.recall(), c.precision()
	if r+p == 0 {
		return 0
	}
	return 2 * r * p / (r + p)
}
func (c basilCounts) uniqueP() float64 { return basilRatio(c.uRight, c.uSaid) }
func (c basilCounts) uniqueR() float64 { return basilRatio(c.uRight, c.uTrue) }

func (c basilCounts) String() string {
	return fmt.Sprintf("recall %.3f  precision %.3f  F1 %.3f  unique P %.3f  unique R %.3f  (%d events, %d must, %d may, %d unique sentences)",
		c.recall(), c.precision(), c.f1(), c.uniqueP(), c.uniqueR(), c.events, c.mustPairs, c.mayPairs, c.uniqueSents)
}

// TestBasilAlignGold scores alignment on the BASIL development events that
// have sentence-alignment gold, exactly as ../shared/dev/eval-basil-align
// does (same article text, same sentence mapping, same counting), so that
// its figures and the script's agree. It reads ../shared/dev, which a
// clone outside the workspace does not have: then it skips, as it does
// with -short.
func TestBasilAlignGold(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and compares 42 real articles (a few seconds); run without -short")
	}
	dev := filepath.Join("..", "..", "shared", "dev")
	if _, err := os.Stat(filepath.Join(dev, "basil", "articles")); err != nil {
		t.Skip("no ../shared/dev/basil: the BASIL development data is not in this checkout")
	}
	arts := loadBasilArticles(t, filepath.Join(dev, "basil", "articles"))
	var golds []basilGold
	seen := map[string]string{}
	for _, dir := range []string{filepath.Join(dev, "basil-align-gold"), filepath.Join("..", "testdata", "basil-align-gold"), basilHeldOutDir} {
		for _, g := range loadBasilGold(t, dir) {
			if prev, dup := seen[g.Triplet]; dup {
				t.Fatalf("event %s has gold in both %s and %s", g.Triplet, prev, dir)
			}
			seen[g.Triplet] = dir
			golds = append(golds, g)
		}
	}
	if len(golds) == 0 {
		t.Fatal("no alignment gold found")
	}
	bySource := map[string]*basilCounts{}
	var all basilCounts
	for _, g := range golds {
		ev, ok := arts[g.Triplet]
		if !ok || ev["fox"] == nil || ev["nyt"] == nil || ev["hpo"] == nil {
			t.Fatalf("%s: gold for an event whose three articles are not in BASIL's development half", g.Triplet)
		}
		c := scoreBasilEvent(t, g, ev)
		t.Logf("%s %-8s %s", g.Triplet[:8], g.source, c)
		if bySource[g.source] == nil {
			bySource[g.source] = &basilCounts{}
		}
		bySource[g.source].add(c)
		all.add(c)
	}
	sources := make([]string, 0, len(bySource))
	for s := range bySource {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	for _, s := range sources {
		t.Logf("%-17s %s", s, bySource[s])
	}
	var fitted basilCounts
	for _, s := range sources {
		if s != "heldout" {
			fitted.add(*bySource[s])
		}
	}
	held := basilCounts{}
	if h := bySource["heldout"]; h != nil {
		held = *h
	}
	t.Logf("%-17s %s", "fitted", fitted)
	t.Logf("%-17s %s", "ALL", all)
	floors := []struct {
		name      string
		got, want float64
	}{
		{"fitted must-pair recall", fitted.recall(), basilFloorRecall},
		{"fitted pair precision", fitted.precision(), basilFloorPrecision},
		{"fitted pair F1", fitted.f1(), basilFloorF1},
		{"fitted unique precision", fitted.uniqueP(), basilFloorUniqueP},
		{"fitted unique recall", fitted.uniqueR(), basilFloorUniqueR},
		{"held-out must-pair recall", held.recall(), heldFloorRecall},
		{"held-out pair precision", held.precision(), heldFloorPrecision},
		{"held-out pair F1", held.f1(), heldFloorF1},
		{"held-out unique precision", held.uniqueP(), heldFloorUniqueP},
		{"held-out unique recall", held.uniqueR(), heldFloorUniqueR},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s %.3f fell below its floor %.3f", f.name, f.got, f.want)
		}
	}
}

// basilHeldOutDir holds the gold events no model is fitted on
// (loadBasilEvents reads the two other directories only).
var basilHeldOutDir = filepath.Join("..", "testdata", "basil-align-gold", "heldout")

func loadBasilArticles(t *testing.T, dir string) map[string]map[string]*basilArticle {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]map[string]*basilArticle{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := &basilArticle{}
		if err := json.Unmarshal(b, a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if arts[a.Triplet] == nil {
			arts[a.Triplet] = map[string]*basilArticle{}
		}
		arts[a.Triplet][strings.ToLower(a.Source)] = a
	}
	return arts
}

// loadBasilGold reads every *.json of dir; a missing dir holds no gold.
func loadBasilGold(t *testing.T, dir string) []basilGold {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	source := "shared"
	switch {
	case dir == basilHeldOutDir:
		source = "heldout"
	case strings.Contains(filepath.ToSlash(dir), "testdata/"):
		source = "testdata"
	}
	var out []basilGold
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g basilGold
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if g.Triplet+".json" != filepath.Base(f) {
			t.Fatalf("%s: names triplet %q", f, g.Triplet)
		}
		g.source = source
		out = append(out, g)
	}
	return out
}

// basilDoc is one article as the evaluation builds it: the document the
// command reads, the article's sentences and their byte ranges in its text.
type basilDoc struct {
	doc    *extract.Document
	sents  []string
	ranges [][2]int // -1 start when the sentence was not found
}

// buildBasilDocs builds the three outlets' articles of an event, in
// basilOutlets' order, and the documents to compare.
func buildBasilDocs(t *testing.T, ev map[string]*basilArticle) ([3]basilDoc, []*extract.Document) {
	t.Helper()
	var docs [3]basilDoc
	in := make([]*extract.Document, 0, len(docs))
	for k, o := range basilOutlets {
		docs[k] = buildBasilDoc(t, ev[o], o)
		in = append(in, docs[k].doc)
	}
	return docs, in
}

// buildBasilDoc writes the article as eval-basil-align does (paragraphs'
// sentences joined by a space, paragraphs by a blank line; a JSON input
// with outlet, title and published) and reads it through the command's
// reader, so that the document is the one the command would compare.
func buildBasilDoc(t *testing.T, a *basilArticle, outlet string) basilDoc {
	t.Helper()
	var d basilDoc
	paras := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		paras[i] = strings.Join(p, " ")
		d.sents = append(d.sents, p...)
	}
	text := strings.Join(paras, "\n\n")
	at := 0
	for _, s := range d.sents {
		i := strings.Index(text[at:], s)
		if i < 0 {
			d.ranges = append(d.ranges, [2]int{-1, -1})
			continue
		}
		i += at
		d.ranges = append(d.ranges, [2]int{i, i + len(s)})
		at = i + len(s)
	}
	in, err := json.Marshal(map[string]string{"outlet": basilOutletName[outlet], "title": a.Title, "published": a.Date, "text": text})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := extract.ReadNamed(bytes.NewReader(in), a.Triplet+"-"+outlet+".json")
	if err != nil {
		t.Fatalf("%s %s: %v", a.Triplet, outlet, err)
	}
	d.doc = docs[0]
	return d
}

// sentencesOf maps a claim's span to the sentences it covers: those whose
// overlap with it is more than 30% of the shorter of the two.
func (d basilDoc) sentencesOf(sp extract.Span) []int {
	var out []int
	for k, r := range d.ranges {
		if r[0] < 0 {
			continue
		}
		ov := min(sp.End, r[1]) - max(sp.Start, r[0])
		if float64(ov) > 0.3*float64(min(sp.End-sp.Start, r[1]-r[0])) {
			out = append(out, k)
		}
	}
	return out
}

// scoreBasilEvent compares the three articles with default options and
// counts the gold's pairs and unique sentences the report recovers.
func scoreBasilEvent(t *testing.T, g basilGold, ev map[string]*basilArticle, opts ...Option) basilCounts {
	t.Helper()
	docs, in := buildBasilDocs(t, ev)
	checkBasilGold(t, g, docs)
	r := Compare(in, opts...)

	type place struct {
		outlet int
		sents  []int
	}
	where := map[string]place{}
	for k, d := range r.Documents {
		for _, c := range d.Claims {
			where[c.ID] = place{k, docs[k].sentencesOf(c.Span)}
		}
	}
	predicted := map[basilPair]bool{}
	for _, gr := range r.Groups {
		if gr.Verdict == VerdictRelated {
			continue
		}
		for _, x := range gr.Claims {
			px, ok := where[x]
			if !ok {
				continue
			}
			for _, y := range gr.Claims {
				py, ok := where[y]
				if !ok || px.outlet >= py.outlet {
					continue
				}
				for _, i := range px.sents {
					for _, j := range py.sents {
						predicted[basilPair{basilSent{basilOutlets[px.outlet], i}, basilSent{basilOutlets[py.outlet], j}}] = true
					}
				}
			}
		}
	}
	must, ok := map[basilPair]bool{}, map[basilPair]bool{}
	for _, p := range g.Pairs {
		k := basilPair{basilSent{p.A, p.AI}, basilSent{p.B, p.BI}}
		ok[k] = true
		if p.Level == "must" {
			must[k] = true
		}
	}
	c := basilCounts{events: 1, must: len(must), said: len(predicted), mustPairs: len(must), mayPairs: len(ok) - len(must)}
	for k := range must {
		if predicted[k] {
			c.found++
		}
	}
	for k := range predicted {
		if ok[k] {
			c.right++
		}
	}
	said := map[basilSent]bool{}
	for _, id := range r.Unique {
		if p, ok := where[id]; ok {
			for _, i := range p.sents {
				said[basilSent{basilOutlets[p.outlet], i}] = true
			}
		}
	}
	truth := map[basilSent]bool{}
	for _, o := range basilOutlets {
		for _, i := range g.Unique[o] {
			truth[basilSent{o, i}] = true
		}
	}
	c.uSaid, c.uTrue, c.uniqueSents = len(said), len(truth), len(truth)
	for s := range said {
		if truth[s] {
			c.uRight++
		}
	}
	return c
}

// checkBasilGold fails on gold that cannot be right: an unknown outlet or
// level, an index outside its article, a pair within one outlet or in the
// wrong order, a unique sentence that is also paired, or a sentence with
// text that is neither paired nor unique.
func checkBasilGold(t *testing.T, g basilGold, docs [3]basilDoc) {
	t.Helper()
	n := map[string]int{}
	order := map[string]int{}
	for k, o := range basilOutlets {
		n[o] = len(docs[k].sents)
		order[o] = k
	}
	inPair := map[basilSent]bool{}
	for _, p := range g.Pairs {
		if _, ok := n[p.A]; !ok {
			t.Fatalf("%s: pair names outlet %q", g.Triplet, p.A)
		}
		if _, ok := n[p.B]; !ok {
			t.Fatalf("%s: pair names outlet %q", g.Triplet, p.B)
		}
		if order[p.A] >= order[p.B] || p.AI < 0 || p.AI >= n[p.A] || p.BI < 0 || p.BI >= n[p.B] {
			t.Fatalf("%s: bad pair %s%d %s%d", g.Triplet, p.A, p.AI, p.B, p.BI)
		}
		if p.Level != "must" && p.Level != "may" {
			t.Fatalf("%s: pair %s%d %s%d has level %q", g.Triplet, p.A, p.AI, p.B, p.BI, p.Level)
		}
		switch p.Relation {
		case "same", "framing", "detail":
		default:
			t.Fatalf("%s: pair %s%d %s%d has relation %q", g.Triplet, p.A, p.AI, p.B, p.BI, p.Relation)
		}
		inPair[basilSent{p.A, p.AI}] = true
		inPair[basilSent{p.B, p.BI}] = true
	}
	unique := map[basilSent]bool{}
	for o, idx := range g.Unique {
		if _, ok := n[o]; !ok {
			t.Fatalf("%s: unique names outlet %q", g.Triplet, o)
		}
		for _, i := range idx {
			s := basilSent{o, i}
			if i < 0 || i >= n[o] || inPair[s] {
				t.Fatalf("%s: unique %s%d is out of range or also paired", g.Triplet, o, i)
			}
			unique[s] = true
		}
	}
	for k, o := range basilOutlets {
		for i, s := range docs[k].sents {
			if strings.TrimSpace(s) != "" && !inPair[basilSent{o, i}] && !unique[basilSent{o, i}] {
				t.Fatalf("%s: sentence %s%d is neither paired nor unique", g.Triplet, o, i)
			}
		}
	}
}
