package compare

import "sync"

// The omission model looks for the partners of an unaligned claim among
// the pairs the candidate index finds for it in each other document
// (partners), from uniqueFloorShare of the threshold (partnerSearch),
// which is not under the floor alignment's candidates use (bandFloorShare,
// or a lower related threshold). For a claim of the first document of a
// pair of documents, those are pairs alignment has scored already:
// candidates(a's document, b's document) cut at the model's floor,
// filtered to the claim, in the same order.
// So alignment keeps the pairs it scored when the model will run, and
// partners scores only the pairs of a claim of the second document
// against the first, which alignment scored the other way round (the
// index is searched by the first claim's heavy features, and a score's
// spelling-variant matching is greedy from the first claim). On the BASIL
// corpus this halves the model's candidate search.

// hit is a scored candidate pair: a of the first document, its score.
type hit struct {
	a, b  *claimFeatures
	value float64
}

// scoredPairs holds, for each pair of documents i < j (at i*n + j), the
// candidate pairs alignment scored, best first; nil when the omission
// model will not run.
type scoredPairs struct {
	n     int
	pairs [][]hit
}

// newScoredPairs returns where alignment keeps its candidates for the
// omission model, or nil when the model will not run on n documents.
func newScoredPairs(cfg *config, n int) *scoredPairs {
	if omissionGate(cfg, n) != "" {
		return nil
	}
	return &scoredPairs{n: n, pairs: make([][]hit, n*n)}
}

// keep copies the candidates of documents i < j (the scorer's buffer is
// reused for the next pair). Workers keep different pairs, so they may
// call it concurrently.
func (sp *scoredPairs) keep(i, j int, cands []cand) {
	if sp == nil {
		return
	}
	hs := make([]hit, len(cands))
	for k, c := range cands {
		hs[k] = hit{c.a, c.b, c.value}
	}
	sp.pairs[i*sp.n+j] = hs
}

// of returns the pairs alignment scored for documents i < j, or false
// when it kept none.
func (sp *scoredPairs) of(i, j int) ([]hit, bool) {
	if sp == nil || i >= j {
		return nil, false
	}
	return sp.pairs[i*sp.n+j], true
}

// scorerAfterAlign returns the state function of workers that search the
// candidate index once alignment is over: the first worker gets the
// table's scorer, with the buffers alignment grew, and the others new
// ones. The table's scorer still serves v (alignment reset it for v);
// only its index and candidate buffers are used, which alignment no
// longer reads.
func scorerAfterAlign(t *featTable, v *vocab) func() *pairScorer {
	var mu sync.Mutex
	taken := false
	return func() *pairScorer {
		mu.Lock()
		defer mu.Unlock()
		if t != nil && t.scorer != nil && t.scorer.v == v && !taken {
			taken = true
			return t.scorer
		}
		return newPairScorer(v)
	}
}
