package compare

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

// Feature weights. Words weigh by their rarity in English (0.05–1); a shared
// name, number or date is as strong as the rarest word.
const (
	weightEntity = 1.0
	weightNumber = 0.9
	weightDate   = 0.8
	weightYear   = 0.3
	// A spelling variant (ceasefire / cease-fire, Gaddafi / Qaddafi) counts
	// for this share of a full match.
	softShare = 0.7
)

// feature is one thing a claim says that another can share: a word key, a
// name key, a number or a date.
type feature struct {
	key    string          // "w:meet", "e:hayya", "n:20 hostag", "d:09-09"
	weight float64         // how much sharing it says
	label  string          // readable form for evidence
	grams  map[string]bool // character trigrams of a word key, for spelling variants
}

// claimFeatures is a claim prepared for scoring.
type claimFeatures struct {
	doc, idx int
	claim    *extract.Claim
	feats    map[string]feature
	total    float64
	order    []string // feature keys in sorted order, for determinism
	sem      *semVec  // the claim's embedding (embed.go); nil without an Embedder
}

// rarity weighs a word by how rare it is in the background corpus.
func rarity(w string) float64 {
	c := extract.BackgroundCount(w)
	t := float64(extract.BackgroundTotal())
	v := math.Log(t/float64(c+1)) / math.Log(t)
	return math.Max(0.05, math.Min(1, v))
}

func prepare(doc, idx int, c *extract.Claim) *claimFeatures {
	cf := &claimFeatures{doc: doc, idx: idx, claim: c, feats: map[string]feature{}}
	add := func(f feature) {
		if old, ok := cf.feats[f.key]; !ok || old.weight < f.weight {
			cf.feats[f.key] = f
		}
	}
	covered := func(s extract.Span) bool {
		for _, e := range c.Entities {
			if e.ResolvedFrom == "" && e.Span.Contains(s) {
				return true
			}
		}
		for _, n := range c.Numbers {
			if n.Span.Overlaps(s) {
				return true
			}
		}
		for _, d := range c.Dates {
			if d.Span.Overlaps(s) {
				return true
			}
		}
		return false
	}
	for _, t := range c.Tokens {
		if t.Stop || len(t.Key) < 2 || covered(t.Span) {
			continue
		}
		low := strings.ToLower(t.Text)
		add(feature{key: "w:" + t.Key, weight: rarity(strings.TrimSuffix(strings.TrimSuffix(low, "’s"), "'s")), label: low})
	}
	for _, e := range c.Entities {
		if e.ResolvedFrom != "" {
			// A description resolved within its document ("the
			// governor" → marsh) is not scored yet: on the BASIL
			// development events it joined claims that share only the
			// story's protagonist (F1 0.496 → 0.482).
			continue
		}
		add(feature{key: "e:" + e.Key, weight: weightEntity, label: e.Text})
	}
	for _, n := range c.Numbers {
		add(feature{key: "n:" + numberKey(n), weight: weightNumber, label: n.Text})
	}
	for _, d := range c.Dates {
		v := d.Value
		if v == "" {
			// Unresolved (a weekday with no publication date): its words.
			add(feature{key: "d:" + strings.ToLower(d.Text), weight: weightDate, label: d.Text})
			continue
		}
		if d.Precision == extract.PrecisionDay && len(v) == 10 {
			add(feature{key: "d:" + v[5:], weight: weightDate, label: d.Text})
			if !strings.HasPrefix(v, "XXXX") {
				add(feature{key: "y:" + v[:4], weight: weightYear, label: v[:4]})
			}
			continue
		}
		add(feature{key: "d:" + v, weight: weightDate, label: d.Text})
	}
	for k, f := range cf.feats {
		cf.total += f.weight
		cf.order = append(cf.order, k)
		if strings.HasPrefix(k, "w:") && len(k) >= 7 {
			f.grams = trigrams(k[2:])
			cf.feats[k] = f
		}
	}
	sort.Strings(cf.order)
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
	Shared      []string
	Names       []string
	Numbers     []string
	Dates       []string
	Variants    []string // spelling variants matched by character trigrams
	// With an Embedder (embed.go): Value combines Lexical and Semantic.
	Embedded          bool
	Lexical, Semantic float64
}

// lexicalScore compares two prepared claims: a weighted Dice overlap of their
// features, where a word weighs by its rarity, names, numbers and dates
// weigh as rare words, and words spelt nearly alike (by character
// trigrams) count partly. score (embed.go) adds the semantic part.
func lexicalScore(a, b *claimFeatures, names func(x, y string) bool) pairScore {
	var s pairScore
	if a.total == 0 || b.total == 0 {
		return s
	}
	shared := 0.0
	usedB := map[string]bool{}
	var unA []string
	for _, k := range a.order {
		fa := a.feats[k]
		fb, ok := b.feats[k]
		if !ok && strings.HasPrefix(k, "e:") && names != nil {
			// Name keys that are spelling variants of each other.
			for _, kb := range b.order {
				if strings.HasPrefix(kb, "e:") && !usedB[kb] && names(k[2:], kb[2:]) {
					fb, ok = b.feats[kb], true
					usedB[kb] = true
					break
				}
			}
		} else if ok {
			usedB[k] = true
		}
		if !ok {
			if strings.HasPrefix(k, "w:") {
				unA = append(unA, k)
			}
			continue
		}
		shared += math.Min(fa.weight, fb.weight)
		switch k[0] {
		case 'w':
			s.Shared = append(s.Shared, fa.label)
		case 'e':
			s.Names = append(s.Names, fa.label)
		case 'n':
			s.Numbers = append(s.Numbers, fa.label)
		case 'd':
			s.Dates = append(s.Dates, fa.label)
		}
	}
	// Soft matches between the words left over on both sides.
	for _, ka := range unA {
		if a.feats[ka].grams == nil {
			continue
		}
		for _, kb := range b.order {
			if usedB[kb] || !strings.HasPrefix(kb, "w:") || len(kb) < 7 {
				continue
			}
			if jaccard(a.feats[ka].grams, b.feats[kb].grams) >= 0.6 {
				usedB[kb] = true
				shared += softShare * math.Min(a.feats[ka].weight, b.feats[kb].weight)
				s.Variants = append(s.Variants, a.feats[ka].label+"~"+b.feats[kb].label)
				break
			}
		}
	}
	s.Value = round3(2 * shared / (a.total + b.total))
	s.Containment = round3(math.Min(1, shared/math.Min(a.total, b.total)))
	return s
}

// jaccard is the Jaccard similarity of two trigram sets.
func jaccard(ga, gb map[string]bool) float64 {
	inter := 0
	for g := range ga {
		if gb[g] {
			inter++
		}
	}
	union := len(ga) + len(gb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func trigrams(w string) map[string]bool {
	w = " " + strings.ReplaceAll(w, "-", "") + " "
	r := []rune(w)
	out := map[string]bool{}
	for i := 0; i+3 <= len(r); i++ {
		out[string(r[i:i+3])] = true
	}
	return out
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
// than one in two. The factor runs from 0.85 (in every claim) to 1: on the
// gold article sets a stronger factor lost more true pairs than it saved
// false ones (README, "Accuracy").
func localRarity(feats [][]*claimFeatures) {
	n := 0
	df := map[string]int{}
	for _, doc := range feats {
		for _, cf := range doc {
			n++
			for _, k := range cf.order {
				df[k]++
			}
		}
	}
	if n < minLocalClaims {
		return
	}
	ln := math.Log(float64(n))
	for _, doc := range feats {
		for _, cf := range doc {
			cf.total = 0
			for _, k := range cf.order {
				f := cf.feats[k]
				if k[0] == 'w' || k[0] == 'e' {
					f.weight *= 0.85 + 0.15*math.Log(float64(n)/float64(df[k]))/ln
					cf.feats[k] = f
				}
				cf.total += f.weight
			}
		}
	}
}
