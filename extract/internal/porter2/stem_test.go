package porter2

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

// TestStemMatchesSnowball compares Stem with the library it was copied
// from on every word of the lexicons, the background list and the
// development corpora that are present, and on random words built from
// the letters, apostrophes and endings the steps read.
func TestStemMatchesSnowball(t *testing.T) {
	words := map[string]bool{}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool {
			return !(r == '\'' || r == '’' || r == '‘' || r == '‛' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 && r != '“' && r != '”')
		}) {
			words[w] = true
			words[strings.ToLower(w)] = true
		}
	}
	files, _ := filepath.Glob("../../lexicon/*.txt")
	files = append(files, "../../data/background.txt", "../../../../shared/dev/basil/corpus.jsonl")
	read := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		read++
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			add(sc.Text())
		}
	}
	if read < 3 {
		t.Fatalf("read %d word files: the test checks too little", read)
	}
	pieces := []string{"a", "e", "i", "o", "u", "y", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z",
		"'", "’", "‘", "‛", "ss", "ies", "ied", "us", "eed", "ing", "ingly", "ed", "edly", "at", "bl", "iz", "bb", "ational",
		"tional", "enci", "anci", "abli", "entli", "izer", "ization", "ation", "ator", "alism", "aliti", "alli", "fulness",
		"ousli", "ousness", "iveness", "iviti", "biliti", "bli", "logi", "fulli", "lessli", "li", "ical", "ative", "alize",
		"icate", "iciti", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
		"ism", "ate", "iti", "ous", "ive", "ize", "sion", "tion", "ll", "gener", "commun", "arsen", "ski", "sky", "news",
		"é", "ü", "ß", "I", "Y", "-", "sion's", "'s'", "ly"}
	r := rand.New(rand.NewPCG(7, 8))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	for range n {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		words[b.String()] = true
	}
	if len(words) < 50000 {
		t.Fatalf("%d words: the test checks too little", len(words))
	}
	for w := range words {
		for _, stop := range []bool{true, false} {
			if got, want := Stem(w, stop), english.Stem(w, stop); got != want {
				t.Errorf("Stem(%q, %v) = %q, snowball gives %q", w, stop, got, want)
			}
		}
	}
	t.Logf("%d words", len(words))
}
