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
	pos    []int           // per content token, its index among all the side's tokens
	// nonStop[k] is how many of the side's first k tokens are not stop
	// words: a run of added words goes on only over stop words.
	nonStop []int
}

// detailVocab numbers the words and the name keys of one group, in one
// sequence of ids: a name key is told from a word of the same spelling.
type detailVocab struct {
	words, names map[string]int32
	n            int32
}

func (v *detailVocab) id(k string) int32 { return v.number(v.words, k) }

func (v *detailVocab) nameID(k string) int32 { return v.number(v.names, k) }

func (v *detailVocab) number(m map[string]int32, k string) int32 {
	if i, ok := m[k]; ok {
		return i
	}
	i := v.n
	m[k] = i
	v.n++
	return i
}

func (v *detailVocab) len() int { return int(v.n) }

// detailSides prepares the sides of a group for detailDiffs.
func detailSides(sides []side) []detailSide {
	voc := &detailVocab{words: map[string]int32{}, names: map[string]int32{}}
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
							d.names[i] = append(d.names[i], voc.nameID(e.Key))
						}
					}
				}
			}
			d.weight[i] = -1 // rarity, when first needed
		}
		nAll := 0
		for _, c := range s.claims {
			nAll += len(c.Tokens)
		}
		d.nonStop = make([]int, nAll+1)
		d.pos = make([]int, len(d.toks))
		k, i := 0, 0
		for _, c := range s.claims {
			for _, t := range c.Tokens {
				d.nonStop[k+1] = d.nonStop[k]
				if !t.Stop {
					d.nonStop[k+1]++
				}
				if i < len(d.toks) && t.Span == d.toks[i].Span {
					d.pos[i] = k
					i++
				}
				k++
			}
		}
		var own []int32
		for _, c := range s.claims {
			for _, t := range c.Tokens {
				own = append(own, voc.id(t.Key))
			}
			for _, e := range c.Entities {
				own = append(own, voc.nameID(e.Key))
			}
		}
		hasIDs = append(hasIDs, own)
	}
	for si := range out {
		out[si].has = make([]bool, voc.len())
		for _, id := range hasIDs[si] {
			out[si].has[id] = true
		}
		if voc.len() <= maxGroupCodes {
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

// maxPairwiseDetail is how many documents a group may have before its
// added detail is reported against its first document only. Pairs of
// documents grow with the square of their number: a group of 200 outlets
// would list 19,900 detail entries (63 MB of JSON for one event of 200
// articles), most of them saying again what each outlet adds to another.
// Against one reference there are n−1, each the same entry the pair would
// have in a small group. Events of a few outlets are not affected.
const maxPairwiseDetail = 8

// detailPairs returns the pairs of sides (x < y) whose added detail is
// compared: every pair in a group of at most maxPairwiseDetail documents,
// else the first side with each other one.
func detailPairs(n int) [][2]int {
	var out [][2]int
	for x := 0; x < n; x++ {
		if x > 0 && n > maxPairwiseDetail {
			break
		}
		for y := x + 1; y < n; y++ {
			out = append(out, [2]int{x, y})
		}
	}
	return out
}

// detailDiffs reports, for each pair of documents in a group (for a large
// group, each document with the first: detailPairs), the content one
// side adds that the other lacks: each run of such words is one entry
// with its span, so a renderer can mark it in place. Added detail is not a
// conflict. What each side says is gathered once per group; the added
// words need no diff, so go-diff runs only for the runs of a difference
// that is reported.
func detailDiffs(sides []side) []Difference {
	var out []Difference
	ds := detailSides(sides)
	// Outlets that carry the same wire copy have the same words: their
	// diffs are made once.
	memo := map[[2]string][]wordOp{}
	for _, xy := range detailPairs(len(ds)) {
		x, y := xy[0], xy[1]
		sx, sy := &ds[x], &ds[y]
		addA, okA, wA := addedBy(sx, sy)
		addB, okB, wB := addedBy(sy, sx)
		if wA < minDetailWeight && wB < minDetailWeight {
			continue
		}
		var ops []wordOp
		if !sx.gapped(okA, sy) && !sy.gapped(okB, sx) {
			// The diff cannot change the runs (see gapped): one deleted
			// and one inserted run hold every token.
			ops = []wordOp{{diffmatchpatch.DiffDelete, 0, len(sx.toks)}, {diffmatchpatch.DiffInsert, 0, len(sy.toks)}}
		} else if ra, rb := sx.codes, sy.codes; ra != nil {
			k := [2]string{string(ra), string(rb)}
			var ok bool
			if ops, ok = memo[k]; !ok {
				ops = wordDiff(ra, rb)
				memo[k] = ops
			}
		} else {
			ops = wordDiff(pairCodes(sx.toks, sy.toks))
		}
		d := Difference{Kind: "detail", Values: map[string][]Value{}}
		d.put(sides[x], sx.runs(ops, diffmatchpatch.DiffDelete, okA))
		d.put(sides[y], sy.runs(ops, diffmatchpatch.DiffInsert, okB))
		d.Explain = fmt.Sprintf("%s alone says: %s; %s alone says: %s", docOf(sides[x].id()), orNone(words(addA)), docOf(sides[y].id()), orNone(words(addB)))
		out = append(out, d)
	}
	return out
}

// gapped reports whether two added tokens of the side (ok) stand apart
// with only stop words between them, one of which the other side also
// says. Only then does the diff decide the runs: an added word is in no
// other run than a deleted (or inserted) one, since the other side lacks
// it, and go-diff's merged output has exactly one such run between two
// equal runs; so two added words are split by the diff only when a word
// between them is equal to a word of the other side, and a content word
// between them splits them anyway (runs).
func (own *detailSide) gapped(ok []bool, other *detailSide) bool {
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

// runs are the entries of added words of one side: each run of them
// within one claim, inside one run of kind op of the diff (stop words
// inside a run kept, at its edges dropped; a framing marker or a shared
// word between two added words ends it), with its text as the source
// writes it. ok marks the added tokens (addedBy).
func (own *detailSide) runs(ops []wordOp, op diffmatchpatch.Operation, ok []bool) []Value {
	var runs []Value
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
		for i := o.from; i < o.to; i++ {
			t := own.toks[i]
			switch {
			case t.Stop:
				// Kept only inside a run: the run's end moves at the next
				// content word.
				continue
			case !ok[i]:
				flush()
				continue
			}
			h := own.holder(t.Span)
			at := own.pos[i]
			if open && h == curClaim && own.nonStop[at]-own.nonStop[last+1] == 0 {
				cur.End, last = t.Span.End, at
				continue
			}
			flush()
			cur, curClaim, open, last = t.Span, h, true, at
		}
		flush()
	}
	return runs
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
