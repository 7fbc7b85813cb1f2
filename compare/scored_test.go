package compare

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScoredPairsAsSearched checks the premise of scoredPairs: for every
// pair of documents i < j, the candidate pairs alignment kept, cut at the
// omission model's floor, are the pairs a new search at that floor finds
// (partners' search before b1c76b0), in the same order, whatever the
// related threshold puts alignment's own floor at. The search is the one
// partners runs (partnerSearch), whose floor (uniqueFloorShare) is above
// alignment's (bandFloorShare) since the band model's floor went to 40%.
func TestScoredPairsAsSearched(t *testing.T) {
	for _, related := range []float64{0, 0.05, 0.6 * DefaultThreshold, 0.5, 1} {
		t.Run(fmt.Sprint(related), func(t *testing.T) {
			cfg := newConfig([]Option{RelatedThreshold(related)})
			cfg.table = acquireTable()
			defer cfg.table.release()
			docs := parallelDocs(4, 25)
			feats, v := features(docs, cfg)
			scored := newScoredPairs(cfg, len(feats))
			if scored == nil {
				t.Fatal("the omission model is off: nothing is kept")
			}
			align(feats, v, cfg, scored)
			// The omission model's own search (partners), not a copy of
			// it: its floor is uniqueFloorShare of the threshold, above
			// alignment's (bandFloorShare), so the cut below is the one
			// partners applies and removes pairs.
			low := cfg.partnerSearch()
			floor := low.floor()
			if want := uniqueFloorShare * cfg.threshold; floor != want {
				t.Fatalf("the partner search's floor is %v, want %v (uniqueFloorShare of the threshold)", floor, want)
			}
			if f := cfg.floor(); f > floor {
				t.Fatalf("alignment's floor %v is above the partner search's %v: its kept pairs miss some", f, floor)
			}
			checked, under := 0, 0
			for j := range feats {
				s := newPairScorer(v)
				s.index(feats[j])
				for i := 0; i < j; i++ {
					hs, ok := scored.of(i, j)
					if !ok {
						t.Fatalf("documents %d and %d: nothing kept", i, j)
					}
					var got []hit
					for _, h := range hs {
						if h.value >= floor {
							got = append(got, h)
						} else {
							under++
						}
					}
					var want []hit
					for _, c := range s.candidates(feats[i], feats[j], &low) {
						want = append(want, hit{c.a, c.b, c.value})
					}
					if diff := cmp.Diff(hitNames(want), hitNames(got)); diff != "" {
						t.Errorf("documents %d and %d (-searched +kept):\n%s", i, j, diff)
					}
					checked += len(want)
				}
			}
			if checked == 0 {
				t.Fatal("no pair reaches the floor: the test checks nothing")
			}
			if under == 0 && cfg.floor() < floor {
				t.Error("alignment kept no pair under the partner search's floor: the cut is not exercised")
			}
		})
	}
}

// hitNames spells hits as their claims (document and position) and values,
// for a readable diff.
func hitNames(hs []hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%d.%d %d.%d %.3f", h.a.doc, h.a.idx, h.b.doc, h.b.idx, h.value))
	}
	return out
}
