package compare

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestNumberPlainRule checks claimFeatures.number, which tells a claim's
// keys apart by a set of bits and reads them off it in order (or sorts
// them when the set is sparse), against the rule it stands for: one
// feature per key, the first of the heaviest, in id order; and the ranges
// of names and words against a search of the ids. The claims mix every
// kind, repeat keys with equal and different weights, and come in
// vocabularies small and large, so that both ways of ordering are taken.
func TestNumberPlainRule(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	kindsUsed := []byte{kindDate, kindEntity, kindNumber, kindWord, kindYear}
	for round := range 200 {
		table := newFeatTable()
		nkeys := 1 + rng.IntN(40)
		if round%4 == 0 {
			nkeys = 500 + rng.IntN(3000)
		}
		var ids []int32
		for k := range nkeys {
			kind := kindsUsed[rng.IntN(len(kindsUsed))]
			ids = append(ids, table.id(kind, fmt.Sprintf("k%d", k)))
		}
		var feats [][]*claimFeatures
		for range 1 + rng.IntN(3) {
			var doc []*claimFeatures
			for range 1 + rng.IntN(5) {
				cf := &claimFeatures{table: table}
				for r := range rng.IntN(30) {
					w := float64(rng.IntN(4)) / 4 // ties are common
					cf.raw = append(cf.raw, rawFeature{ids[rng.IntN(len(ids))], w, fmt.Sprintf("l%d", r)})
				}
				doc = append(doc, cf)
			}
			feats = append(feats, doc)
		}
		if round%4 == 0 {
			// A claim of every key: the others are sparse in the vocabulary.
			all := &claimFeatures{table: table}
			for _, id := range ids {
				all.raw = append(all.raw, rawFeature{id, 1, "all"})
			}
			feats[0] = append(feats[0], all)
		}
		v := intern(table, feats, nil)
		vocabID := map[featKey]int32{}
		for id, k := range v.keys {
			vocabID[k] = int32(id)
		}
		for _, doc := range feats {
			for _, cf := range doc {
				// The rule, by a map from each vocabulary id to the position
				// in raw of the feature kept.
				keep := map[int32]int{}
				for i, f := range cf.raw {
					id := vocabID[table.keys[f.id]]
					if j, ok := keep[id]; !ok || f.weight > cf.raw[j].weight {
						keep[id] = i
					}
				}
				var want []int32
				for id := range keep {
					want = append(want, id)
				}
				slices.Sort(want)
				if !slices.Equal(cf.ids, want) {
					t.Fatalf("round %d: ids %v, want %v", round, cf.ids, want)
				}
				for k, id := range want {
					f := cf.raw[keep[id]]
					if cf.weights[k] != f.weight || cf.labels[k] != f.label {
						t.Fatalf("round %d: feature %d is %v %q, want %v %q", round, id, cf.weights[k], cf.labels[k], f.weight, f.label)
					}
				}
				search := func(r [2]int32) [2]int {
					return [2]int{sort.Search(len(want), func(i int) bool { return want[i] >= r[0] }),
						sort.Search(len(want), func(i int) bool { return want[i] >= r[1] })}
				}
				if cf.ent != search(v.ent) || cf.words != search(v.words) {
					t.Fatalf("round %d: ranges %v %v, want %v %v (ids %v)", round, cf.ent, cf.words, search(v.ent), search(v.words), want)
				}
			}
		}
		for w, bits := range table.sc.seen {
			if bits != 0 {
				t.Fatalf("round %d: word %d of the set left %x", round, w, bits)
			}
		}
	}
}

// TestShareEvidence checks pairEvidence.share against the plain rule:
// each shared feature's label appended to its kind's list, in order,
// years left out, a kind with none left nil.
func TestShareEvidence(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 77))
	v := &vocab{}
	for i := range 40 {
		v.keys = append(v.keys, featKey{kind: kinds[rng.IntN(len(kinds))], key: fmt.Sprint(i)})
	}
	for trial := range 500 {
		a := &claimFeatures{}
		for id := range v.keys {
			if rng.IntN(3) == 0 {
				a.ids = append(a.ids, int32(id))
				a.labels = append(a.labels, fmt.Sprintf("l%d", id))
			}
		}
		var at []int32
		for i := range a.ids {
			if rng.IntN(2) == 0 {
				at = append(at, int32(i))
			}
		}
		var want pairEvidence
		for _, i := range at {
			switch v.keys[a.ids[i]].kind {
			case kindWord:
				want.Shared = append(want.Shared, a.labels[i])
			case kindEntity:
				want.Names = append(want.Names, a.labels[i])
			case kindNumber:
				want.Numbers = append(want.Numbers, a.labels[i])
			case kindDate:
				want.Dates = append(want.Dates, a.labels[i])
			}
		}
		var got pairEvidence
		got.share(a, v, at)
		for _, l := range [][2][]string{{got.Shared, want.Shared}, {got.Names, want.Names}, {got.Numbers, want.Numbers}, {got.Dates, want.Dates}} {
			if !slices.Equal(l[0], l[1]) || (l[0] == nil) != (l[1] == nil) || cap(l[0]) != len(l[0]) {
				t.Fatalf("trial %d: share gives %+v, want %+v", trial, got, want)
			}
		}
	}
}
