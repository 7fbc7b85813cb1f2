package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNameFilters checks indexMentions' filters of a full name against
// the definitions they stand for: nameOrgWords(name) is
// orgWords(strings.Fields(strings.ToLower(name))), fewFields(s, n) is
// len(strings.Fields(s)) <= n. Names are drawn from organisation heads in
// any case, plural or possessive, with trimmed marks, non-ASCII letters
// (some that change length in lower case), bytes that are not UTF-8 and
// odd white space.
func TestNameFilters(t *testing.T) {
	x := &extractor{lex: DefaultLexicon()}
	parts := []string{"Council", "COUNCILS", "councils", "Ministry’s", "agency,", "'University.", "Agencys", "Bus", "Ann", "Roe",
		"İstanbul", "ÜNİVERSİTY", "Straße", "ΣΥΜΒΟΥΛΙΟ", "Kasse", "\xff\xfe", "Ab\u00a0Council", "Ⅻ", "", "s", "SS", "agenciess"}
	seps := []string{" ", "  ", "\t", "\u00a0", "\u2003", "\n", "\u0085"}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := rng.IntN(6); k >= 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		name := strings.TrimSpace(b.String())
		if got, want := x.nameOrgWords(name), x.orgWords(strings.Fields(strings.ToLower(name))); got != want {
			t.Fatalf("nameOrgWords(%q) = %v, orgWords of its lower-case fields %v", name, got, want)
		}
		for n := 0; n <= 5; n++ {
			if got, want := fewFields(name, n), len(strings.Fields(name)) <= n; got != want {
				t.Fatalf("fewFields(%q, %d) = %v, want %v", name, n, got, want)
			}
		}
	}
}

// TestOrgWordsFacts checks indexMentions' reading of a name's words from
// their facts against orgWords, on the lower-case forms of names' tokens:
// plain words, possessives, dotted acronyms, marks about a word.
func TestOrgWordsFacts(t *testing.T) {
	x := &extractor{lex: DefaultLexicon()}
	for _, name := range []string{"Justice Department", "the Defense Ministry’s", "U.S. Senate", "Council of Europe",
		"Ann Roe", "Roe’s", "New York Times", "Agencys", "COUNCILS", "University.", "'Ministry", "İstanbul Üniversitesi",
		"House", "White House", "Federal Reserve Bank", "Jane O'Neil", "St. Louis", "the F.B.I."} {
		var lows []string
		var wf []*wordFacts
		for _, tk := range tokenize(name, 0, len(name)) {
			low := lowerKey(tk.text)
			lows = append(lows, low)
			wf = append(wf, x.lex.facts(low))
		}
		if got, want := x.orgWordsFacts(lows, wf), x.orgWords(lows); got != want {
			t.Errorf("orgWordsFacts(%q) = %v, orgWords gives %v", lows, got, want)
		}
	}
}
