package compare

import (
	"math/bits"
	"slices"
)

// vocab numbers the features of one comparison. Ids follow the order of
// the keys, so a claim's features sorted by id are sorted by key, and a
// score that walks them lists its evidence in the order of the keys.
// Numbering per comparison keeps the ids dense (a few thousand for an
// event), whatever the process has seen before; the table the keys come
// from (featTable) numbers them once per process.
type vocab struct {
	keys []featKey
	// near holds, for each word of at least softMinLen bytes, the other
	// words of the comparison spelt nearly alike (Jaccard similarity of
	// character trigrams at least nearJaccard), by ascending id.
	near  [][]int32
	names func(a, b string) bool
	// ent and words are the id ranges of the names and the words (keys
	// sort by kind first, so each kind's ids are contiguous).
	ent, words [2]int32
}

// intern numbers the features of every claim in key order and replaces
// each claim's raw feature list by the sorted id, weight and label lists
// scores merge. The claims must have been prepared with t.
func intern(t *featTable, feats [][]*claimFeatures, names func(a, b string) bool) *vocab {
	uniq := t.sc.uniq[:0]
	for _, doc := range feats {
		for _, cf := range doc {
			for _, f := range cf.raw {
				if t.local[f.id] < 0 {
					t.local[f.id] = 0
					uniq = append(uniq, f.id)
				}
			}
		}
	}
	// Sorted by the packed prefixes side by side with the ids, so that
	// a comparison reads neither the table nor, mostly, the strings.
	byKey := t.sc.byKey[:0]
	for _, id := range uniq {
		byKey = append(byKey, preID{t.pre[id], id})
	}
	t.sc.byKeyTmp = slices.Grow(t.sc.byKeyTmp[:0], len(byKey))[:len(byKey)]
	t.sc.order = sortByKey(t, byKey, t.sc.byKeyTmp, t.sc.order) // keyorder.go
	for i, p := range byKey {
		uniq[i] = p.id
	}
	t.sc.byKey = byKey
	keys := t.sc.key.take(len(uniq))
	for r, id := range uniq {
		t.local[id] = int32(r)
		keys[r] = t.keys[id]
	}
	v := &vocab{keys: keys, names: names, ent: kindIDs(keys, kindEntity), words: kindIDs(keys, kindWord)}
	v.near = t.near.neighbours(t, uniq, t.local, &t.sc)
	t.sc.seen = slices.Grow(t.sc.seen[:0], (len(uniq)+63)/64)[:(len(uniq)+63)/64]
	t.sc.best = slices.Grow(t.sc.best[:0], len(uniq))[:len(uniq)]
	clear(t.sc.seen) // empty already, unless a comparison panicked half-way
	for _, doc := range feats {
		for _, cf := range doc {
			cf.number(t, v)
		}
	}
	for _, id := range uniq {
		t.local[id] = -1
	}
	t.sc.uniq = uniq
	return v
}

// number sets the claim's id, weight and label lists from its raw
// features, one feature per key (the first of the heaviest), by id.
//
// The keys are told apart by a set of the comparison's ids (t.sc.seen,
// one bit each, empty between claims), beside the position in raw of
// each key's feature kept so far (t.sc.best); the set, read a word at a
// time, lists the ids in order. Where its words between the claim's
// lowest and highest ids outnumber the claim's keys (a comparison of
// many keys), the ids are sorted instead, as the set would list them.
func (cf *claimFeatures) number(t *featTable, v *vocab) {
	seen, best := t.sc.seen, t.sc.best
	order := t.sc.order[:0] // the claim's ids, first found first
	lo, hi := len(seen), 0
	for i, f := range cf.raw {
		id := t.local[f.id]
		w, bit := id>>6, uint64(1)<<(id&63)
		if seen[w]&bit == 0 {
			seen[w] |= bit
			best[id] = int32(i)
			order = append(order, uint64(id))
			lo, hi = min(lo, int(w)), max(hi, int(w))
		} else if f.weight > cf.raw[best[id]].weight {
			best[id] = int32(i)
		}
	}
	t.sc.order = order
	n := len(order)
	cf.ids = t.sc.int32s(n)
	cf.weights = t.sc.float64s(n)
	cf.labels = t.sc.strings(n)
	if hi-lo+1 <= n {
		k := 0
		for w := lo; w <= hi; w++ {
			for x := seen[w]; x != 0; x &= x - 1 {
				cf.keep(k, int32(w<<6+bits.TrailingZeros64(x)), best)
				k++
			}
			seen[w] = 0
		}
	} else {
		for _, id := range order {
			seen[id>>6] = 0
		}
		sortSmall(order)
		for k, id := range order {
			cf.keep(k, int32(id), best)
		}
	}
	cf.ent, cf.words = kindRanges(cf.ids, v.ent, v.words)
	cf.v = v
	k := 0
	for _, id := range cf.ids[cf.words[0]:cf.words[1]] {
		if len(v.near[id]) > 0 {
			k++
		}
	}
	cf.nearWords = nil
	if k > 0 {
		cf.nearWords = t.sc.int32s(k)[:0]
		for p := cf.words[0]; p < cf.words[1]; p++ {
			if len(v.near[cf.ids[p]]) > 0 {
				cf.nearWords = append(cf.nearWords, int32(p))
			}
		}
	}
}

// keep sets the claim's k-th feature: id, with the feature of raw kept
// for it (best).
func (cf *claimFeatures) keep(k int, id int32, best []int32) {
	f := &cf.raw[best[id]]
	cf.ids[k], cf.weights[k], cf.labels[k] = id, f.weight, f.label
}

// sortSmall sorts a claim's few packed features or token keys: by
// insertion up to 32 of them, where slices.Sort's pattern-defeating
// set-up (pivots, a recursion limit) costs more than the moves it saves;
// a claim holds twenty or so.
func sortSmall(s []uint64) {
	if len(s) > 32 {
		slices.Sort(s)
		return
	}
	for i := 1; i < len(s); i++ {
		x := s[i]
		j := i
		for j > 0 && s[j-1] > x {
			s[j] = s[j-1]
			j--
		}
		s[j] = x
	}
}

// preID is a table id with its packed key prefix (featTable.pre).
type preID struct {
	pre uint64
	id  int32
}

// kindIDs returns the range of ids of one kind in keys sorted by key.
func kindIDs(keys []featKey, kind byte) [2]int32 {
	lo, _ := slices.BinarySearchFunc(keys, kind, func(k featKey, kind byte) int { return int(k.kind) - int(kind) })
	hi, _ := slices.BinarySearchFunc(keys, kind+1, func(k featKey, kind byte) int { return int(k.kind) - int(kind) })
	return [2]int32{int32(lo), int32(hi)}
}

// kindRanges returns the index ranges of the names and of the words in a
// claim's ids (sorted; names and words are the ids of the vocabulary's
// ent and words). A claim's ids of other kinds are few (its dates and
// numbers, before the words, and its years, after them), so the bounds
// are found by walking in from either end, past few ids.
func kindRanges(ids []int32, ent, words [2]int32) (e, w [2]int) {
	i := 0
	for i < len(ids) && ids[i] < ent[0] {
		i++
	}
	e[0] = i
	for i < len(ids) && ids[i] < ent[1] {
		i++
	}
	e[1] = i
	for i < len(ids) && ids[i] < words[0] {
		i++
	}
	w[0] = i
	j := len(ids)
	for j > i && ids[j-1] >= words[1] {
		j--
	}
	w[1] = j
	return e, w
}

// nameMemo remembers, for one worker of one comparison, which entity keys
// name the same person or place: the test is an edit distance, and the
// same two names meet in many pairs of claims.
type nameMemo struct {
	seen map[[2]int32]bool
	// table holds the answers as a dense matrix over the vocabulary's
	// names, when there are at most maxNameTable of them (every event of
	// a corpus, a 200-article event): 0 not asked yet, 1 no, 2 yes. A
	// map look-up per pair of names was a fifth of a score.
	table   []uint8
	tableOf *vocab
}

// maxNameTable is the most names a nameMemo keeps in a dense table (a
// megabyte per worker at most).
const maxNameTable = 1024

// reset forgets the answers, keeping the table's memory for the next
// comparison.
func (m *nameMemo) reset() {
	m.tableOf = nil
	m.seen = nil
}

func (m *nameMemo) same(v *vocab, a, b int32) bool {
	if m == nil {
		return v.names(v.keys[a].key, v.keys[b].key)
	}
	lo, hi := v.ent[0], v.ent[1]
	if n := hi - lo; n <= maxNameTable && a >= lo && a < hi && b >= lo && b < hi {
		if m.tableOf != v {
			m.table = slices.Grow(m.table[:0], int(n)*int(n))[:int(n)*int(n)]
			clear(m.table)
			m.tableOf = v
		}
		i := int(a-lo)*int(n) + int(b-lo)
		switch m.table[i] {
		case 1:
			return false
		case 2:
			return true
		}
		r := v.names(v.keys[a].key, v.keys[b].key)
		m.table[i] = 1
		if r {
			m.table[i] = 2
		}
		return r
	}
	k := [2]int32{a, b}
	if r, ok := m.seen[k]; ok {
		return r
	}
	if m.seen == nil {
		m.seen = map[[2]int32]bool{}
	}
	r := v.names(v.keys[a].key, v.keys[b].key)
	m.seen[k] = r
	return r
}
