package compare

import (
	"fmt"
	"sort"
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
// one side adds that the other lacks: each run of such words is one entry
// with its span, so a renderer can mark it in place. Added detail is not a
// conflict.
func detailDiffs(sides []side) []Difference {
	var out []Difference
	for x := 0; x < len(sides); x++ {
		for y := x + 1; y < len(sides); y++ {
			ta, tb := contentTokens(sides[x]), contentTokens(sides[y])
			ops := wordDiff(ta, tb)
			// Words the other side has anywhere are reordered, not added.
			hasA, hasB := sideHas(sides[x]), sideHas(sides[y])
			addA, runsA := added(ops, diffmatchpatch.DiffDelete, sides[x], hasB)
			addB, runsB := added(ops, diffmatchpatch.DiffInsert, sides[y], hasA)
			if weightOf(addA) < minDetailWeight && weightOf(addB) < minDetailWeight {
				continue
			}
			d := Difference{Kind: "detail", Values: map[string][]Value{}}
			d.put(sides[x], runsA)
			d.put(sides[y], runsB)
			d.Explain = fmt.Sprintf("%s alone says: %s; %s alone says: %s", docOf(sides[x].id()), orNone(words(addA)), docOf(sides[y].id()), orNone(words(addB)))
			out = append(out, d)
		}
	}
	return out
}

// put files a side's entries under the claims that hold them; a side
// with none gets an empty list under its first claim, so that every
// document of the difference has its say.
func (d *Difference) put(s side, vals []Value) {
	if len(vals) == 0 {
		d.Values[s.id()] = []Value{}
		return
	}
	for _, v := range vals {
		id := s.holder(v.Span)
		d.Values[id] = append(d.Values[id], v)
	}
}

// Side returns the entries of one document's side of the difference
// ("d2"), in claim order, and whether that document takes part in it.
func (d Difference) Side(doc string) ([]Value, bool) {
	var ids []string
	for id := range d.Values {
		if docOf(id) == doc {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, false
	}
	sort.Slice(ids, func(i, j int) bool { return claimNum(ids[i]) < claimNum(ids[j]) })
	out := []Value{}
	for _, id := range ids {
		out = append(out, d.Values[id]...)
	}
	return out, true
}

// Texts returns the texts of entries, in order.
func Texts(vals []Value) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v.Text
	}
	return out
}

// claim returns the side's claim with the given id, or nil.
func (s side) claim(id string) *extract.Claim {
	for _, c := range s.claims {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// claimNum is the number of a claim id ("d2.c15" → 15), for ordering.
func claimNum(id string) int {
	n := 0
	if i := strings.LastIndex(id, ".c"); i >= 0 {
		fmt.Sscanf(id[i+2:], "%d", &n)
	}
	return n
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
// lacks, and those words as entries: each run of them within one claim
// (stop words inside a run kept, at its edges dropped), with its text as
// the source writes it. Dates and numbers are left to the fact
// comparisons, and a word of a name counts as shared when the other side
// names the same entity ("Hayya’s" / "al-Hayya").
func added(ops []wordOp, op diffmatchpatch.Operation, own side, other map[string]bool) ([]extract.Token, []Value) {
	var out []extract.Token
	var runs []Value
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
	// A run goes on only over stop words of the claim: a framing marker or
	// a shared word between two added words (left out of the diff, or
	// not added) ends it.
	all := sideTokens(own)
	pos := make(map[int]int, len(all))
	for i, t := range all {
		pos[t.Span.Start] = i
	}
	gapIsStop := func(from, to int) bool {
		for k := from + 1; k < to; k++ {
			if !all[k].Stop {
				return false
			}
		}
		return true
	}
	var cur extract.Span
	curClaim, open, last := "", false, 0
	flush := func() {
		if open {
			if c := own.claim(curClaim); c != nil {
				runs = append(runs, Value{Text: spanText(c, cur), Span: cur})
			}
		}
		open = false
	}
	for _, o := range ops {
		if o.op != op {
			flush()
			continue
		}
		for _, t := range o.tokens {
			switch {
			case t.Stop:
				// Kept only inside a run: the run's end moves at the next
				// content word.
				continue
			case other[t.Key] || fact(t):
				flush()
				continue
			}
			out = append(out, t)
			h := own.holder(t.Span)
			at := pos[t.Span.Start]
			if open && h == curClaim && gapIsStop(last, at) {
				cur.End, last = t.Span.End, at
				continue
			}
			flush()
			cur, curClaim, open, last = t.Span, h, true, at
		}
		flush()
	}
	return out, runs
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
