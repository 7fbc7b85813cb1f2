package compare

import (
	"math/rand/v2"
	"testing"
)

// TestLookUpAllKeys checks where the token keys prepare leaves pending are
// looked up: all of them before the scoring of a comparison large enough
// for several cores (the table takes no lock), none for a small one, whose
// claims look theirs up on first use.
func TestLookUpAllKeys(t *testing.T) {
	for _, tc := range []struct {
		claims  int
		pending bool
	}{{parallelClaims/3 + 120, false}, {20, true}} {
		tab := acquireTable()
		var feats [][]*claimFeatures
		for i, d := range parallelDocs(3, tc.claims) {
			var fs []*claimFeatures
			for j := range d.Claims {
				fs = append(fs, prepare(tab, i, j, &d.Claims[j]))
			}
			feats = append(feats, fs)
		}
		lookUpAllKeys(feats)
		pending := 0
		for _, d := range feats {
			for _, cf := range d {
				for _, id := range cf.keyID {
					if id == keyPending {
						pending++
					}
				}
			}
		}
		if (pending > 0) != tc.pending {
			t.Errorf("%d claims a document (large %v): %d keys pending after lookUpAllKeys", tc.claims, large(feats), pending)
		}
		tab.release()
	}
}

// TestVerbatimRunLazyKeys checks that the verbatim run of claims whose
// keys are looked up on first use is the run of the same claims with every
// key looked up when prepared.
func TestVerbatimRunLazyKeys(t *testing.T) {
	tab := acquireTable()
	defer tab.release()
	docs := parallelDocs(2, 60)
	var lazy, eager [2][]*claimFeatures
	for i, d := range docs {
		for j := range d.Claims {
			// Every key as prepare looked them all up before.
			e := prepare(tab, i, j, &d.Claims[j])
			for k, tok := range d.Claims[j].Tokens {
				e.keyID[k] = tab.token(tok.Text, tok.Key).key
			}
			e.keysPending = false
			eager[i] = append(eager[i], e)
			lazy[i] = append(lazy[i], prepare(tab, i, j, &d.Claims[j]))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var bufL, bufE runIndex
	long := 0
	for k := 0; k < 2000; k++ {
		a, b := rng.IntN(len(lazy[0])), rng.IntN(len(lazy[1]))
		got := verbatimRun(lazy[0][a], lazy[1][b], &bufL)
		want := verbatimRun(eager[0][a], eager[1][b], &bufE)
		if got != want {
			t.Fatalf("claims %d and %d: run %d with keys looked up on first use, %d with all looked up when prepared", a, b, got, want)
		}
		if want >= 4 {
			long++
		}
	}
	if long == 0 {
		t.Fatal("no pair shares a run of four tokens: the test checks nothing")
	}
}

// TestWordIDIsTokenKey checks that the id lookUpKeys reads for a key is
// the key featTable.token gives a token with that key, whichever of the
// two meets the key first.
func TestWordIDIsTokenKey(t *testing.T) {
	for _, tc := range []struct{ text, key string }{
		{"The", "the"}, {"of", "of"}, {"Trump's", "trump"}, {"e-mail", "email"}, {"A", ""}, {"runs", "run"},
	} {
		first, second := acquireTable(), acquireTable()
		if got, want := first.wordID(tc.key), first.token(tc.text, tc.key).key; got != want {
			t.Errorf("%q: wordID first %d, token %d", tc.key, got, want)
		}
		if want, got := second.token(tc.text, tc.key).key, second.wordID(tc.key); got != want {
			t.Errorf("%q: token first %d, wordID %d", tc.key, want, got)
		}
		first.release()
		second.release()
	}
}
