package compare

import (
	"sort"
	"strconv"

	"github.com/claimdiff/claimdiff/extract"
)

// node identifies a claim by document and claim index.
type node struct{ doc, idx int }

func less(a, b node) bool {
	if a.doc != b.doc {
		return a.doc < b.doc
	}
	return a.idx < b.idx
}

// buildGroups joins aligned pairs into groups across all documents
// (connected components), adds repeats to their original's group, and
// makes a "related" group of each weak pair whose claims align nowhere.
func buildGroups(docs []*extract.Document, feats [][]*claimFeatures, edges, related []edge, cfg *config) []Group {
	parent := map[node]node{}
	var find func(n node) node
	find = func(n node) node {
		p, ok := parent[n]
		if !ok || p == n {
			return n
		}
		r := find(p)
		parent[n] = r
		return r
	}
	union := func(a, b node) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if less(rb, ra) {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	inGroup := map[node]bool{}
	for _, e := range edges {
		a, b := node{e.a.doc, e.a.idx}, node{e.b.doc, e.b.idx}
		parent[a], parent[b] = find(a), find(b)
		union(a, b)
		inGroup[a], inGroup[b] = true, true
	}
	// Repeats follow their original.
	for di, d := range docs {
		byID := map[string]int{}
		for ci, c := range d.Claims {
			byID[c.ID] = ci
		}
		for ci, c := range d.Claims {
			if c.RepeatOf == "" {
				continue
			}
			orig := node{di, byID[c.RepeatOf]}
			if inGroup[orig] {
				n := node{di, ci}
				parent[n] = find(n)
				union(orig, n)
				inGroup[n] = true
			}
		}
	}
	members := map[node][]node{}
	for n := range inGroup {
		r := find(n)
		members[r] = append(members[r], n)
	}
	best := map[node]edge{}
	for _, e := range edges {
		r := find(node{e.a.doc, e.a.idx})
		if b, ok := best[r]; !ok || e.s.Value > b.s.Value {
			best[r] = e
		}
	}
	var roots []node
	for r := range members {
		roots = append(roots, r)
	}
	sort.Slice(roots, func(i, j int) bool { return less(roots[i], roots[j]) })
	type pending struct {
		ns      []node
		e       edge
		related bool
	}
	var ps []pending
	for _, r := range roots {
		ns := members[r]
		sort.Slice(ns, func(i, j int) bool { return less(ns[i], ns[j]) })
		ps = append(ps, pending{ns, best[r], false})
	}
	for _, e := range related {
		a, b := node{e.a.doc, e.a.idx}, node{e.b.doc, e.b.idx}
		if inGroup[a] || inGroup[b] {
			continue
		}
		ps = append(ps, pending{[]node{a, b}, e, true})
	}
	sort.SliceStable(ps, func(i, j int) bool { return less(ps[i].ns[0], ps[j].ns[0]) })
	out := make([]Group, 0, len(ps))
	for gi, p := range ps {
		g := Group{ID: "g" + strconv.Itoa(gi+1), Score: p.e.s.Value}
		for _, n := range p.ns {
			g.Claims = append(g.Claims, docs[n.doc].Claims[n.idx].ID)
		}
		// Shared lists everything the pair shares, as the contract shows it;
		// Names, Numbers and Dates repeat those parts by kind.
		all := append(append(append(append([]string{}, p.e.s.Names...), p.e.s.Shared...), p.e.s.Numbers...), p.e.s.Dates...)
		g.Evidence = Evidence{
			Pair:   [2]string{p.e.a.claim.ID, p.e.b.claim.ID},
			Shared: all, Names: p.e.s.Names, Numbers: p.e.s.Numbers, Dates: p.e.s.Dates,
			Variants: p.e.s.Variants, Containment: p.e.s.Containment,
		}
		// Related claims are not the same claim, but how they differ is
		// still worth showing; only the verdict stays "related".
		g.Differences = differences(docs, feats, p.ns, cfg.names)
		g.Verdict = verdict(g.Differences)
		if p.related {
			g.Verdict = VerdictRelated
		}
		out = append(out, g)
	}
	return out
}
