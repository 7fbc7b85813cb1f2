package extract

import "testing"

// TestCatIndex checks that catIndex numbers every category as
// LexiconCategories orders them, and that the tables sized by it fit.
func TestCatIndex(t *testing.T) {
	var l Lexicon
	if len(l.words) != len(LexiconCategories) {
		t.Fatalf("Lexicon.words holds %d categories, LexiconCategories %d", len(l.words), len(LexiconCategories))
	}
	if len(LexiconCategories) > 32 {
		t.Fatalf("%d categories do not fit wordFacts.starts (32 bits)", len(LexiconCategories))
	}
	for i, c := range LexiconCategories {
		if got := catIndex(c); got != i {
			t.Errorf("catIndex(%q) = %d, want %d", c, got, i)
		}
	}
	if got := catIndex("nonsense"); got != -1 {
		t.Errorf("catIndex(nonsense) = %d, want -1", got)
	}
}
