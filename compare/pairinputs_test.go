package compare

import (
	"math/rand/v2"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// lonePair extracts two one-claim documents and returns their claims as the
// pair model reads them.
func lonePair(t *testing.T, a, b string) (*claimFeatures, *claimFeatures) {
	t.Helper()
	da, db := extract.Extract(a), extract.Extract(b)
	if len(da.Claims) != 1 || len(db.Claims) != 1 {
		t.Fatalf("want one claim each, got %d and %d", len(da.Claims), len(db.Claims))
	}
	return &claimFeatures{claim: &da.Claims[0]}, &claimFeatures{claim: &db.Claims[0]}
}

func TestPairInputs(t *testing.T) {
	for _, c := range []struct {
		name, a, b string
		want       [nPair]float64
	}{
		{"same words, same order",
			"The council approved the budget on Monday.", "The council approved the budget on Monday.",
			[nPair]float64{0.5, 0.6, 1, 1, 1, 1, 1, 1, 1, 1}},
		// 11 words against 7: all seven said again, in order.
		{"a clause added",
			"The council approved the budget on Monday after a long debate.", "The council approved the budget on Monday.",
			[nPair]float64{0.5, 0.6, 7.0 / 11, 1, 6.0 / 10, 1, 5.0 / 9, 1, 7.0 / 11, 1}},
		{"the same words in another order",
			"Police arrested two men.", "Two men arrested police.",
			[nPair]float64{0.5, 0.6, 1, 1, 1.0 / 3, 1.0 / 3, 0, 0, 0.5, 0.5}},
		{"a number differs",
			"The storm killed 12 people.", "The storm killed 14 people.",
			[nPair]float64{0.5, 0.6, 0.8, 0.8, 0.5, 0.5, 1.0 / 3, 1.0 / 3, 0.8, 0.8}},
		// "the storm" is the one word pair both say, and the longest run in order.
		{"a number shared",
			"The storm killed 12 people.", "Twelve people died in the storm.",
			[nPair]float64{0.5, 0.6, 3.0 / 6, 3.0 / 5, 1.0 / 5, 1.0 / 4, 0, 0, 2.0 / 6, 2.0 / 5}},
	} {
		a, b := lonePair(t, c.a, c.b)
		got := pairInputs(a, b, 0.5, 0.6)
		if d := cmp.Diff(c.want, got, cmpopts.EquateApprox(0, 1e-9)); d != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, d)
		}
		// The inputs do not depend on which claim comes first.
		if back := pairInputs(b, a, 0.5, 0.6); back != got {
			t.Errorf("%s: %v one way, %v the other", c.name, got, back)
		}
	}
}

func TestLCS(t *testing.T) {
	for _, c := range []struct {
		a, b []uint64
		want int
	}{
		{nil, []uint64{1}, 0},
		{[]uint64{1, 2, 3}, []uint64{1, 2, 3}, 3},
		{[]uint64{1, 2, 3, 4}, []uint64{2, 4}, 2},
		{[]uint64{1, 2, 3}, []uint64{3, 2, 1}, 1},
		{[]uint64{1, 5, 2, 5, 3}, []uint64{5, 1, 2, 3, 5}, 3},
		{[]uint64{1 << 40, 7, 1 << 40}, []uint64{7, 1 << 40}, 2},
	} {
		if got := new(pairScratch).lcs(c.a, c.b); got != c.want {
			t.Errorf("lcs(%v, %v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	// Against the plain dynamic programme, across word boundaries of the
	// bit vector (63, 64, 65, 130 words) and alphabets small and large.
	rng := rand.New(rand.NewPCG(1, 2))
	seq := func(n int, alphabet uint64) []uint64 {
		s := make([]uint64, n)
		for i := range s {
			s[i] = 1 + rng.Uint64N(alphabet)
		}
		return s
	}
	var ps pairScratch // reused, as pairInputs reuses it
	for _, n := range []int{0, 1, 5, 63, 64, 65, 130} {
		for _, m := range []int{1, 17, 64, 129} {
			for _, alphabet := range []uint64{2, 5, 40, 1 << 50} {
				a, b := seq(n, alphabet), seq(m, alphabet)
				if got, want := ps.lcs(a, b), lcsTable(a, b); got != want {
					t.Errorf("lcs of %d and %d words over %d: %d, want %d", n, m, alphabet, got, want)
				}
			}
		}
	}
}

// lcsTable is the longest common subsequence by the plain dynamic
// programme, for checking lcs.
func lcsTable(a, b []uint64) int {
	row := make([]int, len(b)+1)
	for _, x := range a {
		diag := 0
		for j, y := range b {
			up := row[j+1]
			if x == y {
				row[j+1] = diag + 1
			} else if row[j] > up {
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return row[len(b)]
}

func TestCommonGrams(t *testing.T) {
	s := []uint64{1, 2, 1, 2, 3}
	if got := grams(nil, s, 2); !cmp.Equal(got, []uint64{1<<21 | 2, 1<<21 | 2, 2<<21 | 1, 2<<21 | 3}) {
		t.Errorf("grams = %v", got)
	}
	if grams(nil, s, 6) != nil {
		t.Error("grams longer than the sequence")
	}
	// As multisets: the repeated pair counts twice only where both have it twice.
	if n := commonSorted(grams(nil, s, 2), grams(nil, []uint64{1, 2, 9}, 2)); n != 1 {
		t.Errorf("common = %d, want 1", n)
	}
	// Ids past what a packed n-gram holds (a pair of claims of more than
	// 1<<gramBits distinct words) are counted alike, not cut to their low
	// bits: 1<<gramBits+1 is not 1.
	far := func(s []uint64) []uint64 {
		out := make([]uint64, len(s))
		for i, x := range s {
			out[i] = x<<gramBits | x
		}
		return out
	}
	a, b := []uint64{1, 2, 3, 1, 2, 3, 4}, []uint64{2, 3, 4, 1, 2, 3, 3}
	var ps pairScratch
	for n := 1; n <= 3; n++ {
		got0, got1, got2 := ps.sharedGrams(far(a), far(b), n)
		want0, want1, want2 := ps.sharedGrams(a, b, n)
		if got0 != want0 || got1 != want1 || got2 != want2 {
			t.Errorf("%d-grams of large ids: %d of %d and %d, want %d of %d and %d", n, got0, got1, got2, want0, want1, want2)
		}
	}
	if n, _, _ := ps.sharedGrams([]uint64{1 << gramBits}, []uint64{1<<gramBits + 1}, 1); n != 0 {
		t.Errorf("two large ids alike in their low bits: %d shared", n)
	}
	if n, _, _ := ps.sharedGrams([]uint64{1<<gramBits + 1}, []uint64{1}, 1); n != 0 {
		t.Errorf("a large id and a small one alike in their low bits: %d shared", n)
	}
}
