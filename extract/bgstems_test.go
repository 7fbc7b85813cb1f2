package extract

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"
)

var updateStems = flag.Bool("update-stems", false, "rewrite data/background_stems.txt from background.txt")

// TestBackgroundStems checks background_stems.txt against the stemmer,
// word for word; -update-stems rewrites it from background.txt.
func TestBackgroundStems(t *testing.T) {
	var words []string
	for _, line := range strings.Split(backgroundFile, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, c, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		if _, err := strconv.Atoi(c); err != nil {
			continue
		}
		words = append(words, w)
	}
	if *updateStems {
		var b strings.Builder
		b.WriteString("# Snowball English stems (github.com/kljensen/snowball, as extract.stem calls it) of the words of\n")
		b.WriteString("# background.txt (source and licence there), line for line: empty, the word itself; a number n, its\n")
		b.WriteString("# first n bytes; =stem, the stem. Written by `go test ./extract -run TestBackgroundStems -update-stems`.\n")
		for _, w := range words {
			b.WriteString(stemLine(w, stem(w)))
			b.WriteByte('\n')
		}
		if err := os.WriteFile("data/background_stems.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	s := newStemLines(backgroundStems)
	bad := 0
	for _, w := range words {
		got, want := s.next(w), stem(w)
		if got != want {
			if bad++; bad <= 5 {
				t.Errorf("stem of %q from the file: %q, want %q", w, got, want)
			}
		}
	}
	if s.rest != "" {
		t.Errorf("the file has lines past the list's %d words: rerun with -update-stems", len(words))
	}
	if bad > 0 {
		t.Errorf("%d stems differ from the stemmer's: rerun with -update-stems", bad)
	}
}

// TestStemLines checks the three line forms and a line that does not fit.
func TestStemLines(t *testing.T) {
	s := newStemLines("# header\n# more\n\n5\n=happi\n9\nx\n")
	for _, tc := range []struct{ w, want string }{
		{"agree", "agree"}, {"running", "runni"}, {"happy", "happi"}, {"flies", ""}, {"dogs", ""}, {"cats", ""},
	} {
		if got := s.next(tc.w); got != tc.want {
			t.Errorf("next(%q) = %q, want %q", tc.w, got, tc.want)
		}
	}
	for _, tc := range []struct{ w, st string }{{"agree", "agree"}, {"running", "run"}, {"happy", "happi"}} {
		if got := newStemLines(stemLine(tc.w, tc.st) + "\n").next(tc.w); got != tc.st {
			t.Errorf("stemLine(%q, %q) reads back as %q", tc.w, tc.st, got)
		}
	}
}
