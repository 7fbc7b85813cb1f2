package extract

import (
	_ "embed"
	"hash/maphash"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/background.txt
var backgroundFile string

var (
	bgOnce sync.Once
	bg     bgTable
)

// bgWord is what the background list says of a word: its count and,
// from stems.txt, its stem (stems.go); stem is "" when the stems file
// does not cover the word. Words of that file outside the list are kept
// with count 0.
type bgWord struct {
	count int
	stem  string
}

// bgTable holds the background list's words, and the other words of
// stems.txt, by hash: 12 bytes a word and two 4-byte slots of an index,
// without a pointer, where a Go map of the words took some 60 bytes a
// word (the 30,000 words were the largest table a run builds at its
// start, and their pages a good part of a small run's). The words and
// stems are the embedded files' bytes, named by where they are (span).
type bgTable struct {
	seed maphash.Seed
	// index holds 1 + the position in words of each word, shifted
	// left 8 bits over the top byte of its hash (a probe compares
	// strings only when that byte is the word's), at its
	// hash's slot or the first free one after (0: free); it has at
	// least twice as many slots as words.
	index []uint32
	words []bgSlot
	// stems holds the stems the stems file spells out (bgSlot.stem).
	stems []string
}

// bgSlot is one word of the table.
type bgSlot struct {
	word  span
	count int32
	// stem is 0 for no stem, stemSpelled|i for stems[i], else the
	// stem's span: most stems are the word or its start.
	stem uint32
}

// A span names a string of background.txt or, with spanStems set,
// stems.txt: its offset in bits 8–29 and its length in bits 0–7.
type span uint32

const (
	spanStems   = 1 << 30
	spanMaxAt   = 1<<22 - 1
	spanMaxLen  = 0xff
	stemSpelled = 1 << 31
)

// makeSpan returns the span of the n bytes at offset at of stems.txt
// (inStems) or background.txt, and false when it cannot name them.
func makeSpan(inStems bool, at, n int) (span, bool) {
	s := span(at<<8 | n)
	if inStems {
		s |= spanStems
	}
	return s, uint(at) <= spanMaxAt && uint(n) <= spanMaxLen
}

func (s span) String() string {
	file := backgroundFile
	if s&spanStems != 0 {
		file = stemsFile
	}
	at := int(s >> 8 & spanMaxAt)
	return file[at : at+int(s&spanMaxLen)]
}

// find returns the position in index of w, or of the free slot where it
// would go, and the tag of w's hash.
func (t *bgTable) find(w string) (i int, tag uint32) {
	mask := len(t.index) - 1
	h := maphash.String(t.seed, w)
	tag = uint32(h >> 56)
	for i = int(h) & mask; ; i = (i + 1) & mask {
		e := t.index[i]
		if e == 0 {
			return i, tag
		}
		if e&0xff == tag {
			if s := t.words[e>>8-1].word; int(s&spanMaxLen) == len(w) && s.String() == w {
				return i, tag
			}
		}
	}
}

// get returns what the table says of w: count 0 and no stem for a word
// outside it.
func (t *bgTable) get(w string) bgWord {
	i, _ := t.find(w)
	e := t.index[i]
	if e == 0 {
		return bgWord{}
	}
	s := &t.words[e>>8-1]
	bw := bgWord{count: int(s.count)}
	switch {
	case s.stem&stemSpelled != 0:
		bw.stem = t.stems[s.stem&^stemSpelled]
	case s.stem != 0:
		bw.stem = span(s.stem).String()
	}
	return bw
}

// has reports whether w is in the table.
func (t *bgTable) has(w string) bool {
	i, _ := t.find(w)
	return t.index[i] != 0
}

// put sets w, at offset at of stems.txt (inStems) or background.txt, to
// count and stem, replacing an entry of w; own reports a stem that is w
// or its start, which is then named by its place in the file.
func (t *bgTable) put(w string, inStems bool, at, count int, stem string, own bool) {
	ws, ok := makeSpan(inStems, at, len(w))
	if !ok || int(int32(count)) != count {
		// The lists are part of the build; TestBackgroundEntries loads them.
		panic("background.txt, stems.txt: a word the table cannot hold: " + w)
	}
	s := bgSlot{word: ws, count: int32(count)}
	if stem != "" {
		if own && len(stem) <= spanMaxLen {
			s.stem = uint32(ws&^spanMaxLen) | uint32(len(stem))
		} else {
			s.stem = stemSpelled | uint32(len(t.stems))
			t.stems = append(t.stems, stem)
		}
	}
	if 2*len(t.words) >= len(t.index) {
		t.grow()
	}
	i, tag := t.find(w)
	if e := t.index[i]; e != 0 {
		t.words[e>>8-1] = s
		return
	}
	t.words = append(t.words, s)
	t.index[i] = uint32(len(t.words))<<8 | tag
}

// grow doubles the index (at least 64 slots) and places every word again.
func (t *bgTable) grow() {
	t.index = make([]uint32, max(2*len(t.index), 64))
	mask := len(t.index) - 1
	for j, s := range t.words {
		h := maphash.String(t.seed, s.word.String())
		i := int(h) & mask
		for t.index[i] != 0 {
			i = (i + 1) & mask
		}
		t.index[i] = uint32(j+1)<<8 | uint32(h>>56)
	}
}

// eachBackgroundWord calls f with each word of background.txt and its
// count, in the list's order, passing over comments and lines without a
// count. stems.txt holds a line per word it gives, so the file and the
// loader read the list through this one function.
func eachBackgroundWord(f func(w string, count int)) {
	eachCounted(backgroundFile, func(w string, _, count int) { f(w, count) })
}

// eachCounted calls f with the word, its offset in file and the count of
// each "word\tcount" line of file, passing over comments and lines without
// a count.
func eachCounted(file string, f func(w string, at, count int)) {
	// Line by line in place, one pass over each line's bytes: a list of
	// the 30,000 lines would be made only to be read once, and cutting
	// each line twice and parsing its count with strconv was most of the
	// list's load.
	rest := file
	for rest != "" {
		at := len(file) - len(rest) // the line's, and so its word's
		// The word: up to the line's first tab (tab < 0: none).
		i, tab := 0, -1
		for ; i < len(rest) && rest[i] != '\n'; i++ {
			if rest[i] == '\t' {
				tab = i
				break
			}
		}
		if tab < 0 || rest[0] == '#' {
			// A comment, an empty line or one without a count.
			if nl := strings.IndexByte(rest[i:], '\n'); nl >= 0 {
				rest = rest[i+nl+1:]
			} else {
				rest = ""
			}
			continue
		}
		w := rest[:tab]
		n, end := digitsAt(rest, tab+1)
		if end == len(rest) || rest[end] == '\n' {
			rest = rest[min(end+1, len(rest)):]
			if end > tab+1 {
				f(w, at, n)
			}
			continue
		}
		// Not a plain count: as strconv reads it, or no count.
		var c string
		c, rest, _ = strings.Cut(rest[tab+1:], "\n")
		if n, err := strconv.Atoi(c); err == nil {
			f(w, at, n)
		}
	}
}

// digitsAt reads the ASCII digits of s from i, at most 18 of them (no
// int64 overflows), and returns their value and where they end.
func digitsAt(s string, i int) (n, end int) {
	for end = i; end < len(s) && end-i < 18; end++ {
		c := s[end]
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n, end
}

func loadBackground() {
	// The list and the lexicon words of stems.txt: an index of 64Ki slots.
	bg = bgTable{seed: maphash.MakeSeed(), index: make([]uint32, 1<<16), words: make([]bgSlot, 0, 31000)}
	stems := newStemLines(stemsFile)
	eachCounted(backgroundFile, func(w string, at, n int) {
		st, own := stems.next(w)
		bg.put(w, false, at, n, st, own)
	})
	stems.others(func(w string, at int, st string, own bool) {
		if !bg.has(w) {
			bg.put(w, true, at, 0, st, own)
		}
	})
}

// BackgroundCount returns how often the lower-case word w occurs in the
// embedded background corpus (SUBTLEX-US, 51 million words; see
// data/background.txt for the source and licence), and 0 for words outside
// its 30,000 most frequent. Comparison uses it so that even two articles
// know "the" from a name.
func BackgroundCount(w string) int {
	bgOnce.Do(loadBackground)
	return bg.get(w).count
}

// backgroundWord returns what the background list says of the lower-case
// word w: count 0 and no stem for a word outside it.
func backgroundWord(w string) bgWord {
	bgOnce.Do(loadBackground)
	return bg.get(w)
}

// BackgroundTotal is the number of running words the counts come from.
func BackgroundTotal() int { return 51_000_000 }

// commonShape reports the shapes of participles and adverbs ("Citing",
// "Speaking", "Separately"): like a word frequent in ordinary English
// (background count 60 or more, commonFact), a capital at the start of a
// sentence says nothing about such a word being a name.
func commonShape(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed"))
}
