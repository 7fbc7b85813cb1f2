package compare

import (
	"math/rand/v2"
	"testing"
)

// TestFinishScaledAsPasses checks finishScaled's one pass against the
// passes it stands for: the names' and words' weights scaled by factor,
// then the total and each kind's sum added in the order of the ids. The
// sums must be equal to the bit, not nearly.
func TestFinishScaledAsPasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 500 {
		n := rng.IntN(40)
		cf := &claimFeatures{ids: make([]int32, n), weights: make([]float64, n)}
		cuts := []int{rng.IntN(n + 1), rng.IntN(n + 1), rng.IntN(n + 1), rng.IntN(n + 1)}
		for i := 1; i < len(cuts); i++ { // ascending bounds of the kinds
			for j := i; j > 0 && cuts[j] < cuts[j-1]; j-- {
				cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
			}
		}
		cf.ent, cf.words = [2]int{cuts[0], cuts[1]}, [2]int{cuts[2], cuts[3]}
		factor := make([]float64, 64)
		for i := range factor {
			factor[i] = 0.3 + rng.Float64()
		}
		for i := range n {
			cf.ids[i] = int32(rng.IntN(len(factor)))
			cf.weights[i] = rng.Float64() * 3
		}
		want := *cf
		want.weights = append([]float64(nil), cf.weights...)
		if trial%2 == 0 {
			for _, r := range [2][2]int{want.ent, want.words} {
				for i := r[0]; i < r[1]; i++ {
					want.weights[i] *= factor[want.ids[i]]
				}
			}
		} else {
			factor = nil
		}
		at := [len(kinds) + 1]int{0, want.ent[0], want.ent[1], want.words[0], want.words[1], n}
		for _, w := range want.weights {
			want.total += w
		}
		for k := range want.sum {
			for _, w := range want.weights[at[k]:at[k+1]] {
				want.sum[k] += w
			}
		}
		finishScaled(cf, factor)
		if cf.total != want.total || cf.sum != want.sum {
			t.Fatalf("trial %d: total %v sums %v, want %v %v", trial, cf.total, cf.sum, want.total, want.sum)
		}
		for i := range n {
			if cf.weights[i] != want.weights[i] {
				t.Fatalf("trial %d: weight %d %v, want %v", trial, i, cf.weights[i], want.weights[i])
			}
		}
	}
}
