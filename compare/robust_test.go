package compare_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

func TestCompareContextChecks(t *testing.T) {
	d := extract.Extract("The mayor of Telford resigned on Monday, officials said.")
	e := extract.Extract("Telford's mayor quit on Monday.")
	tests := []struct {
		name string
		docs []*extract.Document
		opts []compare.Option
		want error
	}{
		{"nil document", []*extract.Document{nil, d}, nil, compare.ErrNilDocument},
		{"negative threshold", []*extract.Document{d, e}, []compare.Option{compare.Threshold(-3)}, compare.ErrOption},
		{"zero threshold", []*extract.Document{d, e}, []compare.Option{compare.Threshold(0)}, compare.ErrOption},
		{"threshold over 1", []*extract.Document{d, e}, []compare.Option{compare.Threshold(1.5)}, compare.ErrOption},
		{"NaN threshold", []*extract.Document{d, e}, []compare.Option{compare.Threshold(math.NaN())}, compare.ErrOption},
		{"related over 1", []*extract.Document{d, e}, []compare.Option{compare.RelatedThreshold(2)}, compare.ErrOption},
		{"zero omission cut", []*extract.Document{d, e}, []compare.Option{compare.OmissionCut(0)}, compare.ErrOption},
		{"omission cut over 1", []*extract.Document{d, e}, []compare.Option{compare.OmissionCut(1.01)}, compare.ErrOption},
		{"NaN omission cut", []*extract.Document{d, e}, []compare.Option{compare.OmissionCut(math.NaN())}, compare.ErrOption},
		{"nil name matcher", []*extract.Document{d, e}, []compare.Option{compare.NameMatcher(nil)}, compare.ErrOption},
		{"no documents", nil, nil, nil},
		{"nil option", []*extract.Document{d, e}, []compare.Option{nil}, nil},
		{"good", []*extract.Document{d, e}, []compare.Option{compare.Threshold(0.4), compare.RelatedThreshold(0), compare.OmissionCut(1)}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := compare.CompareContext(context.Background(), tc.docs, tc.opts...)
			if !errors.Is(err, tc.want) || (err == nil) != (r != nil) {
				t.Fatalf("got report %v, error %v; want error %v", r != nil, err, tc.want)
			}
			// Compare never panics and never fails: it skips nil documents
			// and keeps the default for an option out of range.
			c := compare.Compare(tc.docs, tc.opts...)
			if c == nil || c.Documents == nil || c.Groups == nil || c.Unique == nil {
				t.Fatalf("Compare gave %+v", c)
			}
		})
	}
	var withNil, without bytes.Buffer
	compare.Compare([]*extract.Document{nil, d, nil, e}, compare.Threshold(-3)).WriteJSON(&withNil)
	compare.Compare([]*extract.Document{d, e}).WriteJSON(&without)
	if !bytes.Equal(withNil.Bytes(), without.Bytes()) {
		t.Error("Compare with nil documents and Threshold(-3) should equal Compare of the others with the defaults")
	}
}

func TestCompareContextCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := compare.CompareContext(ctx, seeds(t)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before: %v", err)
	}
	// Cancelled while aligning: a context that turns cancelled after some
	// checks shows that the claim loop keeps checking.
	a, b := largePair(150)
	ctx2 := &countdownCtx{Context: context.Background(), left: 100}
	if _, err := compare.CompareContext(ctx2, []*extract.Document{a, b}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled during: %v", err)
	}
	if ctx2.calls < 100 {
		t.Errorf("ctx checked only %d times in a 150-claim comparison", ctx2.calls)
	}
}

// countdownCtx reports itself cancelled after left calls to Err.
type countdownCtx struct {
	context.Context
	left, calls int
}

func (c *countdownCtx) Err() error {
	c.calls++
	if c.calls > c.left {
		return context.Canceled
	}
	return nil
}

// largePair is two documents of n near-identical claims.
func largePair(n int) (*extract.Document, *extract.Document) {
	var x, y strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&x, "Officials in Port Selmar counted %d boats in the harbor on Monday. ", i+3)
		fmt.Fprintf(&y, "Port Selmar officials said %d boats were in the harbor on Monday. ", i+3)
	}
	return extract.Extract(x.String()), extract.Extract(y.String())
}

// TestNoNullLists is the list part of the JSON contract: every list field
// of a report (and of the documents in it) is [] or absent, never null, so
// that `for c in d["claims"]` works in any language. It walks every field
// whose Go type is a slice, array or map, in every golden JSON and in
// reports of every test article set and of edge cases.
func TestNoNullLists(t *testing.T) {
	check := func(name string, typ reflect.Type, b []byte) {
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n := walkLists(typ, v, name, t); n == 0 {
			t.Errorf("%s: no list field checked", name)
		}
	}
	goldens, _ := filepath.Glob(filepath.Join("..", "extract", "testdata", "golden", "*.json"))
	if len(goldens) == 0 {
		t.Fatal("no extraction goldens found")
	}
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		check(g, reflect.TypeOf(extract.Document{}), b)
	}
	reports := map[string][]*extract.Document{
		"seeds":           seeds(t),
		"empty text":      {extract.Extract("")},
		"whitespace":      {extract.Extract(" \n\t"), extract.Extract("The council met on Monday.")},
		"no claims field": {{ID: "x", Text: "hand-built"}, extract.Extract("The council met on Monday.")},
		"no documents":    nil,
	}
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "sets", "*"))
	for _, dir := range sets {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		var docs []*extract.Document
		for _, f := range files {
			if strings.HasSuffix(f, ".tsv") {
				continue
			}
			ds, err := extract.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, ds...)
		}
		reports[filepath.Base(dir)] = docs
	}
	for name, docs := range reports {
		var buf bytes.Buffer
		if err := compare.Compare(docs).WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(buf.Bytes(), []byte("null")) {
			t.Errorf("%s: the report holds a null", name)
		}
		check(name, reflect.TypeOf(compare.Report{}), buf.Bytes())
	}
}

// walkLists checks v, the JSON form of a value of type typ, and returns
// how many list fields it checked.
func walkLists(typ reflect.Type, v any, path string, t *testing.T) int {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	n := 0
	switch typ.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return 0
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			fv, present := obj[name]
			if !present {
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch ft.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				n++
				if fv == nil {
					t.Errorf("%s.%s is null; a list field must be [] (or {}), never null", path, name)
				}
			}
			n += walkLists(f.Type, fv, path+"."+name, t)
		}
	case reflect.Slice, reflect.Array:
		arr, _ := v.([]any)
		for i, e := range arr {
			n += walkLists(typ.Elem(), e, fmt.Sprintf("%s[%d]", path, i), t)
		}
	case reflect.Map:
		obj, _ := v.(map[string]any)
		for k, e := range obj {
			n += walkLists(typ.Elem(), e, path+"."+k, t)
		}
	}
	return n
}

// uniqueReport is a report of one document with n claims, all unique: the
// shape of a 30 MB article, where the renderers once looked each unique
// claim up by a scan of all claims (quadratic).
func uniqueReport(n int) *compare.Report {
	d := &extract.Document{ID: "d1", Outlet: "Wire", Claims: make([]extract.Claim, n)}
	r := &compare.Report{Version: compare.ReportVersion, Documents: []*extract.Document{d}, Groups: []compare.Group{}, Outlets: map[string]compare.Profile{"d1": {Claims: n, Unique: n}}}
	for i := range d.Claims {
		id := fmt.Sprintf("d1.c%d", i+1)
		d.Claims[i] = extract.Claim{ID: id, Text: "A claim."}
		r.Unique = append(r.Unique, id)
	}
	return r
}

// TestRenderLargeLinear renders 200,000 unique claims as text and
// Markdown: with a scan per claim that is 2·10^10 comparisons (minutes);
// linear it is a fraction of a second. BenchmarkRenderUnique shows the
// time per claim staying flat from 10,000 to 100,000 claims.
func TestRenderLargeLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large report")
	}
	r := uniqueReport(200000)
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "A claim."); n != 200000 {
		t.Errorf("text lists %d unique claims", n)
	}
	buf.Reset()
	if err := r.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "A claim."); n != 200000 {
		t.Errorf("markdown lists %d unique claims", n)
	}
	// A report whose ids were renumbered by hand is still found, by a scan.
	r.Documents[0].Claims[0].ID = "d1.first"
	if c := r.Claim("d1.first"); c == nil || c != &r.Documents[0].Claims[0] {
		t.Error("Claim did not find a hand-made id")
	}
}

func BenchmarkRenderUnique(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		r := uniqueReport(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				r.WriteText(&buf)
				r.WriteMarkdown(&buf)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/claim")
		})
	}
}

// The streaming JSON writers give exactly the bytes of json.Encoder.
func TestStreamedJSONBytes(t *testing.T) {
	reports := map[string]*compare.Report{
		"seeds":        compare.Compare(seeds(t)),
		"one document": compare.Compare(seeds(t)[:1]),
		"no documents": compare.Compare(nil),
		"no claims":    compare.Compare([]*extract.Document{extract.Extract(""), extract.Extract("   ")}),
		"hostile text": compare.Compare([]*extract.Document{
			extract.Extract("“claims”: [] and \"groups\": [] said <b>the</b> mayor & co.\n\n\"claims\":[] on Monday, officials said."),
			extract.Extract("The mayor said \"claims\": [] on Monday, officials said. \xff\xfe"),
		}),
	}
	r := compare.Compare(seeds(t))
	r.Event = "ev \"claims\":[]"
	reports["event"] = r
	for name, r := range reports {
		for _, indent := range []bool{true, false} {
			var want, got bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			write := r.WriteJSONLine
			if indent {
				enc.SetIndent("", "  ")
				write = r.WriteJSON
			}
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			if err := write(&got); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !bytes.Equal(want.Bytes(), got.Bytes()) {
				t.Errorf("%s (indent %v): streamed JSON differs from json.Encoder", name, indent)
			}
		}
	}
}
