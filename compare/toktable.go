package compare

import "hash/maphash"

// tokTable finds the facts of a token (featTable.token) by its text and
// key. It is a hash table of its own because the look-up is the costliest
// step of preparing a claim: one per token of every claim, most of them
// for words met before. A Go map of the texts took three cache misses a
// look-up (its control word, its slot, the key's bytes in a string of
// their own); here the slots are small (eight bytes, so that they stay in
// the cache) and an entry holds its text and key in place when they fit,
// so a look-up reads one entry.
type tokTable struct {
	// slots hold, per slot, 0 when empty, else the top half of the
	// text's hash and the entry's position + 1.
	slots   []uint64
	entries []tokSlot
	seed    maphash.Seed
	// recent answers most look-ups before the text is hashed: by the
	// address of the key's bytes and the text's length, the entry found
	// last for them. The keys extraction gives are its word table's
	// copies, one string per word, so a word met again comes with the key
	// it came with before. The address alone proves nothing (the bytes it
	// held may have been freed and reused since), so the entry's text and
	// key are compared, and a miss costs the hash table's look-up.
	recent [1 << recentBits]recentSlot
}

// recentSlot is a slot of tokTable.recent: the address of a key's bytes
// and 1 + the position of the entry last found by it (0: empty).
type recentSlot struct {
	p     uintptr
	entry uint32
}

// recentBits sizes tokTable.recent: 16,384 slots of 16 bytes. On BASIL
// ×5, 4,096 slots answered 65% of the look-ups, 16,384 78%.
const recentBits = 14

// recentAt is the slot of tokTable.recent for a text and key: the key's
// address and the text's length mixed (Fibonacci hashing), its top bits.
func recentAt(text, key string) int {
	return int(((addrOf(key) ^ uintptr(len(text))<<56) * 0x9E3779B97F4A7C15) >> (64 - recentBits))
}

// tokInline is how many bytes of text and key an entry holds in place:
// with them an entry takes one cache line.
const tokInline = 22

// tokSlot is one pair of a token text and key, with its facts. The text
// and key are in buf (text, then key) when both fit; else in long.
type tokSlot struct {
	textLen, keyLen uint8
	buf             [tokInline]byte
	long            *[2]string
	facts           tokFacts
}

func (e *tokSlot) is(text, key string) bool {
	if e.long == nil {
		return len(text) == int(e.textLen) && len(key) == int(e.keyLen) &&
			string(e.buf[:e.textLen]) == text && string(e.buf[e.textLen:int(e.textLen)+int(e.keyLen)]) == key
	}
	return e.long[0] == text && e.long[1] == key
}

func (tt *tokTable) len() int { return len(tt.entries) }

// find returns the facts of a token, if the table has them.
func (tt *tokTable) find(text, key string) (tokFacts, bool) {
	if len(tt.slots) == 0 {
		return tokFacts{}, false
	}
	r := &tt.recent[recentAt(text, key)]
	if r.entry != 0 && r.p == addrOf(key) {
		if e := &tt.entries[r.entry-1]; e.is(text, key) {
			return e.facts, true
		}
	}
	h := maphash.String(tt.seed, text)
	tag := h >> 32
	mask := uint64(len(tt.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := tt.slots[i]
		if s == 0 {
			return tokFacts{}, false
		}
		if s>>32 == tag {
			if e := &tt.entries[uint32(s)-1]; e.is(text, key) {
				*r = recentSlot{p: addrOf(key), entry: uint32(s)}
				return e.facts, true
			}
		}
	}
}

// add puts a token's facts in the table; it must not be there yet. The
// text and key are copied, so they may point into an article.
func (tt *tokTable) add(text, key string, f tokFacts) {
	if 2*(len(tt.entries)+1) > len(tt.slots) {
		tt.grow()
	}
	e := tokSlot{facts: f}
	if len(text)+len(key) <= tokInline {
		e.textLen, e.keyLen = uint8(len(text)), uint8(len(key))
		copy(e.buf[copy(e.buf[:], text):], key)
	} else {
		e.long = &[2]string{string([]byte(text)), string([]byte(key))}
	}
	tt.entries = append(tt.entries, e)
	tt.place(maphash.String(tt.seed, text), uint32(len(tt.entries)))
}

// place puts entry n (position + 1) with text hash h in a free slot.
func (tt *tokTable) place(h uint64, n uint32) {
	mask := uint64(len(tt.slots) - 1)
	i := h & mask
	for tt.slots[i] != 0 {
		i = (i + 1) & mask
	}
	tt.slots[i] = h>>32<<32 | uint64(n)
}

// grow doubles the slots (at most half full, so probes stay short) and
// places every entry again.
func (tt *tokTable) grow() {
	if len(tt.slots) == 0 {
		tt.seed = maphash.MakeSeed()
	}
	tt.slots = make([]uint64, max(2*len(tt.slots), 1<<12))
	for k := range tt.entries {
		e := &tt.entries[k]
		h := uint64(0)
		if e.long == nil {
			h = maphash.Bytes(tt.seed, e.buf[:e.textLen]) // as String of the same bytes
		} else {
			h = maphash.String(tt.seed, e.long[0])
		}
		tt.place(h, uint32(k+1))
	}
}
