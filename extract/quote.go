package extract

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote kinds, decided from the quote's length and what stands around it.
const (
	quoteDirect  = iota // speech: a clause, or a fragment with a speaker or speech verb
	quoteScare          // one to four words the writer holds at a distance
	quoteTitle          // the title of a work or show (“60 Minutes”)
	quoteMention        // a word being mentioned (the word “sovereignty”)
)

// quoteInfo is a paired quotation found in the document.
type quoteInfo struct {
	span    Span // including the marks
	inner   Span // without the marks, trimmed
	kind    int
	speaker string
	verb    string
	closed  bool
	// speakerAt is where the text names the speaker (or its verb), for
	// resolving a pronoun or description against the names before it.
	speakerAt int
	// speakerRef keeps the pronoun or description speaker was resolved from.
	speakerRef string
	// speakerKey is the entity key of the person a pronoun or description
	// speaker was resolved to, for the pronouns that continue it.
	speakerKey string
	// runsOn marks a quote left open at the end of its paragraph because the
	// next paragraph opens with a quotation mark: news style for one quote
	// that runs across paragraphs.
	runsOn bool
	// participle marks a speaker read as the subject of "…, saying “…”".
	participle bool
	// reported marks a short quote taken as speech only because a verb of
	// saying with a named speaker stands before it.
	reported bool
}

type qmark struct {
	pos, size int
	open      bool
	single    bool
}

// mediaNouns precede the title of a work: the show “60 Minutes”.
var mediaNouns = map[string]bool{
	"show": true, "program": true, "programme": true, "newspaper": true, "magazine": true, "film": true, "movie": true,
	"book": true, "song": true, "series": true, "documentary": true, "podcast": true, "album": true, "column": true,
	"article": true, "report": true, "novel": true, "play": true, "episode": true, "broadcast": true, "headline": true,
	"role": true, "shows": true, "programs": true, "films": true, "movies": true, "books": true, "songs": true, "novels": true, "albums": true,
}

// mentionNouns precede a word that is mentioned, not used.
var mentionNouns = map[string]bool{"word": true, "words": true, "term": true, "terms": true, "phrase": true, "slogan": true, "label": true, "name": true, "hashtag": true, "motto": true, "nickname": true, "moniker": true, "catchphrase": true, "concept": true, "notion": true, "category": true, "statements": true, "slogans": true, "maxim": true, "mantra": true, "rating": true, "pronoun": true}

// namingVerbs introduce what a speaker calls something: calling it “lies”.
// Also verbs that characterise while they report: slammed … as “a
// betrayal”, promised “massive investment”, chanted “…”.
var namingVerbs = map[string]bool{
	"call": true, "dub": true, "term": true, "brand": true, "label": true, "describ": true, "decri": true, "denounc": true,
	"chant": true, "promis": true, "vow": true, "pledg": true, "slam": true, "blast": true, "hail": true, "prais": true,
	"accus": true, "criticis": true, "criticiz": true, "condemn": true, "shout": true, "tweet": true, "wrote": true, "write": true,
}

// firstPerson pronouns open someone's words: a quote that starts with one
// is speech, not a word held at a distance.
var firstPerson = map[string]bool{"i": true, "i'm": true, "i’m": true, "we": true, "we're": true, "we’re": true, "my": true, "our": true, "you": true, "your": true, "you're": true, "you’re": true, "let's": true, "let’s": true}

// mediaRoles follow a show's title: the “Night Desk” host.
var mediaRoles = map[string]bool{"star": true, "host": true, "anchor": true, "creator": true, "author": true, "actor": true, "actress": true, "cast": true, "episode": true, "season": true, "franchise": true}

// kindNouns follow a quoted word that names a kind of thing rather than
// holding a word at a distance: 60 “yea” votes, the “Unity” platform, the
// “cloture” rule.
var kindNouns = map[string]bool{"platform": true, "votes": true, "vote": true, "section": true, "gesture": true, "fee": true, "fees": true, "pronoun": true, "option": true, "button": true, "tab": true, "setting": true}

// nameHeads end the names of laws, plans and events: the “Clean Rivers
// Act” is a name, not a phrase held at a distance.
var nameHeads = map[string]bool{
	"act": true, "bill": true, "law": true, "plan": true, "deal": true, "accord": true, "agreement": true, "treaty": true,
	"doctrine": true, "agenda": true, "initiative": true, "project": true, "program": true, "programme": true,
	"caucus": true, "party": true, "movement": true, "summit": true, "rule": true, "amendment": true, "resolution": true,
}

// saidLater returns who the sentence s says spoke, when a plain verb of
// saying follows the quote at pos with its subject ("upgraded from
// “critical” on Monday, a hospital spokeswoman said"), or "".
func (x *extractor) saidLater(s Span, pos int) string {
	toks := x.wordsIn(s, true, pos, s.End)
	var buf [maxLowered]byte
	for k := 1; k < len(toks); k++ {
		switch string(lowerBytes(&buf, toks[k].text)) {
		case "said", "says", "told", "tells", "added", "wrote", "confirmed", "reported", "announced", "stated", "noted", "explained":
		default:
			continue
		}
		if n := strings.Count(x.text[pos:toks[k].span.Start], "“") + strings.Count(x.text[pos:toks[k].span.Start], "”") +
			strings.Count(x.text[pos:toks[k].span.Start], "\""); n%2 == 1 {
			// The verb stands inside another quotation.
			return ""
		}
		return phraseBefore(x.text, toks[:k], 8, x.lex)
	}
	return ""
}

// accordingTo returns the source the sentence s names with "according
// to" ("…, according to the indictment"), or "".
func (x *extractor) accordingTo(s Span) string {
	k := lowerIndex(x.text[s.Start:s.End], "according to ")
	if k < 0 {
		return ""
	}
	toks := x.wordsIn(s, true, s.Start+k+len("according to "), s.End)
	return phraseFrom(x.text, toks, 6)
}

// nameAfter reports a capitalised word right after the closing mark that
// the document capitalises mid-sentence: the quote is a nickname.
func (x *extractor) nameAfter(q *quoteInfo) bool {
	toks := tokenize(x.text, q.span.End, min(len(x.text), q.span.End+40))
	return len(toks) > 0 && onlySpaceBetween(x.text, q.span.End, toks[0].span.Start) && isCapitalized(toks[0].text) &&
		x.capSeen[lowerKey(toks[0].text)] && !x.lex.Has(LexStopword, lowerKey(toks[0].text))
}

// coordinated reports two quotes joined by "and", "or" or a comma only:
// “dangerous” and “violent”.
func (x *extractor) coordinated(prev, q *quoteInfo) bool {
	g := strings.TrimSpace(x.text[prev.span.End:q.span.Start])
	switch g {
	case "and", "or", ",", ", and", ", or", "and even", "or even", "":
		return q.span.Start-prev.span.End <= 12
	}
	return false
}

// titleWords may stay lower case inside a title: "Blood and Soil".
var titleWords = map[string]bool{"and": true, "of": true, "the": true, "a": true, "an": true, "in": true, "on": true, "for": true, "to": true, "at": true, "or": true}

// findQuotes pairs quotation marks block by block. A quote never runs past
// its block (paragraph): an opening mark that is never closed ends with its
// sentence, and the repair is noted, so one stray mark cannot turn the rest
// of an article into quoted speech. The quotes are appended to out.
func (x *extractor) findQuotes(out []quoteInfo, blks []Span, sents []Span) []quoteInfo {
	text := x.text
	// One list of marks and one pairing's arrays for every block of the
	// document, where each block grew its own; the scratch's, when the
	// extractor holds one, where each document grew its own.
	var marks []qmark
	var pb pairBufs
	if x.scratch != nil {
		marks, pb = x.qmarks, x.qpairs
		defer func() { x.qmarks, x.qpairs = marks[:0], pb }()
	}
	for bi, blk := range blks {
		marks = marks[:0]
		for i := blk.Start; i < blk.End; {
			// Eight bytes at a time over ASCII without a straight
			// quote: this scan passes over every byte of the text.
			// A word with a mark: its lowest byte marked is the
			// first, the bytes before it are passed over.
			for i+8 <= blk.End {
				if m := straightQuotes8(load8(text, i)); m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
				i += 8
			}
			if i >= blk.End {
				break
			}
			if c := text[i]; c < utf8.RuneSelf && c != '"' {
				// ASCII other than the straight quote: no mark.
				i++
				continue
			}
			r, n := decode(text, i)
			switch r {
			case '"', '“', '”', '„', '«', '»', '‘', '’':
				prev, _ := decodeLast(text, i)
				next, _ := decode(text, i+n)
				prevOpen := i == blk.Start || isSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == '/'
				nextOpen := i+n >= blk.End || isSpace(next) || strings.ContainsRune(".,;:!?)]—–", next) || next == '”' || next == '"' || next == '’'
				m := qmark{pos: i, size: n}
				switch r {
				case '“', '„', '«':
					m.open = !(!prevOpen && nextOpen)
				case '”', '»':
					m.open = prevOpen && !nextOpen
				case '"':
					switch {
					case prevOpen && !nextOpen:
						m.open = true
					case !prevOpen && nextOpen:
						m.open = false
					case prevOpen && nextOpen:
						i += n
						continue
					default:
						// Glued on both sides: take the pairing's need.
						m.open = len(marks) == 0 || !marks[len(marks)-1].open
					}
				case '‘':
					if !prevOpen {
						i += n
						continue
					}
					m.open, m.single = true, true
				case '’':
					// An apostrophe unless it can close an open single quote.
					if unicode.IsLetter(next) || !nextOpen {
						i += n
						continue
					}
					m.single = true
				}
				marks = append(marks, m)
			}
			i += n
		}
		nextOpens := false
		if bi+1 < len(blks) {
			r, _ := decode(text, blks[bi+1].Start)
			nextOpens = r == '“' || r == '"' || r == '«' || r == '„'
		}
		out = x.pairQuotes(out, blk, nextOpens, marks, sents, &pb)
	}
	for i := range out {
		var prev *quoteInfo
		if i > 0 && out[i-1].span.End <= out[i].span.Start {
			prev = &out[i-1]
		}
		x.classifyQuote(&out[i], prev, sents)
	}
	x.neighbourQuotes(out, blks, sents)
	out = x.blockQuoteRuns(out, blks)
	out = x.unmarkedQuotes(out, blks)
	x.confirmScare(out, blks, sents)
	x.outletHabit(out)
	return out
}

// outletHabit turns back into scare quotes the reported words an outlet
// puts in quotation marks everywhere: when it writes “Israeli” as a scare
// quote in its own voice, “Israel” inside reported speech is its habit, not
// the speaker's word. Words compare by their first five letters.
func (x *extractor) outletHabit(qs []quoteInfo) {
	scare := map[string]bool{}
	for _, q := range qs {
		if q.kind == quoteScare {
			scare[habitKey(x.text[q.inner.Start:q.inner.End])] = true
		}
	}
	if len(scare) == 0 {
		return
	}
	for i := range qs {
		if q := &qs[i]; q.reported && scare[habitKey(x.text[q.inner.Start:q.inner.End])] {
			q.kind, q.speaker, q.verb = quoteScare, "", ""
		}
	}
}

func habitKey(s string) string {
	s = strings.ToLower(s)
	if r := []rune(s); len(r) > 5 {
		return string(r[:5])
	}
	return s
}

// pairQuotes appends to out the quotes the marks of one block make: an
// opening mark with the closing mark that ends it, an unclosed one ended
// by its sentence or paragraph.
func (x *extractor) pairQuotes(out []quoteInfo, blk Span, nextOpens bool, marks []qmark, sents []Span, pb *pairBufs) []quoteInfo {
	var open *qmark
	var openSingle *qmark
	unclosed := func(m *qmark) {
		long := blk.End-m.pos > maxParagraphQuote
		if m == open && !long && !x.closesLater(blk, m) && (nextOpens || x.blockQuoteOpens(blk, m)) {
			// One quote across paragraphs: each opens with a mark, only
			// the last closes. This paragraph's part ends with it.
			q := x.newQuote(m.pos, m.size, blk.End, 0, false)
			q.runsOn = true
			out = append(out, q)
			return
		}
		end := blk.End
		s, ok := sentenceAt(sents, m.pos)
		if ok && (s.Start < m.pos || long || x.closesLater(blk, m)) {
			end = s.End
			x.note("quotation mark at byte %d is never closed; the quote is taken to end with its sentence at %d", m.pos, end)
		} else {
			// A quote that opens a sentence and is never closed runs to the
			// end of its paragraph, as speech does in news copy; never
			// further.
			x.note("quotation mark at byte %d is never closed; the quote is taken to end with its paragraph at %d", m.pos, end)
		}
		out = append(out, x.newQuote(m.pos, m.size, end, 0, false))
	}
	// nestedAt reports whether the opening mark k stands inside an open
	// quote that closes after it: “… the so-called “reform” failed.”
	// With P[i] the balance of the double marks before i, the inner and
	// the outer quote both close when P falls two below P[k+1] later on;
	// a suffix minimum answers that for every k in one pass.
	pb.bal = slices.Grow(pb.bal[:0], len(marks)+1)[:len(marks)+1]
	bal := pb.bal
	bal[0] = 0
	for i, r := range marks {
		bal[i+1] = bal[i]
		if !r.single {
			if r.open {
				bal[i+1]++
			} else {
				bal[i+1]--
			}
		}
	}
	pb.sufMin = slices.Grow(pb.sufMin[:0], len(marks)+2)[:len(marks)+2]
	sufMin := pb.sufMin
	sufMin[len(marks)+1] = 1 << 30
	for i := len(marks); i >= 0; i-- {
		sufMin[i] = min(bal[i], sufMin[i+1])
	}
	nestedAt := func(k int) bool {
		return sufMin[k+2] < bal[k+1]-1
	}
	depth := 0
	for k := range marks {
		m := &marks[k]
		switch {
		case m.single && m.open:
			if open == nil && openSingle == nil {
				openSingle = m
			}
		case m.single:
			if openSingle != nil && open == nil {
				out = append(out, x.newQuote(openSingle.pos, openSingle.size, m.pos, m.size, true))
				openSingle = nil
			}
		case m.open:
			if open != nil && nestedAt(k) {
				// A quote inside a quote belongs to the outer one.
				depth++
				continue
			}
			if open != nil {
				// Two openings in a row: the first was never closed.
				unclosed(open)
			}
			open = m
			openSingle = nil
		default:
			if open == nil {
				x.note("closing quotation mark at byte %d has no opening mark; ignored", m.pos)
				continue
			}
			if depth > 0 {
				depth--
				continue
			}
			out = append(out, x.newQuote(open.pos, open.size, m.pos, m.size, true))
			open = nil
		}
	}
	if open != nil {
		unclosed(open)
	}
	return out
}

// pairBufs are pairQuotes' arrays, reused from block to block.
type pairBufs struct{ bal, sufMin []int }

// blockQuoteRuns extends a quotation set as its own paragraphs, the way a
// blog post, a letter or a statement is quoted at length: a paragraph after
// one that ends in a colon opens with a quotation mark and does not close
// it, the paragraphs after it carry no marks of their own, and a later one
// closes with a mark that nothing in it opened. Every paragraph from the
// opening to that closing mark is the quoted text (a reader found the
// outlet charged with the words of a quoted blog post, issue 11); quotes
// inside them are part of it. The search stops at a paragraph that ends in
// a colon (a new quotation is introduced) and after maxBlockRun paragraphs.
func (x *extractor) blockQuoteRuns(qs []quoteInfo, blks []Span) []quoteInfo {
	text := x.text
	for i := 0; i < len(qs); i++ {
		q := qs[i]
		if q.kind != quoteDirect || q.closed {
			continue
		}
		bi := sort.Search(len(blks), func(b int) bool { return blks[b].End > q.span.Start })
		if bi >= len(blks) || !blks[bi].Contains(q.span) || strings.TrimSpace(text[blks[bi].Start:q.span.Start]) != "" ||
			!strings.HasSuffix(strings.TrimRight(text[:blks[bi].Start], " \t\r\n"), ":") {
			continue
		}
		last, closeAt := -1, -1
		for b := bi + 1; b < len(blks) && b <= bi+maxBlockRun; b++ {
			t := text[blks[b].Start:blks[b].End]
			if r, _ := decode(text, blks[b].Start); r == '“' || r == '"' {
				break // the next paragraph opens its own quotation
			}
			c, o := strings.Index(t, "”"), strings.Index(t, "“")
			if c >= 0 && (o < 0 || c < o) {
				last, closeAt = b, blks[b].Start+c
				break
			}
			if strings.HasSuffix(strings.TrimSpace(t), ":") {
				break
			}
		}
		if last < 0 {
			continue
		}
		end := closeAt + len("”")
		var run []quoteInfo
		for b := bi; b <= last; b++ {
			var nq quoteInfo
			switch b {
			case bi:
				_, n := decode(text, q.span.Start)
				nq = x.newQuote(q.span.Start, n, blks[b].End, 0, false)
			case last:
				nq = x.newQuote(blks[b].Start, 0, closeAt, len("”"), true)
			default:
				nq = x.newQuote(blks[b].Start, 0, blks[b].End, 0, false)
			}
			nq.kind, nq.speaker, nq.verb, nq.speakerAt, nq.speakerRef = quoteDirect, q.speaker, q.verb, q.speakerAt, q.speakerRef
			nq.runsOn = b < last
			run = append(run, nq)
		}
		// The quotes of those paragraphs, the first one's included, give
		// way to the run.
		j := i
		for j < len(qs) && qs[j].span.Start < end {
			j++
		}
		qs = append(qs[:i], append(run, qs[j:]...)...)
		i += len(run) - 1
	}
	return qs
}

// tweetSignature ends a paragraph that embeds a post: "— Name (@handle)
// December 4, 2017", as news sites print an embedded tweet.
var tweetSignature = lazyRegexp(`\s[—–-]{1,2}\s*([^()\n—–]{1,60}?)\s*\(@\w{1,20}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$`)

// hasQuoteMark is strings.ContainsAny(t, "“”\"«»„") by bytes: the marks
// are the straight quote and runes led by 0xC2 or 0xE2, so other bytes are
// passed over without decoding (ContainsAny with marks outside ASCII
// compares every rune of t with each mark), and runs of plain ASCII eight
// at a time.
func hasQuoteMark(t string) bool {
	for i := 0; i < len(t); i++ {
		// Eight plain ASCII bytes without '"' at a time (swar.go).
		for i+8 <= len(t) {
			if m := straightQuotes8(load8(t, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= len(t) {
			break
		}
		switch t[i] {
		case '"':
			return true
		case 0xC2, 0xE2:
			switch r, _ := utf8.DecodeRuneInString(t[i:]); r {
			case '“', '”', '«', '»', '„':
				return true
			}
		}
	}
	return false
}

// unmarkedQuotes finds quoted text that carries no quotation marks (a
// reader found such words judged the outlet's, issue 11):
//   - an embedded post, whose paragraph ends in its author's signature
//     (tweetSignature): the text before the signature is the author's;
//   - a paragraph with no quotation mark after one that ends in a verb of
//     saying and a colon ("… railed on social media, saying:"): news copy
//     sets a post or a statement so, and the paragraph is the speaker's.
//
// Quotes inside such a paragraph are part of it.
func (x *extractor) unmarkedQuotes(qs []quoteInfo, blks []Span) []quoteInfo {
	text := x.text
	var add []quoteInfo
	for bi, blk := range blks {
		t := text[blk.Start:blk.End]
		// The signature names a handle, "(@": most paragraphs have none,
		// and the unanchored pattern costs a backtracking run from every
		// byte of the paragraph.
		if strings.Contains(t, "(@") {
			if m := tweetSignature().FindStringSubmatchIndex(t); m != nil && m[0] > 0 {
				q := x.newQuote(blk.Start, 0, blk.Start+m[0], 0, true)
				q.kind, q.speaker = quoteDirect, strings.TrimSpace(t[m[2]:m[3]])
				add = append(add, q)
				continue
			}
		}
		if bi == 0 {
			continue
		}
		// The paragraph before is read first: few end in a colon, and
		// the test for a mark reads the whole paragraph.
		prev := strings.TrimRight(text[blks[bi-1].Start:blks[bi-1].End], " \t\r\n")
		if !strings.HasSuffix(prev, ":") || hasQuoteMark(t) {
			continue
		}
		ws := strings.Fields(strings.TrimSuffix(prev, ":"))
		if len(ws) == 0 || !x.sourceVerb(strings.ToLower(strings.Trim(ws[len(ws)-1], ",;"))) {
			continue
		}
		verbAt := blks[bi-1].Start + strings.LastIndex(prev, ws[len(ws)-1])
		q := x.newQuote(blk.Start, 0, blk.End, 0, false)
		q.kind, q.speaker = quoteDirect, x.subjectOf(Span{blks[bi-1].Start, blks[bi-1].Start + len(prev)}, verbAt)
		add = append(add, q)
	}
	if len(add) == 0 {
		return qs
	}
	out := qs[:0:0]
	for _, q := range qs {
		inside := false
		for _, a := range add {
			if a.span.Contains(q.span) || q.span.Overlaps(a.span) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, q)
		}
	}
	out = append(out, add...)
	slices.SortStableFunc(out, func(a, b quoteInfo) int { return cmp.Compare(a.span.Start, b.span.Start) })
	return out
}

// maxBlockRun bounds how many paragraphs a quotation set as its own
// paragraphs may run on for.
const maxBlockRun = 6

// maxParagraphQuote bounds a quote taken to run to the end of its
// paragraph: past it (a whole text on one line) the quote ends with its
// sentence, so a claim never carries more than a paragraph of quotation.
const maxParagraphQuote = 4000

// blockQuoteOpens reports a paragraph that opens with a quotation mark
// after a paragraph ending in a colon ("She wrote in a statement:"): a quote
// set as its own paragraph, which may close in a later one or never.
func (x *extractor) blockQuoteOpens(blk Span, m *qmark) bool {
	if strings.TrimSpace(x.text[blk.Start:m.pos]) != "" {
		return false
	}
	prev := strings.TrimRight(x.text[:blk.Start], " \t\r\n")
	return strings.HasSuffix(prev, ":")
}

// closesLater reports whether a closing mark follows m in its block: then
// m was a stray opening, not a quote that runs on.
func (x *extractor) closesLater(blk Span, m *qmark) bool {
	if x.lastClose == nil || x.lastClose.blk != blk {
		// Once per block: the last closing mark in it.
		x.lastClose = &blockClose{blk: blk, pos: strings.LastIndexAny(x.text[blk.Start:blk.End], "”»")}
		if x.lastClose.pos >= 0 {
			x.lastClose.pos += blk.Start
		}
	}
	return x.lastClose.pos > m.pos
}

// blockClose caches where the last closing mark of a block stands.
type blockClose struct {
	blk Span
	pos int
}

func (x *extractor) newQuote(openPos, openSize, closePos, closeSize int, closed bool) quoteInfo {
	a, b := trimSpan(x.text, openPos+openSize, closePos)
	// A comma or full stop just inside the closing mark belongs to the
	// sentence, not the quoted words.
	for b > a && strings.IndexByte(",.;:", x.text[b-1]) >= 0 {
		b--
	}
	return quoteInfo{span: Span{openPos, closePos + closeSize}, inner: Span{a, b}, closed: closed}
}

func sentenceAt(sents []Span, pos int) (Span, bool) {
	lo, hi := 0, len(sents)
	for lo < hi {
		m := (lo + hi) / 2
		if sents[m].End <= pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(sents) && sents[lo].Start <= pos {
		return sents[lo], true
	}
	return Span{}, false
}

// classifyQuote decides what kind of quotation q is and finds its speaker.
func (x *extractor) classifyQuote(q *quoteInfo, prev *quoteInfo, sents []Span) {
	text := x.text
	sOpen, okOpen := sentenceAt(sents, q.span.Start)
	sClose, okClose := sentenceAt(sents, q.span.End-1)
	if !okClose {
		sClose = sOpen
	}
	inner := x.wordsIn(sOpen, okOpen, q.inner.Start, q.inner.End)
	// What stands right after the closing mark.
	var lb [maxLowered]byte
	afterWord := ""
	if okClose {
		after := x.wordsIn(sClose, true, q.span.End, sClose.End)
		if len(after) > 0 && onlySpaceBetween(text, q.span.End, after[0].span.Start) {
			afterWord = string(lowerBytes(&lb, after[0].text))
		}
	}
	var before []rawToken
	var beforeFacts []*wordFacts
	if okOpen {
		before, beforeFacts = x.wordsAndFacts(sOpen, true, sOpen.Start, q.span.Start)
	}
	// lowerKey of the words before: their facts hold it.
	lowBefore := func(k int) string {
		if beforeFacts != nil {
			return beforeFacts[len(before)-k].low
		}
		return lowerKey(before[len(before)-k].text)
	}
	prevWord := ""
	if len(before) > 0 {
		prevWord = lowBefore(1)
	}
	possessiveBefore := false
	if q.span.Start > 0 {
		p, _ := decodeLast(text, q.span.Start)
		if isSpace(p) {
			pp, _ := decodeLast(text, q.span.Start-1)
			possessiveBefore = isApostrophe(pp) || (len(before) > 0 && strings.HasSuffix(strings.ToLower(before[len(before)-1].text), "’s"))
		}
	}

	x.findSpeaker(q, before, beforeFacts, sOpen, sClose, okOpen, okClose)
	short := len(inner) >= 1 && len(inner) <= 4 && !strings.ContainsAny(text[q.inner.Start:q.inner.End], ".!?")
	// Punctuation just inside the closing mark ends a clause: “They are
	// lying,” Novak said — the next word is not modified by the quote.
	_, closeSize := decodeLast(text, q.span.End)
	punctInside := q.closed && strings.ContainsAny(text[q.inner.End:q.span.End-closeSize], ",.?!")
	// A noun phrase in quotes ("a “terrorist organization” operating")
	// is not a modifier of the word after it; one quoted word usually is.
	modifier := afterWord != "" && !x.lex.Has(LexStopword, afterWord) && !punctInside &&
		(len(inner) == 1 || !strings.HasSuffix(afterWord, "ing") && !strings.HasSuffix(afterWord, "ed") && !determiners[prevWord])
	// A quote that makes a sentence of its own (“God help us.”, “Stop
	// lying!”) is speech, however short.
	_, openSize := decode(text, q.span.Start)
	ownSentence := okOpen && len(before) == 0 && len(inner) >= 1 && isCapitalized(inner[0].text) &&
		(len(inner) >= 2 || strings.ContainsAny(text[q.inner.End:q.span.End], ".?!")) &&
		strings.TrimSpace(text[sOpen.Start:q.span.Start]) == "" && q.inner.Start >= q.span.Start+openSize
	// A verb of saying or naming whose speaker the sentence names makes the
	// quoted words that speaker's ("she said it “exacerbates” the
	// problem", "criticized the agency for its “secrecy”"); an outlet that
	// quotes the word in its own voice elsewhere keeps it (outletHabit).
	later := ""
	if q.speaker == "" && okClose {
		later = x.saidLater(sClose, q.span.End)
	}
	reported := q.speaker != "" || later != "" || okOpen && x.accordingTo(sOpen) != ""
	twoBefore := ""
	if len(before) > 1 {
		twoBefore = lowBefore(2)
	}
	switch {
	case short && prev != nil && prev.kind != quoteDirect && x.coordinated(prev, q):
		// “X” and “Y”: the second quote is what the first is.
		q.kind = prev.kind
	case short && prev != nil && prev.kind == quoteDirect && x.coordinated(prev, q):
		q.kind = quoteDirect
		if q.speaker == "" {
			q.speaker, q.verb, q.speakerAt = prev.speaker, prev.verb, prev.speakerAt
		}
	case short && ownSentence && (punctInside || !q.closed):
		q.kind = quoteDirect
	case short && len(inner) >= 2 && inLowerSet(firstPerson, inner[0].text):
		// “I can’t breathe”, “we will win”: someone's words, even
		// unattributed.
		q.kind = quoteDirect
	case short && (!determiners[prevWord] || !modifier) && x.namingVerbBefore(before, 3):
		// A name a speaker gives: branded it the “Tax Grab Act”, called
		// the devices “toy” bombs. The words are the speaker's.
		q.kind = quoteDirect
	case short && reported && (modifier || q.speaker == ""):
		q.kind, q.reported = quoteDirect, true
		if q.speaker == "" && later != "" {
			q.speaker = later
			q.speakerAt = q.span.End
		}
		if q.speaker == "" {
			q.speaker = x.accordingTo(sOpen)
			q.speakerAt = q.span.Start
		}
	case short && modifier && x.nameAfter(q):
		// A nickname before a name: “Honest” Abe Lincoln.
		q.kind = quoteMention
	case short && titleCase(inner) && (possessiveBefore || len(inner) >= 2 && !ownSentence || mediaNouns[prevWord] || mediaNouns[afterWord] || mediaRoles[afterWord] ||
		len(inner) >= 3 || nameHeads[strings.ToLower(inner[len(inner)-1].text)] || hasDigit(x.text[q.inner.Start:q.inner.End]) ||
		mediaNouns[twoBefore] || prevWord == "on" && len(inner) >= 2 && x.speechVerbBefore(before, beforeFacts, 6)):
		// A work's title or a name: CBS’s “Face the Press”, said on
		// “This Week”, the “Clean Rivers Act”, the “HB 12” bill.
		q.kind = quoteTitle
	case short && (mentionNouns[prevWord] || mentionNouns[afterWord] || kindNouns[afterWord] || nameHeads[afterWord] || prevWord == "of" && mentionNouns[twoBefore] ||
		prevWord == "as" && strings.HasPrefix(twoBefore, "known")):
		q.kind = quoteMention
	case short && asBefore(before) && (!modifier || x.speechVerbBefore(before[:len(before)-1], beforeFacts, 4)):
		// Characterised "as": slammed the ruling as “an attack on
		// democracy”, what he described as “heavy-handed” interference.
		q.kind = quoteDirect
	case short && modifier:
		// Used as a modifier inside a phrase: an “Israeli” strike.
		q.kind = quoteScare
	case short && q.speaker != "":
		q.kind = quoteDirect
	case short && x.speechVerbBefore(before, beforeFacts, 8):
		q.kind = quoteDirect
	case short:
		q.kind = quoteScare
	default:
		q.kind = quoteDirect
	}
	if q.kind != quoteDirect {
		q.speaker, q.verb = "", ""
	}
}

// asBefore reports "as" or "as a/an/the" right before a quote: attacking
// the plan as an “act of theft”.
func asBefore(before []rawToken) bool {
	n := len(before)
	if n > 0 && strings.EqualFold(before[n-1].text, "as") {
		return true
	}
	if n > 1 && strings.EqualFold(before[n-2].text, "as") {
		switch strings.ToLower(before[n-1].text) {
		case "a", "an", "the":
			return true
		}
	}
	return false
}

// namingVerbBefore reports a verb of naming among the last n words
// (called, dubbed, branded, labelled, termed); a nickname is mentioned, not said.
func (x *extractor) namingVerbBefore(before []rawToken, n int) bool {
	for k := len(before) - 1; k >= 0 && k >= len(before)-n; k-- {
		// The token's facts hold the stem of its lower-case form.
		switch x.wordOf(before[k].text).facts.stem {
		case "call", "dub", "brand", "label", "term":
			return !nounAfterDeterminer(x.text, before, k)
		}
	}
	return false
}

func titleCase(toks []rawToken) bool {
	for i, t := range toks {
		r := []rune(t.text)[0]
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && (i == 0 || !titleWords[t.text]) {
			return false
		}
	}
	return true
}

// speechVerbBefore reports whether one of the last n words is a verb of
// saying or naming.
//
// bf are the facts of before's words, or nil; before may be cut shorter
// than bf, from its end.
func (x *extractor) speechVerbBefore(before []rawToken, bf []*wordFacts, n int) bool {
	for k := len(before) - 1; k >= 0 && k >= len(before)-n; k-- {
		if x.speechAt(before, bf, k) {
			return true
		}
	}
	return false
}

func (x *extractor) isSpeechWord(w string) bool {
	return x.wordOf(w).facts.speech
}

// speechAt is isSpeechWord(toks[k].text), read from facts[k] when the
// caller has the words' facts (facts non-nil).
func (x *extractor) speechAt(toks []rawToken, facts []*wordFacts, k int) bool {
	if facts != nil {
		return facts[k].speech
	}
	return x.isSpeechWord(toks[k].text)
}

// speechWord is isSpeechWord for the lower-case form lw with stem st,
// worked out once per form for the process (wordFacts.speech). byKey and
// byLow are the form's rows of Lexicon.starts (wordFacts.byKey, byLow):
// their attribution entries are those first[LexAttribution] holds under
// st and lw, and byLow is nil when lw is its own stem.
func speechWord(lw, st string, byKey, byLow [][]*Entry) bool {
	if speechStems[st] || strings.HasPrefix(lw, "characteriz") || strings.HasPrefix(lw, "characteris") {
		return true
	}
	for _, row := range [2][][]*Entry{byKey, byLow} {
		if row == nil {
			continue
		}
		for _, e := range row[ciAttribution] {
			if e.Speech && len(e.Words) == 1 {
				return true
			}
		}
	}
	return false
}

// speechStems are namingVerbs and quoteVerbs in one set: a new form is
// looked up once.
var speechStems = func() map[string]bool {
	m := make(map[string]bool, len(namingVerbs)+len(quoteVerbs))
	for _, vs := range []map[string]bool{namingVerbs, quoteVerbs} {
		for w, v := range vs {
			m[w] = m[w] || v
		}
	}
	return m
}()

// findSpeaker looks for "…,” NAME said", "…,” said NAME" after the quote and
// "NAME said: “…”" / "NAME rejects …, saying “…”" before it.
//
// bf are the facts of before's words, or nil: the words are then looked up.
func (x *extractor) findSpeaker(q *quoteInfo, before []rawToken, bf []*wordFacts, sOpen, sClose Span, okOpen, okClose bool) {
	text := x.text
	if okClose && q.span.End >= sClose.End-1 {
		// “…?” Smith asked. — the sentence ended inside the marks and the
		// attribution was cut off as a sentence of its own.
		si := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].Start >= sClose.End })
		if si > 0 && si < len(x.sents) && x.sents[si-1] == sClose && x.sents[si].Start-q.span.End <= 2 {
			sClose = x.sents[si]
		}
	}
	if okClose && q.span.End < sClose.End {
		after, af := x.wordsAndFacts(sClose, true, q.span.End, sClose.End)
		gap := ""
		if len(after) > 0 {
			gap = strings.TrimSpace(text[q.span.End:after[0].span.Start])
		}
		// Speech runs on after a quote only across the comma convention:
		// “…,” she said / “…?” asked Smith.
		_, markSize := decodeLast(text, q.span.End)
		inside, _ := decodeLast(text, q.span.End-markSize)
		comma := inside == ',' || inside == '?' || inside == '!' || strings.HasPrefix(gap, ",")
		if len(after) > 0 && len(gap) <= 2 && comma {
			if x.speechAt(after, af, 0) && !lowerHasSuffix(after[0].text, "ing") {
				// "…,” said the minister."
				np := phraseFrom(text, after[1:], 6)
				if np != "" {
					q.speaker, q.verb = np, after[0].text
					q.speakerAt = after[1].span.Start
					return
				}
			}
			for k := 1; k < len(after) && k <= 6; k++ {
				if g := text[after[k-1].span.End:after[k].span.Start]; strings.HasPrefix(strings.TrimSpace(g), ",") && isCapitalized(after[k-1].text) {
					// “…,” Ann Roe, the top Democrat on the panel, said.
					if v, ok := x.verbAfterAppositive(after, k); ok {
						q.speaker = text[after[0].span.Start:after[k-1].span.End]
						q.verb = after[v].text
						q.speakerAt = after[0].span.Start
						return
					}
					break
				}
				if !onlySpaceBetween(text, after[k-1].span.End, after[k].span.Start) && !isPossessiveGap(text, after[k-1].span.End, after[k].span.Start) &&
					!x.honorificGapAt(after, k) {
					break
				}
				if x.speechAt(after, af, k) {
					q.speaker = text[after[0].span.Start:after[k-1].span.End]
					q.verb = after[k].text
					q.speakerAt = after[0].span.Start
					return
				}
			}
		}
	}
	if !okOpen {
		return
	}
	// Before the quote: the nearest verb of saying in the same sentence,
	// up to 40 words back ("said on Monday that the decision to delete
	// the files “is criminal”"), so dense quotation stays linear.
	for k := len(before) - 1; k >= 0 && k >= len(before)-40; k-- {
		if !x.speechAt(before, bf, k) || nounAfterDeterminer(text, before, k) {
			continue
		}
		verb := before[k].text
		q.verb = verb
		q.speakerAt = before[k].span.Start
		if lowerHasSuffix(verb, "ing") {
			// A participle ("…, saying …") speaks for the sentence's
			// subject; read again once all quotes are known (speaker.go).
			q.speaker = x.subjectOf(sOpen, before[k].span.Start)
			q.participle = true
		} else {
			// phraseBefore, with the words' facts when known.
			var wf []*wordFacts
			if bf != nil {
				wf = bf[:k]
			}
			q.speaker = ""
			if s, ok := phraseBeforeSpan(text, before[:k], wf, 6, x.lex); ok {
				q.speaker = text[s.Start:s.End]
			}
			if q.speaker == "" && k > 0 && strings.EqualFold(before[k-1].text, "and") {
				// "…, and said": a second verb of the sentence's subject.
				q.speaker = x.subjectOf(sOpen, before[k].span.Start)
				q.participle = true
			}
		}
		return
	}
}

// honorificGapAt reports the full stop of an abbreviated title between
// toks[k-1] and toks[k] ("Mr. Ramos", "Sen. Ruiz").
func (x *extractor) honorificGapAt(toks []rawToken, k int) bool {
	g := x.text[toks[k-1].span.End:toks[k].span.Start]
	return strings.HasPrefix(g, ".") && onlySpaceBetween(x.text, toks[k-1].span.End+1, toks[k].span.Start) &&
		isCapitalized(toks[k-1].text) && x.lex.Has(LexTitle, lowerKey(toks[k-1].text)) && isCapitalized(toks[k].text)
}

// verbAfterAppositive reads an appositive or a party tag that opens with
// a comma before toks[k] ("…, the top Democrat on the panel, said"; ", R-Ohio,
// said") and returns the index of the verb of saying right after its
// closing comma.
func (x *extractor) verbAfterAppositive(toks []rawToken, k int) (int, bool) {
	for j := k + 1; j < len(toks) && j <= k+16; j++ {
		g := strings.TrimSpace(x.text[toks[j-1].span.End:toks[j].span.Start])
		if g == "" || g == "’" || g == "'" || g == "-" || g == "." {
			continue
		}
		if g != "," && g != ".," && g != ")," {
			return 0, false
		}
		if x.isSpeechWord(toks[j].text) && !lowerHasSuffix(toks[j].text, "ing") {
			return j, true
		}
		if j+1 < len(toks) && onlySpaceBetween(x.text, toks[j].span.End, toks[j+1].span.Start) && strings.HasSuffix(toks[j].text, "ly") &&
			x.isSpeechWord(toks[j+1].text) {
			return j + 1, true
		}
	}
	return 0, false
}

// wordsIn returns the words that start in text[a:b], where a and b lie in
// sentence s (when ok), cut from the words annotate found for s rather than
// tokenized again: a quotation mark never falls inside a word, so the result
// is what tokenize(text, a, b) finds, and a sentence dense with quotation
// marks costs each quote a binary search, not a pass over the sentence.
func (x *extractor) wordsIn(s Span, ok bool, a, b int) []rawToken {
	toks, _ := x.wordsAndFacts(s, ok, a, b)
	return toks
}

// wordsAndFacts is wordsIn with the words' facts, cut from those annotate
// found for s; nil when the words were tokenized again.
func (x *extractor) wordsAndFacts(s Span, ok bool, a, b int) ([]rawToken, []*wordFacts) {
	si := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].Start >= s.Start })
	if !ok || si == len(x.sents) || x.sents[si] != s || si >= len(x.sentToks) {
		return tokenize(x.text, a, b), nil
	}
	toks := x.sentToks[si]
	lo := sort.Search(len(toks), func(i int) bool { return toks[i].span.Start >= a })
	hi := sort.Search(len(toks), func(i int) bool { return toks[i].span.Start >= b })
	if hi < lo {
		hi = lo
	}
	var facts []*wordFacts
	if x.scratch != nil && si < len(x.sentFacts) && len(x.sentFacts[si]) == len(toks) {
		facts = x.sentFacts[si][lo:hi:hi]
	}
	return toks[lo:hi:hi], facts
}

// wordsBefore returns tokenize(x.text, s.Start, limit) for s.Start ≤
// limit ≤ s.End, cut from the words annotate found for s when s is one of
// the document's sentences and no word of it runs across limit: the
// words the tokenizer finds before a bound are then the sentence's own
// (it reads no further than one character past a word it ends). The
// subject and speaker rules ask it at every quote and reporting verb,
// where each call tokenized the sentence's opening again. The result is
// not to be written to.
func (x *extractor) wordsBefore(s Span, limit int) []rawToken {
	si := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].Start >= s.Start })
	if si == len(x.sents) || x.sents[si] != s || si >= len(x.sentToks) || limit < s.Start || limit > s.End {
		return tokenize(x.text, s.Start, limit)
	}
	toks := x.sentToks[si]
	k := sort.Search(len(toks), func(i int) bool { return toks[i].span.End > limit })
	if k < len(toks) && toks[k].span.Start < limit {
		return tokenize(x.text, s.Start, limit)
	}
	return toks[:k:k]
}

func isPossessiveGap(text string, a, b int) bool {
	g := strings.TrimSpace(text[a:b])
	return g == "’" || g == "'"
}

// subjectOf guesses the subject of the sentence s: its first name, or its
// opening words up to the first verb of saying.
func (x *extractor) subjectOf(s Span, limit int) string {
	if name := x.subjectName(s, limit); name != "" {
		return name
	}
	toks := x.wordsBefore(s, limit)
	// The words before the first verb-shaped word: "The “Israeli” military
	// released …" gives "The “Israeli” military".
	for k := 1; k < len(toks) && k <= 5; k++ {
		w := toks[k].text
		if isLowerWord(w) && (strings.HasSuffix(w, "ed") || x.isSpeechWord(w)) {
			if !onlySpaceBetween(x.text, toks[k-1].span.End, toks[k].span.Start) && !isQuoteGap(x.text, toks[k-1].span.End, toks[k].span.Start) {
				break
			}
			end := k
			for end > 1 && strings.HasSuffix(toks[end-1].text, "ly") && isLowerWord(toks[end-1].text) {
				end--
			}
			return x.text[toks[0].span.Start:toks[end-1].span.End]
		}
		if !onlySpaceBetween(x.text, toks[k-1].span.End, toks[k].span.Start) && !isQuoteGap(x.text, toks[k-1].span.End, toks[k].span.Start) {
			break
		}
	}
	for k, t := range toks {
		if isCapitalized(t.text) && (k > 0 || !x.lex.Has(LexStopword, strings.ToLower(t.text))) {
			end := k + 1
			for end < len(toks) && isCapitalized(toks[end].text) && onlySpaceBetween(x.text, toks[end-1].span.End, toks[end].span.Start) {
				end++
			}
			return x.text[t.span.Start:toks[end-1].span.End]
		}
	}
	return ""
}

// phraseFrom returns the words at the start of toks up to punctuation, at
// most n words: the speaker after "said".
func phraseFrom(text string, toks []rawToken, n int) string {
	if len(toks) == 0 {
		return ""
	}
	end := 0
	for end < len(toks) && end < n {
		if end > 0 && !onlySpaceBetween(text, toks[end-1].span.End, toks[end].span.Start) && !isPossessiveGap(text, toks[end-1].span.End, toks[end].span.Start) {
			break
		}
		end++
	}
	return text[toks[0].span.Start:toks[end-1].span.End]
}

// clauseWords end a noun phrase when read backwards from a verb.
var clauseWords = map[string]bool{
	"that": true, "which": true, "who": true, "and": true, "but": true, "because": true, "while": true, "as": true,
	"after": true, "before": true, "when": true, "if": true, "although": true, "since": true, "where": true, "whom": true,
	"despite": true, "though": true, "so": true, "or": true, "what": true,
}

// phraseBefore returns the noun phrase that ends the token list: the words
// back to punctuation or a clause word, at most n.
func phraseBefore(text string, toks []rawToken, n int, lex *Lexicon) string {
	s, ok := phraseBeforeSpan(text, toks, nil, n, lex)
	if !ok {
		return ""
	}
	return text[s.Start:s.End]
}

// phraseBeforeSpan is phraseBefore's span. wf holds the tokens' facts
// (of lex) when the caller has them, else nil: a word's clause and stop
// flags are then read from its facts, not from a map by its lower-case
// copy (attribution and reportedVoice ask it of each reporting verb,
// seven words back).
func phraseBeforeSpan(text string, toks []rawToken, wf []*wordFacts, n int, lex *Lexicon) (Span, bool) {
	if len(toks) == 0 {
		return Span{}, false
	}
	clause := func(k int) bool {
		if f := foldedFacts(wf, toks, k); f != nil {
			return f.clause
		}
		return inLowerSet(clauseWords, toks[k].text)
	}
	stop := func(k int) bool {
		if f := foldedFacts(wf, toks, k); f != nil {
			return f.stop
		}
		return lex.hasLower(LexStopword, toks[k].text)
	}
	start := len(toks) - 1
	for k := len(toks) - 1; k >= 0 && len(toks)-k <= n; k-- {
		if clause(k) {
			break
		}
		start = k
		if k > 0 && !onlySpaceBetween(text, toks[k-1].span.End, toks[k].span.Start) && !isPossessiveGap(text, toks[k-1].span.End, toks[k].span.Start) {
			break
		}
	}
	if clause(start) {
		return Span{}, false
	}
	// Adverbs between subject and verb ("Hamas swiftly condemned") are not the speaker.
	end := len(toks)
	for end > start+1 && lowerHasSuffix(toks[end-1].text, "ly") && isLowerWord(toks[end-1].text) {
		end--
	}
	// Drop auxiliaries at the end: "the group has repeatedly".
	for end > start+1 && stop(end-1) && isLowerWord(toks[end-1].text) {
		end--
	}
	// A phrase of function words alone ("it is") names no one.
	content := false
	for k := start; k < end; k++ {
		if !stop(k) || isPronoun(toks[k].text) {
			content = true
		}
	}
	if !content {
		return Span{}, false
	}
	return Span{toks[start].span.Start, toks[end-1].span.End}, true
}

// foldedFacts returns wf[k], the facts of toks[k], when they are the
// facts of strings.ToLower(toks[k].text) too: the spelling is ASCII and
// folds to the form (lowerKey took no apostrophe, possessive or dot
// off). Else, or without wf, nil.
func foldedFacts(wf []*wordFacts, toks []rawToken, k int) *wordFacts {
	if k >= len(wf) {
		return nil
	}
	if f := wf[k]; f != nil && asciiFoldsTo(toks[k].text, f.low) {
		return f
	}
	return nil
}

func isPronoun(w string) bool {
	if len(w) > len("they") && isASCII(w) {
		// Asked of every speaker phrase: a longer ASCII one is no
		// pronoun, and each lowerIs below would read it through again.
		return false
	}
	return lowerIs(w, "he") || lowerIs(w, "she") || lowerIs(w, "they") || lowerIs(w, "we") || lowerIs(w, "i") || lowerIs(w, "it")
}

// isQuoteGap reports a gap of quotation marks and spaces only.
func isQuoteGap(text string, a, b int) bool {
	for _, r := range text[a:b] {
		if !isSpace(r) && !strings.ContainsRune("\"“”‘’«»", r) {
			return false
		}
	}
	return true
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "these": true, "those": true, "such": true, "our": true, "this": true, "that": true}

// nounAfterDeterminer reports whether toks[k] follows a determiner within
// two words ("the “Israeli” assertions"): a noun of saying, not a verb.
func nounAfterDeterminer(text string, toks []rawToken, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if !isQuoteGap(text, toks[j].span.End, toks[j+1].span.Start) {
			return false
		}
		// Two words back only across a quoted word: "the “Israeli”
		// assertions" is a noun, "The minister said" a verb.
		if j == k-2 && onlySpaceBetween(text, toks[j].span.End, toks[j+1].span.Start) && onlySpaceBetween(text, toks[j+1].span.End, toks[k].span.Start) {
			return false
		}
		if determiners[strings.ToLower(toks[j].text)] {
			return true
		}
	}
	return false
}

// noStraightQuote8 reports whether the eight bytes of x (little-endian) are
// ASCII without a straight quote: no quotation mark can start among them.
func noStraightQuote8(x uint64) bool { return straightQuotes8(x) == 0 }

// straightQuotes8 marks with its high bit each byte of x that
// noStraightQuote8 stops at, and may mark bytes after the first such one
// too.
func straightQuotes8(x uint64) uint64 { return (x | eqMask(x, '"')) & swarHighs }
