package extract

import (
	"math/rand/v2"
	"testing"
)

// scanBounds is tokenBounds' plain rule: a scan of the tokens that start
// by s.End, keeping the last that starts where s does and the last that
// ends where it does.
func scanBounds(toks []rawToken, s Span) (k0, k1 int) {
	k0, k1 = -1, -1
	for k, t := range toks {
		if t.span.Start > s.End {
			break
		}
		if t.span.Start == s.Start {
			k0 = k
		}
		if t.span.End == s.End {
			k1 = k + 1
		}
	}
	return k0, k1
}

// TestTokenBoundsScan checks the binary searches against the scan on
// random sentences of nonempty tokens apart (as appendTokens makes them)
// and spans on, between, inside and across them, empty and reversed ones
// included.
func TestTokenBoundsScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 14))
	for round := 0; round < 3000; round++ {
		var toks []rawToken
		pos := rng.IntN(3)
		for n := rng.IntN(12); n > 0; n-- {
			pos += rng.IntN(3) // the gap, maybe none
			w := 1 + rng.IntN(4)
			toks = append(toks, rawToken{span: Span{pos, pos + w}})
			pos += w
		}
		for q := 0; q < 40; q++ {
			s := Span{rng.IntN(pos + 3), rng.IntN(pos + 3)}
			if len(toks) > 0 && q%2 == 0 {
				// On token boundaries, mostly.
				a, b := toks[rng.IntN(len(toks))], toks[rng.IntN(len(toks))]
				s = Span{a.span.Start, b.span.End}
			}
			w0, w1 := scanBounds(toks, s)
			if g0, g1 := tokenBounds(toks, s); g0 != w0 || g1 != w1 {
				t.Fatalf("tokenBounds(%v, %v) = %d, %d; the scan gives %d, %d", toks, s, g0, g1, w0, w1)
			}
		}
	}
}
