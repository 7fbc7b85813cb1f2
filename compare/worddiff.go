package compare

import (
	"slices"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The word diff of added detail is go-diff's (v1.4.0): DiffMainRunes with
// no time limit and no line mode, then DiffCleanupSemantic, on word codes
// (wordCode). go-diff writes every run as a string, re-reads those strings
// as runes at each level of its recursion and builds a new one for every
// merge: three quarters of its time and all its allocation. wordDiffer is
// the same algorithm step for step on the codes themselves, each run kept
// as its kind and length only: every step of go-diff keeps its runs a
// valid diff of the two inputs (equal and deleted runs spell the first,
// equal and inserted ones the second), so a run's place, and with it its
// text, follows from the lengths of the runs before it.
//
// The one step that is not the same on lengths is go-diff's semantic
// lossless clean-up when the equality before an edit ends with the same
// word as the edit: go-diff then cuts the strings by the number of runes
// taken as a number of bytes, splitting a code's UTF-8 bytes. wordDiffer
// reports that case and the caller runs go-diff itself (wordDiffDMP), so
// the output stays go-diff's in every case. The code's byte lengths matter
// in one other place, the overlap step, which compares an overlap in bytes
// with half a run's length in runes; wordDiffer counts the bytes too.
// TestWordDifferMatchesGoDiff compares the two on random inputs.

// dop is one run of a diff: its kind and its length in words.
type dop struct {
	t diffmatchpatch.Operation
	n int
}

const (
	opEqual  = diffmatchpatch.DiffEqual
	opDelete = diffmatchpatch.DiffDelete
	opInsert = diffmatchpatch.DiffInsert
)

// wordDiffer holds the scratch of the diffs, kept from one diff to the
// next: the bisection's vectors, and an arena the runs' lists are carved
// from (each list with its own capacity, so that an append past it copies
// rather than overwrites its neighbour).
type wordDiffer struct {
	v     []int
	arena []dop
	eqs   []int
}

// list returns an empty list of runs with room for n, from the arena.
func (w *wordDiffer) list(n int) []dop {
	if len(w.arena)+n > cap(w.arena) {
		w.arena = make([]dop, 0, max(1024, 2*n)) // the old one lives on in its lists
	}
	at := len(w.arena)
	w.arena = w.arena[:at+n]
	return w.arena[at : at : at+n]
}

// of returns a list of the given runs, from the arena.
func (w *wordDiffer) of(ops ...dop) []dop { return append(w.list(len(ops)), ops...) }

// wordDiff diffs two coded token sequences word by word as go-diff does
// (see above). DiffTimeout is 0: with a limit the result would depend on
// the machine's speed.
func (w *wordDiffer) wordDiff(ra, rb []rune) []wordOp {
	if ops, ok := w.diff(ra, rb); ok {
		return ops
	}
	return wordDiffDMP(ra, rb)
}

// wordDiffDMP is wordDiff through go-diff itself.
func wordDiffDMP(ra, rb []rune) []wordOp {
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

// diff is DiffCleanupSemantic(DiffMainRunes(a, b)) as word ranges; false
// when go-diff would split a code's bytes (see above).
func (w *wordDiffer) diff(a, b []rune) ([]wordOp, bool) {
	w.arena = w.arena[:0] // the last diff's lists are dead
	d, ok := w.cleanupSemantic(w.main(a, b), a, b)
	if !ok {
		return nil, false
	}
	out := make([]wordOp, 0, len(d))
	ia, ib := 0, 0
	for _, o := range d {
		switch o.t {
		case opEqual:
			out = append(out, wordOp{o.t, ia, ia + o.n})
			ia += o.n
			ib += o.n
		case opDelete:
			out = append(out, wordOp{o.t, ia, ia + o.n})
			ia += o.n
		case opInsert:
			out = append(out, wordOp{o.t, ib, ib + o.n})
			ib += o.n
		}
	}
	return out, true
}

// main is go-diff's diffMainRunes.
func (w *wordDiffer) main(a, b []rune) []dop {
	if slices.Equal(a, b) {
		if len(a) > 0 {
			return w.of(dop{opEqual, len(a)})
		}
		return nil
	}
	fullA, fullB := a, b
	pre := commonPrefixLen(a, b)
	a, b = a[pre:], b[pre:]
	suf := commonSuffixLen(a, b)
	a, b = a[:len(a)-suf], b[:len(b)-suf]
	mid := w.compute(a, b)
	d := w.list(len(mid) + 2)
	if pre != 0 {
		d = append(d, dop{opEqual, pre})
	}
	d = append(d, mid...)
	if suf != 0 {
		d = append(d, dop{opEqual, suf})
	}
	return w.cleanupMerge(d, fullA, fullB)
}

// compute is go-diff's diffCompute without the half match (off with no
// time limit) and line mode (off).
func (w *wordDiffer) compute(a, b []rune) []dop {
	if len(a) == 0 {
		return w.of(dop{opInsert, len(b)})
	}
	if len(b) == 0 {
		return w.of(dop{opDelete, len(a)})
	}
	long, short := b, a
	if len(a) > len(b) {
		long, short = a, b
	}
	if i := runeIndex(long, short); i != -1 {
		op := opInsert
		if len(a) > len(b) {
			op = opDelete
		}
		return w.of(dop{op, i}, dop{opEqual, len(short)}, dop{op, len(long) - i - len(short)})
	}
	if len(short) == 1 {
		return w.of(dop{opDelete, len(a)}, dop{opInsert, len(b)})
	}
	return w.bisect(a, b)
}

// bisect is go-diff's diffBisect (Myers 1986: the middle snake, then each
// half). The snakes' tests compare as unsigned, x and y being never
// negative, so that the compiler drops the look-ups' bounds checks: every
// diagonal of every step tests its snake once.
func (w *wordDiffer) bisect(r1, r2 []rune) []dop {
	n1, n2 := len(r1), len(r2)
	maxD := (n1 + n2 + 1) / 2
	vOffset := maxD
	vLength := 2 * maxD
	// Each list has one more element than it uses, so that the three
	// around a diagonal can be taken as one slice (one bounds check, not
	// three); it is never read.
	if cap(w.v) < 2*vLength+2 {
		w.v = make([]int, 2*vLength+2)
	}
	v1, v2 := w.v[:vLength+1], w.v[vLength+1:2*vLength+2]
	for i := range v1 {
		v1[i] = -1
		v2[i] = -1
	}
	v1[vOffset+1] = 0
	v2[vOffset+1] = 0
	delta := n1 - n2
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for d := 0; d < maxD; d++ {
		for k1 := -d + k1start; k1 <= d-k1end; k1 += 2 {
			k1Offset := vOffset + k1
			vk := v1[k1Offset-1 : k1Offset+2 : k1Offset+2]
			var x1 int
			if k1 == -d || (k1 != d && vk[0] < vk[2]) {
				x1 = vk[2]
			} else {
				x1 = vk[0] + 1
			}
			y1 := x1 - k1
			for uint(x1) < uint(len(r1)) && uint(y1) < uint(len(r2)) && r1[x1] == r2[y1] {
				x1++
				y1++
			}
			vk[1] = x1
			if x1 > n1 {
				k1end += 2
			} else if y1 > n2 {
				k1start += 2
			} else if front {
				k2Offset := vOffset + delta - k1
				if k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 {
					if x2 := n1 - v2[k2Offset]; x1 >= x2 {
						return w.bisectSplit(r1, r2, x1, y1)
					}
				}
			}
		}
		for k2 := -d + k2start; k2 <= d-k2end; k2 += 2 {
			k2Offset := vOffset + k2
			vk := v2[k2Offset-1 : k2Offset+2 : k2Offset+2]
			var x2 int
			if k2 == -d || (k2 != d && vk[0] < vk[2]) {
				x2 = vk[2]
			} else {
				x2 = vk[0] + 1
			}
			y2 := x2 - k2
			for uint(n1-x2-1) < uint(len(r1)) && uint(n2-y2-1) < uint(len(r2)) && r1[n1-x2-1] == r2[n2-y2-1] {
				x2++
				y2++
			}
			vk[1] = x2
			if x2 > n1 {
				k2end += 2
			} else if y2 > n2 {
				k2start += 2
			} else if !front {
				k1Offset := vOffset + delta - k2
				if k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1 {
					x1 := v1[k1Offset]
					y1 := vOffset + x1 - k1Offset
					if x2 = n1 - x2; x1 >= x2 {
						return w.bisectSplit(r1, r2, x1, y1)
					}
				}
			}
		}
	}
	return w.of(dop{opDelete, n1}, dop{opInsert, n2})
}

// bisectSplit diffs the two halves; the scratch of bisect is free again
// (its caller returns at once).
func (w *wordDiffer) bisectSplit(r1, r2 []rune, x, y int) []dop {
	d1 := w.main(r1[:x], r2[:y])
	d2 := w.main(r1[x:], r2[y:])
	return append(append(w.list(len(d1)+len(d2)), d1...), d2...)
}

// text is the words of run i of d, a valid diff of a and b.
func runText(d []dop, i int, a, b []rune) []rune {
	p1, p2 := 0, 0
	for _, o := range d[:i] {
		if o.t != opInsert {
			p1 += o.n
		}
		if o.t != opDelete {
			p2 += o.n
		}
	}
	if d[i].t == opInsert {
		return b[p2 : p2+d[i].n]
	}
	return a[p1 : p1+d[i].n]
}

// cleanupMerge is go-diff's DiffCleanupMerge: adjacent edits merged into
// one deletion and one insertion with their common prefix and suffix moved
// into the equalities around them, adjacent equalities joined, then single
// edits shifted over an equality they end or start with.
func (w *wordDiffer) cleanupMerge(in []dop, a, b []rune) []dop {
	out := w.list(len(in) + 2)
	p1, p2 := 0, 0
	for i := 0; i <= len(in); i++ {
		cD, cI, nD, nI := 0, 0, 0, 0
		var one dop
		for ; i < len(in) && in[i].t != opEqual; i++ {
			one = in[i]
			if in[i].t == opDelete {
				cD++
				nD += in[i].n
			} else {
				cI++
				nI += in[i].n
			}
		}
		e := dop{opEqual, 0} // go-diff's dummy equality at the end
		if i < len(in) {
			e = in[i]
		}
		next1, next2 := p1+nD+e.n, p2+nI+e.n
		switch {
		case cD+cI > 1:
			if cD != 0 && cI != 0 {
				if c := commonPrefixLen(b[p2:p2+nI], a[p1:p1+nD]); c != 0 {
					if len(out) > 0 && out[len(out)-1].t == opEqual {
						out[len(out)-1].n += c
					} else {
						out = append([]dop{{opEqual, c}}, out...)
					}
					p1, p2, nD, nI = p1+c, p2+c, nD-c, nI-c
				}
				if c := commonSuffixLen(b[p2:p2+nI], a[p1:p1+nD]); c != 0 {
					e.n += c
					nD, nI = nD-c, nI-c
				}
			}
			if cD != 0 {
				out = append(out, dop{opDelete, nD})
			}
			if cI != 0 {
				out = append(out, dop{opInsert, nI})
			}
			out = append(out, e)
		case cD+cI == 1:
			out = append(out, one, e)
		case len(out) > 0 && out[len(out)-1].t == opEqual:
			out[len(out)-1].n += e.n
		default:
			out = append(out, e)
		}
		p1, p2 = next1, next2
	}
	if out[len(out)-1].n == 0 {
		out = out[:len(out)-1]
	}
	changes := false
	for p := 1; p < len(out)-1; p++ {
		if out[p-1].t != opEqual || out[p+1].t != opEqual {
			continue
		}
		prev, edit, next := runText(out, p-1, a, b), runText(out, p, a, b), runText(out, p+1, a, b)
		switch {
		case hasSuffixRunes(edit, prev):
			out[p+1].n += out[p-1].n
			out = slices.Delete(out, p-1, p)
			changes = true
		case hasPrefixRunes(edit, next):
			out[p-1].n += out[p+1].n
			out = slices.Delete(out, p+1, p+2)
			changes = true
		}
	}
	if changes {
		return w.cleanupMerge(out, a, b)
	}
	return out
}

// cleanupSemantic is go-diff's DiffCleanupSemantic on runs; false where
// go-diff's lossless step would cut a code's bytes.
func (w *wordDiffer) cleanupSemantic(d []dop, a, b []rune) ([]dop, bool) {
	changes := false
	equalities := w.eqs[:0]
	defer func() { w.eqs = equalities[:0] }()
	lastEq := 0
	ins1, del1, ins2, del2 := 0, 0, 0, 0
	for p := 0; p < len(d); p++ {
		if d[p].t == opEqual {
			equalities = append(equalities, p)
			ins1, del1, ins2, del2 = ins2, del2, 0, 0
			lastEq = d[p].n
			continue
		}
		if d[p].t == opInsert {
			ins2 += d[p].n
		} else {
			del2 += d[p].n
		}
		if lastEq > 0 && lastEq <= max(ins1, del1) && lastEq <= max(ins2, del2) {
			at := equalities[len(equalities)-1]
			d = slices.Insert(d, at, dop{opDelete, lastEq})
			d[at+1].t = opInsert
			equalities = equalities[:len(equalities)-1]
			if len(equalities) > 0 {
				equalities = equalities[:len(equalities)-1]
			}
			p = -1
			if len(equalities) > 0 {
				p = equalities[len(equalities)-1]
			}
			ins1, del1, ins2, del2 = 0, 0, 0, 0
			lastEq = 0
			changes = true
		}
	}
	if changes {
		d = w.cleanupMerge(d, a, b)
	}
	d, ok := cleanupLossless(d, a, b)
	if !ok {
		return nil, false
	}
	// Overlaps between a deletion and the insertion after it.
	for p := 1; p < len(d); p++ {
		if d[p-1].t != opDelete || d[p].t != opInsert {
			continue
		}
		del, ins := runText(d, p-1, a, b), runText(d, p, a, b)
		k1, bytes1 := overlapRunes(del, ins)
		k2, bytes2 := overlapRunes(ins, del)
		nD, nI := float64(len(del)), float64(len(ins))
		if bytes1 >= bytes2 {
			if float64(bytes1) >= nD/2 || float64(bytes1) >= nI/2 {
				d = slices.Insert(d, p, dop{opEqual, k1})
				d[p-1].n = len(del) - k1
				d[p+1].n = len(ins) - k1
				p++
			}
		} else if float64(bytes2) >= nD/2 || float64(bytes2) >= nI/2 {
			d = slices.Insert(d, p, dop{opEqual, k2})
			d[p-1] = dop{opInsert, len(ins) - k2}
			d[p+1] = dop{opDelete, len(del) - k2}
			p++
		}
		p++
	}
	return d, true
}

// cleanupLossless is go-diff's DiffCleanupSemanticLossless for word codes:
// every code is a private-use character, so go-diff scores every boundary
// between two of them alike (1, non-alphanumeric) and an empty string's
// edge 6, and a single edit between equalities moves as far right as it
// can. False when the equality before an edit ends with the edit's last
// word: go-diff then cuts bytes (see the top of the file).
func cleanupLossless(d []dop, a, b []rune) ([]dop, bool) {
	score := func(x, y int) int {
		if x == 0 || y == 0 {
			return 6
		}
		return 1
	}
	for p := 1; p < len(d)-1; p++ {
		if d[p-1].t != opEqual || d[p+1].t != opEqual {
			continue
		}
		eq1, edit := runText(d, p-1, a, b), runText(d, p, a, b)
		if commonSuffixLen(eq1, edit) > 0 {
			return nil, false
		}
		// The edit's own text runs on into the equality after it.
		text := a
		p1, p2 := 0, 0
		for _, o := range d[:p] {
			if o.t != opInsert {
				p1 += o.n
			}
			if o.t != opDelete {
				p2 += o.n
			}
		}
		s := p1
		if d[p].t == opInsert {
			text, s = b, p2
		}
		n1, L, n2 := d[p-1].n, d[p].n, d[p+1].n
		best, bestScore := 0, score(n1, L)+score(L, n2)
		for k := 0; L != 0 && n2-k != 0 && text[s+k] == text[s+L+k]; {
			k++
			if sc := score(n1+k, L) + score(L, n2-k); sc >= bestScore {
				best, bestScore = k, sc
			}
		}
		if best == 0 {
			continue
		}
		d[p-1].n = n1 + best
		if n2-best != 0 {
			d[p+1].n = n2 - best
		} else {
			d = slices.Delete(d, p+1, p+2)
			p--
		}
	}
	return d, true
}

// overlapRunes is go-diff's DiffCommonOverlap(x, y) on codes: the longest
// end of x that starts y, in runes and in UTF-8 bytes (what go-diff
// returns and compares).
func overlapRunes(x, y []rune) (int, int) {
	for k := min(len(x), len(y)); k > 0; k-- {
		if slices.Equal(x[len(x)-k:], y[:k]) {
			n := 0
			for _, r := range y[:k] {
				n += utf8.RuneLen(r)
			}
			return k, n
		}
	}
	return 0, 0
}

func commonPrefixLen(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffixLen(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// runeIndex is go-diff's runesIndex: the first place of short in long.
func runeIndex(long, short []rune) int {
	for i := 0; i+len(short) <= len(long); i++ {
		if slices.Equal(long[i:i+len(short)], short) {
			return i
		}
	}
	return -1
}

func hasSuffixRunes(s, suffix []rune) bool {
	return len(suffix) <= len(s) && slices.Equal(s[len(s)-len(suffix):], suffix)
}

func hasPrefixRunes(s, prefix []rune) bool {
	return len(prefix) <= len(s) && slices.Equal(s[:len(prefix)], prefix)
}
