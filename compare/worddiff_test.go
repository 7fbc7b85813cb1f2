package compare

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWordDifferMatchesGoDiff diffs random word sequences with wordDiffer
// and with go-diff itself: the runs must be the same wherever wordDiffer
// does not hand the diff to go-diff. Small alphabets make the repeats,
// common prefixes, shifts and overlaps go-diff's clean-ups act on; some
// codes are four-byte ones (plane 15), as a group with many words has.
func TestWordDifferMatchesGoDiff(t *testing.T) {
	n := 200000
	if testing.Short() {
		n = 5000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	same, handed := 0, 0
	var w wordDiffer
	for i := 0; i < n; i++ {
		alpha := make([]rune, 1+rng.IntN(6))
		for k := range alpha {
			c := rng.IntN(12)
			if rng.IntN(4) == 0 {
				c += maxGroupCodes - 4
			}
			alpha[k] = wordCode(c)
		}
		gen := func() []rune {
			r := make([]rune, rng.IntN(25))
			for k := range r {
				r[k] = alpha[rng.IntN(len(alpha))]
			}
			return r
		}
		a, b := gen(), gen()
		if rng.IntN(3) == 0 { // b a near copy of a
			b = append([]rune(nil), a...)
			for e := rng.IntN(4); e >= 0 && len(b) > 0; e-- {
				k := rng.IntN(len(b))
				switch rng.IntN(3) {
				case 0:
					b = append(b[:k], b[k+1:]...)
				case 1:
					b = append(b[:k], append([]rune{alpha[rng.IntN(len(alpha))]}, b[k:]...)...)
				default:
					b[k] = alpha[rng.IntN(len(alpha))]
				}
			}
		}
		got, ok := w.diff(a, b)
		if !ok {
			handed++
			continue
		}
		same++
		if want := wordDiffDMP(a, b); !cmp.Equal(got, want, cmp.AllowUnexported(wordOp{})) {
			t.Fatalf("diff(%x, %x):\n got %v\nwant %v", a, b, got, want)
		}
	}
	t.Logf("%d diffs the same, %d handed to go-diff", same, handed)
	if same < n/2 {
		t.Errorf("only %d of %d diffs made without go-diff", same, n)
	}
}
