package compare

import (
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestFeatOf checks that featOf finds a prepared claim by its id, where
// Compare's numbering places it and where it does not, and finds no
// other one (a headline's id, an id out of range, a malformed one).
func TestFeatOf(t *testing.T) {
	docs := [][]string{{"d1.c1", "d1.c2"}, {"d2.c1", "x.c9", "d2.c3"}}
	var feats [][]*claimFeatures
	for _, ids := range docs {
		var d []*claimFeatures
		for _, id := range ids {
			d = append(d, &claimFeatures{claim: &extract.Claim{ID: id}})
		}
		feats = append(feats, d)
	}
	for _, ids := range docs {
		for _, id := range ids {
			if cf := featOf(feats, id); cf == nil || cf.claim.ID != id {
				t.Errorf("featOf(%q) = %v", id, cf)
			}
		}
	}
	for _, id := range []string{"d1.h", "d3.c1", "d1.c3", "d2.c0", "d0.c1", "d1.c-1", "d1", "", "d1.c+1", "d2.c2"} {
		if cf := featOf(feats, id); cf != nil {
			t.Errorf("featOf(%q) = %q, want none", id, cf.claim.ID)
		}
	}
}
