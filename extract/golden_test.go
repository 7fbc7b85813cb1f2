package extract_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenOptions are the options each seed is extracted with. The first seed
// carries no date of its own; the second names its date in its first line.
var goldenOptions = map[string][]extract.Option{
	"000_f806df4db212c27a.txt": {extract.WithPublished("2025-11-21")},
	"004_142b436908202848.txt": nil,
}

// TestGolden extracts both seeds and compares the report with the golden
// JSON in testdata/golden; go test -run TestGolden -update rewrites it.
func TestGolden(t *testing.T) {
	seeds := seedTexts(t)
	if len(seeds) != len(goldenOptions) {
		t.Fatalf("testdata/seeds holds %d articles, goldenOptions names %d", len(seeds), len(goldenOptions))
	}
	for name, text := range seeds {
		opts, ok := goldenOptions[name]
		if !ok {
			t.Fatalf("no golden options for seed %s", name)
		}
		t.Run(name, func(t *testing.T) {
			d := extract.Extract(text, append(opts, extract.WithSource(name))...)
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".txt")+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run TestGolden -update to create it)", err)
			}
			var gotDoc, wantDoc extract.Document
			if err := json.Unmarshal(got, &gotDoc); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(want, &wantDoc); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if diff := cmp.Diff(wantDoc, gotDoc); diff != "" {
				t.Errorf("%s differs from the extraction (-golden +got); rerun with -update if the change is intended:\n%s", path, diff)
			} else if !bytes.Equal(got, want) {
				t.Errorf("%s: same document, different bytes; rerun with -update", path)
			}
			// Every span of the golden report must quote the seed exactly.
			wantDoc.Text = text
			checkGoldenSpans(t, &wantDoc)
		})
	}
}

// checkGoldenSpans asserts that every span recorded in a report read back
// from JSON quotes the recorded text: claims, entities, numbers, dates,
// markers, exclusions and quotes (whose span covers the quotation marks
// around the quoted words).
func checkGoldenSpans(t *testing.T, d *extract.Document) {
	t.Helper()
	text := d.Text
	at := func(s extract.Span) string {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Errorf("span %v outside the text (%d bytes)", s, len(text))
			return ""
		}
		return text[s.Start:s.End]
	}
	n := 0
	eq := func(what string, s extract.Span, want string) {
		t.Helper()
		n++
		if got := at(s); got != want {
			t.Errorf("%s: text%v = %q, recorded %q", what, s, got, want)
		}
	}
	for _, e := range d.Excluded {
		eq("excluded "+e.Kind, e.Span, e.Text)
	}
	for _, c := range d.Claims {
		eq("claim "+c.ID, c.Span, c.Text)
		for _, e := range c.Entities {
			eq(c.ID+" entity", e.Span, e.Text)
		}
		for _, x := range c.Numbers {
			eq(c.ID+" number", x.Span, x.Text)
		}
		for _, x := range c.Dates {
			eq(c.ID+" date", x.Span, x.Text)
		}
		for _, m := range c.Markers {
			eq(c.ID+" marker "+m.Kind, m.Span, m.Text)
		}
		for _, q := range c.Quotes {
			n++
			s := at(q.Span)
			open, close := []rune(s)[0], []rune(s)[len([]rune(s))-1]
			if !strings.ContainsRune("\"“„«‘", open) || !strings.ContainsRune("\"”»’", close) {
				t.Errorf("%s quote span %v = %q does not run from mark to mark", c.ID, q.Span, s)
			}
			if !strings.Contains(s, q.Text) {
				t.Errorf("%s quote %q is not inside its span %q", c.ID, q.Text, s)
			}
		}
		if a := c.Attribution; a != nil {
			n++
			if s := at(a.Span); !strings.Contains(s, a.Source) || !strings.Contains(s, a.Verb) {
				t.Errorf("%s attribution span %q does not hold source %q and verb %q", c.ID, s, a.Source, a.Verb)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d spans checked: the golden report is suspiciously thin", n)
	}
}
