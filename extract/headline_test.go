package extract_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

func TestHeadline(t *testing.T) {
	body := "The mayor of Springfield, Ana Ruiz, said the plant would close. Ruiz spoke on Monday."
	tests := []struct {
		name, text, title string
		spanOf            string
		entities          []string // entity texts found in the headline
	}{
		{"title case from metadata", body, "Springfield Mayor Says Plant Will Close After Years of Losses", extract.SpanOfTitle, []string{"Springfield"}},
		{"capitals", body, "MAYOR RUIZ SAYS SPRINGFIELD PLANT WILL CLOSE", extract.SpanOfTitle, []string{"RUIZ", "SPRINGFIELD"}},
		{"sentence case keeps its names", body, "Mayor says Springfield plant will close", extract.SpanOfTitle, []string{"Springfield"}},
		{"acronym in title case stays", body, "US Mayor Says Springfield Plant Will Close", extract.SpanOfTitle, []string{"US", "Springfield"}},
		{"headline line of the text", "date 2025-03-04 Springfield Plant To Close, Mayor Says\n\n" + body, "", "", []string{"Springfield"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := extract.Extract(tc.text, extract.WithTitle(tc.title))
			h := d.Headline
			if h == nil {
				t.Fatal("no headline claim")
			}
			if h.Role != extract.RoleHeadline || h.SpanOf != tc.spanOf || h.ID != "d1.h" {
				t.Errorf("role %q span_of %q id %q", h.Role, h.SpanOf, h.ID)
			}
			src := d.Text
			if h.SpanOf == extract.SpanOfTitle {
				src = d.Title
			}
			if got := src[h.Span.Start:h.Span.End]; got != h.Text || h.Text != d.Title {
				t.Errorf("span slices %q, text %q, title %q", got, h.Text, d.Title)
			}
			var got []string
			for _, e := range h.Entities {
				got = append(got, e.Text)
				if src[e.Span.Start:e.Span.End] != e.Text {
					t.Errorf("entity %q: span slices %q", e.Text, src[e.Span.Start:e.Span.End])
				}
			}
			if diff := cmp.Diff(tc.entities, got); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
			for _, c := range d.Claims {
				if c.Text == d.Title {
					t.Errorf("the headline is also a body claim")
				}
			}
		})
	}
	if d := extract.Extract(body); d.Headline != nil {
		t.Errorf("no title, yet headline %q", d.Headline.Text)
	}
}
