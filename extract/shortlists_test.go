package extract

import "testing"

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
