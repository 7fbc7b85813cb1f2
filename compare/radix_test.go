package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortByKey checks the radix sort of a comparison's keys against a
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
		sortByKey(tab, got, make([]preID, len(got)))
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: %d keys out of key order", round, len(ps))
		}
	}
}
