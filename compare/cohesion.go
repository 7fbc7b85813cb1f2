package compare

import (
	"cmp"
	"iter"
	"slices"
)

// cohesionShare is the share of the alignment threshold that the mean score
// between the claims a pair would bring together (across documents) must
// reach. Since a cluster's claims that say different things are reported
// in overlapping groups (cluster.parts), the split does most of what this
// rule did, and more precisely: a merge it refuses loses its own true pair
// too. On the 22 fitted BASIL development events, all three models
// refitted each time, in-sample F1 / left one event out: 0.0 0.589 /
// 0.585, 0.15 0.587 / 0.583, 0.2 0.585 / 0.582, 0.25 0.584 / 0.581, 0.3
// 0.570 / 0.570, 0.45 (before) 0.570 / 0.569, 0.6 0.550 / 0.550. 0.2 is
// kept rather than none: a cluster the split leaves whole (over
// maxSplitClaims claims, or more than maxSplitParts parts: large events)
// still keeps out chains. (When it was set, on 14 events and before the
// split, 0.3 / 0.45 / 0.6 gave pair precision 0.54 / 0.56 / 0.61 at recall
// 0.48 / 0.47 / 0.44.)
const cohesionShare = 0.2

// cluster is a group of aligned claims in the making. What it knows of
// each claim — the pair that brought it in, the sum and number of its
// scores with the cluster's claims of other documents — is kept in the
// claim (claimFeatures.group): a claim is in one cluster at a time, and
// three maps per cluster were most of what grouping allocated.
type cluster struct {
	claims []*claimFeatures
	best   edge // its strongest pair
	// joins are the pairs that brought its claims together; weak are the
	// pairs of claims of other documents it holds whose own score is under
	// splitShare of the threshold (parts splits the cluster there).
	joins []edge
	weak  [][2]*claimFeatures
	ver   int // grows with every merge into the cluster
	pos   int // its position among the groups (buildGroups)
}

// groupState is a claim's part in its cluster. Every cross-document pair
// of a cluster is scored once, by the merge that brought the two claims
// together, so a member's mean needs no new scores.
type groupState struct {
	cl     *cluster
	joined edge // the pair that brought the claim in
	sum    float64
	n      int
}

// joins reports whether e is the pair of x and y, either way round.
func (e *edge) joins(x, y *claimFeatures) bool {
	return x == e.a && y == e.b || x == e.b && y == e.a
}

// scoredPair is a pair of claims with its score.
type scoredPair struct {
	x, y *claimFeatures
	v    float64
}

// mean is a claim's mean score with its cluster's claims of other
// documents.
func (c *claimFeatures) mean() (float64, bool) {
	if c.group.n == 0 {
		return 0, false
	}
	return c.group.sum / float64(c.group.n), true
}

// cohesive groups the aligned pairs into claims that say the same thing,
// not chains: pairs are taken from the best score down, and a pair that
// would join two groups is kept only when the claims it brings together
// match each other across documents well enough on average (A~B and B~C
// does not make A~C). Clusters come back in the order they were formed,
// each with its claims in document order. apart holds the aligned pairs
// whose merge was refused (not cohesive, or crowded), in the order taken:
// the chain is refused, not the pair, which buildGroups reports as a
// group of its own.
//
// runs holds the aligned pairs, each run sorted in edgeOrder (align sorts
// one run per worker, in parallel); they are merged here.
func cohesive(runs [][]edge, cfg *config) ([]*cluster, []edge) {
	var all []*cluster
	var apart []edge
	var memo nameMemo
	var pairs []scoredPair
	var count []int32
	var old []groupState
	// A merge found not cohesive stays so until one side grows: every
	// other edge between the same two groups (a large event has many)
	// is then refused without scoring again.
	type mergeSide struct {
		cl    *cluster
		claim *claimFeatures
		ver   int
	}
	refused := map[[2]mergeSide]bool{}
	sc := &cfg.table.sc // where clusters are made
	for e := range merged(runs) {
		ca, cb := e.a.group.cl, e.b.group.cl
		switch {
		case ca == nil && cb == nil:
			cl := newCluster(sc, e)
			e.a.group = groupState{cl: cl, joined: e, sum: e.s.Value, n: 1}
			e.b.group = groupState{cl: cl, joined: e, sum: e.s.Value, n: 1}
			all = append(all, cl)
			continue
		case ca == cb:
			continue
		}
		into, from, newcomer := ca, cb, e.b
		if ca == nil {
			into, from, newcomer = cb, nil, e.a
		} else if cb == nil {
			from = nil
		}
		incoming := []*claimFeatures{newcomer}
		other := mergeSide{claim: newcomer}
		if from != nil {
			incoming = from.claims
			other = mergeSide{cl: from, ver: from.ver}
		}
		key := [2]mergeSide{{cl: into, ver: into.ver}, other}
		// A refused pair is kept for buildGroups only when its newcomer is
		// in no cluster yet: a claim never leaves its cluster, so a pair of
		// two clustered claims would be dropped there (a 200-article event
		// refused some hundred thousand such pairs, 25 MB kept to no end).
		refuse := func() {
			refused[key] = true
			if from == nil {
				apart = append(apart, e)
			}
		}
		if refused[key] {
			refuse()
			continue
		}
		if crowded(into.claims, incoming, &count) {
			refuse()
			continue
		}
		// Every cross-document pair the merge would create, besides e.
		pairs = pairs[:0]
		sum := 0.0
		for _, x := range into.claims {
			for _, y := range incoming {
				if x.doc == y.doc {
					continue
				}
				if e.joins(x, y) {
					pairs = append(pairs, scoredPair{x, y, e.s.Value})
					continue
				}
				v := value(x, y, &memo)
				pairs = append(pairs, scoredPair{x, y, v})
				sum += v
			}
		}
		if n := len(pairs) - 1; n > 0 && sum/float64(n) < cohesionShare*cfg.threshold {
			refuse()
			continue
		}
		into.ver++
		into.joins = appendIn(&sc.edg, into.joins, e)
		for _, p := range pairs {
			if p.v < splitShare*cfg.threshold && !e.joins(p.x, p.y) {
				into.weak = appendIn(&sc.wk, into.weak, [2]*claimFeatures{p.x, p.y})
			}
		}
		// An incoming claim's sum is its new pairs' scores added up from
		// zero, then what it had in its old cluster: in that order, so
		// that the sum is the same number however it is kept.
		old = old[:0]
		for _, c := range incoming {
			old = append(old, c.group)
			c.group.sum, c.group.n = 0, 0
		}
		for _, p := range pairs {
			p.x.group.sum += p.v
			p.x.group.n++
			p.y.group.sum += p.v
			p.y.group.n++
		}
		for k, c := range incoming {
			c.group.cl = into
			if from != nil {
				c.group.sum += old[k].sum
				c.group.n += old[k].n
			} else {
				c.group.joined = e
			}
		}
		into.claims = appendIn(&sc.cfp, into.claims, incoming...)
		if from != nil {
			if from.best.s.Value > into.best.s.Value {
				into.best = from.best
			}
			into.joins = appendIn(&sc.edg, into.joins, from.joins...)
			into.weak = appendIn(&sc.wk, into.weak, from.weak...)
			from.claims, from.joins, from.weak = nil, nil, nil
		}
	}
	out := all[:0]
	for _, cl := range all {
		if len(cl.claims) > 0 {
			// Distinct claims: any sort gives this order; slices'
			// allocates no swapper.
			slices.SortFunc(cl.claims, func(a, b *claimFeatures) int {
				if a.doc != b.doc {
					return cmp.Compare(a.doc, b.doc)
				}
				return cmp.Compare(a.idx, b.idx)
			})
			out = append(out, cl)
		}
	}
	return out, apart
}

// newCluster returns a cluster of the pair e alone, made in sc: an
// event forms tens of clusters, a large one thousands, and the table's
// scratch is kept from one to the next.
func newCluster(sc *scratch, e edge) *cluster {
	cl := &sc.cls.take(1)[0]
	cl.claims = sc.cfp.take(2)
	cl.claims[0], cl.claims[1] = e.a, e.b
	cl.joins = sc.edg.take(1)
	cl.joins[0] = e
	cl.best = e
	return cl
}

// appendIn appends vs to list, moving it first, when it is full, to a
// slice of s twice as large: a cluster's lists grow with every merge
// into it, and the slab is kept from one comparison to the next.
func appendIn[T any](s *slab[T], list []T, vs ...T) []T {
	if len(list)+len(vs) > cap(list) {
		grown := s.take(max(2*cap(list), len(list)+len(vs)))[:len(list)]
		copy(grown, list)
		list = grown
	}
	return append(list, vs...)
}

// edgeOrder is the order in which cohesive takes the aligned pairs: best
// score first. The order is total (no two edges join the same two
// claims), so an unstable sort gives the same order as a stable one, and
// runs sorted apart merge into the one order.
func edgeOrder(x, y edge) int { return edgeCmp(&x, &y) }

func edgeCmp(x, y *edge) int {
	if x.s.Value != y.s.Value {
		return cmp.Compare(y.s.Value, x.s.Value)
	}
	if x.a.doc != y.a.doc {
		return cmp.Compare(x.a.doc, y.a.doc)
	}
	if x.a.idx != y.a.idx {
		return cmp.Compare(x.a.idx, y.a.idx)
	}
	if x.b.doc != y.b.doc {
		return cmp.Compare(x.b.doc, y.b.doc)
	}
	return cmp.Compare(x.b.idx, y.b.idx)
}

// merged yields the edges of runs sorted in edgeOrder, in that order,
// without making the merged list (a large event has hundreds of thousands
// of edges): the next edge is the least of the runs' heads, and there are
// as many runs as workers, a few.
func merged(runs [][]edge) iter.Seq[edge] {
	return func(yield func(edge) bool) {
		pos := make([]int, len(runs))
		for {
			best := -1
			for i, r := range runs {
				if pos[i] < len(r) && (best < 0 || edgeCmp(&r[pos[i]], &runs[best][pos[best]]) < 0) {
					best = i
				}
			}
			if best < 0 || !yield(runs[best][pos[best]]) {
				return
			}
			pos[best]++
		}
	}
}

// maxPerDoc is how many claims of one document a group may hold (repeats
// of a grouped claim aside, which join later): a sentence split in two, or
// three, by one outlet and told in one by another. A merge that would put
// more in one group joins a topic, not a claim ("the investigation into
// the 2016 election" in every paragraph of a long article). On the 14
// BASIL development events capping at 3 raised pair precision from 0.631
// to 0.655 at the same recall (2: 0.667, recall 0.509 → 0.481); all of
// that gain is one event, the other 13 group the same with or without
// the cap, so the figure says little beyond that the cap costs nothing.
const maxPerDoc = 3

// crowded reports whether the claims of a and b together hold more than
// maxPerDoc claims of one document. count is scratch space, a count per
// document, all zero between calls (a group of a large event has hundreds
// of claims, and a map per merge was a sixth of cohesive's time).
func crowded(a, b []*claimFeatures, count *[]int32) bool {
	if len(a)+len(b) <= maxPerDoc {
		return false
	}
	over := false
	n := *count
	for _, cs := range [2][]*claimFeatures{a, b} {
		for _, c := range cs {
			if c.doc >= len(n) {
				n = append(n, make([]int32, c.doc+1-len(n))...)
				*count = n
			}
			n[c.doc]++
			if n[c.doc] > maxPerDoc {
				over = true
			}
		}
	}
	for _, cs := range [2][]*claimFeatures{a, b} {
		for _, c := range cs {
			n[c.doc] = 0
		}
	}
	return over
}
