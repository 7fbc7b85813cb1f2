package extract

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMayBeSameName: the early outs keep every pair SameName matches and
// rule out pairs by each of their tests.
func TestMayBeSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"lexmark", "lexmark international", true}, // words left out
		{"york", "new york", true},                 // a subset SameName refuses later
		{"korea", "north korea", true},
		{"new york", "york", true}, // either order
		{"hasselbeck", "lexmark international", false},
		{"lexmark", "lexmarkinternational", false}, // no space in the longer key
		{"kasich", "kasich", true},
		{"qaddafi", "gaddafi", true},                     // first letters differ from seven letters on
		{"kadafi", "gadafi", false},                      // not below seven
		{"bush", "busch", false},                         // shorter than five
		{"smith", "smithers", false},                     // rune counts three apart
		{"obama", "obamas", true},                        // one apart
		{"abcdefghij", "abcdefghxy", true},               // ten letters: two changes
		{"abcdefghi", "abcdefgxy", false},                // nine: rune sets four apart
		{"müller", "muller", true},                       // rune sets two apart
		{"kim jong un", "kim jong-un", true},             // edit path
		{"zz\u00a0longname", "q longname zz tail", true}, // a no-break space parts words
		{"ab cd", "dc ba", false},                        // equal lengths: no subset
		{"smithers", "smith", false},
	}
	for _, tt := range tests {
		ka, kb := newNameKey(tt.a), newNameKey(tt.b)
		if got := mayBeSameName(tt.a, tt.b, &ka, &kb); got != tt.want {
			t.Errorf("mayBeSameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if SameName(tt.a, tt.b) && !tt.want {
			t.Errorf("SameName(%q, %q) is true: the table's want is wrong", tt.a, tt.b)
		}
	}
}

// TestNewNameKey: the facts of one key.
func TestNewNameKey(t *testing.T) {
	bit := func(s string) uint64 {
		var m uint64
		for _, c := range []byte(s) {
			m |= 1 << (c & 63)
		}
		return m
	}
	// A word's bit is the same alone and among other words.
	fields := func(words ...string) uint64 {
		var m uint64
		for _, w := range words {
			m |= newNameKey(w).fields
		}
		return m
	}
	tests := []struct {
		s    string
		want nameKey
	}{
		{"ab", nameKey{n: 2, first: 'a', runes: 2, set: runeSet("ab"), bytes: bit("ab"), words: bit("ab"), fields: fields("ab"), initials: bit("ab"), form: "ab"}},
		{"a b", nameKey{n: 3, first: 'a', runes: 3, set: runeSet("a b"), bytes: bit("a b"), words: bit("ab"), fields: fields("a", "b"), initials: bit("ab"), space: true, form: "a b"}},
		{"a\tb", nameKey{n: 3, first: 'a', runes: 3, set: runeSet("a\tb"), bytes: bit("a\tb"), words: bit("ab"), fields: fields("a", "b"), initials: bit("ab"), form: "a\tb"}},
		{"é\u00a0b", nameKey{n: 5, first: 0xc3, runes: 3, set: runeSet("é\u00a0b"), bytes: bit("é\u00a0b"), words: bit("éb"), fields: fields("é", "b"), initials: bit("éb"), form: "é\u00a0b"}},
		{"\xffb", nameKey{n: 2, first: 0xff, runes: 2, set: runeSet("\xffb"), bytes: bit("\xffb"), words: bit("\xffb"), fields: fields("\xffb"), initials: bit("\xffb"), form: "\xffb"}},
		{"fbi", nameKey{n: 3, first: 'f', runes: 3, set: runeSet("fbi"), bytes: bit("fbi"), words: bit("fbi"), fields: fields("fbi"), initials: bit("f"), abbrev: true, form: "fbi"}},
		{"us conference", nameKey{n: 13, first: 'u', runes: 13, set: runeSet("us conference"), bytes: bit("us conference"), words: bit("usconference"), fields: fields("us", "conference"), initials: bit("usc"), space: true, long: true, form: "us conference"}},
		{"united states senate", nameKey{n: 20, first: 'u', runes: 20, set: runeSet("united states senate"), bytes: bit("united states senate"), words: bit("unitedstatessenate"), fields: fields("united", "states", "senate"), initials: bit("uss"), space: true, long: true, led: true, form: DefaultLexicon().acronymLed("united states senate")}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, newNameKey(tt.s), cmp.AllowUnexported(nameKey{})); diff != "" {
			t.Errorf("newNameKey(%q) (-want +got):\n%s", tt.s, diff)
		}
	}
}

// TestCanonicalKeysShortcut: CanonicalKeys, which skips the pairs
// mayBeSameName rules out, maps keys as CanonicalKeysWith(SameName) does,
// on sets of near names (as TestSameNameShortcuts builds them).
func TestCanonicalKeysShortcut(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	word := nearWords(rng)
	rounds, merged := 300, 0
	if testing.Short() {
		rounds = 50
	}
	for round := range rounds {
		counts := map[string]int{}
		base := []string{word(), word(), "new york", "north korea"}
		for range 40 {
			w := []string{base[rng.IntN(len(base))]}
			switch rng.IntN(4) {
			case 0:
				w = append(w, word())
			case 1:
				r := []rune(w[0])
				r[rng.IntN(len(r))] = nearLetters[rng.IntN(len(nearLetters))]
				w[0] = string(r)
			case 2:
				w = strings.Fields(w[0])[:1]
			}
			counts[strings.Join(w, " ")] += 1 + rng.IntN(3)
		}
		got, want := CanonicalKeys(counts), CanonicalKeysWith(counts, SameName)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d: CanonicalKeys (-want +got):\n%s", round, diff)
		}
		merged += len(got)
	}
	if merged < rounds {
		t.Errorf("only %d keys merged: the test asks too little", merged)
	}
}

func ExampleCanonicalKeys() {
	fmt.Println(CanonicalKeys(map[string]int{"gaddafi": 3, "qaddafi": 1, "york": 1, "new york": 2}))
	// Output: map[qaddafi:gaddafi]
}

// BenchmarkCanonicalKeys unifies the entity keys of each event of the
// BASIL development corpus (skipped when absent), as compare does across
// an event's documents: with the shortcut of CanonicalKeys and asking
// SameName about every pair.
func BenchmarkCanonicalKeys(b *testing.B) {
	byEvent := map[string]map[string]int{}
	var events []string
	for _, a := range devCorpus(b) {
		d, err := a.Document()
		if err != nil {
			b.Fatal(err)
		}
		if byEvent[a.Event] == nil {
			byEvent[a.Event] = map[string]int{}
			events = append(events, a.Event)
		}
		for _, c := range d.Claims {
			for _, e := range c.Entities {
				byEvent[a.Event][e.Key]++
			}
		}
	}
	for _, bb := range []struct {
		name string
		f    func(map[string]int) map[string]string
	}{
		{"shortcut", CanonicalKeys},
		{"every-pair", func(c map[string]int) map[string]string { return CanonicalKeysWith(c, SameName) }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, ev := range events {
					bb.f(byEvent[ev])
				}
			}
		})
	}
}
