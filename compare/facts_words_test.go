package compare

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestWordChecksMatchToLower compares negationWord, placePreposition,
// lowerRarity and inLowerSet, which lower-case short ASCII words by hand
// and skip words that cannot match, with the plain definitions on
// strings.ToLower, on words in every case, long and short, with
// typographic apostrophes, letters whose lower case is ASCII (İ → i) and
// random strings; that the refusals and "yet", which negatesAt turns
// away by their first letter, start with one of its; and that mayNegate,
// and negationEdges before it, turn away no word negatesAt reads further.
func TestWordChecksMatchToLower(t *testing.T) {
	words := []string{"", "not", "NOT", "Not", "no", "No", "never", "Neither", "WITHOUT", "refused", "Refuses", "FAILED",
		"don't", "DON'T", "Don’t", "can’t", "CAN’T", "n't", "t", "T", "in", "In", "IN", "iN", "at", "AT", "near", "Near",
		"NEAR", "İn", "İN", "nearby", "inn", "a", "the", "Ankara", "Knot", "\u212Aot", "ﬁn", "ñot", "at\xff", "\xffin",
		"declined", "DECLINES", "Refusal", "refuſals", "YET", "yEt", "ｙet",
		"neİther", "WİTHOUT", "faİled", "nothİng", "NOTHİNG’T", "no\u212Anot", "cannot’t", "İsn't", "won\xe2\x80\x99t", "won\x99t",
		"Internationally", "NEARNEARNEAR", "Government", "The", "A-Team", strings.Repeat("Ab", 20), "When", "WHILE", "Although",
		"wHo", "PLANS", "Intention", "KNOW"}
	rng := rand.New(rand.NewPCG(7, 8))
	letters := []string{"a", "e", "i", "n", "o", "r", "t", "w", "f", "N", "T", "A", "'", "’", "İ", "é", "\u212A", "\xff", "\xe2\x80", "\x99"}
	for i := 0; i < 5000; i++ {
		var sb strings.Builder
		for k := rng.IntN(9); k > 0; k-- {
			sb.WriteString(letters[rng.IntN(len(letters))])
		}
		words = append(words, sb.String())
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if got, want := negationWord(w), negationWords[lw] || strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t"); got != want {
			t.Errorf("negationWord(%q) = %v, want %v", w, got, want)
		}
		if !mayNegate(w) && (negationWord(w) || w != "" && strings.Contains("dry", string(rune(w[0]|0x20)))) {
			t.Errorf("mayNegate(%q) = false for a word negatesAt reads further", w)
		}
		if !negationEdges(w) && mayNegate(w) {
			t.Errorf("negationEdges(%q) = false for a word mayNegate passes", w)
		}
		if (refusalBeforeTo(w) || strings.EqualFold(w, "yet")) && !strings.Contains("dry", string(rune(w[0]|0x20))) {
			t.Errorf("%q is a refusal or yet, which negatesAt turns away by its first letter", w)
		}
		if got, want := placePreposition(w), placePrepositions[lw]; got != want {
			t.Errorf("placePreposition(%q) = %v, want %v", w, got, want)
		}
		if got, want := lowerRarity(w), rarity(lw); got != want {
			t.Errorf("lowerRarity(%q) = %v, want %v", w, got, want)
		}
		for _, set := range []map[string]bool{subordinators, scopeNouns, toTheLevel, hyphenPrefixes()} {
			if got, want := inLowerSet(set, w), set[lw]; got != want {
				t.Errorf("inLowerSet(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

// TestLastWord: the last word of the text before a name, as placeDiffs
// reads it, is the last word of the whole lower-cased text.
func TestLastWord(t *testing.T) {
	for _, s := range []string{"", " ", "met in ", "Talks were held IN  ", "near", "a\u00a0at ", "x \xff in\t", "İN ", "über near \u2003"} {
		lower := strings.TrimSpace(strings.ToLower(s))
		want := lower[strings.LastIndexByte(lower, ' ')+1:]
		if got := strings.ToLower(lastWord(s)); got != want {
			t.Errorf("lastWord(%q) lower-cased = %q, want %q", s, got, want)
		}
	}
}

// TestIntervalNaNMax: a number's interval reads a Max the caller set,
// which a Document built by hand may leave NaN; against an infinite value
// the upper end is the value, as math.Max gives (the builtin max gives
// NaN there, and two equal numbers then differ).
func TestIntervalNaNMax(t *testing.T) {
	c := &extract.Claim{Text: "The flood killed 5 people.", Span: extract.Span{Start: 0, End: 26}}
	n := extract.Number{Text: "5", Value: math.Inf(1), Max: math.NaN(), Span: extract.Span{Start: 17, End: 18}}
	if lo, hi, _ := interval(c, n); lo != n.Value || !math.IsInf(hi, 1) {
		t.Errorf("interval(+Inf, NaN) = [%v, %v], want [+Inf, +Inf]", lo, hi)
	}
}

func TestNamesYear(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"February", false}, {"Jan. 1", false}, {"Feb. 28", false}, {"Tuesday", false},
		{"February 2019", true}, {"2019-03-01", true}, {"March '19", true}, {"March ’19", true},
		{"Sept. 9", false}, {"'9", false}, {"’", false}, {"", false},
	} {
		if got := namesYear(tc.text); got != tc.want {
			t.Errorf("namesYear(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestNegatesAtEveryRefusal asks negatesAt about each refusal of
// refusalsBeforeTo, in two cases, and about "has yet to": its first-letter
// short cut must let every one of them through.
func TestNegatesAtEveryRefusal(t *testing.T) {
	var texts []string
	for _, r := range refusalsBeforeTo {
		texts = append(texts, "Officials "+r+" to give details of the raid.", "Officials "+strings.ToUpper(r)+" to give details of the raid.")
	}
	texts = append(texts, "Officials have yet to give details of the raid.", "Officials have YET to give details of the raid.")
	for _, text := range texts {
		d := extract.Extract(text)
		if len(d.Claims) != 1 || len(d.Claims[0].Tokens) < 3 {
			t.Fatalf("%q: want one claim of several tokens, got %d claims", text, len(d.Claims))
		}
		if c := &d.Claims[0]; !negatesAt(c, 2) && !negatesAt(c, 1) {
			t.Errorf("%q: negatesAt finds no negation at %q", text, c.Tokens[1].Text)
		}
	}
}

// fieldsAtMost must count words as strings.Fields splits them: Unicode
// spaces (a no-break space, U+0085) and invalid bytes included.
func TestFieldsAtMost(t *testing.T) {
	for _, s := range []string{"", " ", "said", " said on ", "told\tthe\nnews", "a b c d", "a\u00a0b", "a\u0085b c", "x\xffy z", "  two  words  ", "\u2003em\u2003space\u2003"} {
		for n := 0; n <= 4; n++ {
			if got, want := fieldsAtMost(s, n), len(strings.Fields(s)) <= n; got != want {
				t.Errorf("fieldsAtMost(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestBoundTail checks that every bound and approximator fits in
// boundTail bytes, in lower-case ASCII, and that reading them off
// lowerTail agrees with the plain rule, strings.HasSuffix on
// strings.ToLower of the whole text, on texts that mix case, letters
// whose lower case is ASCII (the Kelvin sign, İ), other letters and
// invalid UTF-8, near the end and far from it.
func TestBoundTail(t *testing.T) {
	var all []string
	for _, b := range append(append([]numberBound(nil), bounds...), timeBounds...) {
		all = append(all, b.prefix)
	}
	all = append(all, approximators...)
	for _, p := range all {
		if len(p) > boundTail || p != strings.ToLower(p) || !isASCII(p) {
			t.Errorf("%q: longer than boundTail (%d) or not lower-case ASCII", p, boundTail)
		}
	}
	pieces := []string{"at least ", "AT LEAST ", "up to ", "Up To ", "\u212a", "k", "İ", "i", "é", "É", "\xff", "\xe2\x82", "€",
		" ", "some ", "SOME ", "no fewer than ", "almost ", "a", "T"}
	rng := rand.New(rand.NewPCG(15, 3))
	for trial := range 20000 {
		var sb strings.Builder
		for range rng.IntN(8) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		var buf [boundTail]byte
		tail := lowerTail(buf[:0], s)
		for _, p := range all {
			if got, want := hasSuffix(tail, p), strings.HasSuffix(strings.ToLower(s), p); got != want {
				t.Fatalf("trial %d: %q ends with %q: %v, want %v", trial, s, p, got, want)
			}
		}
	}
}
