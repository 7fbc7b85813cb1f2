package compare

import (
	"slices"
	"testing"
)

// TestAnchoredNearInAlign checks the neighbour input as align gives it to
// the band model: for every pair the model is asked about, 1 exactly when
// the claims next to both on the same side were aligned at the threshold
// or above (align's first pass), whatever the band model itself aligns.
// TestAnchoredNear checks the function on links it is given; this checks
// the links align gives it (the snapshot after the first pass).
func TestAnchoredNearInAlign(t *testing.T) {
	cfg := newConfig(nil)
	cfg.table = acquireTable()
	defer cfg.table.release()
	type seen struct {
		a, b *claimFeatures
		x    float64
	}
	var asked []seen
	cfg.bandSeen = func(a, b *claimFeatures, x [nBand]float64) {
		asked = append(asked, seen{a, b, x[slices.Index(bandFeatureNames, "neighbour_aligned")]})
	}
	if !slices.Contains(bandFeatureNames, "neighbour_aligned") {
		t.Fatal("neighbour_aligned is not an input of the band model")
	}
	docs := parallelDocs(3, 40)
	feats, v := features(docs, cfg)
	edges, _ := align(feats, v, cfg, nil)
	type key struct{ da, ia, db, ib int }
	first := map[key]bool{}
	band := 0
	for _, run := range edges {
		for _, e := range run {
			if e.s.Value >= cfg.threshold {
				first[key{e.a.doc, e.a.idx, e.b.doc, e.b.idx}] = true
			} else {
				band++
			}
		}
	}
	if band == 0 {
		t.Fatal("the band model aligned no pair: a snapshot taken after it would go unnoticed")
	}
	ones := 0
	for _, s := range asked {
		want := 0.0
		for _, d := range []int{-1, 1} {
			if first[key{s.a.doc, s.a.idx + d, s.b.doc, s.b.idx + d}] {
				want = 1
			}
		}
		if s.x != want {
			t.Errorf("%d.%d ~ %d.%d: neighbour_aligned %v, want %v", s.a.doc, s.a.idx, s.b.doc, s.b.idx, s.x, want)
		}
		if want == 1 {
			ones++
		}
	}
	if ones == 0 || ones == len(asked) {
		t.Fatalf("%d of %d pairs anchored: the test cannot tell the input from a constant", ones, len(asked))
	}
}
