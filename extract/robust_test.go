package extract_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/extract"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"empty", "", true},
		{"prose", "The mayor resigned on Monday.\n\tShe said so.\r\n", true},
		{"latin-1 accents", "Le caf\xe9 de la gare a ferm\xe9 lundi, a dit le maire de Cr\xe9teil.", true},
		{"windows quotes", "\x93Never,\x94 he said.", true},
		{"NUL", "text\x00more", false},
		{"UTF-16", "\xff\xfeT\x00h\x00e\x00", false},
		{"control bytes", strings.Repeat("\x01\x02\x03a", 10), false},
		{"random high bytes", strings.Repeat("\xc3\x28\xa0\xa1\xe2\x28", 20), false},
		{"C1 controls", strings.Repeat("\u0085\u0090a", 10), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := extract.CheckText(tc.in)
			if (err == nil) != tc.ok || err != nil && !errors.Is(err, extract.ErrNotText) {
				t.Errorf("CheckText(%q) = %v, want ok=%v", tc.in, err, tc.ok)
			}
			if b := extract.CheckText([]byte(tc.in)); (b == nil) != (err == nil) {
				t.Errorf("string and []byte disagree: %v / %v", err, b)
			}
		})
	}
}

// A binary file is refused with an error naming it, by every reader.
func TestReadRefusesBinary(t *testing.T) {
	dir := t.TempDir()
	junk := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 300)...)
	for _, name := range []string{"prog.txt", "prog.json", "prog.html", "prog"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, junk, 0o644)
		_, err := extract.ReadFile(p)
		if !errors.Is(err, extract.ErrNotText) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestReadJSONShapes(t *testing.T) {
	tests := []struct {
		name, in string
		outlets  []string
		err      error
		msg      string
	}{
		{"object", `{"outlet":"A","text":"The mayor resigned."}`, []string{"A"}, nil, ""},
		{"lines", "{\"outlet\":\"A\",\"text\":\"One.\"}\n\n{\"outlet\":\"B\",\"text\":\"Two.\"}\n", []string{"A", "B"}, nil, ""},
		{"array", "\xef\xbb\xbf [\n {\"outlet\":\"A\",\"text\":\"One.\"},\n {\"outlet\":\"B\",\n  \"text\":\"Two.\"}\n]\n", []string{"A", "B"}, nil, ""},
		{"empty array", "[]", nil, nil, ""},
		{"array of strings", `["The mayor resigned."]`, nil, extract.ErrBadJSON, "line 1: not a JSON article: found a JSON string where an article object {…} belongs"},
		{"array element without text", "[\n{\"outlet\":\"A\",\"text\":\"One.\"},\n{\"outlet\":\"B\"}]", nil, extract.ErrNoText, "line 3:"},
		{"broken array", "[\n{\"text\":\"One.\"},\n{\"text\":\"Two.\"\n", nil, nil, "line 4: the JSON array breaks here"},
		{"text not a string", `{"text":5}`, nil, extract.ErrBadJSON, `field "text" is a JSON number, not a string`},
		{"whitespace text", `{"outlet":"A","text":"  \n\t "}`, nil, extract.ErrNoText, "empty or only whitespace"},
		{"binary text", `{"outlet":"A","text":"\u0000\u0001junk"}`, nil, extract.ErrNotText, "NUL"},
		{"cut off", `{"outlet":"A","text":"The may`, nil, extract.ErrBadJSON, "line 1:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := extract.ReadJSON(strings.NewReader(tc.in))
			if tc.err == nil && tc.msg == "" {
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, d := range docs {
					got = append(got, d.Outlet)
				}
				if diff := cmp.Diff(tc.outlets, got); diff != "" {
					t.Errorf("outlets (-want +got):\n%s", diff)
				}
				return
			}
			if err == nil || tc.err != nil && !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %v, want %v containing %q", err, tc.err, tc.msg)
			}
		})
	}
}

// Array elements are numbered by the line they start on, so that an error
// or a corpus source points at them.
func TestEachRecordLines(t *testing.T) {
	in := "\n[ {\"a\":1},\n\n  {\"b\":\n2}, {\"c\":3}\n]"
	var got []int
	err := extract.EachRecord(strings.NewReader(in), func(line int, raw []byte) error {
		got = append(got, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{2, 4, 5}, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	var re *extract.RecordError
	err = extract.EachRecord(strings.NewReader("[{\"a\":1}]\n{\"b\":2}"), func(int, []byte) error { return nil })
	if !errors.As(err, &re) || re.Line != 2 {
		t.Errorf("data after the array: %v", err)
	}
}

// Boilerplate rules catch template lines and leave news that starts with
// the same words.
func TestBoilerplateRules(t *testing.T) {
	tests := []struct {
		text        string
		boilerplate bool
	}{
		{"Advertisement", true},
		{"ADVERTISEMENT", true},
		{"— Advertisement —", true},
		{"Story continues below advertisement", true},
		{"Read more: Bridge closures across the region", true},
		{"Related: Ten years of floods", true},
		{"Copyright © 2026 Northwind Wire. All rights reserved.", true},
		{"Copyright 2026 Northwind Wire", true},
		{"COPYRIGHT (c) 2026 NORTHWIND WIRE", true},
		{"copyright 2026 northwind wire", true},
		{"© 2026 Northwind Wire", true},
		{"This story has been updated to add a comment from the mayor.", true},
		{"(Reporting by Ana Ruiz; Editing by Tom Hale)", true},
		{"Sign up for our morning newsletter.", true},
		{"Subscribe to keep reading.", true},
		{"Home | World | Business | Sport | Opinion", true},
		{"Share this article", true},
		{"Advertisements for more than 400 brands were pulled from the platform on Monday, the company said.", false},
		{"Advertisement spending fell 3 percent in the third quarter, the agency said, as brands cut budgets across the region and broadcasters reported a second weak season in a row for television slots, newspapers and billboards alike, with radio the only medium to grow after three flat years of sales.", false},
		{"Advertisers said on Tuesday they would return to the platform.", false},
		{"Copyright lawsuits against the company rose in 2025, the court said.", false},
		{"Related talks resumed in Geneva on Monday.", false},
		{"Sharing economy firms lost 4 percent, the index showed.", false},
		{"Readmore Ltd said profits rose.", false},
		{"Read the full statement, the ministry said.", false},
	}
	for _, tc := range tests {
		d := extract.Extract("The bridge reopened on Monday.\n\n" + tc.text + "\n\nTraffic resumed on Tuesday.")
		got := false
		for _, x := range d.Excluded {
			if x.Kind == extract.ExcludedBoilerplate && x.Text == tc.text {
				got = true
			}
		}
		if got != tc.boilerplate {
			t.Errorf("%q: boilerplate %v, want %v", tc.text, got, tc.boilerplate)
		}
		if !tc.boilerplate && len(d.Claims) != 3 {
			t.Errorf("%q: %d claims, want 3", tc.text, len(d.Claims))
		}
	}
}

// TestZeroLexicon: a Lexicon written as a literal has no entries and was
// never indexed; extraction still reads the claims, with no markers.
func TestZeroLexicon(t *testing.T) {
	text := "The council voted 7-2 on Tuesday to close the bridge. Critics said the plan was reckless."
	doc := extract.Extract(text, extract.WithLexicon(&extract.Lexicon{}))
	if len(doc.Claims) != 2 {
		t.Fatalf("got %d claims, want 2", len(doc.Claims))
	}
	for _, c := range doc.Claims {
		if len(c.Markers) != 0 {
			t.Errorf("claim %q: markers %v from an empty lexicon", c.Text, c.Markers)
		}
	}
}
