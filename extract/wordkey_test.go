package extract

import "testing"

// TestWordKey checks that WordKey gives every token that is not part of a
// name or a number the key extraction gave it, on text with possessives,
// curly apostrophes, acronyms and hyphens.
func TestWordKey(t *testing.T) {
	d := Extract("The agency’s officials said the U.S. economy faced a double-dip recession. " +
		"Lawmakers' long-term plans were running late, and the senators weren't voting on Tuesday's bills.")
	n := 0
	for _, c := range d.Claims {
		for _, tok := range c.Tokens {
			if tok.Entity || tok.Number {
				continue
			}
			n++
			if got := WordKey(tok.Text); got != tok.Key {
				t.Errorf("WordKey(%q) = %q, the token's key is %q", tok.Text, got, tok.Key)
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d tokens checked", n)
	}
}

// TestKnownWord: a word of the background list in its inflected and
// possessive forms, and not a word the list lacks.
func TestKnownWord(t *testing.T) {
	for w, want := range map[string]bool{
		"email": true, "Emails": true, "emailed": true, "fundraiser’s": true, "fundraisers": true,
		"reelection": true, "doubledip": false, "ceasefires": false, "qzx": false,
	} {
		if got := KnownWord(w); got != want {
			t.Errorf("KnownWord(%q) = %v, want %v", w, got, want)
		}
	}
}
