package extract

import "sync"

// scratch is the working memory of one extraction that nothing in the
// Document refers to: the tokens, forms and facts of every sentence, the
// name mentions, per-token flags. It is taken from a pool when annotate
// starts and given back, cleared, when the extraction ends, so that a
// corpus allocates it once per worker instead of once per document (it
// was a third of the bytes extraction allocated).
type scratch struct {
	toks  []rawToken   // every sentence's tokens, one after the other
	lows  []string     // their lower-case forms
	facts []*wordFacts // their word facts
	// sentToks, sentLows and sentFacts cut the three per sentence;
	// claimFacts holds the facts of each claim made.
	sentToks   [][]rawToken
	sentLows   [][]string
	sentFacts  [][]*wordFacts
	claimFacts [][]*wordFacts
	mentions   []mention // the document's names in text order (coref.go)
	mentionIDs []int32   // indexMentions': the number of each mention's key
	roleWords  []string  // the mentions' roles, which each cuts its own from
	// people is what the document says about each person, by the number
	// of its key (maps.mentionKeys).
	people    []personInfo
	roleIdx   roleIndex // the document's, once a description asks (coref.go)
	ents      []Entity  // annotate's entities of every sentence, before their copy
	nameWords nameWords // entityKey's
	// taken is annotate's per-token flags, reused from claim to claim.
	taken []bool
	// mk is findMarkers' per-token scratch, reused from claim to claim.
	mk struct {
		at  [18][]int32 // by category (catIndex): the tokens where its entries may start
		out []Marker
		// speech holds the start offsets of the claim's matches whose
		// entry introduces speech, and attrs the attribution markers
		// matched, with their tokens: attributionPass reads both.
		speech []int
		attrs  []markerToks
	}
	quoteBuf []Quote // a claim's quotes, gathered by annotate
	// The document's blocks, sentences and quotes (extractor.blks, sents
	// and quotes).
	blockBuf   []Span
	sentBuf    []Span
	quoteInfos []quoteInfo
	dateBuf    []Date        // a claim's dates (findDates)
	numBuf     []Number      // a claim's numbers (findNumbers)
	descBuf    []description // a claim's descriptions (addResolved)
	segBuf     []Span        // a block's sentences (sentences)
	qmarks     []qmark       // a block's quotation marks (findQuotes)
	qpairs     pairBufs      // their pairing's arrays (pairQuotes)
	rep        repeatBufs    // markRepeats'
	count      []rawToken    // countTokens'
	wcache     wordCache     // the words met lately, by spelling
	maps       docMaps
}

// docMaps are maps the extraction of one document fills: kept, emptied,
// from document to document, they do not grow from nothing for each (their
// growth was a tenth of extraction's map writes). Those that grew past
// maxPooledMap entries are dropped instead: emptying a map costs as much
// as its largest size.
type docMaps struct {
	capSeen     map[string]bool       // extractor.capSeen
	mentionKeys map[string]int32      // indexMentions': each key's number
	nameGenders map[string]nameGender // indexMentions': by a mention's text
	twice       map[string]int        // relatives' (mayGiveTwice)
}

const maxPooledMap = 1 << 12

// pooled returns *m emptied (release leaves it empty already: then that
// costs nothing), made when there is none.
func pooled[K comparable, V any](m *map[K]V) map[K]V {
	if *m == nil {
		*m = map[K]V{}
	}
	clear(*m)
	return *m
}

// empty empties *m for the next document, or drops it when it grew large.
func empty[K comparable, V any](m *map[K]V) {
	if len(*m) > maxPooledMap {
		*m = nil
		return
	}
	clear(*m)
}

// clear empties the maps; their keys may point into the document.
func (d *docMaps) clear() {
	empty(&d.capSeen)
	empty(&d.mentionKeys)
	empty(&d.nameGenders)
	empty(&d.twice)
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens bounds the documents whose buffers go back to the pool:
// a million tokens is a document of about 6 MB, longer than any article.
const maxPooledTokens = 1 << 20

// acquire gives the extractor a scratch from the pool, its word cache
// ready for the extractor's lexicon, unless it has one.
func (x *extractor) acquire() {
	if x.scratch != nil {
		return
	}
	x.scratch = scratchPool.Get().(*scratch)
	x.wcache.reset(x.lex, x.lex.generation())
}

// release gives the extractor's scratch back to the pool. Everything in it
// that points into the document is cleared first: a pooled buffer must not
// keep a document's text alive. (The word cache keeps the word table's own
// copies, which it would keep anyway.)
func (x *extractor) release() {
	s := x.scratch
	if s == nil {
		return
	}
	x.scratch, x.sentToks, x.facts = nil, nil, nil
	x.capSeen = nil
	s.maps.clear()
	if cap(s.toks) > maxPooledTokens {
		// A very long document's working memory (56 bytes a token and
		// more) is left to the collector rather than kept in the pool
		// for the rest of the run: the pool is for the sizes of news.
		*s = scratch{wcache: s.wcache}
		scratchPool.Put(s)
		return
	}
	// The document-sized buffers are filled once, to their length; the
	// per-claim ones are cut shorter from claim to claim, so they are
	// cleared to their capacity (a sentence's worth).
	clear(s.toks)
	clear(s.lows)
	clear(s.facts)
	clear(s.sentToks)
	clear(s.sentLows)
	clear(s.sentFacts)
	clear(s.claimFacts)
	clear(s.mentions)
	clear(s.roleWords[:cap(s.roleWords)])
	clear(s.people[:cap(s.people)])
	clear(s.roleIdx.entries[:cap(s.roleIdx.entries)])
	clear(s.roleIdx.runs[:cap(s.roleIdx.runs)])
	clear(s.count[:cap(s.count)])
	clear(s.rep.sets)
	// The per-claim and per-name buffers, cut shorter from call to
	// call, hold strings of the document up to their capacity.
	clear(s.quoteBuf[:cap(s.quoteBuf)])
	clear(s.mk.out[:cap(s.mk.out)])
	clear(s.nameWords.words[:cap(s.nameWords.words)])
	clear(s.quoteInfos[:cap(s.quoteInfos)])
	// The per-claim buffers hold strings of the document.
	clear(s.dateBuf[:cap(s.dateBuf)])
	clear(s.numBuf[:cap(s.numBuf)])
	clear(s.descBuf[:cap(s.descBuf)])
	scratchPool.Put(s)
}
