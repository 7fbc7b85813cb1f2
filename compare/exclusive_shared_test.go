package compare

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestExclusiveShared: exclusive_shared is the weight two claims share in
// features each document holding them holds in one claim only, over the
// smaller claim's weight; a feature a second claim of one document also
// holds (the story's common word) does not count. The model reads it, and
// a pair that shares one fact beyond names is asked about only when that
// fact is such a feature.
func TestExclusiveShared(t *testing.T) {
	v := &vocab{keys: []featKey{{kindEntity, "alpha"}, {kindWord, "letter"}, {kindWord, "priest"}, {kindWord, "sign"}}}
	claim := func(doc, idx int, ids []int32, weights []float64) *claimFeatures {
		cf := &claimFeatures{doc: doc, idx: idx, ids: ids, weights: weights, v: v, claim: &extract.Claim{ID: fmt.Sprintf("d%d.c%d", doc+1, idx+1)}}
		for _, w := range weights {
			cf.total += w
		}
		return cf
	}
	a := claim(0, 0, []int32{0, 1, 2}, []float64{1, 0.5, 1.5})
	b := claim(1, 0, []int32{0, 2, 3}, []float64{1, 2, 1})
	// A second claim of a's document says alpha; a third document's
	// claim says priest, once.
	second := claim(0, 1, []int32{0, 3}, []float64{1, 1})
	third := claim(2, 0, []int32{2}, []float64{1})
	feats := [][]*claimFeatures{{a, second}, {b}, {third}}
	share, facts := exclusiveShared(a, b, onceEachDocument(feats, v))
	if want := 1.5 / 3; math.Abs(share-want) > 1e-12 || facts != 1 {
		t.Errorf("exclusiveShared = %v, %d; want %v, 1", share, facts, want)
	}
	// Priest said twice in the third document leaves nothing exclusive.
	feats[2] = append(feats[2], claim(2, 1, []int32{2}, []float64{1}))
	if share, facts := exclusiveShared(a, b, onceEachDocument(feats, v)); share != 0 || facts != 0 {
		t.Errorf("with priest said twice in d3: exclusiveShared = %v, %d; want 0, 0", share, facts)
	}

	i := slices.Index(bandFeatureNames, "exclusive_shared")
	if i < 0 {
		t.Fatal("exclusive_shared is not an input of the band model")
	}
	if x := bandFeatures(bandPair{exclusive: 0.5}); x[i] != 0.5 {
		t.Errorf("input %d is %v, want 0.5", i, x[i])
	}

	// The gate: one shared fact, exclusive or not.
	cfg := newConfig(nil)
	asked := 0
	cfg.bandSeen = func(a, b *claimFeatures, x [nBand]float64) { asked++ }
	var buf runIndex
	e := cand{a: a, b: b, value: 0.3, facts: 1}
	for _, c := range []struct {
		exclFacts int
		want      int
	}{{0, 0}, {1, 1}} {
		asked = 0
		cfg.bandAligns(e, bandPair{value: 0.3, facts: 1, exclusiveFacts: c.exclFacts, nA: 2, nB: 2}, &buf)
		if asked != c.want {
			t.Errorf("one shared fact, %d of it exclusive: asked %d times, want %d", c.exclFacts, asked, c.want)
		}
	}
}

// TestExclusiveSharedInAlign: align gives the band model exclusive_shared
// as the comparison's counts make it. The synthetic story says its words
// in many claims; two claims the model is asked about are then given a
// word of their own.
func TestExclusiveSharedInAlign(t *testing.T) {
	i := slices.Index(bandFeatureNames, "exclusive_shared")
	if i < 0 {
		t.Fatal("exclusive_shared is not an input of the band model")
	}
	type seen struct {
		a, b [2]int // document and index
		x    float64
	}
	run := func(docs []*extract.Document) []seen {
		cfg := newConfig(nil)
		cfg.table = acquireTable()
		defer cfg.table.release()
		var asked []seen
		var feats [][]*claimFeatures
		var claimsOf []bool
		cfg.bandSeen = func(a, b *claimFeatures, x [nBand]float64) {
			if claimsOf == nil {
				claimsOf = onceEachDocument(feats, a.v)
			}
			if want, _ := exclusiveShared(a, b, claimsOf); x[i] != want {
				t.Errorf("%s / %s: exclusive_shared %v, want %v", a.claim.ID, b.claim.ID, x[i], want)
			}
			asked = append(asked, seen{[2]int{a.doc, a.idx}, [2]int{b.doc, b.idx}, x[i]})
		}
		feats, v := features(docs, cfg)
		align(feats, v, cfg, nil)
		return asked
	}
	docs := parallelDocs(2, 40)
	asked := run(docs)
	if len(asked) == 0 {
		t.Fatal("the band model was asked about no pair")
	}
	// The same documents, the last (lowest) pair asked about sharing a word no
	// other claim says.
	a, b := asked[len(asked)-1].a, asked[len(asked)-1].b
	redo := make([]*extract.Document, len(docs))
	for d, doc := range docs {
		var text strings.Builder
		for k, c := range doc.Claims {
			s := c.Text
			if [2]int{d, k} == a || [2]int{d, k} == b {
				s = strings.TrimSuffix(s, ".") + " near the quarry."
			}
			text.WriteString(s + "\n\n")
		}
		redo[d] = extract.Extract(text.String(), extract.WithOutlet(fmt.Sprintf("outlet %c", 'A'+d)))
	}
	asked = run(redo)
	some := false
	for _, s := range asked {
		some = some || s.x > 0
	}
	if !some {
		t.Error("no pair asked about has an exclusive shared feature")
	}
}

// TestBandAnswersReadOnlyWhereRead checks the short cut of align that
// asks the band model nothing for a pair its answers cannot link
// (mayLink) against the plain rule, every band pair decided: a bandSeen
// hook that does nothing makes align decide them all.
func TestBandAnswersReadOnlyWhereRead(t *testing.T) {
	band := 0
	every := optionFunc(func(c *config) { c.bandSeen = func(a, b *claimFeatures, x [nBand]float64) { band++ } })
	sameReports(t, shortCutEvents(t), every, "when every band pair is decided")
	if band == 0 {
		t.Fatal("no pair in the band model's band: the test checks nothing")
	}
}

// shortCutEvents are the events the tests of a short cut compare on:
// generated ones, and the development events when they are present.
func shortCutEvents(t *testing.T) [][]*extract.Document {
	events := [][]*extract.Document{parallelDocs(3, 40), parallelDocs(4, 25), variantDocs()}
	if !testing.Short() {
		events = append(events, devEvents(t)...)
	}
	return events
}

// sameReports fails t for each event whose report with opt (a hook that
// turns a short cut off) is not the same bytes as its report without.
func sameReports(t *testing.T, events [][]*extract.Document, opt Option, what string) {
	t.Helper()
	for e, docs := range events {
		var with, without bytes.Buffer
		if err := Compare(docs, opt).WriteJSON(&with); err != nil {
			t.Fatal(err)
		}
		if err := Compare(docs).WriteJSON(&without); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(with.Bytes(), without.Bytes()) {
			t.Errorf("event %d: the report differs %s", e, what)
		}
	}
}
