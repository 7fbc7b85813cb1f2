package extract

import (
	"strings"
	"testing"
)

// TestNamePartAt: the short cut by the first byte and the form's hyphen
// answers as isNamePart does, for every token of text rich in capitals,
// Arabic articles, hyphens of every kind and letters beyond ASCII.
func TestNamePartAt(t *testing.T) {
	lex := DefaultLexicon()
	text := "al-Hayya and al‐Hayya met el-Sisi, Al-Qaeda’s ad-Din; ash-Shifa, an-Nahar, " +
		"so-called re-elected U.S.-based Zoë Éric über Ça 9-11 x-Ray ar-Raqqa AS-Safa al-qaeda al- - —"
	for _, tk := range tokenize(text, 0, len(text)) {
		f := lex.word(tk.text).facts
		if got, want := namePartAt(tk.text, f), isNamePart(tk.text); got != want {
			t.Errorf("namePartAt(%q) = %v, isNamePart %v", tk.text, got, want)
		}
	}
	for _, w := range strings.Fields("al-Hayya el-Baz Smith smith a-b") {
		if got, want := namePartAt(w, lex.facts(lowerKey(w))), isNamePart(w); got != want {
			t.Errorf("namePartAt(%q) = %v, isNamePart %v", w, got, want)
		}
	}
}
