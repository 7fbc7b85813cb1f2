package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestShortLists checks shortLists against the lists it is made from, on
// every word of each and on words of none.
func TestShortLists(t *testing.T) {
	words := []string{"", "xyz", "obama", "said"}
	words = appendKeys(words, numberWords)
	words = appendKeys(words, monthNames)
	words = appendKeys(words, weekdays)
	words = appendKeys(words, futureWords)
	words = appendKeys(words, beForms)
	words = appendKeys(words, clauseWords)
	for _, w := range words {
		weekday, isWeekday := weekdays[w]
		want := shortFacts{number: numberWords[w] > 0, month: monthNames[w], weekday: weekday, isWeekday: isWeekday,
			future: futureWords[w], be: beForms[w], clause: clauseWords[w]}
		if got := shortLists[w]; got != want {
			t.Errorf("shortLists[%q] = %+v, the lists say %+v", w, got, want)
		}
	}
}

func appendKeys[V any](words []string, m map[string]V) []string {
	for w := range m {
		words = append(words, w)
	}
	return words
}

// TestListedWords checks newFacts' single look-up in Lexicon.listed
// against the lists it stands for, on every word of each and on words of
// none, in the default lexicon and in one that replaces its stop words.
func TestListedWords(t *testing.T) {
	def := DefaultLexicon()
	other, err := def.Replace(LexStopword, "stop.txt", strings.NewReader("obama\nthe\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lex := range []*Lexicon{def, other} {
		words := []string{"", "xyz", "obama", "said", "the"}
		for _, ci := range append(slices.Clone(singleCats), catIndex(LexStopword)) {
			words = appendKeys(words, lex.words[ci])
		}
		words = appendKeys(words, lex.expansionFirst)
		for _, w := range words {
			f := lex.newFacts(w)
			if f.stop != lex.Has(LexStopword, w) {
				t.Errorf("%q: stop %v, Has says %v", w, f.stop, !f.stop)
			}
			for _, ci := range singleCats {
				if _, want := lex.words[ci][w]; f.is(ci) != want {
					t.Errorf("%q: is(%s) %v, the list says %v", w, LexiconCategories[ci], f.is(ci), want)
				}
			}
			if got, want := f.name&nameExpansion != 0, lex.expansionFirst[w]; got != want {
				t.Errorf("%q: nameExpansion %v, expansionFirst says %v", w, got, want)
			}
		}
	}
}
