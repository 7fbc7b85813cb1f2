package compare

import (
	"slices"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestCompoundsAsHyphenForms checks the compound parts prepare keeps for
// detailSides against hyphenForms, the rule they stand for: every token
// prepare looked up has its parts listed, in token order, exactly where
// hyphenForms gives parts; a token it did not look up is marked unread
// (detailSides asks hyphenForms itself), and a rarity is never 0.
func TestCompoundsAsHyphenForms(t *testing.T) {
	text := "The so-called long-term plan of the well-known anti-immigration group drew a double-dip recession warning. " +
		"A 10-year-old hit-and-run case in Winston-Salem came up on 2020-01-01, said Jean-Luc Picard of the one-time self‐made co‑op. " +
		"Officials said the follow-up -based well- vote-rigging claims were non-binding and year-on-year."
	doc := extract.Extract(text)
	tab := acquireTable()
	defer tab.release()
	hyphens, split := 0, 0
	for j := range doc.Claims {
		c := &doc.Claims[j]
		cf := prepare(tab, 0, j, c)
		var want []compound
		split += len(cf.compounds)
		for i := range c.Tokens {
			tok := &c.Tokens[i]
			if !whole(tok) {
				hyphens++
			}
			if cf.lowRarity[i] == unread {
				continue
			}
			if cf.lowRarity[i] < 0 || cf.lowRarity[i] == 0 && !tokFactsPossessive(tab, tok) {
				t.Errorf("%q: lowRarity %v", tok.Text, cf.lowRarity[i])
			}
			if _, ps := hyphenForms(tok); ps != nil {
				want = append(want, compound{int32(i), ps})
			}
		}
		if !slices.EqualFunc(cf.compounds, want, func(a, b compound) bool {
			return a.tok == b.tok && slices.Equal(a.parts, b.parts)
		}) {
			t.Errorf("claim %q: compounds %v, hyphenForms %v", c.Text, cf.compounds, want)
		}
	}
	if hyphens < 10 || split < 3 {
		t.Fatalf("%d hyphenated tokens, %d split: the text no longer tests the rule", hyphens, split)
	}
}

// tokFactsPossessive reports whether the facts prepare read for tok hold
// the rarity of another form (a possessive), which lowRarity leaves 0.
func tokFactsPossessive(tab *featTable, tok *extract.Token) bool {
	f, _ := tab.tokenForms(tok)
	return f.possessive
}
