package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// The pair model measured away from the data it was fitted on: BASIL's
// sentences two at a time, and its ledes against whole articles (the case
// its gate keeps from it).

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
	// Floors a little under the figures of 2026-11-29 after hyphenated
	// compounds were scored as their words (model 0.714 / 0.112,
	// threshold 0.742 / 0.197 on 249 must pairs; before it 0.754 / 0.188
	// for the threshold; after the name rules 0.704 / 0.082 and 0.754 /
	// 0.188, before them 0.724 / 0.094 and 0.767 / 0.200 on 170).
	if mp < 0.70 || mr < 0.09 || tp < 0.73 || tr < 0.18 {
		t.Errorf("below the floors (model P 0.70, R 0.09; threshold P 0.73, R 0.18)")
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
