package compare

import "slices"

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
func (cf *claimFeatures) number(t *featTable, v *vocab) {
	// Sorted by id, then by position in raw: (id, position) packed in
	// one integer, so the sort is stable without a comparison function.
	order := t.sc.order[:0]
	for i, f := range cf.raw {
		order = append(order, uint64(t.local[f.id])<<32|uint64(i))
	}
	sortSmall(order)
	t.sc.order = order
	n := 0
	for k, o := range order {
		if k == 0 || o>>32 != order[k-1]>>32 {
			n++
		}
	}
	cf.ids = t.sc.int32s(n)
	cf.weights = t.sc.float64s(n)
	cf.labels = t.sc.strings(n)
	n = 0
	for k, o := range order {
		f := &cf.raw[uint32(o)]
		if k > 0 && o>>32 == order[k-1]>>32 {
			if f.weight > cf.weights[n-1] {
				cf.weights[n-1], cf.labels[n-1] = f.weight, f.label
			}
			continue
		}
		cf.ids[n], cf.weights[n], cf.labels[n] = int32(o>>32), f.weight, f.label
		n++
	}
	cf.ent = idRange(cf.ids, v.ent)
	cf.words = idRange(cf.ids, v.words)
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

// idRange returns the index range of the ids within r in a sorted list.
func idRange(ids []int32, r [2]int32) [2]int {
	lo, _ := slices.BinarySearch(ids, r[0])
	hi, _ := slices.BinarySearch(ids, r[1])
	return [2]int{lo, hi}
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
