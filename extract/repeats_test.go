package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWordSetsMatchKeySets checks that the two numberings markRepeats can
// use give the same sets, up to the numbering: the process's word ids and,
// where those cannot be used, a map of the document's keys.
func TestWordSetsMatchKeySets(t *testing.T) {
	text := strings.Join([]string{
		"The regional water board approved a plan to repair the old reservoir dam before the spring floods.",
		"Engineers said the repairs would take eight months and cost about 40 million dollars.",
		"The regional water board approved a plan on Tuesday to repair the old reservoir dam before spring floods.",
		"Residents living below the dam were told to prepare for evacuation drills.",
		"Governor Elena Marsh called the plan overdue.",
		"Marsh said she would visit the reservoir.",
	}, " ")
	for _, tc := range []struct {
		name string
		text string
	}{
		{"prose", text},
		{"empty", ""},
		{"one word", "Dam."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := &extractor{cfg: newConfig(nil), text: tc.text}
			x.lex = x.cfg.lex
			x.doc = &Document{ID: "d1", Text: tc.text, Claims: []Claim{}}
			x.annotate(x.findParts())
			var facts [][]*wordFacts
			for _, c := range x.doc.Claims {
				var fs []*wordFacts
				for _, tk := range c.Tokens {
					fs = append(fs, x.lex.facts(lowerKey(tk.Text)))
				}
				facts = append(facts, fs)
			}
			byWord, n1 := wordSets(x.doc.Claims, facts, new(repeatBufs))
			byKey, n2 := keySets(x.doc.Claims)
			if len(x.doc.Claims) > 0 && byWord == nil {
				t.Fatal("wordSets fell back on a default lexicon")
			}
			if n1 != n2 {
				t.Fatalf("%d ids by word, %d by key", n1, n2)
			}
			// Both number words in order of first use, so the sets are
			// equal outright, in order (wordSets keeps the claim's
			// order of words; keySets sorts).
			for _, set := range byWord {
				slices.Sort(set)
			}
			if diff := cmp.Diff(byKey, byWord); len(x.doc.Claims) > 0 && diff != "" {
				t.Errorf("sets (-key +word):\n%s", diff)
			}
			if tc.name == "prose" && x.doc.Claims[2].RepeatOf != x.doc.Claims[0].ID {
				t.Errorf("claim 3 repeats %q, want %q", x.doc.Claims[2].RepeatOf, x.doc.Claims[0].ID)
			}
		})
	}
}

// TestWordSetsFallBack checks that wordSets declines words without a
// table's id, and markRepeats still marks the repeat through keySets.
func TestWordSetsFallBack(t *testing.T) {
	lit := &Lexicon{}
	c := Claim{Tokens: []Token{{Text: "dam", Key: "dam"}}}
	f := lit.facts("dam")
	if sets, _ := wordSets([]Claim{c}, [][]*wordFacts{{f}}, new(repeatBufs)); sets != nil {
		t.Errorf("wordSets numbered a word without an id: %v", sets)
	}
	words := strings.Fields("the regional water board approved a plan to repair the old reservoir dam")
	var claims []Claim
	var facts [][]*wordFacts
	for i := 0; i < 2; i++ {
		var toks []Token
		var fs []*wordFacts
		for _, w := range words {
			wf := lit.facts(w)
			toks = append(toks, Token{Text: w, Key: wf.stem, Stop: w == "the" || w == "a" || w == "to"})
			fs = append(fs, wf)
		}
		claims = append(claims, Claim{ID: "d1.c" + string(rune('1'+i)), Tokens: toks})
		facts = append(facts, fs)
	}
	markRepeats(claims, facts, nil)
	if claims[1].RepeatOf != "d1.c1" {
		t.Errorf("repeat of %q, want d1.c1", claims[1].RepeatOf)
	}
}
