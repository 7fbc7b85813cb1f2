package compare

import (
	"math"
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"github.com/claimdiff/claimdiff/extract"
)

// featTable numbers the feature keys and token forms a process meets, once
// each, with what scoring asks about them: a token's lower-case form and
// rarity, the number of its key, a word's spelling neighbours (near.go).
// Corpus mode compares a thousand small events that share most of their
// words; working these out per event was a third of the comparison's
// time. A comparison takes a table for itself (acquireTable) and gives it
// back at its end, so no look-up takes a lock; every table answers the
// same, whatever it has seen, so which one a comparison gets never shows
// in a result.
type featTable struct {
	// ids numbers the keys of each kind (kinds order): a map keyed by one
	// string is looked up by the runtime's fast path, one keyed by a
	// struct is not.
	ids  [len(kinds)]map[string]int32
	keys []featKey
	// pre holds, per id, the key's kind and its first seven bytes packed
	// big-endian: keys differ there nearly always, so a sort in key order
	// compares integers and reads the strings only on a tie.
	pre  []uint64
	tok  tokTable            // token facts (toktable.go)
	nums map[[2]uint64]int32 // number features by the bits of (Value, Max)
	near nearIndex

	// Scratch of one comparison, kept from one to the next: local maps an
	// id to its number in the comparison (-1: not in it).
	local []int32
	sc    scratch
	// scorer is the pair scorer of one worker of the comparison
	// (eachDocPair), kept with its buffers.
	scorer      *pairScorer
	scorerTaken bool
	// keyCount is unifyAcross's map of an event's name keys, empty
	// between comparisons (keyCounts).
	keyCount map[string]int
	// keyCache answers wordID by the address of the key's bytes.
	keyCache [1 << keyCacheBits]keySlot
}

// maxKeyCount is the most keys the table keeps its key-count map for: an
// empty map costs its largest size to clear, and an event of thousands
// of names is rare.
const maxKeyCount = 1 << 12

// keyCounts returns the table's empty map of name keys for unifyAcross.
func (t *featTable) keyCounts() map[string]int {
	if t.keyCount == nil {
		t.keyCount = map[string]int{}
	}
	return t.keyCount
}

// emptyKeyCounts empties the map keyCounts gave, or drops it when it grew
// past maxKeyCount. Its keys may point into the documents' texts: the
// table keeps none.
func (t *featTable) emptyKeyCounts() {
	if len(t.keyCount) > maxKeyCount {
		t.keyCount = nil
		return
	}
	clear(t.keyCount)
}

// tokFacts is what scoring asks about a token. The fields are in this
// order so that they take 32 bytes (key and possessive share a word): a
// tokSlot then takes one cache line (TestTokSlotSize).
type tokFacts struct {
	label  string  // its text in lower case, for evidence
	rarity float64 // rarity of label without a possessive ending
	key    int32   // id of the word feature of its key; -1 for an empty key
	// possessive is set when label has that ending: rarity is then not
	// the rarity of label itself (which added detail weighs).
	possessive bool
	// hyphen is set when the text has a hyphen (hasHyphen): its key may
	// be another than the token's (hyphenForms).
	hyphen bool
}

// maxTableKeys bounds a table: past it (a stream of text in many
// languages, random tokens), the table starts over when a comparison
// takes it, so memory stays bounded by one comparison plus this.
const maxTableKeys = 1 << 17

func newFeatTable() *featTable {
	t := &featTable{nums: map[[2]uint64]int32{}}
	for k := range t.ids {
		t.ids[k] = map[string]int32{}
	}
	return t
}

// tablePool keeps the tables of finished comparisons for the next ones:
// as many as there are cores at most (corpus mode runs one comparison per
// core), so that a burst of concurrent callers leaves no more behind.
var tablePool struct {
	sync.Mutex
	free []*featTable
}

// acquireTable returns a table no other comparison is using.
func acquireTable() *featTable {
	tablePool.Lock()
	var t *featTable
	if n := len(tablePool.free); n > 0 {
		t = tablePool.free[n-1]
		tablePool.free = tablePool.free[:n-1]
	}
	tablePool.Unlock()
	if t == nil || len(t.keys) > maxTableKeys || t.tok.len() > maxTableKeys {
		t = newFeatTable()
	}
	return t
}

// release gives the table back; nothing of the comparison that used it may
// use it afterwards.
func (t *featTable) release() {
	t.sc.release()
	if t.scorer != nil {
		t.scorer.release()
	}
	t.scorerTaken = false
	if len(t.keys) > maxTableKeys || t.tok.len() > maxTableKeys {
		// Over its bound: left to the collector now rather than kept in
		// the pool until a comparison takes it and starts over.
		return
	}
	tablePool.Lock()
	if len(tablePool.free) < runtime.GOMAXPROCS(0) {
		tablePool.free = append(tablePool.free, t)
	}
	tablePool.Unlock()
}

// id returns the number of a feature key.
func (t *featTable) id(kind byte, key string) int32 {
	m := t.ids[kindIndex(kind)]
	if id, ok := m[key]; ok {
		return id
	}
	// The key may point into a whole article: keep a copy, not the article.
	k := featKey{kind, strings.Clone(key)}
	id := int32(len(t.keys))
	m[k.key] = id
	t.keys = append(t.keys, k)
	var p [8]byte
	p[0] = kind
	copy(p[1:], key)
	t.pre = append(t.pre, uint64(p[0])<<56|uint64(p[1])<<48|uint64(p[2])<<40|uint64(p[3])<<32|
		uint64(p[4])<<24|uint64(p[5])<<16|uint64(p[6])<<8|uint64(p[7]))
	t.local = append(t.local, -1)
	return id
}

// token returns the facts of a token.
func (t *featTable) token(text, key string) tokFacts {
	if f, ok := t.tok.find(text, key); ok {
		return f
	}
	low := strings.ToLower(text)
	if low == text {
		low = strings.Clone(text) // the table keeps it, not the article's text
	}
	base := strings.TrimSuffix(strings.TrimSuffix(low, "’s"), "'s")
	f := tokFacts{key: -1, label: low, rarity: rarity(base), possessive: len(base) < len(low), hyphen: hasHyphen(text)}
	if key != "" {
		f.key = t.id(kindWord, key)
	}
	t.tok.add(text, key, f)
	return f
}

// tokenForms returns the facts of a token under the key comparison reads
// it by, and the words of a compound scored as its words (hyphenForms).
// A token without a hyphen is read by its own key, so its facts are
// looked up by that key and its text without asking hyphenForms, whose
// test for a hyphen was a walk over the text of every token: the facts
// say whether the text has one.
func (t *featTable) tokenForms(tok *extract.Token) (tokFacts, []string) {
	if f, ok := t.tok.find(tok.Text, tok.Key); ok && !f.hyphen {
		return f, nil
	}
	key, parts := hyphenForms(tok)
	return t.token(tok.Text, key), parts
}

// wordID returns the id of the word feature of a token key, -1 for an
// empty key: the key of featTable.token's facts, without the facts. The
// keys lookUpKeys asks for are a token's only (verbatimRun compares them),
// so they are looked up by the key alone, not through the token table by
// text and key, which for these tokens (mostly function words) cost twice
// the look-up and kept facts no one read.
//
// Most of these keys are function words, a few hundred strings asked for
// over and over, and the keys extraction gives are its word table's
// copies, one string per word: so a small cache by the address of the
// key's bytes (keyCache) answers most without hashing the key or probing
// the map.
func (t *featTable) wordID(key string) int32 {
	if key == "" {
		return -1
	}
	p := addrOf(key)
	s := &t.keyCache[(p*0x9E3779B97F4A7C15)>>(64-keyCacheBits)]
	// The address alone proves nothing (the bytes it held may have been
	// freed and reused since), so the key is compared too: a few bytes
	// where the address matched, and a miss only costs the map look-up.
	if s.p == p && s.key == key {
		return s.id
	}
	id := t.id(kindWord, key)
	// The slot keeps the table's copy, not key: it may point into an
	// article.
	*s = keySlot{p: p, key: t.keys[id].key, id: id}
	return id
}

// addrOf is the address of a string's bytes, by which keyCache and the
// token table's cache (tokTable.recent) know the keys extraction gives:
// its word table's copies, one string per word for the whole process.
func addrOf(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }

// keySlot is a slot of featTable.keyCache: a word key's id, with the
// address of the bytes it was asked by and the table's copy of the key.
type keySlot struct {
	p   uintptr
	key string
	id  int32
}

// keyCacheBits sizes featTable.keyCache: 1,024 slots of 32 bytes.
const keyCacheBits = 10

// number returns the id of a number feature (numberKey). The map is keyed
// by the values' bits: 0 and -0 are equal numbers but different keys, and
// NaN is equal to nothing.
func (t *featTable) number(n extract.Number) int32 {
	k := [2]uint64{math.Float64bits(n.Value), math.Float64bits(n.Max)}
	if id, ok := t.nums[k]; ok {
		return id
	}
	id := t.id(kindNumber, numberKey(n))
	t.nums[k] = id
	return id
}
