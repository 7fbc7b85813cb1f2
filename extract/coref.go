package extract

import (
	"cmp"
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Who is who within one document: which names are people (and of which
// gender, when a title tells it), what roles the document gives them ("Gov.
// Jane Roe", "Roe, the top Democrat on the committee,"), and which earlier
// name a pronoun or a description ("the governor", "the bureau") refers to.
// Quote speakers and the resolved entities of claims are read from here.

//go:embed data/roles.txt
var rolesFile string

type roleInfo struct {
	group  bool // a role of an organisation ("the bureau"), not of a person
	gender byte // 'm', 'f' or 0
}

var (
	rolesOnce sync.Once
	roles     map[string]roleInfo
)

func loadRoles() {
	roles = map[string]roleInfo{}
	for _, line := range strings.Split(rolesFile, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		ri := roleInfo{group: f[1] == "group"}
		if len(f) > 2 && f[2] != "" {
			ri.gender = f[2][0]
		}
		roles[f[0]] = ri
	}
}

// titleForms spells out abbreviated titles, so that "Gov. Roe" gives Roe
// the role a later "the governor" names.
var titleForms = map[string]string{
	"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "lt": "lieutenant",
	"col": "colonel", "maj": "major", "capt": "captain", "sgt": "sergeant", "adm": "admiral", "prof": "professor",
	"dr": "doctor", "pres": "president", "atty": "attorney", "supt": "superintendent", "cmdr": "commander",
}

// honorificGender returns the gender a courtesy title tells, and whether
// the lower-case word low is one. A switch, not a map: indexMentions asks
// of every word before a name's last, and few are titles.
func honorificGender(low string) (byte, bool) {
	switch low {
	case "mr", "sir", "lord", "king", "prince":
		return 'm', true
	case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
		return 'f', true
	}
	return 0, false
}

// titleModifiers are words of the title list that modify a title rather
// than head one ("former president", "deputy minister"): they never make a
// description by themselves.
var titleModifiers = map[string]bool{
	"vice": true, "prime": true, "special": true, "senior": true, "chief": true, "former": true, "late": true, "deputy": true,
	"acting": true, "interim": true, "foreign": true, "defense": true, "defence": true, "interior": true, "finance": true,
	"health": true, "supreme": true, "mr": true, "mrs": true, "ms": true, "miss": true, "president-elect": false,
}

// rolePrefix keeps the modifier that makes another office of a role:
// a vice president, a former governor, a deputy minister.
func rolePrefix(w string) string {
	switch w {
	case "vice", "former", "deputy", "assistant", "ex", "late", "lieutenant", "lt":
		if w == "lt" {
			w = "lieutenant"
		}
		if w == "late" || w == "ex" {
			w = "former"
		}
		return w + " "
	}
	return ""
}

// mention is one name in the document's text.
type mention struct {
	span   Span
	key    string
	text   string
	sent   int
	person bool // the text shows it names a person
	gender byte
	roles  []string // role words the text attaches to this mention
	after  string   // the lower-case word before it, when a preposition or possessive makes it no subject
	poss   bool     // a possessive ("Roe’s")
	shaped bool     // shaped like a personal name: two or three capitalised words, no head noun of an organisation
	keyN   int      // how often the document names key
}

// keyFlags are what indexMentions learns of one key from its mentions.
type keyFlags uint8

const (
	keySingle keyFlags = 1 << iota // a mention of one word
	keyFull                        // a person's full name ("Jane Roe" of "roe")
	keyPerson                      // a mention shows a person
)

// nameGender is a mention's bare name and the gender its given name tells.
type nameGender struct {
	name string
	g    byte
}

// personInfo is what the document says about one person, by the number
// indexMentions gave the key.
type personInfo struct {
	name   string // the fullest form of the name without titles
	gender byte
	person bool // the key is a person's: the other fields are set
	// named is the gender the mentions' given names agree on: 0 none
	// told yet, 'x' when they disagree.
	named byte
}

// person returns what the document says about the person with key, nil
// when the key is no person's.
func (x *extractor) person(key string) *personInfo {
	id, ok := x.maps.mentionKeys[key]
	if !ok || int(id) >= len(x.people) || !x.people[id].person {
		// Keys numbered after indexMentions (unifyKeys' resolved ones)
		// name no person of its.
		return nil
	}
	return &x.people[id]
}

// roleOf returns the role a word gives (the word itself, or the full form
// of an abbreviated title) and whether it is one.
//
// The answer depends on the word and the lexicon only: it is worked out
// once per word form for the process and kept with the form's facts, one
// look-up where it took four.
func (x *extractor) roleOf(low string) (string, roleInfo, bool) {
	return x.roleOfFacts(x.lowFacts(low))
}

// roleOfFacts is roleOf for the word form f.low, for callers that hold its
// facts (a sentence's tokens): no look-up of the form at all.
func (x *extractor) roleOfFacts(f *wordFacts) (string, roleInfo, bool) {
	if a := f.role.Load(); a != nil {
		return a.role, a.info, a.ok
	}
	r, ri, ok := x.findRole(f.low)
	f.role.Store(&roleAnswer{role: r, info: ri, ok: ok})
	return r, ri, ok
}

// roleAnswer is what roleOf answers for one word form.
type roleAnswer struct {
	role string
	info roleInfo
	ok   bool
}

// findRole works out roleOf.
func (x *extractor) findRole(low string) (string, roleInfo, bool) {
	rolesOnce.Do(loadRoles)
	title := x.lex.Has(LexTitle, low) && !titleModifiers[low]
	if f, ok := titleForms[low]; ok {
		low = f
	}
	if ri, ok := roles[low]; ok {
		return low, ri, true
	}
	if title || x.lex.Has(LexTitle, low) && !titleModifiers[low] {
		g, _ := honorificGender(low)
		return low, roleInfo{gender: g}, true
	}
	if len(low) > 3 && strings.HasSuffix(low, "s") {
		// "the Democrats" is a group, not a person's role.
		return "", roleInfo{}, false
	}
	return "", roleInfo{}, false
}

// indexMentions records every name of the document in text order with what
// the words around it say: titles, honorifics, party tags, appositives and
// role nouns before it make a person; a name whose last word the document
// also uses alone ("Jane Roe" … "Roe said") is a person too.
//
// It returns the document's name keys, numbered in order of their first
// mention, with their mentions counted (unifyKeys reads them).
func (x *extractor) indexMentions(sents []Span, toks [][]rawToken, lows [][]string, facts [][]*wordFacts, ents [][]Entity) docKeys {
	text := x.text
	// One mention per name: sized once, not grown by doubling (a long
	// article has hundreds of thousands).
	n := 0
	for _, e := range ents {
		n += len(e)
	}
	x.mentions = slices.Grow(x.mentions[:0], n)
	x.roles = nil
	// The keys numbered in order of their first mention, and what the
	// mentions say of each key by number (keyFlags): one look-up of the
	// key a mention, where three maps by key took six.
	ids := pooled(&x.maps.mentionKeys)
	// Each mention's roles are cut from one array the document's mentions
	// share, not appended to a slice of their own.
	roleWords := x.roleWords[:0]
	defer func() { x.roleWords = roleWords }()
	// Sized once for the mentions: grown from nothing, they were
	// reallocated a few times a document.
	keys := make([]docKey, 0, n)
	keyIDs := slices.Grow(x.mentionIDs[:0], n)
	defer func() { x.mentionIDs = keyIDs[:0] }()
	for si := range sents {
		st, sl, sf := toks[si], lows[si], facts[si]
		ti := 0
		for _, e := range ents[si] {
			for ti < len(st) && st[ti].span.Start < e.Span.Start {
				ti++
			}
			tj := ti
			for tj < len(st) && st[tj].span.End <= e.Span.End {
				tj++
			}
			m := mention{span: e.Span, key: e.Key, text: e.Text, sent: si}
			firstRole := len(roleWords)
			words := sl[ti:tj]
			id, ok := ids[e.Key]
			if !ok {
				id = int32(len(keys))
				ids[e.Key] = id
				// An acronym's expansion, looked up once a key, not
				// once a mention.
				exp, _ := x.expansionOf(e.Key)
				keys = append(keys, docKey{key: e.Key, exp: exp})
			}
			keyIDs = append(keyIDs, id)
			keys[id].n++
			if len(words) == 1 {
				keys[id].flags |= keySingle
			}
			personal := !strings.Contains(e.Key, " ") || len(words) >= 2 && e.Key == words[len(words)-1]
			// orgWords(words), asked at most once a mention: 0 not yet
			// asked, 1 no, 2 yes.
			org := int8(0)
			orgWords := func() bool {
				if org == 0 {
					org = 1
					if x.orgWordsFacts(words, sf[ti:tj]) {
						org = 2
					}
				}
				return org == 2
			}
			// The words before a name's last make a person of a personal
			// name only.
			for k, w := range words {
				if k == len(words)-1 || !personal {
					break
				}
				if g, ok := honorificGender(w); ok {
					m.person, m.gender = true, g
				}
				if r, ri, ok := x.roleOfFacts(sf[ti+k]); ok && !ri.group && !orgWords() {
					m.person = true
					if k > 0 {
						// "Vice President Joe Biden" is no "the president".
						r = rolePrefix(words[k-1]) + r
					} else if ti > 0 {
						r = rolePrefix(sl[ti-1]) + r
					}
					roleWords = append(roleWords, r)
					if ri.gender != 0 {
						m.gender = ri.gender
					}
				}
			}
			if ti > 0 {
				prev := sl[ti-1]
				// A title left out of the name at a sentence start
				// ("President Ilse Varga") counts as one written inside it.
				titled := isLowerWord(st[ti-1].text) || sf[ti-1].is(ciTitle) && (ti == 1 || ti == 2 && rolePrefix(sl[0]) != "")
				if r, ri, ok := x.roleOfFacts(sf[ti-1]); ok && titled && onlySpaceBetween(text, st[ti-1].span.End, e.Span.Start) {
					if ti > 1 {
						r = rolePrefix(sl[ti-2]) + r
					}
					// "former president Ann Roe", "the militant group Hamas".
					if !ri.group && personal {
						m.person = true
						if ri.gender != 0 {
							m.gender = ri.gender
						}
					}
					if !ri.group || !personal || len(words) == 1 {
						roleWords = append(roleWords, r)
					}
				}
				if isPreposition(prev) {
					m.after = prev
				}
			}
			m.poss = tj > ti && isPossessive(st[tj-1].text)
			m.shaped = len(words) >= 2 && len(words) <= 3 && personal && e.Key == words[len(words)-1] && !orgWords() && !isAcronymShape(e.Text)
			if isPartyTagAt(text, e.Span.End) {
				m.person = true
			}
			if r, ri, ok := x.appositive(st, sl, sf, tj); ok {
				if !ri.group && personal {
					m.person = true
					if ri.gender != 0 {
						m.gender = ri.gender
					}
				}
				if r != "" {
					roleWords = append(roleWords, r)
				}
			}
			if exp := keys[id].exp; exp != "" {
				// The expansion's words, read where they stand.
				for a, b := nextField(exp, 0); a < b; a, b = nextField(exp, b) {
					if _, ri, ok := x.roleOf(exp[a:b]); ok && ri.group {
						roleWords = append(roleWords, exp[a:b])
					}
				}
			}
			for k, w := range words {
				if sf[ti+k].orgHead {
					if _, ri, ok := x.roleOfFacts(sf[ti+k]); ok && ri.group {
						roleWords = append(roleWords, w)
					}
				}
			}
			if len(roleWords) > firstRole {
				// Capped: a later mention's roles do not overwrite them.
				m.roles = roleWords[firstRole:len(roleWords):len(roleWords)]
			}
			x.mentions = append(x.mentions, m)
		}
	}
	// A person named in full and then by the last name alone. Only keys
	// also named alone can be such a person, and a key is settled by its
	// first full name: the tests of a name's words run for those only.
	for i := range x.mentions {
		m, f := &x.mentions[i], &keys[keyIDs[i]].flags
		if *f&(keySingle|keyFull) == keySingle && strings.Contains(m.text, " ") && !strings.Contains(m.key, " ") &&
			!isAcronymShape(m.text) && fewFields(m.text, 4) && !x.nameOrgWords(m.text) {
			*f |= keyFull
		}
	}
	for i := range x.mentions {
		m, f := &x.mentions[i], keys[keyIDs[i]].flags
		m.keyN = keys[keyIDs[i]].n
		if f&(keySingle|keyFull) == keySingle|keyFull {
			m.person = true
		}
		if m.person {
			keys[keyIDs[i]].flags |= keyPerson
		}
	}
	// What the document says of each person, by key number; the given
	// names of the person's mentions tell the gender where no honorific
	// or role did, when they agree (named): relatives may still share a
	// key ("Margaret Hunter" beside her husband's bare "Hunter").
	people := slices.Grow(x.people[:0], len(keys))[:len(keys)]
	clear(people)
	x.people = people
	// The mentions' bare names and genders, by their texts: a person's
	// mentions repeat a few texts ("Ann Roe", "Roe").
	byText := pooled(&x.maps.nameGenders)
	for i := range x.mentions {
		m, id := &x.mentions[i], keyIDs[i]
		if keys[id].flags&keyPerson == 0 {
			continue
		}
		m.person = true
		p := &people[id]
		p.person = true
		ng, ok := byText[m.text]
		if !ok {
			ng.name = x.bareName(m.text)
			ng.g = givenGender(ng.name, x.lex)
			byText[m.text] = ng
		}
		name := ng.name
		if len(name) > len(p.name) {
			p.name = name
		}
		if m.gender != 0 && p.gender == 0 {
			p.gender = m.gender
		}
		switch g := ng.g; {
		case g == 0 || p.named == 'x':
		case p.named == 0:
			p.named = g
		case p.named != g:
			p.named = 'x'
		}
	}
	for id := range people {
		if p := &people[id]; p.named != 'x' && p.gender == 0 {
			p.gender = p.named
		}
	}
	return docKeys{ids: ids, keys: keys}
}

// docKeys are a document's name keys: ids numbers them, keys[id] is the
// key's.
type docKeys struct {
	ids  map[string]int32
	keys []docKey
}

// docKey is a name key of the document, with how many entities have it
// and what indexMentions learnt of it from its mentions.
type docKey struct {
	key   string
	n     int
	flags keyFlags
	exp   string // indexMentions': the expansion of an acronym key
}

// add counts one more entity of key.
func (k *docKeys) add(key string) {
	id, ok := k.ids[key]
	if !ok {
		id = int32(len(k.keys))
		k.ids[key] = id
		k.keys = append(k.keys, docKey{key: key})
	}
	k.keys[id].n++
}

// givenGender is the gender the given name in name tells (LexGivenName:
// "Ruth Bader Ginsburg" is a woman), 0 when it tells none: no common given
// name stands before the family name, or the name is as common for women
// as for men ("Dana", "Terry"). A pet form counts as its full name
// (LexNickname). An honorific or a role noun the text gives the person
// wins over the name (the caller asks only when those told nothing).
func givenGender(name string, lex *Lexicon) byte {
	if i := strings.Index(name, " of "); i > 0 {
		name = name[:i] // "Chris Christie of New Jersey"
	}
	var buf [8]string
	words := appendFields(buf[:0], name)
	// From the family name back: the given name stands next to it, a
	// place or a title before it ("North Carolina Rep. Bob Etheridge" is
	// Bob, not Carolina).
	for i := len(words) - 2; i >= 0; i-- {
		w := strings.TrimRight(words[i], ".,")
		if !isCapitalized(w) || strings.HasSuffix(words[i], ".") {
			if i < len(words)-2 && strings.HasSuffix(words[i], ".") && len(w) > 2 {
				break // a title ("Rep.") ends the name
			}
			continue // a middle initial
		}
		// The word is capitalised: lowered on the stack, not copied.
		var buf [maxLowered]byte
		if g, known := givenNameSex(string(lowerBytes(&buf, w)), lex); known {
			return g
		}
		// Not a given name: a title or a role before the name ("Justice",
		// "Court").
	}
	return 0
}

// givenNameSex is the gender the lower-case given name low tells ('f',
// 'm', or 0 for a name as common for women as for men) and whether
// LexGivenName knows it, itself or as the full name of a pet form.
func givenNameSex(low string, lex *Lexicon) (byte, bool) {
	e := lex.Word(LexGivenName, low)
	if e == nil {
		if n := lex.Word(LexNickname, low); n != nil && n.Expand != "" {
			e = lex.Word(LexGivenName, n.Expand)
		}
	}
	if e == nil {
		return 0, false
	}
	switch e.Sub {
	case "f":
		return 'f', true
	case "m":
		return 'm', true
	}
	return 0, true
}

// orgWords reports whether a name's words hold a head noun of an
// organisation or place.
func (x *extractor) orgWords(words []string) bool {
	for _, w := range words {
		if x.orgHead(trimNameMarks(w)) {
			return true
		}
	}
	return false
}

// orgWordsFacts is orgWords of the lower-case forms words with facts wf
// (wf[k].low is words[k]): a word no mark surrounds is told by its facts
// (wordFacts.orgHead), not looked up again.
func (x *extractor) orgWordsFacts(words []string, wf []*wordFacts) bool {
	for k, w := range words {
		if t := trimNameMarks(w); len(t) == len(w) {
			if wf[k].orgHead {
				return true
			}
		} else if x.orgHead(t) {
			return true
		}
	}
	return false
}

// trimNameMarks is strings.Trim(w, ".,’'"), the marks about a name's
// word, byte by byte: with "’" in it the cutset is no ASCII set, and
// strings.Trim decoded every word's runes from both ends.
func trimNameMarks(w string) string {
	for len(w) > 0 {
		if c := w[0]; c == '.' || c == ',' || c == '\'' {
			w = w[1:]
		} else if strings.HasPrefix(w, "’") {
			w = w[len("’"):]
		} else {
			break
		}
	}
	for len(w) > 0 {
		if c := w[len(w)-1]; c == '.' || c == ',' || c == '\'' {
			w = w[:len(w)-1]
		} else if strings.HasSuffix(w, "’") {
			w = w[:len(w)-len("’")]
		} else {
			break
		}
	}
	return w
}

// nameOrgWords is orgWords(strings.Fields(strings.ToLower(name))) without
// the lower-case copy and the list of words: a name's words are ASCII
// nearly always, and asked about in place.
func (x *extractor) nameOrgWords(name string) bool {
	for w := range strings.FieldsSeq(name) {
		// Lower-casing leaves the trimmed marks alone and makes none.
		w = trimNameMarks(w)
		if !isASCII(w) {
			if x.orgHead(strings.ToLower(w)) {
				return true
			}
			continue
		}
		if x.lex.hasLower(LexOrgHead, w) || len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') && x.lex.hasLower(LexOrgHead, w[:len(w)-1]) {
			// orgHead of the lower-case word.
			return true
		}
	}
	return false
}

// fewFields reports len(strings.Fields(s)) <= n without the list.
func fewFields(s string, n int) bool {
	for range strings.FieldsSeq(s) {
		if n--; n < 0 {
			return false
		}
	}
	return true
}

// bareName drops leading titles and honorifics and a possessive from a
// name as written: "Sen. Ann Ruiz" → "Ann Ruiz".
func (x *extractor) bareName(t string) string {
	t = strings.TrimSuffix(strings.TrimSuffix(t, "’s"), "'s")
	if singleSpaced(t) {
		// The words joined again are t itself, or what follows a
		// title: the name is cut from t, not split and joined.
		for {
			sp := strings.IndexByte(t, ' ')
			if sp < 0 || !x.wordOf(t[:sp]).facts.is(ciTitle) {
				return t
			}
			t = t[sp+1:]
		}
	}
	f := strings.Fields(t)
	for len(f) > 1 && x.lex.Has(LexTitle, lowerKey(f[0])) {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// singleSpaced reports an ASCII t of words separated by single spaces,
// with no other blank: what strings.Join(strings.Fields(t), " ") gives
// back unchanged.
func singleSpaced(t string) bool {
	if t == "" || t[0] == ' ' || t[len(t)-1] == ' ' {
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ' && t[i+1] == ' ' {
			return false
		}
	}
	return true
}

// expansionOf returns the lower-case expansion of an acronym key from the
// lexicon ("fbi" → "federal bureau of investigation").
func (x *extractor) expansionOf(key string) (string, bool) {
	e, ok := x.lex.acronymExp[key]
	return e, ok
}

// appositive reads ", the top Democrat on the committee," or ", a former
// governor," after a name ending at token j: the role it gives. sf are
// the word facts of the words.
func (x *extractor) appositive(st []rawToken, sl []string, sf []*wordFacts, j int) (string, roleInfo, bool) {
	// The word after the name first: few names are followed by one of
	// these, and the gap's test trims it.
	if j <= 0 || j >= len(st) || sl[j] != "the" && sl[j] != "a" && sl[j] != "an" && sl[j] != "who" {
		return "", roleInfo{}, false
	}
	if strings.TrimSpace(x.text[st[j-1].span.End:st[j].span.Start]) != "," {
		return "", roleInfo{}, false
	}
	k := j + 1
	if sl[j] == "who" {
		// ", who is the governor": "who is/was" + an article.
		if k >= len(st) || (sl[k] != "is" && sl[k] != "was" && sl[k] != "has" && sl[k] != "had") {
			// ", who said …": a relative "who" names a person all the same.
			return "", roleInfo{}, true
		}
		k++
		if k < len(st) && (sl[k] == "the" || sl[k] == "a" || sl[k] == "an" || sl[k] == "been") {
			k++
		}
	}
	for ; k < len(st) && k <= j+6; k++ {
		if k > j && !onlySpaceBetween(x.text, st[k-1].span.End, st[k].span.Start) {
			return "", roleInfo{}, false
		}
		r, ri, ok := x.roleOfFacts(sf[k])
		if !ok || isPossessive(st[k].text) {
			// "the president’s press secretary" is a secretary.
			continue
		}
		if k > j+1 {
			r = rolePrefix(sl[k-1]) + r
		}
		// The role is the head when what follows it ends the phrase or
		// adds a complement ("the top Democrat on the committee"), and a
		// comma closes the appositive before any verb: in "with Mr. Roe,
		// the governor said" the governor is someone else.
		head := k+1 == len(st) || !onlySpaceBetween(x.text, st[k].span.End, st[k+1].span.Start) || isPreposition(sl[k+1]) || sl[k+1] == "who" || sl[k+1] == "and"
		if !head {
			_, _, next := x.roleOfFacts(sf[k+1])
			head = !next && isLowerWord(st[k+1].text)
		}
		if head && x.appositiveCloses(st, k) {
			return r, ri, true
		}
	}
	return "", roleInfo{}, false
}

// appositiveCloses reports whether a comma or the sentence's end follows
// the role at st[k] before a verb does.
func (x *extractor) appositiveCloses(st []rawToken, k int) bool {
	for m := k + 1; m < len(st) && m <= k+10; m++ {
		if strings.ContainsAny(x.text[st[m-1].span.End:st[m].span.Start], ",;)—–") {
			return true
		}
		w := st[m].text
		if isLowerWord(w) && (strings.HasSuffix(w, "ed") || x.isSpeechWord(w)) {
			return false
		}
	}
	return true
}

// isPreposition reports a preposition, which before a name makes it an
// object, not the subject a pronoun usually picks up. A switch, not a
// map: indexMentions asks of the word before every name.
func isPreposition(w string) bool {
	switch w {
	case "of", "to", "with", "about", "against", "for", "at", "on", "from",
		"than", "like", "into", "toward", "towards", "over", "under", "between",
		"among", "in", "unlike", "called", "named":
		return true
	}
	return false
}

// mentionIndex returns the index of the first mention starting at or after
// pos.
func (x *extractor) mentionIndex(pos int) int {
	return sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].span.Start >= pos })
}

// quotedAt reports whether pos lies inside a direct quote. Quotes do not
// nest, so the last quote opening at or before pos is the only candidate.
func (x *extractor) quotedAt(pos int) bool {
	k := sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].span.Start > pos }) - 1
	return k >= 0 && x.quotes[k].kind == quoteDirect && pos < x.quotes[k].span.End
}

// personBefore returns the key of the person a pronoun at pos refers to:
// the nearest earlier person named outside quotation marks, in this or the
// lookBack sentences before, of a matching gender (when known), preferring
// the subject of a sentence (the first person it names, not after a
// preposition) to an object or a possessive: in "Roe criticised the Lee
// administration … “…,” she said" she is Roe.
func (x *extractor) personBefore(pos int, gender byte) string {
	si, ok := x.sentIndex(pos)
	if !ok {
		return ""
	}
	fallback, shaped := "", ""
	for k := x.mentionIndex(pos) - 1; k >= 0; k-- {
		m := &x.mentions[k]
		if m.sent < si-lookBack {
			break
		}
		if !m.person && !(m.shaped && m.after == "" && x.person(m.key) == nil) || x.quotedAt(m.span.Start) {
			continue
		}
		if p := x.person(m.key); p != nil && gender != 0 && p.gender != 0 && p.gender != gender {
			continue
		}
		if !m.person {
			// A first and last name the text gives no other sign of: a
			// person only when no named person is nearer.
			if shaped == "" {
				shaped = m.key
			}
			continue
		}
		if fallback == "" {
			fallback = m.key
		}
		if m.after == "" && !m.poss && x.firstPersonOfSentence(k) {
			return m.key
		}
	}
	if fallback == "" {
		return shaped
	}
	return fallback
}

// firstPersonOfSentence reports whether mention k is the first person its
// sentence names outside quotation marks and not after a preposition, in
// a sentence that does not open with a personal pronoun: in "He said
// Obama …" the subject is "He", and Obama the object.
func (x *extractor) firstPersonOfSentence(k int) bool {
	m := &x.mentions[k]
	for j := k - 1; j >= 0 && x.mentions[j].sent == m.sent; j-- {
		o := &x.mentions[j]
		if o.person && o.after == "" && !x.quotedAt(o.span.Start) {
			return false
		}
	}
	if m.sent < 0 || m.sent >= len(x.sents) {
		return true
	}
	// The sentence's opening words are annotate's: asked at every
	// mention, tokenizing the opening again cost a tokenizer pass each.
	toks := x.wordsBefore(x.sents[m.sent], m.span.Start)
	return len(toks) == 0 || !isSubjectPronoun(toks[0].text) || x.quotedAt(toks[0].span.Start)
}

// isSubjectPronoun reports whether w, in any case, is a personal pronoun
// that can stand as a sentence's subject in the third person, singular or
// plural (he, she, they). It compares without folding a copy of the word:
// no letter beyond ASCII lowers to one of theirs, so only an ASCII word of
// their lengths can be one, and for ASCII EqualFold is strings.ToLower's
// comparison.
func isSubjectPronoun(w string) bool {
	if len(w) < 2 || len(w) > 4 || !isASCII(w) {
		return false
	}
	return strings.EqualFold(w, "he") || strings.EqualFold(w, "she") || strings.EqualFold(w, "they")
}

// openingParticiple reports a sentence that opens with a participle
// before lower-case words ("Asked whether …, Santorum said", "Speaking to
// reporters, …"): an opening phrase, not a name.
func openingParticiple(toks []rawToken, lex *Lexicon) bool {
	// A function word after it: "Asked whether", "Speaking to"; not a
	// name ending so ("Fleming said", "Manning told").
	if len(toks) < 2 || !isCapitalized(toks[0].text) || !isLowerWord(toks[1].text) || len(toks[0].text) <= 4 || !lex.Has(LexStopword, toks[1].text) {
		return false
	}
	w := strings.ToLower(toks[0].text)
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// subjectName returns the name that is the subject of sentence s before
// limit: the first name outside quotation marks and not after a
// preposition, once an opening phrase ("Asked whether …,", "In his
// interview with Fox News,") is stepped over. It returns "" when the
// sentence names no one there.
func (x *extractor) subjectName(s Span, limit int) string {
	return x.subjectNamed(s, limit, false)
}

// subjectPerson is subjectName when the subject is a person the document
// names ("Rep. Adam Schiff"), else "" (a dateline, an outlet, a thing).
func (x *extractor) subjectPerson(s Span, limit int) string {
	return x.subjectNamed(s, limit, true)
}

// subjectNamed is subjectName, of a person only when person is set.
func (x *extractor) subjectNamed(s Span, limit int, person bool) string {
	start := s.Start
	toks := x.wordsBefore(s, limit)
	if len(toks) > 0 && !isNamePart(toks[0].text) || len(toks) > 0 && x.wordOf(toks[0].text).facts.stop || openingParticiple(toks, x.lex) {
		// An opening phrase ends at the first comma.
		for k := 1; k < len(toks) && k < 25; k++ {
			if strings.Contains(x.text[toks[k-1].span.End:toks[k].span.Start], ",") {
				start = toks[k].span.Start
				break
			}
		}
	}
	// The subject stands before the first verb: "The military released
	// a statement on Hamas" has no named subject.
	for _, t := range toks {
		if t.span.Start >= start && isLowerWord(t.text) && (strings.HasSuffix(t.text, "ed") || x.isSpeechWord(t.text)) && !x.quotedAt(t.span.Start) {
			limit = t.span.Start
			break
		}
	}
	for k := x.mentionIndex(start); k < len(x.mentions) && x.mentions[k].span.Start < limit; k++ {
		m := &x.mentions[k]
		if m.after != "" || x.quotedAt(m.span.Start) {
			continue
		}
		if person && !m.person {
			return ""
		}
		return strings.TrimSuffix(strings.TrimSuffix(m.text, "’s"), "'s")
	}
	return ""
}

// thingBefore returns the key of what "it" at pos refers to: the nearest
// earlier name of the last lookBack sentences, outside quotation marks, that
// is not a person and not the object of a preposition.
func (x *extractor) thingBefore(pos int) string {
	si, ok := x.sentIndex(pos)
	if !ok {
		return ""
	}
	for k := x.mentionIndex(pos) - 1; k >= 0; k-- {
		m := &x.mentions[k]
		if m.sent < si-lookBack {
			break
		}
		if m.person || m.after != "" || m.poss || x.quotedAt(m.span.Start) {
			continue
		}
		return m.text
	}
	return ""
}

// lookBack is how many sentences back a pronoun looks for its person: a
// quote of several sentences counts each of them.
const lookBack = 8

// sentIndex returns the index of the sentence holding pos.
func (x *extractor) sentIndex(pos int) (int, bool) {
	i := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].End > pos })
	if i < len(x.sents) && x.sents[i].Start <= pos {
		return i, true
	}
	return 0, false
}

// description is a definite description found in a claim: "the governor",
// "the former Mexican president", "the bureau".
type description struct {
	span  Span
	head  string // the role word, full form
	title bool   // the head is capitalised ("the President")
	group bool
}

// descriptions finds "the [modifiers] ROLE" in a sentence's words, where
// the role is not followed by a name (then the name is there already) nor
// by "of" (which makes a new description: "the president of the club").
// sf are the word facts of the words. The descriptions are found into the
// scratch's buffer, which the next call reuses.
func (x *extractor) descriptions(st []rawToken, sl []string, sf []*wordFacts) []description {
	x.descBuf = x.descBuf[:0]
	sl = sl[:len(st)] // one a token: the loop reads it without a bounds test
	for k := 0; k < len(st); k++ {
		if sl[k] != "the" {
			continue
		}
		for h := k + 1; h < len(st) && h <= k+4; h++ {
			if !onlySpaceBetween(x.text, st[h-1].span.End, st[h].span.Start) {
				break
			}
			r, ri, ok := x.roleOfFacts(sf[h])
			if !ok {
				if sf[h].stop {
					break
				}
				continue
			}
			if h+1 < len(st) && onlySpaceBetween(x.text, st[h].span.End, st[h+1].span.Start) {
				if _, _, more := x.roleOfFacts(sf[h+1]); more || isNamePart(st[h+1].text) || sl[h+1] == "of" {
					// "the House speaker", "the group Hamas", "the
					// president of the club": not the head, or not a
					// reference back.
					continue
				}
			}
			if h+1 < len(st) && sl[h+1] == "of" {
				break
			}
			for m := k + 1; m < h; m++ {
				if p := rolePrefix(sl[m]); p != "" {
					r = p + r
					break
				}
			}
			x.descBuf = append(x.descBuf, description{span: Span{st[k].span.Start, st[h].span.End}, head: r, title: isCapitalized(st[h].text), group: ri.group})
			k = h
			break
		}
	}
	return x.descBuf
}

// resolveDescription returns the key of the name a description refers to:
// the nearest earlier mention whose roles hold the head, else the only
// person or organisation of the document with that role. It returns ""
// when the document gives no such name or more than one could be meant.
func (x *extractor) resolveDescription(d description) string {
	// Among the earlier names with the role, the one the document names
	// most (the sitting president, not a predecessor recalled once); the
	// nearest on a tie. An organisation: the nearest.
	return x.resolveRole(d.head, d.group, x.mentionIndex(d.span.Start))
}

// resolveRole is resolveDescription for a description with head role, of
// an organisation (group) or a person, before mentions[before].
func (x *extractor) resolveRole(role string, group bool, before int) string {
	ri := x.roleIndex()
	run, ok := ri.find(role, group)
	if !ok {
		return ""
	}
	es := ri.entries[run.lo:run.hi]
	i := sort.Search(len(es), func(i int) bool { return es[i].k >= before })
	switch {
	case i == 0 && group:
		return ""
	case i == 0:
		return run.only
	case group:
		return x.mentions[es[i-1].k].key
	}
	return es[i-1].best
}

// roleIndex is where the document's names carry each role word, built
// once the mentions are known, so that a description finds the names
// before it without a scan back through every mention (quadratic in a
// long document). It is two sorted arrays the scratch lends, where three
// maps of slices took an allocation a role.
type roleIndex struct {
	// entries are the mentions with each role, those of organisations
	// and those of persons apart, in text order within a role.
	entries []roleEntry
	runs    []roleRun // the roles' runs of entries, sorted as entries are
}

// roleEntry is a mention with a role. A person's carries the best of the
// role's persons up to it: the key named most in the document, the later
// on a tie.
type roleEntry struct {
	role  string
	group bool // an organisation's
	k     int  // index in mentions
	best  string
	bestN int
}

// roleRun is a role's entries, entries[lo:hi].
type roleRun struct {
	role   string
	group  bool
	lo, hi int
	only   string // of persons: the document's one person with the role, if only one has it
}

// compareRoles orders roles: organisations' first, then by the role word.
func compareRoles(aRole string, aGroup bool, bRole string, bGroup bool) int {
	if aGroup != bGroup {
		if aGroup {
			return -1
		}
		return 1
	}
	return strings.Compare(aRole, bRole)
}

// find returns the run of role among organisations' (group) or persons'.
func (ri *roleIndex) find(role string, group bool) (roleRun, bool) {
	i, ok := slices.BinarySearchFunc(ri.runs, role, func(r roleRun, role string) int {
		return compareRoles(r.role, r.group, role, group)
	})
	if !ok {
		return roleRun{}, false
	}
	return ri.runs[i], true
}

func (x *extractor) roleIndex() *roleIndex {
	if x.roles != nil {
		return x.roles
	}
	ri := &x.roleIdx
	es := ri.entries[:0]
	for k := range x.mentions {
		m := &x.mentions[k]
		for i, r := range m.roles {
			if !slices.Contains(m.roles[:i], r) {
				es = append(es, roleEntry{role: r, group: !m.person, k: k, best: m.key, bestN: m.keyN})
			}
		}
	}
	// Stable: each role's entries stay in text order.
	slices.SortStableFunc(es, func(a, b roleEntry) int { return compareRoles(a.role, a.group, b.role, b.group) })
	runs := ri.runs[:0]
	for lo := 0; lo < len(es); {
		run := roleRun{role: es[lo].role, group: es[lo].group, lo: lo, hi: lo + 1}
		for run.hi < len(es) && es[run.hi].role == run.role && es[run.hi].group == run.group {
			run.hi++
		}
		if !run.group {
			// best holds each mention's own key until carried below: a
			// role two persons' mentions hold is no one's only.
			run.only = es[lo].best
			for j := lo + 1; j < run.hi; j++ {
				if es[j].best != es[lo].best {
					run.only = ""
				}
				if es[j-1].bestN > es[j].bestN {
					es[j].best, es[j].bestN = es[j-1].best, es[j-1].bestN
				}
			}
		}
		runs = append(runs, run)
		lo = run.hi
	}
	ri.entries, ri.runs = es, runs
	x.roles = ri
	return ri
}

// personName returns the fullest name the document gives the person with
// key k.
func (x *extractor) personName(k string) string {
	if p := x.person(k); p != nil && p.name != "" {
		return p.name
	}
	name := ""
	for _, m := range x.mentions {
		if n := x.bareName(m.text); m.key == k && len(n) > len(name) {
			name = n
		}
	}
	if name == "" {
		return k
	}
	return name
}

// addResolved adds to a claim's entities the descriptions and bare titles
// that refer to a name the document gives elsewhere ("the governor" →
// roe), marked with ResolvedFrom, in text order. facts are the word facts
// of toks.
func (x *extractor) addResolved(ents []Entity, toks []rawToken, lows []string, facts []*wordFacts) []Entity {
	added := false
	for _, d := range x.descriptions(toks, lows, facts) {
		overlaps := false
		for _, e := range ents {
			overlaps = overlaps || e.Span.Overlaps(d.span)
		}
		if overlaps {
			continue
		}
		key := x.resolveDescription(d)
		if key == "" {
			continue
		}
		from := ResolvedDescription
		if d.title {
			from = ResolvedTitle
		}
		ents = append(ents, Entity{Text: x.text[d.span.Start:d.span.End], Key: key, Span: d.span, ResolvedFrom: from})
		added = true
	}
	if added {
		slices.SortStableFunc(ents, func(a, b Entity) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	}
	return ents
}
