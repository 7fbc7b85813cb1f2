package compare

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestTokenKey checks which hyphenated tokens are read as their letters
// written together and which as their parts, and that two outlets'
// spellings of one word then share it and show no detail difference.
func TestTokenKey(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // "" for the token's own key
	}{
		{"e-mail", "email"},
		{"E-mails", "email"},
		{"re-election", "reelect"},
		{"fund-raiser's", "fundrais"},
		{"double-dip", ""}, // no word of English: scored as its parts
		{"9-11", ""},
		{"COVID-19", ""},
		{"-based", ""},
		{"well-", ""},
		{"email", ""},
	} {
		tok := extract.Token{Text: tc.text, Key: "own"}
		want := tc.want
		if want == "" {
			want = "own"
		}
		if got := tokenKey(&tok); got != want {
			t.Errorf("tokenKey(%q) = %q, want %q", tc.text, got, want)
		}
	}
	if got := tokenKey(&extract.Token{Text: "Al-Qaeda", Key: "qaeda", Entity: true}); got != "qaeda" {
		t.Errorf("a name's token keeps its key, got %q", got)
	}
	for _, tc := range []struct{ text, want string }{
		{"double-dip", "double dip"},
		{"long\u2011term", "long term"}, // a non-breaking hyphen
		{"over-the-top", ""},            // function words
		{"anti-immigration", ""},        // a prefix
		{"don’t-care", ""},              // a function word with a curly apostrophe
		{"tax-cut-driven", "tax cut driven"},
		{"e-mail", ""},      // a word of English: tokenKey
		{"so-called", ""},   // a short part
		{"hit-and-run", ""}, // a function word
		{"9-11", ""},
		{"recession", ""},
	} {
		_, parts := hyphenForms(&extract.Token{Text: tc.text, Key: "own"})
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("hyphenForms(%q) parts = %q, want %q", tc.text, got, tc.want)
		}
	}
	g := noDetail(t, "The Oster ministry said its staff would answer every e-mail about the fund-raiser on Monday.",
		"The Oster ministry said its staff would answer every email about the fundraiser on Monday.")
	if shared := strings.Join(g.Evidence.Shared, " "); !strings.Contains(shared, "mail") || !strings.Contains(shared, "fund") {
		t.Errorf("the two spellings should be shared; shared %v", g.Evidence.Shared)
	}
}

// TestCompoundDetail: a compound scored as its parts and the same words
// written apart are no added detail either way.
func TestCompoundDetail(t *testing.T) {
	noDetail(t, "The Oster central bank warned on Monday of a double-dip recession in Marenland.",
		"The Oster central bank warned on Monday of a double dip recession in Marenland.")
}

// noDetail compares two one-claim texts, which must make one group
// without added detail, and returns the group.
func noDetail(t *testing.T, a, b string) Group {
	t.Helper()
	pub := extract.WithPublished("2025-03-04")
	r := Compare([]*extract.Document{extract.Extract(a, pub), extract.Extract(b, pub)})
	if len(r.Groups) != 1 {
		t.Fatalf("want one group, got %d", len(r.Groups))
	}
	for _, d := range r.Groups[0].Differences {
		if d.Kind == "detail" {
			t.Errorf("one word written two ways is no detail: %s", d.Explain)
		}
	}
	return r.Groups[0]
}

// TestHasHyphen checks the byte loop against the plain definition.
func TestHasHyphen(t *testing.T) {
	for _, s := range []string{"", "-", "a-b", "ab", "long-term", "co\u2010op", "co\u2011op", "\u2012x", "\u2010", "x\u2013y", "caf\u00e9", "\xe2", "ab\xe2\x80", "\u201cq\u201d"} {
		if got, want := hasHyphen(s), strings.ContainsAny(s, "-\u2010\u2011"); got != want {
			t.Errorf("hasHyphen(%q) = %v, want %v", s, got, want)
		}
	}
}
