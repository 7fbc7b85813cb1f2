package compare

import (
	"math/bits"
	"slices"
)

// sortByKey puts a comparison's feature ids in key order: by their packed
// prefixes (featTable.pre), then, among equal prefixes (keys alike in
// their kind and first seven bytes, which is rare), by the keys
// themselves. The order is the one a comparison sort gives (the keys are
// distinct, so it is total).
//
// Each prefix is sorted as one integer that carries the id's position in
// its low bits, as many as the positions need (nine for the 460 keys of
// a BASIL event), by slices.Sort on plain integers; the few runs whose
// prefixes tie in the bits left are then sorted by whole prefix and key.
// A comparison sort through a comparison function was a third of
// intern's time in corpus mode; a radix sort of the prefixes a byte at a
// time, eight passes with a 256-entry count each, still cost 300
// instructions a key on BASIL's events, this about 240. tmp is scratch of
// the same length as ps, order scratch for the integers, returned for
// reuse; the sorted ids are in ps.
func sortByKey(t *featTable, ps, tmp []preID, order []uint64) []uint64 {
	if len(ps) < 2 {
		return order
	}
	b := uint(bits.Len(uint(len(ps) - 1)))
	order = order[:0]
	for i, p := range ps {
		order = append(order, p.pre>>b<<b|uint64(i))
	}
	slices.Sort(order)
	tmp = tmp[:len(ps)]
	copy(tmp, ps)
	for i, o := range order {
		ps[i] = tmp[o&(1<<b-1)]
	}
	// Runs alike in their prefixes' top bits, in key order.
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].pre>>b == ps[i].pre>>b {
			j++
		}
		if j-i > 1 {
			sortPreIDs(t, ps[i:j])
		}
		i = j
	}
	return order
}

// sortPreIDs sorts a few ids by key (comparePreID): by insertion up to
// a dozen.
func sortPreIDs(t *featTable, ps []preID) {
	if len(ps) > 12 {
		slices.SortFunc(ps, func(x, y preID) int { return comparePreID(t, x, y) })
		return
	}
	for i := 1; i < len(ps); i++ {
		x := ps[i]
		j := i
		for j > 0 && comparePreID(t, ps[j-1], x) > 0 {
			ps[j] = ps[j-1]
			j--
		}
		ps[j] = x
	}
}

// comparePreID orders two ids by key, their packed prefixes first.
func comparePreID(t *featTable, x, y preID) int {
	switch {
	case x.pre < y.pre:
		return -1
	case x.pre > y.pre:
		return 1
	}
	return t.keys[x.id].compare(t.keys[y.id]) // ids are distinct keys: never 0
}
