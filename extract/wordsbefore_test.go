package extract

import (
	"slices"
	"testing"
)

// TestWordsBefore: the words cut from a sentence's tokens before a bound
// are the words tokenize finds up to it, at every bound of the sentence,
// on text rich in what joins words (dotted acronyms, hyphens, digit
// separators, apostrophes, letters of two bytes).
func TestWordsBefore(t *testing.T) {
	texts := []string{
		"The U.S.-designated group said 2,500.75 people don’t know al-Hayya’s plan.",
		"Officials in N.Y. and the U.N. met; Zoë Brontë-Smith’s café re-opened at 9.30 a.m.",
		"“It’s over,” she said — U.S. officials, 1,000-strong, left. Ça va?",
		"A.B.C.-led talks ended at 3-2 in São Paulo’s stadium.",
	}
	for _, text := range texts {
		s := Span{0, len(text)}
		x := &extractor{text: text, sents: []Span{s}, sentToks: [][]rawToken{tokenize(text, s.Start, s.End)}}
		for limit := s.Start; limit <= s.End; limit++ {
			got, want := x.wordsBefore(s, limit), tokenize(text, s.Start, limit)
			if !slices.Equal(got, want) {
				t.Fatalf("%q up to %d (%q): got %v, want %v", text, limit, text[:limit], got, want)
			}
		}
	}
}
