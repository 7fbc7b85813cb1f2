package compare

import (
	_ "embed"
	"math"
	"slices"
	"strings"
)

// paraShare is the share of a full match a paraphrase pair of words
// (paraphrase.txt) counts for: less than a spelling variant, as the two
// words say the same only in some of their uses.
const paraShare = 0.5

//go:embed paraphrase.txt
var paraphraseData string

// paraphraseTable maps a word key to the word keys that paraphrase it
// (paraphrase.txt), sorted. Tests swap it for a table derived from part
// of the development data.
var paraphraseTable = parseParaphrases(paraphraseData)

// parseParaphrases reads a paraphrase table: one pair of word keys per
// line, separated by a tab (further fields are the counts that selected
// the pair); # starts a comment. Each pair holds both ways.
func parseParaphrases(data string) map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == f[1] {
			continue
		}
		m[f[0]] = append(m[f[0]], f[1])
		m[f[1]] = append(m[f[1]], f[0])
	}
	for k, v := range m {
		slices.Sort(v)
		m[k] = slices.Compact(v)
	}
	return m
}

// paraphrases lists, for each word of a comparison's vocabulary, the
// other words of the vocabulary that paraphrase it, by ascending id; nil
// when no two words of the comparison do, so that most comparisons of
// two sentences pay nothing for the table.
func paraphrases(keys []featKey, table map[string][]string) [][]int32 {
	if len(table) == 0 {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(keys, kindWord, func(k featKey, kind byte) int { return int(k.kind) - int(kind) })
	hi, _ := slices.BinarySearchFunc(keys, kindWord+1, func(k featKey, kind byte) int { return int(k.kind) - int(kind) })
	var out [][]int32
	for id := lo; id < hi; id++ {
		for _, p := range table[keys[id].key] {
			j, ok := slices.BinarySearchFunc(keys[lo:hi], p, func(k featKey, s string) int { return strings.Compare(k.key, s) })
			if !ok {
				continue
			}
			if out == nil {
				out = make([][]int32, len(keys))
			}
			out[id] = append(out[id], int32(lo+j))
		}
		if out != nil {
			slices.Sort(out[id])
		}
	}
	return out
}

// paraphrased matches the words of a left over (positions unA, -1 where a
// spelling variant took it) with unused words of b that paraphrase them,
// the first in b's order, and returns the weight they share.
func (v *vocab) paraphrased(a, b *claimFeatures, unA []int32, used []bool, s *pairScore) float64 {
	shared := 0.0
	for _, i := range unA {
		if i < 0 {
			continue
		}
		para := v.para[a.ids[i]]
		if len(para) == 0 {
			continue
		}
		p := 0
		for kb := b.words[0]; kb < b.words[1] && p < len(para); kb++ {
			id := b.ids[kb]
			for p < len(para) && para[p] < id {
				p++
			}
			if p == len(para) || para[p] != id || used[kb] {
				continue
			}
			used[kb] = true
			shared += paraShare * math.Min(a.weights[i], b.weights[kb])
			if s.pairEvidence != nil {
				s.Paraphrases = append(s.Paraphrases, a.labels[i]+"~"+b.labels[kb])
			}
			break
		}
	}
	return shared
}
