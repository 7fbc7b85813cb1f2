package extract

import (
	"flag"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

var updateStems = flag.Bool("update-stems", false, "rewrite data/stems.txt from background.txt and the default lexicon")

// backgroundList returns the words of background.txt loadBackground keeps,
// in order.
func backgroundList() []string {
	var words []string
	eachBackgroundWord(func(w string, _ int) { words = append(words, w) })
	return words
}

// lexiconStemmed returns the words the default lexicon stems (its
// entries' words outside given names, exact entries and wildcards) that
// are not in the background list, sorted.
func lexiconStemmed(t *testing.T, inList map[string]bool) []string {
	lex := DefaultLexicon()
	seen := map[string]bool{}
	var out []string
	for _, cat := range LexiconCategories {
		if cat == LexGivenName {
			continue
		}
		for _, e := range lex.Entries(cat) {
			if e.Exact {
				continue
			}
			for _, w := range e.Words {
				if w != "*" && !inList[w] && !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestStems checks stems.txt against the stemmer, word for word;
// -update-stems rewrites it.
func TestStems(t *testing.T) {
	words := backgroundList()
	inList := map[string]bool{}
	for _, w := range words {
		inList[w] = true
	}
	if *updateStems {
		var b strings.Builder
		b.WriteString("# Snowball English stems (github.com/kljensen/snowball, as extract.stem calls it), worked out ahead\n")
		b.WriteString("# (extract/stems.go). First the words of background.txt (source and licence there), line for line:\n")
		b.WriteString("# empty, the stem is the word itself; a number n, its first n bytes; =stem, the stem.\n")
		b.WriteString("# Written by `go test ./extract -run TestStems -update-stems`.\n")
		for _, w := range words {
			b.WriteString(stemLine(w, stem(w)))
			b.WriteByte('\n')
		}
		b.WriteString("# The words the default lexicon (extract/lexicon, sources there) stems that the list lacks: word, tab, stem.\n")
		for _, w := range lexiconStemmed(t, inList) {
			b.WriteString(w + "\t" + stemLine(w, stem(w)) + "\n")
		}
		if err := os.WriteFile("data/stems.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	s := newStemLines(stemsFile)
	bad := 0
	check := func(w, got string) {
		if want := stem(w); got != want {
			if bad++; bad <= 5 {
				t.Errorf("stem of %q from the file: %q, want %q", w, got, want)
			}
		}
	}
	for _, w := range words {
		st, _ := s.next(w)
		check(w, st)
	}
	others := 0
	s.others(func(w, st string) {
		others++
		check(w, st)
	})
	// What the process loads, not only the file read the test's way: a
	// loader that kept other lines than backgroundList would pair words
	// with the stems of their neighbours.
	bgOnce.Do(loadBackground)
	for w, e := range bgWords {
		if bw := e.word(); bw.stem != "" {
			check(w, bw.stem)
		}
	}
	if bad > 0 {
		t.Errorf("%d stems differ from the stemmer's: rerun with -update-stems", bad)
	}
	if others == 0 {
		t.Error("no lexicon words in stems.txt")
	}
}

// TestStemLines checks the three forms of a stem, a line that does not
// fit its word, and the section of other words.
func TestStemLines(t *testing.T) {
	s := newStemLines("# header\n# more\n\n5\n=happi\n9\nx\n# others\nflies\t=fli\ncats\t3\nbad\n")
	for _, tc := range []struct{ w, want string }{
		{"agree", "agree"}, {"running", "runni"}, {"happy", "happi"}, {"flies", ""}, {"dogs", ""}, {"cats", ""},
	} {
		if got, _ := s.next(tc.w); got != tc.want {
			t.Errorf("next(%q) = %q, want %q", tc.w, got, tc.want)
		}
	}
	var got []string
	s.others(func(w, st string) { got = append(got, w+":"+st) })
	if want := []string{"flies:fli", "cats:cat"}; !slices.Equal(got, want) {
		t.Errorf("others: %q, want %q", got, want)
	}
	for _, tc := range []struct{ w, st string }{{"agree", "agree"}, {"running", "run"}, {"happy", "happi"}} {
		if got, _ := decodeStem(tc.w, stemLine(tc.w, tc.st)); got != tc.st {
			t.Errorf("stemLine(%q, %q) reads back as %q", tc.w, tc.st, got)
		}
	}
}

// TestNumeralStem checks that the stemmer leaves the words numeral
// reports as they are, on every such word of up to four bytes and on
// longer ones.
func TestNumeralStem(t *testing.T) {
	const alphabet = "0123456789,.-"
	var words []string
	var grow func(w string)
	grow = func(w string) {
		if len(w) > 0 {
			words = append(words, w)
		}
		if len(w) < 4 {
			for i := 0; i < len(alphabet); i++ {
				grow(w + alphabet[i:i+1])
			}
		}
	}
	grow("")
	words = append(words, "2,500,000", "1990-2000", "3.14159", "9-11", "--", "...", "10.5-11")
	for _, w := range words {
		if !numeral(w) {
			t.Fatalf("numeral(%q) = false", w)
		}
		if got := stem(w); got != w {
			t.Errorf("stem(%q) = %q", w, got)
		}
	}
	for _, w := range []string{"1990s", "2nd", "x", "", "a-1"} {
		if w != "" && numeral(w) {
			t.Errorf("numeral(%q) = true", w)
		}
	}
}

// stemLine is the line of stems.txt that decodeStem reads back as the
// stem st of w; -update-stems writes it.
func stemLine(w, st string) string {
	switch {
	case st == w:
		return ""
	case strings.HasPrefix(w, st) && st != "":
		return strconv.Itoa(len(st))
	}
	return "=" + st
}

// TestKeepsEnding checks keepsEnding's and plainPlural's short cuts
// against the stemmer: on every word of three and four letters (of five
// in a full run), on the background list's words, the stemmer's special
// words and random words of letters, digits, hyphens and apostrophes, a
// word keepsEnding passes is the stemmer's own stem (and of its
// alphabet), and plainPlural's stem is the stemmer's.
func TestKeepsEnding(t *testing.T) {
	words := append(backgroundList(),
		// The stemmer's special words.
		"skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only", "singly", "sky",
		"news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "innings", "outing", "outings", "canning",
		"cannings", "herring", "herrings", "earring", "earrings", "proceed", "proceeds", "proceeded", "proceeding",
		"exceed", "exceeds", "exceeded", "exceeding", "succeed", "succeeds", "succeeded", "succeeding")
	maxLen := 5
	if testing.Short() {
		maxLen = 4
	}
	var grow func(w string)
	grow = func(w string) {
		if len(w) >= 3 {
			words = append(words, w)
		}
		if len(w) < maxLen {
			for c := 'a'; c <= 'z'; c++ {
				grow(w + string(c))
			}
		}
	}
	grow("")
	rng := rand.New(rand.NewPCG(12, 1))
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-'’Y "
	for range 20000 {
		b := make([]rune, 3+rng.IntN(10))
		for i := range b {
			b[i] = []rune(alphabet)[rng.IntN(len([]rune(alphabet)))]
		}
		words = append(words, string(b))
	}
	kept, plurals := 0, 0
	for _, w := range words {
		if st, ok := plainPlural(w); ok {
			plurals++
			if got := english.Stem(w, true); got != st {
				t.Errorf("plainPlural(%q) = %q, but the stemmer gives %q", w, st, got)
			}
		}
		if !keepsEnding(w) {
			continue
		}
		kept++
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Fatalf("keepsEnding(%q): a byte outside its alphabet", w)
		}
		if got := english.Stem(w, true); got != w {
			t.Errorf("keepsEnding(%q), but the stemmer gives %q", w, got)
		}
	}
	if kept < 1000 || plurals < 1000 {
		t.Errorf("only %d words kept their ending, %d were plain plurals", kept, plurals)
	}
}
