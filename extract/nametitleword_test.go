package extract

import "testing"

// TestNameTitleWord: nameTitleWord answers as titleWord of the lowered
// word, for titles in any case, plurals, possessives, marks after the
// word, and words beyond ASCII.
func TestNameTitleWord(t *testing.T) {
	lex := DefaultLexicon()
	for _, w := range []string{
		"Sen.", "SEN.", "senator", "Senators", "SENATORS", "President's", "PRESIDENT'S", "President’s",
		"Presidents,", "Gov.,", "Hillary", "s", "S", "'s", "Ministers'", "Président", "Ms.", "",
	} {
		if got, want := nameTitleWord(w, lex), titleWord(lowWord(w), lex); got != want {
			t.Errorf("%q: got %v, want %v", w, got, want)
		}
	}
}
