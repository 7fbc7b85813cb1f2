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
	var sides []side
	for i, d := range docs {
		if d.Headline == nil {
			continue
		}
		sides = append(sides, side{doc: i, claims: []*extract.Claim{d.Headline}, feats: []*claimFeatures{cfg.withSemantic(prepare(cfg.table, i, -1, d.Headline))}}) // withSemantic: embed.go
	}
	if len(sides) < 2 {
		return nil
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
	var best edge
	partner := make([]edge, len(sides))
	for x := range sides {
		for y := x + 1; y < len(sides); y++ {
			e := edge{sides[x].feats[0], sides[y].feats[0], score(sides[x].feats[0], sides[y].feats[0], cfg.names)}
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
	g := &Group{ID: "h1", Role: extract.RoleHeadline, Score: best.s.Value}
	for k, sd := range sides {
		id := sd.claims[0].ID
		g.Claims = append(g.Claims, id)
		m := Member{Claim: id, With: partner[k].b.claim.ID, Score: partner[k].s.Value}
		if m.With == id {
			m.With = partner[k].a.claim.ID
		}
		g.Evidence.Members = append(g.Evidence.Members, m)
	}
	ev := evidenceOf(best)
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
