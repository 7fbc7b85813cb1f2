package compare

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	gocmp "github.com/google/go-cmp/cmp"
)

var deriveParaphrase = flag.Bool("derive-paraphrase", false, "derive compare/paraphrase.txt again from ../shared/dev/mrpc-train.tsv")

// mrpcPair is one sentence pair of MRPC's training split.
type mrpcPair struct {
	pos      bool // judged equivalent
	a, b     string
	idA, idB string // MRPC's sentence ids: a sentence may be in several pairs
}

// loadMRPC reads ../shared/dev/mrpc-train.tsv, skipping the test when it
// is absent (a checkout outside the workspace).
func loadMRPC(t *testing.T) []mrpcPair {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "dev", "mrpc-train.tsv"))
	if err != nil {
		t.Skip("no ../shared/dev/mrpc-train.tsv: the MRPC development data is not in this checkout")
	}
	defer f.Close()
	var out []mrpcPair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for first := true; sc.Scan(); first = false {
		r := strings.Split(sc.Text(), "\t")
		if first || len(r) < 5 {
			continue
		}
		out = append(out, mrpcPair{r[0] == "1", r[3], r[4], r[1], r[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// wordKeys is the set of word keys of a text's claims, as prepare keys them.
func wordKeys(text string) map[string]bool {
	d := extract.Extract(text, extract.WithOutlet("a"))
	w := map[string]bool{}
	for j := range d.Claims {
		for _, f := range prepare(0, j, &d.Claims[j]).raw {
			if f.key.kind == kindWord {
				w[f.key.key] = true
			}
		}
	}
	return w
}

// onlyWords is a sentence pair reduced to the word keys only one side has.
type onlyWords struct {
	pos          bool
	onlyA, onlyB []string
	story        int // pairs that share a sentence, directly or through others, share a story
}

func onlyWordsOf(p mrpcPair, story int) onlyWords {
	a, b := wordKeys(p.a), wordKeys(p.b)
	o := onlyWords{pos: p.pos, story: story}
	for w := range a {
		if !b[w] {
			o.onlyA = append(o.onlyA, w)
		}
	}
	for w := range b {
		if !a[w] {
			o.onlyB = append(o.onlyB, w)
		}
	}
	slices.Sort(o.onlyA)
	slices.Sort(o.onlyB)
	return o
}

// stories numbers the stories of pairs: the groups of pairs connected
// through a sentence they share. MRPC pairs one sentence with several
// others of its story, and a pair of words linked in each of them is a
// fact of that story ("visitors" / "injured"), not a paraphrase.
func stories(pairs []mrpcPair) []int {
	parent := map[string]string{}
	var find func(x string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, p := range pairs {
		parent[find(p.idA)] = find(p.idB)
	}
	num := map[string]int{}
	out := make([]int, len(pairs))
	for i, p := range pairs {
		r := find(p.idA)
		if _, ok := num[r]; !ok {
			num[r] = len(num)
		}
		out[i] = num[r]
	}
	return out
}

// wordPair is an unordered pair of word keys, the smaller first.
type wordPair struct{ x, y string }

func pairOf(x, y string) wordPair {
	if y < x {
		x, y = y, x
	}
	return wordPair{x, y}
}

// paraEntry is a pair of the derived table with the counts that selected it.
type paraEntry struct {
	x, y       string
	links, neg int
	dice       float64
}

// The selection rule of the derived table (written into its header).
const (
	paraMinCo       = 2   // co-occurrences (one word only on each side) for a pair to be linked at all
	paraMinLinks    = 3   // linked in at least this many paraphrase pairs
	paraMinDice     = 0.1 // Dice of the two words over the paraphrase pairs
	paraMaxPartners = 3   // partners per word, the most linked first
)

// deriveParaphrases derives word paraphrases from sentence pairs as a
// translation table is derived from parallel text, by competitive linking
// (Melamed 2000): over the pairs judged equivalent, a word only one side
// has and a word only the other side has co-occur; their association is
// the Dice coefficient of those co-occurrences; in each pair the most
// associated words are linked first, each word once. A pair of words is
// kept when it is linked often, strongly associated, linked in pairs
// judged not equivalent at most half as often as in equivalent ones (the
// rate of chance, as a third of the pairs are not equivalent), and is not
// a spelling variant (matched already).
func deriveParaphrases(ows []onlyWords) []paraEntry {
	n := map[string]int{}
	co := map[wordPair]int{}
	for _, o := range ows {
		if !o.pos {
			continue
		}
		for _, x := range o.onlyA {
			n[x]++
			for _, y := range o.onlyB {
				co[pairOf(x, y)]++
			}
		}
		for _, y := range o.onlyB {
			n[y]++
		}
	}
	dice := func(p wordPair) float64 { return 2 * float64(co[p]) / float64(n[p.x]+n[p.y]) }
	links := map[wordPair]int{}
	neg := map[wordPair]int{}
	seen := map[wordPair]map[int]bool{} // stories a pair was linked in, equivalent pairs only
	var cand []wordPair
	for _, o := range ows {
		cand = cand[:0]
		for _, x := range o.onlyA {
			for _, y := range o.onlyB {
				if p := pairOf(x, y); co[p] >= paraMinCo {
					cand = append(cand, p)
				}
			}
		}
		slices.SortFunc(cand, func(p, q wordPair) int {
			return cmp.Or(cmp.Compare(dice(q), dice(p)), strings.Compare(p.x, q.x), strings.Compare(p.y, q.y))
		})
		used := map[string]bool{}
		for _, p := range cand {
			if used[p.x] || used[p.y] {
				continue
			}
			used[p.x], used[p.y] = true, true
			switch {
			case !o.pos:
				neg[p]++
			case !seen[p][o.story]:
				if seen[p] == nil {
					seen[p] = map[int]bool{}
				}
				seen[p][o.story] = true
				links[p]++
			}
		}
	}
	var out []paraEntry
	for p, l := range links {
		if l < paraMinLinks || dice(p) < paraMinDice || 2*neg[p] > l || trigramJaccard(p.x, p.y) >= nearJaccard {
			continue
		}
		out = append(out, paraEntry{p.x, p.y, l, neg[p], dice(p)})
	}
	slices.SortFunc(out, func(p, q paraEntry) int {
		return cmp.Or(cmp.Compare(q.links, p.links), cmp.Compare(q.dice, p.dice), strings.Compare(p.x, q.x), strings.Compare(p.y, q.y))
	})
	partners := map[string]int{}
	kept := out[:0]
	for _, e := range out {
		if partners[e.x] >= paraMaxPartners || partners[e.y] >= paraMaxPartners {
			continue
		}
		partners[e.x]++
		partners[e.y]++
		kept = append(kept, e)
	}
	return kept
}

func trigramJaccard(x, y string) float64 {
	a, b := trigrams(x), trigrams(y)
	inter := 0
	for _, t := range a {
		if _, ok := slices.BinarySearch(b, t); ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

const paraphraseHeader = `# paraphrase: word keys (stems, as compare keys a claim's words) that say the same in news
# source: Microsoft Research Paraphrase Corpus, training split (Dolan & Brockett 2005, "Automatically
#   Constructing a Corpus of Sentential Paraphrases", IWP): 4,076 pairs of news sentences, 2,753 judged
#   equivalent. Microsoft Research Shared Source License: non-commercial research use. Only word keys
#   and counts are stored here, no sentence.
# derived by: go test ./compare -run TestDeriveParaphrases -derive-paraphrase (compare/paraphrase_test.go)
# how: each sentence is extracted and keyed as compare keys it; in a pair, the word keys only one side has
#   and those only the other side has are candidate correspondences, linked competitively (Melamed 2000):
#   most associated first (Dice of their co-occurrences over the equivalent pairs), each word once.
# rule: linked in at least %d equivalent pairs (co-occurring in at least %d), Dice at least %.2f, linked in
#   non-equivalent pairs at most half as often, not a spelling variant (character trigrams), at most %d
#   partners a word.
# format: KEY<TAB>KEY<TAB>links in equivalent pairs<TAB>links in non-equivalent pairs<TAB>Dice
`

func formatParaphrases(es []paraEntry) string {
	var b strings.Builder
	fmt.Fprintf(&b, paraphraseHeader, paraMinLinks, paraMinCo, paraMinDice, paraMaxPartners)
	for _, e := range es {
		fmt.Fprintf(&b, "%s\t%s\t%d\t%d\t%.3f\n", e.x, e.y, e.links, e.neg, e.dice)
	}
	return b.String()
}

func tableOf(es []paraEntry) map[string][]string {
	return parseParaphrases(formatParaphrases(es))
}

// TestDeriveParaphrases checks that compare/paraphrase.txt is what its
// rule derives from MRPC's training split (with -derive-paraphrase it
// writes it again).
func TestDeriveParaphrases(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 8,152 sentences; run without -short")
	}
	pairs := loadMRPC(t)
	st := stories(pairs)
	var ows []onlyWords
	for i, p := range pairs {
		ows = append(ows, onlyWordsOf(p, st[i]))
	}
	got := formatParaphrases(deriveParaphrases(ows))
	if *deriveParaphrase {
		if err := os.WriteFile("paraphrase.txt", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := gocmp.Diff(paraphraseData, got); diff != "" {
		t.Errorf("paraphrase.txt is not what its rule derives (-stored +derived; -derive-paraphrase rewrites it):\n%s", diff)
	}
}

// withParaphrases scores with table until the test ends. Tests that call
// it must not run in parallel.
func withParaphrases(t *testing.T, table map[string][]string) {
	old := paraphraseTable
	paraphraseTable = table
	t.Cleanup(func() { paraphraseTable = old })
}

// mrpcCounts are the confusion counts of eval-mrpc.
type mrpcCounts struct{ tp, fp, fn, tn int }

func (c mrpcCounts) String() string {
	n := c.tp + c.fp + c.fn + c.tn
	p := float64(c.tp) / float64(c.tp+c.fp)
	r := float64(c.tp) / float64(c.tp+c.fn)
	return fmt.Sprintf("accuracy %.3f  precision %.3f  recall %.3f  F1 %.3f  (%d pairs)", float64(c.tp+c.tn)/float64(n), p, r, 2*p*r/(p+r), n)
}

func (c mrpcCounts) accuracy() float64 { return float64(c.tp+c.tn) / float64(c.tp+c.fp+c.fn+c.tn) }

// scoreMRPC judges pairs as eval-mrpc does: two one-sentence articles of
// one event match when their claims share a group whose verdict is not
// "related".
func scoreMRPC(pairs []mrpcPair) mrpcCounts {
	var c mrpcCounts
	for _, p := range pairs {
		r := Compare([]*extract.Document{extract.Extract(p.a, extract.WithOutlet("a")), extract.Extract(p.b, extract.WithOutlet("b"))})
		match := false
		for _, g := range r.Groups {
			if g.Verdict != "related" && len(g.Claims) >= 2 {
				match = true
			}
		}
		switch {
		case p.pos && match:
			c.tp++
		case match:
			c.fp++
		case p.pos:
			c.fn++
		default:
			c.tn++
		}
	}
	return c
}

// TestParaphraseTwoFold measures the table on MRPC without circularity: a
// table derived from the pairs of even-numbered stories scores those of
// odd-numbered ones and the other way round, against the score without a
// table on the same halves.
func TestParaphraseTwoFold(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and compares 8,152 sentences twice; run without -short")
	}
	pairs := loadMRPC(t)
	var halves [2][]mrpcPair
	var ows [2][]onlyWords
	st := stories(pairs)
	for i, p := range pairs {
		// By story, so that no story is in both halves.
		h := st[i] % 2
		halves[h] = append(halves[h], p)
		ows[h] = append(ows[h], onlyWordsOf(p, st[i]))
	}
	var plainAll, paraAll mrpcCounts
	for k := range 2 {
		es := deriveParaphrases(ows[1-k])
		withParaphrases(t, nil)
		plain := scoreMRPC(halves[k])
		withParaphrases(t, tableOf(es))
		para := scoreMRPC(halves[k])
		t.Logf("half %d, table of %d pairs from the other half: plain %v", k, len(es), plain)
		t.Logf("half %d, table of %d pairs from the other half: table %v", k, len(es), para)
		plainAll = mrpcCounts{plainAll.tp + plain.tp, plainAll.fp + plain.fp, plainAll.fn + plain.fn, plainAll.tn + plain.tn}
		paraAll = mrpcCounts{paraAll.tp + para.tp, paraAll.fp + para.fp, paraAll.fn + para.fn, paraAll.tn + para.tn}
	}
	t.Logf("both halves: plain %v", plainAll)
	t.Logf("both halves: table %v", paraAll)
	if paraAll.accuracy() < plainAll.accuracy() {
		t.Errorf("held-out accuracy with the table %.3f fell below the plain score's %.3f", paraAll.accuracy(), plainAll.accuracy())
	}
}
