package extract

import (
	"maps"
	"slices"
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
// clinton": a pet form stands for its full name, LexNickname); a
// description resolved to the family ("the former president") takes the
// one person whose mentions give that role ("Former President Bill
// Clinton"), and keeps the family name when none or both do; and a
// mention without a given name ("Clinton", "Mrs. Clinton") takes the
// person the document names first, unless
// another is named more than twice as often: a story's bare family name
// is its protagonist's ("Clinton said" in a story on Hillary Clinton's
// campaign that mentions her husband once). When the document writes both
// "Mr." and "Mrs." the rarer goes to the second person ("Mrs. Cruz" in a
// story on Ted Cruz); when it writes one only, the title does not say
// which of them, and the family name stays. A given name another mention confirms
// beats an epithet before it ("Crooked Hillary Clinton"), a generation
// stays with the given name (father and son), and the plural ("the
// Clintons") keeps the family name. A document
// that names one person of the name keeps the family name alone, which
// compare joins with a split key of another outlet's (CanonicalKeys lets
// a family name join one given-name key only).

// maxGivenLen bounds the given names read: a longer "word" is no name.
const maxGivenLen = 40

// relatives splits the family-name keys of claims' entities that a
// document gives with two or more given names (see above). It runs after
// unifyKeys, on keys that are final within the document.
//
// twice is an empty map for mayGiveTwice to count in (the scratch's).
func relatives(claims []Claim, lex *Lexicon, twice map[string]int) {
	// The mentions of each one-word key in document order, with the given
	// names each could give, in order; and each key's given names.
	type mention struct {
		i, j   int
		cands  []string
		honour byte   // 'm' after "Mr.", 'f' after "Mrs.", "Ms." or "Miss"
		plural bool   // "the Clintons": the family, not one of them
		paired string // "Hillary" of "Hillary and Bill Clinton", unchecked
		gen    string // "jr" of "Trump Jr.": the generation after the family name
	}
	byKey := map[string][]*mention{}
	// Words the document writes in lower case are no given names ("the
	// congressman" makes "Congressman Grimm" no person named Congressman).
	// Most documents name no two people of one family name, so the words
	// are read only once one could.
	if !mayGiveTwice(claims, twice) {
		return
	}
	// givenCandidates by text and key: a family's mentions repeat their
	// names ("Hillary Clinton" … "Hillary Clinton"), and the candidates
	// (the text's words lowered and looked up) are read by both passes
	// below. The slices are shared: no caller changes one.
	given := map[[2]string][]string{}
	candidates := func(e Entity) []string {
		if e.ResolvedFrom != "" {
			return nil
		}
		k := [2]string{e.Text, e.Key}
		cands, ok := given[k]
		if !ok {
			cands = givenCandidates(e, lex)
			given[k] = cands
		}
		return cands
	}
	// The keys given with two different candidate given names at all:
	// only they may split, and most keys of most documents are one person
	// named in full more than once ("Donald Trump" … "Donald Trump").
	var split map[string]bool
	{
		first := map[string]string{}
		note := func(key, g string) {
			if f, ok := first[key]; !ok {
				first[key] = g
			} else if f != g {
				if split == nil {
					split = map[string]bool{}
				}
				split[key] = true
			}
		}
		for i := range claims {
			for _, e := range claims[i].Entities {
				if twice[e.Key] < 2 || split[e.Key] {
					continue
				}
				cands := candidates(e)
				for _, g := range cands {
					note(e.Key, g)
				}
				if len(cands) == 0 {
					if g := droppedGiven(&claims[i], e, lex); g != "" {
						note(e.Key, g)
					}
				}
			}
		}
	}
	if split == nil {
		return
	}
	memo := map[string]bool{}
	var words map[string]bool // the document's words, once many names are asked
	lowerWord := func(g string) bool {
		v, ok := memo[g]
		if ok {
			return v
		}
		if words == nil && len(memo) >= 16 {
			words = wordSet(claims)
		}
		if words != nil && strings.IndexFunc(g, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			v = words[g]
		} else {
			v = writtenLower(claims, g)
		}
		memo[g] = v
		return v
	}
	// The keys some name of two words or more ends in ("Steve Witkoff"):
	// family names, which "Witkoff and Jared Kushner" does not make a
	// given name of Kushner's.
	families := map[string]bool{}
	for i := range claims {
		for _, e := range claims[i].Entities {
			var buf [8]string
			if words := appendFields(buf[:0], e.Text); len(words) > 1 && lowWordIs(words[len(words)-1], e.Key) {
				families[e.Key] = true
			}
		}
	}
	seen := map[string]map[string]int{} // key → given name → mentions that could give it
	for i := range claims {
		for j, e := range claims[i].Entities {
			if !split[e.Key] || lex.Has(LexDemonym, e.Key) {
				continue
			}
			m := &mention{i: i, j: j, honour: honorific(e.Text), plural: pluralFamily(e), gen: generationAfter(e)}
			for _, g := range candidates(e) {
				if !lowerWord(g) {
					m.cands = append(m.cands, g)
				}
			}
			if len(m.cands) == 0 {
				if g := droppedGiven(&claims[i], e, lex); g != "" && !lowerWord(g) {
					m.cands = []string{g}
				}
			}
			if g := pairedGiven(&claims[i], e, lex); g != "" && !lowerWord(g) && !families[g] && len(m.cands) > 0 {
				m.paired = g
			}
			byKey[e.Key] = append(byKey[e.Key], m)
			if seen[e.Key] == nil {
				seen[e.Key] = map[string]int{}
			}
			for _, g := range m.cands {
				seen[e.Key][g]++
			}
		}
	}
	for key, ms := range byKey {
		// A mention's given name: the first of its candidates that
		// another mention gives too ("Crooked Hillary Clinton" beside
		// "Hillary Clinton"), else its first.
		given := make([]string, len(ms))
		gs := map[string]bool{}
		for k, m := range ms {
			if len(m.cands) == 0 {
				continue
			}
			given[k] = m.cands[0]
			for _, g := range m.cands {
				if seen[key][g] > 1 {
					given[k] = g
					break
				}
			}
			gs[given[k]] = true
		}
		// "G1 and G2 F" counts G1 only when another mention gives it for
		// F too ("Hillary and Bill Clinton" beside "Hillary Clinton"):
		// "Ohio and Senator Mitch McConnell" gives no one.
		for _, m := range ms {
			if m.paired != "" && seen[key][m.paired] == 0 {
				m.paired = ""
			}
			if m.paired != "" {
				gs[m.paired] = true
			}
		}
		if len(gs) < 2 {
			continue
		}
		if gs = mergeGivenPrefixes(gs, lex); len(gs) < 2 {
			continue
		}
		sorted := slices.Sorted(maps.Keys(gs))
		// The person the story names most by the given name, the first
		// named among equals (mentions are in document order), is the
		// one a bare family name means; the second, the one the rarer of
		// "Mr." and "Mrs." means when the story writes both ("Mrs. Cruz"
		// in a story on Ted Cruz).
		count := map[string]int{}
		var order []string
		named := func(g string) {
			c := canonicalGiven(g, gs, sorted, lex)
			if count[c] == 0 {
				order = append(order, c)
			}
			count[c]++
		}
		for k, m := range ms {
			if m.paired != "" {
				named(m.paired)
			}
			if given[k] != "" {
				named(given[k])
			}
		}
		// The person named first is the story's protagonist unless
		// another is named more than twice as often; the second is the
		// most named of the others.
		first := order[0]
		for _, c := range order[1:] {
			if count[c] > 2*count[first] {
				first = c
			}
		}
		second := ""
		for _, c := range order {
			if c != first && (second == "" || count[c] > count[second]) {
				second = c
			}
		}
		var men, women int
		for k, m := range ms {
			if given[k] == "" && !m.plural {
				switch m.honour {
				case 'm':
					men++
				case 'f':
					women++
				}
			}
		}
		// A courtesy title names the one person of its sex, where the
		// given names tell it (LexGivenName: "Mr." beside Ted and Heidi
		// is Ted).
		bySex := map[byte]string{}
		for _, c := range order {
			g, known := givenNameSex(c, lex)
			if !known || g == 0 {
				// A name the list does not know, or gives both sexes
				// ("Jeb", "Dana"): "Mr." may be that person, so the
				// title's sex tells no one.
				bySex = nil
				break
			}
			if _, seen := bySex[g]; seen {
				bySex[g] = "" // two of that sex: the title tells neither
			} else {
				bySex[g] = c
			}
		}
		var withGiven [][2]string // the text of each mention with a given name, and the name
		for k, m := range ms {
			if given[k] != "" {
				withGiven = append(withGiven, [2]string{claims[m.i].Entities[m.j].Text, canonicalGiven(given[k], gs, sorted, lex)})
			}
		}
		for k, m := range ms {
			e := &claims[m.i].Entities[m.j]
			switch {
			case m.plural:
				continue
			case given[k] != "":
				e.Key = canonicalGiven(given[k], gs, sorted, lex) + " " + key
			case e.ResolvedFrom != "":
				// "the former president", resolved to the family: the
				// person whose mentions give that role ("Former President
				// Bill Clinton"), or the family name when none or both do.
				if c := roleHolder(withGiven, lowWord(lastField(e.Text))); c != "" {
					e.Key = c + " " + key
				}
			case m.gen != "" && oneWithGeneration(sorted, m.gen) != "":
				// "Trump Jr." is the one person named with that
				// generation, not the father named first.
				e.Key = oneWithGeneration(sorted, m.gen) + " " + key
			case m.honour != 0 && bySex[m.honour] != "":
				e.Key = bySex[m.honour] + " " + key
			case m.honour != 0 && (men == 0 || women == 0 || men == women):
				// A tie of "Mr." and "Mrs." says no more than one alone.
				// "Mrs. Trump" in a story that writes no "Mr. Trump":
				// the courtesy title does not say which of them, so the
				// family name stays.
				continue
			case m.honour == 'm' && men < women || m.honour == 'f' && women < men:
				e.Key = second + " " + key
			default:
				e.Key = first + " " + key
			}
		}
	}
}

// roleHolder returns the one person of a family whose mentions hold the
// role word ("president" in "Former President Bill Clinton", "Rep." for a
// representative), as the
// canonical given name; texts are the mentions that give a given name,
// with it. It returns "" when no mention or several people do.
func roleHolder(texts [][2]string, role string) string {
	found := ""
	for _, t := range texts {
		holds := false
		for w := range strings.FieldsSeq(t[0]) {
			// A title may be abbreviated: "Rep." is a representative,
			// "Gov." a governor.
			lw := lowWord(w)
			holds = holds || lw == role || strings.HasSuffix(w, ".") && len(lw) >= 3 && strings.HasPrefix(role, lw)
		}
		if !holds {
			continue
		}
		if found != "" && found != t[1] {
			return ""
		}
		found = t[1]
	}
	return found
}

// lastField returns the last space-separated word of s.
func lastField(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// generationAfter returns the generation written right after the family
// name of e ("jr" of "Trump Jr.", "iii" of "Mueller III"), or "".
func generationAfter(e Entity) string {
	var buf [8]string
	words := appendFields(buf[:0], e.Text)
	for k := len(words) - 1; k > 0; k-- {
		if lowWordIs(words[k-1], e.Key) {
			if g := lowWord(words[k]); generationSuffix(g) || romanOrdinal(g) {
				return g
			}
			return ""
		}
	}
	return ""
}

// oneWithGeneration returns the one given name of sorted that carries the
// generation gen ("donald jr"), or "" when none or several do.
func oneWithGeneration(sorted []string, gen string) string {
	found := ""
	for _, g := range sorted {
		if strings.HasSuffix(g, " "+gen) {
			if found != "" {
				return ""
			}
			found = g
		}
	}
	return found
}

// wordSet returns the words of the claims, as maximal runs of letters:
// writtenLower's answer for a word of letters is whether the set holds it.
func wordSet(claims []Claim) map[string]bool {
	out := map[string]bool{}
	for i := range claims {
		for _, w := range strings.FieldsFunc(claims[i].Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			out[w] = true
		}
	}
	return out
}

// writtenLower reports whether some claim writes the lower-case word w
// as a word of its own, in lower case ("the congressman").
func writtenLower(claims []Claim, w string) bool {
	for i := range claims {
		t := claims[i].Text
		for k := 0; ; {
			j := strings.Index(t[k:], w)
			if j < 0 {
				break
			}
			j += k
			end := j + len(w)
			before, _ := utf8.DecodeLastRuneInString(t[:j])
			after, _ := utf8.DecodeRuneInString(t[end:])
			if (j == 0 || !unicode.IsLetter(before)) && (end == len(t) || !unicode.IsLetter(after)) {
				return true
			}
			k = j + 1
		}
	}
	return false
}

// mayGiveTwice counts into the empty map twice the mentions of one-word
// keys of claims' entities that may give a given name: a name of several
// words, or one word right after a claim's first word or after "and". Only
// the keys counted twice or more can name two relatives; it reports
// whether there is one. (Those counted once stay in the map: a pass to
// delete them cost more than the callers' test of the count.)
func mayGiveTwice(claims []Claim, twice map[string]int) bool {
	for i := range claims {
		c := &claims[i]
		for _, e := range c.Entities {
			if e.Key == "" || strings.IndexByte(e.Key, ' ') >= 0 {
				continue
			}
			if strings.IndexByte(e.Text, ' ') < 0 {
				at := e.Span.Start - c.Span.Start
				if at < 2 || at > len(c.Text) || c.Text[at-1] != ' ' {
					continue
				}
				if !strings.HasSuffix(c.Text[:at], " and ") && strings.IndexByte(c.Text[:at-1], ' ') >= 0 {
					continue
				}
			}
			twice[e.Key]++
		}
	}
	for _, n := range twice {
		if n >= 2 {
			return true
		}
	}
	return false
}

// honorific tells the courtesy title that opens a name: 'm' for "Mr.",
// 'f' for "Mrs.", "Ms." or "Miss", 0 for none.
func honorific(text string) byte {
	w, _, _ := strings.Cut(text, " ")
	var buf [maxLowered]byte
	switch string(lowerBytes(&buf, strings.TrimSuffix(w, "."))) {
	case "mr":
		return 'm'
	case "mrs", "ms", "miss":
		return 'f'
	}
	return 0
}

// pluralFamily reports a family name in the plural ("the Clintons"),
// which names the family, not one of them.
func pluralFamily(e Entity) bool {
	var buf [8]string
	words := appendFields(buf[:0], e.Text)
	if len(words) == 0 {
		return false
	}
	// last is key+"s" or key+"es", compared without making either.
	last, ok := strings.CutPrefix(lowWord(words[len(words)-1]), e.Key)
	return ok && (last == "s" || last == "es")
}

// pairedGiven returns the given name of "G1 and G2 F" before e (the
// "Hillary" of "Hillary and Bill Clinton"), which names a second person of
// the family, or "".
func pairedGiven(c *Claim, e Entity, lex *Lexicon) string {
	at := e.Span.Start - c.Span.Start
	if at < 0 || at > len(c.Text) {
		return ""
	}
	before, ok := strings.CutSuffix(c.Text[:at], " and ")
	if !ok {
		return ""
	}
	k := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	w, rest := before, ""
	if k >= 0 {
		_, n := utf8.DecodeRuneInString(before[k:])
		w, rest = before[k+n:], before[:k]
	}
	// "Carl Price and Mona White": a full name before "and" is another
	// person, not a given name of this family.
	if f := strings.Fields(rest); len(f) > 0 && givenShape(f[len(f)-1]) {
		return ""
	}
	low := strings.ToLower(w)
	if !givenShape(w) || notGiven(low, lex) {
		return ""
	}
	if n := lex.Word(LexNickname, low); n != nil && n.Expand != "" {
		return strings.ToLower(n.Expand)
	}
	return low
}

// givenCandidates returns the words e's text may give as the given name
// of the family name its key is, in order, in LexNickname's full form and
// lower case ("Bill Clinton" → "william"): the capitalised words after
// the name's last title ("Texas Sen. Ted Cruz" gives "ted") that no
// function word, adjective of nationality or party, place opener,
// organisation head or title explains and that no title or such adjective
// follows ("California Republican Duncan Hunter" gives "duncan"); initials
// are skipped ("J. Michael Luttig"). A generation after the family name
// is part of the given name ("Jesse Jackson Jr." gives "jesse jr", his
// father "jesse").
func givenCandidates(e Entity, lex *Lexicon) []string {
	if e.ResolvedFrom != "" {
		return nil
	}
	var buf [8]string
	words := appendFields(buf[:0], e.Text)
	// The family name: the last word that lowers to the key, a possessive
	// or a generation after it.
	fam := -1
	for k := len(words) - 1; k >= 0; k-- {
		if lowWordIs(words[k], e.Key) {
			fam = k
			break
		}
	}
	if fam <= 0 {
		return nil
	}
	gen := ""
	if fam+1 < len(words) {
		if g := lowWord(words[fam+1]); generationSuffix(g) || romanOrdinal(g) {
			gen = " " + g
		}
	}
	from := 0
	for k := 0; k < fam; k++ {
		if nameTitleWord(words[k], lex) {
			from = k + 1
		}
	}
	var out []string
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
			if next := words[k+1]; nameTitleWord(next, lex) || lex.Has(LexDemonym, lowWord(next)) {
				continue
			}
		}
		if n := lex.Word(LexNickname, low); n != nil && n.Expand != "" {
			low = strings.ToLower(n.Expand)
		}
		out = append(out, low+gen)
	}
	return out
}

// lowWord is a word of a name in lower case, without a possessive or
// the full stop or comma after it.
func lowWord(w string) string {
	w = strings.ToLower(strings.TrimRight(w, ".,"))
	return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
}

// nameTitleWord is titleWord(lowWord(w), lex) without the lower-case
// copy when w is ASCII: givenCandidates asks it of every word before a
// family name, and most words are no title.
func nameTitleWord(w string, lex *Lexicon) bool {
	if !isASCII(w) {
		return titleWord(lowWord(w), lex)
	}
	b := asciiNameBase(w)
	// Lowered ASCII keeps its bytes' places: a trailing "s" of the
	// lower-case word is an "s" or "S" here.
	n := len(b)
	return lex.hasLower(LexTitle, b) || n > 0 && (b[n-1] == 's' || b[n-1] == 'S') && lex.hasLower(LexTitle, b[:n-1])
}

// asciiNameBase is lowWord(w) but for the lowering, for an ASCII w: the
// word without the full stops and commas after it and its possessive
// ("'s" or "'S", which lowers to "'s"; "’s" is no ASCII).
func asciiNameBase(w string) string {
	w = strings.TrimRight(w, ".,")
	if n := len(w); n >= 2 && w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S') {
		w = w[:n-2]
	}
	return w
}

// lowWordIs reports lowWord(w) == key without the lower-case copy when w
// is ASCII: the family name is looked for among a name's words, and most
// words are not it.
func lowWordIs(w, key string) bool {
	if !isASCII(w) {
		return lowWord(w) == key
	}
	// Lowered ASCII keeps its bytes' places.
	return lowerIs(asciiNameBase(w), key)
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
	for _, ci := range notGivenCats {
		if _, ok := lex.words[ci][low]; ok {
			return true
		}
	}
	return orgHeadIn(lex, low)
}

// notGivenCats are the positions of the categories notGiven reads (Has's
// catIndex, worked out once): title, stop word, demonym, place opener,
// abbreviation.
var notGivenCats = [...]int{
	catIndex(LexTitle), catIndex(LexStopword), catIndex(LexDemonym), catIndex(LexPlacePrefix), catIndex(LexAbbreviation),
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
	if notGiven(low, lex) {
		return "" // "Will Trump fire …?", "Don …": a function word first
	}
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
// one name written short; not when the two are given to different sexes
// ("paul" / "paula", "chris" / "christine", "dan" / "dana": sameSexNames).
//
// The names that open with g follow g in sorted order, so each name looks
// at its followers only: a story that lists thousands of one family's
// given names stays near linear.
func mergeGivenPrefixes(gs map[string]bool, lex *Lexicon) map[string]bool {
	sorted := slices.Sorted(maps.Keys(gs))
	out := map[string]bool{}
	for i, g := range sorted {
		short := false
		for _, h := range sorted[i+1:] {
			if len(g) < 3 || !strings.HasPrefix(h, g) {
				break
			}
			if !strings.Contains(h, " ") && sameSexNames(g, h, lex) {
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

// sameSexNames reports whether the given names a and b may be one name
// by their sex (LexGivenName): both given to one sex, or either unknown
// to the list; not when they are given to different sexes or b is given
// to both ("dana").
func sameSexNames(a, b string, lex *Lexicon) bool {
	sa, ka := givenNameSex(a, lex)
	sb, kb := givenNameSex(b, lex)
	if !ka || !kb {
		return true
	}
	return sa != 0 && sa == sb
}

// canonicalGiven returns the given name of gs that g stands for: itself,
// or the first longer name in sorted order that it opens and that is
// given to the same sex (sameSexNames). sorted holds gs's names in order.
func canonicalGiven(g string, gs map[string]bool, sorted []string, lex *Lexicon) string {
	if gs[g] {
		return g
	}
	i, _ := slices.BinarySearch(sorted, g)
	for ; i < len(sorted) && strings.HasPrefix(sorted[i], g); i++ {
		if sameSexNames(g, sorted[i], lex) {
			return sorted[i] // not "dan" as "dana"
		}
	}
	return g
}
