package compare

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestLexiconHashLine checks that the lines LexiconHash hashes are fmt's
// "%q %q %q %q %q %t %t %t %t %q %q %q\n", as they were made before, on
// every entry of the default lexicon and on entries with the odd cases:
// empty and nil lists, quotes, backslashes, non-ASCII and invalid UTF-8.
func TestLexiconHashLine(t *testing.T) {
	entries := []*extract.Entry{
		{},
		{Phrase: `say "so"`, Words: []string{}, NotNext: nil, NotPrev: []string{"a", `b\c`}},
		{Phrase: "naïve – “x”", Words: []string{"naïve", "\xff"}, Stance: "neutral", Sub: "adverb", Kind: "title", Speech: true, Exact: true, Lower: true, Number: true, Expand: "tab\there", Marker: "label", Prev: []string{"is", "was"}, Where: "x.txt:3"},
	}
	lex := extract.DefaultLexicon()
	for _, cat := range extract.LexiconCategories {
		entries = append(entries, lex.Entries(cat)...)
	}
	if len(entries) < 100 {
		t.Fatalf("%d entries: the test checks too little", len(entries))
	}
	for _, e := range entries {
		want := fmt.Sprintf("%q %q %q %q %q %t %t %t %t %q %q %q %q %q %q\n", e.Phrase, e.Words, e.Stance, e.Sub, e.Kind,
			e.Speech, e.Exact, e.Lower, e.Number, e.NotNext, e.NotPrev, e.Expand, e.Marker, e.Prev, e.Where)
		if got := string(lexiconHashLine(nil, e)); got != want {
			t.Errorf("entry %q:\n got %s\nwant %s", e.Phrase, strings.TrimSpace(got), strings.TrimSpace(want))
		}
	}
}

// TestLexiconHashAttributes: lexicons that differ only in an attribute
// that changes markers (prev=, marker=) or in an entry's source line hash
// apart, as LexiconHash promises.
func TestLexiconHashAttributes(t *testing.T) {
	base := extract.DefaultLexicon()
	ext := func(cat, name, text string) *extract.Lexicon {
		t.Helper()
		l, err := base.Extend(cat, name, strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	lexicons := map[string]*extract.Lexicon{
		"hedge":              ext(extract.LexHedge, "a.txt", "zorbly possible\n"),
		"hedge prev=":        ext(extract.LexHedge, "a.txt", "zorbly possible\tprev=is|was\n"),
		"hedge on line 2":    ext(extract.LexHedge, "a.txt", "\nzorbly possible\n"),
		"loaded label":       ext(extract.LexLoaded, "b.txt", "zorblish\tmarker=label\n"),
		"loaded intensifier": ext(extract.LexLoaded, "b.txt", "zorblish\tmarker=intensifier\n"),
	}
	seen := map[string]string{}
	for name, l := range lexicons {
		h := LexiconHash(l)
		if other, dup := seen[h]; dup {
			t.Errorf("%s and %s hash alike: %s", name, other, h)
		}
		seen[h] = name
	}
}

// TestAppendQuote checks the plain-ASCII path of appendQuote against
// strconv.Quote on every printable ASCII byte and the ones around them.
func TestAppendQuote(t *testing.T) {
	if got := string(appendQuote(nil, "")); got != `""` {
		t.Errorf(`appendQuote("") = %s, want ""`, got)
	}
	for c := 0; c < 256; c++ {
		for _, s := range []string{string(rune(c)), "a" + string([]byte{byte(c)}) + "b"} {
			if got, want := string(appendQuote(nil, s)), strconv.Quote(s); got != want {
				t.Errorf("appendQuote(%q) = %s, want %s", s, got, want)
			}
		}
	}
}
