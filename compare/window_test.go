package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWindowShared checks windowShared's marks against what it replaced,
// a search of each neighbour for each feature, summed in the claim's
// order: the sums must be equal to the last bit, for claims of few
// features and of many, with the part of them in features few claims
// hold (exclusive_window), at both ends of a document and in one of a
// single claim, with one scratch for every round.
func TestWindowShared(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	set := func(n, of int) *claimFeatures {
		m := map[int32]bool{}
		for len(m) < n {
			m[int32(rng.IntN(of))] = true
		}
		cf := &claimFeatures{}
		for id := range m {
			cf.ids = append(cf.ids, id)
		}
		slices.Sort(cf.ids)
		for range cf.ids {
			cf.weights = append(cf.weights, rng.Float64())
		}
		return cf
	}
	search := func(cf *claimFeatures, doc []*claimFeatures, at int, claimsOf []uint8) (w, excl float64) {
		for k, id := range cf.ids {
			for b := max(at-1, 0); b <= min(at+1, len(doc)-1); b++ {
				if _, ok := slices.BinarySearch(doc[b].ids, id); ok {
					w += cf.weights[k]
					if claimsOf[id] <= exclusiveClaims {
						excl += cf.weights[k]
					}
					break
				}
			}
		}
		return w, excl
	}
	// One scratch for every round, as coverage keeps it from claim to
	// claim, its stamp a few rounds short of wrapping around.
	marks := windowMarks{of: make([]uint32, 420), stamp: ^uint32(0) - 5}
	for i := 0; i < 3000; i++ {
		of := 20 + rng.IntN(400)
		size := func() int { return min(rng.IntN(3*of/4+1), []int{10, 60, 200}[rng.IntN(3)]) }
		doc := make([]*claimFeatures, 1+rng.IntN(5))
		for k := range doc {
			doc[k] = set(size(), of)
		}
		cf, at := set(size(), of), rng.IntN(len(doc))
		claimsOf := make([]uint8, of)
		for id := range claimsOf {
			claimsOf[id] = uint8(1 + rng.IntN(exclusiveClaims+1))
		}
		got, gotExcl := windowShared(cf, doc, at, claimsOf, &marks)
		want, wantExcl := search(cf, doc, at, claimsOf)
		if got != want || gotExcl != wantExcl {
			t.Fatalf("claim of %d features at %d of %d: %v / %v, want %v / %v", len(cf.ids), at, len(doc), got, gotExcl, want, wantExcl)
		}
	}
}
