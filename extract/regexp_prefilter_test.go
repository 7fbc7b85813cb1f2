package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestRegexpPrefilters: wireLead, feedFooter and isPartyTagAt skip their
// expressions on text that cannot open a match, and answer as the plain
// expressions do on every opening.
func TestRegexpPrefilters(t *testing.T) {
	texts := []string{
		"WASHINGTON (Reuters) - The Senate voted.",
		"GAZA CITY, Nov. 21 (AP) — Strikes hit.",
		"O’HARE, Ill. — Flights were cut.",
		"L'AQUILA — A quake struck.",
		"U.S. officials said on Monday.",
		"A B — short",
		"The post Bridge reopens appeared first on Northwind Wire.",
		"The post office closed.",
		"The bridge reopened.",
		"É — accent",
		"", "W", "WA", "WA-",
	}
	for _, s := range texts {
		if got, want := wireLead(s), wireRE().FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("wireLead(%q) = %v, want %v", s, got, want)
		}
		if got, want := feedFooter(s), footerRE().FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("feedFooter(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"Sen. Ann Ruiz (D-N.Y.) said", "Ruiz, R-Texas, said", "Ruiz (I) said", "Ruiz (Democrat) said", "Ruiz ( D-Ohio)", "Ruiz (d-ny)", "Ruiz (", "Ruiz"} {
		pos := strings.Index(s, "Ruiz") + len("Ruiz")
		rest := strings.TrimLeft(s[pos:min(len(s), pos+16)], " ")
		want := false
		if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, ",") {
			want = partyTagRE().MatchString(strings.TrimLeft(rest[1:], " "))
		}
		if got := isPartyTagAt(s, pos); got != want {
			t.Errorf("isPartyTagAt(%q) = %v, want %v", s, got, want)
		}
	}
}
