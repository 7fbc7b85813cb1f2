package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortByKey checks the sort of a comparison's keys against a
// comparison sort, on keys of every kind that share long prefixes (so
// that prefixes tie) or differ early, short and long, many and few.
func TestSortByKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	tab := newFeatTable()
	letters := "abcz"
	for round := 0; round < 200; round++ {
		var ps []preID
		seen := map[int32]bool{}
		for n := rng.IntN(600); n >= 0; n-- {
			b := make([]byte, rng.IntN(12))
			for k := range b {
				b[k] = letters[rng.IntN(len(letters))]
			}
			id := tab.id(kinds[rng.IntN(len(kinds))], string(b))
			if !seen[id] {
				seen[id] = true
				ps = append(ps, preID{tab.pre[id], id})
			}
		}
		want := slices.Clone(ps)
		slices.SortFunc(want, func(x, y preID) int { return tab.keys[x.id].compare(tab.keys[y.id]) })
		got := slices.Clone(ps)
		sortByKey(tab, got, make([]preID, len(got)), nil)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: %d keys out of key order", round, len(ps))
		}
	}
}

// TestSortSmall checks the insertion sort of a claim's features against
// slices.Sort, on both sides of its length limit.
func TestSortSmall(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 7, 31, 32, 33, 100} {
		s := make([]uint64, n)
		for i := range s {
			s[i] = uint64(r.IntN(8))<<32 | uint64(r.IntN(4))
		}
		want := slices.Clone(s)
		slices.Sort(want)
		if sortSmall(s); !slices.Equal(s, want) {
			t.Errorf("n=%d: %v, want %v", n, s, want)
		}
	}
}
