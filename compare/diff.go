package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// minDetailWeight is how much unshared content (in rarity-weighted words)
// one side must add before it counts as added detail: two ordinary words,
// or one rare one.
const minDetailWeight = 0.9

// wordOp is one run of a word-level diff: tokens [from, to) of the side
// it belongs to (the first side for equal and deleted runs, the second for
// inserted ones).
type wordOp struct {
	op       diffmatchpatch.Operation
	from, to int
}

// maxGroupCodes is how many distinct words a group may hold before its
// diffs code words per pair instead of per group: the first 0x1900 codes
// are private-use runes of the Basic Multilingual Plane.
const maxGroupCodes = 0x1900

// wordCode is the private-use rune of the n-th distinct word (U+E000 up,
// then plane 15), so that go-diff works on words and its semantic
// clean-up, which sees every such rune as the same kind of character,
// cannot mistake a word code for white space or punctuation. Only which
// codes are equal matters to the diff, so a code per group gives the same
// runs as a code per pair.
func wordCode(n int) rune {
	if n >= 0x1900 {
		return rune(0xF0000 + n - 0x1900)
	}
	return rune(0xE000 + n)
}

// wordDiff diffs two coded token sequences word by word with go-diff.
// DiffTimeout is 0: without it the result would depend on the machine's
// speed.
func wordDiff(ra, rb []rune) []wordOp {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	out := make([]wordOp, 0, len(diffs))
	ia, ib := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, wordOp{d.Type, ia, ia + n})
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			out = append(out, wordOp{d.Type, ia, ia + n})
			ia += n
		case diffmatchpatch.DiffInsert:
			out = append(out, wordOp{d.Type, ib, ib + n})
			ib += n
		}
	}
	return out
}

// detailSide is what the comparison of added detail needs of one side of a
// group, computed once per group rather than once per pair of sides.
type detailSide struct {
	side
	toks   []extract.Token // content tokens: marker words left out
	ids    []int32         // word id of each content token
	codes  []rune          // word code of each content token, for the diff
	has    []bool          // by word id: what the side says (its words, "e:" and its name keys)
	cand   []bool          // content token that can be added detail: no stop word, date or number
	names  [][]int32       // per content token, the ids of "e:"+key of the names containing it
	weight []float64       // rarity of each content token, or -1 before it is needed
}

// detailVocab numbers the words of one group.
type detailVocab map[string]int32

func (v detailVocab) id(k string) int32 {
	if i, ok := v[k]; ok {
		return i
	}
	i := int32(len(v))
	v[k] = i
	return i
}

// detailSides prepares the sides of a group for detailDiffs.
func detailSides(sides []side) []detailSide {
	voc := detailVocab{}
	out := make([]detailSide, len(sides))
	var hasIDs [][]int32
	for si, s := range sides {
		d := &out[si]
		d.side = s
		d.toks = contentTokens(s)
		d.ids = make([]int32, len(d.toks))
		d.cand = make([]bool, len(d.toks))
		d.names = make([][]int32, len(d.toks))
		d.weight = make([]float64, len(d.toks))
		for i, t := range d.toks {
			d.ids[i] = voc.id(t.Key)
			d.cand[i] = !t.Stop && !dateOrNumber(s, t)
			if d.cand[i] {
				for _, c := range s.claims {
					for _, e := range c.Entities {
						if e.Span.Contains(t.Span) {
							d.names[i] = append(d.names[i], voc.id("e:"+e.Key))
						}
					}
				}
			}
			d.weight[i] = -1 // rarity, when first needed
		}
		var own []int32
		for _, c := range s.claims {
			for _, t := range c.Tokens {
				own = append(own, voc.id(t.Key))
			}
			for _, e := range c.Entities {
				own = append(own, voc.id("e:"+e.Key))
			}
		}
		hasIDs = append(hasIDs, own)
	}
	for si := range out {
		out[si].has = make([]bool, len(voc))
		for _, id := range hasIDs[si] {
			out[si].has[id] = true
		}
		if len(voc) <= maxGroupCodes {
			out[si].codes = make([]rune, len(out[si].ids))
			for i, id := range out[si].ids {
				out[si].codes[i] = wordCode(int(id))
			}
		}
	}
	return out
}

// pairCodes codes two token sequences with the words of the pair alone,
// numbered in order of first appearance: for a group whose words outrun
// the private-use runes of the Basic Multilingual Plane.
func pairCodes(a, b []extract.Token) ([]rune, []rune) {
	codes := map[string]rune{}
	code := func(k string) rune {
		if r, ok := codes[k]; ok {
			return r
		}
		r := wordCode(len(codes))
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
	return ra, rb
}

// dateOrNumber reports a token inside one of the side's dates or numbers:
// those are left to the fact comparisons.
func dateOrNumber(s side, t extract.Token) bool {
	for _, c := range s.claims {
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
	}
	return false
}

// addedBy marks the content tokens of own that the other side lacks: not
// a stop word, date or number, a word the other side does not have
// anywhere (reordered words are not added), and not part of a name the
// other side also names ("Hayya’s" / "al-Hayya"). Such a token can only
// sit in a run of the diff that own alone has, so the added words need no
// diff; only the evidence span does.
func addedBy(own, other *detailSide) ([]extract.Token, []bool, float64) {
	var out []extract.Token
	ok := make([]bool, len(own.toks))
	w := 0.0
tokens:
	for i, t := range own.toks {
		if !own.cand[i] || other.has[own.ids[i]] {
			continue
		}
		for _, e := range own.names[i] {
			if other.has[e] {
				continue tokens
			}
		}
		ok[i] = true
		out = append(out, t)
		if own.weight[i] < 0 {
			own.weight[i] = rarity(strings.ToLower(t.Text))
		}
		w += own.weight[i]
	}
	return out, ok, w
}

// detailDiffs reports, for each pair of documents in a group, the content
// one side adds that the other lacks. Added detail is not a conflict.
func detailDiffs(sides []side) []Difference {
	var out []Difference
	ds := detailSides(sides)
	// Outlets that carry the same wire copy have the same words: their
	// diffs are made once.
	memo := map[[2]string][]wordOp{}
	for x := 0; x < len(ds); x++ {
		for y := x + 1; y < len(ds); y++ {
			sx, sy := &ds[x], &ds[y]
			addA, okA, wA := addedBy(sx, sy)
			addB, okB, wB := addedBy(sy, sx)
			if wA < minDetailWeight && wB < minDetailWeight {
				continue
			}
			var ops []wordOp
			if ra, rb := sx.codes, sy.codes; ra != nil {
				k := [2]string{string(ra), string(rb)}
				var ok bool
				if ops, ok = memo[k]; !ok {
					ops = wordDiff(ra, rb)
					memo[k] = ops
				}
			} else {
				ops = wordDiff(pairCodes(sx.toks, sy.toks))
			}
			spanA := longestRun(ops, diffmatchpatch.DiffDelete, sx, okA)
			spanB := longestRun(ops, diffmatchpatch.DiffInsert, sy, okB)
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

// longestRun is the evidence span of added words: the longest stretch,
// within one claim, of a run of kind op holding at least one added token.
// A side of two claims must not get a span that straddles them.
func longestRun(ops []wordOp, op diffmatchpatch.Operation, own *detailSide, ok []bool) extract.Span {
	var best extract.Span
	for _, o := range ops {
		if o.op != op || !slices.Contains(ok[o.from:o.to], true) {
			continue
		}
		var cur extract.Span
		curClaim := ""
		for _, t := range own.toks[o.from:o.to] {
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
	return best
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
