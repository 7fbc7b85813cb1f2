package extract_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

func TestInferPublished(t *testing.T) {
	text := "The talks ended on Friday. The deal was first proposed on March 3, 2024. Officials met again on Sept. 9."
	d := extract.Extract(text, extract.WithOutlet("Wire"))
	n := d.InferPublished("2025-09-14")
	type dt struct {
		Text, Value string
		Inferred    bool
	}
	var got []dt
	for _, c := range n.Claims {
		for _, x := range c.Dates {
			got = append(got, dt{x.Text, x.Value, x.Inferred})
		}
	}
	want := []dt{{"Friday", "2025-09-12", true}, {"March 3, 2024", "2024-03-03", false}, {"Sept. 9", "2025-09-09", true}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates (-want +got):\n%s", diff)
	}
	if !n.PublishedInferred || n.Published != "2025-09-14" || n.Outlet != "Wire" {
		t.Errorf("document: published %q inferred %v outlet %q", n.Published, n.PublishedInferred, n.Outlet)
	}
	if d.Published != "" || d.PublishedInferred {
		t.Error("InferPublished changed its receiver")
	}
	if got := extract.Extract(text, extract.WithPublished("2025-01-01")).InferPublished("2025-09-14"); got.Published != "2025-01-01" || got.PublishedInferred {
		t.Errorf("a dated document was changed: %q", got.Published)
	}
	if got := d.InferPublished("14/09/2025"); got != d {
		t.Error("an invalid date should leave the document as it is")
	}
}
