package extract

import (
	"strings"
	"testing"
)

// TestLowerHelpers checks the helpers that skip the lower-case copy
// against the plain strings.ToLower expressions they stand for, on ASCII,
// on other scripts and on words longer than the stack buffer.
func TestLowerHelpers(t *testing.T) {
	set := map[string]bool{"which": true, "who": true, "ölçü": true, strings.Repeat("a", 70): true}
	lex := DefaultLexicon()
	words := []string{"Which", "WHO", "who", "Ölçü", "ÖLÇÜ", "whom", "", strings.Repeat("A", 70), "The", "the", "Quickly", "QUICKLY", "quick", "İt", "It", "ſhe", "She", "HE", "hé"}
	for _, w := range words {
		if got, want := inLowerSet(set, w), set[strings.ToLower(w)]; got != want {
			t.Errorf("inLowerSet(%q) = %v, want %v", w, got, want)
		}
		if got, want := lex.hasLower(LexStopword, w), lex.Has(LexStopword, strings.ToLower(w)); got != want {
			t.Errorf("hasLower(stopword, %q) = %v, want %v", w, got, want)
		}
		for _, p := range []string{"he", "she", "it", "i", "which"} {
			if got, want := lowerIs(w, p), strings.ToLower(w) == p; got != want {
				t.Errorf("lowerIs(%q, %q) = %v, want %v", w, p, got, want)
			}
		}
		if got, want := lowerHasSuffix(w, "ly"), strings.HasSuffix(strings.ToLower(w), "ly"); got != want {
			t.Errorf("lowerHasSuffix(%q, ly) = %v, want %v", w, got, want)
		}
	}
}

// TestSingleSpaced checks singleSpaced against what it promises: the
// words of t joined by single spaces are t.
func TestSingleSpaced(t *testing.T) {
	for _, s := range []string{"Ann Ruiz", "Sen. Ann Ruiz", "Ann  Ruiz", " Ann", "Ann ", "", "Ann\tRuiz", "Ann\u00a0Ruiz", "Ann", "José Ruiz", "a b c"} {
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("singleSpaced(%q) but its words joined are %q", s, strings.Join(strings.Fields(s), " "))
		}
	}
	if !singleSpaced("Sen. Ann Ruiz") {
		t.Error("singleSpaced(Sen. Ann Ruiz) = false")
	}
}
