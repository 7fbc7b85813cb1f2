package compare

import (
	"sort"
	"strings"
	"sync"

	"github.com/claimdiff/claimdiff/extract"
)

// side is one document's part of a group: its claims (repeats left out,
// they say nothing new).
type side struct {
	doc    int
	claims []*extract.Claim
	feats  []*claimFeatures
}

func (s side) id() string { return s.claims[0].ID }

// holder returns the id of the side's claim that contains sp, so that a
// difference's span is keyed to the claim it points into; the first
// claim's id when none does (an empty span).
func (s side) holder(sp extract.Span) string { return s.claims[s.holderAt(sp)].ID }

// holderAt is holder's claim by its index in the side.
func (s side) holderAt(sp extract.Span) int {
	if sp.Len() > 0 {
		for i, c := range s.claims {
			if c.Span.Contains(sp) {
				return i
			}
		}
	}
	return 0
}

// differences classifies how the documents of a group differ, one kind at a
// time, comparing each document's claims taken together.
func differences(docs []*extract.Document, feats [][]*claimFeatures, ns []node, names func(a, b string) bool) []Difference {
	// The sides' lists are carved from buffers kept from group to group:
	// made for every group, a side's claim and feature lists were 5% of a
	// comparison's allocations (BenchmarkCompareReal). No difference keeps
	// a side.
	b := sideBufs.Get().(*sideBuf)
	// At most one claim per node: the lists never outgrow the buffers.
	b.claims, b.feats = grow(b.claims, len(ns))[:0], grow(b.feats, len(ns))[:0]
	sides, start := b.sides[:0], 0
	for _, n := range ns {
		c := &docs[n.doc].Claims[n.idx]
		if c.RepeatOf != "" {
			continue
		}
		if len(sides) == 0 || sides[len(sides)-1].doc != n.doc {
			sides = append(sides, side{doc: n.doc})
			start = len(b.claims)
		}
		b.claims = append(b.claims, c)
		b.feats = append(b.feats, feats[n.doc][n.idx])
		s := &sides[len(sides)-1]
		end := len(b.claims)
		s.claims, s.feats = b.claims[start:end:end], b.feats[start:end:end]
	}
	b.diffs = appendSideDifferences(b.diffs[:0], sides, names)
	out := listOf(b.diffs)
	b.put(sides)
	return out
}

// listOf returns a copy of ds made at its length, nil when it is empty.
func listOf(ds []Difference) []Difference {
	if len(ds) == 0 {
		return nil
	}
	return append(make([]Difference, 0, len(ds)), ds...)
}

// sideBuf holds the side lists of one group (differences), and the
// list its differences are gathered in before they are copied out at
// their number (appended kind by kind, the list grew several times).
type sideBuf struct {
	sides  []side
	claims []*extract.Claim
	feats  []*claimFeatures
	diffs  []Difference
}

var sideBufs = sync.Pool{New: func() any { return new(sideBuf) }}

// put keeps the lists of sides for the next group, emptied of the claims
// (no article is kept alive by the pool), and returns the buffer.
func (b *sideBuf) put(sides []side) {
	clear(b.claims)
	clear(b.feats)
	clear(b.diffs)
	clear(sides)
	b.sides = sides[:0]
	sideBufs.Put(b)
}

// sideDifferences classifies how the sides of a group differ.
func sideDifferences(sides []side, names func(a, b string) bool) []Difference {
	return appendSideDifferences(nil, sides, names)
}

// appendSideDifferences is sideDifferences appending to out.
func appendSideDifferences(out []Difference, sides []side, names func(a, b string) bool) []Difference {
	if len(sides) < 2 {
		return out
	}
	cs := newContentSets(sides)
	out = append(out, numberDiffs(sides, cs)...)
	out = append(out, dateDiffs(sides, cs)...)
	out = append(out, placeDiffs(sides, names)...)
	out = append(out, polarityDiffs(sides, cs)...)
	cs.release()
	kinds := outletKinds(sides)
	for i, k := range extract.MarkerKinds {
		if kinds&(1<<i) == 0 {
			continue // no side has one in its own voice: no difference
		}
		if d, ok := markerDiff(sides, k); ok {
			out = append(out, d)
		}
	}
	out = detailDiffs(out, sides)
	return out
}

// outletKinds has bit i set when a side has a marker of kind
// extract.MarkerKinds[i] in the outlet's voice: most groups have few
// kinds, and one pass over the markers spares markerDiff a pass per kind.
func outletKinds(sides []side) uint {
	var kinds uint
	for _, s := range sides {
		for _, c := range s.claims {
			for mk := range c.Markers {
				m := &c.Markers[mk]
				if m.Voice != extract.VoiceOutlet {
					continue
				}
				for i, k := range extract.MarkerKinds {
					if m.Kind == k {
						kinds |= 1 << i
						break
					}
				}
			}
		}
	}
	return kinds
}

func spanText(c *extract.Claim, s extract.Span) string {
	a, b := s.Start-c.Span.Start, s.End-c.Span.Start
	if a < 0 || b > len(c.Text) || a > b {
		return ""
	}
	return c.Text[a:b]
}

func docOf(claimID string) string {
	if i := strings.IndexByte(claimID, '.'); i > 0 {
		return claimID[:i]
	}
	return claimID
}

// conflicts finds the pairs of sides that disagree: each holds a value the
// other has nothing to match, and the two values are about the same thing
// (about). A side that merely says more (another number of the same thing
// the other does not mention) is added detail, not a conflict. odd gives,
// for each side in a conflict, its first unmatched value.
func conflicts[T any](m map[int][]T, same, about func(a, b T) bool) (pairs [][2]int, odd map[int]int) {
	return conflictsAgainst(m, m, same, about)
}

// conflictsAgainst is conflicts where the values of m are matched against
// those of against, which holds m's and may hold more that can match but
// never conflict (a date that dates the saying: statementDate).
func conflictsAgainst[T any](m, against map[int][]T, same, about func(a, b T) bool) (pairs [][2]int, odd map[int]int) {
	var sis []int
	for si := range m {
		sis = append(sis, si)
	}
	sort.Ints(sis)
	matched := func(a T, y int) bool {
		for _, b := range against[y] {
			if same(a, b) {
				return true
			}
		}
		return false
	}
	odd = map[int]int{}
	for i := 0; i < len(sis); i++ {
		for j := i + 1; j < len(sis); j++ {
			x, y := sis[i], sis[j]
			ux, uy := -1, -1
		search:
			for ix, a := range m[x] {
				if matched(a, y) {
					continue
				}
				for iy, b := range m[y] {
					if !matched(b, x) && about(a, b) {
						ux, uy = ix, iy
						break search
					}
				}
			}
			if ux < 0 {
				continue
			}
			pairs = append(pairs, [2]int{x, y})
			if _, ok := odd[x]; !ok {
				odd[x] = ux
			}
			if _, ok := odd[y]; !ok {
				odd[y] = uy
			}
		}
	}
	return pairs, odd
}

// docPairs turns side pairs into document id pairs for Difference.Conflicts.
func docPairs(sides []side, pairs [][2]int) [][2]string {
	out := make([][2]string, len(pairs))
	for i, p := range pairs {
		out[i] = [2]string{docOf(sides[p[0]].id()), docOf(sides[p[1]].id())}
	}
	return out
}

// oddSides lists the sides of odd in order.
func oddSides(odd map[int]int) []int {
	var out []int
	for si := range odd {
		out = append(out, si)
	}
	sort.Ints(out)
	return out
}

func uniqSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
