package compare

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// minIndexWeight is how heavy a feature of the first claim must be for a
// shared one to make a candidate pair: sharing "said" or "the" makes no
// two claims alike.
const minIndexWeight = 0.3

// parallelClaims is the number of claims in a comparison from which the
// pair scoring is split across cores: below it, starting workers costs
// more than it saves, and corpus mode already runs events in parallel.
const parallelClaims = 1000

// docPair is two documents whose claims are aligned, i < j.
type docPair struct{ i, j int }

// pairScorer is one worker's scratch space: the index of one document's
// claims by feature, and marks of the claims already scored.
type pairScorer struct {
	v     *vocab
	names nameMemo
	slot  []int32   // feature id → position in lists, or -1
	lists [][]int32 // claim positions in the indexed document, per feature
	// wlists holds, beside each entry of lists, the feature's weight in
	// that claim (no search of the claim's features per look-up).
	wlists [][]float64
	used   []int32 // feature ids with a slot, to clear
	// indexed is the document the lists index (nil: none yet in this
	// comparison).
	indexed []*claimFeatures
	// acc holds, per claim position of the indexed document, what one
	// claim of the other (the stamp-th looked up) shares with it through
	// the index; touched lists the positions met for that claim.
	acc     []accum
	stamp   uint32
	touched []int32
	// While candidates looks up one claim a: aPos holds, per feature id,
	// its position in a (-1 for the others), and aHit the stamp
	// (hitStamp) of the last pair whose exact match took each position
	// (scoreFrom).
	aPos     []int32
	aHit     []uint32
	hitStamp uint32
	// Buffers reused from one pair of documents to the next.
	cands, weak []cand
	sorting     candBuf
	// edges collects the aligned pairs of every pair of documents the
	// worker handles (align), in chunks of edgeChunk: one run per worker,
	// sorted at the end, instead of a slice per pair of documents copied
	// twice, or one slice grown by doubling (copied over and over).
	edges    [][]edge
	partners [][]*claimFeatures
	backing  []*claimFeatures
	best     []float64 // per claim of the pair, its best candidate score
	// anchors holds, per claim of the pair, how many of its partners it
	// took at the threshold or above (align's first pass).
	anchors []int32
	second  []float64 // and its second best
	// runs is the worker's scratch for verbatimRun (bandAligns).
	runs runIndex
}

// accum is what the index found one claim of the indexed document to
// share with the claim looked up, while mark is the stamp of that look-up:
// the weight shared exactly through the claim's heavy features, and the
// part of it that names and long words carry (lookupBound). One struct,
// not a list per field: the look-up's inner loop touches one entry.
type accum struct {
	mark                 uint32
	shared, names, words float64
}

// cand is a candidate pair of claims with its score, before the evidence.
type cand struct {
	a, b               *claimFeatures
	value, containment float64
	facts              int    // shared words, numbers and dates
	key                uint64 // sortCands' packed order
}

// sortCands puts candidate pairs best first, then by the positions of
// their claims (the order is total: no two candidates pair the same two
// claims). Scores are multiples of 0.001 (round3), so a score and the two
// positions pack into one integer compared in one step, which gives the
// same comparisons, hence the same order; when one does not fit, the
// fields are compared.
//
// Up to candIndexLimit candidates, the packed orders (52 bits) carry
// each candidate's position in their low bits and are sorted as plain
// integers, the candidates then put in their order through buf: a sort
// of the 48-byte candidates through a comparison function cost four
// times as much. The orders are distinct, so the positions never decide.
func sortCands(cands []cand, buf *candBuf) {
	packed := true
	for i := range cands {
		c := &cands[i]
		k := math.Round(c.value * 1000)
		if k/1000 != c.value || k < 0 || k > 1000 || c.a.idx < 0 || c.a.idx >= 1<<21 || c.b.idx < 0 || c.b.idx >= 1<<21 {
			packed = false
			break
		}
		c.key = uint64(1000-int64(k))<<42 | uint64(c.a.idx)<<21 | uint64(c.b.idx)
	}
	if packed && len(cands) <= candIndexLimit {
		keys := slices.Grow(buf.keys[:0], len(cands))
		for i := range cands {
			keys = append(keys, cands[i].key<<candIndexBits|uint64(i))
		}
		slices.Sort(keys)
		was := append(buf.cands[:0], cands...)
		for i, k := range keys {
			cands[i] = was[k&(candIndexLimit-1)]
		}
		buf.keys, buf.cands = keys, was
		return
	}
	if packed {
		slices.SortFunc(cands, func(x, y cand) int { return cmp.Compare(x.key, y.key) })
		return
	}
	slices.SortFunc(cands, func(x, y cand) int {
		switch {
		case x.value != y.value:
			if x.value > y.value {
				return -1
			}
			return 1
		case x.a.idx != y.a.idx:
			return x.a.idx - y.a.idx
		}
		return x.b.idx - y.b.idx
	})
}

// candIndexBits is how many low bits of a packed order (cand.key, under
// 2⁵²) hold a candidate's position when sortCands sorts the orders.
const (
	candIndexBits  = 12
	candIndexLimit = 1 << candIndexBits
)

// candBuf is sortCands' scratch: the orders sorted and a copy of the
// candidates.
type candBuf struct {
	keys  []uint64
	cands []cand
}

// edgeChunk is the largest size of a chunk of pairScorer.edges.
const edgeChunk = 4096

// keep adds an aligned pair to the worker's run.
func (s *pairScorer) keep(e edge) {
	if n := len(s.edges); n == 0 || len(s.edges[n-1]) == cap(s.edges[n-1]) {
		// Chunks grow with the run up to edgeChunk: an event of three
		// articles aligns a few dozen pairs.
		size := 64
		if n > 0 {
			size = min(2*cap(s.edges[n-1]), edgeChunk)
		}
		if n < cap(s.edges) && cap(s.edges[:n+1][n]) >= size {
			// A chunk of an earlier comparison (reset).
			s.edges = s.edges[:n+1]
			s.edges[n] = s.edges[n][:0]
		} else {
			s.edges = append(s.edges, make([]edge, 0, size))
		}
	}
	last := &s.edges[len(s.edges)-1]
	*last = append(*last, e)
}

// run returns the worker's aligned pairs as one list.
func (s *pairScorer) run() []edge {
	if len(s.edges) == 1 {
		return s.edges[0]
	}
	n := 0
	for _, c := range s.edges {
		n += len(c)
	}
	out := make([]edge, 0, n)
	for _, c := range s.edges {
		out = append(out, c...)
	}
	return out
}

func newPairScorer(v *vocab) *pairScorer {
	s := &pairScorer{}
	s.reset(v)
	return s
}

// reset readies the scorer for a comparison over v, keeping its buffers:
// the table (featTable) keeps one scorer from one comparison to the next,
// and its index lists made most of what candidates allocated.
func (s *pairScorer) reset(v *vocab) {
	s.v = v
	s.slot = slices.Grow(s.slot[:0], len(v.keys))[:len(v.keys)]
	for i := range s.slot {
		s.slot[i] = -1
	}
	s.aPos = slices.Grow(s.aPos[:0], len(v.keys))[:len(v.keys)]
	for i := range s.aPos {
		s.aPos[i] = -1
	}
	s.used = s.used[:0]
	s.indexed = nil
	for _, c := range s.edges {
		clear(c[:cap(c)])
	}
	s.edges = s.edges[:0]
	s.names.reset()
}

// release lets go of what the scorer's buffers point to (claims, scores'
// evidence) once its comparison is over.
func (s *pairScorer) release() {
	s.v = nil
	s.indexed = nil
	for _, c := range s.edges {
		clear(c[:cap(c)])
	}
	s.edges = s.edges[:0]
	clear(s.cands[:cap(s.cands)])
	clear(s.weak[:cap(s.weak)])
	clear(s.sorting.cands[:cap(s.sorting.cands)])
	clear(s.partners[:cap(s.partners)])
	clear(s.backing[:cap(s.backing)])
	s.names.reset()
}

// index makes the claims of one document findable by their features. The
// document indexed last is indexed already: the omission model's partner
// search (partners) starts with the one alignment ended on.
func (s *pairScorer) index(doc []*claimFeatures) {
	if len(doc) > 0 && len(s.indexed) == len(doc) && &s.indexed[0] == &doc[0] {
		return
	}
	s.indexed = doc
	for _, id := range s.used {
		s.slot[id] = -1
	}
	s.used = s.used[:0]
	n := 0
	for bi, b := range doc {
		if b.claim.RepeatOf != "" {
			continue
		}
		for fi, id := range b.ids {
			k := s.slot[id]
			if k < 0 {
				k = int32(n)
				s.slot[id] = k
				s.used = append(s.used, id)
				if n < len(s.lists) {
					s.lists[n] = s.lists[n][:0]
					s.wlists[n] = s.wlists[n][:0]
				} else {
					s.lists = append(s.lists, nil)
					s.wlists = append(s.wlists, nil)
				}
				n++
			}
			s.lists[k] = append(s.lists[k], int32(bi))
			s.wlists[k] = append(s.wlists[k], b.weights[fi])
		}
	}
	if cap(s.acc) < len(doc) {
		s.acc = make([]accum, len(doc))
		s.stamp = 0
	}
	s.acc = s.acc[:len(doc)]
}

// lookupBound is the highest value score(a, b) can reach given what the
// index found, before it is rounded as a score is (round3): the weight a
// and b share exactly through a's heavy features (shared: acc, plus at
// most the whole weight of a's light features), of its heavy names found
// in b under no exact key (names: spelling variants, when the vocabulary
// matches them; 0 when it does not), and softShare of its heavy long
// words b lacks (words: near spellings). aTotal is a's total weight.
func lookupBound(b *claimFeatures, aTotal, shared, names, words float64) float64 {
	ub := shared + min(names, 2*b.sum[kindIndex(kindEntity)])
	ub += softShare * min(words, b.sum[kindIndex(kindWord)])
	return 2 * ub * (1 + 1e-9) / (aTotal + b.total)
}

// roundedBelow reports whether round3(x) < floor, rounding only near the
// floor: a value a thousandth or more from it falls on the same side
// rounded or not, and most of the bounds candidates tests are far under
// it.
func roundedBelow(x, floor float64) bool {
	return x < floor-0.001 || x < floor+0.001 && roundsBelow(x, floor)
}

// roundsBelow is round3(x) < floor, kept out of line so that
// roundedBelow is inlined.
//
//go:noinline
func roundsBelow(x, floor float64) bool { return round3(x) < floor }

// candidates returns the pairs of claims of two documents that score at
// least cfg.floor() (the related threshold or the band model's floor),
// best first, with their score but not yet
// its evidence. With an Embedder every pair is scored; otherwise only
// pairs that share a feature of weight at least minIndexWeight in the
// first claim, and whose bound can reach the
// threshold. bDoc must be the document last indexed.
func (s *pairScorer) candidates(aDoc, bDoc []*claimFeatures, cfg *config) []cand {
	cands := s.cands[:0]
	// Paraphrases scored by meaning may share no word (WithEmbedder).
	all := cfg.embedder != nil
	floor := cfg.floor()
	names, ent := s.v.names != nil, s.v.ent
	// Without name variants to search, a's features are looked up by id
	// (scoreFrom) rather than merged with each b's.
	byPos := !all && s.v.names == nil
	// A pair is scored once its lookupBound reaches the floor: a second
	// bound from the weights of each kind (score ≤ Σ min per kind) turned
	// away 9 of the 44,554 pairs it was asked about on BASIL ×5, fewer
	// than it cost, and a pair under it scores under the floor anyway.
	try := func(a, b *claimFeatures) {
		// The evidence is added by align to the pairs it keeps.
		var v pairScore
		if byPos {
			v = semantic(s.scoreFrom(a, b), a, b)
		} else {
			v = s.v.score(a, b, &s.names, false)
		}
		if v.Value > 0 && v.Value >= floor {
			cands = append(cands, cand{a: a, b: b, value: v.Value, containment: v.Containment, facts: v.facts})
		}
	}
	for _, a := range aDoc {
		if a.claim.RepeatOf != "" {
			continue
		}
		if cfg.canceled() {
			break
		}
		if all {
			for _, b := range bDoc {
				if b.claim.RepeatOf == "" {
					try(a, b)
				}
			}
			continue
		}
		s.stamp++
		if s.stamp == 0 {
			clear(s.acc[:cap(s.acc)])
			s.stamp = 1
		}
		s.lookingUp(a)
		// The scorer's lists in locals: through s, every access in the
		// loop below loaded its slice again, since the append to touched
		// might have changed it.
		acc, stamp, touched := s.acc, s.stamp, s.touched[:0]
		var light, heavyNames, heavyWords float64
		nearAt := 0 // the next of a's words with a near spelling
		for i, id := range a.ids {
			// Only a word with a near spelling somewhere in the comparison
			// can match one b lacks.
			long := nearAt < len(a.nearWords) && a.nearWords[nearAt] == int32(i)
			if long {
				nearAt++
			}
			w := a.weights[i]
			if w < minIndexWeight {
				light += w
				continue
			}
			// Names count apart only where the vocabulary matches their
			// spelling variants (lookupBound): else their accum.names
			// stays 0.
			name := names && id >= ent[0] && id < ent[1]
			switch {
			case name:
				heavyNames += w
			case long:
				heavyWords += w
			}
			k := s.slot[id]
			if k < 0 {
				continue
			}
			list, wl := s.lists[k], s.wlists[k]
			wl = wl[:len(list)]
			for p, bi := range list {
				c := &acc[bi]
				if c.mark != stamp {
					*c = accum{mark: stamp}
					touched = append(touched, bi)
				}
				// The builtin min, not math.Min: inline, where math.Min
				// is a call to assembly on amd64. The two differ only
				// for a NaN against an infinity, and weights are finite.
				c.shared += min(w, wl[p])
				switch {
				case name:
					c.names += w
				case long:
					c.words += w
				}
			}
		}
		s.touched = touched
		for _, bi := range touched {
			b, c := bDoc[bi], &acc[bi]
			if roundedBelow(lookupBound(b, a.total, c.shared+light, heavyNames-c.names, heavyWords-c.words), floor) {
				continue
			}
			try(a, b)
		}
		s.doneWith(a)
	}
	sortCands(cands, &s.sorting)
	s.cands = cands
	return cands
}

// lookingUp sets aPos for a, the claim whose pairs scoreFrom scores
// next.
func (s *pairScorer) lookingUp(a *claimFeatures) {
	for i, id := range a.ids {
		s.aPos[id] = int32(i)
	}
}

// doneWith clears aPos of a's features.
func (s *pairScorer) doneWith(a *claimFeatures) {
	for _, id := range a.ids {
		s.aPos[id] = -1
	}
}

// scoreFrom is v.lexical(a, b, nil, false) for the claim a candidates
// looks up (lookingUp(a) set aPos for it) when the vocabulary matches no
// name variants: b's features are looked up by id in a, where the merge
// of the two sorted lists branched on every step of either. The exact
// matches come in id order, as in the merge, so the weights add up in
// the same order; a's words left unmatched are tried for near spellings
// in a's order, as there.
func (s *pairScorer) scoreFrom(a, b *claimFeatures) pairScore {
	var r pairScore
	if a.total == 0 || b.total == 0 {
		return r
	}
	v := s.v
	s.hitStamp++
	if s.hitStamp == 0 {
		clear(s.aHit)
		s.hitStamp = 1
	}
	if len(s.aHit) < len(a.ids) {
		s.aHit = append(s.aHit, make([]uint32, len(a.ids)-len(s.aHit))...)
	}
	hit, stamp := s.aHit, s.hitStamp
	var usedBuf [maxStackFeatures]bool
	var used []bool
	if len(b.ids) <= maxStackFeatures {
		used = usedBuf[:len(b.ids)]
	} else {
		used = make([]bool, len(b.ids))
	}
	shared := 0.0
	ent, words := v.ent, v.words
	for j, id := range b.ids {
		i := s.aPos[id]
		if i < 0 {
			continue
		}
		used[j] = true
		hit[i] = stamp
		shared += min(a.weights[i], b.weights[j])
		// Words, numbers and dates are facts: every kind but names and
		// years, which sort last (kinds).
		if (id < ent[0] || id >= ent[1]) && id < words[1] {
			r.facts++
		}
	}
	for _, i := range a.nearWords {
		if hit[i] == stamp {
			continue
		}
		if kb := nearPartner(v.near[a.ids[i]], b, used); kb >= 0 {
			used[kb] = true
			shared += softShare * min(a.weights[i], b.weights[kb])
		}
	}
	r.Value = round3(2 * shared / (a.total + b.total))
	r.Containment = round3(min(1, shared/min(a.total, b.total)))
	return r
}

// eachDocPair calls do for every pair of documents with its candidate
// pairs, on several cores when the comparison is large. do is called once
// per pair (k is the pair's position in (i, j) order) and may run
// concurrently for different pairs; the scorer it gets belongs to its
// goroutine. It returns the scorers used, one per worker, in no
// particular order.
func eachDocPair(feats [][]*claimFeatures, v *vocab, cfg *config, do func(k int, p docPair, cands []cand, s *pairScorer)) []*pairScorer {
	pos := map[docPair]int{}
	for i := 0; i < len(feats); i++ {
		for j := i + 1; j < len(feats); j++ {
			pos[docPair{i, j}] = len(pos)
		}
	}
	// Work comes by second document: its index serves every first one.
	run := func(s *pairScorer, j int) {
		s.index(feats[j])
		for i := 0; i < j; i++ {
			p := docPair{i, j}
			do(pos[p], p, s.candidates(feats[i], feats[j], cfg), s)
		}
	}
	// The largest pieces (the last documents) first, so that the last
	// ones even out across workers.
	n := len(feats) - 1
	var mu sync.Mutex
	var scorers []*pairScorer
	eachWith(n, large(feats), func() *pairScorer {
		mu.Lock()
		defer mu.Unlock()
		var s *pairScorer
		if t := cfg.table; t != nil && !t.scorerTaken {
			// The table's scorer, with the buffers of its last comparison.
			if t.scorer == nil {
				t.scorer = &pairScorer{}
			}
			t.scorerTaken = true
			s = t.scorer
			s.reset(v)
		} else {
			s = newPairScorer(v)
		}
		scorers = append(scorers, s)
		return s
	}, func(s *pairScorer, k int) {
		run(s, n-k)
	})
	return scorers
}
