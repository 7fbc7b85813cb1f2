package compare_test

import (
	"bytes"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// FuzzCompare compares two arbitrary texts: no panic, every group names
// claims that exist, the pair model's probability (two short texts) is one,
// every difference span lies inside its claim, and the output is the same
// twice.
func FuzzCompare(f *testing.F) {
	f.Add("The army said 14 people died on Sept. 9 in Oster.", "The army claimed 31 people died on September 9 in Riga.")
	f.Add("“Unclosed quote by Mr. Smith. He said “no”.", "\"Israeli\" strike, so-called “reforms”, U.S.-designated.")
	f.Add("", "x")
	// Two short documents go to the pair model: a sentence said in two, a clause added.
	f.Add("The council approved the budget on Monday, and the mayor signed it on Tuesday.", "The council approved the budget on Monday. The mayor signed it on Tuesday.")
	f.Add("The council approved the budget on Monday after a long debate.", "The council approved the budget on Monday.")
	f.Add("By JANEDOE.S. President\n\nThe post A appeared first on B.", "date 2025-01-01 T\n\n\xff\xfe bad bytes.")
	f.Fuzz(func(t *testing.T, a, b string) {
		docs := []*extract.Document{extract.Extract(a), extract.Extract(b)}
		r := compare.Compare(docs)
		for _, g := range r.Groups {
			if p := g.Evidence.PairModel; p != nil && !(*p >= 0 && *p <= 1) {
				t.Fatalf("group %s: pair model probability %v", g.ID, *p)
			}
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
