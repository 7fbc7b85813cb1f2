package compare

import (
	_ "embed"
	"encoding/json"
	"math"
	"strings"
)

// A pair of claims that scores under the threshold but at least the
// related threshold may still say the same thing: two outlets tell one
// fact in other words. Within articles, whether it aligns is decided by a
// small logistic model over what the pair and its two articles say about
// it: its score and containment, how far it falls below each claim's best
// match in the other article and above its second best, how far apart
// the two claims stand in their articles, how many content words, numbers
// and dates they share, their lengths, and the longest run of words they
// print verbatim (a shared quote), and the share of its weight in words
// each outlet uses in one claim only (exclusiveShared). A pair that shares
// fewer than two facts beyond names is never asked (sharesFacts), unless
// it shares one such exclusive fact. The model replaced a
// hand-set rule (a mutual best match aligns from 0.625 of the threshold);
// its coefficients are data (align_model.json), fitted by
// TestFitAlignModel on the BASIL development alignment gold, and the file
// says how and with what held-out figures.
//
//go:embed align_model.json
var alignModelJSON []byte

// alignModel is a logistic model over bandFeatures: a pair aligns when
// the model's probability reaches Cut.
type alignModel struct {
	logistic
	// SecondCut is the probability from which a pair makes a claim's
	// second partner in the other document (splitMatch); above 1, never.
	SecondCut float64 `json:"second_cut"`
}

// bandFeatureNames are the model's inputs, in order; the data file must
// list the same.
var bandFeatureNames = []string{
	"score", "containment", "below_best_min", "below_best_max", "above_second_min",
	"position_gap", "facts", "log_min_weight", "length_ratio", "neighbour_aligned", "exclusive_shared", "verbatim_run",
}

// nBand is the number of the model's inputs.
const nBand = 12

var defaultAlignModel = mustAlignModel(alignModelJSON)

func mustAlignModel(b []byte) *alignModel {
	m, err := parseAlignModel(b)
	if err != nil {
		panic("compare: align_model.json: " + err.Error())
	}
	return m
}

func parseAlignModel(b []byte) (*alignModel, error) {
	var m alignModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if err := m.check(bandFeatureNames); err != nil {
		return nil, err
	}
	return &m, nil
}

// bandPair is what the model reads of one candidate pair of two
// documents: the pair, and for each claim its best and second-best score
// with the other document's claims, its position and its document's size.
type bandPair struct {
	value, containment float64
	facts              int
	totalA, totalB     float64
	bestA, bestB       float64
	secondA, secondB   float64
	posA, posB         int
	nA, nB             int
	run                int     // longest run of tokens both claims say verbatim
	neighbour          float64 // anchoredNear
	exclusive          float64 // exclusiveShared
	exclusiveFacts     int     // exclusiveShared
}

// bandFeatures turns a candidate pair into the model's inputs.
func bandFeatures(p bandPair) [nBand]float64 {
	rel := func(i, n int) float64 {
		if n <= 1 {
			return 0
		}
		return float64(i) / float64(n-1)
	}
	belowA, belowB := p.value-p.bestA, p.value-p.bestB
	lo, hi := p.totalA, p.totalB
	if lo > hi {
		lo, hi = hi, lo
	}
	return [nBand]float64{
		p.value,
		p.containment,
		math.Min(belowA, belowB),
		math.Max(belowA, belowB),
		math.Min(p.value-p.secondA, p.value-p.secondB),
		math.Abs(rel(p.posA, p.nA) - rel(p.posB, p.nB)),
		math.Min(float64(p.facts), 4) / 4,
		math.Log1p(lo),
		math.Log((hi + 0.1) / (lo + 0.1)),
		p.neighbour,
		p.exclusive,
		runFeature(p.run),
	}
}

// runFeature is the model's last input, the verbatim run scaled to [0, 1].
func runFeature(run int) float64 { return float64(min(run, maxRun)) / maxRun }

// bandAligns decides whether a candidate pair under the threshold aligns
// as a first partner, and whether it may be a claim's second partner
// (splitMatch), given the claims' best and second-best matches in the
// other document. With an Embedder the scores mix in meaning and the
// model, fitted on lexical scores, does not apply: a mutual best match
// aligns from mutualShare of the threshold when it shares two facts.
//
// runs is the calling goroutine's scratch for verbatimRun.
func (cfg *config) bandAligns(e cand, p bandPair, runs *runIndex) (first, second bool) {
	if cfg.embedder != nil || cfg.bandRule {
		return e.value >= mutualShare*cfg.threshold && e.value >= p.bestA && e.value >= p.bestB && sharesFacts(e.facts), false
	}
	// align calls it only for pairs that share a fact: one that shares
	// none is refused here and by the rule above whatever its inputs.
	if !sharesFacts(e.facts) && (e.facts != 1 || p.exclusiveFacts != 1) {
		// One shared fact is enough when it is exclusive (exclusiveShared).
		return false, false
	}
	m := cfg.band
	if m == nil {
		m = defaultAlignModel
	}
	var x [nBand]float64
	known := false
	if cfg.bandSeen == nil {
		// The verbatim run is the model's costliest input (a large event
		// asks about hundreds of thousands of pairs), and its last: when
		// the pair is decided alike at both ends of its range (no run,
		// maxRun), the run cannot change the decision and is not
		// computed. Compared as log-odds: prob(z) ≥ cut exactly when
		// z ≥ log(cut / (1 − cut)), up to rounding, which the margin
		// covers.
		const margin = 1e-6
		p.run = 0
		x, known = bandFeatures(p), true
		z := m.Bias
		for i, v := range x[:nBand-1] {
			z += m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
		}
		last := nBand - 1
		z0 := z + m.Weights[last]*(0-m.Mean[last])/m.Scale[last]
		z1 := z + m.Weights[last]*(1-m.Mean[last])/m.Scale[last]
		lo, hi := min(z0, z1), max(z0, z1)
		cut, second := logit(m.Cut), logit(m.SecondCut)
		switch {
		case hi < cut-margin && hi < second-margin:
			return false, false
		case lo >= cut+margin && lo >= second+margin:
			return true, true
		}
	}
	p.run = verbatimRun(e.a, e.b, runs)
	if known {
		// The run is the last input and no other reads it: the rest of
		// x stands.
		x[nBand-1] = runFeature(p.run)
	} else {
		x = bandFeatures(p)
	}
	if cfg.bandSeen != nil {
		cfg.bandSeen(e.a, e.b, x)
	}
	pr := m.prob(x[:])
	return pr >= m.Cut, pr >= m.SecondCut
}

// logit is the log-odds of a probability: ±Inf at 0 and 1, so that a cut
// of 0 or 1 (or beyond) compares as it should.
func logit(p float64) float64 {
	switch {
	case p <= 0:
		return math.Inf(-1)
	case p >= 1:
		return math.Inf(1)
	}
	return math.Log(p / (1 - p))
}

// maxRun caps the verbatim run the model reads: beyond it, a longer
// shared quote says nothing more.
const maxRun = 8

// verbatimRun is the length of the longest run of tokens two claims share
// in the same order (function words included, keys compared), up to
// maxRun, all the model reads: a quote or a phrase both outlets print word
// for word, which a bag of content words cannot see ("will not reopen the
// harbour this year"). The longest common run is the usual table of run
// lengths, kept sparse: a token of a meets only the tokens of b with its
// key, found through x, so a row costs its matches. Both claims must have
// been prepared with one table; their keys prepare left pending are
// looked up here (lazykeys.go), so only a goroutine that may use the
// table passes a claim with keys pending.
//
// The table is one row: per token of b, the last row (token of a) that
// matched it, and the run that ended there. A row's matches are taken
// from b's last token to its first, so that each reads its diagonal
// neighbour before the row writes over it; a run whose previous row had
// no match there starts again. Two rows (the previous and the current),
// with lists of their cells to clear, kept so many slices live in the
// loop that the compiler spilled them at every token of a (verbatimRun
// 39.7 → 30.3 M instructions on BASIL ×5).
func verbatimRun(ca, cb *claimFeatures, x *runIndex) int {
	ca.lookUpKeys()
	cb.lookUpKeys()
	ia, ib := ca.keyID, cb.keyID
	nb := len(cb.claim.Tokens)
	if len(ia) == 0 || nb == 0 || len(ib) != nb {
		return 0
	}
	const stack = 96
	var rowBuf, runBuf, prevBuf [stack]int32
	// row[j+1] is 1 + the last row that matched b[j] (0: none yet), and
	// run[j+1] the length of the run that ended there; prev[j] is the
	// position of the token before b[j] with its key (-1: none).
	var row, run, prev []int32
	if nb+1 <= stack {
		row, run, prev = rowBuf[:nb+1], runBuf[:nb+1], prevBuf[:nb]
	} else {
		row, run, prev = make([]int32, nb+1), make([]int32, nb+1), make([]int32, nb)
	}
	last, stamp := x.index(cb, prev)
	best := int32(0)
	for i, id := range ia {
		// An id past last is one b cannot have (a key pending, none, or
		// one the table numbered after b's).
		if uint(id) >= uint(len(last)) || last[id]>>32 != stamp {
			// No token of b has the key (most tokens): the row is empty,
			// and the runs end.
			continue
		}
		for j := int32(uint32(last[id])) - 1; j >= 0; j = prev[j] {
			r := int32(1)
			if row[j] == int32(i) {
				r = run[j] + 1 // the run through b[j-1] at the row before
			}
			row[j+1], run[j+1] = int32(i)+1, r
			if r > best {
				best = r
				if best >= maxRun {
					return maxRun
				}
			}
		}
	}
	return int(best)
}

// runIndex is verbatimRun's scratch, one per goroutine: where each token
// key occurs in the claim b of the pair under way. A claim's tokens with
// one key are chained from the last (last) to the first (prev), which
// puts them in the order verbatimRun takes them without a sort, and finds
// them by the key's table id without a search.
type runIndex struct {
	// last holds, per table id, stamp<<32 | 1 + the position of the last
	// token of b with that key; an entry of an earlier stamp is a key b
	// lacks, so the entries need no clearing from one pair to the next.
	last  []uint64
	stamp uint32
}

// index indexes cb's token keys, setting prev (one per token), and
// returns the index and its stamp.
func (x *runIndex) index(cb *claimFeatures, prev []int32) ([]uint64, uint64) {
	if n := len(cb.table.keys); len(x.last) < n {
		x.last = append(x.last, make([]uint64, n-len(x.last))...)
	}
	x.stamp++
	if x.stamp == 0 {
		clear(x.last)
		x.stamp = 1
	}
	last, stamp := x.last, uint64(x.stamp)
	for j, id := range cb.keyID {
		prev[j] = -1
		if id < 0 {
			continue
		}
		if e := last[id]; e>>32 == stamp {
			prev[j] = int32(uint32(e)) - 1
		}
		last[id] = stamp<<32 | uint64(j+1)
	}
	return last, stamp
}

// bandFloorShare is the share of the threshold from which a pair is a
// candidate for the band model, below the related threshold's default
// (0.6): on the 14 development events, lowering the candidates' floor
// from 0.6 to 0.5 of the threshold raised held-out F1 from 0.555 to
// 0.567 (to 0.572 at 0.4, at the cost of unique precision 0.628 →
// 0.603). With the neighbour input (anchoredNear) 0.4 pays: held-out F1
// 0.584 at 0.5, 0.585 at 0.4, and left one event out 0.555 against
// 0.585.
const bandFloorShare = 0.4

// floor is the lowest score a candidate pair needs: the related
// threshold, or the band model's floor when that is lower and related
// groups are on (with them off, RelatedThreshold(0), every pair that
// shares a feature is a candidate, as before). With an Embedder the model
// does not decide, and the floor stays the related threshold.
func (cfg *config) floor() float64 {
	share := bandFloorShare
	if cfg.floorShare > 0 {
		share = cfg.floorShare
	}
	f := share * cfg.threshold
	if cfg.related < f || cfg.embedder != nil {
		return cfg.related
	}
	return f
}

// anchoredNear is the model's neighbour input: 1 when the claim before or
// after e.a is aligned, in align's first pass (the pairs at the threshold
// or above, which the model does not decide), with the claim before or
// after e.b on the same side, so that the pair sits on a diagonal of
// aligned pairs; 0 otherwise. Monolingual sentence alignment (Barzilay and
// Elhadad 2003; Nelken and Shieber 2006) gains most from such context:
// two outlets tell a story's parts in much the same order. Only the first
// pass counts, so that the input does not depend on the model's own
// decisions and its fit reads what it will meet.
//
// anchors[at(c)] is how many of c's partners it took in the first pass.
func anchoredNear(e cand, doc []*claimFeatures, partners [][]*claimFeatures, anchors []int32, at func(*claimFeatures) int) float64 {
	i, j := e.a.idx, e.b.idx
	for _, d := range [2]int{-1, 1} {
		if i+d < 0 || i+d >= len(doc) {
			continue
		}
		k := at(doc[i+d])
		for _, q := range partners[k][:anchors[k]] {
			if q.doc == e.b.doc && q.idx-j == d {
				return 1
			}
		}
	}
	return 0
}

// exclusiveShared is the model's exclusive_shared input: the weight two
// claims share in features that each document holding them holds in one
// claim only (claimsOf, by feature id: onceEachDocument), over the smaller
// claim's weight; facts counts the shared words, numbers and dates among
// them. A word or number every outlet uses once is evidence that the
// claims using it tell one thing; the story's common words, which an
// article repeats across its claims, are not. Each shared feature weighs
// the lesser of its two weights, as the score does.
func exclusiveShared(a, b *claimFeatures, claimsOf []bool) (share float64, facts int) {
	if claimsOf == nil {
		return 0, 0
	}
	excl := 0.0
	ib, j := b.ids, 0
	for k, id := range a.ids {
		for j < len(ib) && ib[j] < id {
			j++
		}
		if j == len(ib) {
			break
		}
		if ib[j] != id {
			continue
		}
		if claimsOf[id] {
			excl += min(a.weights[k], b.weights[j])
			if kind := a.v.keys[id].kind; kind == kindWord && !attributionVerb(a, k) || kind == kindNumber || kind == kindDate {
				facts++
			}
		}
	}
	if lo := min(a.total, b.total); lo > 0 {
		return min(excl/lo, 1), facts
	}
	return 0, facts
}

// attributionVerb reports whether the k-th feature of cf is the verb its
// claim is attributed with ("said"): how the claim is told, not what it
// says, so not an exclusive fact.
func attributionVerb(cf *claimFeatures, k int) bool {
	at := cf.claim.Attribution
	return at != nil && k < len(cf.labels) && strings.EqualFold(cf.labels[k], at.Verb)
}

// onceEachDocument marks, for each feature of the vocabulary, whether
// each document that holds it holds it in one claim only: a word or number
// every outlet uses once tells one fact, where one an article repeats
// across its claims is the story's common word.
func onceEachDocument(feats [][]*claimFeatures, v *vocab) []bool {
	n := len(v.keys)
	local := make([]bool, n)
	last := make([]int32, n)
	for id := range local {
		local[id], last[id] = true, -1
	}
	for d, doc := range feats {
		for _, cf := range doc {
			for _, id := range cf.ids {
				if last[id] == int32(d) {
					local[id] = false
				}
				last[id] = int32(d)
			}
		}
	}
	return local
}
