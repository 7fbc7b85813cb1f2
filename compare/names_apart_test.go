package compare

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// claimKeys returns the distinct entity keys of the documents' claims, in
// the order they first appear, and the same as a set.
func claimKeys(docs []*extract.Document) ([]string, map[string]bool) {
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
	return keys, seen
}

// namesApart fails the test when two distinct entity keys of the claims
// name one entity by extract.SameName, in either order, unless the
// one-person rule held them apart; before holds the keys before
// unifyAcross, which that rule reads.
func namesApart(t *testing.T, docs []*extract.Document, before map[string]bool) {
	t.Helper()
	keys, _ := claimKeys(docs)
	for i, a := range keys {
		for _, b := range keys[i+1:] {
			if heldApart(a, b, before) || heldApart(b, a, before) {
				continue
			}
			if extract.SameName(a, b) || extract.SameName(b, a) {
				t.Errorf("after unifyAcross, %q and %q are still apart though SameName matches them", a, b)
			}
		}
	}
}

// heldApart reports whether extract's one-person rule keeps short and long
// apart though SameName matches them: long is a person's "given family"
// key (relatives told apart in one document) and short is the family name,
// which joins one person's key only (so another person's "given family"
// key stood among the keys before unifying), or the given name while the family
// name is a key of its own ("paul" is Rand Paul, not "paul ryan"). An
// organisation's head is no family name ("defense department" and
// "treasury department" both meet "department"), so those must still meet.
func heldApart(short, long string, keys map[string]bool) bool {
	given, family, ok := strings.Cut(long, " ")
	if !ok || given == "" || strings.Contains(family, " ") {
		return false
	}
	lex := extract.DefaultLexicon()
	if lex.Word(extract.LexOrgHead, family) != nil || lex.Word(extract.LexOrgHead, strings.TrimSuffix(family, "s")) != nil {
		return false
	}
	if short == family {
		// The family name joins one person's key only: another's must
		// stand beside this one ("hillary clinton" took "clinton", so
		// "william clinton" stays apart; "donald trump" alone takes
		// "trump").
		others := 0
		for k := range keys {
			if g, f, ok := strings.Cut(k, " "); ok && f == family && g != given {
				others++
			}
		}
		return others > 0
	}
	return short == given && keys[family]
}

// TestUnifiedNamesApart checks what compareWith relies on to skip the
// search for spelling variants of names with the default matcher: after
// unifyAcross no two distinct keys of the claims are SameName variants,
// unless the one-person rule held them apart (heldApart).
// Made-up keys with many variants (some chained: a variant of a variant),
// then the BASIL development events when ../shared is there.
func TestUnifiedNamesApart(t *testing.T) {
	names := []string{"gaddafi", "qaddafi", "kadhafi", "gadhafi", "muammar gaddafi", "lexmark",
		"lexmark international", "new york", "new york city", "york", "netanyahu", "netanyahoo",
		"benjamin netanyahu", "zelensky", "zelenskyy", "zelenskiy", "volodymyr zelensky", "hamas",
		"khalil hayya", "hayya", "al-hayya", "white house", "house", "trump", "donald trump", "melania trump", "trumps",
		"paul", "paul ryan", "ryan", "treasury department", "defense department", "department",
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
		_, before := claimKeys(docs)
		unifyAcross(docs, extract.SameName, nil)
		if t.Failed() {
			break
		}
		namesApart(t, docs, before)
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
		_, before := claimKeys(docs)
		unifyAcross(docs, extract.SameName, nil)
		namesApart(t, docs, before)
	}
}
