package extract

import (
	"strings"
	"testing"
)

// TestWordFactsSingle checks that the single-word answers a word's facts
// carry (wordFacts.single, orgHead, stop) are the lexicon's own, which
// the name rules read from them instead of asking the lexicon's maps.
func TestWordFactsSingle(t *testing.T) {
	lex := DefaultLexicon()
	tests := []struct {
		word string
		want []string // categories that must list it as a single word
	}{
		{"president", []string{LexTitle}},
		{"sen", []string{LexTitle, LexAbbreviation}},
		{"st", []string{LexPlacePrefix, LexAbbreviation}},
		{"new", []string{LexPlacePrefix}},
		{"department", nil}, // an organisation's head (orgHead)
		{"the", []string{LexStopword}},
		{"forces", nil},
		{"banks", nil},
		{"mcconnell", nil},
		{"", nil},
	}
	for _, tt := range tests {
		f := lex.facts(tt.word)
		for _, ci := range singleCats {
			cat := LexiconCategories[ci]
			if got, want := f.is(ci), lex.Has(cat, tt.word); got != want {
				t.Errorf("%q: is(%s) = %v, Has = %v", tt.word, cat, got, want)
			}
		}
		for _, cat := range tt.want {
			if !lex.Has(cat, tt.word) {
				t.Errorf("%q: the lexicon no longer lists it as %s: the test checks too little", tt.word, cat)
			}
		}
		if f.orgHead != orgHeadIn(lex, tt.word) {
			t.Errorf("%q: orgHead = %v, orgHeadIn = %v", tt.word, f.orgHead, orgHeadIn(lex, tt.word))
		}
		if f.stop != lex.Has(LexStopword, tt.word) {
			t.Errorf("%q: stop = %v", tt.word, f.stop)
		}
	}
}

// TestKeyOfWordsFacts checks that a name's key is the same whether its
// words' facts are known (read from them) or not (asked of the lexicon,
// as for the parts of a hyphenated word).
func TestKeyOfWordsFacts(t *testing.T) {
	x := &extractor{lex: DefaultLexicon()}
	tests := []struct{ name, want string }{
		{"senate majority leader mitch mcconnell", "mcconnell"},
		{"secretary of state john kerry", "kerry"},
		{"chuck schumer of new york", "schumer"},
		{"justice ruth lee of the supreme court", "lee"},
		{"bank of america", "bank of america"},
		{"new york", "new york"},
		{"sen jane roe", "roe"},
		{"sen lake marden", "sen lake marden"},
		{"the justice department", "doj"},
		{"armed forces", "armed forces"},
		{"duke of edinburgh", "duke of edinburgh"},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.name)
		known := make([]*wordFacts, len(words))
		for k, w := range words {
			known[k] = x.lex.facts(w)
		}
		got := x.keyOfWords(append([]string(nil), words...), known)
		asked := x.keyOfWords(append([]string(nil), words...), make([]*wordFacts, len(words)))
		if got != asked || got != tt.want {
			t.Errorf("%q: key %q with facts, %q without, want %q", tt.name, got, asked, tt.want)
		}
	}
}
