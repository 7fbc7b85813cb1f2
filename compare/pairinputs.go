package compare

import (
	"math/bits"
	"slices"
	"sync"
)

// What the pair model reads of two claims (pairmodel.go): the shares of
// their words, word pairs and word triples each repeats of the other, and
// of their words said in the same order, found fast enough that an event
// of many short posts can ask about every pair of their claims.

// pairInputs turns a pair of claims into the pair model's inputs. Words
// are the tokens' matching keys (lower case, stemmed), function words
// included: they carry the clause structure an added clause changes.
func pairInputs(a, b *claimFeatures, value, containment float64) [nPair]float64 {
	ps := pairScratches.Get().(*pairScratch)
	defer ps.done()
	seq := func(s []uint64, c *claimFeatures) []uint64 {
		for _, t := range c.claim.Tokens {
			id, ok := ps.ids[t.Key]
			if !ok {
				id = uint64(len(ps.ids)) + 1
				ps.ids[t.Key] = id
			}
			s = append(s, id)
		}
		return s
	}
	ps.sa = seq(ps.sa[:0], a)
	ps.sb = seq(ps.sb[:0], b)
	sa, sb := ps.sa, ps.sb
	x := [nPair]float64{value, containment}
	for n := 1; n <= 3; n++ {
		shared, na, nb := ps.sharedGrams(sa, sb, n)
		x[2*n], x[2*n+1] = minMax(ratio(float64(shared), na), ratio(float64(shared), nb))
	}
	common := float64(ps.lcs(sa, sb))
	x[8], x[9] = minMax(ratio(common, len(sa)), ratio(common, len(sb)))
	return x
}

// pairScratch holds what pairInputs reuses from one pair to the next: a
// corpus of two-sentence events asks the pair model about every pair,
// and its map and slices, made afresh each time, were two fifths of
// what such a comparison allocated (BenchmarkPairModel).
type pairScratch struct {
	ids            map[string]uint64 // a token key's id in the pair, from 1
	sa, sb, ga, gb []uint64          // the two claims' ids and n-grams
	dense          []int32           // lcs: the match row of an id, plus one
	match, v       []uint64          // lcs: match rows and the bit vector
}

var pairScratches = sync.Pool{New: func() any { return &pairScratch{ids: map[string]uint64{}} }}

// pairScratchKeys bounds the map a scratch keeps: clearing a map costs
// its capacity, and one pair of huge claims must not make every later
// pair pay for it.
const pairScratchKeys = 1 << 12

func (ps *pairScratch) done() {
	if len(ps.ids) > pairScratchKeys {
		ps.ids = map[string]uint64{}
	} else {
		clear(ps.ids)
	}
	pairScratches.Put(ps)
}

// sharedGrams counts the n-grams of a and b and how many they share, as
// multisets. Each n-gram is packed in one integer, gramBits a word, when
// every id fits (a pair of claims holds far fewer distinct words than
// 1<<gramBits: a claim is at most a few thousand bytes); otherwise, as a
// caller may build claims of any length, they are counted by a map.
func (ps *pairScratch) sharedGrams(a, b []uint64, n int) (shared, na, nb int) {
	if maxID(a) < 1<<gramBits && maxID(b) < 1<<gramBits {
		ps.ga, ps.gb = grams(ps.ga[:0], a, n), grams(ps.gb[:0], b, n)
		return commonSorted(ps.ga, ps.gb), len(ps.ga), len(ps.gb)
	}
	count := map[[3]uint64]int{}
	for i := 0; i+n <= len(a); i++ {
		var g [3]uint64
		copy(g[:], a[i:i+n])
		count[g]++
		na++
	}
	for i := 0; i+n <= len(b); i++ {
		var g [3]uint64
		copy(g[:], b[i:i+n])
		if count[g] > 0 {
			count[g]--
			shared++
		}
		nb++
	}
	return shared, na, nb
}

// gramBits is how many bits of an n-gram's packed integer each word takes;
// three words fill 63 bits.
const gramBits = 21

func maxID(s []uint64) uint64 {
	var m uint64
	for _, x := range s {
		m = max(m, x)
	}
	return m
}

// grams appends to dst the n-grams of s (n at most 3, every id under
// 1<<gramBits), each packed in one integer, and sorts them.
func grams(dst, s []uint64, n int) []uint64 {
	for i := 0; i+n <= len(s); i++ {
		var g uint64
		for _, id := range s[i : i+n] {
			g = g<<gramBits | id
		}
		dst = append(dst, g)
	}
	slices.Sort(dst)
	return dst
}

// commonSorted counts the entries two sorted lists share, as multisets.
func commonSorted(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// lcs is the length of the longest common subsequence of a and b, by the
// bit-parallel algorithm of Allison & Dix (1986) in Hyyrö's form (2004):
// one row of the dynamic programme is a bit vector over b, and each word
// of a updates 64 of its cells at once. The plain programme takes
// len(a)·len(b) steps, a quarter of a million for two claims of a few
// thousand bytes, and an event of many short posts asks about every pair
// of their claims; this takes a 64th of that.
func (ps *pairScratch) lcs(a, b []uint64) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(b) == 0 {
		return 0
	}
	w := (len(b) + 63) / 64
	// match[w·(row(x)-1):] has bit j set where b[j] == x; an id of a that
	// b does not hold has row 0. Rows are found by id in a slice where
	// the ids are dense, as pairInputs numbers them, else in a map.
	var sparse map[uint64]int32
	dense := ps.dense[:0]
	if top := max(maxID(a), maxID(b)); top <= uint64(4*(len(a)+len(b))) {
		dense = slices.Grow(dense, int(top)+1)[:top+1]
		clear(dense)
		ps.dense = dense
	} else {
		dense = nil
		sparse = map[uint64]int32{}
	}
	row := func(x uint64) int32 {
		if dense != nil {
			return dense[x]
		}
		return sparse[x]
	}
	match := ps.match[:0]
	n := int32(0)
	for j, x := range b {
		r := row(x)
		if r == 0 {
			n++
			r = n
			if dense != nil {
				dense[x] = r
			} else {
				sparse[x] = r
			}
			match = slices.Grow(match, w)
			match = match[:len(match)+w]
			clear(match[len(match)-w:])
		}
		match[int(r-1)*w+j/64] |= 1 << (j % 64)
	}
	ps.match = match
	v := slices.Grow(ps.v[:0], w)[:w]
	ps.v = v
	for k := range v {
		v[k] = ^uint64(0)
	}
	for _, x := range a {
		r := int(row(x))
		if r == 0 {
			continue // v & m is zero: v stays
		}
		m := match[(r-1)*w : r*w]
		var carry uint64
		for k, vk := range v {
			u := vk & m[k]
			var sum uint64
			sum, carry = bits.Add64(vk, u, carry)
			v[k] = sum | vk&^m[k]
		}
	}
	// The cells still set are the columns of b the subsequence does not
	// use; the bits past b were set and stay so (v &^ m keeps them).
	zeros := 0
	for _, vk := range v {
		zeros += 64 - bits.OnesCount64(vk)
	}
	return zeros
}

func ratio(part float64, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return part / float64(whole)
}

func minMax(x, y float64) (float64, float64) {
	if x > y {
		return y, x
	}
	return x, y
}
