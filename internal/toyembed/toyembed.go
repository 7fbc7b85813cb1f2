// Package toyembed is a tiny deterministic sentence embedder for tests and
// demonstrations of claimdiff's semantic similarity, so that they run with
// no model and no download. It is not a semantic model: a text's vector is
// the bag of its content words, each word replaced by its concept when a
// small hand-written table of common news paraphrases has it ("quit",
// "resigned", "stepped down" → one concept), hashed into Dim buckets.
// Texts that say the same with words of one concept land near each other
// even when they share no word; nothing else does.
package toyembed

import (
	"context"
	"hash/fnv"
	"strings"
	"unicode"
)

// Dim is the length of every vector.
const Dim = 256

// concepts maps a word, or a phrase of words separated by single spaces, to
// its concept. Words are matched after lower-casing and the crude stemming
// of stem; phrases word by word, longest first.
var concepts = map[string]string{
	"quit": "resign", "resign": "resign", "resignation": "resign", "step down": "resign", "stepp down": "resign",
	"fire": "dismiss", "fired": "dismiss", "dismiss": "dismiss", "oust": "dismiss", "sack": "dismiss",
	"say": "say", "said": "say", "tell": "say", "told": "say",
	"die": "die", "died": "die", "dies": "die", "dead": "die", "death": "die", "kill": "die",
	"envoy": "envoy", "diplomat": "envoy", "ambassador": "envoy",
	"buy": "buy", "bought": "buy", "acquir": "buy", "acquire": "buy", "purchas": "buy", "purchase": "buy",
	"tightlipp": "silent", "tight-lipp": "silent", "silent": "silent",
	"declin to comment": "silent", "would not offer detail": "silent", "refus to comment": "silent",
}

// longestPhrase is the most words a key of concepts has.
const longestPhrase = 4

var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an the of to in on at for and or but is are was were be been by with from that this these it its as he she they his her their has have had will not no") {
		stop[w] = true
	}
}

// stem cuts a few English suffixes off a lower-case word; crude, and the
// same for every text, which is all a test embedder needs.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// Embed returns the vector of text: a count per bucket of its concepts and
// of the stems of its other content words. A text with no content word
// gives the zero vector.
func Embed(text string) []float32 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	})
	for i, w := range words {
		words[i] = stem(w)
	}
	v := make([]float32, Dim)
	for i := 0; i < len(words); {
		n, key := 1, ""
		for k := min(longestPhrase, len(words)-i); k >= 1; k-- {
			if c, ok := concepts[strings.Join(words[i:i+k], " ")]; ok {
				n, key = k, "c:"+c
				break
			}
		}
		if key == "" {
			if stop[words[i]] {
				i++
				continue
			}
			key = "w:" + words[i]
		}
		h := fnv.New32a()
		h.Write([]byte(key))
		v[h.Sum32()%Dim]++
		i += n
	}
	return v
}

// EmbedAll embeds each text; it has the signature of an Embedder's method
// (compare.EmbedderFunc(toyembed.EmbedAll)) and never fails.
func EmbedAll(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		out[i] = Embed(t)
	}
	return out, nil
}
