package compare

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

// TestDetailMemoWireCopies: in a group where two outlets carry the same
// wire copy, the diff of the second copy with another outlet is the
// remembered diff of the first; the entries must be those the pair gets
// on its own, in a group of two (where nothing is remembered).
func TestDetailMemoWireCopies(t *testing.T) {
	texts := []string{
		"Rescuers pulled twelve miners from the flooded and collapsed shaft of the quarry on Tuesday evening.",
		"Twelve miners and a rescue dog were pulled from the shaft on Tuesday, the fire service of Dalby said.",
		"Twelve miners and a rescue dog were pulled from the shaft on Tuesday, the fire service of Dalby said.",
	}
	var sides []side
	for i, tx := range texts {
		d := extract.Extract(tx)
		var cs []*extract.Claim
		for k := range d.Claims {
			d.Claims[k].ID = strings.Replace(d.Claims[k].ID, "d1", "d"+string(rune('1'+i)), 1)
			cs = append(cs, &d.Claims[k])
		}
		sides = append(sides, side{doc: i, claims: cs})
	}
	sc := detailScratches.Get().(*detailScratch)
	_, memo := sameCodes(detailSides(sides, sc))
	sc.release()
	if memo == nil {
		t.Fatal("the two wire copies do not have the same codes: the test does not reach the memo")
	}
	group := detailDiffs(nil, sides)
	byPair := map[string]Difference{}
	for _, d := range group {
		byPair[pairOf(d)] = d
	}
	for _, y := range []int{1, 2} {
		alone := detailDiffs(nil, []side{sides[0], sides[y]})
		if len(alone) != 1 {
			t.Fatalf("pair d1–d%d alone: %d detail entries, want 1", y+1, len(alone))
		}
		got, ok := byPair[pairOf(alone[0])]
		if !ok {
			t.Fatalf("pair d1–d%d missing from the group's entries %v", y+1, group)
		}
		if diff := cmp.Diff(alone[0], got); diff != "" {
			t.Errorf("pair d1–d%d in the group differs from the pair alone (-alone +group):\n%s", y+1, diff)
		}
	}
}

// pairOf names the documents of a detail entry.
func pairOf(d Difference) string {
	var docs []string
	for id := range d.Values {
		docs = append(docs, docOf(id))
	}
	return strings.Join(uniqSorted(docs), "-")
}
