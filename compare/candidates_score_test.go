package compare

import (
	"fmt"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestScoreFromIsLexical checks that the candidate search's score by
// position (scoreFrom) is the merge's (vocab.lexical without evidence)
// bit for bit, value, containment and facts, for every pair of claims of
// two kinds of events: generated ones, and documents with spelling
// variants and hyphenated words, so that near spellings and names are
// matched too; and the development events when they are present.
func TestScoreFromIsLexical(t *testing.T) {
	events := [][]*extract.Document{parallelDocs(3, 20), variantDocs()}
	if !testing.Short() {
		events = append(events, devEvents(t)...)
	}
	pairs := 0
	for e, docs := range events {
		cfg := newConfig(nil)
		cfg.table = acquireTable()
		feats, v := features(docs, cfg)
		if v.names != nil {
			t.Fatal("the default matcher searches name variants: scoreFrom does not apply")
		}
		s := newPairScorer(v)
		for i := range feats {
			for _, a := range feats[i] {
				s.lookingUp(a)
				for j := range feats {
					if j == i {
						continue
					}
					for _, b := range feats[j] {
						got, want := s.scoreFrom(a, b), v.lexical(a, b, nil, false)
						if got.Value != want.Value || got.Containment != want.Containment || got.facts != want.facts {
							t.Errorf("event %d, %s / %s: scoreFrom %v %v %d, lexical %v %v %d", e, a.claim.ID, b.claim.ID,
								got.Value, got.Containment, got.facts, want.Value, want.Containment, want.facts)
						}
						if want.Value > 0 {
							pairs++
						}
					}
				}
				s.doneWith(a)
			}
		}
		for id, p := range s.aPos {
			if p != -1 {
				t.Fatalf("event %d: aPos[%d] = %d after doneWith", e, id, p)
			}
		}
		cfg.table.release()
	}
	if pairs == 0 {
		t.Fatal("no pair shares a feature: the test checks nothing")
	}
}

// variantDocs are three short articles that spell names and words in
// different ways (Qaddafi / Gaddafi, judgement / judgment) and write
// compounds hyphenated or closed up.
func variantDocs() []*extract.Document {
	texts := []string{
		"Muammar Qaddafi's forces shelled the port on Monday, officials said. The judgement of the court was read out in Tripoli. A re-election campaign began in the capital.",
		"Gaddafi's troops fired on the harbour on Monday, according to officials. The court's judgment was announced in Tripoli. The reelection campaign started in the capital.",
		"Forces loyal to Muammar Gadhafi attacked the port, officials said on Monday. Judges in Tripoli read their judgement. A long-term re-election push began.",
	}
	docs := make([]*extract.Document, len(texts))
	for i, text := range texts {
		docs[i] = extract.Extract(text, extract.WithOutlet(fmt.Sprintf("outlet%d", i+1)))
	}
	return docs
}
