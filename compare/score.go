package compare

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/extract"
)

// Feature weights. Words weigh by their rarity in English (0.05–1); a shared
// name, number or date is as strong as the rarest word.
const (
	weightEntity = 1.0
	weightNumber = 0.9
	weightDate   = 0.8
	weightYear   = 0.3
	// A spelling variant (Gaddafi / Qaddafi, judgement / judgment) counts
	// for this share of a full match.
	softShare = 0.7
)

// Feature kinds. Their byte order is the order in which evidence lists
// features (dates, names, numbers, words, years), so sorting features by
// (kind, key) gives every score the same, deterministic order.
const (
	kindDate   byte = 'd'
	kindEntity byte = 'e'
	kindNumber byte = 'n'
	kindWord   byte = 'w'
	kindYear   byte = 'y'
)

// kinds lists the feature kinds in order; kindIndex maps a kind to its
// position, for per-kind sums.
var kinds = [...]byte{kindDate, kindEntity, kindNumber, kindWord, kindYear}

func kindIndex(k byte) int {
	switch k {
	case kindDate:
		return 0
	case kindEntity:
		return 1
	case kindNumber:
		return 2
	case kindWord:
		return 3
	}
	return 4
}

// softMinLen is the shortest word key (in bytes) that takes part in
// spelling-variant matches: shorter words are too alike by chance.
const softMinLen = 5

// featKey is what a feature is matched on: its kind and key ("w", "meet";
// "e", "hayya"; "n", "20"; "d", "09-09").
type featKey struct {
	kind byte
	key  string
}

func (k featKey) compare(o featKey) int {
	if k.kind != o.kind {
		return int(k.kind) - int(o.kind)
	}
	return strings.Compare(k.key, o.key)
}

// rawFeature is a feature as prepare finds it, before interning: its key
// by its number in the table (featTable).
type rawFeature struct {
	id     int32
	weight float64
	label  string // readable form for evidence
}

// claimFeatures is a claim prepared for scoring: its features as parallel
// lists sorted by feature id (which is the order of their keys), so that
// a score is a merge of two sorted lists.
type claimFeatures struct {
	doc, idx int
	claim    *extract.Claim
	raw      []rawFeature // in the order found: what intern numbers
	table    *featTable   // the table raw and keyID refer to
	v        *vocab       // the vocabulary ids refer to
	sem      *semVec      // the claim's embedding (embed.go); nil without an Embedder

	ids     []int32
	weights []float64
	labels  []string
	total   float64
	// ent and words are the index ranges of the entity and word features
	// in ids; sum is the weight of each kind (kinds order), for bounds.
	ent, words [2]int
	sum        [len(kinds)]float64
	// nearWords lists the positions in ids of the words spelt nearly
	// alike to another word of the comparison (vocab.near), ascending:
	// the only words of the claim a score may match softly.
	nearWords []int32
	// keyID holds the table id of each token's key (-1 for none), so
	// that verbatimRun compares numbers, not strings; keyPending for a
	// token not looked up yet (lookUpKeys), while keysPending is set.
	keyID       []int32
	keysPending bool
	// lowRarity holds, per token, the rarity of its text in lower case
	// (added detail weighs a word by it); 0 where its facts hold another
	// rarity (a rarity is 0.05 at least); unread where prepare did not
	// look the token up.
	lowRarity []float64
	// compounds lists, in token order, the tokens prepare looked up that
	// hyphenForms splits into parts, with the parts: detailSides reads
	// them here rather than asking hyphenForms again.
	compounds []compound
	// group is the claim's part in the cluster of aligned claims it is in
	// (cohesion.go).
	group groupState
}

// unread is claimFeatures.lowRarity's mark of a token prepare did not look
// up: neither its rarity nor its compound parts are known.
const unread = -1

// compound is a token of a claim that hyphenForms splits, and its parts.
type compound struct {
	tok   int32
	parts []string
}

// rarity weighs a word by how rare it is in the background corpus.
func rarity(w string) float64 {
	c := extract.BackgroundCount(w)
	t := float64(extract.BackgroundTotal())
	v := math.Log(t/float64(c+1)) / math.Log(t)
	return max(0.05, min(1, v))
}

// lowerRarity is rarity(strings.ToLower(w)), a short ASCII word
// lower-cased on the stack.
func lowerRarity(w string) float64 {
	var buf [32]byte
	if len(w) > len(buf) || !isASCII(w) {
		return rarity(strings.ToLower(w))
	}
	return rarity(string(lowerASCII(buf[:0], w)))
}

// prepare lists the features of a claim. It is the one place where a
// feature's key is decided: a key mapped here (a paraphrase class, a
// coreference key) is what every score, bound and index sees. The
// features are numbered in t and live in its scratch: the claim's
// features must not outlive the comparison.
func prepare(t *featTable, doc, idx int, c *extract.Claim) *claimFeatures {
	cf := t.sc.claimFeature()
	cf.doc, cf.idx, cf.claim, cf.table = doc, idx, c, t
	raw := t.sc.rawFeatures(len(c.Tokens) + len(c.Entities) + len(c.Numbers) + 2*len(c.Dates))[:0]
	add := func(id int32, weight float64, label string) {
		raw = append(raw, rawFeature{id, weight, label})
	}
	cf.keyID = t.sc.int32s(len(c.Tokens)) // zero: take's
	markCovered(c, cf.keyID)              // covered.go
	cf.lowRarity = t.sc.float64s(len(c.Tokens))
	for i := range c.Tokens {
		tok := &c.Tokens[i]
		if tok.Stop || len(tok.Key) < 2 || cf.keyID[i] == keyPending {
			// Not a feature: only verbatimRun reads its key, for few
			// claims (lookUpKeys).
			cf.keyID[i] = keyPending
			cf.keysPending = true
			cf.lowRarity[i] = unread
			continue
		}
		f, parts := t.tokenForms(tok)
		cf.keyID[i] = f.key
		if !f.possessive {
			cf.lowRarity[i] = f.rarity
		}
		if parts != nil {
			cf.compounds = append(cf.compounds, compound{int32(i), parts})
			for _, p := range parts {
				pf := t.token(p, extract.WordKey(p))
				add(pf.key, pf.rarity, pf.label)
			}
			continue
		}
		add(f.key, f.rarity, f.label)
	}
	for _, e := range c.Entities {
		if e.ResolvedFrom != "" {
			// A description resolved within its document ("the
			// governor" → marsh) is not scored yet: on the BASIL
			// development events it joined claims that share only the
			// story's protagonist (F1 0.496 → 0.482).
			continue
		}
		add(t.id(kindEntity, e.Key), weightEntity, e.Text)
	}
	for _, n := range c.Numbers {
		add(t.number(n), weightNumber, n.Text)
	}
	for _, d := range c.Dates {
		v := d.Value
		if v == "" {
			// Unresolved (a weekday with no publication date): its words.
			add(t.id(kindDate, strings.ToLower(d.Text)), weightDate, d.Text)
			continue
		}
		if d.Precision == extract.PrecisionDay && len(v) == 10 {
			add(t.id(kindDate, v[5:]), weightDate, d.Text)
			if !strings.HasPrefix(v, "XXXX") {
				add(t.id(kindYear, v[:4]), weightYear, v[:4])
			}
			continue
		}
		add(t.id(kindDate, v), weightDate, d.Text)
	}
	// One feature per key (the first of the heaviest) is kept by intern,
	// which sorts by key.
	cf.raw = raw
	return cf
}

func numberKey(n extract.Number) string {
	s := strconv.FormatFloat(n.Value, 'g', -1, 64)
	if n.Max > 0 {
		s += "-" + strconv.FormatFloat(n.Max, 'g', -1, 64)
	}
	return s
}

// pairScore is the similarity of two claims with the evidence that made it;
// the group's Evidence reports it.
type pairScore struct {
	Value float64
	// Containment is how much of the shorter claim the longer one carries;
	// it lets a long sentence match two short ones.
	Containment float64
	// The evidence lists, only when asked for (nil otherwise): a pair's
	// score is kept for every aligned pair, its lists for few.
	*pairEvidence
	// facts counts the shared words, numbers and dates (the lengths of
	// Shared, Numbers and Dates), known without the evidence lists.
	facts int
	// With an Embedder (embed.go): Value combines the two parts; nil
	// without one. A pointer, not two fields: a large event keeps
	// hundreds of thousands of scores (align), without an Embedder.
	sem *semParts
}

// semParts are the two parts of a score with an Embedder.
type semParts struct{ Lexical, Semantic float64 }

// pairEvidence is what two claims share, by kind.
type pairEvidence struct {
	Shared   []string
	Names    []string
	Numbers  []string
	Dates    []string
	Variants []string // spelling variants matched by character trigrams
}

// share fills the evidence lists from the features of a at positions
// at, which the other claim has: each list made at its length, all of
// them from one array, and a list with nothing in it left nil.
func (e *pairEvidence) share(a *claimFeatures, v *vocab, at []int32) {
	lists := [len(kinds)]*[]string{&e.Dates, &e.Names, &e.Numbers, &e.Shared, nil} // by kindIndex; years are not listed
	var n [len(kinds)]int
	total := 0
	for _, i := range at {
		if k := kindIndex(v.keys[a.ids[i]].kind); lists[k] != nil {
			n[k]++
			total++
		}
	}
	labels := make([]string, total)
	for k, l := range lists {
		if n[k] > 0 {
			*l, labels = labels[:0:n[k]], labels[n[k]:]
		}
	}
	for _, i := range at {
		if l := lists[kindIndex(v.keys[a.ids[i]].kind)]; l != nil {
			*l = append(*l, a.labels[i])
		}
	}
}

// maxStackFeatures is how many features of the second claim a score tracks
// without allocating.
const maxStackFeatures = 256

// lexicalScore is the lexical score of two claims prepared apart (a
// headline each): they are numbered together first. Claims of one
// comparison go straight to vocab.score.
func lexicalScore(a, b *claimFeatures, names func(x, y string) bool) pairScore {
	if a.v != nil && a.v == b.v {
		return a.v.lexical(a, b, nil, true)
	}
	ca, cb := *a, *b
	v := intern(a.table, [][]*claimFeatures{{&ca}, {&cb}}, names)
	finish(&ca)
	finish(&cb)
	return v.lexical(&ca, &cb, nil, true)
}

// value is the score of two claims of one comparison without its
// evidence, for the many pairs whose evidence no one reads (a group's
// cohesion, a member's mean score); memo remembers name matches.
func value(a, b *claimFeatures, memo *nameMemo) float64 {
	if a.v == nil || a.v != b.v {
		return score(a, b, nil).Value
	}
	return a.v.score(a, b, memo, false).Value
}

// score is the score of two claims of one comparison, semantic part
// included (embed.go).
func (v *vocab) score(a, b *claimFeatures, names *nameMemo, evidence bool) pairScore {
	return semantic(v.lexical(a, b, names, evidence), a, b)
}

// lexical compares two prepared claims: a weighted Dice overlap of their
// features, where a word weighs by its rarity, names, numbers and dates
// weigh as rare words, and words spelt nearly alike (by character
// trigrams) count partly. It is a pure function of the two claims and the
// vocabulary they were interned in; names remembers name matches (nil:
// none remembered). The evidence lists are filled only when evidence is
// set, so that the pairs thrown away cost no allocation.
func (v *vocab) lexical(a, b *claimFeatures, names *nameMemo, evidence bool) pairScore {
	var s pairScore
	if evidence {
		s.pairEvidence = &pairEvidence{}
	}
	if a.total == 0 || b.total == 0 {
		return s
	}
	var usedBuf [maxStackFeatures]bool
	var used []bool
	if len(b.ids) <= maxStackFeatures {
		used = usedBuf[:len(b.ids)]
	} else {
		used = make([]bool, len(b.ids))
	}
	var unBuf [64]int32
	unA := unBuf[:0] // positions in a of words b lacks
	var sharedBuf [64]int32
	sharedA := sharedBuf[:0] // with evidence: positions in a of what b has
	shared := 0.0
	j := 0
	for i, id := range a.ids {
		for j < len(b.ids) && b.ids[j] < id {
			j++
		}
		kind := v.keys[id].kind
		m := -1
		if j < len(b.ids) && b.ids[j] == id {
			m = j
			used[j] = true
		} else if kind == kindEntity && v.names != nil {
			// Name keys that are spelling variants of each other.
			for kb := b.ent[0]; kb < b.ent[1]; kb++ {
				if !used[kb] && names.same(v, id, b.ids[kb]) {
					m = kb
					used[kb] = true
					break
				}
			}
		}
		if m < 0 {
			if kind == kindWord {
				unA = append(unA, int32(i))
			}
			continue
		}
		shared += min(a.weights[i], b.weights[m])
		if kind == kindWord || kind == kindNumber || kind == kindDate {
			s.facts++
		}
		if evidence {
			sharedA = append(sharedA, int32(i))
		}
	}
	if evidence {
		s.pairEvidence.share(a, v, sharedA)
	}
	// Soft matches between the words left over on both sides: the first
	// unused word of b that is a near-spelling neighbour.
	for _, i := range unA {
		kb := nearPartner(v.near[a.ids[i]], b, used)
		if kb < 0 {
			continue
		}
		used[kb] = true
		shared += softShare * min(a.weights[i], b.weights[kb])
		if evidence {
			s.Variants = append(s.Variants, a.labels[i]+"~"+b.labels[kb])
		}
	}
	s.Value = round3(2 * shared / (a.total + b.total))
	s.Containment = round3(min(1, shared/min(a.total, b.total)))
	return s
}

// nearPartner returns the position of the first word of b, not yet used,
// whose id is in near (a word's near-spelling neighbours, in id order),
// or -1. b's words are in id order too, so one pass over both finds it.
// The lexical score and the candidate search (scoreFrom) both take a
// soft match from it, so that the two agree on every pair.
func nearPartner(near []int32, b *claimFeatures, used []bool) int {
	p := 0
	for kb := b.words[0]; kb < b.words[1] && p < len(near); kb++ {
		id := b.ids[kb]
		for p < len(near) && near[p] < id {
			p++
		}
		if p < len(near) && near[p] == id && !used[kb] {
			return kb
		}
	}
	return -1
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// minLocalClaims is how many claims the documents compared must hold before
// rarity among them counts: with a handful of sentences every shared word
// looks common.
const minLocalClaims = 8

// localRarity scales word and name weights by how rare they are among the
// claims compared (an inverse document frequency over claims), on top of
// their rarity in English: a name in every claim of both articles
// ("Witkoff" in a story about Witkoff) says less about which claims match
// than one in two. The factor runs from a floor (in every claim) to 1.
// Names take the lower floor: once "Mr. Stone" and "Stone" share a key the
// story's protagonist is in most claims of every outlet and says nothing
// about which claims match; on the 14 BASIL development events a name floor
// of 0.6 raised pair precision from 0.59 to 0.65 for 0.7 points of recall,
// while a lower word floor lost more true pairs than it saved false ones
// (README, "Accuracy").
const (
	localFloorWord = 0.85
	localFloorName = 0.6
)

func localRarity(feats [][]*claimFeatures, v *vocab, sc *scratch) {
	n := 0
	df := sc.int32s(len(v.keys))
	for _, doc := range feats {
		for _, cf := range doc {
			n++
			for _, id := range cf.ids {
				df[id]++
			}
		}
	}
	if n >= minLocalClaims {
		// The factor of each word and name, once per key rather than once
		// per claim that has it (the same expression, so the same value);
		// and once per claim count and floor (byCount, 0 until worked
		// out), since that is all it depends on: most keys are in one
		// to three claims, so an event takes a few dozen logarithms, not
		// one per key.
		// Names and words are the ids of v.ent and v.words, and in each
		// claim the positions of cf.ent and cf.words (kinds order).
		ln := math.Log(float64(n))
		factor := sc.float64s(len(v.keys))
		byCount := sc.float64s(2 * (n + 1))
		for _, r := range [2]struct {
			ids  [2]int32
			fl   float64
			memo []float64
		}{{v.ent, localFloorName, byCount[n+1:]}, {v.words, localFloorWord, byCount[:n+1]}} {
			for id := r.ids[0]; id < r.ids[1]; id++ {
				if d := df[id]; d > 0 {
					if r.memo[d] == 0 {
						r.memo[d] = r.fl + (1-r.fl)*math.Log(float64(n)/float64(d))/ln
					}
					factor[id] = r.memo[d]
				}
			}
		}
		for _, doc := range feats {
			for _, cf := range doc {
				finishScaled(cf, factor)
			}
		}
		return
	}
	for _, doc := range feats {
		for _, cf := range doc {
			finish(cf)
		}
	}
}

// finish sets a claim's total weight and its weight by kind. The kinds
// are where intern numbered them (kinds order): dates, then names
// (cf.ent), numbers, words (cf.words) and years; each sum adds its
// weights in the order of the ids, as the total does.
func finish(cf *claimFeatures) { finishScaled(cf, nil) }

// finishScaled is finish after the weights of the claim's names and words
// are multiplied by factor (by id), unless factor is nil: in one pass over
// the weights, where the scaling and the two sums were three. The kinds
// lie in order, so the total still adds the weights in the order of the
// ids.
func finishScaled(cf *claimFeatures, factor []float64) {
	total := 0.0
	at := [len(kinds) + 1]int{0, cf.ent[0], cf.ent[1], cf.words[0], cf.words[1], len(cf.weights)}
	for k := range cf.sum {
		scaled := factor != nil && (kinds[k] == kindEntity || kinds[k] == kindWord)
		sum := 0.0
		for i := at[k]; i < at[k+1]; i++ {
			w := cf.weights[i]
			if scaled {
				w = float64(w * factor[cf.ids[i]]) // rounded as stored: no fused add
				cf.weights[i] = w
			}
			total += w
			sum += w
		}
		cf.sum[k] = sum
	}
	cf.total = total
}

// tokenKey is the key comparison reads a token under (hyphenForms). A
// token that is whole (most) is read under its own key without a call.
func tokenKey(tok *extract.Token) string {
	if whole(tok) {
		return tok.Key
	}
	k, _ := hyphenForms(tok)
	return k
}

// whole reports whether a token is read whole under its own key for
// want of a hyphen to split it at: a name, or a word without one
// (hyphenParts).
func whole(tok *extract.Token) bool { return tok.Entity || !hasHyphen(tok.Text) }

// hyphenForms returns the key comparison reads a token under and, for a
// compound scored as its words, those words. The key is the token's, but
// for a hyphenated word whose letters written together make a word of
// English (extract.KnownWord), the key of that word: outlets write one
// word hyphenated or closed up ("e-mail" / "email", "re-election" /
// "reelection", "fund-raisers" / "fundraisers": the Times hyphenates what
// others close up). A hyphenated word that makes no word so is scored as
// its parts when each has three letters or more, none is a function word
// and the first is no prefix ("a double-dip recession" / "a double dip",
// "long-term" / "long term"); else whole ("so-called", "hit-and-run",
// "anti-immigration": a short part, a function word or a prefix alone
// would match other words). A name keeps its key.
func hyphenForms(tok *extract.Token) (key string, parts []string) {
	if whole(tok) {
		return tok.Key, nil
	}
	ps, ok := hyphenParts(tok)
	if !ok {
		return tok.Key, nil
	}
	if joined := strings.Join(ps, ""); extract.KnownWord(joined) {
		return extract.WordKey(joined), nil
	}
	if inLowerSet(hyphenPrefixes(), ps[0]) {
		return tok.Key, nil
	}
	lex := extract.DefaultLexicon()
	for _, p := range ps {
		low := strings.ReplaceAll(strings.ToLower(p), "\u2019", "'")
		if utf8.RuneCountInString(p) < 3 || lex.Has(extract.LexStopword, low) {
			return tok.Key, nil
		}
	}
	return tok.Key, ps
}

// prefixesTxt lists the prefixes a hyphen joins to a word (prefixes.txt).
//
//go:embed prefixes.txt
var prefixesTxt string

var hyphenPrefixes = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(prefixesTxt, "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			m[l] = true
		}
	}
	return m
})

// hyphenParts splits a token that is no name at its hyphens; it reports
// false for a token with no hyphen, an empty part ("-based", "well-") or
// a part without a letter ("9-11", "COVID-19").
func hyphenParts(tok *extract.Token) ([]string, bool) {
	if whole(tok) {
		return nil, false
	}
	parts := strings.FieldsFunc(tok.Text, isHyphen)
	if len(parts) < 2 || strings.IndexFunc(tok.Text, isHyphen) == 0 || strings.LastIndexFunc(tok.Text, isHyphen) == len(tok.Text)-1 {
		return nil, false
	}
	for _, p := range parts {
		if !strings.ContainsFunc(p, unicode.IsLetter) {
			return nil, false
		}
	}
	return parts, true
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// hasHyphen is strings.ContainsAny(s, "-\u2010\u2011") as a loop over
// the bytes: every token of every side passes here, and a token has a few
// bytes, where a search (strings.IndexByte) costs a call and its set-up.
// U+2010 and U+2011 are E2 80 90 and E2 80 91 in UTF-8. It is small
// enough to be inlined, with whole, into tokenKey.
func hasHyphen(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]|1 == 0x91 {
			return true
		}
	}
	return false
}
