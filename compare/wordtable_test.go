package compare

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/extract"
)

// bruteNear is the search nearIndex replaces: every pair of the long words
// given, by the Jaccard similarity of their trigram sets.
func bruteNear(words []string) map[string][]string {
	out := map[string][]string{}
	for _, a := range words {
		if len(a) < softMinLen {
			continue
		}
		ga := trigrams(a)
		for _, b := range words {
			if b == a || len(b) < softMinLen {
				continue
			}
			gb := trigrams(b)
			inter := 0
			for _, t := range ga {
				if _, ok := slices.BinarySearch(gb, t); ok {
					inter++
				}
			}
			if union := len(ga) + len(gb) - inter; union > 0 && float64(inter)/float64(union) >= nearJaccard {
				out[a] = append(out[a], b)
			}
		}
		slices.Sort(out[a])
	}
	return out
}

// TestNeighboursAsSearchedPerComparison: the neighbours a table gives a
// comparison are those a search among the comparison's own words gives,
// whatever the table met before (words spelt alike in other comparisons,
// added in any order).
func TestNeighboursAsSearchedPerComparison(t *testing.T) {
	stems := []string{"ceasefire", "cease-fire", "gaddafi", "qaddafi", "kadhafi", "hostage", "hostages",
		"negotiat", "negotiator", "negociat", "harbour", "harbor", "reopen", "reopening", "-----", "colour",
		"color", "organis", "organiz", "ébauche", "ebauche", "theatre", "theater", "catalogue", "catalog"}
	rng := rand.New(rand.NewPCG(1, 2))
	// Spelling variants of the stems: a letter dropped, doubled or changed.
	var words []string
	for _, s := range stems {
		words = append(words, s)
		for range 4 {
			r := []rune(s)
			i := rng.IntN(len(r))
			switch rng.IntN(3) {
			case 0:
				r = append(r[:i], r[i+1:]...)
			case 1:
				r = append(r[:i+1], r[i:]...)
			default:
				r[i] = rune('a' + rng.IntN(26))
			}
			words = append(words, string(r))
		}
	}
	table := newFeatTable()
	for round := range 30 {
		// A comparison's words: a random subset, in a random order.
		var sub []string
		seen := map[string]bool{}
		for _, w := range words {
			if rng.IntN(3) == 0 && !seen[w] {
				seen[w] = true
				sub = append(sub, w)
			}
		}
		rng.Shuffle(len(sub), func(i, j int) { sub[i], sub[j] = sub[j], sub[i] })
		ids := make([]int32, len(sub))
		for i, w := range sub {
			ids[i] = table.id(kindWord, w)
		}
		for i, id := range ids {
			table.local[id] = int32(i)
		}
		near := table.near.neighbours(table, ids, table.local, &table.sc)
		for _, id := range ids {
			table.local[id] = -1
		}
		got := map[string][]string{}
		for i, ns := range near {
			for _, n := range ns {
				got[sub[i]] = append(got[sub[i]], sub[n])
			}
			slices.Sort(got[sub[i]])
		}
		if diff := cmp.Diff(bruteNear(sub), got); diff != "" {
			t.Fatalf("round %d: neighbours (-brute force +table):\n%s", round, diff)
		}
		// The search a comparison of many new words makes instead.
		if diff := cmp.Diff(near, nearAmong(table, ids, &table.sc)); diff != "" {
			t.Fatalf("round %d: neighbours (-index +nearAmong):\n%s", round, diff)
		}
	}
}

// TestNearIndexBounded: the index starts over once it holds maxNearWords
// words, a comparison of more than maxFreshNear new words leaves it as it
// is, and what a comparison reads is the same either way.
func TestNearIndexBounded(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]byte, 9)
		for i := range b {
			b[i] = "abcdefghijklmnop"[rng.IntN(16)]
		}
		return string(b)
	}
	table := newFeatTable()
	read := func(words []string) [][]int32 {
		ids := make([]int32, len(words))
		for i, w := range words {
			ids[i] = table.id(kindWord, w)
		}
		for i, id := range ids {
			table.local[id] = int32(i)
		}
		defer func() {
			for _, id := range ids {
				table.local[id] = -1
			}
		}()
		return table.near.neighbours(table, ids, table.local, &table.sc)
	}
	batch := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = word()
		}
		return out
	}
	read(batch(maxFreshNear + 1))
	if table.near.words != 0 {
		t.Fatalf("a comparison of %d new words added %d to the index, want none", maxFreshNear+1, table.near.words)
	}
	var before []string
	for table.near.words <= maxNearWords {
		before = batch(maxFreshNear)
		read(before)
	}
	// Words the index held before it started over, with new ones and
	// spelling variants of both.
	small := append(batch(30), before[:10]...)
	small = append(small, small[0][:8]+"q", small[1][1:]+"a", before[0][:8]+"q")
	got := read(small)
	if table.near.words > len(small) {
		t.Errorf("index holds %d words after starting over for %d", table.near.words, len(small))
	}
	named := map[string][]string{}
	for i, ns := range got {
		for _, n := range ns {
			named[small[i]] = append(named[small[i]], small[n])
		}
		slices.Sort(named[small[i]])
	}
	if diff := cmp.Diff(bruteNear(small), named); diff != "" {
		t.Errorf("after starting over (-brute force +index):\n%s", diff)
	}
}

// TestTableSameReport: a comparison gives the same bytes with a table that
// has seen nothing and with one that has seen other events, and a table
// over its bound starts over.
func TestTableSameReport(t *testing.T) {
	docs := func(texts ...string) []*extract.Document {
		var out []*extract.Document
		for i, s := range texts {
			out = append(out, extract.Extract(s, extract.WithOutlet(string(rune('A'+i)))))
		}
		return out
	}
	a := docs("The harbour will not reopen this year, the port authority said on Friday.\n\nThe ceasefire held for a third day.",
		"Officials said the harbor would not reopen this year.\n\nThe cease-fire held for three days, officials said.")
	b := docs("Gaddafi's forces shelled the town overnight, killing 12 people.",
		"Qaddafi forces shelled the town, killing twelve people, witnesses said.",
		"The town was shelled overnight by Kadhafi's forces.")
	report := func(d []*extract.Document) []byte {
		var buf bytes.Buffer
		if err := Compare(d).WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := report(a)
	report(b)
	if diff := cmp.Diff(string(first), string(report(a))); diff != "" {
		t.Errorf("the second comparison of the same documents differs:\n%s", diff)
	}
	tb := acquireTable()
	for i := 0; len(tb.keys) <= maxTableKeys; i++ {
		tb.id(kindWord, strings.Repeat("x", i%7)+string(rune(i)))
	}
	tb.release()
	if tb2 := acquireTable(); tb2 == tb {
		t.Error("a table over maxTableKeys is taken again instead of a new one")
	} else {
		tb2.release()
	}
}

// TestSlab: slices carved from a slab are zero, cannot grow into each
// other, and are zero again after a reset.
func TestSlab(t *testing.T) {
	var s slab[int32]
	a := s.take(3)
	b := s.take(2)
	if len(a) != 3 || cap(a) != 3 || len(b) != 2 || cap(b) != 2 {
		t.Fatalf("len/cap %d/%d and %d/%d, want 3/3 and 2/2", len(a), cap(a), len(b), cap(b))
	}
	a[0], b[1] = 7, 9
	if grown := append(a, 5); grown[3] != 5 || b[0] != 0 {
		t.Errorf("an append to one slice wrote into the next: %v", b)
	}
	big := s.take(slabChunk + 1)
	if len(big) != slabChunk+1 {
		t.Errorf("len %d, want %d", len(big), slabChunk+1)
	}
	s.reset()
	for i, x := range s.take(5) {
		if x != 0 {
			t.Errorf("element %d is %d after a reset, want 0", i, x)
		}
	}
	if s.take(0) != nil {
		t.Error("take(0) is not nil")
	}
}

// TestTokTable: a token's facts are found by its text and key together
// (one text may come with several keys), short and long, across growth.
func TestTokTable(t *testing.T) {
	var tt tokTable
	type tok struct{ text, key string }
	var toks []tok
	for i := range 10000 {
		w := strings.Repeat(string(rune('a'+i%26)), 1+i%40) + strconv.Itoa(i)
		toks = append(toks, tok{w, strings.ToLower(w)}, tok{w, ""}, tok{w, w + "-stem"})
	}
	for i, k := range toks {
		if _, ok := tt.find(k.text, k.key); ok {
			t.Fatalf("%q/%q found before it was added", k.text, k.key)
		}
		tt.add(k.text, k.key, tokFacts{key: int32(i)})
	}
	for i, k := range toks {
		f, ok := tt.find(k.text, k.key)
		if !ok || f.key != int32(i) {
			t.Fatalf("%q/%q: %v, %v; want %d, true", k.text, k.key, f.key, ok, i)
		}
	}
	if _, ok := tt.find("a0", "a"); ok {
		t.Error("a key never added was found")
	}
}

// TestTokTableRecent checks the token table's look-ups through its cache
// of recent keys (tokTable.recent) against a map of what was added: keys
// shared as extraction shares them (one string per word), copies of them
// at other addresses, texts of one length under one key, so that a slot
// the cache finds by a key's address often holds another text, and more
// pairs than the cache has slots.
func TestTokTableRecent(t *testing.T) {
	var tt tokTable
	rng := rand.New(rand.NewPCG(5, 6))
	var keys []string
	for i := range 3000 {
		keys = append(keys, "k"+strconv.Itoa(i))
	}
	texts := []string{"Said", "said", "SAID", "sAid", "Says", "said's"}
	want := map[[2]string]int32{}
	for i := range 200000 {
		key := keys[rng.IntN(len(keys))]
		if rng.IntN(4) == 0 {
			key = strings.Clone(key) // the same key at another address
		}
		text := texts[rng.IntN(len(texts))] + key[1:]
		f, ok := tt.find(text, key)
		w, had := want[[2]string{text, key}]
		if ok != had || ok && f.key != w {
			t.Fatalf("look-up %d, %q/%q: %v, %v; want %v, %v", i, text, key, f.key, ok, w, had)
		}
		if !ok {
			want[[2]string{text, key}] = int32(i)
			tt.add(text, key, tokFacts{key: int32(i)})
		}
	}
}

// TestTokSlotSize: an entry of the token table takes one cache line, as
// its look-up (one read of one entry) was measured with; a field added or
// reordered that makes it larger fails here rather than only slowing.
func TestTokSlotSize(t *testing.T) {
	if got := unsafe.Sizeof(tokSlot{}); got != 64 {
		t.Errorf("tokSlot takes %d bytes, want 64", got)
	}
}

// TestPanicLeavesTables: a comparison that panics (here its name matcher)
// spoils no later comparison, whatever state it left its table in.
func TestPanicLeavesTables(t *testing.T) {
	docs := []*extract.Document{
		extract.Extract("Gaddafi's forces shelled the town overnight, killing 12 people.", extract.WithOutlet("A")),
		extract.Extract("Qaddafi forces shelled the town, killing twelve people, witnesses said.", extract.WithOutlet("B")),
	}
	var before bytes.Buffer
	if err := Compare(docs).WriteJSON(&before); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		func() {
			defer func() { _ = recover() }()
			Compare(docs, NameMatcher(func(a, b string) bool { panic("matcher") }))
		}()
	}
	var after bytes.Buffer
	if err := Compare(docs).WriteJSON(&after); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before.String(), after.String()); diff != "" {
		t.Errorf("a comparison after panicking ones differs:\n%s", diff)
	}
}

// TestNearAmongSkewed: on words of English-like syllables, where a few
// trigrams ("ing", "ion") are in many words, the search of a comparison
// of many new words gives the pairs a brute-force search gives.
func TestNearAmongSkewed(t *testing.T) {
	syl := []string{"ing", "ion", "er", "an", "con", "pre", "st", "ed", "tr", "ment", "al", "ic", "ou", "ble", "ist", "re", "ov", "ta"}
	rng := rand.New(rand.NewPCG(5, 6))
	seen := map[string]bool{}
	var words []string
	for len(words) < 700 {
		var b strings.Builder
		for n := 2 + rng.IntN(3); n > 0; n-- {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		w := b.String()
		cands := []string{w}
		if rng.IntN(2) == 0 { // with a spelling variant: a letter changed
			i := rng.IntN(len(w))
			cands = append(cands, w[:i]+string(rune('a'+rng.IntN(26)))+w[i+1:])
		}
		for _, c := range cands {
			if !seen[c] {
				seen[c] = true
				words = append(words, c)
			}
		}
	}
	table := newFeatTable()
	ids := make([]int32, len(words))
	for i, w := range words {
		ids[i] = table.id(kindWord, w)
	}
	got := map[string][]string{}
	for i, ns := range nearAmong(table, ids, &table.sc) {
		for _, n := range ns {
			got[words[i]] = append(got[words[i]], words[n])
		}
		slices.Sort(got[words[i]])
	}
	want := bruteNear(words)
	pairs := 0
	for _, l := range want {
		pairs += len(l)
	}
	if pairs < 100 {
		t.Fatalf("only %d neighbour pairs: the test words are too far apart to test anything", pairs)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("nearAmong (-brute force +got):\n%s", diff)
	}
}

// TestKeyCounts checks the table's key-count map for unifyAcross: empty
// when handed out, emptied after use, and dropped when it grew past
// maxKeyCount (an empty map costs its largest size to clear).
func TestKeyCounts(t *testing.T) {
	tests := []struct {
		name string
		keys int
		kept bool
	}{
		{"none", 0, true},
		{"a few", 3, true},
		{"at the bound", maxKeyCount, true},
		{"past the bound", maxKeyCount + 1, false},
	}
	for _, tt := range tests {
		tab := newFeatTable()
		m := tab.keyCounts()
		if len(m) != 0 {
			t.Fatalf("%s: keyCounts gave %d keys", tt.name, len(m))
		}
		for i := range tt.keys {
			m[strconv.Itoa(i)]++
		}
		tab.emptyKeyCounts()
		if kept := tab.keyCount != nil; kept != tt.kept {
			t.Errorf("%s: map kept = %v, want %v", tt.name, kept, tt.kept)
		}
		if got := tab.keyCounts(); len(got) != 0 {
			t.Errorf("%s: the next keyCounts gave %d keys", tt.name, len(got))
		}
	}
}

// TestAppendInSlab checks appendIn against append: lists grown in one
// slab hold what append gives them, however their appends interleave, and
// none writes into another.
func TestAppendInSlab(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 9))
	var s slab[int32]
	got, want := make([][]int32, 8), make([][]int32, 8)
	for step := range 3000 {
		k := rng.IntN(len(got))
		vs := make([]int32, rng.IntN(4))
		for i := range vs {
			vs[i] = int32(step)
		}
		got[k] = appendIn(&s, got[k], vs...)
		want[k] = append(want[k], vs...)
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("step %d: list %d is %v, want %v", step, i, got[i], want[i])
			}
		}
		if step%500 == 499 {
			s.reset()
			clear(got)
			clear(want)
		}
	}
}
