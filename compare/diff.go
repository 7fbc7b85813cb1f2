package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// minDetailWeight is how much unshared content (in rarity-weighted words)
// one side must add before it counts as added detail: two ordinary words,
// or one rare one.
const minDetailWeight = 0.9

// wordOp is one run of a word-level diff: tokens [from, to) of the side
// it belongs to (the first side for equal and deleted runs, the second for
// inserted ones).
type wordOp struct {
	op       diffmatchpatch.Operation
	from, to int
}

// maxGroupCodes is how many distinct words a group may hold before its
// diffs code words per pair instead of per group: the first 0x1900 codes
// are private-use runes of the Basic Multilingual Plane.
const maxGroupCodes = 0x1900

// wordCode is the private-use rune of the n-th distinct word (U+E000 up,
// then plane 15), so that go-diff works on words and its semantic
// clean-up, which sees every such rune as the same kind of character,
// cannot mistake a word code for white space or punctuation. Only which
// codes are equal matters to the diff, so a code per group gives the same
// runs as a code per pair.
func wordCode(n int) rune {
	if n >= 0x1900 {
		return rune(0xF0000 + n - 0x1900)
	}
	return rune(0xE000 + n)
}

// detailSide is what the comparison of added detail needs of one side of a
// group, computed once per group rather than once per pair of sides. Its
// lists are carved out of a detailScratch kept from group to group.
type detailSide struct {
	side
	toks   []*extract.Token // content tokens: marker words left out
	ids    []int32          // word id of each content token
	codes  []rune           // word code of each content token, for the diff
	has    []bool           // by word id: what the side says (its words, "e:" and its name keys)
	cand   []bool           // content token that can be added detail: no stop word, date or number
	weight []float64        // rarity of each content token, or 0 before it is needed (detailSides)
	pos    []int32          // per content token, its index among all the side's tokens
	// names[nameAt[i]:nameAt[i+1]] are the ids of "e:"+key of the names
	// containing content token i.
	nameAt []int32
	names  []int32
	// nonStop[k] is how many of the side's first k tokens are not stop
	// words: a run of added words goes on only over stop words.
	nonStop []int32
	// parts holds, for a content token scored as its parts
	// (hyphenForms), their word ids: "double-dip" is not added detail
	// against a side that says "double dip", nor "double" against one
	// that says "double-dip".
	parts map[int32][]int32
}

// detailVocab numbers the words and the name keys of one group, in one
// sequence of ids: a name key is told from a word of the same spelling.
// Where the sides have features (every group of a comparison), a word is
// known by the id the comparison's table gave its key (claimFeatures.
// keyID), turned into the group's number through local, an array by table
// id: a map of the key strings, hashed again for every token of every
// group, was a tenth of the detail comparison's time. Keys the table lacks
// (the parts of a compound in a number, the empty key) and the words of
// sides without features (tests) are numbered in words.
type detailVocab struct {
	words, names map[string]int32
	n            int32
	// table is the sides' table, nil when a side has no features; local
	// holds, by table id, the word's number in the group or -1, and used
	// the table ids set in it, for release.
	table *featTable
	local []int32
	used  []int32
}

func (v *detailVocab) id(k string) int32 { return v.number(v.words, k) }

func (v *detailVocab) nameID(k string) int32 { return v.number(v.names, k) }

func (v *detailVocab) number(m map[string]int32, k string) int32 {
	if i, ok := m[k]; ok {
		return i
	}
	i := v.n
	m[k] = i
	v.n++
	return i
}

// word returns the number of the word whose key has table id tid (-1:
// the empty key, which the table does not number).
func (v *detailVocab) word(tid int32) int32 {
	if tid >= 0 {
		if i := v.local[tid]; i >= 0 {
			return i // numbered already: inlined, as most of a group's words are
		}
	}
	return v.newWord(tid)
}

// newWord numbers a word word has not met. Kept out of line, so that
// word's test stays small enough to be inlined.
//
//go:noinline
func (v *detailVocab) newWord(tid int32) int32 {
	if tid < 0 {
		return v.id("")
	}
	i := v.n
	v.local[tid] = i
	v.used = append(v.used, tid)
	v.n++
	return i
}

// key returns the number of a word key: by its table id when the table
// has it (a token with that key has that id), else by the key itself.
// The table is only read: large comparisons run their groups on several
// cores.
func (v *detailVocab) key(k string) int32 {
	if v.table != nil {
		if tid, ok := v.table.ids[kindIndex(kindWord)][k]; ok {
			return v.word(tid)
		}
	}
	return v.id(k)
}

// useTable sets the vocabulary to number words by the table ids of the
// sides' features, when every side has them, all from one table; their
// pending keys are looked up first (lazykeys.go: differences run on one
// goroutine unless the comparison is large, and then none is pending).
func (v *detailVocab) useTable(sides []side) {
	v.table = nil
	var t *featTable
	for _, s := range sides {
		if len(s.feats) != len(s.claims) {
			return
		}
		for ci, cf := range s.feats {
			if cf == nil || cf.table == nil || t != nil && cf.table != t || cf.claim != s.claims[ci] || len(cf.keyID) != len(cf.claim.Tokens) {
				return
			}
			t = cf.table
		}
	}
	if t == nil {
		return
	}
	for _, s := range sides {
		for _, cf := range s.feats {
			cf.lookUpKeys()
		}
	}
	if n := len(t.keys); len(v.local) < n {
		old := len(v.local)
		v.local = slices.Grow(v.local, n+n/4-old)[:n+n/4]
		for i := old; i < len(v.local); i++ {
			v.local[i] = -1
		}
	}
	v.table = t
}

// reset forgets the group's numbers.
func (v *detailVocab) reset() {
	if len(v.words)+len(v.names) > 1<<14 {
		v.words, v.names = map[string]int32{}, map[string]int32{}
	} else {
		clear(v.words)
		clear(v.names)
	}
	for _, tid := range v.used {
		v.local[tid] = -1
	}
	v.used = v.used[:0]
	v.table = nil
	v.n = 0
}

func (v *detailVocab) len() int { return int(v.n) }

// detailScratch holds the lists and maps of one group's detail
// comparison, reused by the next group on the same core: corpus mode
// compares tens of thousands of small groups.
type detailScratch struct {
	voc     detailVocab
	sides   []detailSide
	toks    []*extract.Token
	ids     []int32
	codes   []rune
	has     []bool
	cand    []bool
	weight  []float64
	pos     []int32
	nameAt  []int32
	names   []int32
	nonStop []int32
	all     []int32    // the word id of every token of every side
	partOf  []sidePart // the part ids of every side's compounds
	ents    []int32    // the name id of every entity of every side
	// sideEnts lists a side's entities, in claim order.
	sideEnts []*extract.Entity
	spans    []extract.Span // a side's dates and numbers
	okA      []bool
	okB      []bool
	text     []byte
	runs     []Value // detailSide.runs's list, before its copy is returned
	atA, atB []int32 // the added tokens of a pair's sides (addedBy)
	differ   wordDiffer
}

var detailScratches = sync.Pool{New: func() any {
	return &detailScratch{voc: detailVocab{words: map[string]int32{}, names: map[string]int32{}}}
}}

// grow returns s with length n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// release returns the scratch to the pool; maps grown by a very large
// group are dropped rather than cleared for every small one after it.
func (sc *detailScratch) release() {
	sc.voc.reset()
	clear(sc.sides)
	clear(sc.toks)
	clear(sc.sideEnts)
	sc.partOf = sc.partOf[:0]
	detailScratches.Put(sc)
}

// detailSides prepares the sides of a group for detailDiffs. Words are
// numbered in the order they are met, every token of a side in one pass
// (a content token's number is its token's, a compound's parts follow
// it), then the names around its content tokens and its names. Only
// which words are equal matters to what reads the numbers (has, the word
// codes: every number of a group whose codes are used has a code of three
// UTF-8 bytes), not the order they were given in.
func detailSides(sides []side, sc *detailScratch) []detailSide {
	voc := &sc.voc
	voc.useTable(sides)
	total := 0
	for _, s := range sides {
		for _, c := range s.claims {
			total += len(c.Tokens)
		}
	}
	sc.sides = grow(sc.sides, len(sides))
	sc.toks = grow(sc.toks, total)
	sc.ids = grow(sc.ids, total)
	sc.cand = grow(sc.cand, total)
	sc.weight = grow(sc.weight, total)
	sc.pos = grow(sc.pos, total)
	sc.nameAt = grow(sc.nameAt, total+len(sides))
	sc.nonStop = grow(sc.nonStop, total+len(sides))
	sc.all = grow(sc.all, total)
	sc.names = sc.names[:0]
	sc.ents = sc.ents[:0]
	sc.partOf = sc.partOf[:0]
	out := sc.sides
	off := 0
	for si, s := range sides {
		d := &out[si]
		*d = detailSide{side: s}
		nAll := 0
		for _, c := range s.claims {
			nAll += len(c.Tokens)
		}
		// The side's tokens, numbered; content tokens gathered.
		d.nonStop = sc.nonStop[off+si : off+si+nAll+1]
		d.nonStop[0] = 0
		all := sc.all[off : off+nAll]
		toks, pos := sc.toks[off:off], sc.pos[off:off]
		k := 0
		sc.spans = sc.spans[:0]
		sc.sideEnts = sc.sideEnts[:0]
		for ci, c := range s.claims {
			// A word's rarity as prepare found it, if it did (else
			// addedBy works it out when it needs it).
			var low []float64
			var tkey []int32
			var compounds []compound
			if ci < len(s.feats) {
				low = s.feats[ci].lowRarity
			}
			if voc.table != nil {
				tkey = s.feats[ci].keyID
				compounds = s.feats[ci].compounds
			}
			markers := c.Markers
		tokens:
			for ti := range c.Tokens {
				t := &c.Tokens[ti]
				var ps []string // a content token's compound parts
				if tkey != nil {
					all[k] = voc.word(tkey[ti])
				} else {
					var key string
					key, ps = hyphenForms(t)
					all[k] = voc.id(key)
				}
				ns := d.nonStop[k]
				if !t.Stop {
					ns++
				}
				d.nonStop[k+1] = ns
				k++
				for mk := range markers {
					if markers[mk].Span.Contains(t.Span) {
						continue tokens
					}
				}
				w := 0.0
				if ti < len(low) {
					w = low[ti]
				}
				if w == unread {
					w = 0 // addedBy works it out when it needs it
					if tkey != nil && !t.Entity && mayHyphen(t.Text) {
						// hyphenForms gives parts only to a token that is
						// no name and has a hyphen (hyphenParts).
						_, ps = hyphenForms(t)
					}
				} else if tkey != nil {
					// The compounds before ti were tokens of markers.
					for len(compounds) > 0 && int(compounds[0].tok) < ti {
						compounds = compounds[1:]
					}
					if len(compounds) > 0 && int(compounds[0].tok) == ti {
						ps = compounds[0].parts
					}
				}
				sc.weight[off+len(toks)] = w
				sc.ids[off+len(toks)] = all[k-1]
				if ps != nil {
					if d.parts == nil {
						d.parts = map[int32][]int32{}
					}
					for _, p := range ps {
						id := voc.key(extract.WordKey(p))
						d.parts[int32(len(toks))] = append(d.parts[int32(len(toks))], id)
						sc.partOf = append(sc.partOf, sidePart{si, id})
					}
				}
				toks = append(toks, t)
				pos = append(pos, int32(k-1))
			}
			for dk := range c.Dates {
				sc.spans = append(sc.spans, c.Dates[dk].Span)
			}
			for nk := range c.Numbers {
				sc.spans = append(sc.spans, c.Numbers[nk].Span)
			}
			for ek := range c.Entities {
				sc.sideEnts = append(sc.sideEnts, &c.Entities[ek])
			}
		}
		d.toks, d.pos = toks, pos
		n := len(toks)
		d.ids = sc.ids[off : off+n]
		d.cand = sc.cand[off : off+n]
		d.weight = sc.weight[off : off+n]
		d.nameAt = sc.nameAt[off+si : off+si+n+1]
		// The side's names, numbered once each, before the names around
		// its content tokens are listed by them (a look-up per token and
		// name was a sixth of this function). Only which ids are equal
		// matters (has), so the order names are numbered in is free.
		entStart := len(sc.ents)
		for _, e := range sc.sideEnts {
			sc.ents = append(sc.ents, voc.nameID(e.Key))
		}
		ents := sc.ents[entStart:]
		nameStart := len(sc.names)
		for i, t := range toks {
			d.cand[i] = !t.Stop && !overlapsAny(sc.spans, t.Span)
			d.nameAt[i] = int32(len(sc.names) - nameStart)
			if d.cand[i] {
				for ek, e := range sc.sideEnts {
					if e.Span.Contains(t.Span) {
						sc.names = append(sc.names, ents[ek])
					}
				}
			}
		}
		d.nameAt[n] = int32(len(sc.names) - nameStart)
		d.names = sc.names[nameStart:]
		off += nAll
	}
	// What each side has, by id: its words and names, numbered above.
	v := voc.len()
	sc.has = grow(sc.has, len(sides)*v)
	clear(sc.has)
	codes := v <= maxGroupCodes
	if codes {
		sc.codes = grow(sc.codes, total)
	}
	off = 0
	offAll, offEnt := 0, 0
	for si, s := range sides {
		d := &out[si]
		d.has = sc.has[si*v : (si+1)*v]
		for _, c := range s.claims {
			for range c.Tokens {
				d.has[sc.all[offAll]] = true
				offAll++
			}
			for range c.Entities {
				d.has[sc.ents[offEnt]] = true
				offEnt++
			}
		}
		for _, p := range sc.partOf {
			if p.side == si {
				d.has[p.id] = true
			}
		}
		if codes {
			d.codes = sc.codes[off : off+len(d.ids)]
			for i, id := range d.ids {
				d.codes[i] = wordCode(int(id))
			}
		}
		off += len(d.ids)
	}
	return out
}

// mayHyphen reports whether s holds a hyphen's byte: '-', or the first
// byte of U+2010 or U+2011 (hyphenParts decides). A loop over a word's few
// bytes, where hasHyphen's two searches cost a call each for every token
// of every group.
func mayHyphen(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == 0xe2 {
			return true
		}
	}
	return false
}

// overlapsAny reports whether sp overlaps one of spans.
func overlapsAny(spans []extract.Span, sp extract.Span) bool {
	for _, s := range spans {
		if s.Overlaps(sp) {
			return true
		}
	}
	return false
}

// pairCodes codes two token sequences with the words of the pair alone,
// numbered in order of first appearance: for a group whose words outrun
// the private-use runes of the Basic Multilingual Plane.
func pairCodes(a, b []*extract.Token) ([]rune, []rune) {
	codes := map[string]rune{}
	code := func(k string) rune {
		if r, ok := codes[k]; ok {
			return r
		}
		r := wordCode(len(codes))
		codes[k] = r
		return r
	}
	ra := make([]rune, len(a))
	for i, t := range a {
		ra[i] = code(tokenKey(t))
	}
	rb := make([]rune, len(b))
	for i, t := range b {
		rb[i] = code(tokenKey(t))
	}
	return ra, rb
}

// addedBy marks in ok the content tokens of own that the other side
// lacks: not a stop word, date or number, a word the other side does not
// have anywhere (reordered words are not added), and not part of a name
// the other side also names ("Hayya’s" / "al-Hayya"). Such a token can
// only sit in a run of the diff that own alone has, so the added words
// need no diff; only the evidence span does. It reports whether their
// rarity adds up to minDetailWeight (weighing no more of them than it
// takes to know). The indices of the tokens it marks are appended to at,
// which it returns.
func addedBy(own, other *detailSide, ok []bool, at []int32) (bool, []int32) {
	w := 0.0
	// The lists cut to the tokens' count: the loop's reads need no
	// bounds checks.
	n := len(own.toks)
	ok, cand, ids, has := ok[:n], own.cand[:n], own.ids[:n], other.has
tokens:
	for i := range n {
		ok[i] = false
		if !cand[i] || has[ids[i]] || own.partsIn(i, other) {
			continue
		}
		for _, e := range own.names[own.nameAt[i]:own.nameAt[i+1]] {
			if other.has[e] {
				continue tokens
			}
		}
		ok[i] = true
		at = append(at, int32(i))
		if w >= minDetailWeight {
			continue
		}
		if own.weight[i] == 0 {
			own.weight[i] = lowerRarity(own.toks[i].Text)
		}
		w += own.weight[i]
	}
	return w >= minDetailWeight, at
}

// partsIn reports whether own's content token i is a compound scored as
// its parts (hyphenForms) whose every part other says.
func (own *detailSide) partsIn(i int, other *detailSide) bool {
	if own.parts == nil {
		return false // most sides hold no compound: no look-up
	}
	ps := own.parts[int32(i)]
	for _, id := range ps {
		if !other.has[id] {
			return false
		}
	}
	return len(ps) > 0
}

// sidePart is a part of a compound of side side, by word id.
type sidePart struct {
	side int
	id   int32
}

// maxPairwiseDetail is how many documents a group may have before its
// added detail is reported against its first document only. Pairs of
// documents grow with the square of their number: a group of 200 outlets
// would list 19,900 detail entries (63 MB of JSON for one event of 200
// articles), most of them saying again what each outlet adds to another.
// Against one reference there are n−1, each the same entry the pair would
// have in a small group. Events of a few outlets are not affected.
const maxPairwiseDetail = 8

// detailPairs calls f for each pair of sides (x < y) whose added detail
// is compared: every pair in a group of at most maxPairwiseDetail
// documents, else the first side with each other one.
func detailPairs(n int, f func(x, y int)) {
	for x := 0; x < n; x++ {
		if x > 0 && n > maxPairwiseDetail {
			break
		}
		for y := x + 1; y < n; y++ {
			f(x, y)
		}
	}
}

// detailDiffs reports, for each pair of documents in a group (for a large
// group, each document with the first: detailPairs), the content one
// side adds that the other lacks: each run of such words is one entry
// with its span, so a renderer can mark it in place. Added detail is not a
// conflict. What each side says is gathered once per group; the added
// words need no diff, so the word diff runs only for the runs of a
// difference that is reported.
//
// The entries are appended to out, which it returns: the group's list,
// not one of its own copied into it.
func detailDiffs(out []Difference, sides []side) []Difference {
	sc := detailScratches.Get().(*detailScratch)
	defer sc.release()
	ds := detailSides(sides, sc)
	// Outlets that carry the same wire copy have the same words: their
	// diffs are made once, keyed by the first side with the same codes.
	var canon []int
	var memo map[[2]int][]wordOp
	detailPairs(len(ds), func(x, y int) {
		sx, sy := &ds[x], &ds[y]
		sc.okA, sc.okB = grow(sc.okA, len(sx.toks)), grow(sc.okB, len(sy.toks))
		okA, okB := sc.okA, sc.okB
		var heavyA, heavyB bool
		heavyA, sc.atA = addedBy(sx, sy, okA, sc.atA[:0])
		heavyB, sc.atB = addedBy(sy, sx, okB, sc.atB[:0])
		if !heavyA && !heavyB {
			return
		}
		d := Difference{Kind: "detail", Values: make(map[string][]Value, 2)}
		var ops []wordOp
		whole := !sx.gapped(okA, sy) && !sy.gapped(okB, sx)
		switch {
		case whole:
			// The diff cannot change the runs (see gapped): one deleted
			// and one inserted run hold every token, and the runs are
			// read off the added tokens alone (appendRunsOf).
			// Both sides' runs are made in the scratch and copied out
			// as one list, each side's part capped at its length.
			rs := sx.appendRunsOf(sc.runs[:0], sc.atA)
			na := len(rs)
			rs = sy.appendRunsOf(rs, sc.atB)
			sc.runs = rs
			both := slices.Clone(rs)
			clear(rs) // the scratch keeps no article's text
			d.put(sides[x], both[:na:na])
			d.put(sides[y], both[na:])
		case sx.codes != nil:
			ra, rb := sx.codes, sy.codes
			if canon == nil {
				canon, memo = sameCodes(ds)
			}
			k := [2]int{canon[x], canon[y]}
			var ok bool
			if ops, ok = memo[k]; !ok {
				ops = sc.differ.wordDiff(ra, rb)
				if memo != nil {
					memo[k] = ops
				}
			}
		default:
			ops = sc.differ.wordDiff(pairCodes(sx.toks, sy.toks))
		}
		if !whole {
			d.put(sides[x], sx.runs(ops, diffmatchpatch.DiffDelete, okA, &sc.runs))
			d.put(sides[y], sy.runs(ops, diffmatchpatch.DiffInsert, okB, &sc.runs))
		}
		b := append(sc.text[:0], docOf(sides[x].id())...)
		b = append(b, " alone says: "...)
		b = sx.appendWords(b, sc.atA)
		b = append(b, "; "...)
		b = append(b, docOf(sides[y].id())...)
		b = append(b, " alone says: "...)
		b = sy.appendWords(b, sc.atB)
		d.Explain = string(b)
		sc.text = b
		out = append(out, d)
	})
	return out
}

// sameCodes gives each side the first side with the same word codes, and
// a memo for the diffs when two sides have them (nil when every side is
// its own).
func sameCodes(ds []detailSide) ([]int, map[[2]int][]wordOp) {
	canon := make([]int, len(ds))
	var memo map[[2]int][]wordOp
	for i := range ds {
		canon[i] = i
		for j := 0; j < i; j++ {
			if canon[j] == j && slices.Equal(ds[j].codes, ds[i].codes) {
				canon[i] = j
				if memo == nil {
					memo = map[[2]int][]wordOp{}
				}
				break
			}
		}
	}
	return canon, memo
}

// appendWords appends the texts of the tokens at (addedBy's), joined by
// spaces, or "nothing more" when that is empty.
func (own *detailSide) appendWords(b []byte, at []int32) []byte {
	n := len(b)
	for k, i := range at {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, own.toks[i].Text...)
	}
	if len(b) == n {
		b = append(b, "nothing more"...)
	}
	return b
}

// gapped reports whether two added tokens of the side (ok) stand apart
// with only stop words between them, two of which in a row the other
// side also says in a row. Only then does the diff decide the runs. An
// added word is in no other run than a deleted (or inserted) one, since
// the other side lacks it, and go-diff's merged output has exactly one
// such run between two equal runs; so two added words are split by the
// diff only when an equal run lies between them, and a content word
// between them splits them anyway (runs). An equal run between them holds
// words both sides say, in a row in each. One of a single word is always
// undone: it has edits on both sides (the added words), so
// DiffCleanupSemantic removes it, and no later step of the clean-up makes
// a word between two added words equal again, since each moves only words
// the other side says across the ends of a run of edits, and an added word
// stops it (commonPrefixLen and commonSuffixLen in cleanupMerge, its
// shifts, the lossless shift, the overlaps; go-diff's own lossless step,
// where wordDiffer hands it the diff, moves the edit right as wordDiffer
// does). So an equal run that splits them holds two words that stand in a
// row on both sides: asking for that, and not only for two words the other
// side has somewhere, spared two thirds of the diffs on BASIL's
// development events (237 → 83).
// TestDetailRunsWithoutDiff checks the runs against the diff's.
func (own *detailSide) gapped(ok []bool, other *detailSide) bool {
	prev, two := -1, false
	for i, t := range own.toks {
		switch {
		case ok[i]:
			if prev >= 0 && two {
				return true
			}
			prev, two = i, false
		case !t.Stop:
			prev = -1
		case prev < 0 || two || i-1 == prev:
			// No added word before, a pair found already, or the first
			// stop word after the added one.
		default:
			two = other.inRow(own.ids[i-1], own.ids[i])
		}
	}
	return false
}

// inRow reports whether the side's content tokens hold word a just
// before word b.
func (own *detailSide) inRow(a, b int32) bool {
	if !own.has[a] || !own.has[b] {
		return false
	}
	for p := 0; p+1 < len(own.ids); p++ {
		if own.ids[p] == a && own.ids[p+1] == b {
			return true
		}
	}
	return false
}

// put files a side's entries under the claims that hold them; a side
// with none gets an empty list under its first claim, so that every
// document of the difference has its say. The difference may keep vals.
func (d *Difference) put(s side, vals []Value) {
	if len(vals) == 0 {
		d.Values[s.id()] = []Value{}
		return
	}
	// Usually one claim holds them all: the list is filed as it is.
	id := s.holder(vals[0].Span)
	one := d.Values[id] == nil
	for _, v := range vals[1:] {
		one = one && s.holder(v.Span) == id
	}
	if one {
		d.Values[id] = vals
		return
	}
	// Spread over claims: each claim's list is made at once, at its
	// size, with its entries in order (an append per entry grew it: 5% of
	// the differences' allocations).
	var buf [16]string
	var doneBuf [16]bool
	hs, done := buf[:0], doneBuf[:0]
	for _, v := range vals {
		hs, done = append(hs, s.holder(v.Span)), append(done, false)
	}
	for i, h := range hs {
		if done[i] {
			continue // filed with an earlier entry of its claim
		}
		n := 0
		for _, g := range hs[i:] {
			if g == h {
				n++
			}
		}
		list := slices.Grow(d.Values[h], n)
		for j := i; j < len(hs); j++ {
			if hs[j] == h {
				list, done[j] = append(list, vals[j]), true
			}
		}
		d.Values[h] = list
	}
}

// Side returns the entries of one document's side of the difference
// ("d2"), in claim order, and whether that document takes part in it.
func (d Difference) Side(doc string) ([]Value, bool) {
	var ids []string
	for id := range d.Values {
		if docOf(id) == doc {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, false
	}
	sort.Slice(ids, func(i, j int) bool { return claimNum(ids[i]) < claimNum(ids[j]) })
	out := []Value{}
	for _, id := range ids {
		out = append(out, d.Values[id]...)
	}
	return out, true
}

// Texts returns the texts of entries, in order.
func Texts(vals []Value) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v.Text
	}
	return out
}

// claim returns the side's claim with the given id, or nil.
func (s side) claim(id string) *extract.Claim {
	for _, c := range s.claims {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// claimNum is the number of a claim id ("d2.c15" → 15), for ordering.
func claimNum(id string) int {
	n := 0
	if i := strings.LastIndex(id, ".c"); i >= 0 {
		fmt.Sscanf(id[i+2:], "%d", &n)
	}
	return n
}

// appendRunsOf appends to runs the entries runs gives for a pair whose
// diff cannot split the runs (gapped): one deleted and one inserted run
// holding every token. Its entries are
// read off the added tokens at (addedBy's) alone: where runs closes a run
// at a word between two added ones that is neither added nor a stop word,
// that word makes the count of the side's words other than stop words
// between the two (nonStop) more than none, which closes it here. An
// added word is never a stop word (cand).
func (own *detailSide) appendRunsOf(runs []Value, at []int32) []Value {
	var cur extract.Span
	curAt, open, last := 0, false, 0
	for _, i := range at {
		t := own.toks[i]
		h := own.holderAt(t.Span)
		p := int(own.pos[i])
		if open && h == curAt && own.nonStop[p]-own.nonStop[last+1] == 0 {
			cur.End, last = t.Span.End, p
			continue
		}
		if open {
			runs = append(runs, Value{Text: spanText(own.claims[curAt], cur), Span: cur})
		}
		cur, curAt, open, last = t.Span, h, true, p
	}
	if open {
		runs = append(runs, Value{Text: spanText(own.claims[curAt], cur), Span: cur})
	}
	return runs
}

// runs are the entries of added words of one side: each run of them
// within one claim, inside one run of kind op of the diff (stop words
// inside a run kept, at its edges dropped; a framing marker or a shared
// word between two added words ends it), with its text as the source
// writes it. ok marks the added tokens (addedBy). The list is made in
// buf and returned as a copy of its length (nil when empty): appended to
// from nothing, its growth was most of the function's cost.
func (own *detailSide) runs(ops []wordOp, op diffmatchpatch.Operation, ok []bool, buf *[]Value) []Value {
	runs := (*buf)[:0]
	var cur extract.Span
	curClaim, open, last := "", false, 0
	flush := func() {
		if open {
			if c := own.claim(curClaim); c != nil {
				runs = append(runs, Value{Text: spanText(c, cur), Span: cur})
			}
		}
		open = false
	}
	for _, o := range ops {
		if o.op != op {
			flush()
			continue
		}
		for i := o.from; i < o.to; i++ {
			t := own.toks[i]
			switch {
			case t.Stop:
				// Kept only inside a run: the run's end moves at the next
				// content word.
				continue
			case !ok[i]:
				flush()
				continue
			}
			h := own.holder(t.Span)
			at := int(own.pos[i])
			if open && h == curClaim && own.nonStop[at]-own.nonStop[last+1] == 0 {
				cur.End, last = t.Span.End, at
				continue
			}
			flush()
			cur, curClaim, open, last = t.Span, h, true, at
		}
		flush()
	}
	*buf = runs
	if len(runs) == 0 {
		return nil
	}
	out := slices.Clone(runs)
	clear(runs) // the scratch keeps no article's text
	return out
}
