package compare

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"math"
)

// Two claims compared without context (both their documents hold fewer
// than mutualContext claims: two lone sentences, two short posts) have
// nothing but themselves to go by: no best
// and second-best match, no neighbours. Whether they say the same thing
// is then decided by the pair model, a logistic model fitted on 4,076
// pairs of news sentences from different outlets that people judged
// equivalent or not (the MRPC training split, Dolan & Brockett 2005). It
// reads the pair's score and containment and the surface of the two
// sentences as machine-translation metrics do (Finch, Hwang & Sumita
// 2005; Wan et al. 2006): how many of each claim's words, word pairs and
// word triples the other repeats, and how many words they say in the same
// order. A same-claim pair repeats most of both sentences in the same
// order; a pair where one outlet adds a clause of new facts repeats much
// of one and less of the other. It does not read whether their numbers
// agree, on purpose: two outlets giving one claim with other figures is
// a conflict the verdict shows, not two claims (the inputs that read
// numbers added 0.006 of held-out accuracy on MRPC, where figures that
// differ mostly mean another day's report). Its coefficients are data
// (pair_model.json), fitted by TestFitPairModel; the file says how and
// with what held-out figures. It reads one claim against one: a claim
// that the other document says in two still aligns with both halves, as
// within articles (splitMatch; align tries it where the model refuses).
// It runs only as it was fitted: at the default threshold, without an
// Embedder; PairModel(false) turns it off, and the run says which
// (Run.PairModel).
//
//go:embed pair_model.json
var pairModelJSON []byte

// pairFeatureNames are the pair model's inputs, in order; the data file
// must list the same.
var pairFeatureNames = []string{
	"score", "containment", "words_min", "words_max", "bigrams_min", "bigrams_max",
	"trigrams_min", "trigrams_max", "order_min", "order_max",
}

// nPair is the number of the pair model's inputs.
const nPair = 10

var defaultPairModel = mustPairModel(pairModelJSON)

var pairModelHash = func() string {
	h := sha256.Sum256(pairModelJSON)
	return "sha256:" + hex.EncodeToString(h[:])
}()

func mustPairModel(b []byte) *logistic {
	m, err := parseLogistic(b, pairFeatureNames)
	if err != nil {
		panic("compare: pair_model.json: " + err.Error())
	}
	return m
}

// PairModel turns the pair model on (the default) or off. Off, two claims
// compared without context align when their score reaches the threshold,
// as before the model; the report's run says which.
func PairModel(on bool) Option {
	return optionFunc(func(c *config) { c.pairOff = !on })
}

// Reasons the pair model is off, as Run.PairModel.Off gives them.
const (
	PairOffOption    = "option"    // PairModel(false)
	PairOffEmbedder  = "embedder"  // an Embedder mixes meaning into the scores
	PairOffThreshold = "threshold" // not the threshold it was fitted at
)

// pairGate says why the pair model does not apply under cfg, or "" when
// it does.
func pairGate(cfg *config) string {
	switch {
	case cfg.pairOff:
		return PairOffOption
	case cfg.embedder != nil:
		return PairOffEmbedder
	case math.Abs(cfg.threshold-DefaultThreshold) > 1e-9:
		return PairOffThreshold
	}
	return ""
}

// pairRun is the run's record of the pair model.
func pairRun(cfg *config) *ModelRun {
	if off := pairGate(cfg); off != "" {
		return &ModelRun{Off: off}
	}
	m := cfg.pairModel()
	if cfg.pair != nil {
		return &ModelRun{Cut: m.Cut, Fitted: "custom"}
	}
	return &ModelRun{Cut: m.Cut, Fitted: pairModelHash}
}

// pairModel is the pair model in use: one a test set, else the fitted one.
func (cfg *config) pairModel() *logistic {
	if cfg.pair != nil {
		return cfg.pair
	}
	return defaultPairModel
}

// isolated reports whether the pair model decides the pairs of documents
// i and j: it applies, and both are too short for context, as the pairs of
// sentences it was fitted on. A short document against a long one (a lede
// against an article) is left to the threshold: there the model was worse
// on both counts (TestPairModelOnBasilLedes: precision 0.704 against
// 0.754, recall 0.082 against 0.188).
func (cfg *config) isolated(feats [][]*claimFeatures, i, j int) bool {
	si, sj := len(feats[i]) < mutualContext, len(feats[j]) < mutualContext
	if cfg.pairLedes {
		return (si || sj) && pairGate(cfg) == ""
	}
	return si && sj && pairGate(cfg) == ""
}

// pairAligns decides whether two claims compared without context align,
// as a first partner: the pair model's probability reaches its cut.
func (cfg *config) pairAligns(e cand) bool {
	x := pairInputs(e.a, e.b, e.value, e.containment)
	if cfg.pairSeen != nil {
		cfg.pairSeen(e.a, e.b, x)
	}
	m := cfg.pairModel()
	return m.prob(x[:]) >= m.Cut
}

// pairProb is the pair model's probability that two claims compared
// without context say the same thing.
func (cfg *config) pairProb(a, b *claimFeatures, value, containment float64) float64 {
	x := pairInputs(a, b, value, containment)
	return cfg.pairModel().prob(x[:])
}
