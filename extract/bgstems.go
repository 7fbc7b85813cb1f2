package extract

import (
	_ "embed"
	"strconv"
	"strings"
)

// backgroundStems holds the Snowball stem (stem) of each word of
// background.txt, line for line, written by TestBackgroundStems -update
// and checked by it against the stemmer. Most words a process meets for
// the first time are common English, and stemming one costs about 15,000
// instructions (the stemmer turns every suffix it tries into runes): on
// the BASIL development corpus, 71% of the lower-case forms are in the
// list, and their stemming was 8% of corpus mode's instructions (1,286 →
// 1,187 M). Stemming the list at start-up instead would cost every
// process some 50 ms (TestBackgroundStems does it); the file is 59 KB.
//
//go:embed data/background_stems.txt
var backgroundStems string

// stemLines reads background_stems.txt: a line per word of the background
// list that loadBackground keeps, in its order, after a header of lines
// starting with '#'. An empty line says the stem is the word itself, a
// number n that it is the word's first n bytes, and "=stem" the stem
// otherwise: the stems are the list's own bytes or the file's, with no
// copy made.
type stemLines struct{ rest string }

func newStemLines(file string) *stemLines {
	for strings.HasPrefix(file, "#") {
		_, file, _ = strings.Cut(file, "\n")
	}
	return &stemLines{rest: file}
}

// next returns the stem of the list's next word w, or "" when the file
// has run out or its line does not fit w (then the stemmer answers).
func (s *stemLines) next(w string) string {
	if s.rest == "" {
		return ""
	}
	line, rest, _ := strings.Cut(s.rest, "\n")
	s.rest = rest
	switch {
	case line == "":
		return w
	case line[0] == '=':
		return line[1:]
	}
	n, err := strconv.Atoi(line)
	if err != nil || n <= 0 || n > len(w) {
		return ""
	}
	return w[:n]
}

// backgroundStem returns stem(w) when the stems file has it, else "".
func backgroundStem(w string) string { return backgroundWord(w).stem }

// stemLine is next's line for a word and its stem (TestBackgroundStems).
func stemLine(w, st string) string {
	switch {
	case st == w:
		return ""
	case strings.HasPrefix(w, st) && st != "":
		return strconv.Itoa(len(st))
	}
	return "=" + st
}
