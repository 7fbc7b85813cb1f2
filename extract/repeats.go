package extract

import (
	"math"
	"slices"
	"sync"
)

// markRepeats links a claim to an earlier claim of the same document that
// it repeats: a teaser lead printed again in the body. Two claims repeat
// when most of the shorter one's content words are in the longer one.
// facts[i] are the word facts of claims[i]'s tokens.
//
// b holds buffers reused between documents; nil allocates them.
func markRepeats(claims []Claim, facts [][]*wordFacts, b *repeatBufs) {
	if b == nil {
		b = new(repeatBufs)
	}
	sets, n := wordSets(claims, facts, b)
	if sets == nil {
		sets, n = keySets(claims)
	}
	findRepeats(claims, sets, n, b)
}

// repeatBufs are markRepeats' working arrays: the sets' ids (buf) and
// headers, the words' claim counts (df) and index (head, nodes), and a
// mark per word (mark: the last set that took it, or the last comparison
// that marked it).
type repeatBufs struct {
	buf            []int32
	sets           [][]int32
	df, head, mark []int32
	nodes          []repeatNode
}

// repeatNode is one claim in a word's list of the index: next is 1 + the
// word's previous node, 0 at the end.
type repeatNode struct{ claim, next int32 }

// wordSets gives each claim's content words as a set of ids numbered for
// the document (in the order of the claim's words, each once), read from
// the process's word ids: numbering needs no map of the document's words,
// and a set needs no sort (findRepeats compares sets by marks). It
// returns nil when the words' ids do not share one numbering (a table
// that started over during the document, a Lexicon without a table);
// keySets then numbers the keys.
func wordSets(claims []Claim, facts [][]*wordFacts, b *repeatBufs) ([][]int32, int) {
	if len(facts) != len(claims) {
		return nil, 0
	}
	total := 0
	for i := range claims {
		n := len(claims[i].Tokens)
		if len(facts[i]) != n {
			return nil, 0
		}
		total += n
	}
	sc := repeatScratch.Get().(*repeatLocal)
	// The maps in locals for the loop (the pooled struct's fields would be
	// read again at every token); seen goes back to sc at the end.
	local, seen := sc.local, sc.seen[:0]
	defer func() {
		// Back to all zero for the next document.
		for _, g := range seen {
			local[g] = 0
		}
		sc.seen = seen[:0]
		repeatScratch.Put(sc)
	}()
	buf := slices.Grow(b.buf[:0], total)
	sets := slices.Grow(b.sets[:0], len(claims))[:len(claims)]
	b.sets = sets
	defer func() { b.buf = buf }()
	mark := b.mark[:0]
	defer func() { b.mark = mark }()
	gen, first := uint32(0), true
	for i := range claims {
		// Tokens by index: a copy of each (56 bytes) cost more than the
		// rest of the loop.
		toks, fs := claims[i].Tokens, facts[i]
		start := len(buf)
		for k := range toks {
			t := &toks[k]
			if t.Stop {
				continue
			}
			f := fs[k]
			key := f.keyID(t.Entity)
			if key < 0 || int(key) >= len(local) || (!first && f.gen != gen) {
				return nil, 0
			}
			gen, first = f.gen, false
			id := local[key] - 1
			if id < 0 {
				id = int32(len(seen))
				local[key] = id + 1
				seen = append(seen, key)
				mark = append(mark, 0)
			}
			if mark[id] == int32(i+1) {
				// The claim has the word already.
				continue
			}
			mark[id] = int32(i + 1)
			buf = append(buf, id)
		}
		sets[i] = buf[start:len(buf):len(buf)]
	}
	return sets, len(seen)
}

// repeatLocal maps the process's word ids to a document's: local[id] is
// the document's number plus one (0: not seen), seen the ids set, so that
// local is cleared in time proportional to the document.
type repeatLocal struct {
	local []int32
	seen  []int32
}

// repeatScratch keeps the maps of ids between documents: a table's ids
// stay below maxStemCache.
var repeatScratch = sync.Pool{New: func() any { return &repeatLocal{local: make([]int32, maxStemCache)} }}

// keySets is wordSets numbering the tokens' keys in a map of the document.
func keySets(claims []Claim) ([][]int32, int) {
	ids := map[string]int32{}
	sets := make([][]int32, len(claims))
	for i, c := range claims {
		var set []int32
		for _, t := range c.Tokens {
			if t.Stop {
				continue
			}
			id, ok := ids[t.Key]
			if !ok {
				id = int32(len(ids))
				ids[t.Key] = id
			}
			set = append(set, id)
		}
		slices.Sort(set)
		sets[i] = slices.Compact(set)
	}
	return sets, len(ids)
}

// findRepeats marks the repeats among claims, whose content words are the
// id sets sets (each id once in a set, in any order), numbered below n.
func findRepeats(claims []Claim, sets [][]int32, n int, b *repeatBufs) {
	df := slices.Grow(b.df[:0], n)[:n]
	clear(df)
	b.df = df
	for _, set := range sets {
		for _, id := range set {
			df[id]++
		}
	}
	// A repeat and its original share most of their words, rare ones
	// included: each claim is indexed under its rare words (in at most
	// four claims), and only claims sharing one are compared. This keeps
	// the search near linear where a pairwise scan would be quadratic; in
	// text where no word is rare, repeats are not looked for. The index
	// is a list per word, threaded through one array (head: 1 + the
	// word's last node); the order a word's claims are met in does not
	// matter, as candidates are sorted.
	const rare = 4
	head := slices.Grow(b.head[:0], n)[:n]
	clear(head)
	b.head = head
	mark := slices.Grow(b.mark[:0], n)[:n]
	clear(mark)
	b.mark = mark
	nodes := b.nodes[:0]
	defer func() { b.nodes = nodes }()
	seen := make([]int, len(claims)) // 1 + the last claim that saw a candidate
	var cands []int
	for j := range claims {
		if len(sets[j]) < 8 {
			// Too short to repeat or be repeated (small below): not
			// indexed, and no candidate of it is compared.
			continue
		}
		cands = cands[:0]
		for _, k := range sets[j] {
			if df[k] > rare {
				continue
			}
			for p := head[k] - 1; p >= 0; p = nodes[p].next - 1 {
				if i := int(nodes[p].claim); seen[i] != j+1 {
					seen[i] = j + 1
					cands = append(cands, i)
				}
			}
			nodes = append(nodes, repeatNode{claim: int32(j), next: head[k]})
			head[k] = int32(len(nodes))
		}
		slices.Sort(cands)
		marked := false // sets[j]'s words are marked
		for _, i := range cands {
			if claims[i].RepeatOf != "" {
				continue
			}
			small := min(len(sets[i]), len(sets[j]))
			if small < 8 {
				continue
			}
			if !marked {
				for _, id := range sets[j] {
					mark[id] = int32(j + 1)
				}
				marked = true
			}
			if sharesAtLeast(sets[i], mark, int32(j+1), int(math.Ceil(0.85*float64(small)))) {
				claims[j].RepeatOf = claims[i].ID
				break
			}
		}
	}
}

// sharesAtLeast reports whether at least need ids of the set a carry mark
// m (are the other set's): it stops once too many are missing, as most
// candidates share a rare word and little else. need is the least count
// that reaches 85% of the smaller set, float64(need) >= 0.85*small, as
// the ratio was tested on the count.
func sharesAtLeast(a, mark []int32, m int32, need int) bool {
	miss := len(a) - need // ids of a that may lack the mark
	if miss < 0 {
		return false
	}
	for _, id := range a {
		if mark[id] != m {
			if miss--; miss < 0 {
				return false
			}
		}
	}
	return true
}
