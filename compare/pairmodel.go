package compare

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"math"
	"slices"
)

// Two claims compared without context (one of their documents holds
// fewer than mutualContext claims: two lone sentences, a lede against an
// article, two short posts) have nothing but themselves to go by: no best
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
// with what held-out figures. It runs only as it was fitted: at the
// default threshold, without an Embedder; PairModel(false) turns it off,
// and the run says which (Run.PairModel).
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

func (cfg *config) pairModel() *logistic {
	if cfg.pair != nil {
		return cfg.pair
	}
	return defaultPairModel
}

// isolated reports whether the pair model decides the pairs of documents
// i and j: it applies, and one of them is too short for context.
func (cfg *config) isolated(feats [][]*claimFeatures, i, j int) bool {
	return (len(feats[i]) < mutualContext || len(feats[j]) < mutualContext) && pairGate(cfg) == ""
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

// pairInputs turns a pair of claims into the pair model's inputs. Words
// are the tokens' matching keys (lower case, stemmed), function words
// included: they carry the clause structure an added clause changes.
func pairInputs(a, b *claimFeatures, value, containment float64) [nPair]float64 {
	ids := map[string]uint64{}
	seq := func(c *claimFeatures) []uint64 {
		toks := c.claim.Tokens
		s := make([]uint64, len(toks))
		for i, t := range toks {
			id, ok := ids[t.Key]
			if !ok {
				id = uint64(len(ids)) + 1
				ids[t.Key] = id
			}
			s[i] = id
		}
		return s
	}
	sa, sb := seq(a), seq(b)
	x := [nPair]float64{value, containment}
	for n := 1; n <= 3; n++ {
		ga, gb := grams(sa, n), grams(sb, n)
		shared := float64(commonSorted(ga, gb))
		x[2*n], x[2*n+1] = minMax(ratio(shared, len(ga)), ratio(shared, len(gb)))
	}
	common := float64(lcs(sa, sb))
	x[8], x[9] = minMax(ratio(common, len(sa)), ratio(common, len(sb)))
	return x
}

// grams lists the n-grams of s, each packed in one integer (21 bits a
// word: a pair of claims has far fewer distinct words), sorted.
func grams(s []uint64, n int) []uint64 {
	if len(s) < n {
		return nil
	}
	out := make([]uint64, 0, len(s)-n+1)
	for i := 0; i+n <= len(s); i++ {
		var g uint64
		for _, id := range s[i : i+n] {
			g = g<<21 | id&(1<<21-1)
		}
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

// commonSorted counts the entries two sorted lists share, as multisets.
func commonSorted(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []uint64) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := make([]int, len(b)+1)
	for _, x := range a {
		diag := 0
		for j, y := range b {
			up := row[j+1]
			if x == y {
				row[j+1] = diag + 1
			} else if row[j] > up {
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return row[len(b)]
}

func ratio(part float64, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return part / float64(whole)
}

func minMax(x, y float64) (float64, float64) {
	if x > y {
		return y, x
	}
	return x, y
}
