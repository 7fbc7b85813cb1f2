package compare

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/claimdiff/claimdiff/extract"
)

// A claim that aligns with nothing is not thereby omitted by the other
// outlets: they may tell it in other words, fold it into a longer
// sentence, or summarise it. Whether an unaligned claim is really carried
// by no one else is decided by a second small logistic model (the omission
// model) over what the whole comparison says about the claim beyond its
// best pair: its best and second-best scores with the other documents'
// claims, how much of its weight (and how many of its names, numbers and
// dates) the other documents carry anywhere, whether the claims around it
// in its own article are aligned (a story shared runs in blocks), where it
// stands, how much of it is quoted speech, its length and its document's
// size against the others'. A claim the model finds likely carried is not
// listed in Report.Unique but in Report.LikelyCarried, with its best
// partner and coverage, so that a reader still sees it and why. Its
// coefficients are data (unique_model.json), fitted by TestFitUniqueModel
// on the BASIL development alignment gold; the file says how and with
// what held-out figures. It was fitted on events of three outlets at the
// default threshold, without an Embedder, and is applied only so (see
// omissionGate): elsewhere its inputs are not those it learnt from.
//
//go:embed unique_model.json
var uniqueModelJSON []byte

// uniqueModel is a logistic model over uniqueFeatures: an unaligned claim
// is likely carried when the model's probability reaches Cut. Threshold
// is the alignment threshold it was fitted at, the only one it applies at.
type uniqueModel struct {
	logistic
	// Threshold is the alignment threshold the model was fitted at; it
	// runs at no other.
	Threshold float64 `json:"threshold"`
}

// uniqueFeatureNames are the omission model's inputs, in order; the data
// file must list the same.
var uniqueFeatureNames = []string{
	"best", "second", "docs_near", "coverage_best", "coverage_any",
	"facts_missing", "facts_found", "neighbours_aligned", "position",
	"quoted", "log_weight", "doc_size", "related",
	"coverage_window", "position_gap", "anchored", "exclusive_window",
}

// nUnique is the number of the omission model's inputs.
const nUnique = 17

var defaultUniqueModel = mustUniqueModel(uniqueModelJSON)

func mustUniqueModel(b []byte) *uniqueModel {
	m, err := parseUniqueModel(b)
	if err != nil {
		panic("compare: unique_model.json: " + err.Error())
	}
	return m
}

func parseUniqueModel(b []byte) (*uniqueModel, error) {
	var m uniqueModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return &m, nil
}

// check refuses a model that does not fit the code (logistic.check), or
// fitted at a threshold no comparison can have.
func (m *uniqueModel) check() error {
	if err := m.logistic.check(uniqueFeatureNames); err != nil {
		return err
	}
	if !(m.Threshold > 0 && m.Threshold <= 1) {
		return fmt.Errorf("threshold %v is outside (0, 1]", m.Threshold)
	}
	return nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// uniqueModelHash names the embedded model in a report's run as the
// lexicon is named there: "sha256:" and the hex SHA-256 of
// unique_model.json.
var uniqueModelHash = func() string {
	h := sha256.Sum256(uniqueModelJSON)
	return "sha256:" + hex.EncodeToString(h[:])
}()

// Reasons the omission model is off, as OmissionRun.Off gives them.
const (
	OmissionOffOption    = "option"    // OmissionModel(false)
	OmissionOffEmbedder  = "embedder"  // a comparison with an Embedder
	OmissionOffThreshold = "threshold" // a threshold other than the one it was fitted at
	OmissionOffDocuments = "documents" // fewer than 2 or more than maxOmissionDocs documents
)

// maxOmissionDocs is the most documents the omission model decides for: it
// was fitted on events of three outlets, and on many documents from
// unrelated events (50 BASIL articles of 50 events) it moved 123 claims
// that no other document carries.
const maxOmissionDocs = 4

// OmissionRun records whether the omission model decided which unaligned
// claims are unique (Report.Unique) and which likely carried
// (Report.LikelyCarried). Off is one of the OmissionOff constants; then
// every unaligned claim is unique.
type OmissionRun = ModelRun

// OmissionModel turns the omission model on (the default) or off. Off,
// every claim in no aligned group is listed in Report.Unique and none in
// Report.LikelyCarried, as before the model; the report's run says which.
func OmissionModel(on bool) Option {
	return optionFunc(func(c *config) { c.omitOff = !on })
}

// OmissionCut sets the omission model's probability from which an
// unaligned claim is likely carried rather than unique (default: the cut
// stored with the model, which the report's run gives). A lower cut moves
// more claims to Report.LikelyCarried: the omissions left are more often
// right and fewer of the true ones are listed. Held out on the 22 fitted
// BASIL development events (one event left out at a time, both models
// refitted), unique precision and recall are 0.725 / 0.768 at 0.45, 0.716
// / 0.798 at 0.50, 0.707 / 0.830 at 0.55, 0.690 / 0.855 at 0.60, 0.679 /
// 0.880 at 0.65 (the stored cut) and 0.663 / 0.893 at 0.70 (README,
// "Accuracy"). It must lie in (0, 1]: CompareContext
// refuses any other value with ErrOption, Compare ignores it.
func OmissionCut(p float64) Option {
	return optionFunc(func(c *config) {
		if err := inUnit("OmissionCut", p); err != nil {
			c.errs = append(c.errs, err)
			return
		}
		c.omitCut = p
	})
}

// omissionCut is the cut the omission model m decides at under cfg.
func (cfg *config) omissionCut(m *uniqueModel) float64 {
	if cfg.omitCut > 0 {
		return cfg.omitCut
	}
	return m.Cut
}

// omissionGate says why the omission model does not apply to a
// comparison of n documents under cfg, or "" when it does: it applies
// only as it was fitted.
func omissionGate(cfg *config, n int) string {
	m := cfg.omit
	if m == nil {
		m = defaultUniqueModel
	}
	switch {
	case cfg.omitOff:
		return OmissionOffOption
	case cfg.embedder != nil:
		return OmissionOffEmbedder
	case math.Abs(cfg.threshold-m.Threshold) > 1e-9:
		return OmissionOffThreshold
	case n < 2 || n > maxOmissionDocs:
		return OmissionOffDocuments
	}
	return ""
}

// omissionRun is the run's record of the omission model for a comparison
// of n documents.
func omissionRun(cfg *config, n int) *OmissionRun {
	if off := omissionGate(cfg, n); off != "" {
		return &OmissionRun{Off: off}
	}
	if cfg.omit != nil {
		return &OmissionRun{Cut: cfg.omissionCut(cfg.omit), Fitted: "custom"}
	}
	return &OmissionRun{Cut: cfg.omissionCut(defaultUniqueModel), Fitted: uniqueModelHash}
}

// Carried is a claim in no aligned group that the omission model finds
// likely carried by another document all the same (see
// Report.LikelyCarried): the evidence a reader needs to check it.
type Carried struct {
	// Claim is the claim's id.
	Claim string `json:"claim"`
	// Probability is the omission model's probability that another
	// document carries the claim, rounded to 3 decimals.
	Probability float64 `json:"probability"`
	// Best is the other documents' claim that scores highest with it, and
	// Score that score: at least half the alignment threshold (a claim
	// with no partner that near is never likely carried); it may reach the
	// threshold when the partner aligned with a claim it matches better.
	Best  string  `json:"best"`
	Score float64 `json:"score"`
	// Coverage is the share of the claim's weight (its words by rarity,
	// its names, numbers and dates) that the document covering most of
	// it says anywhere, and Document that document's id.
	Coverage float64 `json:"coverage"`
	Document string  `json:"document,omitempty"`
}

// explain says in a phrase why the claim is likely carried: "p 0.72;
// nearest d2.c5 (score 0.31); 64% of it in d2".
func (k Carried) explain() string {
	s := fmt.Sprintf("p %.2f; nearest %s (score %.2f)", k.Probability, k.Best, k.Score)
	if k.Document != "" {
		s += fmt.Sprintf("; %.0f%% of it in %s", 100*k.Coverage, k.Document)
	}
	return s
}

// encCarried writes an entry of LikelyCarried as encoding/json would
// (json_encode.go).
func encCarried(e *jsonEnc, k *Carried) {
	e.b = append(e.b, '{')
	e.key(`"claim":`)
	e.str(k.Claim)
	e.key(`"probability":`)
	e.float(k.Probability)
	e.key(`"best":`)
	e.str(k.Best)
	e.key(`"score":`)
	e.float(k.Score)
	e.key(`"coverage":`)
	e.float(k.Coverage)
	e.optStr(`"document":`, k.Document)
	e.b = append(e.b, '}')
}

// uniqueFloorShare is the share of the threshold from which another
// document's claim counts as a partner of an unaligned claim (its best and
// second-best scores); under it a claim has none (score 0). It was the band
// model's floor (bandFloorShare) when chosen: a partner is a pair the band
// model could have been asked about. A quarter of the threshold gave the
// same held-out figures (unique P 0.686 at R 0.877 against 0.694 at
// 0.875) and scores more pairs. The partner search keeps this floor
// (config.floorShare) now that the band model's is 0.4: searching from 0.4
// of the threshold, left one event out gave unique P 0.663 at R 0.884
// against 0.678 at 0.881, and scores more pairs.
const uniqueFloorShare = 0.5

// anchorReach is how many claims apart a neighbour and a partner may
// stand for the neighbour's alignment to anchor the claim's.
const anchorReach = 2

// maxFacts caps the counts of names, numbers and dates the model reads:
// beyond three, one more says nothing new.
const maxFacts = 3

// unalignedClaim is what the omission model reads of one unaligned claim.
type unalignedClaim struct {
	cf           *claimFeatures
	best, second float64
	bestWith     *claimFeatures
	near         []bool           // per document: a partner from half the threshold
	bestIn       []*claimFeatures // per document: its best partner there
	bestInValue  []float64
	covWindow    float64 // the most of it a best partner and its two neighbours say
	// exclWindow is the most of it, over the other documents, in
	// features that one other claim of the comparison alone also holds,
	// that claim a best partner or one of its two neighbours.
	exclWindow          float64
	covBest, covAny     float64
	covDoc              int
	factsMiss, factsHit int
	related             bool
}

// reviewUnique applies the omission model to the claims profile listed as
// unique: those it finds likely carried move from Unique to LikelyCarried
// (and from each outlet's Unique count to its Carried count). A repeat of
// a claim follows the claim. It applies only as it was fitted
// (omissionGate), needs what the band model needs, claims around the
// claim on both sides (mutualContext), and moves only a claim with a
// partner in another document from half the threshold: without one there
// is no evidence to show a reader, and documents that share nothing would
// lose unique claims to coverage by common words alone.
func (r *Report) reviewUnique(feats [][]*claimFeatures, v *vocab, cfg *config, scored *scoredPairs) {
	if omissionGate(cfg, len(feats)) != "" || len(r.Unique) == 0 || v == nil {
		return
	}
	m := cfg.omit
	if m == nil {
		m = defaultUniqueModel
	}
	// What reviewUnique keeps per claim is in lists by claimSlots, not
	// in maps by claim id or claim: made for each event, the maps were a
	// quarter of the model's time in corpus mode.
	slots := newClaimSlots(feats)
	unique := make([]bool, slots.len())
	for _, id := range r.Unique {
		if cf := featOf(feats, id); cf != nil {
			unique[slots.of(cf)] = true
		}
	}
	related := make([]bool, slots.len())
	for _, g := range r.Groups {
		if g.Verdict == VerdictRelated {
			for _, id := range g.Claims {
				if cf := featOf(feats, id); cf != nil {
					related[slots.of(cf)] = true
				}
			}
		}
	}
	// The claims to decide, by document: unique ones that are not
	// repeats, in documents with context and with another document that
	// has it.
	withContext := 0
	for _, d := range feats {
		if len(d) >= mutualContext {
			withContext++
		}
	}
	if withContext < 2 {
		return
	}
	todo := make([][]*claimFeatures, len(feats))
	at := make([]*unalignedClaim, slots.len())
	// The claims to decide, their lists per document and the lists of
	// them, in one array each: Unique holds them all, and more.
	nd := len(feats)
	us := make([]unalignedClaim, 0, len(r.Unique))
	all := make([]*unalignedClaim, 0, len(r.Unique))
	todos := make([]*claimFeatures, 0, len(r.Unique))
	nears, bestIns, bestValues := make([]bool, nd*len(r.Unique)), make([]*claimFeatures, nd*len(r.Unique)), make([]float64, nd*len(r.Unique))
	for i, d := range feats {
		if len(d) < mutualContext {
			continue
		}
		start := len(todos)
		for _, cf := range d {
			if cf.claim.RepeatOf != "" || !unique[slots.of(cf)] {
				continue
			}
			k := len(us)
			lo, hi := k*nd, (k+1)*nd
			us = append(us, unalignedClaim{cf: cf, covDoc: -1, near: nears[lo:hi:hi], bestIn: bestIns[lo:hi:hi], bestInValue: bestValues[lo:hi:hi], related: related[slots.of(cf)]})
			u := &us[k]
			todos = append(todos, cf)
			all = append(all, u)
			at[slots.of(cf)] = u
		}
		todo[i] = todos[start:len(todos):len(todos)]
	}
	if len(all) == 0 {
		return
	}
	r.partners(todo, feats, v, cfg, slots, at, scored)
	if cfg.omitSeen == nil {
		// The model decides only a claim with a partner from
		// uniqueFloorShare of the threshold (decided): the inputs of the
		// others are not worked out, unless a fit is shown them all.
		all = slices.DeleteFunc(all, func(u *unalignedClaim) bool { return !u.decided(cfg) })
		if len(all) == 0 {
			return
		}
	}
	coverage(all, feats, v)
	groups := newAlignedGroups(r.Groups, feats, slots)
	cut := cfg.omissionCut(m)
	carried := map[string]Carried{}
	for _, u := range all {
		x := u.features(feats, &groups, slots, unique)
		if cfg.omitSeen != nil {
			cfg.omitSeen(u.cf, x)
		}
		if !u.decided(cfg) {
			continue
		}
		p := m.prob(x[:])
		if !(p >= cut) {
			continue
		}
		c := Carried{Claim: u.cf.claim.ID, Probability: round3(p), Coverage: round3(u.covBest),
			Best: u.bestWith.claim.ID, Score: round3(u.best)}
		if u.covDoc >= 0 {
			c.Document = r.Documents[u.covDoc].ID
		}
		carried[c.Claim] = c
	}
	if len(carried) == 0 {
		return
	}
	kept := r.Unique[:0]
	for _, id := range r.Unique {
		c := r.Claim(id)
		orig := id
		if c != nil && c.RepeatOf != "" {
			orig = c.RepeatOf
		}
		if e, ok := carried[orig]; ok {
			e.Claim = id
			r.LikelyCarried = append(r.LikelyCarried, e)
			if d := docOf(id); d != "" {
				p := r.Outlets[d]
				p.Unique--
				p.Carried++
				r.Outlets[d] = p
			}
			continue
		}
		kept = append(kept, id)
	}
	r.Unique = kept
}

// alignedGroups holds the aligned groups' claims, and the groups of each
// grouped claim (a list per group, not per pair of members: an event of
// hundreds of outlets has groups of hundreds of claims; a claim that
// tells what two groups tell is in both, split.go). Each is one array:
// the members of all groups, and the groups of all claims, the groups of
// slot s at of[start[s]:start[s+1]], in the groups' order.
type alignedGroups struct {
	members [][]*claimFeatures
	start   []int32
	of      []int32
}

func newAlignedGroups(gs []Group, feats [][]*claimFeatures, slots claimSlots) alignedGroups {
	aligned := func(g *Group) bool { return g.Verdict != VerdictRelated && g.Role == "" }
	n, ng := 0, 0
	for i := range gs {
		if aligned(&gs[i]) {
			n += len(gs[i].Claims)
			ng++
		}
	}
	all := make([]*claimFeatures, 0, n)
	x := alignedGroups{members: make([][]*claimFeatures, 0, ng), start: make([]int32, slots.len()+1)}
	// start counts each slot's groups, then is summed to where each
	// slot's list ends; the lists are filled from their ends, last group
	// first, which leaves start at where each begins.
	for i := range gs {
		if !aligned(&gs[i]) {
			continue
		}
		first := len(all)
		for _, id := range gs[i].Claims {
			if cf := featOf(feats, id); cf != nil {
				all = append(all, cf)
				x.start[slots.of(cf)]++
			}
		}
		x.members = append(x.members, all[first:len(all):len(all)])
	}
	for s := 1; s < len(x.start); s++ {
		x.start[s] += x.start[s-1]
	}
	x.of = make([]int32, len(all))
	for g := len(x.members) - 1; g >= 0; g-- {
		ms := x.members[g]
		for k := len(ms) - 1; k >= 0; k-- {
			s := slots.of(ms[k])
			x.start[s]--
			x.of[x.start[s]] = int32(g)
		}
	}
	return x
}

// groupsOf returns the groups that hold the claim in slot s.
func (x *alignedGroups) groupsOf(s int) []int32 { return x.of[x.start[s]:x.start[s+1]] }

// claimSlots gives each claim of a comparison a position in one list
// (slots.of), so that what is kept per claim is a slice, not a map: per
// document, the position of its first claim, then the number of claims.
type claimSlots []int

func newClaimSlots(feats [][]*claimFeatures) claimSlots {
	s := make(claimSlots, len(feats)+1)
	for d, doc := range feats {
		s[d+1] = s[d] + len(doc)
	}
	return s
}

func (s claimSlots) of(cf *claimFeatures) int { return s[cf.doc] + cf.idx }

func (s claimSlots) len() int { return s[len(s)-1] }

// featOf returns the prepared claim with the given id, or nil: the id
// says where it is ("d2.c5" the fifth claim of the second document, as
// Compare numbers them), and the claims are searched only when it does
// not.
func featOf(feats [][]*claimFeatures, id string) *claimFeatures {
	doc := docOf(id)
	if n, ok := idNumber(doc, "d"); ok && n <= len(feats) {
		if m, ok := idNumber(id[len(doc):], ".c"); ok && m <= len(feats[n-1]) && feats[n-1][m-1].claim.ID == id {
			return feats[n-1][m-1]
		}
	}
	for _, d := range feats {
		for _, cf := range d {
			if cf.claim.ID == id {
				return cf
			}
		}
	}
	return nil
}

// partnerSearch is the configuration of the omission model's partner
// search: candidates from uniqueFloorShare of the threshold, which is
// above the band model's floor (bandFloorShare), so that alignment's kept
// candidates (scored.go) hold every pair the search would find.
func (cfg *config) partnerSearch() config {
	low := *cfg
	low.related, low.floorShare = uniqueFloorShare*cfg.threshold, uniqueFloorShare
	return low
}

// partners finds, for each claim to decide, its best and second-best
// scores with the other documents' claims (from uniqueFloorShare of the
// threshold), found through the candidate index as alignment finds its
// pairs; those alignment scored already come from scored (scored.go). The
// documents are indexed one at a time, on several cores when the
// comparison is large; results are merged in document order, so they do
// not depend on the workers. The documents come last first, as alignment
// indexed them: its scorer still holds the index of the one it ended on,
// which the search may need first.
func (r *Report) partners(todo, feats [][]*claimFeatures, v *vocab, cfg *config, slots claimSlots, at []*unalignedClaim, scored *scoredPairs) {
	low := cfg.partnerSearch()
	floor := low.floor()
	found := make([][]hit, len(feats))
	eachWith(len(feats), large(feats), scorerAfterAlign(cfg.table, v), func(s *pairScorer, k int) {
		j := len(feats) - 1 - k
		if len(feats[j]) == 0 {
			return
		}
		indexed := false
		for i := range feats {
			if i == j || len(todo[i]) == 0 || cfg.canceled() {
				continue
			}
			if hs, ok := scored.of(i, j); ok {
				// Alignment's floor is at most this one: the pairs under
				// it are the ones a search at it would not return. The
				// list grows once, for all of them, not hit by hit.
				found[j] = slices.Grow(found[j], len(hs))
				for _, h := range hs {
					if h.value >= floor && at[slots.of(h.a)] != nil {
						found[j] = append(found[j], h)
					}
				}
				continue
			}
			if !indexed {
				s.index(feats[j])
				indexed = true
			}
			cs := s.candidates(todo[i], feats[j], &low)
			found[j] = slices.Grow(found[j], len(cs))
			for _, c := range cs {
				found[j] = append(found[j], hit{c.a, c.b, c.value})
			}
		}
	})
	half := 0.5 * cfg.threshold
	for j := range found {
		for _, h := range found[j] {
			u := at[slots.of(h.a)]
			if h.value >= half {
				u.near[j] = true
			}
			if h.value > u.bestInValue[j] {
				u.bestIn[j], u.bestInValue[j] = h.b, h.value
			}
			switch {
			case h.value > u.best:
				u.second, u.best, u.bestWith = u.best, h.value, h.b
			case h.value > u.second:
				u.second = h.value
			}
		}
	}
}

// coverage sets, for each claim to decide, the share of its weight that
// each other document says anywhere (the best of them, and all of them
// together), and how many of its names, numbers and dates no other
// document says or some other document does.
func coverage(all []*unalignedClaim, feats [][]*claimFeatures, v *vocab) {
	// The documents that hold each feature, as a set of bits: the model
	// decides for at most maxOmissionDocs documents (a list per feature
	// was most of this function's time).
	docsOf := make([]docSet, len(v.keys))
	// claimsOf counts the claims that hold each feature (up to
	// exclusiveClaims+1: more says nothing more).
	claimsOf := make([]uint8, len(v.keys))
	for j, d := range feats {
		for _, cf := range d {
			for _, id := range cf.ids {
				docsOf[id] |= 1 << j
				if claimsOf[id] <= exclusiveClaims {
					claimsOf[id]++
				}
			}
		}
	}
	per := make([]float64, len(feats))
	marks := windowMarks{of: make([]uint32, len(v.keys))}
	for _, u := range all {
		cf := u.cf
		clear(per)
		any := 0.0
		for k, id := range cf.ids {
			w := cf.weights[k]
			others := docsOf[id] &^ (1 << cf.doc)
			elsewhere := others != 0
			for ; others != 0; others &= others - 1 {
				per[bits.TrailingZeros8(uint8(others))] += w
			}
			if elsewhere {
				any += w
			}
			if kind := v.keys[id].kind; kind == kindEntity || kind == kindNumber || kind == kindDate {
				if elsewhere {
					u.factsHit++
				} else {
					u.factsMiss++
				}
			}
		}
		if cf.total <= 0 {
			continue
		}
		for j, w := range per {
			if j != cf.doc && w > 0 && w/cf.total > u.covBest {
				u.covBest, u.covDoc = w/cf.total, j
			}
		}
		u.covAny = any / cf.total
		for j, b := range u.bestIn {
			if b == nil {
				continue
			}
			w, excl := windowShared(cf, feats[j], b.idx, claimsOf, &marks)
			u.covWindow = max(u.covWindow, w/cf.total)
			u.exclWindow = max(u.exclWindow, excl/cf.total)
		}
	}
}

// docSet is a set of documents of a comparison the omission model
// decides for, by bit.
type docSet uint8

// The omission model decides for few enough documents for a docSet.
const _ = uint(8 - maxOmissionDocs)

// windowShared is the weight of cf's features that the claims of doc from
// at-1 to at+1 say: a claim another outlet spreads over two or three
// sentences, or folds into one with its neighbours. excl is the part of it
// in features no claim of the comparison holds but cf and one other
// (claimsOf, by feature id): a word or name the two claims alone use is
// evidence that they tell one thing, where the story's common words and
// names, found around any partner on its topic, are not.
//
// The window's features are marked (marks, by feature id), then cf's
// weights found among them summed in cf's order, as a search per feature
// would: a mark each is cheaper than a merge of cf's list with each
// neighbour's.
func windowShared(cf *claimFeatures, doc []*claimFeatures, at int, claimsOf []uint8, marks *windowMarks) (w, excl float64) {
	marks.stamp++
	if marks.stamp == 0 {
		clear(marks.of)
		marks.stamp = 1
	}
	of, stamp := marks.of, marks.stamp
	for b := max(at-1, 0); b <= min(at+1, len(doc)-1); b++ {
		for _, id := range doc[b].ids {
			of[id] = stamp
		}
	}
	for k, id := range cf.ids {
		if of[id] == stamp {
			w += cf.weights[k]
			if claimsOf[id] <= exclusiveClaims {
				excl += cf.weights[k]
			}
		}
	}
	return w, excl
}

// windowMarks is windowShared's scratch: per feature id, the stamp of the
// last window that holds it.
type windowMarks struct {
	of    []uint32
	stamp uint32
}

// exclusiveClaims is the most claims of a comparison, the claim itself
// among them, that hold a feature counted as exclusive (exclusive_window).
const exclusiveClaims = 2

// decided reports whether the omission model decides the claim: it has a
// partner in another document from uniqueFloorShare of the threshold.
func (u *unalignedClaim) decided(cfg *config) bool {
	return u.bestWith != nil && !(u.best < uniqueFloorShare*cfg.threshold)
}

// features turns an unaligned claim into the omission model's inputs.
func (u *unalignedClaim) features(feats [][]*claimFeatures, groups *alignedGroups, slots claimSlots, unique []bool) [nUnique]float64 {
	doc := feats[u.cf.doc]
	n := len(doc)
	rel := func(c *claimFeatures) float64 {
		if m := len(feats[c.doc]); m > 1 {
			return float64(c.idx) / float64(m-1)
		}
		return 0
	}
	// How far apart it and its best partner stand in their articles (1
	// with no partner), and whether a neighbour of it is aligned with a
	// claim near one of its best partners: shared stories run in blocks
	// and in much the same order.
	gap := 1.0
	if u.bestWith != nil {
		gap = math.Abs(rel(u.cf) - rel(u.bestWith))
	}
	anchored := false
	for k := max(u.cf.idx-anchorReach, 0); k <= min(u.cf.idx+anchorReach, n-1) && !anchored; k++ {
		for _, g := range groups.groupsOf(slots.of(doc[k])) {
			for _, mate := range groups.members[g] {
				if mate.doc == u.cf.doc {
					continue
				}
				if b := u.bestIn[mate.doc]; b != nil && mate.idx >= b.idx-anchorReach && mate.idx <= b.idx+anchorReach {
					anchored = true
					break
				}
			}
		}
	}
	// Neighbours: the claims up to two before and after it in its own
	// document that are in an aligned group (not unique).
	seen, aligned := 0, 0
	for k := u.cf.idx - 2; k <= u.cf.idx+2; k++ {
		if k == u.cf.idx || k < 0 || k >= n {
			continue
		}
		seen++
		if !unique[slots.of(doc[k])] {
			aligned++
		}
	}
	nb := 0.0
	if seen > 0 {
		nb = float64(aligned) / float64(seen)
	}
	pos := 0.0
	if n > 1 {
		pos = float64(u.cf.idx) / float64(n-1)
	}
	near, others, size := 0, 0, 0.0
	for j, d := range feats {
		if j == u.cf.doc {
			continue
		}
		others++
		size += float64(len(d))
		if u.near[j] {
			near++
		}
	}
	return [nUnique]float64{
		u.best,
		u.second,
		float64(near) / float64(max(others, 1)),
		u.covBest,
		u.covAny,
		float64(min(u.factsMiss, maxFacts)) / maxFacts,
		float64(min(u.factsHit, maxFacts)) / maxFacts,
		nb,
		pos,
		quotedShare(u.cf.claim),
		math.Log1p(u.cf.total),
		math.Log((float64(n) + 1) / (size/float64(max(others, 1)) + 1)),
		b2f(u.related),
		u.covWindow,
		gap,
		b2f(anchored),
		u.exclWindow,
	}
}

// quotedShare is the share of a claim's words inside a direct quote.
func quotedShare(c *extract.Claim) float64 {
	n, q := 0, 0
	for _, t := range c.Tokens {
		if t.Stop {
			continue
		}
		n++
		if t.Quoted {
			q++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(q) / float64(n)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
