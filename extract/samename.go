package extract

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Which name keys name one entity: within a document (unifyKeys), across
// documents (CanonicalKeys), and the rule they both ask (SameName: words
// left out, spelling variants, initials, a body named after a place or a
// person, a chamber, relatives held apart).

// unifyKeys gives spelling variants of one name within a document one key:
// a key within a small edit distance of a more frequent key takes that key
// (Kadhafi, Gaddafi). Distances scale with length so short names never merge.
// keys are the keys of claims' names as indexMentions numbered and counted
// them: the entities addResolved added (ResolvedFrom) are counted here, and
// the keys need no map of their own.
func unifyKeys(claims []Claim, keys docKeys) {
	for _, c := range claims {
		for _, e := range c.Entities {
			if e.ResolvedFrom != "" {
				keys.add(e.Key)
			}
		}
	}
	if len(keys.keys) < 2 {
		// No other key to be a variant of.
		return
	}
	sc := canonScratch.Get().(*canonBufs)
	defer canonScratch.Put(sc)
	sc.keys = sc.keys[:0]
	for _, k := range keys.keys {
		sc.keys = append(sc.keys, keyCount{k.key, k.n})
	}
	canon := sc.canonical(func(k string) bool { _, ok := keys.ids[k]; return ok }, SameName, true)
	if len(canon) == 0 {
		return
	}
	// A document has a variant or two: a key whose first byte no variant
	// opens with is passed over without the map's look-up.
	var firsts byteSet
	for k := range canon {
		firsts.addFirst(k)
	}
	for i := range claims {
		for j := range claims[i].Entities {
			key := claims[i].Entities[j].Key
			if !firsts.mayHoldFirst(key) {
				continue
			}
			if k, ok := canon[key]; ok {
				claims[i].Entities[j].Key = k
			}
		}
	}
}

// byteSet is a set of bytes, the first bytes of some keys.
type byteSet [4]uint64

// addFirst adds the first byte of key; an empty key makes every key a
// maybe.
func (s *byteSet) addFirst(key string) {
	if key == "" {
		*s = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		return
	}
	s[key[0]>>6] |= 1 << (key[0] & 63)
}

// mayHoldFirst is false only for a nonempty key whose first byte was
// added by no key.
func (s *byteSet) mayHoldFirst(key string) bool {
	return key == "" || s[key[0]>>6]&(1<<(key[0]&63)) != 0
}

// CanonicalKeys maps each entity key of counts that is a variant of a more
// frequent key, by SameName, to that key. Ties break alphabetically, so the
// result does not depend on map order.
func CanonicalKeys(counts map[string]int) map[string]string {
	return canonicalKeys(counts, SameName, true)
}

// CanonicalKeysWith is CanonicalKeys with another test of which keys name
// the same entity.
func CanonicalKeysWith(counts map[string]int, same func(a, b string) bool) map[string]string {
	return canonicalKeys(counts, same, false)
}

// canonicalKeys is CanonicalKeysWith; with known set, same is SameName and
// the pairs whose keys' facts (nameKey) rule a match out are never asked:
// corpus mode asks about every pair of an event's keys, and most pairs
// end there.
func canonicalKeys(counts map[string]int, same func(a, b string) bool, known bool) map[string]string {
	// The keys with their counts in one slice, and which are settled by
	// position: the sort and the loop read no map. The slices are reused
	// (canonScratch): every document and every event asks.
	sc := canonScratch.Get().(*canonBufs)
	defer canonScratch.Put(sc)
	sc.keys = sc.keys[:0]
	for k, c := range counts {
		sc.keys = append(sc.keys, keyCount{k, c})
	}
	return sc.canonical(func(k string) bool { return counts[k] > 0 }, same, known)
}

// canonical is canonicalKeys of the keys with counts in sc.keys, which it
// empties; has reports a key among them.
func (sc *canonBufs) canonical(has func(key string) bool, same func(a, b string) bool, known bool) map[string]string {
	keys := sc.keys
	defer func() {
		clear(keys) // drop the strings for the collector
		sc.keys = keys[:0]
	}()
	// The keys are distinct, so the order is total and an unstable sort
	// gives it.
	slices.SortFunc(keys, func(a, b keyCount) int {
		if a.count != b.count {
			return cmp.Compare(b.count, a.count)
		}
		return strings.Compare(a.key, b.key)
	})
	facts, quick := sc.facts[:0], sc.quick[:0]
	if known {
		for _, k := range keys {
			facts = append(facts, newNameKey(k.key))
			quick = append(quick, facts[len(facts)-1].quick())
		}
	}
	defer func() {
		clear(facts)
		sc.facts, sc.quick = facts[:0], quick[:0]
	}()
	out := map[string]string{}
	done := slices.Grow(sc.done[:0], len(keys))[:len(keys)]
	clear(done)
	sc.done = done
	for i, k := range keys {
		if done[i] {
			continue
		}
		// A family name joins one person's given-name key at most
		// ("clinton" and "hillary clinton", not "william clinton" too:
		// relatives.go split them where one document names both).
		person := false
		// The keys after k that may name its entity. Most pairs share
		// neither words nor nearly all their letters: with known they
		// are ruled out first, in a loop of their own on 24 bytes a key,
		// and the rest of the tests are made for the few left.
		cands := sc.cands[:0]
		if known {
			qa := quick[i]
			for d, qb := range quick[i+1:] {
				if qa.may(qb) {
					cands = append(cands, i+1+d)
				}
			}
		} else {
			for j := i + 1; j < len(keys); j++ {
				cands = append(cands, j)
			}
		}
		sc.cands = cands
		for _, j := range cands {
			if done[j] || known && !facts[i].mayMatch(&facts[j]) {
				continue
			}
			given := givenKeyOf(keys[j].key, k.key)
			if given && person {
				continue
			}
			if firstNameOf(keys[j].key, k.key, has) {
				// "paul ryan" (relatives.go) beside "ryan" is Ryan, not
				// "paul" (Rand Paul). Only where "paul" is named more: a
				// given name used alone ("Melania") is that person's,
				// and the counts cannot tell the two apart otherwise.
				continue
			}
			if same(k.key, keys[j].key) {
				out[keys[j].key] = k.key
				done[j] = true
				person = person || given
			}
		}
	}
	return out
}

// keyCount is a key of canonicalKeys and its count.
type keyCount struct {
	key   string
	count int
}

// canonBufs are canonicalKeys' slices, kept between calls.
type canonBufs struct {
	keys  []keyCount
	facts []nameKey
	quick []quickKey
	done  []bool
	cands []int // the keys a key is compared with
}

var canonScratch = sync.Pool{New: func() any { return new(canonBufs) }}

// firstNameOf reports whether short is the first word of long, a
// person's "given family" key, while the family name is a key of its own:
// a first name is no short form of a person whose family name stands
// among the keys.
func firstNameOf(long, short string, has func(key string) bool) bool {
	first, rest, ok := strings.Cut(long, " ")
	return ok && first == short && !strings.Contains(rest, " ") && has(rest) && !orgHeadIn(DefaultLexicon(), rest)
}

// givenKeyOf reports whether key is family with a given name before it,
// as relatives keys a person ("hillary clinton" for "clinton").
func givenKeyOf(key, family string) bool {
	first, rest, ok := strings.Cut(key, " ")
	// A person's family name is one word and no organisation's head:
	// "treasury department" and "defense department" may both meet
	// "department".
	return ok && first != "" && rest == family && !strings.Contains(family, " ") && !orgHeadIn(DefaultLexicon(), family)
}

// editLimit is the most edits two keys may differ by and still be
// spelling variants of one name (SameName): one, two from ten letters
// on; ok is false for keys too short to compare, or under seven letters
// with different first letters. nameKey.mayMatch makes the same tests
// on the keys' lengths and first bytes (namekey.go).
func editLimit(a, b string) (limit int, ok bool) {
	la, lb := len(a), len(b)
	if la < 5 || lb < 5 || a[0] != b[0] && min(la, lb) < 7 {
		return 0, false
	}
	if min(la, lb) >= 10 {
		return 2, true
	}
	return 1, true
}

// SameName reports whether two entity keys name one entity: one is the
// other with words left out ("lexmark" / "lexmark international"), but not
// a place's opening word ("york" / "new york": keepsPlacePrefix), or they
// are spelling variants within one edit (two from ten letters on), with the
// same first letter below seven letters (Qaddafi / Gaddafi meet; short
// names never merge below five letters); in keys of several words, every
// word that differs must be such a variant (North Korea / South Korea are
// two countries). Kim Jong Un and Kim Jong-un share a key already. The
// place words are the default lexicon's (LexPlacePrefix), whatever lexicon
// made the keys: SameName takes none, and a matcher that must follow
// another lexicon's is a compare.NameMatcher.
func SameName(a, b string) bool {
	if a == b {
		return true
	}
	// Only the shorter key can be the other with words left out.
	la, lb := len(a), len(b)
	if la < lb && initialsOf(a, b) || lb < la && initialsOf(b, a) {
		return true
	}
	if la < lb && wordSubset(a, b) || lb < la && wordSubset(b, a) {
		if la > lb {
			a, b = b, a
		}
		return keepsPlacePrefix(a, b) && shortFor(a, b)
	}
	if ledAlike(a, b) {
		return true
	}
	limit, ok := editLimit(a, b)
	if !ok {
		return false
	}
	// The edit distance (in runes) is at least the difference in length.
	if ra, rb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); ra-rb > limit || rb-ra > limit {
		return false
	}
	// One edit changes at most two bits of the set of runes a key holds
	// (one rune gone, one come), so keys whose sets differ in more than
	// twice the limit are further apart than it: most pairs of names end
	// here without the distance's table.
	if bits.OnesCount64(runeSet(a)^runeSet(b)) > 2*limit {
		return false
	}
	if levenshtein.ComputeDistance(a, b) > limit {
		return false
	}
	return sameWords(a, b)
}

// sameWords reports whether keys a and b, within an edit of each other,
// differ only in words that begin alike or are variants of each other by
// SameName: "north korea" and "south korea" are two edits apart, but
// "north" and "south" are two names. Keys of one word, or of different
// numbers of words ("kim jong un", "kim jongun"), are variants by the edit
// distance alone.
func sameWords(a, b string) bool {
	if !strings.Contains(a, " ") || !strings.Contains(b, " ") {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return true
	}
	for i := range wa {
		if wa[i] != wb[i] && wa[i][0] != wb[i][0] && !SameName(wa[i], wb[i]) {
			return false
		}
	}
	return true
}

// runeSet is the set of a key's runes, each rune as bit r mod 64.
func runeSet(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= 1 << (uint(r) & 63)
	}
	return m
}

// wordSubset reports whether every word of the shorter multi-word or
// single key a stands in b, and a has a word of at least four letters (so
// "new" alone never meets "new york").
func wordSubset(a, b string) bool {
	if len(a) >= len(b) || !strings.Contains(b, " ") {
		return false
	}
	long := false
	for w := range strings.FieldsSeq(a) {
		// A word of b is a substring of b: a substring search rules out
		// most pairs without splitting b into words (corpus mode asks
		// about every pair of an event's names).
		if !strings.Contains(b, w) || !hasWord(b, w) {
			return false
		}
		if len(w) >= 4 {
			long = true
		}
	}
	return long
}

// keepsPlacePrefix reports whether the shorter key a, whose words all stand
// in b, keeps b's opening place word when b has one (LexPlacePrefix of the
// default lexicon): "new york" meets "new york city", but "york" and "new
// york", "korea" and "north korea", "virginia" and "west virginia" are
// other places. The last word of three is what a place names more often
// than a part of the place ("new york yankees", "los angeles
// philharmonic", "new jersey democrat"), and meets it alone as it did
// before places keyed whole ("yankees"), while the place of its first two
// words does not; "palo alto" still does not meet "east palo alto".
func keepsPlacePrefix(a, b string) bool {
	first, rest, _ := strings.Cut(b, " ")
	if !fewFields(b, 3) || !DefaultLexicon().Has(LexPlacePrefix, first) {
		// As in entityKey, a longer name is no place by its first word:
		// "new charing cross hospital" meets "charing cross hospital".
		return true
	}
	second, third, ok := strings.Cut(rest, " ")
	if !ok {
		return hasWord(a, first)
	}
	if a == third {
		return true
	}
	if a == first+" "+second {
		// "new york" meets "new york city", a place and its head noun
		// (LexOrgHead), not "new york yankees" nor "new jersey turnpike",
		// which are named after it.
		return orgHeadIn(DefaultLexicon(), third)
	}
	return hasWord(a, first)
}

// ledAlike reports whether keys a and b, of several words each, are one
// name once a leading acronym expansion is written as the acronym
// (Lexicon.acronymLed): "united states conference of catholic bishops" and
// "us conference of catholic bishops".
func ledAlike(a, b string) bool {
	if !strings.Contains(a, " ") || !strings.Contains(b, " ") {
		return false
	}
	lex := DefaultLexicon()
	x, y := lex.acronymLed(a), lex.acronymLed(b)
	return (x != a || y != b) && x == y
}

// initialsOf reports whether the one-word key a, of three to eight
// letters, spells the initials of the words of the longer key b, its
// function words left out: "aclu" / "american civil liberties union",
// "fbi" / "federal bureau of investigation", "usccb" / "us conference
// of catholic bishops" (a word of two letters, an abbreviation the key
// wrote without its full stops, may give both). The acronym lexicon
// knows the common ones; this finds the rest, as an article that names a
// body in full once and by its initials after, or another outlet that
// does, writes them (the acronym–definition pairs of Schwartz & Hearst,
// 2003, without the parentheses).
func initialsOf(a, b string) bool {
	if len(a) < 3 || len(a) > 8 || !strings.Contains(b, " ") {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] < 'a' || a[i] > 'z' {
			return false
		}
	}
	var words [12]string
	n := 0
	for w := range strings.FieldsSeq(b) {
		switch w {
		case "of", "the", "and", "for", "&", "on", "in":
			continue
		}
		if n == len(words) {
			return false
		}
		words[n] = w
		n++
	}
	if n < 2 {
		return false
	}
	return spells(a, words[:n])
}

// spells reports whether a is the words' initials in order, each word
// giving its first letter, or a word of two letters both.
func spells(a string, words []string) bool {
	if len(words) == 0 {
		return a == ""
	}
	w := words[0]
	if a == "" || a[0] != w[0] {
		return false
	}
	if spells(a[1:], words[1:]) {
		return true
	}
	return len(w) == 2 && len(a) >= 2 && a[1] == w[1] && spells(a[2:], words[1:])
}

// shortFor reports whether the shorter key a, whose words all stand in b,
// may be b's short form by what its words are (the default lexicon's, as
// keepsPlacePrefix reads it). A key of several words may, unless b goes
// on after it with a body's head ("new york" / "new york times"). One word
// may not
// when it is an adjective of nationality, religion or party (LexDemonym:
// "american" / "american civil liberties union"); when b is named by a
// head after which its other words name another entity (LexOrgHead,
// sub=body) and a is one of those words ("washington" / "washington
// post", "clinton" / "clinton foundation") or holds an adjective of
// LexDemonym besides a ("oklahoma" / "oklahoma republican party"); or when
// a is a chamber's name (sub=chamber) that b holds other than as its head
// before "of" or after its country or majority: "house" meets "house of
// representatives", "us house" and "republican house", not "white house"
// nor "house republicans".
func shortFor(a, b string) bool {
	if generationIn(b) && !generationIn(a) {
		// "jesse jr jackson" (relatives.go) is not his father.
		return false
	}
	lex := DefaultLexicon()
	if strings.Contains(a, " ") {
		// "new york" / "new york times", "san diego" / "san diego
		// union-tribune", "new york" / "new york police department": a
		// body named after a place, a head of LexOrgHead sub=body after
		// the place's words, is not the place.
		rest, ok := strings.CutPrefix(b, a+" ")
		if first, _, _ := strings.Cut(a, " "); !ok || !lex.Has(LexPlacePrefix, first) {
			// Only a place's name ("new york", "san diego") is not the
			// body named after it; "house judiciary" is the "house
			// judiciary committee".
			return true
		}
		for w := range strings.FieldsSeq(rest) {
			if i := strings.LastIndexByte(w, '-'); i >= 0 {
				w = w[i+1:]
			}
			if e := orgHeadEntry(lex, w); e != nil && e.Sub == orgHeadBody && !placeDivisions[w] {
				return false
			}
		}
		return true
	}
	if lex.Has(LexDemonym, a) {
		return false
	}
	first, head := nameHead(b)
	if a != head {
		if e := orgHeadEntry(lex, head); e != nil && e.Sub == orgHeadBody {
			return false
		}
		// "oklahoma republican party", "texas democratic caucus": a
		// party's or a faith's body of a place is not the place (but
		// "arabia" is the "kingdom of saudi arabia").
		seen := false
		for w := range strings.FieldsSeq(b) {
			if seen && lex.Has(LexDemonym, w) {
				return false
			}
			seen = seen || w == a
		}
	}
	if e := lex.Word(LexOrgHead, a); e != nil && e.Sub == orgHeadChamber {
		if a != head {
			return false
		}
		// "house of representatives"; and the chamber told by its
		// country or its majority ("u.s. senate", "republican senate"),
		// where another's is told by a place or a name ("texas house",
		// "white house").
		return a == first || b == first+" "+a && (strings.Contains(first, ".") || lex.Has(LexAcronym, first) || lex.Has(LexDemonym, first))
	}
	return true
}

// placeDivisions are the heads of sub=body that name the place itself
// told more exactly: a place of several words meets its city or county
// ("new york" / "new york city"), as news writes them for one another,
// where a one-word name does not ("mexico" / "mexico city").
var placeDivisions = map[string]bool{"city": true, "county": true, "district": true}

// generationIn reports a generation among a key's words ("jr", "sr"),
// which only relatives.go leaves in a key.
func generationIn(key string) bool {
	for w := range strings.FieldsSeq(key) {
		if generationSuffix(w) {
			return true
		}
	}
	return false
}

// The sub-kinds of LexOrgHead entries that shortFor reads.
const (
	orgHeadBody    = "body"
	orgHeadChamber = "chamber"
)

// nameHead returns a key's first word and the word it is named by: the
// word before its first "of" ("department of justice", "house of
// representatives"), else its last ("justice department").
func nameHead(key string) (first, head string) {
	prev := ""
	for w := range strings.FieldsSeq(key) {
		if first == "" {
			first = w
		}
		if w == "of" && prev != "" {
			return first, prev
		}
		prev = w
	}
	return first, prev
}

// orgHeadEntry is the LexOrgHead entry of w, singular or plural as
// orgHeadIn reads it, or nil.
func orgHeadEntry(lex *Lexicon, w string) *Entry {
	// lex.Word(LexOrgHead, …) read by the category's position, worked
	// out once: every name's words and every key's are asked.
	heads := lex.words[ciOrgHead]
	if e := heads[w]; e != nil {
		return e
	}
	if len(w) <= 3 || !strings.HasSuffix(w, "s") {
		return nil
	}
	if e := heads[w[:len(w)-1]]; e != nil && !e.Exact {
		return e
	}
	return nil
}

// ciOrgHead is LexOrgHead's position in the lexicon's categories.
var ciOrgHead = catIndex(LexOrgHead)
