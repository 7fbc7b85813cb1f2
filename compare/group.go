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

// buildGroups turns the aligned pairs into groups of claims that say the
// same thing (see cohesive), adds repeats to their original's group, and
// makes a "related" group of each weak pair whose claims align nowhere.
func buildGroups(docs []*extract.Document, feats [][]*claimFeatures, edges [][]edge, related []edge, cfg *config) []Group {
	type pending struct {
		ns      []node
		e       edge
		joined  map[node]edge // the pair that brought each claim in
		means   map[node]float64
		related bool
	}
	var ps []pending
	inGroup := map[node]bool{}
	for _, cl := range cohesive(edges, cfg) {
		p := pending{e: cl.best, joined: map[node]edge{}, means: map[node]float64{}}
		for _, c := range cl.claims {
			n := node{c.doc, c.idx}
			p.ns = append(p.ns, n)
			p.joined[n] = cl.joined[c]
			if m, ok := cl.mean(c); ok {
				p.means[n] = m
			}
			inGroup[n] = true
		}
		ps = append(ps, p)
	}
	// Repeats follow their original.
	where := map[node]int{}
	for pi, p := range ps {
		for _, n := range p.ns {
			where[n] = pi
		}
	}
	for di, d := range docs {
		byID := map[string]int{}
		for ci, c := range d.Claims {
			byID[c.ID] = ci
		}
		for ci, c := range d.Claims {
			if c.RepeatOf == "" {
				continue
			}
			if pi, ok := where[node{di, byID[c.RepeatOf]}]; ok {
				n := node{di, ci}
				ps[pi].ns = append(ps[pi].ns, n)
				inGroup[n] = true
			}
		}
	}
	for _, p := range ps {
		sort.Slice(p.ns, func(i, j int) bool { return less(p.ns[i], p.ns[j]) })
	}
	for _, e := range related {
		a, b := node{e.a.doc, e.a.idx}, node{e.b.doc, e.b.idx}
		if inGroup[a] || inGroup[b] {
			continue
		}
		ps = append(ps, pending{[]node{a, b}, e, map[node]edge{a: e, b: e}, map[node]float64{a: e.s.Value, b: e.s.Value}, true})
	}
	sort.SliceStable(ps, func(i, j int) bool { return less(ps[i].ns[0], ps[j].ns[0]) })
	// Differences are the costly part of a large event: one core per group.
	diffs := make([][]Difference, len(ps))
	each(len(ps), large(feats), func(i int) { diffs[i] = differences(docs, feats, ps[i].ns, cfg.names) })
	out := make([]Group, 0, len(ps))
	for gi, p := range ps {
		g := Group{ID: "g" + strconv.Itoa(gi+1), Score: p.e.s.Value}
		for _, n := range p.ns {
			g.Claims = append(g.Claims, docs[n.doc].Claims[n.idx].ID)
		}
		g.Evidence = evidenceOf(p.e.withEvidence())
		g.Evidence.Members = membership(docs, p.ns, p.joined, p.means)
		// Related claims are not the same claim, but how they differ is
		// still worth showing; only the verdict stays "related".
		g.Differences = diffs[gi]
		g.Verdict = verdict(g.Differences)
		if p.related {
			g.Verdict = VerdictRelated
		}
		out = append(out, g)
	}
	return out
}

// evidenceOf is the evidence of a group's strongest pair. Shared lists
// everything the pair shares, as the contract shows it; Names, Numbers and
// Dates repeat those parts by kind.
func evidenceOf(e edge) Evidence {
	if e.s.pairEvidence == nil {
		e.s.pairEvidence = &pairEvidence{}
	}
	all := append(append(append(append([]string{}, e.s.Names...), e.s.Shared...), e.s.Numbers...), e.s.Dates...)
	ev := Evidence{
		Pair:   [2]string{e.a.claim.ID, e.b.claim.ID},
		Shared: all, Names: e.s.Names, Numbers: e.s.Numbers, Dates: e.s.Dates,
		Variants: e.s.Variants, Containment: e.s.Containment,
	}
	e.s.addSemantic(&ev) // lexical and semantic parts, with an Embedder (embed.go)
	return ev
}

// membership explains why each claim of a group is in it: the claim it was
// aligned with and that pair's score (or the claim it repeats), and its mean
// score with the group's claims from other documents (cohesive keeps the
// sums; repeats have none).
func membership(docs []*extract.Document, ns []node, joined map[node]edge, means map[node]float64) []Member {
	out := make([]Member, 0, len(ns))
	for _, n := range ns {
		c := &docs[n.doc].Claims[n.idx]
		m := Member{Claim: c.ID}
		if e, ok := joined[n]; ok {
			m.With, m.Score = e.b.claim.ID, e.s.Value
			if e.b.doc == n.doc && e.b.idx == n.idx {
				m.With = e.a.claim.ID
			}
		} else if c.RepeatOf != "" {
			m.With = c.RepeatOf
		}
		if v, ok := means[n]; ok {
			m.Mean = round3(v)
		}
		out = append(out, m)
	}
	return out
}
