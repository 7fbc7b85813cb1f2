package compare

import (
	"math/rand/v2"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestMarkCovered checks markCovered's runs against its rule (coveredBy)
// token by token, on claims with tokens in text order (the searches) and
// out of it (the one-by-one tests), with empty spans and spans at the
// edges.
func TestMarkCovered(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 1))
	span := func() extract.Span {
		s := r.IntN(60)
		return extract.Span{Start: s, End: s + r.IntN(12)}
	}
	for n := range 2000 {
		c := &extract.Claim{}
		at := 0
		for range r.IntN(15) {
			at += r.IntN(3)
			end := at + r.IntN(6)
			c.Tokens = append(c.Tokens, extract.Token{Span: extract.Span{Start: at, End: end}})
			at = end
		}
		if n%5 == 0 && len(c.Tokens) > 1 {
			// Out of order: two tokens swapped.
			c.Tokens[0], c.Tokens[1] = c.Tokens[1], c.Tokens[0]
		}
		for range r.IntN(4) {
			e := extract.Entity{Span: span()}
			if r.IntN(4) == 0 {
				e.ResolvedFrom = extract.ResolvedDescription
			}
			c.Entities = append(c.Entities, e)
		}
		for range r.IntN(3) {
			c.Numbers = append(c.Numbers, extract.Number{Span: span()})
		}
		for range r.IntN(2) {
			c.Dates = append(c.Dates, extract.Date{Span: span()})
		}
		got := make([]int32, len(c.Tokens))
		markCovered(c, got)
		for i, tok := range c.Tokens {
			if want := coveredBy(c, tok.Span); want != (got[i] == keyPending) {
				t.Fatalf("claim %d token %d %v: marked %v, rule says %v (tokens %v, entities %v, numbers %v, dates %v)",
					n, i, tok.Span, got[i] == keyPending, want, c.Tokens, c.Entities, c.Numbers, c.Dates)
			}
		}
	}
}
