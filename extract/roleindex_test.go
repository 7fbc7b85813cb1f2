package extract

import (
	"slices"
	"testing"
)

// TestRoleIndexMatchesScan checks the role index against the rule it
// stands for, read off the mentions by a scan: for every role the
// document's names carry and every place in the mentions, an
// organisation's role resolves to the nearest earlier organisation with
// it; a person's to the earlier person with it named most in the document
// (the later on a tie), else to the document's one person with it.
func TestRoleIndexMatchesScan(t *testing.T) {
	texts := []string{
		"President Ann Roe met Gov. Bob Lee and the militant group Hamas on Monday. " +
			"Senator Carl Diaz, a Democrat, said the president erred. Roe said the governor agreed. " +
			"Vice President Joe Biden and President Ilse Varga spoke. The senator and the president left. " +
			"Hamas, the militant group, and the group Fatah met. Rep. Dan Poe spoke; former president Roe smiled. " +
			"Mayor Eve Kim and Mayor Sam Ng met Lee. Lee, the governor, said Kim spoke.",
	}
	texts = append(texts, devArticles(t, 60)...)
	checked := 0
	for _, text := range texts {
		x := &extractor{cfg: newConfig(nil), text: text, doc: &Document{ID: "d1"}}
		x.lex = x.cfg.lex
		x.acquire()
		x.annotate(x.findParts())
		// A name's roles are its mentions', the first of each only.
		var roles []string
		for _, m := range x.mentions {
			for _, r := range m.roles {
				if !slices.Contains(roles, r) {
					roles = append(roles, r)
				}
			}
		}
		roles = append(roles, "nobody's role")
		for _, r := range roles {
			for _, group := range []bool{false, true} {
				for before := 0; before <= len(x.mentions); before++ {
					want := scanRole(x.mentions, r, group, before)
					if got := x.resolveRole(r, group, before); got != want {
						t.Fatalf("%.40q: role %q group %v before %d: index says %q, scan %q", text, r, group, before, got, want)
					}
					checked++
				}
			}
		}
		x.release()
	}
	if checked < 100 {
		t.Fatalf("only %d cases checked", checked)
	}
}

// scanRole is the plain rule resolveRole stands for.
func scanRole(ms []mention, role string, group bool, before int) string {
	best, bestN := "", 0
	for k := before - 1; k >= 0; k-- {
		m := &ms[k]
		if m.person == group || !slices.Contains(m.roles, role) {
			continue
		}
		if group {
			return m.key
		}
		// Walking back, the later mention wins a tie.
		if best == "" || m.keyN > bestN {
			best, bestN = m.key, m.keyN
		}
	}
	if best != "" || group {
		return best
	}
	only := ""
	for k := range ms {
		m := &ms[k]
		if !m.person || !slices.Contains(m.roles, role) {
			continue
		}
		if only != "" && only != m.key {
			return ""
		}
		only = m.key
	}
	return only
}

// devArticles returns up to n texts of the development corpus, none when
// it is absent.
func devArticles(t *testing.T, n int) []string {
	var out []string
	t.Run("dev", func(t *testing.T) {
		for _, a := range devCorpus(t) {
			if len(out) == n {
				break
			}
			out = append(out, a.Text)
		}
	})
	return out
}
