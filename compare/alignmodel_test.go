package compare

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestParseAlignModel: the embedded model parses, and a model file that
// does not fit the code is refused with a reason.
func TestParseAlignModel(t *testing.T) {
	if _, err := parseAlignModel(alignModelJSON); err != nil {
		t.Fatalf("align_model.json: %v", err)
	}
	eleven := `[0,0,0,0,0,0,0,0,0,0,0]`
	twelve := `[0,0,0,0,0,0,0,0,0,0,0,0]`
	ones := `[1,1,1,1,1,1,1,1,1,1,1,1]`
	names := `["score","containment","below_best_min","below_best_max","above_second_min","position_gap","facts","log_min_weight","length_ratio","neighbour_aligned","exclusive_shared","verbatim_run"]`
	swapped := strings.Replace(names, `"score","containment"`, `"containment","score"`, 1)
	cases := []struct {
		name, json, want string
	}{
		{"not json", `{`, "unexpected end"},
		{"too few weights", `{"features":` + names + `,"mean":` + twelve + `,"scale":` + ones + `,"weights":` + eleven + `}`, "want 12"},
		{"features in another order", `{"features":` + swapped + `,"mean":` + twelve + `,"scale":` + ones + `,"weights":` + twelve + `}`, `is "containment", want "score"`},
		{"zero scale", `{"features":` + names + `,"mean":` + twelve + `,"scale":` + twelve + `,"weights":` + twelve + `}`, "scale 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseAlignModel([]byte(c.json))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestVerbatimRun: the longest run of matching keys in order, function
// words included, up to maxRun (all the model reads).
func TestVerbatimRun(t *testing.T) {
	table := newFeatTable()
	feats := func(s string) *claimFeatures {
		c := &extract.Claim{}
		for _, w := range strings.Fields(s) {
			c.Tokens = append(c.Tokens, extract.Token{Text: w, Key: strings.ToLower(w)})
		}
		return prepare(table, 0, 0, c)
	}
	cases := []struct {
		a, b string
		want int
	}{
		{"", "will not reopen the harbour this year", 0},
		{"so the port will not reopen the harbour this year", "she said it will not reopen the harbour this year at all", 7},
		{"people back to work", "work to back people", 1},
		{"a b c x d e", "a b c y d e", 3},
		{"a b c d e f g h i j", "x a b c d e f g h i j", maxRun},                  // the model reads no further
		{strings.Repeat("v ", 200) + "a b", strings.Repeat("w ", 150) + "a b", 2}, // longer than the stack buffer
	}
	for _, c := range cases {
		var buf runIndex
		if got := verbatimRun(feats(c.a), feats(c.b), &buf); got != c.want {
			t.Errorf("verbatimRun(%.30q, %.30q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestBandFeatures: the inputs the model reads, for one pair.
func TestBandFeatures(t *testing.T) {
	x := bandFeatures(bandPair{value: 0.3, containment: 0.5, facts: 6, totalA: 2, totalB: 4,
		bestA: 0.3, bestB: 0.4, secondA: 0.1, secondB: 0.3, posA: 0, posB: 5, nA: 11, nB: 11, run: 12, neighbour: 1, exclusive: 0.25})
	want := [nBand]float64{0.3, 0.5, -0.1, 0, 0, 0.5, 1, 1.0986, 0.6690, 1, 0.25, 1}
	for i := range want {
		if d := x[i] - want[i]; d > 1e-3 || d < -1e-3 {
			t.Errorf("%s = %.4f, want %.4f", bandFeatureNames[i], x[i], want[i])
		}
	}
}

// TestAnchoredNear: a pair is anchored when a claim next to one side was
// aligned in the first pass with the claim next to the other on the same
// side (a diagonal), and only by the first pass.
func TestAnchoredNear(t *testing.T) {
	mk := func(doc, n int) []*claimFeatures {
		out := make([]*claimFeatures, n)
		for i := range out {
			out[i] = &claimFeatures{doc: doc, idx: i}
		}
		return out
	}
	a, b := mk(0, 6), mk(1, 6)
	at := func(c *claimFeatures) int {
		if c.doc == 0 {
			return c.idx
		}
		return len(a) + c.idx
	}
	type link struct{ i, j int }
	cases := []struct {
		name  string
		first []link // aligned in the first pass
		later []link // aligned after it (band pairs)
		i, j  int
		want  float64
	}{
		{"none", nil, nil, 2, 3, 0},
		{"before on the diagonal", []link{{1, 2}}, nil, 2, 3, 1},
		{"after on the diagonal", []link{{3, 4}}, nil, 2, 3, 1},
		{"crossed", []link{{1, 4}}, nil, 2, 3, 0},
		{"one side only moved", []link{{1, 3}}, nil, 2, 3, 0},
		{"two off", []link{{0, 1}}, nil, 2, 3, 0},
		{"at the start", []link{{1, 1}}, nil, 0, 0, 1},
		{"at the end", []link{{4, 4}}, nil, 5, 5, 1},
		{"at the end, crossed", []link{{4, 5}}, nil, 5, 4, 0},
		{"a band pair does not anchor", nil, []link{{1, 2}}, 2, 3, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			partners := make([][]*claimFeatures, len(a)+len(b))
			anchors := make([]int32, len(partners))
			for _, l := range c.first {
				partners[l.i] = append(partners[l.i], b[l.j])
				partners[len(a)+l.j] = append(partners[len(a)+l.j], a[l.i])
			}
			for k := range partners {
				anchors[k] = int32(len(partners[k]))
			}
			for _, l := range c.later {
				partners[l.i] = append(partners[l.i], b[l.j])
				partners[len(a)+l.j] = append(partners[len(a)+l.j], a[l.i])
			}
			if got := anchoredNear(cand{a: a[c.i], b: b[c.j]}, a, partners, anchors, at); got != c.want {
				t.Errorf("anchoredNear(%d, %d) = %v, want %v", c.i, c.j, got, c.want)
			}
		})
	}
}

// TestVerbatimRunRandom checks verbatimRun against the longest common
// run counted by brute force, on claims of few distinct words (so that a
// token meets several of the other claim's, and runs cross and restart).
func TestVerbatimRunRandom(t *testing.T) {
	table := newFeatTable()
	rng := rand.New(rand.NewPCG(8, 9))
	words := []string{"aa", "bb", "cc", "dd"}
	claim := func(n int) (*claimFeatures, []string) {
		c := &extract.Claim{}
		var ws []string
		for range n {
			w := words[rng.IntN(len(words))]
			ws = append(ws, w)
			c.Tokens = append(c.Tokens, extract.Token{Text: w, Key: w})
		}
		return prepare(table, 0, 0, c), ws
	}
	// One index for every round, as a worker keeps it from pair to pair,
	// its stamp a few rounds short of wrapping around.
	var runs runIndex
	runs.stamp = ^uint32(0) - 5
	for round := range 3000 {
		a, wa := claim(rng.IntN(20))
		b, wb := claim(rng.IntN(20))
		want := 0
		for i := range wa {
			for j := range wb {
				k := 0
				for i+k < len(wa) && j+k < len(wb) && wa[i+k] == wb[j+k] {
					k++
				}
				want = max(want, min(k, maxRun))
			}
		}
		if got := verbatimRun(a, b, &runs); got != want {
			t.Fatalf("round %d: verbatimRun(%v, %v) = %d, want %d", round, wa, wb, got, want)
		}
	}
}
