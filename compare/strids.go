package compare

import "hash/maphash"

// strIDs numbers the strings of one group's detail comparison (words or
// name keys) in the order they are first asked about. Corpus mode compares
// tens of thousands of small groups, each with a few dozen words: a Go map
// per group, cleared after it, cost more than the look-ups themselves. This
// is an open-addressing table kept from group to group, whose used slots
// are emptied when the group is done (so that it keeps no pointer into a
// finished comparison's documents).
type strIDs struct {
	slots []strSlot
	used  []int32 // the slots in use, to empty
	seed  maphash.Seed
}

// strSlot is one string and its number; ok is false for an empty slot.
type strSlot struct {
	key string
	id  int32
	ok  bool
}

// id returns the number of k, giving it *next (and counting on) when k is
// new.
func (m *strIDs) id(k string, next *int32) int32 {
	if 2*(len(m.used)+1) > len(m.slots) {
		m.grow()
	}
	mask := uint64(len(m.slots) - 1)
	for i := maphash.String(m.seed, k) & mask; ; i = (i + 1) & mask {
		s := &m.slots[i]
		if !s.ok {
			*s = strSlot{k, *next, true}
			*next++
			m.used = append(m.used, int32(i))
			return s.id
		}
		if s.key == k {
			return s.id
		}
	}
}

// len is how many strings are numbered.
func (m *strIDs) len() int { return len(m.used) }

// grow doubles the slots (at most half full, so probes stay short) and
// places the strings again.
func (m *strIDs) grow() {
	if len(m.slots) == 0 {
		m.seed = maphash.MakeSeed()
	}
	old := m.slots
	m.slots = make([]strSlot, max(2*len(old), 64))
	used := m.used
	m.used = make([]int32, 0, cap(used))
	mask := uint64(len(m.slots) - 1)
	for _, u := range used {
		s := old[u]
		i := maphash.String(m.seed, s.key) & mask
		for m.slots[i].ok {
			i = (i + 1) & mask
		}
		m.slots[i] = s
		m.used = append(m.used, int32(i))
	}
}

// reset empties the table for the next group; one grown by a very large
// group is let go rather than kept for every small one after it.
func (m *strIDs) reset() {
	if len(m.slots) > 1<<15 {
		*m = strIDs{seed: m.seed}
		return
	}
	for _, u := range m.used {
		m.slots[u] = strSlot{}
	}
	m.used = m.used[:0]
}
