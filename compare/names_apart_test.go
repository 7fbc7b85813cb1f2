package compare

import (
	"math/rand/v2"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// namesApart fails the test when two distinct entity keys of the claims
// name one entity by extract.SameName, in either order.
func namesApart(t *testing.T, docs []*extract.Document) {
	t.Helper()
	seen := map[string]bool{}
	var keys []string
	for _, d := range docs {
		for _, c := range d.Claims {
			for _, e := range c.Entities {
				if !seen[e.Key] {
					seen[e.Key] = true
					keys = append(keys, e.Key)
				}
			}
		}
	}
	for i, a := range keys {
		for _, b := range keys[i+1:] {
			if extract.SameName(a, b) || extract.SameName(b, a) {
				t.Errorf("after unifyAcross, %q and %q are still apart though SameName matches them", a, b)
			}
		}
	}
}

// TestUnifiedNamesApart checks what compareWith relies on to skip the
// search for spelling variants of names with the default matcher: after
// unifyAcross no two distinct keys of the claims are SameName variants.
// Made-up keys with many variants (some chained: a variant of a variant),
// then the BASIL development events when ../shared is there.
func TestUnifiedNamesApart(t *testing.T) {
	names := []string{"gaddafi", "qaddafi", "kadhafi", "gadhafi", "muammar gaddafi", "lexmark",
		"lexmark international", "new york", "new york city", "york", "netanyahu", "netanyahoo",
		"benjamin netanyahu", "zelensky", "zelenskyy", "zelenskiy", "volodymyr zelensky", "hamas",
		"khalil hayya", "hayya", "al-hayya", "white house", "house", "trump", "donald trump", "trumps",
		"abcdefghij", "abcdefghxx", "abcdefxxxx", "smith", "smyth", "smithe", "jones"}
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 200 {
		// A few documents of a few claims, each naming some of the keys.
		var docs []*extract.Document
		for range 2 + rng.IntN(3) {
			d := &extract.Document{}
			for range 1 + rng.IntN(4) {
				var c extract.Claim
				for range rng.IntN(4) {
					c.Entities = append(c.Entities, extract.Entity{Key: names[rng.IntN(len(names))]})
				}
				d.Claims = append(d.Claims, c)
			}
			docs = append(docs, d)
		}
		unifyAcross(docs, extract.SameName, nil)
		if t.Failed() {
			break
		}
		namesApart(t, docs)
		if t.Failed() {
			t.Logf("round %d", round)
		}
	}
	if testing.Short() {
		return
	}
	events := devEvents(t)
	for _, docs := range events {
		// unifyAcross changes the documents' claims: on copies, as
		// compareWith does.
		for i, d := range docs {
			c := *d
			c.Claims = append([]extract.Claim(nil), d.Claims...)
			docs[i] = &c
		}
		unifyAcross(docs, extract.SameName, nil)
		namesApart(t, docs)
	}
}
