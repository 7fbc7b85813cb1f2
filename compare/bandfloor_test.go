package compare

import (
	"fmt"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestBandFloorWhateverRelated checks that the band model decides only
// the pairs it was fitted on, from bandFloorShare of the threshold, and
// reads them as it was fitted, when the related threshold is lower and
// candidates are searched from there (RelatedThreshold(0) turns related
// groups off and makes every pair that shares a feature a candidate): no
// pair under the band's floor is asked about, and each pair asked about
// has the inputs it has at the default related threshold (a lower
// candidate's score must not become a claim's second best).
func TestBandFloorWhateverRelated(t *testing.T) {
	type at struct{ da, ia, db, ib int }
	inputs := func(opts ...Option) (map[at][nBand]float64, float64) {
		cfg := newConfig(opts)
		cfg.table = acquireTable()
		defer cfg.table.release()
		seen := map[at][nBand]float64{}
		cfg.bandSeen = func(a, b *claimFeatures, x [nBand]float64) {
			// By place: the table's release recycles the claims.
			seen[at{a.doc, a.idx, b.doc, b.idx}] = x
		}
		docs := parallelDocs(3, 40)
		feats, v := features(docs, cfg)
		align(feats, v, cfg, nil)
		return seen, cfg.floor()
	}
	want, _ := inputs()
	if len(want) == 0 {
		t.Fatal("the band model was asked about no pair")
	}
	band := bandFloorShare * DefaultThreshold
	for _, related := range []float64{0, 0.05, 0.3 * DefaultThreshold} {
		t.Run(fmt.Sprint(related), func(t *testing.T) {
			seen, floor := inputs(RelatedThreshold(related))
			if floor >= band {
				t.Fatalf("candidates from %v, not under the band's floor %v: the test checks nothing", floor, band)
			}
			under, differ := 0, 0
			for p, x := range seen {
				if x[0] < band {
					under++
				}
				if w, ok := want[p]; ok && w != x {
					differ++
					if differ <= 3 {
						t.Errorf("%v: inputs %v, at the default related threshold %v", p, x, w)
					}
				}
			}
			if under > 0 {
				t.Errorf("the band model was asked about %d of %d pairs under its floor %.2f", under, len(seen), band)
			}
			if differ > 0 {
				t.Errorf("%d pairs read other inputs than at the default related threshold", differ)
			}
		})
	}
}

// TestBandInputsWhateverRelatedBasil is TestBandFloorWhateverRelated's
// second check on the BASIL development events, where claims with one
// candidate over the band's floor and others under it are common (the
// made-up articles have none): each pair the band model is asked about
// reads the same inputs with related groups off as at the default.
func TestBandInputsWhateverRelatedBasil(t *testing.T) {
	if testing.Short() {
		t.Skip("compares 42 real articles twice")
	}
	events := loadBasilEvents(t)
	type at struct {
		ev             int
		da, ia, db, ib int
	}
	inputs := func(related float64) map[at][nBand]float64 {
		seen := map[at][nBand]float64{}
		for k, e := range events {
			var in []*extract.Document
			for _, o := range basilOutlets {
				in = append(in, buildBasilDoc(t, e.ev[o], o).doc)
			}
			opts := []Option{optionFunc(func(c *config) {
				c.bandSeen = func(a, b *claimFeatures, x [nBand]float64) {
					seen[at{k, a.doc, a.idx, b.doc, b.idx}] = x
				}
			})}
			if related >= 0 {
				opts = append(opts, RelatedThreshold(related))
			}
			Compare(in, opts...)
		}
		return seen
	}
	want, got := inputs(-1), inputs(0)
	differ := 0
	for p, x := range got {
		if w, ok := want[p]; ok && w != x {
			differ++
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d pairs read other inputs with related groups off than at the default related threshold", differ, len(want))
	}
}
