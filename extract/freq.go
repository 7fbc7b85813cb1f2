package extract

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/background.txt
var backgroundFile string

var (
	bgOnce  sync.Once
	bgWords map[string]bgEntry
	// bgStems holds the stems that are not the start of their word
	// (bgEntry.stem), each once per word.
	bgStems []string
)

// bgWord is what the background list says of a word: its count and,
// from stems.txt, its stem (stems.go); stem is "" when the stems file
// does not cover the word. Words of that file outside the list are kept
// with count 0.
type bgWord struct {
	count int
	stem  string
}

// bgEntry is a bgWord as bgWords keeps it: eight bytes without a pointer,
// where a count and a string took twenty-four (the map's 30,000 entries
// were the largest table a run builds at its start). stem is 0 for no
// stem; with bgPrefix set, the first stem&0xff bytes of the word, whose
// bytes start at stem>>8 &bgOffset in background.txt; else bgStems[stem-1].
type bgEntry struct {
	count int32
	stem  uint32
}

const (
	bgPrefix = 1 << 31
	bgOffset = 1<<23 - 1
)

// word returns the bgWord e stands for.
func (e bgEntry) word() bgWord {
	w := bgWord{count: int(e.count)}
	switch {
	case e.stem&bgPrefix != 0:
		at := int(e.stem >> 8 & bgOffset)
		w.stem = backgroundFile[at : at+int(e.stem&0xff)]
	case e.stem != 0:
		w.stem = bgStems[e.stem-1]
	}
	return w
}

// newBgEntry makes the entry of the word w at offset at of
// background.txt (at < 0: a word of stems.txt) with its count and stem;
// own reports a stem that is w or its start.
func newBgEntry(w string, at, count int, stem string, own bool) bgEntry {
	if int(int32(count)) != count {
		// The list is part of the build, checked by TestBackgroundFits.
		panic("background.txt: a count past 32 bits")
	}
	e := bgEntry{count: int32(count)}
	switch {
	case stem == "":
	case own && at >= 0 && at <= bgOffset && len(stem) <= 0xff:
		// Most stems are the word or its start: those bytes of the list.
		e.stem = bgPrefix | uint32(at)<<8 | uint32(len(stem))
	default:
		bgStems = append(bgStems, stem)
		e.stem = uint32(len(bgStems))
	}
	return e
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
	bgWords = make(map[string]bgEntry, 33000) // the list and the lexicon words of stems.txt
	stems := newStemLines(stemsFile)
	eachCounted(backgroundFile, func(w string, at, n int) {
		st, own := stems.next(w)
		bgWords[w] = newBgEntry(w, at, n, st, own)
	})
	stems.others(func(w, st string) {
		if _, ok := bgWords[w]; !ok {
			bgWords[w] = newBgEntry(w, -1, 0, st, false)
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
	return int(bgWords[w].count)
}

// backgroundWord returns what the background list says of the lower-case
// word w: count 0 and no stem for a word outside it.
func backgroundWord(w string) bgWord {
	bgOnce.Do(loadBackground)
	return bgWords[w].word()
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
