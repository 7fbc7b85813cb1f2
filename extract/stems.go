package extract

import (
	_ "embed"
	"strconv"
	"strings"
)

// stemsFile holds Snowball stems (stem) worked out ahead: of each word of
// background.txt, line for line, and then of the default lexicon's words
// outside it. TestStems checks every one against the stemmer, and
// -update-stems rewrites the file. Most words a process meets for the
// first time are common English or its lexicon's, and stemming one costs
// about 15,000 instructions (the stemmer turns every suffix it tries into
// runes): on the BASIL development corpus, 71% of the lower-case forms are
// in the background list, and their stemming was 8% of corpus mode's
// instructions (1,286 → 1,187 M); the lexicon's 880 words outside it
// were 7% of the start of a run (201.7 → 188.1 M). Stemming the lists at
// start-up instead would cost every process some 50 ms; the file is 68 KB.
//
// A word the file lacks (a lexicon's new entry before -update-stems, a
// lexicon of the caller's) is stemmed as it comes; a word the file has
// must have its stem, which TestStems checks.
//
//go:embed data/stems.txt
var stemsFile string

// stemLines reads stems.txt: first a line per word of the background
// list that loadBackground keeps, in its order, after a header of lines
// starting with '#'; then, after a line starting with '#', "word\tstem"
// lines. A stem is written as the empty string when it is the word
// itself, a number n when it is the word's first n bytes, and "=stem"
// otherwise: the stems are the lists' own bytes or the file's, with no
// copy made.
type stemLines struct{ rest string }

func newStemLines(file string) *stemLines {
	for strings.HasPrefix(file, "#") {
		_, file, _ = strings.Cut(file, "\n")
	}
	return &stemLines{rest: file}
}

// next returns the stem of the list's next word w, or "" when the
// background section has run out or its line does not fit w (then the
// stemmer answers); own reports a stem that is w or its start (decodeStem).
func (s *stemLines) next(w string) (stem string, own bool) {
	if s.rest == "" || s.rest[0] == '#' {
		return "", false
	}
	// The lines are short (most are empty or one or two digits): a loop
	// finds their end in fewer instructions than strings.Cut's call.
	i := 0
	for i < len(s.rest) && s.rest[i] != '\n' {
		i++
	}
	line := s.rest[:i]
	s.rest = s.rest[min(i+1, len(s.rest)):]
	return decodeStem(w, line)
}

// others calls add with each word and stem of the section after the
// background list's.
func (s *stemLines) others(add func(w, stem string)) {
	for s.rest != "" {
		var line string
		line, s.rest, _ = strings.Cut(s.rest, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		w, code, ok := strings.Cut(line, "\t")
		if !ok || w == "" {
			continue
		}
		if st, _ := decodeStem(w, code); st != "" {
			add(w, st)
		}
	}
}

// decodeStem reads the stem of w from its form in the file (stemLine),
// "" when it does not fit w; own reports a stem that is w or its first
// bytes (a line empty or a number), not one the line spells out.
func decodeStem(w, line string) (stem string, own bool) {
	switch {
	case line == "":
		return w, true
	case line[0] == '=':
		return line[1:], false
	}
	n, end := digitsAt(line, 0)
	if end < len(line) {
		// Not plain digits: as strconv reads it.
		var err error
		if n, err = strconv.Atoi(line); err != nil {
			return "", false
		}
	}
	if n <= 0 || n > len(w) {
		return "", false
	}
	return w[:n], true
}

// backgroundStem returns stem(w) when the stems file has it, else "".
func backgroundStem(w string) string { return backgroundWord(w).stem }
