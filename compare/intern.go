package compare

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// vocab numbers the features of one comparison. Ids follow the order of
// the keys, so a claim's features sorted by id are sorted by key, and a
// score that walks them lists its evidence in the order of the keys.
// Numbering per comparison keeps the ids dense (a few thousand for an
// event) and the memory bounded by the event, whatever the process has
// seen before.
type vocab struct {
	keys []featKey
	// near holds, for each word of at least softMinLen bytes, the other
	// words of the comparison spelt nearly alike (Jaccard similarity of
	// character trigrams at least nearJaccard), by ascending id.
	near  [][]int32
	names func(a, b string) bool
}

// nearJaccard is the trigram overlap at which two words are spelling
// variants (ceasefire / cease-fire).
const nearJaccard = 0.6

// intern numbers the features of every claim and replaces each claim's raw
// feature list by the sorted id, weight and label lists scores merge.
func intern(feats [][]*claimFeatures, names func(a, b string) bool) *vocab {
	tmp := map[featKey]int32{}
	var keys []featKey
	for _, doc := range feats {
		for _, cf := range doc {
			for _, f := range cf.raw {
				if _, ok := tmp[f.key]; !ok {
					tmp[f.key] = int32(len(keys))
					keys = append(keys, f.key)
				}
			}
		}
	}
	order := make([]int32, len(keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return keys[x].compare(keys[y]) })
	rank := make([]int32, len(keys))
	sorted := make([]featKey, len(keys))
	for r, old := range order {
		rank[old] = int32(r)
		sorted[r] = keys[old]
	}
	v := &vocab{keys: sorted, names: names}
	for _, doc := range feats {
		for _, cf := range doc {
			n := len(cf.raw)
			cf.ids = make([]int32, n)
			cf.weights = make([]float64, n)
			cf.labels = make([]string, n)
			cf.ent = [2]int{n, n}
			cf.words = [2]int{n, n}
			for i, f := range cf.raw {
				// raw is sorted by key, so ids come out ascending.
				cf.ids[i] = rank[tmp[f.key]]
				cf.weights[i] = f.weight
				cf.labels[i] = f.label
			}
			cf.ent = kindRange(cf.raw, kindEntity)
			cf.words = kindRange(cf.raw, kindWord)
			cf.v = v
			cf.hashKeys()
		}
	}
	v.near = nearWords(sorted)
	return v
}

// keySeed seeds the token key hashes of claimFeatures.keyHash; equal
// hashes are confirmed on the keys, so the seed never shows in a result.
var keySeed = maphash.MakeSeed()

// hashKeys sets the claim's token key hashes and their order
// (claimFeatures.keyHash, keyOrder) for verbatimRun.
func (cf *claimFeatures) hashKeys() {
	cf.keyHash = make([]uint64, len(cf.claim.Tokens))
	cf.keyOrder = make([]int32, 0, len(cf.claim.Tokens))
	for i, t := range cf.claim.Tokens {
		cf.keyHash[i] = maphash.String(keySeed, t.Key)
		if t.Key != "" {
			cf.keyOrder = append(cf.keyOrder, int32(i))
		}
	}
	slices.SortFunc(cf.keyOrder, func(x, y int32) int {
		if c := cmp.Compare(cf.keyHash[x], cf.keyHash[y]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
}

// kindRange returns the index range of the features of one kind in a list
// sorted by key.
func kindRange(raw []rawFeature, kind byte) [2]int {
	lo, _ := slices.BinarySearchFunc(raw, kind, func(f rawFeature, k byte) int { return int(f.key.kind) - int(k) })
	hi, _ := slices.BinarySearchFunc(raw, kind+1, func(f rawFeature, k byte) int { return int(f.key.kind) - int(k) })
	return [2]int{lo, hi}
}

// nearWords finds the pairs of long words spelt nearly alike, through an
// index of their trigrams: only words that share a trigram are counted,
// and the count of shared trigrams gives the Jaccard similarity exactly.
func nearWords(keys []featKey) [][]int32 {
	near := make([][]int32, len(keys))
	var words []int32
	var grams [][]trigram
	gramID := map[trigram]int32{}
	var postings [][]int32 // per trigram, the positions in words
	for id, k := range keys {
		if k.kind != kindWord || len(k.key) < softMinLen {
			continue
		}
		g := trigrams(k.key)
		w := int32(len(words))
		words = append(words, int32(id))
		grams = append(grams, g)
		for _, t := range g {
			gi, ok := gramID[t]
			if !ok {
				gi = int32(len(postings))
				gramID[t] = gi
				postings = append(postings, nil)
			}
			postings[gi] = append(postings[gi], w)
		}
	}
	count := make([]int32, len(words))
	var touched []int32
	for w, g := range grams {
		touched = touched[:0]
		for _, t := range g {
			for _, o := range postings[gramID[t]] {
				// Each pair once, from its lower end.
				if o <= int32(w) {
					continue
				}
				if count[o] == 0 {
					touched = append(touched, o)
				}
				count[o]++
			}
		}
		for _, o := range touched {
			inter := int(count[o])
			count[o] = 0
			union := len(g) + len(grams[o]) - inter
			if float64(inter)/float64(union) >= nearJaccard {
				a, b := words[w], words[o]
				near[a] = append(near[a], b)
				near[b] = append(near[b], a)
			}
		}
	}
	for _, n := range near {
		slices.Sort(n)
	}
	return near
}

// nameMemo remembers, for one worker of one comparison, which entity keys
// name the same person or place: the test is an edit distance, and the
// same two names meet in many pairs of claims.
type nameMemo struct {
	seen map[[2]int32]bool
}

func (m *nameMemo) same(v *vocab, a, b int32) bool {
	if m == nil {
		return v.names(v.keys[a].key, v.keys[b].key)
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
