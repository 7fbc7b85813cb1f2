package compare_test

import (
	"bytes"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// FuzzCompare compares two arbitrary texts: no panic, every group names
// claims that exist, every difference span lies inside its claim, and the
// output is the same twice.
func FuzzCompare(f *testing.F) {
	f.Add("The army said 14 people died on Sept. 9 in Oster.", "The army claimed 31 people died on September 9 in Riga.")
	f.Add("“Unclosed quote by Mr. Smith. He said “no”.", "\"Israeli\" strike, so-called “reforms”, U.S.-designated.")
	f.Add("", "x")
	f.Add("By JANEDOE.S. President\n\nThe post A appeared first on B.", "date 2025-01-01 T\n\n\xff\xfe bad bytes.")
	f.Fuzz(func(t *testing.T, a, b string) {
		docs := []*extract.Document{extract.Extract(a), extract.Extract(b)}
		r := compare.Compare(docs)
		for _, g := range r.Groups {
			for _, id := range g.Claims {
				if r.Claim(id) == nil {
					t.Fatalf("group %s names missing claim %s", g.ID, id)
				}
			}
			for _, d := range g.Differences {
				for _, e := range valueSpans(d) {
					id, s := e.id, e.span
					c := r.Claim(id)
					if c == nil || s.Start < 0 || s.End > len(r.Document(c.ID[:2]).Text) || s.Start > s.End {
						t.Fatalf("difference %s has bad span %v for %s", d.Kind, s, id)
					}
				}
			}
		}
		var x, y bytes.Buffer
		if err := r.WriteJSON(&x); err != nil {
			t.Fatal(err)
		}
		if err := compare.Compare(docs).WriteJSON(&y); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x.Bytes(), y.Bytes()) {
			t.Fatal("output differs between two runs")
		}
	})
}
