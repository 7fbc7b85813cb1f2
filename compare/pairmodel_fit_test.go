package compare

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

var fitPair = flag.Bool("fit-pair", false, "refit the pair model on the MRPC training split and rewrite pair_model.json")

// The pair model's fit: full-batch gradient descent on standardized
// inputs from zero weights (deterministic), five folds for the held-out
// figures and the cut.
const (
	pairFitIters = 2000
	pairFitRate  = 0.5
	pairFitL2    = 0.001
	pairFolds    = 5
)

// pairCuts are the probability cuts tried; the one with the best held-out
// accuracy is kept.
var pairCuts = []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7}

// mrpcRow is one judged pair of sentences: two one-sentence documents, as
// eval-mrpc gives them to the command, and the judgement.
type mrpcRow struct {
	docs []*extract.Document
	same bool
}

// loadMRPC reads the MRPC training split from ../shared/dev; each sentence
// goes through the command's JSON reader.
func loadMRPC(t testing.TB) []mrpcRow {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "dev", "mrpc-train.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("no ../shared/dev/mrpc-train.tsv: the MRPC development data is not in this checkout")
	}
	defer f.Close()
	var rows []mrpcRow
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 0; sc.Scan(); line++ {
		r := strings.Split(strings.TrimPrefix(sc.Text(), "\ufeff"), "\t")
		if line == 0 || len(r) < 5 {
			continue
		}
		var row mrpcRow
		row.same = r[0] == "1"
		for k, text := range r[3:5] {
			in, err := json.Marshal(map[string]string{"outlet": string(rune('a' + k)), "text": text})
			if err != nil {
				t.Fatal(err)
			}
			docs, err := extract.ReadNamed(strings.NewReader(string(in)), "mrpc.json")
			if err != nil {
				t.Fatal(err)
			}
			extract.SetID(docs[0], fmt.Sprintf("d%d", k+1))
			row.docs = append(row.docs, docs[0])
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// pairSamples returns, per row, the inputs of the first pair the model is
// asked about (the best candidate), or nil when no pair is a candidate.
func pairSamples(rows []mrpcRow) [][]float64 {
	out := make([][]float64, len(rows))
	for i, r := range rows {
		var x []float64
		seen := optionFunc(func(c *config) {
			c.pairSeen = func(a, b *claimFeatures, in [nPair]float64) {
				if x == nil {
					x = append([]float64(nil), in[:]...)
				}
			}
		})
		Compare(r.docs, seen)
		out[i] = x
	}
	return out
}

// mrpcCounts are the confusion counts of eval-mrpc: a row is predicted the
// same when its two claims share a group that is not "related".
type mrpcCounts struct{ tp, fp, fn, tn int }

func (c *mrpcCounts) add(same, said bool) {
	switch {
	case same && said:
		c.tp++
	case said:
		c.fp++
	case same:
		c.fn++
	default:
		c.tn++
	}
}

func (c mrpcCounts) accuracy() float64 {
	return float64(c.tp+c.tn) / float64(max(1, c.tp+c.fp+c.fn+c.tn))
}

func (c mrpcCounts) String() string {
	p := float64(c.tp) / float64(max(1, c.tp+c.fp))
	r := float64(c.tp) / float64(max(1, c.tp+c.fn))
	return fmt.Sprintf("accuracy %.3f  precision %.3f  recall %.3f  F1 %.3f  (%d pairs)", c.accuracy(), p, r, 2*p*r/(p+r), c.tp+c.fp+c.fn+c.tn)
}

// scoreMRPC runs the rows through Compare as eval-mrpc runs them through
// the command, with opts.
func scoreMRPC(rows []mrpcRow, opts ...Option) mrpcCounts {
	var c mrpcCounts
	for _, r := range rows {
		said := false
		for _, g := range Compare(r.docs, opts...).Groups {
			said = said || g.Verdict != VerdictRelated && len(g.Claims) >= 2
		}
		c.add(r.same, said)
	}
	return c
}

func fitPairModel(xs [][]float64, rows []mrpcRow, idx []int) *logistic {
	var fx [][]float64
	var fy []float64
	for _, i := range idx {
		if xs[i] != nil {
			fx = append(fx, xs[i])
			fy = append(fy, b2f(rows[i].same))
		}
	}
	f := fitLogistic(fx, fy, pairFitIters, pairFitRate, pairFitL2)
	return &logistic{Features: pairFeatureNames, Mean: f.mean, Scale: f.scale, Weights: f.weights, Bias: f.bias}
}

// TestFitPairModel refits the pair model (pairmodel.go) on the MRPC
// training split: five folds by row (row i in fold i mod 5), each scored
// end to end by the model fitted on the other four at every cut of
// pairCuts; the cut with the best accuracy summed over the held-out folds
// is kept, and the weights are then fitted on all rows. The test checks
// that pair_model.json holds that fit (with -fit-pair it rewrites the
// file instead) and logs the held-out figures beside the threshold's.
func TestFitPairModel(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("compares 4,076 sentence pairs some 50 times; run without -short and -race")
	}
	rows := loadMRPC(t)
	xs := pairSamples(rows)
	held := make([]mrpcCounts, len(pairCuts))
	for f := 0; f < pairFolds; f++ {
		var train []int
		var test []mrpcRow
		for i := range rows {
			if i%pairFolds == f {
				test = append(test, rows[i])
			} else {
				train = append(train, i)
			}
		}
		m := fitPairModel(xs, rows, train)
		for k, cut := range pairCuts {
			m.Cut = cut
			c := scoreMRPC(test, optionFunc(func(c *config) { c.pair = m }))
			held[k].tp += c.tp
			held[k].fp += c.fp
			held[k].fn += c.fn
			held[k].tn += c.tn
		}
	}
	best := 0
	for k := range pairCuts {
		t.Logf("cut %.2f held out: %s", pairCuts[k], held[k])
		if held[k].accuracy() > held[best].accuracy()+1e-9 {
			best = k
		}
	}
	plain := scoreMRPC(rows, PairModel(false))
	t.Logf("threshold alone: %s", plain)
	all := make([]int, len(rows))
	for i := range all {
		all[i] = i
	}
	m := fitPairModel(xs, rows, all)
	m.Cut = pairCuts[best]
	in := scoreMRPC(rows, optionFunc(func(c *config) { c.pair = m }))
	t.Logf("fitted on all rows, cut %.2f: %s", m.Cut, in)
	m.Provenance = fmt.Sprintf("Fitted by TestFitPairModel (go test ./compare -run TestFitPairModel -fit-pair): logistic regression "+
		"(L2 %g, %d steps of gradient descent on standardized inputs) over the best candidate pair of each of the %d sentence pairs "+
		"of the MRPC training split (Dolan & Brockett 2005; ../shared/dev/mrpc-train.tsv), each sentence a one-sentence document; "+
		"label 1 where the annotators judged the two equivalent. Cut chosen by five-fold cross-validation (row i in fold i mod 5), "+
		"scored as eval-mrpc scores. Held out: %s; the threshold alone: %s. On all rows: %s.",
		pairFitL2, pairFitIters, len(rows), held[best], plain, in)
	if storeFit(t, "pair_model.json", *fitPair, m) {
		return
	}
	stored, err := parseLogistic(pairModelJSON, pairFeatureNames)
	if err != nil {
		t.Fatal(err)
	}
	checkFit(t, "pair_model.json", "go test ./compare -run TestFitPairModel -fit-pair", m, stored, func(m *logistic) *string { return &m.Provenance })
}

// basilSentencePairs lists the sentence pairs of the BASIL development
// events' outlets that share two words of four letters or more (the pairs
// that can become candidates), each sentence alone as a document, labelled
// the same when the gold pairs them as "must"; "may" pairs are left out.
func basilSentencePairs(t *testing.T) []mrpcRow {
	t.Helper()
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if w = strings.Trim(w, ".,;:!?\"'“”’‘()"); len(w) >= 4 {
				m[w] = true
			}
		}
		return m
	}
	var rows []mrpcRow
	for _, e := range loadBasilEvents(t) {
		docs, _ := buildBasilDocs(t, e.ev)
		level := e.g.levels()
		for x := range docs {
			for y := x + 1; y < len(docs); y++ {
				for i, si := range docs[x].sents {
					wi := words(si)
					for j, sj := range docs[y].sents {
						l := level[basilPair{basilSent{basilOutlets[x], i}, basilSent{basilOutlets[y], j}}]
						if l == "may" {
							continue
						}
						n := 0
						for w := range words(sj) {
							if wi[w] {
								n++
							}
						}
						if n >= 2 {
							rows = append(rows, mrpcRow{[]*extract.Document{extract.Extract(si), extract.Extract(sj)}, l == "must"})
						}
					}
				}
			}
		}
	}
	return rows
}

// TestPairModelOnBasilSentences measures the pair model away from the data
// it was fitted on: sentences of the 14 BASIL development events compared
// two at a time, alone, against the alignment gold. MRPC's pairs were
// chosen for their shared words, and its annotators called a sentence that
// adds a clause of facts another sentence; here outlets that wrote apart
// tell one claim in fewer shared words and with added detail, which
// claimdiff calls the same claim. The model is far more precise than the
// threshold and finds half as many pairs (README, "Accuracy"); the floors
// hold the figures reached.
func TestPairModelOnBasilSentences(t *testing.T) {
	if testing.Short() {
		t.Skip("compares some 6,500 sentence pairs twice; run without -short")
	}
	rows := basilSentencePairs(t)
	with, without := scoreMRPC(rows), scoreMRPC(rows, PairModel(false))
	t.Logf("with the pair model: %s", with)
	t.Logf("the threshold alone: %s", without)
	prec := func(c mrpcCounts) float64 { return float64(c.tp) / float64(max(1, c.tp+c.fp)) }
	rec := func(c mrpcCounts) float64 { return float64(c.tp) / float64(max(1, c.tp+c.fn)) }
	if prec(with) < 0.93 || rec(with) < 0.17 || prec(without) < 0.63 || rec(without) < 0.33 {
		t.Errorf("below the floors (model P 0.93, R 0.17; threshold P 0.63, R 0.33)")
	}
}

// TestPairModelOnBasilLedes measures the pair model on a lede against an
// article, the case it is kept from. Each of the first three sentences of
// each outlet of the 14 BASIL development events, alone as a document, is
// compared with each other outlet's whole article; a pair is said when the
// sentence's claim shares a group that is not "related" with a claim of
// the article's sentence, right when the gold pairs them (must or may),
// found when a must pair is said. By default the threshold decides these
// (the article has context); made to decide them too (pairLedes), the
// model finds half the pairs the threshold finds at no better precision,
// which is why it does not (README, "Accuracy"). The floors hold the
// figures reached.
func TestPairModelOnBasilLedes(t *testing.T) {
	if testing.Short() {
		t.Skip("compares 252 sentences with whole articles twice; run without -short")
	}
	type counts struct{ must, found, said, right int }
	score := func(opts ...Option) counts {
		var c counts
		for _, e := range loadBasilEvents(t) {
			docs, _ := buildBasilDocs(t, e.ev)
			level := e.g.levels()
			for x := range docs {
				for y := range docs {
					for i := 0; i < 3 && i < len(docs[x].sents) && x != y; i++ {
						r := Compare([]*extract.Document{extract.Extract(docs[x].sents[i]), docs[y].doc}, opts...)
						lede := map[string]bool{}
						for _, cl := range r.Documents[0].Claims {
							lede[cl.ID] = true
						}
						sentsOf := map[string][]int{}
						for _, cl := range r.Documents[1].Claims {
							sentsOf[cl.ID] = docs[y].sentencesOf(cl.Span)
						}
						said := map[int]bool{}
						for _, g := range r.Groups {
							if g.Verdict == VerdictRelated || !slices.ContainsFunc(g.Claims, func(id string) bool { return lede[id] }) {
								continue
							}
							for _, id := range g.Claims {
								for _, j := range sentsOf[id] {
									said[j] = true
								}
							}
						}
						for j := range docs[y].sents {
							a, b := basilSent{basilOutlets[x], i}, basilSent{basilOutlets[y], j}
							if x > y {
								a, b = b, a
							}
							l := level[basilPair{a, b}]
							c.must += b2i(l == "must")
							c.found += b2i(l == "must" && said[j])
							c.said += b2i(said[j])
							c.right += b2i(l != "" && said[j])
						}
					}
				}
			}
		}
		return c
	}
	report := func(name string, c counts) (p, r float64) {
		p, r = float64(c.right)/float64(max(1, c.said)), float64(c.found)/float64(max(1, c.must))
		t.Logf("%s: precision %.3f (%d of %d said)  recall %.3f (%d of %d must pairs)  F1 %.3f", name, p, c.right, c.said, r, c.found, c.must, 2*p*r/max(p+r, 1e-9))
		return p, r
	}
	ledes := optionFunc(func(c *config) { c.pairLedes = true })
	mp, mr := report("the pair model deciding ledes", score(ledes))
	dp, dr := report("by default", score())
	tp, tr := report("the threshold alone", score(PairModel(false)))
	if dp != tp || dr != tr {
		t.Errorf("by default the threshold decides a lede against an article: %.3f / %.3f, want %.3f / %.3f", dp, dr, tp, tr)
	}
	if mp < 0.70 || mr < 0.09 || tp < 0.75 || tr < 0.19 {
		t.Errorf("below the floors (model P 0.70, R 0.09; threshold P 0.75, R 0.19)")
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
