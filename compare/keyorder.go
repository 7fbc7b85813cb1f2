package compare

import "slices"

// sortByKey puts a comparison's feature ids in key order: by their packed
// prefixes (featTable.pre), then, among equal prefixes (keys alike in
// their kind and first seven bytes, which is rare), by the keys
// themselves. The order is the one a comparison sort gives (the keys are
// distinct, so it is total), found by a least-significant-digit radix
// sort of the prefixes, a byte at a time: a comparison sort through a
// comparison function was a third of intern's time in corpus mode, where
// every event numbers a few hundred to a few thousand keys. tmp is
// scratch of the same length; the sorted ids are in ps.
func sortByKey(t *featTable, ps, tmp []preID) {
	if len(ps) < 64 {
		// Few keys (a pair of headlines): the digits' passes cost more.
		slices.SortFunc(ps, func(x, y preID) int { return comparePreID(t, x, y) })
		return
	}
	src, dst := ps, tmp[:len(ps)]
	for shift := 0; shift < 64; shift += 8 {
		var count [256]int
		for _, p := range src {
			count[byte(p.pre>>shift)]++
		}
		if count[byte(src[0].pre>>shift)] == len(src) {
			continue // one digit for all: the pass would change nothing
		}
		at := 0
		for d, c := range count {
			count[d] = at
			at += c
		}
		for _, p := range src {
			d := byte(p.pre >> shift)
			dst[count[d]] = p
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ps[0] {
		copy(ps, src)
	}
	// Runs of equal prefixes, in key order.
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].pre == ps[i].pre {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(ps[i:j], func(x, y preID) int { return t.keys[x.id].compare(t.keys[y.id]) })
		}
		i = j
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
