package compare_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// TestCompareLeavesInputDocuments: Compare numbers its own copies of the
// documents ("d1", "d1.h"), never the caller's: a caller may compare one
// document in several comparisons, one after another or at once.
func TestCompareLeavesInputDocuments(t *testing.T) {
	body := "Lawmakers in Springfield voted on the budget on Tuesday. The plan cuts school funding by 4 percent."
	a := extract.Extract(body, extract.WithID("a"), extract.WithTitle("Springfield Lawmakers Slash School Funding"))
	b := extract.Extract(body, extract.WithID("b"), extract.WithTitle("Springfield lawmakers pass budget that trims school funding"))
	if a.Headline == nil || b.Headline == nil {
		t.Fatal("no headline claims to check")
	}
	want := [2]string{a.Headline.ID, b.Headline.ID}
	r := compare.Compare([]*extract.Document{b, a})
	if got := [2]string{a.Headline.ID, b.Headline.ID}; got != want {
		t.Errorf("caller's headline ids changed: got %v, want %v", got, want)
	}
	if a.ID != "a" || b.ID != "b" || a.Claims[0].ID != "a.c1" {
		t.Errorf("caller's ids changed: %s %s %s", a.ID, b.ID, a.Claims[0].ID)
	}
	if h := r.Documents[0].Headline; h == nil || h.ID != "d1.h" {
		t.Errorf("report's first headline: %+v", h)
	}
}
