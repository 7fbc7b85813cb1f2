package compare

import "github.com/claimdiff/claimdiff/extract"

// headlineGroup compares the headlines of the documents (extract's
// Document.Headline) as one group with Role "headline" and id "h1", apart
// from the body's claims: a headline is often the most framed sentence of
// an article, and every outlet's headline about one event speaks to the
// same story. Its score and evidence come from the best pair of headlines;
// below the threshold its verdict is "related" (and there is no group when
// related groups are off). Nil when fewer than two documents have a
// headline.
func headlineGroup(docs []*extract.Document, cfg *config) *Group {
	n := 0
	for _, d := range docs {
		if d.Headline != nil {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	// Each side's one claim and features, carved from one list each.
	sides := make([]side, 0, n)
	heads, feats := make([]*extract.Claim, n), make([]*claimFeatures, n)
	for i, d := range docs {
		if d.Headline == nil {
			continue
		}
		k := len(sides)
		heads[k], feats[k] = d.Headline, cfg.withSemantic(prepare(cfg.table, i, -1, d.Headline)) // withSemantic: embed.go
		sides = append(sides, side{doc: i, claims: heads[k : k+1 : k+1], feats: feats[k : k+1 : k+1]})
	}
	// The headlines numbered together once, not again for every pair
	// (lexicalScore): a pair's score is the same in either vocabulary,
	// since a score reads the two claims' features in key order and the
	// spelling neighbours that the other claim holds.
	all := make([][]*claimFeatures, len(sides))
	for k := range sides {
		all[k] = sides[k].feats
	}
	intern(cfg.table, all, cfg.names)
	for _, sd := range sides {
		finish(sd.feats[0])
	}
	// Only the best pair's evidence is read: the pairs are scored
	// without theirs, and it is worked out once (withEvidence).
	var best edge
	partner := make([]edge, len(sides))
	for x := range sides {
		for y := x + 1; y < len(sides); y++ {
			a, b := sides[x].feats[0], sides[y].feats[0]
			e := edge{a, b, pairValue(a, b, cfg.names)}
			if best.a == nil || e.s.Value > best.s.Value {
				best = e
			}
			for _, k := range []int{x, y} {
				if partner[k].a == nil || e.s.Value > partner[k].s.Value {
					partner[k] = e
				}
			}
		}
	}
	best = best.withEvidence()
	g := &Group{ID: "h1", Role: extract.RoleHeadline, Score: best.s.Value, Claims: make([]string, 0, len(sides))}
	g.Evidence.Members = make([]Member, 0, len(sides))
	for k, sd := range sides {
		id := sd.claims[0].ID
		g.Claims = append(g.Claims, id)
		m := Member{Claim: id, With: partner[k].b.claim.ID, Score: partner[k].s.Value}
		if m.With == id {
			m.With = partner[k].a.claim.ID
		}
		g.Evidence.Members = append(g.Evidence.Members, m)
	}
	ev := evidenceOf(best, nil)
	ev.Members = g.Evidence.Members
	g.Evidence = ev
	g.Differences = sideDifferences(sides, cfg.names)
	g.Verdict = verdict(g.Differences)
	if best.s.Value < cfg.threshold {
		if cfg.related <= 0 {
			return nil // related groups are off
		}
		g.Verdict = VerdictRelated
	}
	return g
}

// pairValue is score(a, b, names) without its evidence lists when the two
// claims share a vocabulary (with them otherwise): the same value.
func pairValue(a, b *claimFeatures, names func(x, y string) bool) pairScore {
	if a.v != nil && a.v == b.v {
		return a.v.score(a, b, nil, false)
	}
	return score(a, b, names)
}
