package compare_test

import (
	"slices"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// TestOverlappingGroups: one outlet tells two facts in one sentence, and
// each of two other outlets tells one of them. The long claim is in two
// groups, the two short ones in none together, and each group explains
// its members by claims of its own.
func TestOverlappingGroups(t *testing.T) {
	r := compareTexts(
		"The Telford council approved the Oster bridge budget on Monday and the mayor resigned over the harbour contract scandal.\n\n"+
			"Rain fell across the Varna valley for a third day.\n\nThe museum reopened its east wing after repairs.",
		"The Telford council approved the Oster bridge budget on Monday.\n\n"+
			"A new ferry timetable starts in Kell next week.\n\nSchool exams begin in early June.",
		"The mayor resigned over the harbour contract scandal in Telford.\n\n"+
			"The local football club signed two new players.\n\nA bakery chain opened its tenth shop.",
	)
	in := map[string]int{}
	for _, g := range r.Groups {
		if g.Verdict == compare.VerdictRelated {
			continue
		}
		if slices.Contains(g.Claims, "d2.c1") && slices.Contains(g.Claims, "d3.c1") {
			t.Errorf("group %s holds the two outlets' different facts: %v", g.ID, g.Claims)
		}
		for _, id := range g.Claims {
			in[id]++
		}
		for _, m := range g.Evidence.Members {
			if m.With != "" && !slices.Contains(g.Claims, m.With) {
				t.Errorf("group %s explains %s by %s, which it does not hold", g.ID, m.Claim, m.With)
			}
		}
	}
	if in["d1.c1"] != 2 || in["d2.c1"] != 1 || in["d3.c1"] != 1 {
		t.Errorf("aligned groups holding each claim: %v; want the long claim in two, each short one in one", in)
	}
}

// TestRefusedMergeKeepsPair: an aligned pair whose merge the group rule
// refuses (the third outlet's claim shares nothing with the first's) is
// still a group of its two claims, each member explained by the other,
// and the first outlet's claim stays out of it.
func TestRefusedMergeKeepsPair(t *testing.T) {
	r := compareTexts(
		"The Telford council approved the Oster bridge budget after a long debate.\n\n"+
			"Rain fell across the Varna valley for a third day.\n\nThe museum reopened its east wing after repairs.",
		"The Telford council approved the Oster bridge budget after a long debate, and the harbour master of Kell resigned over the ferry contract.\n\n"+
			"A new ferry timetable starts in Kell next week.\n\nSchool exams begin in early June.",
		"The harbour master of Kell resigned over the ferry contract, officials said.\n\n"+
			"The local football club signed two new players.\n\nA bakery chain opened its tenth shop.",
	)
	var found bool
	for _, g := range r.Groups {
		t.Logf("%s %s %v", g.ID, g.Verdict, g.Claims)
		if g.Verdict == compare.VerdictRelated {
			continue
		}
		if slices.Contains(g.Claims, "d1.c1") && slices.Contains(g.Claims, "d3.c1") {
			t.Errorf("group %s chains the first and third outlets' different facts: %v", g.ID, g.Claims)
		}
		if slices.Equal(g.Claims, []string{"d2.c1", "d3.c1"}) {
			found = true
			for _, m := range g.Evidence.Members {
				if m.With == "" || !slices.Contains(g.Claims, m.With) || m.With == m.Claim {
					t.Errorf("group %s explains %s by %q", g.ID, m.Claim, m.With)
				}
			}
		}
	}
	if !found {
		t.Errorf("no aligned group of d2.c1 and d3.c1; unique %v", r.Unique)
	}
}

// compareTexts compares the texts as articles of one day, in order.
func compareTexts(texts ...string) *compare.Report {
	pub := extract.WithPublished("2025-03-04")
	var docs []*extract.Document
	for _, s := range texts {
		docs = append(docs, extract.Extract(s, pub))
	}
	return compare.Compare(docs)
}
