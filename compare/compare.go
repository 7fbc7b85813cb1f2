package compare

import (
	"slices"
	"strconv"

	"github.com/claimdiff/claimdiff/extract"
)

// ReportVersion is the version of the JSON report contract. It goes up when
// a field changes meaning.
const ReportVersion = 1

// DefaultThreshold is the score at which two claims are taken to say the
// same thing. It was calibrated on real cross-outlet sentence pairs (see
// the README, "Accuracy").
const DefaultThreshold = 0.32

// Verdicts of a group.
const (
	VerdictAgree    = "agree"
	VerdictFraming  = "framing"
	VerdictConflict = "conflict"
	VerdictRelated  = "related"
)

// Option configures a comparison. Only this package implements it; build
// options with Threshold, RelatedThreshold and NameMatcher.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

type config struct {
	threshold, related float64
	names              func(a, b string) bool
	// allPairs scores every pair of claims instead of the pairs the
	// feature index proposes: a similarity that can match claims sharing
	// no word (an embedding) must see them all.
	allPairs bool
}

// Threshold sets the score at or above which two claims align (default
// DefaultThreshold). Lower finds more paraphrases and more false matches.
func Threshold(t float64) Option { return optionFunc(func(c *config) { c.threshold = t }) }

// RelatedThreshold sets the score at or above which two otherwise unaligned
// claims form a "related" group: same topic, not the same claim. Zero turns
// related groups off. The default is 60% of the alignment threshold.
func RelatedThreshold(t float64) Option {
	return optionFunc(func(c *config) { c.related = t })
}

// NameMatcher replaces the test that two entity keys name the same person
// or place (default extract.SameName: a small edit distance, or one name's
// words inside the other's). It decides shared names in scores, the keys
// unified across documents, and whether two places differ.
func NameMatcher(f func(a, b string) bool) Option {
	return optionFunc(func(c *config) { c.names = f })
}

// Report is the comparison of several documents: the contract of the JSON
// output (see DESIGN.md §4). Marshal it with encoding/json.
type Report struct {
	Version   int                 `json:"version"`
	Event     string              `json:"event,omitempty"`
	Documents []*extract.Document `json:"documents"`
	Groups    []Group             `json:"groups"`
	// Unique lists the claims no other document carries: claims in no
	// group, or only in a "related" one. Repeats of a grouped claim are
	// not unique.
	Unique  []string           `json:"unique"`
	Outlets map[string]Profile `json:"outlets"`
}

// Group is a set of claims from several documents that say the same thing
// (or, for verdict "related", the same topic).
type Group struct {
	ID          string       `json:"id"`
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
}

// Difference is one way the claims of a group differ. Values holds each
// claim's side (empty where a claim has none); Spans points at the
// evidence in each claim's document.
type Difference struct {
	Kind    string                  `json:"kind"`
	Values  map[string]string       `json:"values"`
	Spans   map[string]extract.Span `json:"spans,omitempty"`
	Explain string                  `json:"explain"`
	// Conflicts lists, for a fact difference, the pairs of documents that
	// cannot both be right; in a group of three, two may agree while both
	// conflict with the third.
	Conflicts [][2]string `json:"conflicts,omitempty"`
}

// Profile is an outlet's framing profile: how many of its claims others
// share, how many it alone carries, and its markers by kind in its own
// voice, in all and per 100 claims.
type Profile struct {
	Outlet  string             `json:"outlet,omitempty"`
	Claims  int                `json:"claims"`
	Shared  int                `json:"shared"`
	Unique  int                `json:"unique"`
	Markers map[string]int     `json:"markers"`
	Per100  map[string]float64 `json:"per_100_claims"`
	Quoted  map[string]int     `json:"quoted_markers,omitempty"`
}

// Compare aligns the claims of docs and builds the report. The documents
// are copied and renumbered d1, d2, … in the order given; the inputs are not
// changed. One document alone gives a report with its claims, markers and
// profile and no groups.
func Compare(docs []*extract.Document, opts ...Option) *Report {
	cfg := &config{threshold: DefaultThreshold, related: -1, names: extract.SameName}
	for _, o := range opts {
		o.apply(cfg)
	}
	if cfg.related < 0 {
		cfg.related = 0.6 * cfg.threshold
	}
	r := &Report{Version: ReportVersion, Outlets: map[string]Profile{}, Groups: []Group{}, Unique: []string{}}
	for i, d := range docs {
		c := *d
		c.Claims = append([]extract.Claim(nil), d.Claims...)
		extract.SetID(&c, "d"+strconv.Itoa(i+1))
		r.Documents = append(r.Documents, &c)
	}
	unifyAcross(r.Documents, cfg.names)
	feats := make([][]*claimFeatures, len(r.Documents))
	for i, d := range r.Documents {
		for j := range d.Claims {
			feats[i] = append(feats[i], prepare(i, j, &d.Claims[j]))
		}
	}
	v := intern(feats, cfg.names)
	localRarity(feats, v)
	edges, related := align(feats, v, cfg)
	r.Groups = buildGroups(r.Documents, feats, edges, related, cfg)
	r.profile()
	return r
}

// unifyAcross gives spelling variants of one name the same key in every
// document, so that "Qaddafi" in one outlet meets "Gaddafi" in another.
func unifyAcross(docs []*extract.Document, names func(a, b string) bool) {
	count := map[string]int{}
	for _, d := range docs {
		for _, c := range d.Claims {
			for _, e := range c.Entities {
				count[e.Key]++
			}
		}
	}
	canon := extract.CanonicalKeysWith(count, names)
	if len(canon) == 0 {
		return
	}
	for _, d := range docs {
		for ci := range d.Claims {
			ents := append([]extract.Entity(nil), d.Claims[ci].Entities...)
			for k := range ents {
				if c, ok := canon[ents[k].Key]; ok {
					ents[k].Key = c
				}
			}
			d.Claims[ci].Entities = ents
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
func align(feats [][]*claimFeatures, v *vocab, cfg *config) (edges, related []edge) {
	type result struct{ edges, related []edge }
	n := len(feats) * (len(feats) - 1) / 2
	results := make([]result, max(n, 0))
	eachDocPair(feats, v, cfg, func(k int, p docPair, cands []cand, sc *pairScorer) {
		// partners of the claims of p.i, then of p.j: at most two each.
		m := len(feats[p.i]) + len(feats[p.j])
		sc.partners = slices.Grow(sc.partners[:0], m)[:m]
		sc.backing = slices.Grow(sc.backing[:0], 2*m)[:2*m]
		for x := range sc.partners {
			sc.partners[x] = sc.backing[2*x : 2*x : 2*x+2]
		}
		of := func(c *claimFeatures) *[]*claimFeatures {
			if c.doc == p.i {
				return &sc.partners[c.idx]
			}
			return &sc.partners[len(feats[p.i])+c.idx]
		}
		// link pairs two claims and returns the edge with its evidence.
		link := func(e cand) edge {
			pa, pb := of(e.a), of(e.b)
			*pa = append(*pa, e.b)
			*pb = append(*pb, e.a)
			return edge{e.a, e.b, v.score(e.a, e.b, &sc.names, true)}
		}
		var r result
		weak := sc.weak[:0]
		for _, e := range cands {
			pa, pb := *of(e.a), *of(e.b)
			switch {
			case e.value >= cfg.threshold && len(pa) == 0 && len(pb) == 0:
				r.edges = append(r.edges, link(e))
			case len(pb) == 0 && len(pa) == 1 && len(*of(pa[0])) == 1 && splitMatch(e.a, e.b, pa[0], e.containment, v, sc, cfg):
				// e.a already matched one short claim; e.b is its second half.
				r.edges = append(r.edges, link(e))
			case len(pa) == 0 && len(pb) == 1 && len(*of(pb[0])) == 1 && splitMatch(e.b, e.a, pb[0], e.containment, v, sc, cfg):
				r.edges = append(r.edges, link(e))
			case e.value < cfg.threshold:
				weak = append(weak, e)
			}
		}
		for _, e := range weak {
			if len(*of(e.a)) == 0 && len(*of(e.b)) == 0 && cfg.related > 0 {
				r.related = append(r.related, link(e))
			}
		}
		sc.weak = weak
		results[k] = r
	})
	for _, r := range results {
		edges = append(edges, r.edges...)
		related = append(related, r.related...)
	}
	return edges, related
}

// splitMatch reports whether short, a second partner of long (which already
// matched first), carries another part of long: mostly contained in it,
// shorter than it, and not a restatement of first.
func splitMatch(long, short, first *claimFeatures, containment float64, v *vocab, sc *pairScorer, cfg *config) bool {
	return containment >= 0.6 && long.total > short.total && v.score(short, first, &sc.names, false).Value < cfg.threshold
}
