package compare

import (
	"math/bits"
	"slices"
)

// splitShare is the share of the threshold under which two claims of other
// documents that a cluster holds do not say the same thing, though both
// say the same as a third: a long sentence of one outlet that tells two
// facts, each told by another outlet in a sentence of its own (A~B and
// B~C, A and C apart). Such a cluster is reported as overlapping groups,
// {A, B} and {B, C}, so that the long claim is in both and A and C are in
// none together (parts). Chosen on the 22 BASIL development events the
// models are fitted on (see the README, "Accuracy").
const splitShare = 0.5

// Bounds on splitting: a cluster of more claims, or one whose weak pairs
// would make more groups, stays whole. Maximal cliques can be exponential
// in number; a cluster of a three-outlet event has at most nine claims.
const (
	maxSplitClaims = 64
	maxSplitParts  = 8
)

// parts returns the groups a cluster is reported as: the cluster's claims
// when no two of them are apart, else the largest sets of its claims of
// which no two are apart (the maximal cliques of the pairs that are not),
// each in the cluster's order, in the order of their first claims. Two
// claims are apart when the cluster holds their pair as weak.
func (cl *cluster) parts() [][]*claimFeatures { return cl.appendParts(nil) }

// appendParts appends the cluster's parts to dst: most clusters are one
// part, which needs no list of its own.
func (cl *cluster) appendParts(dst [][]*claimFeatures) [][]*claimFeatures {
	n := len(cl.claims)
	if len(cl.weak) == 0 || n > maxSplitClaims {
		return append(dst, cl.claims)
	}
	at := make(map[*claimFeatures]int, n)
	for i, c := range cl.claims {
		at[c] = i
	}
	// ok[i] is the set of claims that may share a group with claim i.
	all := uint64(1)<<n - 1 // n ≤ 64: 1<<64 is 0, and 0-1 all ones
	ok := make([]uint64, n)
	for i := range ok {
		ok[i] = all &^ (1 << i)
	}
	for _, w := range cl.weak {
		i, j := at[w[0]], at[w[1]]
		ok[i] &^= 1 << j
		ok[j] &^= 1 << i
	}
	var out []uint64
	// Bron–Kerbosch with a pivot: r the clique so far, p the claims that
	// may extend it, x those that may but were tried already.
	var grow func(r, p, x uint64) bool
	grow = func(r, p, x uint64) bool {
		if p == 0 && x == 0 {
			out = append(out, r)
			return len(out) <= maxSplitParts
		}
		pivot := bits.TrailingZeros64(p | x)
		for rest := p &^ ok[pivot]; rest != 0; rest &= rest - 1 {
			v := bits.TrailingZeros64(rest)
			if !grow(r|1<<v, p&ok[v], x&ok[v]) {
				return false
			}
			p &^= 1 << v
			x |= 1 << v
		}
		return true
	}
	if !grow(0, all, 0) {
		return append(dst, cl.claims)
	}
	// The cliques in the order of their claims (a lower first claim, then
	// a lower second, …): the order of the sets' bits reversed.
	sortCliques(out)
	// A part of one document's claims says nothing across outlets; each
	// of its claims is also in a part with the claim that brought it in
	// (a pair that joins is never weak). Should one not be, the cluster
	// stays whole rather than lose it.
	parts := slices.Grow(dst, len(out))
	covered := uint64(0)
	for _, set := range out {
		part := make([]*claimFeatures, 0, bits.OnesCount64(set))
		docs := 0
		for s := set; s != 0; s &= s - 1 {
			c := cl.claims[bits.TrailingZeros64(s)]
			if len(part) > 0 && c.doc != part[0].doc {
				docs = 2
			}
			part = append(part, c)
		}
		if docs == 2 {
			parts = append(parts, part)
			covered |= set
		}
	}
	if covered != all {
		return append(dst, cl.claims)
	}
	return parts
}

// sortCliques orders sets of claim positions by their members, lowest
// first: {0, 2} before {1, 2}, {0, 1} before {0, 2}.
func sortCliques(sets []uint64) {
	less := func(a, b uint64) bool {
		for a != 0 && b != 0 {
			x, y := bits.TrailingZeros64(a), bits.TrailingZeros64(b)
			if x != y {
				return x < y
			}
			a &= a - 1
			b &= b - 1
		}
		return a == 0 && b != 0
	}
	for i := 1; i < len(sets); i++ {
		for j := i; j > 0 && less(sets[j], sets[j-1]); j-- {
			sets[j], sets[j-1] = sets[j-1], sets[j]
		}
	}
}

// partEdge is the strongest pair of a part: the strongest of the pairs
// that brought its claims together, or, when none lies within it, its
// claims' best pair scored afresh.
func partEdge(cl *cluster, part []*claimFeatures, memo *nameMemo) edge {
	if len(part) == len(cl.claims) {
		return cl.best
	}
	in := func(c *claimFeatures) bool { return slices.Contains(part, c) }
	best, found := cl.strongestJoin(func(e *edge) bool { return in(e.a) && in(e.b) })
	if found {
		return best
	}
	for i, x := range part {
		for _, y := range part[i+1:] {
			if x.doc == y.doc {
				continue
			}
			e := edge{x, y, x.v.score(x, y, memo, true)}
			if !found || edgeCmp(&e, &best) < 0 {
				best, found = e, true
			}
		}
	}
	return best
}

// partMembership corrects what membership says of the members of a part of
// a cluster: the claim each was aligned with and its mean score are read
// within the part, as the cluster's are read within the cluster. A claim
// the part holds by no pair of its own (it came in with a claim the part
// leaves out) shows the best it scores with the part's claims of other
// documents instead.
func partMembership(ms []Member, feats [][]*claimFeatures, ns []node, cl *cluster, memo *nameMemo) {
	inPart := func(c *claimFeatures) bool { return slices.Contains(ns, node{c.doc, c.idx}) }
	for k, n := range ns {
		cf := feats[n.doc][n.idx]
		if cf.group.cl == nil {
			continue // a repeat: appendMembership says which claim it repeats
		}
		joined, found := cl.strongestJoin(func(e *edge) bool { return (e.a == cf || e.b == cf) && inPart(e.a) && inPart(e.b) })
		sum, cnt := 0.0, 0
		var best *claimFeatures
		bestV := -1.0
		for _, o := range ns {
			of := feats[o.doc][o.idx]
			if o.doc == n.doc || of.group.cl == nil {
				continue
			}
			v := value(cf, of, memo)
			sum += v
			cnt++
			if v > bestV {
				best, bestV = of, v
			}
		}
		if found {
			other := joined.a
			if other == cf {
				other = joined.b
			}
			ms[k].With, ms[k].Score = other.claim.ID, joined.s.Value
		} else if best != nil {
			ms[k].With, ms[k].Score = best.claim.ID, round3(bestV)
		}
		if cnt > 0 {
			ms[k].Mean = round3(sum / float64(cnt))
		}
	}
}

// strongestJoin returns the strongest of the cluster's joining pairs that
// keep accepts, in edgeOrder, and whether there is one.
func (cl *cluster) strongestJoin(keep func(*edge) bool) (edge, bool) {
	var best edge
	found := false
	for i := range cl.joins {
		if e := &cl.joins[i]; keep(e) && (!found || edgeCmp(e, &best) < 0) {
			best, found = *e, true
		}
	}
	return best, found
}
