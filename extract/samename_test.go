package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// sameNameRef is SameName as written before its shortcuts (one direction
// of wordSubset, the substring search, the rune-set test): the rule
// itself, for TestSameNameShortcuts.
func sameNameRef(a, b string) bool {
	if a == b {
		return true
	}
	if initialsOf(a, b) || initialsOf(b, a) || ledAlike(a, b) {
		return true
	}
	if wordSubset(a, b) {
		return keepsPlacePrefix(a, b) && shortFor(a, b)
	}
	if wordSubset(b, a) {
		return keepsPlacePrefix(b, a) && shortFor(b, a)
	}
	la, lb := len(a), len(b)
	if la < 5 || lb < 5 || a[0] != b[0] && min(la, lb) < 7 {
		return false
	}
	limit := 1
	if min(la, lb) >= 10 {
		limit = 2
	}
	if ra, rb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); ra-rb > limit || rb-ra > limit {
		return false
	}
	return levenshtein.ComputeDistance(a, b) <= limit && sameWords(a, b)
}

// nearLetters is the alphabet of nearWords.
var nearLetters = []rune("abdeilnorstuyé")

// nearWords returns a maker of random words of 2 to 9 letters from a
// small alphabet (an accent included), so that many of its words are
// within an edit of each other.
func nearWords(rng *rand.Rand) func() string {
	return func() string {
		r := make([]rune, 2+rng.IntN(8))
		for i := range r {
			r[i] = nearLetters[rng.IntN(len(nearLetters))]
		}
		return string(r)
	}
}

// TestSameNameShortcuts: SameName's shortcuts change no answer, on pairs
// of names made from a few letters (so that many pairs are near) with
// words added, dropped and letters changed, accents included.
func TestSameNameShortcuts(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	word := nearWords(rng)
	name := func() string {
		w := []string{word()}
		for rng.IntN(3) == 0 {
			w = append(w, word())
		}
		return strings.Join(w, " ")
	}
	vary := func(s string) string {
		r := []rune(s)
		for range 1 + rng.IntN(3) {
			i := rng.IntN(len(r))
			switch rng.IntN(4) {
			case 0:
				r = append(r[:i], r[i+1:]...)
			case 1:
				r = append(r[:i+1], r[i:]...)
			case 2:
				r[i] = nearLetters[rng.IntN(len(nearLetters))]
			default:
				return s + " " + word()
			}
			if len(r) == 0 {
				return s
			}
		}
		return string(r)
	}
	same, n := 0, 200000
	if testing.Short() {
		n = 20000
	}
	for range n {
		a := name()
		b := vary(a)
		if rng.IntN(4) == 0 {
			b = name()
		}
		want := sameNameRef(a, b)
		if got := SameName(a, b); got != want {
			t.Fatalf("SameName(%q, %q) = %v, want %v", a, b, got, want)
		}
		if want {
			same++
		}
	}
	if same < n/200 {
		t.Errorf("only %d pairs named one entity: the test asks too little", same)
	}
}

// FuzzSameName: SameName never panics, is symmetric and agrees with the
// rule without its shortcuts, on any two strings (invalid UTF-8, blanks
// and place words included).
func FuzzSameName(f *testing.F) {
	for _, p := range [][2]string{
		{"york", "new york"}, {"new york", "new york city"}, {"comets", "new brennick comets"},
		{"north avelia", "south avelia"}, {"kim jong un", "kim jongun"}, {"st louis", "st louis county"},
		{"qaddafi", "gaddafi foundation"}, {"a  b", "a b c"}, {"\xff\xfe", "\xff \xfe"},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		got := SameName(a, b)
		if back := SameName(b, a); back != got {
			t.Fatalf("SameName(%q, %q) = %v but SameName(%q, %q) = %v", a, b, got, b, a, back)
		}
		if want := sameNameRef(a, b); got != want {
			t.Fatalf("SameName(%q, %q) = %v, the rule says %v", a, b, got, want)
		}
		// CanonicalKeys asks SameName only what the keys' facts leave open.
		if ka, kb := newNameKey(a), newNameKey(b); got && !mayBeSameName(a, b, &ka, &kb) {
			t.Fatalf("SameName(%q, %q) but mayBeSameName rules the pair out", a, b)
		}
	})
}
