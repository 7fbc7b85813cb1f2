package compare

import (
	"slices"
	"strings"
)

// nearJaccard is the trigram overlap at which two words are spelling
// variants (Gaddafi / Qaddafi).
const nearJaccard = 0.6

// nearIndex knows, for the long words of a table (featTable), which other
// long words are spelt nearly alike: their character trigrams overlap by
// a Jaccard similarity of at least nearJaccard. Whether two words are
// neighbours depends on the two words alone, so each pair is decided once
// for the process, when the later of the two is added; a comparison then
// reads, for each of its words, the neighbours it holds too (neighbours),
// which are the lists a search among the comparison's own words gives.
// Searching each event's words apart did the same work again for every
// event, with a map of trigram sets per event.
//
// A word added meets only the words that share a trigram of its prefix
// with theirs (prefix filtering, as in all-pairs similarity search): with
// a word's trigrams in one fixed order, two words whose overlap is at
// least α have a trigram in common among the first n − α + 1 of each (n
// its number of trigrams), and a Jaccard similarity of 3/5 needs an
// overlap of at least 3/5 of the larger word. The order puts trigrams
// seen late first: those are the rarer ones, so the prefixes hold few
// common trigrams ("ing", "ed ") and the lists looked up stay short.
type nearIndex struct {
	gramIDs  map[trigram]int32
	postings [][]int32 // per trigram id: the words whose prefix holds it
	// Per table id, for the long words added: their trigram ids,
	// descending (the prefix order), and their neighbours.
	grams [][]int32
	near  [][]int32
	added []bool
	// seen marks the words met while one word is added.
	seen  []uint32
	stamp uint32
	// words counts the words added since the index last started over.
	words int
}

// maxNearWords bounds the index. The lists a word added meets grow with
// every word the index holds, so on a stream of words never seen before
// (names, codes, another language) each addition cost more than the
// last: a comparison of 20,000 new words took nine times what it took
// when each comparison searched its own words. Past this many words the
// index starts over before a comparison adds its words; the pairs a
// comparison reads are those among its own words, all added again, so
// what it reads does not change.
const maxNearWords = 1 << 14

// maxFreshNear is the most words new to the index a comparison adds to
// it. Adding a word costs more the more words share its rare trigrams,
// and within one comparison the index cannot start over: a comparison
// with more new words than this (a long article, a large event in
// unfamiliar words) searches its own words apart instead (nearAmong),
// which costs the same whatever the process has seen.
const maxFreshNear = 1 << 12

// reset empties the index, keeping its buffers.
func (x *nearIndex) reset() {
	clear(x.gramIDs)
	x.postings = x.postings[:0]
	clear(x.grams)
	clear(x.near)
	clear(x.added)
	x.words = 0
}

// grow makes room for the table's ids up to n.
func (x *nearIndex) grow(n int) {
	if len(x.added) >= n {
		return
	}
	x.grams = append(x.grams, make([][]int32, n-len(x.grams))...)
	x.near = append(x.near, make([][]int32, n-len(x.near))...)
	x.added = append(x.added, make([]bool, n-len(x.added))...)
	x.seen = append(x.seen, make([]uint32, n-len(x.seen))...)
}

// add puts the long word id (key) in the index, with its neighbours among
// the words already there.
func (x *nearIndex) add(id int32, key string) {
	x.added[id] = true
	x.words++
	if x.gramIDs == nil {
		x.gramIDs = map[trigram]int32{}
	}
	tg := trigrams(key)
	g := make([]int32, len(tg))
	for i, t := range tg {
		gi, ok := x.gramIDs[t]
		if !ok {
			gi = int32(len(x.postings))
			x.gramIDs[t] = gi
			x.postings = append(x.postings, nil)
		}
		g[i] = gi
	}
	// Descending: the trigrams seen last first.
	slices.Sort(g)
	slices.Reverse(g)
	x.grams[id] = g
	n := len(g)
	if n == 0 {
		// No trigram ("-----"): alike to nothing.
		return
	}
	// The float test of nearly is exact for counts this small: it holds
	// when 5·overlap ≥ 3·union, which needs overlap ≥ ⌈3n/5⌉.
	prefix := g[:n-(3*n+4)/5+1]
	x.stamp++
	if x.stamp == 0 {
		clear(x.seen)
		x.stamp = 1
	}
	// Two sets with a Jaccard similarity of 3/5 differ in size by at most
	// that ratio: 5·min ≥ 3·max.
	for _, gi := range prefix {
		for _, o := range x.postings[gi] {
			if x.seen[o] == x.stamp {
				continue
			}
			x.seen[o] = x.stamp
			if m := len(x.grams[o]); 5*min(m, n) < 3*max(m, n) {
				continue
			}
			if nearly(g, x.grams[o]) {
				x.near[id] = append(x.near[id], o)
				x.near[o] = append(x.near[o], id)
			}
		}
	}
	for _, gi := range prefix {
		x.postings[gi] = append(x.postings[gi], id)
	}
}

// nearly reports whether two words' trigram sets (ids, descending) have a
// Jaccard similarity of at least nearJaccard.
func nearly(a, b []int32) bool {
	inter, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] > b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	return float64(inter)/float64(union) >= nearJaccard
}

// neighbours returns, for each key of a comparison (keys: table ids in
// the comparison's order; local: table id → position in keys, -1 when
// absent), the positions of the other words of the comparison spelt
// nearly alike, ascending. Only words of at least softMinLen bytes take
// part; every one is added to the index first, so that the pairs among
// them are all known before any list is read.
//
// The lists are carved from sc: they live as long as the comparison.
func (x *nearIndex) neighbours(t *featTable, keys []int32, local []int32, sc *scratch) [][]int32 {
	if x.words > maxNearWords {
		x.reset()
	}
	x.grow(len(t.keys))
	fresh := 0
	for _, id := range keys {
		if k := t.keys[id]; k.kind == kindWord && len(k.key) >= softMinLen && !x.added[id] {
			fresh++
		}
	}
	if fresh > maxFreshNear {
		return nearAmong(t, keys, sc)
	}
	total := 0
	for _, id := range keys {
		k := t.keys[id]
		if k.kind != kindWord || len(k.key) < softMinLen {
			continue
		}
		if !x.added[id] {
			x.add(id, k.key)
		}
		total += len(x.near[id])
	}
	out := sc.lst.take(len(keys))
	flat := sc.i32.take(total)[:0]
	for r, id := range keys {
		if len(x.near[id]) == 0 || t.keys[id].kind != kindWord {
			continue
		}
		start := len(flat)
		for _, o := range x.near[id] {
			if l := local[o]; l >= 0 {
				flat = append(flat, l)
			}
		}
		if len(flat) > start {
			out[r] = flat[start:len(flat):len(flat)]
			slices.Sort(out[r])
		}
	}
	return out
}

// trigram is three runes packed in one number (21 bits each).
type trigram uint64

// trigrams returns the distinct character trigrams of a word with a space
// on either side and its hyphens left out, sorted.
func trigrams(w string) []trigram {
	r := []rune(" " + strings.ReplaceAll(w, "-", "") + " ")
	out := make([]trigram, 0, len(r))
	for i := 0; i+3 <= len(r); i++ {
		out = append(out, trigram(r[i])<<42|trigram(r[i+1])<<21|trigram(r[i+2]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// nearAmong is neighbours for one comparison alone, without the index:
// the long words' trigrams are counted against those of every later word
// of the comparison that shares one, each pair once. It gives the lists
// neighbours gives (the same pairs, decided on the two words alone).
// Filtering by prefix within the comparison, as the index does, was
// measured and left out: on the 19,204 distinct long words of the
// development texts it took what counting takes (0.17 s), on uniform
// random words twice as long.
func nearAmong(t *featTable, keys []int32, sc *scratch) [][]int32 {
	var words []int32 // positions in keys
	var grams [][]trigram
	gramID := map[trigram]int32{}
	var postings [][]int32 // per trigram, the positions in words
	for r, id := range keys {
		k := t.keys[id]
		if k.kind != kindWord || len(k.key) < softMinLen {
			continue
		}
		g := trigrams(k.key)
		w := int32(len(words))
		words = append(words, int32(r))
		grams = append(grams, g)
		for _, tg := range g {
			gi, ok := gramID[tg]
			if !ok {
				gi = int32(len(postings))
				gramID[tg] = gi
				postings = append(postings, nil)
			}
			postings[gi] = append(postings[gi], w)
		}
	}
	near := make([][]int32, len(keys))
	count := make([]int32, len(words))
	var touched []int32
	for w, g := range grams {
		touched = touched[:0]
		for _, tg := range g {
			for _, o := range postings[gramID[tg]] {
				if o <= int32(w) {
					continue // each pair once, from its lower end
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
	out := sc.lst.take(len(keys))
	for r, n := range near {
		if len(n) > 0 {
			slices.Sort(n)
			out[r] = n
		}
	}
	return out
}
