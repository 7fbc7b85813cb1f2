package compare

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// minDetailWeight is how much unshared content (in rarity-weighted words)
// one side must add before it counts as added detail: two ordinary words,
// or one rare one.
const minDetailWeight = 0.9

// wordOp is one run of a word-level diff.
type wordOp struct {
	op     diffmatchpatch.Operation
	tokens []extract.Token
}

// wordDiff diffs two token sequences word by word with go-diff. Each
// distinct key becomes one private-use rune (U+E000 up, then plane 15), so
// the diff works on words, and its semantic clean-up cannot mistake a word
// code for white space or punctuation. DiffTimeout is 0: without it the
// result would depend on the machine's speed.
func wordDiff(a, b []extract.Token) []wordOp {
	codes := map[string]rune{}
	code := func(k string) rune {
		if r, ok := codes[k]; ok {
			return r
		}
		n := len(codes)
		r := rune(0xE000 + n)
		if n >= 0x1900 {
			r = rune(0xF0000 + n - 0x1900)
		}
		codes[k] = r
		return r
	}
	ra := make([]rune, len(a))
	for i, t := range a {
		ra[i] = code(t.Key)
	}
	rb := make([]rune, len(b))
	for i, t := range b {
		rb[i] = code(t.Key)
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	var out []wordOp
	ia, ib := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, wordOp{d.Type, a[ia : ia+n]})
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			out = append(out, wordOp{d.Type, a[ia : ia+n]})
			ia += n
		case diffmatchpatch.DiffInsert:
			out = append(out, wordOp{d.Type, b[ib : ib+n]})
			ib += n
		}
	}
	return out
}

// detailDiffs reports, for each pair of documents in a group, the content
// one side adds that the other lacks. Added detail is not a conflict.
func detailDiffs(sides []side) []Difference {
	var out []Difference
	for x := 0; x < len(sides); x++ {
		for y := x + 1; y < len(sides); y++ {
			ta, tb := contentTokens(sides[x]), contentTokens(sides[y])
			ops := wordDiff(ta, tb)
			// Words the other side has anywhere are reordered, not added.
			hasA, hasB := sideHas(sides[x]), sideHas(sides[y])
			addA, spanA := added(ops, diffmatchpatch.DiffDelete, sides[x], hasB)
			addB, spanB := added(ops, diffmatchpatch.DiffInsert, sides[y], hasA)
			if weightOf(addA) < minDetailWeight && weightOf(addB) < minDetailWeight {
				continue
			}
			d := Difference{Kind: "detail", Values: map[string]string{}, Spans: map[string]extract.Span{}}
			ida, idb := sides[x].holder(spanA), sides[y].holder(spanB)
			d.Values[ida], d.Values[idb] = words(addA), words(addB)
			if len(addA) > 0 {
				d.Spans[ida] = spanA
			}
			if len(addB) > 0 {
				d.Spans[idb] = spanB
			}
			d.Explain = fmt.Sprintf("%s alone says: %s; %s alone says: %s", docOf(ida), orNone(words(addA)), docOf(idb), orNone(words(addB)))
			out = append(out, d)
		}
	}
	return out
}

func sideTokens(s side) []extract.Token {
	var out []extract.Token
	for _, c := range s.claims {
		out = append(out, c.Tokens...)
	}
	return out
}

// contentTokens are a side's tokens minus the words of its framing
// markers: "claimed" or "terrorists" is a framing difference, not added
// detail.
func contentTokens(s side) []extract.Token {
	var out []extract.Token
	for _, c := range s.claims {
	tokens:
		for _, t := range c.Tokens {
			for _, m := range c.Markers {
				if m.Span.Contains(t.Span) {
					continue tokens
				}
			}
			out = append(out, t)
		}
	}
	return out
}

func keySet(ts []extract.Token) map[string]bool {
	m := map[string]bool{}
	for _, t := range ts {
		m[t.Key] = true
	}
	return m
}

// sideHas returns what a side says, for the other side to be checked
// against: its word keys and the keys of its names.
func sideHas(s side) map[string]bool {
	m := keySet(sideTokens(s))
	for _, c := range s.claims {
		for _, e := range c.Entities {
			m["e:"+e.Key] = true
		}
	}
	return m
}

// added collects the content words of runs of kind op that the other side
// lacks, and the span of the longest such run. Dates and numbers are left
// to the fact comparisons, and a word of a name counts as shared when the
// other side names the same entity ("Hayya’s" / "al-Hayya").
func added(ops []wordOp, op diffmatchpatch.Operation, own side, other map[string]bool) ([]extract.Token, extract.Span) {
	var out []extract.Token
	var best extract.Span
	fact := func(t extract.Token) bool {
		for _, c := range own.claims {
			for _, d := range c.Dates {
				if d.Span.Overlaps(t.Span) {
					return true
				}
			}
			for _, n := range c.Numbers {
				if n.Span.Overlaps(t.Span) {
					return true
				}
			}
			for _, e := range c.Entities {
				if e.Span.Contains(t.Span) && other["e:"+e.Key] {
					return true
				}
			}
		}
		return false
	}
	for _, o := range ops {
		if o.op != op {
			continue
		}
		var run []extract.Token
		for _, t := range o.tokens {
			if !t.Stop && !other[t.Key] && !fact(t) {
				run = append(run, t)
			}
		}
		if len(run) == 0 {
			continue
		}
		out = append(out, run...)
		// The evidence span covers the run within one claim: a side of two
		// claims must not get a span that straddles them.
		var cur extract.Span
		curClaim := ""
		for _, t := range o.tokens {
			h := own.holder(t.Span)
			if h != curClaim {
				cur, curClaim = t.Span, h
			} else {
				cur.End = t.Span.End
			}
			if cur.Len() > best.Len() {
				best = cur
			}
		}
	}
	return out, best
}

func weightOf(ts []extract.Token) float64 {
	w := 0.0
	for _, t := range ts {
		w += rarity(strings.ToLower(t.Text))
	}
	return w
}

func words(ts []extract.Token) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Text)
	}
	return strings.Join(s, " ")
}

func orNone(s string) string {
	if s == "" {
		return "nothing more"
	}
	return s
}
