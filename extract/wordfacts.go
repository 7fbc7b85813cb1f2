package extract

import (
	"strings"
	"sync"
	"sync/atomic"
)

// wordFacts is what extraction asks about one lower-case word form at
// every token: its stem, whether it is a stop word or a number word, and
// which lexicon entries can start at it, by category. They are looked up
// once per word form for the process (per lexicon) and then read with one
// map look-up per token, where each was a look-up of its own.
type wordFacts struct {
	low     string // the form itself (lowerKey of the tokens it stands for)
	stem    string
	stop    bool
	numWord bool
	// numLike: a number reading of findNumbers may start at the word
	// whatever its neighbours: a number word, a vague count's first
	// word (vagueStart) or a hyphenated form ("twenty-five", "9-11").
	numLike bool
	// digit: the form opens with an ASCII digit, as the spelling of each
	// of its tokens does: lowerKey keeps a first digit, and the one it
	// can bring forward (".5" keys "5") never opens a token, since the
	// tokenizer starts words at a letter or digit. findNumbers and
	// findDates test it at every token, where each read the token's bytes.
	digit bool
	// anyDigit: the form holds an ASCII digit anywhere (hasDigit), as
	// the spelling of each of its tokens does: lowerKey drops no digit
	// and makes none. findEntities asks it of every capitalised word.
	anyDigit bool
	// field: plainField of the form, which entityKey asks of each word
	// of every name.
	field bool
	// hyphen: the form holds a '-'. lowerKey keeps every '-' of a
	// spelling, so a token whose form has none has none either: the
	// entity rules search a token for one only when its form has one.
	hyphen bool
	// The date words findDates reads: the month a month name stands
	// for (0: none; every month is ≥ 1), the weekday (time.Weekday, 0
	// also for a word that is none), and whether the word speaks of the
	// future.
	month, weekday int
	future         bool
	// dateWord: a date expression findDates reads may start at the word
	// without a digit (startsDateWord).
	dateWord bool
	// byKey and byLow are the lexicon's starts for the stem and, when it
	// differs, for the form itself (Lexicon.starts); nil when none.
	byKey, byLow [][]*Entry
	// starts has bit ci set when an entry of category ci can start at
	// the word (byKey or byLow holds some): a token is tested for a
	// category with one bit, not two slices.
	starts uint32
	// bits is the wordBit of the form and of its stem: matchCands'
	// test of a phrase's second word (Entry.next).
	bits uint64
	// cands are the entries of each category that can start at the
	// word, in the order matchCands tries them: byKey's, merged with
	// byLow's (longest phrase first, the exact form before the stem at
	// equal length) once for the process instead of at every token.
	cands  [][]*Entry
	be     bool // a form of be or get (beForms), which opens a passive
	clause bool // clauseWords[low]: ends a noun phrase read backwards (phraseBeforeSpan)
	speech bool // a verb of saying (isSpeechWord)
	// notName: capitalised for another reason than a name (notName);
	// bg: BackgroundCount of the form.
	notName bool
	bg      int
	// single has bit ci set when the form is a single-word entry of
	// category ci (Lexicon.Has), and orgHead is orgHeadIn of the form:
	// the name rules ask them of each word of a name, several times
	// over, where each was a look-up in a map of strings.
	single  uint32
	orgHead bool
	// name holds the nameBit flags of the form: the small word lists
	// the entity rules ask of a name's words (keyOfWords once per name,
	// findEntities at each word of a run), where each was a look-up in
	// a map of strings.
	name nameBits
	// id and stemID number the form and its stem within the table's
	// generation gen, in one numbering of the keys tokens can have (one
	// string, one id, whether a form or a stem: a claim's words are a set
	// of small integers, markRepeats); -1 outside a table. The stem is
	// numbered, not looked up as a form of its own: most stems ("govern",
	// "presid") are never a token's form, and the facts of one cost a
	// second Snowball stemming and the lexicon's look-ups.
	id, stemID int32
	gen        uint32
	role       atomic.Pointer[roleAnswer] // roleOf's answer, on first use
}

// keyID returns the id of a token's Key (wordFacts.id): the token's own
// form in a name, else its stem.
func (f *wordFacts) keyID(entity bool) int32 {
	if entity {
		return f.id
	}
	return f.stemID
}

// wordTable memoises wordFacts for one lexicon. Past maxStemCache forms
// (text in another language, random tokens) it starts over rather than
// grow.
type wordTable struct {
	sync.RWMutex
	m   map[string]*wordFacts
	gen uint32 // how many times m started over
	// keys numbers the forms and stems of m's facts (wordFacts.id,
	// stemID).
	keys map[string]int32
	// surf holds the surface forms lowerKey changes ("Trump", "U.S.",
	// "minister’s"), each with the facts of its folded form, so that a
	// token costs one look-up whatever its case and punctuation.
	surf map[string]surfaceForm
}

// surfaceForm is what a token's own spelling adds to its word's facts.
type surfaceForm struct {
	facts   *wordFacts
	capital bool   // starts with an upper-case letter (isCapitalized)
	plain   bool   // the spelling is its lower-case form (plainLower): facts.low == surface
	surface string // the spelling, the table's own copy
}

// word returns what the table knows of the token spelled surface: the
// facts of its lower-case form (facts.low) and whether it is capitalised.
// The form's surface is a copy the table keeps (the caller may cache it),
// empty for a Lexicon without a table.
func (l *Lexicon) word(surface string) surfaceForm {
	if plainLower(surface) {
		// lowerKey leaves it as it is, and no capital starts it.
		f := l.facts(surface)
		return surfaceForm{facts: f, plain: true, surface: f.low}
	}
	t := l.table
	if t == nil {
		return surfaceForm{facts: l.newFacts(lowerKey(surface)), capital: isCapitalized(surface)}
	}
	t.RLock()
	sf, ok := t.surf[surface]
	t.RUnlock()
	if ok {
		return sf
	}
	sf = surfaceForm{facts: l.facts(lowerKey(surface)), capital: isCapitalized(surface), surface: strings.Clone(surface)}
	t.Lock()
	if len(t.surf) >= maxStemCache {
		t.surf = make(map[string]surfaceForm, maxStemCache/4)
	}
	if had, ok := t.surf[surface]; ok {
		// Another goroutine was first: one entry per form.
		sf = had
	} else {
		t.surf[sf.surface] = sf
	}
	t.Unlock()
	return sf
}

// generation returns the table's generation (wordFacts.gen), 0 without a
// table.
func (l *Lexicon) generation() uint32 {
	t := l.table
	if t == nil {
		return 0
	}
	t.RLock()
	defer t.RUnlock()
	return t.gen
}

// facts returns the facts of the lower-case word form low.
func (l *Lexicon) facts(low string) *wordFacts {
	t := l.table
	if t == nil {
		// A Lexicon made as a literal, not by NewLexicon: it has no
		// entries to index and no table; answer without memoising.
		return l.newFacts(low)
	}
	t.RLock()
	f, ok := t.m[low]
	t.RUnlock()
	if ok {
		return f
	}
	f = l.newFacts(low)
	t.Lock()
	defer t.Unlock()
	if had, ok := t.m[low]; ok {
		// Another goroutine was first: one entry, one id, per form.
		return had
	}
	if len(t.m) >= maxStemCache || len(t.keys) >= maxStemCache-1 {
		// Surface forms point at facts: they start over with them, so
		// that a generation's forms lead to its own facts. Ids stay
		// below maxStemCache (repeatLocal).
		t.m = make(map[string]*wordFacts, maxStemCache/4)
		t.keys = make(map[string]int32, maxStemCache/4)
		t.surf = make(map[string]surfaceForm, maxStemCache/4)
		t.gen++
	}
	f.gen = t.gen
	f.id = t.keyID(f.low)
	f.stemID = f.id
	if f.stem != f.low {
		f.stemID = t.keyID(f.stem)
	}
	// low may point into a whole article: f keeps a copy, not the article.
	t.m[f.low] = f
	return f
}

// keyID returns the number of the key k (a form or a stem) in the table's
// generation, numbering it if new. The caller holds the lock for writing.
func (t *wordTable) keyID(k string) int32 {
	id, ok := t.keys[k]
	if !ok {
		id = int32(len(t.keys))
		t.keys[k] = id
	}
	return id
}

// startingHere returns the entries of cands whose first word a token of
// the form low and the stem key matches, as matchSeq tests it: an entry
// indexed by the stem may be exact and want another form, one indexed by
// the form may want the stem of another word. Tested once for the word,
// not at each of its tokens, so that matchCands starts at the second word.
// cands is not written to (it may be the lexicon's own list).
func startingHere(cands []*Entry, low, key string) []*Entry {
	for i, e := range cands {
		if firstWordMatches(e, low, key) {
			continue
		}
		out := append([]*Entry(nil), cands[:i]...)
		for _, e := range cands[i+1:] {
			if firstWordMatches(e, low, key) {
				out = append(out, e)
			}
		}
		return out
	}
	return cands
}

// firstWordMatches is matchSeq's test of an entry's first word (never a
// wildcard: parseLexicon refuses one there).
func firstWordMatches(e *Entry, low, key string) bool {
	if e.Exact {
		return low == e.Words[0]
	}
	return key == e.keys[0] || low == e.Words[0]
}

// newFacts works out the facts of the lower-case word form low.
func (l *Lexicon) newFacts(low string) *wordFacts {
	// One look-up each in the background list and the month and weekday
	// names, whose answers startsDateWord, notNameWord and
	// BackgroundCount would each look up again.
	bg := backgroundWord(low)
	short := shortLists[low]
	f := &wordFacts{id: -1, stemID: -1, low: strings.Clone(low), numWord: short.number,
		month: short.month, weekday: short.weekday, future: short.future, bg: bg.count,
		be: short.be, clause: short.clause}
	isWeekday := short.isWeekday
	switch st := bg.stem; {
	case st == low:
		// Most words: the stem shares the form's copy.
		f.stem = f.low
	case st != "":
		// The stems file's bytes, never an article's.
		f.stem = st
	default:
		if st = cachedStem(low); st == low {
			f.stem = f.low
		} else {
			f.stem = strings.Clone(st)
		}
	}
	// monthNames holds no 0: a month name has month ≥ 1.
	f.dateWord = f.month > 0 || isWeekday || dateAdverb(low)
	listed := l.listed[low]
	f.stop = listed.stop
	f.bits = wordBit(f.low) | wordBit(f.stem)
	f.digit = startsWithDigit(low)
	f.anyDigit = hasDigit(low)
	f.field = plainField(low)
	f.hyphen = strings.Contains(low, "-")
	f.numLike = f.numWord || vagueStart(low) || f.hyphen
	f.byKey = l.starts[f.stem]
	if low != f.stem {
		f.byLow = l.starts[low]
	}
	// Most words start no entry of any category.
	if f.byKey != nil || f.byLow != nil {
		for ci := range startCats {
			var key, low []*Entry
			if f.byKey != nil {
				key = f.byKey[ci]
			}
			if f.byLow != nil {
				low = f.byLow[ci]
			}
			if len(key) == 0 && len(low) == 0 {
				continue
			}
			cands := startingHere(mergeCands(key, low), f.low, f.stem)
			if len(cands) == 0 {
				continue
			}
			f.starts |= 1 << ci
			if f.cands == nil {
				f.cands = make([][]*Entry, startCats)
			}
			f.cands[ci] = cands
		}
	}
	f.speech = speechWord(low, f.stem, f.byKey, f.byLow)
	if strings.HasSuffix(low, ".") {
		f.notName = notNameWord(low)
	} else {
		f.notName = f.month > 0 || isWeekday || low == "i"
	}
	f.single = listed.single
	f.orgHead = orgHeadIn(l, low)
	f.name = nameBitsOf(low, listed.expansionFirst)
	return f
}

// shortFacts is what the short word lists newFacts reads say of a word.
type shortFacts struct {
	number             bool // numberWords[w] > 0
	month, weekday     int  // monthNames[w], weekdays[w]
	isWeekday          bool // w is a key of weekdays
	future, be, clause bool // futureWords[w], beForms[w], clauseWords[w]
}

// shortLists holds the shortFacts of each word on one of those lists, made
// from them once: a new form, most often on none of them, costs newFacts
// one look-up instead of six.
var shortLists = func() map[string]shortFacts {
	m := map[string]shortFacts{}
	set := func(w string, f func(*shortFacts)) {
		s := m[w]
		f(&s)
		m[w] = s
	}
	for w, v := range numberWords {
		set(w, func(s *shortFacts) { s.number = v > 0 })
	}
	for w, v := range monthNames {
		set(w, func(s *shortFacts) { s.month = v })
	}
	for w, v := range weekdays {
		set(w, func(s *shortFacts) { s.weekday, s.isWeekday = v, true })
	}
	for w, v := range futureWords {
		set(w, func(s *shortFacts) { s.future = v })
	}
	for w, v := range beForms {
		set(w, func(s *shortFacts) { s.be = v })
	}
	for w, v := range clauseWords {
		set(w, func(s *shortFacts) { s.clause = v })
	}
	return m
}()

// nameBits are flags of a word form for the entity rules (wordFacts.name).
type nameBits uint8

const (
	nameParticle   nameBits = 1 << iota // isNameParticle
	nameGeneration                      // generationSuffix
	nameCorporate                       // corporateSuffix
	nameRoman                           // romanOrdinal
	nameExpansion                       // the first word of an expansion of the acronym lexicon (Lexicon.expansions)
)

// nameBitsOf works out the nameBits of the lower-case form low, the first
// word of an acronym's expansion when expansionFirst is set.
func nameBitsOf(low string, expansionFirst bool) nameBits {
	var b nameBits
	if isNameParticle(low) {
		b |= nameParticle
	}
	if generationSuffix(low) {
		b |= nameGeneration
	}
	if corporateSuffix(low) {
		b |= nameCorporate
	}
	if romanOrdinal(low) {
		b |= nameRoman
	}
	if expansionFirst {
		b |= nameExpansion
	}
	return b
}

// nameIs reports whether f has flag b; f may be nil (a word without facts):
// then ok is false and the caller asks the list itself.
func (f *wordFacts) nameIs(b nameBits) (is, ok bool) {
	if f == nil {
		return false, false
	}
	return f.name&b != 0, true
}

// Positions in LexiconCategories of the categories whose single words are
// read from wordFacts.single (catIndex, worked out once), and the list of
// them: a new word form is looked up in these only, not in every
// category's map (a stream of novel words makes a form per few tokens).
var (
	ciTitle        = catIndex(LexTitle)
	ciPlacePrefix  = catIndex(LexPlacePrefix)
	ciAbbreviation = catIndex(LexAbbreviation)
	ciAttribution  = catIndex(LexAttribution)
	singleCats     = []int{ciTitle, ciPlacePrefix, ciAbbreviation}
)

// is reports Lexicon.Has(category ci, f.low) for the lexicon f is of; ci
// must be one of singleCats.
func (f *wordFacts) is(ci int) bool { return f.single&(1<<ci) != 0 }
