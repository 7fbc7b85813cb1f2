package compare

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParts checks how a cluster is reported: whole when no two of its
// claims are apart, else as the largest sets of claims no two of which
// are apart, a claim that tells both sides' facts in each; a set of one
// document's claims is no group, and a cluster beyond the bounds stays
// whole.
func TestParts(t *testing.T) {
	// Claims are named by document letter and index: "a1" is document 0's
	// claim 1.
	tests := []struct {
		name   string
		claims string // in cluster order (document, then index)
		weak   string // pairs apart, "a1-c1 …"
		want   string // parts, "a1 b1 | b1 c1"
	}{
		{"no weak pair", "a1 b1 c1", "", "a1 b1 c1"},
		{"a long claim tells two facts", "a1 b1 c1", "a1-c1", "a1 b1 | b1 c1"},
		{"two claims of one side, each apart from another",
			"a1 a2 b1 c1", "a1-c1 a2-b1", "a1 b1 | a2 c1 | b1 c1"},
		{"a part of one document's claims is dropped", "a1 a2 b1 c1", "a1-b1 a2-c1", "a1 c1 | a2 b1 | b1 c1"},
		{"a claim no part across documents holds keeps the cluster whole", "a1 a2 b1", "a1-b1", "a1 a2 b1"},
		{"every pair apart but the joins", "a1 b1 c1 d1", "a1-c1 a1-d1 b1-d1", "a1 b1 | b1 c1 | c1 d1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cl, byName := testCluster(tc.claims, tc.weak)
			got := partNames(cl.parts(), byName)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("parts (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("too many parts", func(t *testing.T) {
		// 2 × maxSplitParts documents, one claim each, every pair but a chain apart:
		// more maximal sets than maxSplitParts.
		var names, weak []string
		for i := 0; i < 2*maxSplitParts; i++ {
			names = append(names, fmt.Sprintf("%c1", 'a'+i))
		}
		for i := range names {
			for j := i + 2; j < len(names); j++ {
				weak = append(weak, names[i]+"-"+names[j])
			}
		}
		cl, byName := testCluster(strings.Join(names, " "), strings.Join(weak, " "))
		if got, want := partNames(cl.parts(), byName), strings.Join(names, " "); got != want {
			t.Errorf("parts = %q, want the whole cluster %q", got, want)
		}
	})
}

func testCluster(claims, weak string) (*cluster, map[*claimFeatures]string) {
	cl := &cluster{}
	byName := map[*claimFeatures]string{}
	named := map[string]*claimFeatures{}
	for _, n := range strings.Fields(claims) {
		c := &claimFeatures{doc: int(n[0] - 'a'), idx: int(n[1] - '0')}
		cl.claims = append(cl.claims, c)
		byName[c] = n
		named[n] = c
	}
	for _, w := range strings.Fields(weak) {
		x, y, _ := strings.Cut(w, "-")
		cl.weak = append(cl.weak, [2]*claimFeatures{named[x], named[y]})
	}
	return cl, byName
}

func partNames(parts [][]*claimFeatures, byName map[*claimFeatures]string) string {
	var out []string
	for _, p := range parts {
		var ns []string
		for _, c := range p {
			ns = append(ns, byName[c])
		}
		out = append(out, strings.Join(ns, " "))
	}
	return strings.Join(out, " | ")
}
