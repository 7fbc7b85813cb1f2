package compare

import (
	"math"

	"github.com/claimdiff/claimdiff/extract"
)

// markCovered sets keyID[i] to keyPending for each token of c that lies
// within one of its names (a name the text gives where it stands, not a
// description resolved to one) or overlaps one of its numbers or dates:
// such a token is no word feature of its own, the name, number or date
// is (prepare). keyID must hold zeros.
//
// The tokens extraction gives are in text order, each ending where or
// before the next starts, so the tokens a span covers are one run, found
// by a binary search: a claim costs a pass to check the order and a
// search per span. Testing every span against every token was 800
// instructions a claim on BASIL, whose claims hold several names each;
// this is 560. Tokens out of that order (a caller's document) are tested
// one by one, by the same rule (coveredBy).
func markCovered(c *extract.Claim, keyID []int32) {
	if len(c.Entities)+len(c.Numbers)+len(c.Dates) == 0 {
		return
	}
	toks := c.Tokens
	// In order, the starts and ends read in turn never go down: last is
	// the end before (none before the first token).
	last := math.MinInt
	for i := range toks {
		s := toks[i].Span
		if s.Start < last || s.End < s.Start {
			for i := range toks {
				if coveredBy(c, toks[i].Span) {
					keyID[i] = keyPending
				}
			}
			return
		}
		last = s.End
	}
	// In this order both the starts and the ends ascend: the tokens within
	// a span are those from the first starting at or after its start,
	// while they end within it; the tokens overlapping it those from the
	// first ending after its start, while they start before its end.
	for _, e := range c.Entities {
		if e.ResolvedFrom != "" {
			continue
		}
		lo, hi := 0, len(toks)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if toks[m].Span.Start < e.Span.Start {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for i := lo; i < len(toks) && toks[i].Span.End <= e.Span.End; i++ {
			keyID[i] = keyPending
		}
	}
	overlapping := func(s extract.Span) {
		lo, hi := 0, len(toks)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if toks[m].Span.End <= s.Start {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for i := lo; i < len(toks) && toks[i].Span.Start < s.End; i++ {
			keyID[i] = keyPending
		}
	}
	for _, n := range c.Numbers {
		overlapping(n.Span)
	}
	for _, d := range c.Dates {
		overlapping(d.Span)
	}
}

// coveredBy is markCovered's rule for one token span.
func coveredBy(c *extract.Claim, s extract.Span) bool {
	for _, e := range c.Entities {
		if e.ResolvedFrom == "" && e.Span.Contains(s) {
			return true
		}
	}
	for _, n := range c.Numbers {
		if n.Span.Overlaps(s) {
			return true
		}
	}
	for _, d := range c.Dates {
		if d.Span.Overlaps(s) {
			return true
		}
	}
	return false
}
