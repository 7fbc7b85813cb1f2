package compare

import (
	"slices"
	"sync"
)

// contentSets holds the content-word keys of a group's claims (function
// words left out), each claim's gathered once for all the pairs it is in,
// as a sorted list of distinct key ids: the Dice coefficient of two claims
// is then a merge of two short lists. The ids are those the comparison's
// table gave the keys (claimFeatures.keyID), so a group hashes no string;
// a map of the keys per claim, made again for each group (a claim is in
// many groups of a large event), was a fifth of the differences' time in
// corpus mode. Sides made without features (tests) number the keys in a
// map of their own. One value serves the three kinds of fact of a group
// and, reset, the next group on the same core (contentScratches).
type contentSets struct {
	sides []side
	first []int     // per side, the index in sets of its first claim
	sets  [][]int32 // per claim, its keys, once gathered (done)
	done  []bool
	buf   []int32          // the lists of sets, carved in order
	words map[string]int32 // key numbers where a side has no features
}

var contentScratches = sync.Pool{New: func() any { return &contentSets{} }}

// newContentSets returns the (empty) content sets of a group's sides,
// from the pool: release returns them.
func newContentSets(sides []side) *contentSets {
	cs := contentScratches.Get().(*contentSets)
	cs.sides = sides
	cs.first = cs.first[:0]
	n := 0
	features := true
	for _, s := range sides {
		cs.first = append(cs.first, n)
		n += len(s.claims)
		features = features && len(s.feats) == len(s.claims)
		for ci, cf := range s.feats {
			features = features && cf != nil && ci < len(s.claims) && cf.claim == s.claims[ci] && len(cf.keyID) == len(cf.claim.Tokens)
		}
	}
	cs.sets = grow(cs.sets, n)
	cs.done = grow(cs.done, n)
	clear(cs.done)
	cs.buf = cs.buf[:0]
	if !features {
		if cs.words == nil {
			cs.words = map[string]int32{}
		}
	} else if cs.words != nil {
		clear(cs.words)
		cs.words = nil
	}
	return cs
}

// release returns the sets to the pool; they keep no claim.
func (cs *contentSets) release() {
	cs.sides = nil
	clear(cs.sets)
	if len(cs.words) > 1<<12 {
		cs.words = nil // grown by a very large group
	} else if cs.words != nil {
		clear(cs.words)
	}
	contentScratches.Put(cs)
}

// of returns the content-word key ids of claim ci of side si, sorted and
// distinct.
func (cs *contentSets) of(si, ci int) []int32 {
	i := cs.first[si] + ci
	if cs.done[i] {
		return cs.sets[i]
	}
	s := cs.sides[si]
	c := s.claims[ci]
	at := len(cs.buf)
	if cs.words == nil {
		cf := s.feats[ci]
		// Keys of tokens that are no feature are looked up now if prepare
		// left them (lazykeys.go): differences run on one goroutine unless
		// the comparison is large, and then every key was looked up
		// before the scoring.
		cf.lookUpKeys()
		for i := range c.Tokens {
			if !c.Tokens[i].Stop {
				cs.buf = append(cs.buf, cf.keyID[i])
			}
		}
	} else {
		for i := range c.Tokens {
			if !c.Tokens[i].Stop {
				k := tokenKey(&c.Tokens[i])
				id, ok := cs.words[k]
				if !ok {
					id = int32(len(cs.words))
					cs.words[k] = id
				}
				cs.buf = append(cs.buf, id)
			}
		}
	}
	set := cs.buf[at:]
	slices.Sort(set)
	set = slices.Compact(set)
	cs.buf = cs.buf[:at+len(set)]
	cs.sets[i], cs.done[i] = set[:len(set):len(set)], true
	return cs.sets[i]
}

// dice is the Dice coefficient of the content-word keys of two claims
// (side and claim index each), each key counted once.
func (cs *contentSets) dice(sa, ca, sb, cb int) float64 {
	ka, kb := cs.of(sa, ca), cs.of(sb, cb)
	if len(ka)+len(kb) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(ka) && j < len(kb); {
		switch {
		case ka[i] < kb[j]:
			i++
		case ka[i] > kb[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return 2 * float64(n) / float64(len(ka)+len(kb))
}
