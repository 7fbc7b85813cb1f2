package compare

import (
	"flag"
	"fmt"
	"sort"
	"sync"
	"testing"
)

var fitUnique = flag.Bool("fit-unique", false, "refit the omission model on the BASIL development gold and rewrite unique_model.json")

// Settings of the omission model's fit: full-batch gradient descent on
// standardized inputs from zero weights (deterministic), L2 as the band
// model's.
const (
	uniqueFitIters = 3000
	uniqueFitRate  = 0.5
	uniqueFitL2    = 0.01
	// uniqueMinRecall is the unique recall a cut must keep on the events
	// it is chosen on: the floor (0.85) with a margin, so that the
	// held-out figure stays above the floor.
	uniqueMinRecall = 0.88
)

// curveCuts are the cuts at which TestFitUniqueModel also measures the
// model held out with the cut given (OmissionCut) instead of chosen: the
// trade a researcher picks from, as the README and OmissionCut's doc give
// it.
var curveCuts = []float64{0.45, 0.5, 0.55, 0.6, 0.65, 0.7}

// uniqueCuts are the probability cuts tried.
var uniqueCuts = []float64{0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 2}

// omitEvent is one gold event as the omission model sees it: the claims
// the report calls unique without the model, with their gold sentences,
// the inputs of those the model decides, and the truth.
type omitEvent struct {
	base   basilCounts // the event's counts without the model
	unique []string    // Unique without the model
	sents  map[string][]basilSent
	follow map[string]string // a repeat follows its original's decision
	x      map[string][nUnique]float64
	truth  map[basilSent]bool
}

// omitEvents compares each event once without the model and records what
// the model would read of each unaligned claim, with the band model band
// (nil: the stored one).
func omitEvents(t *testing.T, events []basilEvent, band *alignModel) []omitEvent {
	t.Helper()
	var out []omitEvent
	for _, e := range events {
		docs, in := buildBasilDocs(t, e.ev)
		oe := omitEvent{sents: map[string][]basilSent{}, follow: map[string]string{}, x: map[string][nUnique]float64{}, truth: map[basilSent]bool{}}
		var mu sync.Mutex
		seen := optionFunc(func(c *config) {
			c.band = band
			c.omit = &uniqueModel{Threshold: DefaultThreshold, logistic: logistic{Cut: 2, Mean: make([]float64, nUnique), Scale: ones(nUnique), Weights: make([]float64, nUnique)}}
			c.omitSeen = func(cf *claimFeatures, x [nUnique]float64) {
				mu.Lock()
				oe.x[cf.claim.ID] = x
				mu.Unlock()
			}
		})
		r := Compare(in, seen)
		oe.unique = r.Unique
		for k, d := range r.Documents {
			for _, c := range d.Claims {
				for _, i := range docs[k].sentencesOf(c.Span) {
					oe.sents[c.ID] = append(oe.sents[c.ID], basilSent{basilOutlets[k], i})
				}
				oe.follow[c.ID] = c.ID
				if c.RepeatOf != "" {
					oe.follow[c.ID] = c.RepeatOf
				}
			}
		}
		for _, o := range basilOutlets {
			for _, i := range e.g.Unique[o] {
				oe.truth[basilSent{o, i}] = true
			}
		}
		oe.base = scoreBasilEvent(t, e.g, e.ev, optionFunc(func(c *config) { c.band, c.omitOff = band, true }))
		out = append(out, oe)
	}
	return out
}

// eligible reports whether the model may move a claim with inputs x: it
// has a partner from half the threshold (reviewUnique).
func eligible(x *[nUnique]float64) bool { return x[0] >= uniqueFloorShare*DefaultThreshold }

// samples are the decided claims the model may move (eligible) with their
// label: 1 when one of the claim's sentences is paired in the gold (must
// or may), 0 when all are unique; a claim on no gold sentence is left out.
func (oe omitEvent) samples() (xs [][nUnique]float64, ys []float64) {
	ids := make([]string, 0, len(oe.x))
	for id := range oe.x {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ss := oe.sents[id]
		if x := oe.x[id]; len(ss) == 0 || !eligible(&x) {
			continue
		}
		y := 0.0
		for _, s := range ss {
			if !oe.truth[s] {
				y = 1
			}
		}
		xs = append(xs, oe.x[id])
		ys = append(ys, y)
	}
	return xs, ys
}

// counts are the event's gold counts with the model m (nil: without it),
// computed as scoreBasilEvent counts them: a sentence is said unique when
// a claim on it stays in Unique.
func (oe omitEvent) counts(m *uniqueModel) basilCounts {
	c := oe.base
	said := map[basilSent]bool{}
	for _, id := range oe.unique {
		if x, ok := oe.x[oe.follow[id]]; ok && m != nil && eligible(&x) && m.prob(x[:]) >= m.Cut {
			continue
		}
		for _, s := range oe.sents[id] {
			said[s] = true
		}
	}
	c.uSaid, c.uRight = len(said), 0
	for s := range said {
		if oe.truth[s] {
			c.uRight++
		}
	}
	return c
}

func omitCounts(evs []omitEvent, m *uniqueModel) basilCounts {
	var all basilCounts
	for _, e := range evs {
		all.add(e.counts(m))
	}
	return all
}

// fitUniqueModel fits the omission model to the events' decided claims.
func fitUniqueModel(evs []omitEvent) *uniqueModel {
	var xs [][nUnique]float64
	var ys []float64
	for _, e := range evs {
		x, y := e.samples()
		xs, ys = append(xs, x...), append(ys, y...)
	}
	rows := make([][]float64, len(xs))
	for k := range xs {
		rows[k] = xs[k][:]
	}
	f := fitLogistic(rows, ys, uniqueFitIters, uniqueFitRate, uniqueFitL2)
	return &uniqueModel{Threshold: DefaultThreshold, logistic: logistic{Features: uniqueFeatureNames, Mean: f.mean, Scale: f.scale, Weights: f.weights, Bias: f.bias}}
}

// chooseCut sets m.Cut to the cut of uniqueCuts with the best unique
// precision on evs among those that keep unique recall at least
// uniqueMinRecall (2, never, when none does).
func chooseCut(m *uniqueModel, evs []omitEvent) {
	best, bestP := 2.0, -1.0
	for _, c := range uniqueCuts {
		m.Cut = c
		k := omitCounts(evs, m)
		if k.uniqueR() >= uniqueMinRecall-1e-9 && k.uniqueP() > bestP+1e-9 {
			best, bestP = c, k.uniqueP()
		}
	}
	m.Cut = best
}

// TestFitUniqueModel refits the omission model (unique_model.go) on the
// BASIL development gold and measures it held out, fully: in each fold the
// band model (alignmodel.go) is refitted on the training events too (its
// cuts kept as stored), the claims it leaves unaligned are what the
// omission model is fitted and its cut chosen on (the cut the one with
// the best unique precision there at unique recall uniqueMinRecall or
// more), and the held-out events are compared with both fits. Two schemes:
// leave one event out (one fit per event on all the others; the headline) and two-fold
// cross-fitting over events (alternate events in triplet order). The
// stored model is then fitted on all events with the stored band model.
// The test checks that unique_model.json holds that fit (with -fit-unique
// it rewrites the file instead) and that, held out, unique precision
// rises at unique recall at least 0.85 with pair F1 unchanged.
func TestFitUniqueModel(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("compares 42 real articles some 600 times (6–20 s); run without -short and -race")
	}
	events := loadBasilEvents(t)
	// heldCurve sums, over the leave-one-out folds, the held-out counts at
	// each of curveCuts taken as given rather than chosen (OmissionCut).
	heldCurve := make([]basilCounts, len(curveCuts))
	fold := func(train, test []basilEvent, curve []basilCounts) (with, without basilCounts, cut float64) {
		band := fitBand(bandSamples(t, train))
		band.Cut, band.SecondCut = defaultAlignModel.Cut, defaultAlignModel.SecondCut
		tr := omitEvents(t, train, band)
		m := fitUniqueModel(tr)
		chooseCut(m, tr)
		te := omitEvents(t, test, band)
		with = omitCounts(te, m)
		if curve != nil {
			at := *m
			for k, c := range curveCuts {
				at.Cut = c
				curve[k].add(omitCounts(te, &at))
			}
		}
		return with, omitCounts(te, nil), m.Cut
	}
	var halves [2][]basilEvent
	for i, e := range events {
		halves[i%2] = append(halves[i%2], e)
	}
	var held, heldWithout basilCounts
	for h := range halves {
		k, w, cut := fold(halves[h], halves[1-h], nil)
		t.Logf("fitted on half %d (cut %.2f), half %d held out: %s", h, cut, 1-h, k)
		held.add(k)
		heldWithout.add(w)
	}
	var loo, without basilCounts
	for i := range events {
		rest := append(append([]basilEvent(nil), events[:i]...), events[i+1:]...)
		k, w, _ := fold(rest, events[i:i+1], heldCurve)
		loo.add(k)
		without.add(w)
	}
	t.Logf("leave one event out: %s", loo)
	t.Logf("  without the model: %s", without)
	for k, c := range curveCuts {
		t.Logf("  at the cut %.2f (OmissionCut): %s", c, heldCurve[k])
	}
	t.Logf("two halves:          %s", held)
	t.Logf("  without the model: %s", heldWithout)
	evs := omitEvents(t, events, nil)
	m := fitUniqueModel(evs)
	chooseCut(m, evs)
	all := omitCounts(evs, m)
	t.Logf("fitted on all %d events, cut %.2f: %s", len(events), m.Cut, all)
	for i, f := range m.Features {
		t.Logf("  %-20s %+.3f", f, m.Weights[i])
	}
	if loo.uniqueR() < 0.85 || loo.uniqueP() <= without.uniqueP() || loo.f1() < without.f1()-1e-9 {
		t.Errorf("held out the model does not pay: %s, without it %s", loo, without)
	}
	m.Provenance = fmt.Sprintf("Fitted by TestFitUniqueModel (go test ./compare -run TestFitUniqueModel -fit-unique) at the alignment threshold %.2f "+
		"(the default; the model applies at no other) on the %d BASIL development events with alignment gold (../shared/dev/basil-align-gold, "+
		"testdata/basil-align-gold), each of three outlets (it applies to 2 to %d documents only): logistic regression (L2 %g, %d steps of gradient "+
		"descent on standardized inputs) over the claims the report calls unique without the model that have a partner from half the threshold "+
		"(the only ones it may move); label 1 when one of the claim's sentences is paired in the gold (must or may), 0 when all are unique. Cut: the "+
		"best unique precision at unique recall %.2f or more on the events fitted. Held out, leaving one event out (band model and omission model "+
		"both refitted on the other %d events, %d times; the band model's cuts kept as stored): %s; without the model: %s. Two-fold (alternate "+
		"events in triplet order, both models refitted on one half): %s, without the model %s; the weaker fold is half 1 held out (see the test "+
		"log). The feature set and the recall margin (%.2f) were chosen by reading these same held-out figures, so they are not a clean test. "+
		"On all events (in-sample): %s.",
		DefaultThreshold, len(events), maxOmissionDocs, uniqueFitL2, uniqueFitIters, uniqueMinRecall, len(events)-1, len(events), loo, without, held, heldWithout, uniqueMinRecall, all)
	if storeFit(t, "unique_model.json", *fitUnique, m) {
		return
	}
	stored, err := parseUniqueModel(uniqueModelJSON)
	if err != nil {
		t.Fatal(err)
	}
	checkFit(t, "unique_model.json", "go test ./compare -run TestFitUniqueModel -fit-unique", m, stored, func(m *uniqueModel) *string { return &m.Provenance })
	// The emulated counts are the report's: scored through Compare with
	// the stored model, the events give the same figures.
	if got := scoreUniqueEvents(t, events, stored); got != all {
		t.Errorf("scored through Compare: %s, emulated: %s", got, all)
	}
}

func scoreUniqueEvents(t *testing.T, events []basilEvent, m *uniqueModel) basilCounts {
	t.Helper()
	var all basilCounts
	for _, e := range events {
		all.add(scoreBasilEvent(t, e.g, e.ev, optionFunc(func(c *config) { c.omit = m })))
	}
	return all
}

func ones(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = 1
	}
	return s
}
