package compare

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestMarkerTextsPlainRule checks appendDisplayTexts, which compares the
// entries it writes in place, against the rule it stands for: a map of
// the strings.ToLower forms of the entries, the first of each form
// joined by "; ". The words mix case, non-ASCII letters whose lower case
// is ASCII (the Kelvin sign) or longer or shorter than they are, invalid
// UTF-8 and stances.
func TestMarkerTextsPlainRule(t *testing.T) {
	words := []string{"said", "SAID", "Said", "told", "denied", "\u212aelvin", "kelvin", "KELVIN", "İstanbul", "istanbul",
		"i\u0307stanbul", "straße", "STRASSE", "\xff", "\xfe", "a; b", "a", "b", "said (neutral)", ""}
	stances := []string{"", "neutral", "denial", "NEUTRAL"}
	plainTexts := func(kind string, vals []Value) string {
		seen := map[string]bool{}
		var out []string
		for _, v := range vals {
			t := v.Text
			if kind == extract.KindAttribution && v.Stance != "" {
				t += " (" + v.Stance + ")"
			}
			if k := strings.ToLower(t); !seen[k] {
				seen[k] = true
				out = append(out, t)
			}
		}
		return strings.Join(out, "; ")
	}
	rng := rand.New(rand.NewPCG(15, 1))
	for trial := range 5000 {
		kind := extract.KindAttribution
		if rng.IntN(2) == 0 {
			kind = extract.KindLabel
		}
		vals := make([]Value, rng.IntN(24))
		for i := range vals {
			vals[i] = Value{Text: words[rng.IntN(len(words))], Stance: stances[rng.IntN(len(stances))]}
		}
		if got, want := string(appendDisplayTexts([]byte("x: "), kind, vals)), "x: "+plainTexts(kind, vals); got != want {
			t.Fatalf("trial %d: display texts %q, want %q", trial, got, want)
		}
	}
}
