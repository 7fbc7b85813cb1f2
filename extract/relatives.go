package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A person keys by the family name ("Hillary Clinton", "Mrs. Clinton" and
// "Clinton" all key clinton), which is what lets outlets that name a
// person differently share the name. Relatives named in one story (Bill
// and Hillary Clinton; Ted and Heidi Cruz) would share it too, and every
// claim about one would name the other. So, within a document, a family
// name given with two different given names splits: each mention that
// gives the given name keys with it ("hillary clinton", "william
// clinton": a pet form stands for its full name, LexNickname), and a
// mention without one ("Clinton", "Mrs. Clinton", "the former president"
// resolved to clinton) takes the person the document names most by the
// given name, the first named among equals: a story's bare family name is
// its protagonist's ("Clinton said" in a story on Hillary Clinton's
// campaign that mentions her husband once). A document
// that names one person of the name keeps the family name alone, which
// compare joins with a split key of another outlet's (CanonicalKeys lets
// a family name join one given-name key only).

// maxGivenLen bounds the given names read: a longer "word" is no name.
const maxGivenLen = 40

// relatives splits the family-name keys of claims' entities that a
// document gives with two or more given names (see above). It runs after
// unifyKeys, on keys that are final within the document.
func relatives(claims []Claim, lex *Lexicon) {
	// The mentions of each one-word key in document order, the given
	// name of each that gives one, and each key's given names.
	type mention struct{ i, j int }
	byKey := map[string][]mention{}
	givenOf := map[mention]string{}
	names := map[string]map[string]bool{}
	// Words the document writes in lower case are no given names ("the
	// congressman" makes "Congressman Grimm" no person named Congressman).
	lower := map[string]bool{}
	for i := range claims {
		for w := range strings.FieldsFuncSeq(claims[i].Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				lower[w] = true
			}
		}
	}
	for i := range claims {
		for j, e := range claims[i].Entities {
			if strings.Contains(e.Key, " ") || e.Key == "" || lex.Has(LexDemonym, e.Key) {
				continue
			}
			m := mention{i, j}
			byKey[e.Key] = append(byKey[e.Key], m)
			g := givenName(e, lex)
			if g == "" {
				g = droppedGiven(&claims[i], e, lex)
			}
			if g != "" && !lower[g] {
				givenOf[m] = g
				if names[e.Key] == nil {
					names[e.Key] = map[string]bool{}
				}
				names[e.Key][g] = true
			}
		}
	}
	for key, ms := range byKey {
		gs := names[key]
		if len(gs) < 2 {
			continue
		}
		if gs = mergeGivenPrefixes(gs); len(gs) < 2 {
			continue
		}
		// The person the story names most by the given name, the first
		// named among equals (mentions are in document order), is the
		// one a bare family name means.
		count := map[string]int{}
		main, best := "", 0
		for _, m := range ms {
			if g := givenOf[m]; g != "" {
				c := canonicalGiven(g, gs)
				count[c]++
				if count[c] > best {
					main, best = c, count[c]
				}
			}
		}
		for _, m := range ms {
			g := main
			if own := givenOf[m]; own != "" {
				g = canonicalGiven(own, gs)
			}
			claims[m.i].Entities[m.j].Key = g + " " + key
		}
	}
}

// givenName returns the given name e's text gives for the family name its
// key is, in LexNickname's full form and lower case ("Bill Clinton" →
// "william"), or "": the first word after the name's last title ("Texas
// Sen. Ted Cruz" gives "ted") that is a capitalised word no function word,
// adjective of nationality or party, place opener, organisation head or
// title explains and that no title or such adjective follows ("California
// Republican Duncan Hunter" gives "duncan", "Hillary Rodham Clinton"
// "hillary"); initials are skipped ("J. Michael Luttig").
func givenName(e Entity, lex *Lexicon) string {
	if e.ResolvedFrom != "" {
		return ""
	}
	words := strings.Fields(e.Text)
	// The family name: the last word that lowers to the key, a possessive
	// or a generation after it.
	fam := -1
	for k := len(words) - 1; k >= 0; k-- {
		if lowWord(words[k]) == e.Key {
			fam = k
			break
		}
	}
	if fam <= 0 {
		return ""
	}
	from := 0
	for k := 0; k < fam; k++ {
		if titleWord(lowWord(words[k]), lex) {
			from = k + 1
		}
	}
	for k := from; k < fam; k++ {
		w := words[k]
		if isInitial(w) {
			continue
		}
		low := lowWord(w)
		if !givenShape(w) || low == e.Key || notGiven(low, lex) {
			continue
		}
		if k+1 < fam {
			if next := lowWord(words[k+1]); titleWord(next, lex) || lex.Has(LexDemonym, next) {
				continue
			}
		}
		if n := lex.Word(LexNickname, low); n != nil && n.Expand != "" {
			return strings.ToLower(n.Expand)
		}
		return low
	}
	return ""
}

// lowWord is a word of a name in lower case, without a possessive or
// the full stop or comma after it.
func lowWord(w string) string {
	w = strings.ToLower(strings.TrimRight(w, ".,"))
	return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
}

// titleWord reports a title, or a title's plural ("Presidents Bush").
func titleWord(low string, lex *Lexicon) bool {
	return lex.Has(LexTitle, low) || strings.HasSuffix(low, "s") && lex.Has(LexTitle, strings.TrimSuffix(low, "s"))
}

// givenShape reports a capitalised word of letters that may be a given
// name.
func givenShape(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && len(w) >= 2 && len(w) <= maxGivenLen && !strings.ContainsAny(w, ".’'-0123456789")
}

// notGiven reports a word the lexicon explains as something other than a
// given name.
func notGiven(low string, lex *Lexicon) bool {
	for _, cat := range []string{LexTitle, LexStopword, LexDemonym, LexPlacePrefix, LexAbbreviation} {
		if lex.Has(cat, low) {
			return true
		}
	}
	return orgHeadIn(lex, low)
}

// droppedGiven returns the given name that opens claim c right before e
// when the name left it out, or "": a claim's first word that is a common
// word is no name ("Bill Clinton campaigned" names "Clinton"), so a word
// there counts only when it is a known given name, a pet form of
// LexNickname or a full name one stands for ("Bill", "William").
func droppedGiven(c *Claim, e Entity, lex *Lexicon) string {
	if e.ResolvedFrom != "" || strings.Contains(e.Text, " ") {
		return ""
	}
	at := e.Span.Start - c.Span.Start
	if at < 2 || at > len(c.Text) || c.Text[at-1] != ' ' {
		return ""
	}
	before := strings.TrimLeftFunc(c.Text[:at-1], unicode.IsSpace)
	if strings.ContainsAny(before, " \t\n") || before == "" {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(before)
	if !unicode.IsUpper(r) {
		return ""
	}
	low := strings.ToLower(before)
	if n := lex.Word(LexNickname, low); n != nil && n.Expand != "" {
		return strings.ToLower(n.Expand)
	}
	for _, n := range lex.Entries(LexNickname) {
		if strings.ToLower(n.Expand) == low {
			return low
		}
	}
	return ""
}

// isInitial reports an initial with or without its full stop ("J.", "J").
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z'
}

// mergeGivenPrefixes returns the given names with each that opens another
// of three letters or more dropped ("ben" / "benjamin", "ron" / "ronald"):
// one name written short.
func mergeGivenPrefixes(gs map[string]bool) map[string]bool {
	out := map[string]bool{}
	for g := range gs {
		short := false
		for h := range gs {
			if h != g && len(g) >= 3 && strings.HasPrefix(h, g) {
				short = true
				break
			}
		}
		if !short {
			out[g] = true
		}
	}
	return out
}

// canonicalGiven returns the given name of gs that g stands for: itself,
// or the longer name it opens.
func canonicalGiven(g string, gs map[string]bool) string {
	if gs[g] {
		return g
	}
	best := g
	for h := range gs {
		if strings.HasPrefix(h, g) && (best == g || h < best) {
			best = h
		}
	}
	return best
}
