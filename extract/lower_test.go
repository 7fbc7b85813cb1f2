package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerHelpers checks the helpers that skip the lower-case copy
// against the plain strings.ToLower expressions they stand for, on ASCII,
// on other scripts and on words longer than the stack buffer.
func TestLowerHelpers(t *testing.T) {
	set := map[string]bool{"which": true, "who": true, "ölçü": true, strings.Repeat("a", 70): true}
	lex := DefaultLexicon()
	words := []string{"Which", "WHO", "who", "Ölçü", "ÖLÇÜ", "whom", "", strings.Repeat("A", 70), "The", "the", "Quickly", "QUICKLY", "quick", "İt", "It", "ſhe", "She", "HE", "hé", "U.S.", "Sept", strings.Repeat("B", 64), strings.Repeat("C", 65)}
	for _, w := range words {
		if got, want := inLowerSet(set, w), set[strings.ToLower(w)]; got != want {
			t.Errorf("inLowerSet(%q) = %v, want %v", w, got, want)
		}
		if got, want := lex.hasLower(LexStopword, w), lex.Has(LexStopword, strings.ToLower(w)); got != want {
			t.Errorf("hasLower(stopword, %q) = %v, want %v", w, got, want)
		}
		var buf [maxLowered]byte
		if got, want := string(lowerBytes(&buf, w)), strings.ToLower(w); got != want {
			t.Errorf("lowerBytes(%q) = %q, want %q", w, got, want)
		}
		for _, p := range []string{"he", "she", "it", "i", "which"} {
			if got, want := lowerIs(w, p), strings.ToLower(w) == p; got != want {
				t.Errorf("lowerIs(%q, %q) = %v, want %v", w, p, got, want)
			}
		}
		if got, want := lowerHasSuffix(w, "ly"), strings.HasSuffix(strings.ToLower(w), "ly"); got != want {
			t.Errorf("lowerHasSuffix(%q, ly) = %v, want %v", w, got, want)
		}
		for _, p := range []string{"qu", "wh", "i", "", "the"} {
			if got, want := lowerHasPrefix(w, p), strings.HasPrefix(strings.ToLower(w), p); got != want {
				t.Errorf("lowerHasPrefix(%q, %q) = %v, want %v", w, p, got, want)
			}
		}
	}
}

// TestLowerIndex checks lowerIndex against the strings.Index of the
// text with its ASCII letters lowered (an offset into the text itself),
// where the match starts, ends or is missing, on ASCII and on text whose
// full lower-case form changes length ("İ").
func TestLowerIndex(t *testing.T) {
	tests := []struct{ s, sub string }{
		{"Police said so, According to the report", "according to "},
		{"ACCORDING TO a source", "according to "},
		{"according to", "according to "},
		{"accordingly, to be sure", "according to "},
		{"Accordi", "according to "},
		{"", "according to "},
		{"anything", ""},
		{"İstanbul officials, according to state media", "according to "},
		{"Ölçü according to", "according to "},
		{"aaab", "ab"},
		{"İİİİ, according to the ministry", "according to "},
	}
	for _, tt := range tests {
		if got, want := lowerIndex(tt.s, tt.sub), strings.Index(asciiLower(tt.s), tt.sub); got != want {
			t.Errorf("lowerIndex(%q, %q) = %d, want %d", tt.s, tt.sub, got, want)
		}
	}
}

// TestSingleSpaced checks singleSpaced against what it promises: the
// words of t joined by single spaces are t.
func TestSingleSpaced(t *testing.T) {
	for _, s := range []string{"Ann Ruiz", "Sen. Ann Ruiz", "Ann  Ruiz", " Ann", "Ann ", "", "Ann\tRuiz", "Ann\u00a0Ruiz", "Ann", "José Ruiz", "a b c"} {
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("singleSpaced(%q) but its words joined are %q", s, strings.Join(strings.Fields(s), " "))
		}
	}
	if !singleSpaced("Sen. Ann Ruiz") {
		t.Error("singleSpaced(Sen. Ann Ruiz) = false")
	}
}

// TestHasQuoteMark checks the byte scan against strings.ContainsAny, on
// broken UTF-8 too.
func TestHasQuoteMark(t *testing.T) {
	for _, s := range []string{"", "plain text", "say \"x\"", "“a", "b”", "«c»", "„d", "‘e’", "\xe2\x80", "\xe2\x80\x9c", "\xc2", "\xc2\xab", "\xe2x\x80\x9d", "café — ok", "\xff\"", "½ €",
		"a long plain ASCII text with no mark at all", "twelve bytes\"", "0123456789abcdef\xe2\x80\x9d", "0123456789abcdef‘e’ and plain text", "0123456789abcde“", "01234567\"89"} {
		if got, want := hasQuoteMark(s), strings.ContainsAny(s, "“”\"«»„"); got != want {
			t.Errorf("hasQuoteMark(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestIsUpperForm: isUpperForm agrees with strings.ToUpper(s) == s, on
// ASCII, accented and title-case letters, letters with no case, and
// invalid UTF-8 (which strings.ToUpper replaces).
func TestIsUpperForm(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", true},
		{"NATO", true},
		{"U.S.", true},
		{"Nato", false},
		{"nato", false},
		{"2024", true},
		{"ÉTÉ", true},
		{"ÉtÉ", false},
		{"ǅ", false}, // title case: its upper case is Ǆ
		{"Ǆ", true},
		{"日本", true},
		{"\ufffd", true}, // the replacement character itself
		{"A\xffB", false},
		{"AB\xc3", false},
		{"ß", true}, // unicode.ToUpper keeps it (no single-rune upper case)
	}
	for _, tt := range tests {
		if got := isUpperForm(tt.s); got != tt.want {
			t.Errorf("isUpperForm(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if ref := strings.ToUpper(tt.s) == tt.s; ref != tt.want {
			t.Errorf("strings.ToUpper(%q) == %[1]q is %v: the table's want is wrong", tt.s, ref)
		}
	}
	// Every rune of the first planes, alone and after a capital, and
	// every single byte.
	for r := rune(0); r < 0x10000; r++ {
		for _, s := range []string{string(r), "A" + string(r), string([]byte{byte(r)})} {
			if got, want := isUpperForm(s), strings.ToUpper(s) == s; got != want {
				t.Fatalf("isUpperForm(%q) = %v, strings.ToUpper says %v", s, got, want)
			}
		}
	}
}

// TestIsDottedAcronym: single runes between dots, two or more, as the
// parts strings.Split(s, ".") gives.
func TestIsDottedAcronym(t *testing.T) {
	ref := func(s string) bool {
		parts := strings.Split(s, ".")
		if len(parts) < 2 {
			return false
		}
		for _, p := range parts {
			if utf8.RuneCountInString(p) != 1 {
				return false
			}
		}
		return true
	}
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"U", false},
		{".", false},
		{"U.S", true},
		{"U.S.", false}, // an empty part after the last dot
		{".U.S", false},
		{"U..S", false},
		{"N.Y.C", true},
		{"US.A", false},
		{"É.U", true},
		{"U.\xff", true}, // an invalid byte is one rune
		{"Jr", false},
	}
	for _, tt := range tests {
		if got := isDottedAcronym(tt.s); got != tt.want {
			t.Errorf("isDottedAcronym(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if r := ref(tt.s); r != tt.want {
			t.Errorf("the split rule says %v for %q: the table's want is wrong", r, tt.s)
		}
	}
}

// TestCapSeenKey: capSeenKey answers m[lowerKey(w)], on plain capitalised
// words and on the ones lowerKey folds more than the case of (possessives,
// dotted acronyms, curly apostrophes, Unicode hyphens).
func TestCapSeenKey(t *testing.T) {
	m := map[string]bool{"trump": true, "us": true, "obrien": false, "o'brien": true, "jong-un": true, "x,y": true}
	tests := []struct {
		w    string
		want bool
	}{
		{"Trump", true},
		{"TRUMP", true},
		{"trump", true},
		{"Trump's", true}, // possessive stripped
		{"Trump’s", true},
		{"U.S.", true}, // dots dropped
		{"US", true},
		{"O'Brien", true},
		{"O’Brien", true},
		{"Jong‑un", true}, // a non-breaking hyphen folded
		{"Jong-Un", true},
		{"X,Y", true},
		{"Biden", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := capSeenKey(m, tt.w); got != tt.want {
			t.Errorf("capSeenKey(%q) = %v, want %v", tt.w, got, tt.want)
		}
		if ref := m[lowerKey(tt.w)]; ref != tt.want {
			t.Errorf("m[lowerKey(%q)] = %v: the table's want is wrong", tt.w, ref)
		}
	}
}

// asciiLower is s with its ASCII letters lowered and every other byte
// kept: the text lowerIndex searches.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// TestLowWordIs: lowWordIs agrees with lowWord on possessives, stops,
// case and non-ASCII words.
func TestLowWordIs(t *testing.T) {
	words := []string{"Clinton", "Clinton's", "CLINTON'S", "Clinton’s", "Clinton.", "Clinton,", "Clinton's.", "O'Neill", "Müller", "MÜLLER’s", "s", "'s", "'S", "x's's", "Clinton's's", ""}
	keys := []string{"clinton", "clinton's", "o'neill", "müller", "", "s", "x's", "x", "clinton's"}
	for _, w := range words {
		for _, k := range keys {
			if got, want := lowWordIs(w, k), lowWord(w) == k; got != want {
				t.Errorf("lowWordIs(%q, %q) = %v, lowWord gives %q", w, k, got, lowWord(w))
			}
		}
	}
}
