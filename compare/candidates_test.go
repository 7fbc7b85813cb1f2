package compare

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestScoreFromIsLexical checks that the candidate search's score by
// position (scoreFrom) is the merge's (vocab.lexical without evidence)
// bit for bit, value, containment and facts, for every pair of claims of
// two kinds of events: generated ones, and documents with spelling
// variants and hyphenated words, so that near spellings and names are
// matched too; and the development events when they are present.
func TestScoreFromIsLexical(t *testing.T) {
	events := [][]*extract.Document{parallelDocs(3, 20), variantDocs()}
	if !testing.Short() {
		events = append(events, devEvents(t)...)
	}
	pairs := 0
	for e, docs := range events {
		cfg := newConfig(nil)
		cfg.table = acquireTable()
		feats, v := features(docs, cfg)
		if v.names != nil {
			t.Fatal("the default matcher searches name variants: scoreFrom does not apply")
		}
		s := newPairScorer(v)
		for i := range feats {
			for _, a := range feats[i] {
				s.lookingUp(a)
				for j := range feats {
					if j == i {
						continue
					}
					for _, b := range feats[j] {
						got, want := s.scoreFrom(a, b), v.lexical(a, b, nil, false)
						if got.Value != want.Value || got.Containment != want.Containment || got.facts != want.facts {
							t.Errorf("event %d, %s / %s: scoreFrom %v %v %d, lexical %v %v %d", e, a.claim.ID, b.claim.ID,
								got.Value, got.Containment, got.facts, want.Value, want.Containment, want.facts)
						}
						if want.Value > 0 {
							pairs++
						}
					}
				}
				s.doneWith(a)
			}
		}
		for id, p := range s.aPos {
			if p != -1 {
				t.Fatalf("event %d: aPos[%d] = %d after doneWith", e, id, p)
			}
		}
		cfg.table.release()
	}
	if pairs == 0 {
		t.Fatal("no pair shares a feature: the test checks nothing")
	}
}

// variantDocs are three short articles that spell names and words in
// different ways (Qaddafi / Gaddafi, judgement / judgment) and write
// compounds hyphenated or closed up.
func variantDocs() []*extract.Document {
	texts := []string{
		"Muammar Qaddafi's forces shelled the port on Monday, officials said. The judgement of the court was read out in Tripoli. A re-election campaign began in the capital.",
		"Gaddafi's troops fired on the harbour on Monday, according to officials. The court's judgment was announced in Tripoli. The reelection campaign started in the capital.",
		"Forces loyal to Muammar Gadhafi attacked the port, officials said on Monday. Judges in Tripoli read their judgement. A long-term re-election push began.",
	}
	docs := make([]*extract.Document, len(texts))
	for i, text := range texts {
		docs[i] = extract.Extract(text, extract.WithOutlet(fmt.Sprintf("outlet%d", i+1)))
	}
	return docs
}

// TestSortCands checks sortCands against the order it stands for (score
// descending, then the first claim's position, then the second's), for
// lists the packed integer sort takes (small ones, and one at its limit),
// one past the limit, and scores off the 0.001 grid, which fall back to
// the comparison of the fields.
func TestSortCands(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	claims := make([]*claimFeatures, 300)
	for i := range claims {
		claims[i] = &claimFeatures{idx: i}
	}
	for _, tc := range []struct {
		n       int
		offGrid bool
	}{{0, false}, {1, false}, {2, false}, {40, false}, {candIndexLimit, false}, {candIndexLimit + 1, false}, {60, true}} {
		t.Run(fmt.Sprint(tc.n, tc.offGrid), func(t *testing.T) {
			seen := map[[2]int]bool{}
			var cands []cand
			for len(cands) < tc.n {
				a, b := rng.IntN(len(claims)), rng.IntN(len(claims))
				if seen[[2]int{a, b}] {
					continue
				}
				seen[[2]int{a, b}] = true
				v := float64(rng.IntN(30)) / 1000 // many ties
				if tc.offGrid {
					v += 1e-7
				}
				cands = append(cands, cand{a: claims[a], b: claims[b], value: v})
			}
			want := slices.Clone(cands)
			slices.SortFunc(want, func(x, y cand) int {
				switch {
				case x.value != y.value:
					if x.value > y.value {
						return -1
					}
					return 1
				case x.a.idx != y.a.idx:
					return x.a.idx - y.a.idx
				}
				return x.b.idx - y.b.idx
			})
			var buf candBuf
			sortCands(cands, &buf)
			for i := range want {
				if cands[i].a != want[i].a || cands[i].b != want[i].b || cands[i].value != want[i].value {
					t.Fatalf("position %d: (%d, %d, %v), want (%d, %d, %v)", i, cands[i].a.idx, cands[i].b.idx, cands[i].value, want[i].a.idx, want[i].b.idx, want[i].value)
				}
			}
		})
	}
}

// TestRoundedBelow checks the short cut of roundedBelow against rounding
// every value, around floors on and off the 0.001 grid (the default
// floor, 0.4 × 0.4, is off it), and at NaN and infinities.
func TestRoundedBelow(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	floors := []float64{0, 0.16, 0.4 * DefaultThreshold, 0.5 * DefaultThreshold, 0.3 * 0.7, 1, math.NaN()}
	for _, floor := range floors {
		xs := []float64{math.NaN(), math.Inf(1), math.Inf(-1), floor, floor - 0.001, floor + 0.001, floor - 0.0005, floor + 0.0005}
		for k := 0; k < 20000; k++ {
			xs = append(xs, floor+(rng.Float64()-0.5)*0.006, rng.Float64())
		}
		for _, x := range xs {
			if got, want := roundedBelow(x, floor), round3(x) < floor; got != want {
				t.Errorf("roundedBelow(%v, %v) = %v, want %v", x, floor, got, want)
			}
		}
	}
}

// TestIndexKept checks that a scorer which finds the document it is asked
// to index indexed already (the last one it indexed, kept from alignment
// to the omission model's partner search) gives the candidates a scorer
// that indexes it afresh gives, whichever documents came before; and that
// a reset forgets the index.
func TestIndexKept(t *testing.T) {
	cfg := newConfig(nil)
	cfg.table = acquireTable()
	defer cfg.table.release()
	feats, v := features(parallelDocs(3, 20), cfg)
	kept := newPairScorer(v)
	found := 0
	for _, order := range [][]int{{2, 1, 1, 0, 1}, {0, 0, 2, 2, 1}} {
		for _, j := range order {
			kept.index(feats[j])
			fresh := newPairScorer(v)
			fresh.index(feats[j])
			for i := range feats {
				if i == j {
					continue
				}
				got := slices.Clone(kept.candidates(feats[i], feats[j], cfg))
				want := fresh.candidates(feats[i], feats[j], cfg)
				if !slices.EqualFunc(got, want, func(x, y cand) bool { return x.a == y.a && x.b == y.b && x.value == y.value }) {
					t.Fatalf("documents %d / %d after %v: %d candidates with the index kept, %d indexed afresh", i, j, order, len(got), len(want))
				}
				found += len(got)
			}
		}
	}
	if found == 0 {
		t.Fatal("no candidates: the test checks nothing")
	}
	kept.reset(v)
	if kept.indexed != nil {
		t.Fatal("reset kept the index")
	}
}
