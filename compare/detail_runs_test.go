package compare

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// TestDetailRunsWithoutDiff makes random pairs of sides of stop words,
// shared words and words only one side says, and checks that wherever
// gapped says the diff cannot change the runs of added words, the runs
// made from the whole sides are those made from the word diff (go-diff's
// where wordDiffer hands it over), and so are those read off the added
// words alone (appendRunsOf, which detailDiffs uses there). Few words make
// the repeated stop words between added words that the clean-ups act on.
func TestDetailRunsWithoutDiff(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 3000
	}
	rng := rand.New(rand.NewPCG(3, 4))
	stops := []string{"the", "of", "a", "to", "in"}
	shared := []string{"storm", "coast", "power", "homes", "officials"}
	var checked, betweenShared, handed int
	for i := 0; i < n; i++ {
		word := func(doc int) string {
			switch r := rng.IntN(10); {
			case r < 5:
				return stops[rng.IntN(1+rng.IntN(len(stops)))]
			case r < 7:
				return shared[rng.IntN(len(shared))]
			}
			// Only this side's (an uncommon word, so that it weighs).
			return []string{"xylem", "quorum", "zephyr", "vortex"}[rng.IntN(4)] + string(rune('a'+doc))
		}
		gen := func(doc int) [][]string {
			var claims [][]string
			for c := 0; c < 1+rng.IntN(2); c++ {
				var words []string
				for k := rng.IntN(18); k >= 0; k-- {
					words = append(words, word(doc))
				}
				claims = append(claims, words)
			}
			return claims
		}
		a, b := gen(0), gen(1)
		if rng.IntN(2) == 0 { // b a near copy of a: single edits between equal runs
			b = nil
			for _, words := range a {
				var ws []string
				for _, w := range words {
					switch rng.IntN(8) {
					case 0:
					case 1:
						ws = append(ws, word(1), w)
					case 2:
						ws = append(ws, word(1))
					default:
						ws = append(ws, w)
					}
				}
				b = append(b, ws)
			}
		}
		sides := make([]side, 2)
		for doc, claims := range [][][]string{a, b} {
			sides[doc].doc = doc
			for c, words := range claims {
				sides[doc].claims = append(sides[doc].claims, runsClaim(doc, c, words, stops))
			}
		}
		sc := detailScratches.Get().(*detailScratch)
		ds := detailSides(sides, sc)
		okA, okB := make([]bool, len(ds[0].toks)), make([]bool, len(ds[1].toks))
		_, atA := addedBy(&ds[0], &ds[1], okA, nil)
		_, atB := addedBy(&ds[1], &ds[0], okB, nil)
		if !ds[0].gapped(okA, &ds[1]) && !ds[1].gapped(okB, &ds[0]) {
			checked++
			if stopBetween(&ds[0], okA, &ds[1]) || stopBetween(&ds[1], okB, &ds[0]) {
				betweenShared++
				if _, ok := sc.differ.diff(ds[0].codes, ds[1].codes); !ok {
					handed++
				}
			}
			ops := sc.differ.wordDiff(ds[0].codes, ds[1].codes)
			whole := []wordOp{{diffmatchpatch.DiffDelete, 0, len(ds[0].toks)}, {diffmatchpatch.DiffInsert, 0, len(ds[1].toks)}}
			for k, op := range []diffmatchpatch.Operation{diffmatchpatch.DiffDelete, diffmatchpatch.DiffInsert} {
				ok := [][]bool{okA, okB}[k]
				want := ds[k].runs(ops, op, ok, &sc.runs)
				if got := ds[k].runs(whole, op, ok, &sc.runs); !cmp.Equal(got, want) {
					t.Fatalf("side %d of %q / %q: runs without the diff %v, with it %v (diff %v)",
						k, sideText(sides[0]), sideText(sides[1]), Texts(got), Texts(want), ops)
				}
				if got := ds[k].appendRunsOf(nil, [][]int32{atA, atB}[k]); !cmp.Equal(got, want) {
					t.Fatalf("side %d of %q / %q: runs of the added words %v, with the diff %v (diff %v)",
						k, sideText(sides[0]), sideText(sides[1]), Texts(got), Texts(want), ops)
				}
			}
		}
		sc.release()
	}
	t.Logf("%d pairs checked, %d with a shared stop word between added words, %d of them diffed by go-diff", checked, betweenShared, handed)
	if betweenShared < n/20 || handed == 0 {
		t.Errorf("too few pairs with stop words the other side says between added words (%d) or diffed by go-diff (%d)", betweenShared, handed)
	}
}

// runsClaim is claim c of document doc with the given words, those in
// stops stop words.
func runsClaim(doc, c int, words, stops []string) *extract.Claim {
	start := 1000 * c
	cl := &extract.Claim{ID: "d" + string(rune('1'+doc)) + ".c" + string(rune('1'+c)), Text: strings.Join(words, " ")}
	cl.Span = extract.Span{Start: start, End: start + len(cl.Text)}
	at := start
	for _, w := range words {
		stop := false
		for _, s := range stops {
			stop = stop || w == s
		}
		cl.Tokens = append(cl.Tokens, extract.Token{Text: w, Key: w, Span: extract.Span{Start: at, End: at + len(w)}, Stop: stop})
		at += len(w) + 1
	}
	return cl
}

func sideText(s side) string {
	var b []string
	for _, c := range s.claims {
		b = append(b, c.Text)
	}
	return strings.Join(b, " | ")
}

// stopBetween reports whether two added tokens of the side stand apart
// with only stop words between them, one of which the other side says:
// the pairs whose runs the diff decided before gapped asked for two in a
// row.
func stopBetween(own *detailSide, ok []bool, other *detailSide) bool {
	prev, shared := -1, false
	for i, t := range own.toks {
		switch {
		case ok[i]:
			if prev >= 0 && shared {
				return true
			}
			prev, shared = i, false
		case !t.Stop:
			prev = -1
		case prev >= 0 && other.has[own.ids[i]]:
			shared = true
		}
	}
	return false
}
