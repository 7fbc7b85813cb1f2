package compare

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestLargeComparisonOnCores compares documents with enough claims to
// score on several cores (parallelClaims) on two cores and on one: the
// reports must be the same bytes. A bandSeen hook that does nothing makes
// every pair in the band model's band ask for its verbatim run, on
// whichever worker scores it, so the run's inputs (the token keys
// prepare leaves pending, lazykeys.go) are read by several workers at
// once. Under -race this is the only test of that path; the race
// detector cannot be relied on to catch a look-up moved into the workers,
// though: the word table's locks in extract order them often enough to
// hide it, so TestLookUpAllKeys checks the look-ups' place directly.
func TestLargeComparisonOnCores(t *testing.T) {
	if testing.Short() {
		t.Skip("a comparison of over a thousand claims")
	}
	docs := parallelDocs(3, parallelClaims/3+120)
	n := 0
	for _, d := range docs {
		n += len(d.Claims)
	}
	if n < parallelClaims {
		t.Fatalf("%d claims, want at least %d to score on several cores", n, parallelClaims)
	}
	report := func(procs int, opts ...Option) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var b bytes.Buffer
		if err := Compare(docs, opts...).WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	band := 0
	report(1, optionFunc(func(c *config) {
		c.bandSeen = func(a, b *claimFeatures, x [nBand]float64) { band++ }
	}))
	if band == 0 {
		t.Fatal("no pair in the band model's band: no verbatim run is asked for")
	}
	every := optionFunc(func(c *config) { c.bandSeen = func(a, b *claimFeatures, x [nBand]float64) {} })
	if serial, parallel := report(1, every), report(2, every); !bytes.Equal(serial, parallel) {
		t.Error("the report on two cores differs from the one on one core")
	}
}

// parallelDocs writes n articles of about claims sentences each about one
// made-up event: each outlet words most sentences a little differently,
// drops some and reorders a few, so that many pairs score in the band
// model's band under the threshold.
func parallelDocs(n, claims int) []*extract.Document {
	rng := rand.New(rand.NewPCG(12, 34))
	who := []string{"The harbour master", "A council spokeswoman", "Fire crews from Wexley", "The regional water board", "Two residents of Marlow Street", "Inspector Dana Holt", "The ferry operator", "Local shopkeepers"}
	did := []string{"said", "confirmed", "reported", "warned", "told reporters", "insisted", "estimated", "denied"}
	what := []string{"the flood barrier failed", "the east pier was closed", "power returned to most homes", "the river rose overnight", "the old bridge would reopen", "the evacuation order was lifted", "the pumps ran all night", "the insurance claims were mounting"}
	when := []string{"on Tuesday", "late on Monday", "after the storm", "before dawn", "by noon", "this week", "on Friday evening", "within hours"}
	extra := []string{"", " according to officials", " in a brief statement", " after an inspection", " despite the rain", " for the first time"}
	base := make([]string, claims)
	for i := range base {
		base[i] = fmt.Sprintf("%s %s that %s %s, and %d people were affected%s.", who[rng.IntN(len(who))], did[rng.IntN(len(did))],
			what[rng.IntN(len(what))], when[rng.IntN(len(when))], 10+rng.IntN(900), extra[rng.IntN(len(extra))])
	}
	docs := make([]*extract.Document, n)
	for d := range docs {
		var sents []string
		for _, s := range base {
			if rng.IntN(8) == 0 {
				continue
			}
			w := strings.Fields(s)
			for k := 0; k < rng.IntN(4); k++ {
				i := rng.IntN(len(w) - 1)
				w[i] = []string{"reportedly", "later", "also", "so-called", "some", "the"}[rng.IntN(6)]
			}
			sents = append(sents, strings.Join(w, " "))
		}
		for k := 0; k < len(sents)/10; k++ {
			i, j := rng.IntN(len(sents)), rng.IntN(len(sents))
			sents[i], sents[j] = sents[j], sents[i]
		}
		var b strings.Builder
		for i, s := range sents {
			b.WriteString(s)
			if i%3 == 2 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		docs[d] = extract.Extract(b.String(), extract.WithOutlet(fmt.Sprintf("outlet %c", 'A'+d)))
	}
	return docs
}
