package extract

import "testing"

// TestEntryNextBits: matchCands passes over an entry whose second word
// shares no bit with the next token's facts (Entry.next); the facts of
// the word itself, and of any form with its stem, must never be passed over.
func TestEntryNextBits(t *testing.T) {
	lex := DefaultLexicon()
	n := 0
	for cat, es := range lex.entries {
		for _, e := range es {
			if len(e.Words) < 2 || e.Words[1] == "*" {
				if e.next != 0 {
					t.Errorf("%s %q: next = %x, want 0", cat, e.Phrase, e.next)
				}
				continue
			}
			n++
			if f := lex.facts(e.Words[1]); f.bits&e.next == 0 {
				t.Errorf("%s %q: the facts of %q share no bit with the entry", cat, e.Phrase, e.Words[1])
			}
			if wordBit(e.keys[1])&e.next == 0 {
				t.Errorf("%s %q: the key %q shares no bit with the entry", cat, e.Phrase, e.keys[1])
			}
		}
	}
	if n == 0 {
		t.Fatal("no entry of two words or more")
	}
}
