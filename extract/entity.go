package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isNameParticle reports a particle that joins the capitalised parts of one
// name: Khalid bin al-Walid, Council of Europe, Charles de Gaulle. A
// switch, as corporateSuffix: findEntities asks of the word after every
// run of capitalised words.
func isNameParticle(w string) bool {
	switch w {
	case "bin", "ibn", "bint", "of", "de", "la", "van", "von", "der", "del", "da", "abu", "al", "el":
		return true
	}
	return false
}

// arabicArticle is dropped from name keys: al-Hayya and Hayya are one name.
var arabicArticle = []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-"}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

// acronymDefRE finds acronyms defined in the text: "UN Security Council’s
// [UNSC]", "Israel Defense Forces (IDF)".
var acronymDefRE = lazyRegexp(`^\s*[\[(]([A-Z][A-Z0-9]{1,7})[\])]`)

// acronymDef is acronymDefRE.FindStringSubmatch(s), run only when the
// first byte after the blanks \s allows opens a bracket: most names are
// followed by anything else.
func acronymDef(s string) []string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if i == len(s) || s[i] != '(' && s[i] != '[' {
		return nil
	}
	return acronymDefRE().FindStringSubmatch(s)
}

// isNamePart reports whether a token can be part of a proper name:
// capitalised, or an Arabic article glued to a capitalised word (al-Hayya).
func isNamePart(t string) bool {
	if t != "" && t[0] < utf8.RuneSelf {
		// An ASCII first letter is upper case only from A to Z
		// (isCapitalized without decoding): most tokens end here.
		if 'A' <= t[0] && t[0] <= 'Z' {
			return true
		}
	} else if isCapitalized(t) {
		return true
	}
	if strings.IndexByte(t, '-') < 0 {
		// Every Arabic article ends in a hyphen: most words need no
		// lower-casing to know they have none.
		return false
	}
	lt := strings.ToLower(t)
	for _, p := range arabicArticle {
		if strings.HasPrefix(lt, p) && len(t) > len(p) && isCapitalized(t[len(p):]) {
			return true
		}
	}
	return false
}

// namePartAt is isNamePart(t) for a token t of the form f: a token that
// opens with an ASCII letter is told by it, and by whether its form holds
// a hyphen (lowerKey keeps every '-' of the spelling), without decoding a
// rune or searching the spelling; findEntities asks it of every word.
func namePartAt(t string, f *wordFacts) bool {
	if t != "" && t[0] < utf8.RuneSelf {
		if c := t[0]; 'A' <= c && c <= 'Z' {
			return true
		}
		if !f.hyphen {
			return false
		}
	}
	return isNamePart(t)
}

// noNameStart reports a word t of the form f that opens with an ASCII
// byte other than a capital and holds no hyphen: no name starts at it
// (namePartAt is false) nor a party tag (which opens with D, R or I).
func noNameStart(t string, f *wordFacts) bool {
	return t == "" || t[0] < utf8.RuneSelf && (t[0] < 'A' || t[0] > 'Z') && !f.hyphen
}

// findEntities marks name tokens and returns the claim's entities. A name is
// a run of capitalised words with particles between them. A capitalised word
// that opens the sentence is a name only when the word is not a common
// lower-case word, or when the document writes it capitalised elsewhere.
//
// facts are the tokens' word facts (lows[k] is facts[k].low): stop words,
// background counts and the words that are no names are read there.
//
// The entities are appended to all, the document's entities so far, and
// all is returned: annotate cuts each claim's from one array, where a
// slice grown for every claim was the most allocations of any line of
// extraction.
func (x *extractor) findEntities(all []Entity, toks []rawToken, lows []string, facts []*wordFacts) []Entity {
	text := x.text
	first := len(all)
	out := all
	n := len(toks)
	facts = facts[:n] // one a token: cut to n, the loops index it without a bounds test
	for i := 0; i < n; {
		// Most words are passed over on their first byte.
		for i < n && noNameStart(toks[i].text, facts[i]) {
			i++
		}
		if i == n {
			break
		}
		t := toks[i].text
		// partyTagLen's first test made here, without a call for
		// every word.
		if t != "" && (t[0] == 'D' || t[0] == 'R' || t[0] == 'I') {
			if n := partyTagLen(text, toks, i); n > 0 {
				// "(D-Calif.)", ", R-Wis.,": a party and state, not a name.
				i += n
				continue
			}
		}
		if !namePartAt(t, facts[i]) || facts[i].notName || facts[i].anyDigit {
			i++
			continue
		}
		j := i + 1
		// adjRun: the run ends in a hyphenated adjective inside the
		// capitalised words ("Santa Clara-based Intel"), so the whole run
		// is the adjective, not a name.
		adjRun := false
		for j < n {
			if isPossessive(toks[j-1].text) {
				// "Trump’s Special Envoy": a possessive ends the name.
				break
			}
			if !onlySpaceBetween(text, toks[j-1].span.End, toks[j].span.Start) && !x.honorificGap(toks, facts, j) && !x.placeAbbrevGap(toks, facts, j) && !x.initialGap(toks, facts, j) {
				break
			}
			if namePartAt(toks[j].text, facts[j]) && !facts[j].notName && !facts[j].anyDigit {
				if facts[j].is(ciTitle) && !facts[j-1].is(ciTitle) && isAcronymShape(toks[j-1].text) {
					// "U.S. President Donald Trump": a title after an
					// acronym starts the next name.
					break
				}
				j++
				if facts[j-1].hyphen && strings.Contains(toks[j-1].text, "-") && x.adjectiveTail(lastPart(toks[j-1].text)) {
					// "Santa Clara-based Intel": the adjective ends the
					// run; the next name starts after it.
					adjRun = true
					break
				}
				continue
			}
			// "Speaker of the House John Boehner", "Secretary of the
			// Treasury Lena Marsh": before a person's name, a title's "of
			// the" and its body stay in the name, which personAfterTitle
			// reads as a title. Without a name after the body ("the
			// Secretary of the Navy", "the President of the United
			// States") the body is its own name.
			if lows[j] == "of" && j+1 < n && lows[j+1] == "the" && facts[j-1].is(ciTitle) && x.titledBody(toks, j) {
				j += 3
				continue
			}
			// A particle counts only when a name part follows it.
			if facts[j].name&nameParticle != 0 && j+1 < n && isNamePart(toks[j+1].text) && onlySpaceBetween(text, toks[j].span.End, toks[j+1].span.Start) {
				j += 2
				continue
			}
			break
		}
		next := j
		// Leading function words and, at the sentence start, a common word
		// are not part of the name: "The New York Times" keeps "New York
		// Times"; "Citing" alone is no name. A place's opening word stays
		// before another name part ("North Korea fired").
		a := i
		for a < j && !isAcronymShape(toks[a].text) && (facts[a].stop || (a == 0 && x.commonFact(facts[a]) && !x.capitalisedElsewhereFact(facts[a]) && !(a+1 < j && (x.honorificGap(toks, facts, a+1) || facts[a].is(ciPlacePrefix) || opensBody(facts, a, j))))) {
			a++
		}
		if a == 0 && j >= 1 && commonNounShape(lows[0]) && !x.capitalisedElsewhereFact(facts[0]) {
			// "Traders were surprised", "Supporters of Qadhafi": a common
			// noun opening the sentence, whatever its frequency in speech.
			a++
			for a < j && facts[a].name&nameParticle != 0 {
				a++
			}
		}
		if a == 0 && j == 1 && len(toks) > 1 && strings.TrimSpace(text[toks[0].span.End:toks[1].span.Start]) == "," &&
			facts[0].bg >= 30 && !x.capitalisedElsewhereFact(facts[0]) {
			// "Afterward, …": an opening adverb, not a name.
			a = j
		}
		for a < j && facts[a].hyphen && strings.Contains(toks[a].text, "-") && x.adjectiveTail(lastPart(toks[a].text)) {
			// "Iranian-backed Houthis": the adjective is not part of the name.
			a++
		}
		if adjRun {
			// "Santa Clara-based", "New York-based": the words before the
			// adjective back to a particle are its stem, as "Iranian" is
			// in "Iranian-backed"; left alone they would be a name cut in
			// two ("Santa", "New"). A name before the particle stays
			// ("Sgt. Ivo Marsh of Fort Calder-based units").
			k := j - 1
			for k > a && facts[k-1].name&nameParticle == 0 {
				k--
			}
			j = max(a, k-1)
		}
		if a < j && facts[j-1].hyphen && strings.Contains(toks[j-1].text, "-") && x.adjectiveTail(lastPart(toks[j-1].text)) {
			// "U.S.-designated" is an adjective, not a name.
			j--
		}
		if a < j && x.onlyTitles(text, toks, lows, facts, a, j) {
			// "Mr." or "the President" alone names no one by itself;
			// coreference resolves such a description (coref.go).
			a = j
		}
		if a < j {
			e := Entity{Text: text[toks[a].span.Start:toks[j-1].span.End], Span: Span{toks[a].span.Start, toks[j-1].span.End}}
			e.Key = x.entityKey(lows[a:j], facts[a:j])
			if e.Key != "" {
				out = append(out, e)
				if m := acronymDef(text[toks[j-1].span.End:min(len(text), toks[j-1].span.End+12)]); m != nil {
					if x.acronyms == nil {
						// Made for the few documents that define one.
						x.acronyms = map[string]string{}
					}
					x.acronyms[strings.ToLower(m[1])] = e.Key
				}
			}
		}
		i = next
	}
	// Defined acronyms: "[UNSC]" keys to the name it was defined for.
	// Most documents define none, and their names are not looked up.
	for k := first; k < len(out) && len(x.acronyms) > 0; k++ {
		if v, ok := x.acronyms[out[k].Key]; ok {
			out[k].Key = v
		}
	}
	return out
}

// opensBody reports whether the common word that opens the claim at
// lows[a] opens the name of a body that ends the run at j ("White House
// officials said", "Supreme Court justices", "Federal Reserve officials",
// "Justice Department lawyers"): there it is a name's word, where alone
// the head would name another body ("House", "Court"). A word that opens
// a date ("Last Senate session") or counts ("Two Defense Department
// officials") does not, nor one that stands before a longer name ("Senior
// Justice Department officials", "Former White House aides"): the body's
// name is the opener and its head, two words.
func opensBody(facts []*wordFacts, a, j int) bool {
	low := facts[a].low
	_, count := numberWords[low]
	return j == a+2 && facts[j-1].orgHead && !startsDateWord(low) && !count && low != "one"
}

// titledBody reports whether "of the" at toks[j] joins a title to a body
// and a person's name: three capitalised words or more follow it, with
// nothing but spaces between the words from "of" on.
func (x *extractor) titledBody(toks []rawToken, j int) bool {
	parts := 0
	for k := j + 1; k < len(toks) && parts < 3; k++ {
		if !onlySpaceBetween(x.text, toks[k-1].span.End, toks[k].span.Start) {
			return false
		}
		if k > j+1 {
			if !isNamePart(toks[k].text) {
				return false
			}
			parts++
		}
	}
	return parts == 3
}

// adjectiveTail reports whether the lower-case part after a name's last
// hyphen makes the word an adjective ("U.S.-designated", "Hamas-run",
// "Kremlin-backed") rather than a syllable of the name (Kim Jong-un, Moon
// Jae-in).
func (x *extractor) adjectiveTail(w string) bool {
	if !isLowerWord(w) {
		return false
	}
	lw := strings.ToLower(w)
	return len(lw) >= 3 && strings.HasSuffix(lw, "ed") || x.lex.Has(LexParticiple, lw) || adjectiveTails[lw]
}

// adjectiveTails are the irregular or non-verbal tails of hyphenated
// adjectives built on names.
var adjectiveTails = map[string]bool{"run": true, "made": true, "born": true, "style": true, "like": true, "era": true, "speaking": true, "friendly": true, "bound": true, "wide": true, "free": true, "held": true, "built": true}

func lastPart(t string) string {
	if k := strings.LastIndexAny(t, "-‐‑"); k >= 0 {
		return t[k+1:]
	}
	return t
}

// notNameWord reports words that are capitalised for other reasons than a
// name: months, weekdays, and the pronoun I. It is kept with the word's
// facts (wordFacts.notName).
func notNameWord(low string) bool {
	if _, ok := monthNames[strings.TrimSuffix(low, ".")]; ok {
		return true
	}
	if _, ok := weekdays[low]; ok {
		return true
	}
	return low == "i"
}

// commonFact reports whether a word is frequent as an ordinary lower-case
// word: a stop word, a word of background count 60 or more, or a
// participle or adverb by its shape (commonShape).
func (x *extractor) commonFact(f *wordFacts) bool {
	return f.stop || f.bg >= 60 || commonShape(f.low)
}

// capitalisedElsewhereFact reports a word the document capitalises
// mid-sentence. A very common word capitalised elsewhere is still a
// common word ("News" in "CBS News" does not make "News of the talks" a
// name).
func (x *extractor) capitalisedElsewhereFact(f *wordFacts) bool {
	return x.capSeen[f.low] && f.bg < 2000
}

// entityKey builds the key variants of one name share: titles and Arabic
// articles dropped, punctuation folded; a person's key is the family name,
// an organisation's or place's the whole name (known by a head noun,
// LexOrgHead, or a place's opening word, LexPlacePrefix); acronyms key to
// themselves and common expansions key to their acronym.
func (x *extractor) entityKey(lows []string, facts []*wordFacts) string {
	var nw nameWords
	if x.scratch != nil {
		nw = x.nameWords
	}
	nw.words, nw.facts = nw.words[:0], nw.facts[:0]
	for k, w := range lows {
		if facts[k].field { // plainField(w): lows[k] is facts[k].low
			if !articleWord(w) {
				nw.words, nw.facts = append(nw.words, w), append(nw.facts, facts[k])
			}
			continue
		}
		fields := strings.Fields(strings.ReplaceAll(w, "-", " "))
		for _, f := range fields {
			if articleWord(f) {
				continue
			}
			// A field that is the whole form has the form's facts;
			// the parts of a hyphenated form are asked of the lexicon.
			var ff *wordFacts
			if len(fields) == 1 && f == w {
				ff = facts[k]
			}
			nw.words, nw.facts = append(nw.words, f), append(nw.facts, ff)
		}
	}
	key := x.keyOfWords(nw.words, nw.facts)
	if x.scratch != nil {
		// Its strings cleared by release, once a document, not once a
		// name.
		x.nameWords = nw
	}
	return key
}

// articleWord reports an Arabic article, a word entityKey leaves out of a name.
func articleWord(f string) bool {
	return f == "al" || f == "el" || f == "ad" || f == "ash" || f == "an" || f == "ar" || f == "as" || f == "at" || f == "az"
}

// nameWords is entityKey's working list of a name's words, each with its
// word facts (nil for a part of a hyphenated form), kept in the scratch
// so that a name costs no allocation before its key.
type nameWords struct {
	words []string
	facts []*wordFacts
}

// wordIsIn reports lex.Has(category ci, w), read from f, the facts of w
// in lex's table, when the caller has them: the name rules ask it of each
// word of each name.
func wordIsIn(lex *Lexicon, ci int, w string, f *wordFacts) bool {
	if f != nil {
		return f.is(ci)
	}
	return lex.Has(LexiconCategories[ci], w)
}

// stopIn is lex.Has(LexStopword, w), read from f when known.
func stopIn(lex *Lexicon, w string, f *wordFacts) bool {
	if f != nil {
		return f.stop
	}
	return lex.Has(LexStopword, w)
}

// orgHeadOf is orgHeadIn(lex, w), read from f when known.
func orgHeadOf(lex *Lexicon, w string, f *wordFacts) bool {
	if f != nil {
		return f.orgHead
	}
	return orgHeadIn(lex, w)
}

// keyOfWords is entityKey's rule on the name's words, wf their facts
// (nil where unknown); it may reslice both.
func (x *extractor) keyOfWords(words []string, wf []*wordFacts) string {
	lex := x.lex
	// titled: a person's title stood before the name, which makes it a
	// person's even when it opens like a place ("Sen. Lake Marden").
	titled := false
	// "Martin Luther King Jr.": the generation is no name, and left on it
	// would follow a title-like word ("king") as the whole name.
	for len(words) > 1 && nameWordIs(words, wf, len(words)-1, nameGeneration) {
		words, wf = words[:len(words)-1], wf[:len(wf)-1]
	}
	if from := x.personAfterTitle(words, wf); from >= 0 {
		// "Senate Majority Leader Mitch McConnell" keys mcconnell.
		words, wf, titled = words[from:], wf[from:], true
	}
	// "Robert S. Mueller III", "Pope Leo XIV": a person's ordinal, known by
	// an initial or a title before it; "World War II" and "Article II"
	// keep theirs.
	for len(words) > 1 && nameWordIs(words, wf, len(words)-1, nameRoman) && (titled || hasInitial(words[:len(words)-1])) {
		words, wf = words[:len(words)-1], wf[:len(wf)-1]
	}
	org := false
	for k, w := range words {
		org = org || orgHeadOf(lex, w, wf[k])
	}
	for len(words) > 1 && (wordIsIn(lex, ciTitle, words[0], wf[0]) && !org || stopIn(lex, words[0], wf[0])) {
		titled = titled || wordIsIn(lex, ciTitle, words[0], wf[0])
		words, wf = words[1:], wf[1:]
	}
	for len(words) > 1 && nameWordIs(words, wf, len(words)-1, nameCorporate) {
		words, wf = words[:len(words)-1], wf[:len(wf)-1]
	}
	if len(words) == 0 {
		return ""
	}
	if from, to, ok := personBeforeOf(words, wf, lex); ok {
		// "Chuck Schumer of New York" keys schumer, not york.
		words, wf = words[from:to], wf[from:to]
	}
	// The whole name is joined only when it is the key or may be an
	// expansion: most names key to their last word.
	if nameWordIs(words, wf, 0, nameExpansion) {
		// Joined into a buffer on the stack for the look-up only: most
		// names asked are no expansion, and a joined copy of each was
		// garbage.
		var buf [64]byte
		b := buf[:0]
		for k, w := range words {
			if k > 0 {
				b = append(b, ' ')
			}
			b = append(b, w...)
		}
		if a, ok := x.expansions()[string(b)]; ok {
			return a
		}
	}
	if len(words) == 1 {
		return words[0]
	}
	for k, w := range words {
		if orgHeadOf(lex, w, wf[k]) {
			return strings.Join(words, " ")
		}
	}
	if len(words) <= 3 && wordIsIn(lex, ciPlacePrefix, words[0], wf[0]) && !titled {
		// "New York", "North Korea", "Los Angeles": a place keys whole, so
		// that "York" and "South Korea" stay other names.
		return strings.Join(words, " ")
	}
	last := words[len(words)-1]
	if len(last) < 3 || nameWordIs(words, wf, len(words)-1, nameRoman) || nameWordIs(words, wf, len(words)-2, nameParticle) {
		return strings.Join(words, " ")
	}
	return last
}

// nameWordIs reports whether words[k] has the name flag b, read from its
// facts wf[k] when known (wf[k].low is words[k]), else from the flag's
// list. For nameExpansion, without facts, it answers true: the caller
// then looks the name up.
func nameWordIs(words []string, wf []*wordFacts, k int, b nameBits) bool {
	if is, ok := wf[k].nameIs(b); ok {
		return is
	}
	w := words[k]
	switch b {
	case nameParticle:
		return isNameParticle(w)
	case nameGeneration:
		return generationSuffix(w)
	case nameCorporate:
		return corporateSuffix(w)
	case nameRoman:
		return romanOrdinal(w)
	}
	return true
}

// plainField reports a word that strings.Fields, after hyphens become
// spaces, leaves whole: printable ASCII with no space or hyphen.
func plainField(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c <= ' ' || c == '-' || c >= utf8.RuneSelf {
			return false
		}
	}
	return w != ""
}

// expansions maps lower-case expansions of the acronym lexicon to their
// acronym ("israel defense forces" → "idf").
func (x *extractor) expansions() map[string]string {
	return x.lex.expansions
}

func isPossessive(t string) bool {
	return strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "'s")
}

// hasDigit reports an ASCII digit in s (strings.ContainsAny with the ten
// digits, without building the set of them at every call).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// generationSuffix reports a generation, dropped from name keys as a
// corporate suffix is: "John G. Roberts Jr." keys roberts, as "Roberts"
// does. A switch, as corporateSuffix.
func generationSuffix(w string) bool {
	return w == "jr" || w == "sr"
}

// romanUnits are the roman numerals of one to nine.
var romanUnits = map[string]bool{"": true, "i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true,
	"vii": true, "viii": true, "ix": true}

// romanOrdinal reports a lower-case roman numeral from i to xxxix, the
// ordinals that follow a name: a person's ("Pope Pius XII", "Robert S.
// Mueller III"), which keyOfWords drops, or a war's, an article's or a
// ship's ("World War II", "Article V"), which stay in the key.
func romanOrdinal(w string) bool {
	tens := 0
	for tens < len(w) && tens < 3 && w[tens] == 'x' {
		tens++
	}
	return w != "" && romanUnits[w[tens:]]
}

// hasInitial reports a word of one letter among words ("robert s
// mueller"): an initial, which only persons' names hold.
func hasInitial(words []string) bool {
	for _, w := range words {
		if len(w) == 1 {
			return true
		}
	}
	return false
}

// corporateSuffix reports a corporate suffix, dropped from name keys:
// "Lexmark International Inc." and "Lexmark International" are one
// company. A switch, not a map: every name's last word is asked, and a
// switch on strings compares lengths before bytes where a map hashes.
func corporateSuffix(w string) bool {
	switch w {
	case "inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "spa", "gmbh", "lp", "llp", "bhd":
		return true
	}
	return false
}

// hasWord reports whether w is one of the words of s, without building
// the list of them (SameName runs for every pair of a document's names).
func hasWord(s, w string) bool {
	for v := range strings.FieldsSeq(s) {
		if v == w {
			return true
		}
	}
	return false
}

// commonNounShape reports a word with the ending of a common noun
// ("traders", "inflation", "government", "weakness"), which a capital at a
// sentence start does not make a name.
func commonNounShape(w string) bool {
	for _, suf := range []string{"ers", "ors", "ion", "ions", "ment", "ments", "ness", "ity", "ities", "ism", "ists", "ants", "ents", "ians"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isAcronymShape reports an all-capitals word of two or more letters
// ("WHO", "IDF"): an acronym even when it spells a common word.
func isAcronymShape(w string) bool {
	n := 0
	for i := 0; i < len(w); {
		// An ASCII letter is lower case from a to z and upper case
		// from A to Z: most words are told by their bytes, without a
		// rune decoded or a table read.
		if c := w[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			if 'A' <= c && c <= 'Z' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
		i += size
	}
	return n >= 2
}

// honorificGap reports whether the gap before toks[j] is the full stop of
// an abbreviated title ("Mr. Cruz", "Sen. Warner", "Gov. Pence"), which
// joins the title to the name instead of ending it.
func (x *extractor) honorificGap(toks []rawToken, facts []*wordFacts, j int) bool {
	if !x.fullStopGap(toks, j) {
		return false
	}
	return isCapitalized(toks[j-1].text) && facts[j-1].is(ciTitle) && isNamePart(toks[j].text)
}

// fullStopGap reports whether the gap before toks[j] is a full stop and
// spaces: the shape that joins an abbreviation or an initial to the name
// after it ("Sen. Warner", "John A. Boehner", "St. Louis").
func (x *extractor) fullStopGap(toks []rawToken, j int) bool {
	a, b := toks[j-1].span.End, toks[j].span.Start
	return b-a >= 2 && x.text[a] == '.' && onlySpaceBetween(x.text, a+1, b)
}

// initialGap reports whether the gap before toks[j] is the full stop of a
// middle or first initial ("John A. Boehner", "Chief Justice John G.
// Roberts", "J. K. Rowling"): one capital letter, its full stop and a
// space, then a name part that is not a function word ("Plan B. The
// mayor" is two sentences). Surnames are often common words ("Donald J.
// Trump", "Susan E. Rice"), so a capitalised common word after it joins
// too; a common word before the letter does not ("Plan B. Officials
// agreed", "Vitamin D. Researchers", which the segmenter keeps in one
// sentence), unless it is a given name ("Mark S. Johnson").
func (x *extractor) initialGap(toks []rawToken, facts []*wordFacts, j int) bool {
	if !x.fullStopGap(toks, j) {
		return false
	}
	t := toks[j-1].text
	if len(t) != 1 || t[0] < 'A' || 'Z' < t[0] || !isNamePart(toks[j].text) || facts[j].stop {
		return false
	}
	// A common word before the letter names a thing, not a person
	// ("Vitamin D. Researchers", "Terminal C. Passengers"), unless it is a
	// given name too ("Mark S. Johnson").
	if j >= 2 && facts[j-2] != nil && onlySpaceBetween(x.text, toks[j-2].span.End, toks[j-1].span.Start) && x.commonFact(facts[j-2]) {
		if _, given := givenNameSex(facts[j-2].low, x.lex); !given {
			return false
		}
	}
	return true
}

// placeAbbrevGap reports whether the gap before toks[j] is the full stop of
// a place's abbreviated opening word ("St. Louis", "Mt. Hood", "Ft.
// Worth": LexPlacePrefix and LexAbbreviation both list it), which joins it
// to the name as honorificGap joins a title. ("Elm St. The mayor came" is
// two sentences already.)
func (x *extractor) placeAbbrevGap(toks []rawToken, facts []*wordFacts, j int) bool {
	if !x.fullStopGap(toks, j) {
		return false
	}
	return isCapitalized(toks[j-1].text) && facts[j-1].is(ciPlacePrefix) && facts[j-1].is(ciAbbreviation) &&
		isNamePart(toks[j].text)
}

// onlyTitles reports whether toks[a:j] are titles alone ("Mr.", "the
// President", "Sen."): followed by a full stop or preceded by an article,
// they are a courtesy title or a description, never a name.
func (x *extractor) onlyTitles(text string, toks []rawToken, lows []string, facts []*wordFacts, a, j int) bool {
	for k := a; k < j; k++ {
		if !facts[k].is(ciTitle) {
			return false
		}
	}
	if strings.HasPrefix(text[toks[j-1].span.End:], ".") {
		return true
	}
	return a > 0 && (lows[a-1] == "the" || lows[a-1] == "a" || lows[a-1] == "an")
}

// partyTagLen returns how many tokens from toks[i] make a party-state tag
// ("D-Calif." in "(D-Calif.)", "R-Wis." in ", R-Wis.,", "D-N.Y.", or a
// bare "(D)"), or 0. The tag must follow an opening bracket or a comma, so
// "D-Day" stays a name.
func partyTagLen(text string, toks []rawToken, i int) int {
	t := toks[i].text
	if t == "" || t[0] != 'D' && t[0] != 'R' && t[0] != 'I' {
		// Every tag starts with its party's letter: most words are
		// turned down before the text around them is read.
		return 0
	}
	p, _ := decodeLast(text, toks[i].span.Start)
	if p == ' ' {
		p, _ = decodeLast(text, toks[i].span.Start-1)
	}
	if p != '(' && p != ',' {
		return 0
	}
	if len(t) == 1 && (t == "D" || t == "R" || t == "I") {
		if strings.HasPrefix(text[toks[i].span.End:], ")") {
			return 1
		}
		return 0
	}
	if len(t) < 3 || !strings.ContainsRune("DRI", rune(t[0])) || !isHyphen(rune(t[1])) || !isUpperRune(rune(t[2])) {
		return 0
	}
	n := 1
	// "D-N" "Y." — the rest of a dotted state glued on.
	for i+n < len(toks) && len(toks[i+n].text) <= 2 && strings.TrimSpace(text[toks[i+n-1].span.End:toks[i+n].span.Start]) == "." {
		n++
	}
	return n
}

// isPartyTagAt reports whether a party-state tag stands at text[pos:],
// after optional spaces, a bracket or a comma: the mark of a politician.
func isPartyTagAt(text string, pos int) bool {
	// The spaces and the bracket or comma by bytes: after most names
	// come a space and a word, and no cut of the text is made for them.
	i, end := pos, min(len(text), pos+16)
	for i < end && text[i] == ' ' {
		i++
	}
	if i == end || text[i] != '(' && text[i] != ',' {
		return false
	}
	rest := strings.TrimLeft(text[i+1:end], " ")
	// Both forms open with D, R or I: other text is not run through the
	// expression.
	return rest != "" && (rest[0] == 'D' || rest[0] == 'R' || rest[0] == 'I') && partyTagRE().MatchString(rest)
}

var partyTagRE = lazyRegexp(`^(?:[DRI]-[A-Z][A-Za-z.]*|[DRI]\))`)

// personAfterTitle returns where the words after the last title of a
// name that holds one before a personal name start ("senate majority
// leader mitch mcconnell" → mitch mcconnell; "secretary of state john
// kerry" → john kerry), or -1 when what follows the title is an
// organisation ("justice department") or nothing. wf are the words'
// facts, nil where unknown.
func (x *extractor) personAfterTitle(words []string, wf []*wordFacts) int {
	last := -1
	ofBody := false
	for k := 0; k < len(words)-1; k++ {
		if wordIsIn(x.lex, ciTitle, words[k], wf[k]) {
			last, ofBody = k, false
			if k+2 < len(words) && words[k+1] == "of" {
				// "secretary of state", "minister of defense".
				k += 2
				if words[k] == "the" && k+1 < len(words)-1 {
					k++
				}
				last, ofBody = k, true
			}
		}
	}
	if last < 0 || last == len(words)-1 {
		return -1
	}
	for k := last + 1; k < len(words); k++ {
		if stopIn(x.lex, words[k], wf[k]) {
			return -1
		}
		if orgHeadOf(x.lex, words[k], wf[k]) {
			if !ofBody || k == len(words)-1 {
				return -1
			}
			// The body after "of the" runs to its head: "president of
			// the united states barack obama", "president of the european
			// commission jean-claude juncker".
			last = k
		}
	}
	return last + 1
}

// orgHead reports a head noun of an organisation or place, singular or
// plural ("forces", "department"); an exact entry has no plural ("Banks"
// is a surname, not banks).
func (x *extractor) orgHead(w string) bool {
	return orgHeadIn(x.lex, w)
}

// orgHeadIn is orgHead with the lexicon given, for the rules that have no
// extractor (personBeforeOf).
func orgHeadIn(lex *Lexicon, w string) bool {
	return orgHeadEntry(lex, w) != nil
}

// personBeforeOf returns where in words the personal name before "of"
// in "chuck schumer of new york" stands, words[from:to], or false when
// the words before "of" are not one ("bank of america", "council of
// europe": a head noun of an organisation). wf are the words' facts in
// lex, nil where unknown.
func personBeforeOf(words []string, wf []*wordFacts, lex *Lexicon) (from, to int, ok bool) {
	for k := 1; k < len(words)-1; k++ {
		if words[k] != "of" {
			continue
		}
		p := 0
		titled := false
		for p < k && wordIsIn(lex, ciTitle, words[p], wf[p]) {
			// "Justice Ruth Lee of the Supreme Court".
			p, titled = p+1, true
		}
		for q := p; q < k; q++ {
			if orgHeadOf(lex, words[q], wf[q]) || wordIsIn(lex, ciTitle, words[q], wf[q]) || stopIn(lex, words[q], wf[q]) {
				return 0, 0, false
			}
		}
		if k-p == 0 || k-p < 2 && !titled {
			// "Duke of Edinburgh", "Secretary of State": no personal name
			// before "of".
			return 0, 0, false
		}
		return p, k, true
	}
	return 0, 0, false
}
