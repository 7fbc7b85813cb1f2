package extract

import (
	"strings"
	"testing"
)

// TestSpellingFacts: what a word's facts say of the spelling of each of
// its tokens holds for every token: digit (the spelling opens with a
// digit) and hyphen (a spelling with a '-' has a form with one).
func TestSpellingFacts(t *testing.T) {
	lex := DefaultLexicon()
	text := "In 2019, 1990s-era 9-11 rules, 5’s and 5's, 3.5% of U.S. voters, '90s Al-Qaeda al‐Hayya ‑x 2,500 N.Y.-based É9 x9"
	for _, tk := range tokenize(text, 0, len(text)) {
		f := lex.word(tk.text).facts
		if f.digit != startsWithDigit(tk.text) {
			t.Errorf("%q: digit %v, spelling %v", tk.text, f.digit, startsWithDigit(tk.text))
		}
		if strings.Contains(tk.text, "-") && !f.hyphen {
			t.Errorf("%q: a '-' in the spelling, none in the form %q", tk.text, f.low)
		}
	}
}
