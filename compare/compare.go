package compare

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/claimdiff/claimdiff/extract"
)

// ReportVersion is the version of the JSON report contract (the schema in
// schema/report.schema.json). It goes up when a field changes meaning:
// version 2 made each side of a difference a list of entries with their
// own spans, where version 1 had one lower-cased string and one span.
const ReportVersion = 2

// DefaultThreshold is the score at which two claims are taken to say the
// same thing. It was calibrated on real cross-outlet sentence pairs (see
// the README, "Accuracy").
const DefaultThreshold = 0.40

// Verdicts of a group.
const (
	VerdictAgree    = "agree"
	VerdictFraming  = "framing"
	VerdictConflict = "conflict"
	VerdictRelated  = "related"
)

// Option configures a comparison. Only this package implements it; build
// options with Threshold, RelatedThreshold, NameMatcher, WithEmbedder,
// SemanticWeight, Lexicon, OmissionModel and PairModel.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

type config struct {
	threshold, related float64
	names              func(a, b string) bool
	embedder           Embedder // embed.go
	semWeight          float64
	vecs               map[string]*semVec // claim text → vector, with an Embedder
	customNames        bool
	lexicon            *extract.Lexicon
	// errs holds the options that were out of range: CompareContext
	// returns them, Compare keeps the defaults instead.
	errs []error
	// ctx is checked inside the long loops so that a cancelled comparison
	// stops promptly.
	ctx context.Context
	// band decides the pairs under the threshold (alignmodel.go); nil is
	// the fitted model. bandSeen, when set, is shown each such pair
	// (for fitting the model).
	band     *alignModel
	bandRule bool // the hand-set rule instead (for measuring the model)
	bandSeen func(a, b *claimFeatures, x [nBand]float64)
	// floorShare, when set, replaces bandFloorShare in floor() (the
	// omission model's partner search, unique_model.go).
	floorShare float64
	// omit decides which unaligned claims are likely carried elsewhere
	// (unique_model.go); nil is the fitted model, omitOff turns it off
	// (for measuring it), omitSeen is shown each claim decided.
	omit     *uniqueModel
	omitOff  bool
	omitCut  float64 // OmissionCut; 0: the model's own
	omitSeen func(c *claimFeatures, x [nUnique]float64)
	// pair decides the pairs compared without context (pairmodel.go);
	// nil is the fitted model, pairOff turns it off, pairSeen is shown
	// the inputs of each pair it decides (for fitting it).
	pair     *logistic
	pairOff  bool
	pairSeen func(a, b *claimFeatures, x [nPair]float64)
	// pairLedes lets the pair model decide a short document against a
	// long one too, as it did before it was measured there (for
	// TestPairModelOnBasilLedes).
	pairLedes bool
	// table numbers the features of the comparison under way
	// (wordtable.go); compareWith takes it and gives it back.
	table *featTable
}

// canceled reports whether the comparison's context is done.
func (c *config) canceled() bool { return c.ctx != nil && c.ctx.Err() != nil }

// ErrOption is wrapped by the errors CompareContext returns for an option
// whose value is out of range.
var ErrOption = errors.New("compare: invalid option")

// ErrNilDocument is wrapped by the error CompareContext returns when a
// document is nil.
var ErrNilDocument = errors.New("compare: nil document")

// ErrEmbedder is wrapped by every error of a comparison whose Embedder
// failed or answered wrongly (see WithEmbedder): the failure is the
// model's, not the documents'.
var ErrEmbedder = errors.New("compare: embedder")

// Threshold sets the score at or above which two claims align (default
// DefaultThreshold). Lower finds more paraphrases and more false matches.
// It must lie in (0, 1]: CompareContext refuses any other value with
// ErrOption, Compare ignores it and keeps the default.
func Threshold(t float64) Option {
	return optionFunc(func(c *config) {
		if err := inUnit("Threshold", t); err != nil {
			c.errs = append(c.errs, err)
			return
		}
		c.threshold = t
	})
}

// inUnit is the error of an option named name whose value v lies outside
// (0, 1] (NaN included), or nil.
func inUnit(name string, v float64) error {
	if math.IsNaN(v) || v <= 0 || v > 1 {
		return fmt.Errorf("%w: %s(%v) is outside (0, 1]", ErrOption, name, v)
	}
	return nil
}

// RelatedThreshold sets the score at or above which two otherwise unaligned
// claims form a "related" group: same topic, not the same claim. Zero turns
// related groups off. The default is 60% of the alignment threshold. It
// must lie in [0, 1]: CompareContext refuses any other value with
// ErrOption, Compare ignores it and keeps the default.
func RelatedThreshold(t float64) Option {
	return optionFunc(func(c *config) {
		if math.IsNaN(t) || t < 0 || t > 1 {
			c.errs = append(c.errs, fmt.Errorf("%w: RelatedThreshold(%v) is outside [0, 1]", ErrOption, t))
			return
		}
		c.related = t
	})
}

// NameMatcher replaces the test that two entity keys name the same person
// or place (default extract.SameName: a small edit distance, or one name's
// words inside the other's). It decides shared names in scores, the keys
// unified across documents, and whether two places differ. A nil f is
// refused by CompareContext and ignored by Compare.
func NameMatcher(f func(a, b string) bool) Option {
	return optionFunc(func(c *config) {
		if f == nil {
			c.errs = append(c.errs, fmt.Errorf("%w: NameMatcher(nil)", ErrOption))
			return
		}
		c.names, c.customNames = f, true
	})
}

// Lexicon names the lexicon the documents were extracted with (default
// extract.DefaultLexicon()), so that the report's run.lexicon hash says
// which word lists made its markers. It changes nothing in the comparison.
func Lexicon(l *extract.Lexicon) Option {
	return optionFunc(func(c *config) { c.lexicon = l })
}

// Report is the comparison of several documents: the contract of the JSON
// output (schema/report.schema.json; docs/report.md explains every field).
// Marshal it with encoding/json.
type Report struct {
	Version int    `json:"version"`
	Event   string `json:"event,omitempty"`
	// Run says what made the report, so that it can be made again.
	Run       Run                 `json:"run"`
	Documents []*extract.Document `json:"documents"`
	Groups    []Group             `json:"groups"`
	// Unique lists the claims no other document carries: claims in no
	// group, or only in a "related" one. Repeats of a grouped claim are
	// not unique.
	Unique []string `json:"unique"`
	// LikelyCarried lists the claims in no aligned group that the
	// omission model (unique_model.go) finds likely carried by another
	// document all the same, told in words too different to align: they
	// are not in Unique. Each comes with its best partner and how much of
	// it the other documents say.
	LikelyCarried []Carried          `json:"likely_carried,omitempty"`
	Outlets       map[string]Profile `json:"outlets"`
}

// Group is a set of claims from several documents that say the same thing
// (or, for verdict "related", the same topic).
type Group struct {
	ID string `json:"id"`
	// Role is "headline" for the group of the documents' headlines (id
	// "h1", listed first), empty for groups of the body's claims.
	Role        string       `json:"role,omitempty"`
	Claims      []string     `json:"claims"`
	Verdict     string       `json:"verdict"`
	Score       float64      `json:"score"`
	Evidence    Evidence     `json:"evidence"`
	Differences []Difference `json:"differences,omitempty"`
}

// Evidence says what made a group's score: the shared words, names,
// numbers and dates of its strongest pair.
type Evidence struct {
	Pair        [2]string `json:"pair"`
	Shared      []string  `json:"shared"`
	Names       []string  `json:"names,omitempty"`
	Numbers     []string  `json:"numbers,omitempty"`
	Dates       []string  `json:"dates,omitempty"`
	Variants    []string  `json:"variants,omitempty"`
	Containment float64   `json:"containment"`
	// With an Embedder (WithEmbedder), the two parts of the pair's score:
	// Lexical from the shared features above, Semantic the cosine of the
	// claims' vectors; nil without one. The score is
	// (1 − w) × Lexical + w × Semantic.
	Lexical  *float64 `json:"lexical,omitempty"`
	Semantic *float64 `json:"semantic,omitempty"`
	// PairModel is, where the group's strongest pair (Pair) is two claims
	// compared without context, the pair model's probability that they
	// say the same thing (pairmodel.go). At the model's cut or above
	// (Run.PairModel) the model aligned them; under it the group is
	// related, or one of its claims is said in two by the other document
	// and aligned with both halves (splitMatch). nil where the model does
	// not apply.
	PairModel *float64 `json:"pair_model,omitempty"`
	// Members says why each claim is in the group.
	Members []Member `json:"members,omitempty"`
}

// Member says why one claim is in a group: the claim it was aligned with
// and that pair's score (or, for a repeat, the claim it repeats), and Mean,
// its mean score with the group's claims from other documents. A claim
// joins a group only when that mean is high enough, so a group is a set of
// claims that say the same thing, not a chain of pairwise matches. A claim
// may be in more than one group (a long claim that tells what two groups
// tell); in a group it holds by no aligned pair of its own, With is the
// claim of another document it scores best with there.
type Member struct {
	Claim string  `json:"claim"`
	With  string  `json:"with,omitempty"`
	Score float64 `json:"score,omitempty"`
	Mean  float64 `json:"mean,omitempty"`
}

// Difference is one way the claims of a group differ. Values holds, by
// claim id, the entries of each document's side: one per marker, number,
// date, place, negation or run of words, each with its span. A side with
// nothing to show is an empty list under its first claim; a side of two
// claims may list entries under both.
type Difference struct {
	Kind    string             `json:"kind"`
	Values  map[string][]Value `json:"values"`
	Explain string             `json:"explain"`
	// Conflicts lists, for a fact difference, the pairs of documents that
	// cannot both be right; in a group of three, two may agree while both
	// conflict with the third.
	Conflicts [][2]string `json:"conflicts,omitempty"`
}

// Value is one entry of one side of a difference, in the source's own
// case, with the span of its evidence. Stance is set for attributions;
// Number (with the noun it counts) for numbers; Date (resolved) for dates.
// For "detail" an entry is a run of words only that side says, so a
// renderer can highlight it in place.
type Value struct {
	Text   string          `json:"text"`
	Span   extract.Span    `json:"span"`
	Stance string          `json:"stance,omitempty"`
	Number *extract.Number `json:"number,omitempty"`
	Date   *extract.Date   `json:"date,omitempty"`
}

// Profile is an outlet's framing profile: how many of its claims others
// share, how many it alone carries, and its markers by kind in its own
// voice, in all and per 100 claims. Attributions count only when their
// stance is distancing, endorsing or loaded (claimed, admitted, slammed),
// not the routine "said" or "confirmed" nor a reported denial.
type Profile struct {
	Outlet string `json:"outlet,omitempty"`
	Claims int    `json:"claims"`
	Shared int    `json:"shared"`
	Unique int    `json:"unique"`
	// Carried counts its claims in Report.LikelyCarried: in no group, but
	// likely carried by another outlet (Claims = Shared + Unique + Carried).
	Carried int                `json:"carried,omitempty"`
	Markers map[string]int     `json:"markers"`
	Per100  map[string]float64 `json:"per_100_claims"`
	// Quoted counts the markers inside direct quotes, by kind.
	Quoted map[string]int `json:"quoted_markers,omitempty"`
	// Reported counts the markers inside indirect speech (voice
	// "reported": "officials said the toll may rise"), by kind, apart from
	// both the outlet's own markers and the quoted ones.
	Reported map[string]int `json:"reported_markers,omitempty"`
}

// Compare aligns the claims of docs and builds the report. The documents
// are copied and renumbered d1, d2, … in the order given; the inputs are not
// changed. One document alone gives a report with its claims, markers and
// profile and no groups; no documents give an empty report. A document
// without a publication date is read again with the date of the others
// (marked as inferred), so that its relative and year-less dates can match
// theirs.
//
// Compare is the convenient form of CompareContext: a nil document is
// skipped (the others are numbered as if it were not there) and an option
// whose value is out of range is ignored, its default kept. Use
// CompareContext to have both reported as errors, or to stop a long
// comparison. With WithEmbedder use CompareContext too: Compare panics if
// the Embedder fails, since it has no error to return and a comparison
// never falls back silently to lexical similarity; without an Embedder
// Compare cannot fail.
func Compare(docs []*extract.Document, opts ...Option) *Report {
	cfg := newConfig(opts)
	cfg.errs = nil
	kept := make([]*extract.Document, 0, len(docs))
	for _, d := range docs {
		if d != nil {
			kept = append(kept, d)
		}
	}
	r, err := compareWith(context.Background(), kept, cfg)
	if err != nil {
		panic("compare: Compare cannot return an error, use CompareContext: " + err.Error())
	}
	return r
}

// CompareContext is Compare with checks, cancellation and an error. It
// returns an error wrapping ErrNilDocument when a document is nil,
// ErrOption when an option's value is out of range, ctx.Err() when ctx is
// done before the report is complete (it checks ctx between claims, so it
// stops promptly even inside a large comparison), and a configured
// Embedder's failure (its error or a malformed answer; the error says
// which texts failed). The report is the one Compare gives.
func CompareContext(ctx context.Context, docs []*extract.Document, opts ...Option) (*Report, error) {
	cfg := newConfig(opts)
	if len(cfg.errs) > 0 {
		return nil, errors.Join(cfg.errs...)
	}
	for i, d := range docs {
		if d == nil {
			return nil, fmt.Errorf("%w: document %d of %d", ErrNilDocument, i+1, len(docs))
		}
	}
	return compareWith(ctx, docs, cfg)
}

func newConfig(opts []Option) *config {
	cfg := &config{threshold: DefaultThreshold, related: -1, names: extract.SameName, semWeight: DefaultSemanticWeight}
	for _, o := range opts {
		if o != nil {
			o.apply(cfg)
		}
	}
	if cfg.related < 0 {
		cfg.related = 0.6 * cfg.threshold
	}
	return cfg
}

// compareWith builds the report of docs, none nil.
func compareWith(ctx context.Context, docs []*extract.Document, cfg *config) (*Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The table and its scratch are this comparison's until it returns;
	// nothing of them is in the report. A comparison that panics (a bug;
	// corpus mode recovers and goes on) leaves its table to the
	// collector: half-way through, its marks may not be cleared.
	cfg.table = acquireTable()
	r, err := compareTable(ctx, docs, cfg)
	cfg.table.release()
	return r, err
}

// compareTable is compareWith with the table taken.
func compareTable(ctx context.Context, docs []*extract.Document, cfg *config) (*Report, error) {
	cfg.ctx = ctx
	r := &Report{Version: ReportVersion, Run: newRun(cfg), Documents: make([]*extract.Document, 0, len(docs)), Outlets: map[string]Profile{}, Groups: []Group{}, Unique: []string{}}
	// The copies of the documents, and of their headlines, are made in
	// one array each.
	docs = inferPublished(docs)
	copies := make([]extract.Document, len(docs))
	heads := 0
	for _, d := range docs {
		if d.Headline != nil {
			heads++
		}
	}
	headCopies := make([]extract.Claim, 0, heads)
	for i, d := range docs {
		c := &copies[i]
		*c = *d
		c.Claims = append(make([]extract.Claim, 0, len(d.Claims)), d.Claims...) // [] in JSON, never null
		if d.Headline != nil {
			// SetID numbers the headline too: the copy's, not the
			// caller's, which another comparison may be reading.
			headCopies = append(headCopies, *d.Headline)
			c.Headline = &headCopies[len(headCopies)-1]
		}
		extract.SetID(c, "d"+strconv.Itoa(i+1))
		r.Documents = append(r.Documents, c)
	}
	r.Run.OmissionModel = omissionRun(cfg, len(r.Documents))
	r.Run.PairModel = pairRun(cfg)
	feats, v := features(r.Documents, cfg)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if cfg.embedder != nil {
		if err := embedClaims(ctx, r.Documents, feats, cfg); err != nil {
			return nil, err
		}
	}
	scored := newScoredPairs(cfg, len(feats))
	edges, related := align(feats, v, cfg, scored)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.Groups = buildGroups(r.Documents, feats, edges, related, cfg)
	if h := headlineGroup(r.Documents, cfg); h != nil {
		r.Groups = append([]Group{*h}, r.Groups...)
	}
	r.profile()
	r.reviewUnique(feats, v, cfg, scored)
	return r, ctx.Err()
}

// features prepares the claims of docs for scoring: names unified across
// the documents, each claim's features, the comparison's vocabulary and
// the rarity of its words. The tests that drive align or the omission
// model's search directly start from it too, so that they read the claims
// as Compare does.
func features(docs []*extract.Document, cfg *config) ([][]*claimFeatures, *vocab) {
	count := cfg.table.keyCounts()
	if cfg.customNames {
		unifyAcross(docs, cfg.names, count)
	} else {
		unifyAcross(docs, nil, count)
	}
	cfg.table.emptyKeyCounts()
	feats := make([][]*claimFeatures, len(docs))
	if len(docs) > 1 {
		// One document has nothing to align: its claims' features would
		// only cost memory (a 30 MB article has 360,000 claims).
		// The documents' lists are carved from one.
		total := 0
		for _, d := range docs {
			total += len(d.Claims)
		}
		all := make([]*claimFeatures, 0, total)
		for i, d := range docs {
			feats[i] = all[len(all) : len(all) : len(all)+len(d.Claims)]
			all = all[:len(all)+len(d.Claims)]
			for j := range d.Claims {
				feats[i] = append(feats[i], prepare(cfg.table, i, j, &d.Claims[j]))
			}
		}
	}
	// With the default matcher no two names of the claims are spelling
	// variants of each other: unifyAcross gave each set of variants one
	// key, and the keys it left apart are keys extract.SameName was asked
	// about and said no to (CanonicalKeysWith asks about every pair of
	// keys not yet merged, and SameName is symmetric), or keys the
	// one-person rule held apart on purpose ("william clinton" when
	// "clinton" went to "hillary clinton"), which must not meet in a score
	// either. So the scores skip the search for variants, and the bounds
	// of candidates lose its slack (TestUnifiedNamesApart checks the
	// premise).
	// A custom matcher is asked as before.
	names := cfg.names
	if !cfg.customNames {
		names = nil
	}
	v := intern(cfg.table, feats, names)
	localRarity(feats, v, &cfg.table.sc)
	lookUpAllKeys(feats) // before scoring on several cores (lazykeys.go)
	return feats, v
}

// unifyAcross gives spelling variants of one name the same key in every
// document, so that "Qaddafi" in one outlet meets "Gaddafi" in another.
// A nil names is the default matcher, extract.SameName, whose
// extract.CanonicalKeys skips the pairs it can rule out cheaply.
//
// count is an empty map to count the keys in (the table's, kept from one
// comparison to the next: a map made for each event grew from nothing),
// or nil.
func unifyAcross(docs []*extract.Document, names func(a, b string) bool, count map[string]int) {
	if count == nil {
		count = map[string]int{}
	}
	for _, d := range docs {
		for _, c := range d.Claims {
			for _, e := range c.Entities {
				count[e.Key]++
			}
		}
	}
	var canon map[string]string
	if names == nil {
		canon = extract.CanonicalKeys(count)
	} else {
		canon = extract.CanonicalKeysWith(count, names)
	}
	if len(canon) == 0 {
		return
	}
	for _, d := range docs {
		for ci := range d.Claims {
			// The entities are shared with the caller's document: a
			// claim whose keys change gets a copy of its own.
			var ents []extract.Entity
			for k, e := range d.Claims[ci].Entities {
				c, ok := canon[e.Key]
				if !ok || c == e.Key {
					continue
				}
				if ents == nil {
					ents = append([]extract.Entity(nil), d.Claims[ci].Entities...)
				}
				ents[k].Key = c
			}
			if ents != nil {
				d.Claims[ci].Entities = ents
			}
		}
	}
}

// edge is an aligned pair of claims.
type edge struct {
	a, b *claimFeatures
	s    pairScore
}

// align finds, for every pair of documents, the claim pairs that say the
// same thing. Pairs are taken greedily from the best score down; a claim
// takes one partner in each other document, or two when both are largely
// contained in it (a long sentence that another outlet split in two).
// Repeats (a teaser printed again) join their original's group later and
// are not aligned themselves.
//
// The aligned pairs come back as runs, one per worker, each sorted in
// edgeOrder: cohesive merges them, so their order across runs does not
// matter. The related pairs come back in the order of the pairs of
// documents. The candidates of each pair of documents are kept in scored
// (when not nil) for the omission model.
func align(feats [][]*claimFeatures, v *vocab, cfg *config, scored *scoredPairs) (edges [][]edge, related []edge) {
	n := len(feats) * (len(feats) - 1) / 2
	results := make([][]edge, max(n, 0))
	// claimsOf marks the features each document holding them holds in
	// one claim only, for the band model's exclusive_shared input.
	var claimsOf []bool
	if cfg.embedder == nil && !cfg.bandRule {
		claimsOf = onceEachDocument(feats, v)
	}
	scorers := eachDocPair(feats, v, cfg, func(k int, p docPair, cands []cand, sc *pairScorer) {
		if cfg.canceled() {
			return
		}
		scored.keep(p.i, p.j, cands)
		// partners of the claims of p.i, then of p.j: at most two each.
		m := len(feats[p.i]) + len(feats[p.j])
		sc.partners = slices.Grow(sc.partners[:0], m)[:m]
		sc.backing = slices.Grow(sc.backing[:0], 2*m)[:2*m]
		sc.best = slices.Grow(sc.best[:0], m)[:m]
		for x := range sc.partners {
			sc.partners[x] = sc.backing[2*x : 2*x : 2*x+2]
			sc.best[x] = 0
		}
		at := func(c *claimFeatures) int {
			if c.doc == p.i {
				return c.idx
			}
			return len(feats[p.i]) + c.idx
		}
		of := func(c *claimFeatures) *[]*claimFeatures { return &sc.partners[at(c)] }
		// link pairs two claims and returns the edge, without its
		// evidence lists: only a group's strongest pair shows them
		// (withEvidence), and a large event links hundreds of thousands.
		link := func(e cand) edge {
			pa, pb := of(e.a), of(e.b)
			*pa = append(*pa, e.b)
			*pb = append(*pb, e.a)
			if e.a.sem == nil || e.b.sem == nil {
				// Without meaning the score is the lexical one
				// candidates found (the evidence lists aside).
				return edge{e.a, e.b, pairScore{Value: e.value, Containment: e.containment, facts: e.facts}}
			}
			return edge{e.a, e.b, v.score(e.a, e.b, &sc.names, false)}
		}
		context := len(feats[p.i]) >= mutualContext && len(feats[p.j]) >= mutualContext
		isolated := cfg.isolated(feats, p.i, p.j)
		sc.second = slices.Grow(sc.second[:0], m)[:m]
		clear(sc.second)
		secondBest := sc.second
		// The band model reads the best and second-best scores among the
		// pairs from its floor, as it was fitted: a related threshold
		// under that floor widens the candidates, and their lower scores
		// would otherwise become second bests.
		bandFloor := bandFloorShare * cfg.threshold
		for _, e := range cands {
			if e.value < bandFloor {
				break // best first
			}
			for _, c := range [2]*claimFeatures{e.a, e.b} {
				k := at(c)
				if e.value >= sc.best[k] {
					secondBest[k], sc.best[k] = sc.best[k], e.value
				} else if e.value > secondBest[k] {
					secondBest[k] = e.value
				}
			}
		}
		var rel []edge
		weak := sc.weak[:0]
		// held are the pairs without context at the threshold that the
		// pair model refused as one sentence against another.
		var held []cand
		anchored := false
		for _, e := range cands {
			pa, pb := *of(e.a), *of(e.b)
			// Under the threshold, within articles: the band model decides,
			// from its floor (bandFloorShare), where it was fitted; a
			// related threshold under it widens the candidates (floor),
			// not the pairs the model may align.
			var band, second bool
			if context && e.value < cfg.threshold && e.value >= bandFloor {
				if !anchored {
					// Every pair at the threshold or above came first: what
					// they aligned is the context the band pairs are read in.
					sc.anchors = slices.Grow(sc.anchors[:0], m)[:m]
					for x := range sc.partners {
						sc.anchors[x] = int32(len(sc.partners[x]))
					}
					anchored = true
				}
				// A pair that shares no fact (names or years alone) is
				// refused by the model and the rule alike, before they
				// read its other inputs: those are not worked out. Nor
				// are they for a pair the answers cannot link (mayLink),
				// unless a fit watches every pair the model is shown.
				if e.facts > 0 && (cfg.bandSeen != nil || mayLink(pa, pb, of)) {
					excl, exclFacts := exclusiveShared(e.a, e.b, claimsOf)
					band, second = cfg.bandAligns(e, bandPair{
						value: e.value, containment: e.containment, facts: e.facts,
						totalA: e.a.total, totalB: e.b.total,
						bestA: sc.best[at(e.a)], bestB: sc.best[at(e.b)], secondA: secondBest[at(e.a)], secondB: secondBest[at(e.b)],
						posA: e.a.idx, posB: e.b.idx, nA: len(feats[e.a.doc]), nB: len(feats[e.b.doc]),
						neighbour: anchoredNear(e, feats[e.a.doc], sc.partners, sc.anchors, at),
						exclusive: excl, exclusiveFacts: exclFacts,
					}, &sc.runs)
				}
			}
			// Two claims without context have no neighbours or runner-up
			// for the band model to read, and the score alone takes a
			// sentence that adds a clause of new facts for the same
			// claim: the pair model decides, above the threshold too.
			accept := e.value >= cfg.threshold || band
			if isolated && len(pa) == 0 && len(pb) == 0 {
				accept = cfg.pairAligns(e)
				if !accept && e.value >= cfg.threshold {
					held = append(held, e)
				}
			}
			// mayLink copies the partner conditions of the first three
			// cases: change them together.
			switch {
			case accept && len(pa) == 0 && len(pb) == 0:
				sc.keep(link(e))
			case len(pb) == 0 && len(pa) == 1 && len(*of(pa[0])) == 1 && splitMatch(e.a, e.b, pa[0], e.value, e.containment, second, v, sc, cfg):
				// e.a already matched one short claim; e.b is its second half.
				sc.keep(link(e))
			case len(pa) == 0 && len(pb) == 1 && len(*of(pb[0])) == 1 && splitMatch(e.b, e.a, pb[0], e.value, e.containment, second, v, sc, cfg):
				sc.keep(link(e))
			case e.value < cfg.threshold || isolated && !accept:
				weak = append(weak, e)
			}
		}
		// The pair model reads one sentence against one: a claim that the
		// other document says in two sentences ("A, and B" / "A." "B.")
		// adds a clause to each, and the model refuses both halves. Such a
		// claim still aligns with both, as within articles (splitMatch):
		// each claim is tried once as the one said in two, with its best
		// refused pair as the first half and the best other claim of that
		// document that splitMatch takes as the second. Two documents of
		// fewer than mutualContext claims have at most four candidates, so
		// a claim's are found by scanning them all.
		var tried map[*claimFeatures]bool
		for _, e := range held {
			for _, long := range [2]*claimFeatures{e.a, e.b} {
				first := e.b
				if long == e.b {
					first = e.a
				}
				if len(*of(long)) != 0 || len(*of(first)) != 0 || tried[long] {
					continue
				}
				if tried == nil {
					tried = map[*claimFeatures]bool{}
				}
				tried[long] = true
				for _, e2 := range cands {
					short := e2.b
					switch long {
					case e2.a:
					case e2.b:
						short = e2.a
					default:
						continue
					}
					if short != first && len(*of(short)) == 0 && splitMatch(long, short, first, e2.value, e2.containment, false, v, sc, cfg) {
						sc.keep(link(e))
						sc.keep(link(e2))
						break
					}
				}
			}
		}
		for _, e := range weak {
			if len(*of(e.a)) == 0 && len(*of(e.b)) == 0 && cfg.related > 0 && e.value >= cfg.related {
				rel = append(rel, link(e))
			}
		}
		sc.weak = weak
		results[k] = rel
	})
	if cfg.canceled() {
		return nil, nil
	}
	nr := 0
	for _, r := range results {
		nr += len(r)
	}
	related = make([]edge, 0, nr)
	for _, r := range results {
		related = append(related, r...)
	}
	// Each worker's run is put together and sorted on a core of its own.
	scorers = slices.DeleteFunc(scorers, func(sc *pairScorer) bool { return len(sc.edges) == 0 })
	edges = make([][]edge, len(scorers))
	each(len(scorers), large(feats), func(i int) {
		edges[i] = scorers[i].run()
		slices.SortFunc(edges[i], edgeOrder)
	})
	return edges, related
}

// withEvidence returns e with its evidence lists, which alignment leaves
// out (see link in align): the claims are scored again, which gives the
// same value.
func (e edge) withEvidence() edge {
	if e.a.v != nil && e.a.v == e.b.v {
		e.s = e.a.v.score(e.a, e.b, nil, true)
	}
	return e
}

// mayLink reports whether align may link a pair under the threshold
// whose claims have the partners pa and pb: as a first partner, when
// neither has one, or as a second half (splitMatch), when one has none
// and the other has one that has no other. Elsewhere the band model's
// answers (first and second partner) are not read: the pair is weak
// either way.
func mayLink(pa, pb []*claimFeatures, of func(*claimFeatures) *[]*claimFeatures) bool {
	switch {
	case len(pa) == 0 && len(pb) == 0:
		return true
	case len(pb) == 0 && len(pa) == 1:
		return len(*of(pa[0])) == 1
	case len(pa) == 0 && len(pb) == 1:
		return len(*of(pb[0])) == 1
	}
	return false
}

// Within articles, a pair under the threshold may still align: the rest
// of the articles is evidence for or against it, as in monolingual
// sentence alignment. The fitted band model decides (alignmodel.go); it
// needs mutualContext claims on each side, so two lone sentences (a
// paraphrase corpus) meet the plain threshold. With an Embedder the
// hand-set rule the model replaced still holds: two claims that are each
// other's best match align from mutualShare of the threshold (on the 6
// shared BASIL development events this raised pair recall from 0.30 to
// 0.49 at threshold 0.40; README, "Accuracy").
const (
	mutualShare   = 0.625
	mutualContext = 3
)

// splitMatch reports whether short, a second partner of long (which already
// matched first), carries another part of long: it aligns with long on its
// own, or is shorter and mostly contained in it, or the band model takes
// it for a second partner (model); and it is not a restatement of first.
// A sentence that carries two claims ("A's son died of X, while B's son
// was killed in Y") then meets both of another outlet's sentences,
// whichever came first.
func splitMatch(long, short, first *claimFeatures, value, containment float64, model bool, v *vocab, sc *pairScorer, cfg *config) bool {
	part := value >= cfg.threshold || containment >= 0.6 && long.total > short.total || model
	return part && v.score(short, first, &sc.names, false).Value < cfg.threshold
}

// sharesFacts reports whether a pair shares more than names: at least two
// content words, numbers or dates. Names alone say that two claims are
// about the same people ("…," Bloomberg said / "…," Bloomberg said), not
// that they say the same thing, so a mutual best match needs more. On the
// 14 BASIL development events this raised pair precision from 0.56 to 0.65
// at the cost of 2 points of recall.
// facts counts the shared content words, numbers and dates of the pair.
func sharesFacts(facts int) bool { return facts >= 2 }
