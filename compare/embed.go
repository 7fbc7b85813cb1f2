package compare

import (
	"context"
	"fmt"
	"math"

	"github.com/claimdiff/claimdiff/extract"
)

// Embedder turns texts into vectors, so that claims can be compared by
// meaning as well as by words: a sentence-embedding model run in the same
// process, behind a server, or as a subprocess (package embedproc, and the
// command's --embed-cmd). Lexical similarity cannot see that "tightlipped"
// means "would not offer details"; a sentence-embedding model can.
//
// Embed is given at most EmbedBatch texts and returns one vector per text,
// in the order given. All vectors of one comparison have the same length,
// and every value is finite. Embed should stop when ctx is done. A
// comparison calls Embed from one goroutine, one batch at a time; an
// Embedder shared by comparisons that run in parallel must be safe for
// concurrent use.
//
// An error from Embed, a wrong number of vectors, a vector of another
// length than the first, an empty vector or a NaN or infinite value makes
// CompareContext fail with an error: a comparison never falls back to the
// lexical score alone.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// EmbedderFunc adapts a function to the Embedder interface.
type EmbedderFunc func(ctx context.Context, texts []string) ([][]float32, error)

// Embed calls f.
func (f EmbedderFunc) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	return f(ctx, texts)
}

// EmbedBatch is the most texts one call of Embedder.Embed is given. The
// distinct texts of a comparison are sent in batches of this size, in
// document order: each document's headline, then its claims in order.
const EmbedBatch = 64

// DefaultSemanticWeight is the share of the semantic score in a pair's
// score when an Embedder is configured (see WithEmbedder).
const DefaultSemanticWeight = 0.5

// WithEmbedder makes similarity semantic as well as lexical. Each distinct
// claim text is embedded once per comparison (in batches of EmbedBatch),
// and the score of two claims becomes
//
//	score = (1 − w) × lexical + w × semantic
//
// where lexical is the weighted feature overlap used without an Embedder,
// semantic is the cosine of the two claims' vectors clipped to [0, 1], both
// rounded to three decimals, and w is the semantic weight
// (DefaultSemanticWeight, or SemanticWeight). Threshold and
// RelatedThreshold apply to that score; a group's Evidence shows both parts
// (Lexical, Semantic). Containment, which lets one long claim match two
// short ones, stays lexical.
//
// Paraphrases can share no word at all, so with an Embedder every pair of
// claims from two different documents is scored, not only the pairs that
// share a word, name, number or date: the cost is quadratic, n × m scores
// for documents of n and m claims (90,000 for two 300-claim articles), on
// top of the model's own time.
//
// Cosines depend on the model: with many sentence models two different
// claims about one event still score well above 0. The default weight and
// threshold were not calibrated on any model (none could be run where
// claimdiff is built); measure on gold of your own and set SemanticWeight
// and Threshold to fit your model.
//
// Only CompareContext can report an Embedder's failure; Compare panics on
// it.
func WithEmbedder(e Embedder) Option {
	return optionFunc(func(c *config) { c.embedder = e })
}

// SemanticWeight sets w, the share of the semantic score in a pair's score
// when an Embedder is configured (default DefaultSemanticWeight); values
// outside [0, 1] are clipped, and NaN is the default. 0 keeps the lexical
// score while still showing the semantic one in the evidence; 1 scores by
// the model alone. Without an Embedder it has no effect.
func SemanticWeight(w float64) Option {
	if math.IsNaN(w) {
		w = DefaultSemanticWeight
	}
	return optionFunc(func(c *config) { c.semWeight = math.Max(0, math.Min(1, w)) })
}

// semVec is the unit-length vector of one claim text, shared by every
// claim with that text, and the weight of the semantic score.
type semVec struct {
	unit   []float64
	weight float64
}

// embedClaims embeds the distinct texts of the documents' headlines and
// claims, batch by batch in document order (each document's headline
// before its claims), keeps the vectors in cfg.vecs and gives every
// claim in feats its vector.
func embedClaims(ctx context.Context, docs []*extract.Document, feats [][]*claimFeatures, cfg *config) error {
	var texts []string
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			texts = append(texts, t)
		}
	}
	for i, d := range docs {
		if d.Headline != nil {
			add(d.Headline.Text)
		}
		for _, cf := range feats[i] {
			add(cf.claim.Text)
		}
	}
	cfg.vecs = make(map[string]*semVec, len(texts))
	dim := 0
	for start := 0; start < len(texts); start += EmbedBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch := texts[start:min(start+EmbedBatch, len(texts))]
		out, err := cfg.embedder.Embed(ctx, batch)
		if err != nil {
			return fmt.Errorf("%w: texts %d–%d of %d: %w", ErrEmbedder, start+1, start+len(batch), len(texts), err)
		}
		if len(out) != len(batch) {
			return fmt.Errorf("%w returned %d vectors for %d texts (texts %d–%d of %d)", ErrEmbedder, len(out), len(batch), start+1, start+len(batch), len(texts))
		}
		for i, v := range out {
			n := start + i + 1
			if len(v) == 0 {
				return fmt.Errorf("%w returned an empty vector for text %d of %d", ErrEmbedder, n, len(texts))
			}
			if dim == 0 {
				dim = len(v)
			}
			if len(v) != dim {
				return fmt.Errorf("%w returned a vector of dimension %d for text %d of %d; the first had dimension %d", ErrEmbedder, len(v), n, len(texts), dim)
			}
			sv, err := unitVector(v)
			if err != nil {
				return fmt.Errorf("%w returned %v in the vector of text %d of %d", ErrEmbedder, err, n, len(texts))
			}
			sv.weight = cfg.semWeight
			cfg.vecs[batch[i]] = sv
		}
	}
	for _, doc := range feats {
		for _, cf := range doc {
			cfg.withSemantic(cf)
		}
	}
	return nil
}

// withSemantic gives a prepared claim its vector, when an Embedder gave
// one for its text; claims prepared outside the body's alignment
// (headlines) call it too.
func (c *config) withSemantic(cf *claimFeatures) *claimFeatures {
	if c.vecs != nil {
		cf.sem = c.vecs[cf.claim.Text]
	}
	return cf
}

// unitVector scales v to length 1 (a zero vector stays zero: it is similar
// to nothing) and refuses NaN and infinite values.
func unitVector(v []float32) (*semVec, error) {
	norm := 0.0
	for i, x := range v {
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("a non-finite value (%v at index %d)", f, i)
		}
		norm += f * f
	}
	norm = math.Sqrt(norm)
	u := make([]float64, len(v))
	if norm > 0 {
		for i, x := range v {
			u[i] = float64(x) / norm
		}
	}
	return &semVec{unit: u}, nil
}

// cosine is the cosine of two claims' vectors, clipped to [0, 1] and
// rounded to three decimals: opposite meanings are as unlike as unrelated
// ones.
func cosine(a, b *semVec) float64 {
	dot := 0.0
	for i, x := range a.unit {
		dot += x * b.unit[i]
	}
	return round3(math.Max(0, math.Min(1, dot)))
}

// score is the similarity of two prepared claims: the lexical score, and
// with an Embedder (both claims have vectors) the weighted mean of it and
// the semantic score, as WithEmbedder documents.
func score(a, b *claimFeatures, names func(x, y string) bool) pairScore {
	return semantic(lexicalScore(a, b, names), a, b)
}

// semantic adds the semantic part to a lexical score s of a and b.
func semantic(s pairScore, a, b *claimFeatures) pairScore {
	if a.sem == nil || b.sem == nil {
		return s
	}
	w := a.sem.weight
	p := &semParts{Lexical: s.Value, Semantic: cosine(a.sem, b.sem)}
	s.sem = p
	s.Value = round3((1-w)*p.Lexical + w*p.Semantic)
	return s
}

// addSemantic puts the two parts of a semantic pair score in the evidence;
// without an Embedder the evidence stays as it was (and its JSON with it).
func (s pairScore) addSemantic(ev *Evidence) {
	if s.sem == nil {
		return
	}
	lex, sem := s.sem.Lexical, s.sem.Semantic
	ev.Lexical, ev.Semantic = &lex, &sem
}

// scoreParts is how the renderers show, after the score itself, what
// else decided the group: the pair model's probability for two claims
// compared without context (pairmodel.go), or the two parts of a semantic
// score; empty when the score alone decided.
func (ev Evidence) scoreParts() string {
	if ev.PairModel != nil {
		return fmt.Sprintf(": pair model %.2f", *ev.PairModel)
	}
	if ev.Lexical == nil || ev.Semantic == nil {
		return ""
	}
	return fmt.Sprintf(": lexical %.2f, semantic %.2f", *ev.Lexical, *ev.Semantic)
}

// embedderRun is what the run record says of the Embedder, if any.
func embedderRun(cfg *config) (string, *float64) {
	if cfg.embedder == nil {
		return "", nil
	}
	name := "custom"
	if s, ok := cfg.embedder.(fmt.Stringer); ok {
		name = s.String()
	}
	w := round4(cfg.semWeight)
	return name, &w
}
