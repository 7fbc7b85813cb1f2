package extract

import (
	"strings"
	"testing"
)

// TestNoNameStart checks findEntities' first-byte pass over words against
// its plain rule: a word it passes over is one no name starts at
// (namePartAt false) and no party tag opens (first byte D, R or I).
func TestNoNameStart(t *testing.T) {
	for _, w := range []string{"", "a", "z", "the", "said", "0", "9th", "-", "(", "“", "al-Hayya", "al-hayya", "el-Sisi",
		"ad-Din", "x-ray", "co-founder", "Al-Hayya", "Ümit", "émile", "Émile", "D-Calif.", "R", "I", "iPhone", "eBay",
		"de", "van", "o'Brien", "[UNSC]", "'s", "’s", "mid-March", "pro-Trump", "ash-Sham", "an-Nahar", "at-Tall", "@", "~"} {
		f := &wordFacts{hyphen: strings.Contains(lowerKey(w), "-")}
		if noNameStart(w, f) && (namePartAt(w, f) || strings.ContainsAny(w[:min(1, len(w))], "DRI")) {
			t.Errorf("%q is passed over, yet a name or a party tag may start there", w)
		}
	}
}
