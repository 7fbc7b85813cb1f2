package compare

import (
	"bytes"
	"encoding/csv"
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtureDoc builds a document by hand from sentences, so that the
// renderers' goldens do not move when extraction or scoring change. marks
// maps a sentence index to markers given as "kind|voice|text" (the text is
// found in the sentence).
func fixtureDoc(id, outlet, title string, sentences []string, marks map[int][]string) *extract.Document {
	d := &extract.Document{ID: id, Outlet: outlet, Title: title, Published: "2026-03-04", Source: outlet + ".txt"}
	var text strings.Builder
	for i, s := range sentences {
		start := text.Len()
		text.WriteString(s)
		c := extract.Claim{ID: id + ".c" + string(rune('1'+i)), Text: s, Span: extract.Span{Start: start, End: start + len(s)}}
		for _, m := range marks[i] {
			p := strings.SplitN(m, "|", 3)
			at := strings.Index(s, p[2])
			mk := extract.Marker{Kind: p[0], Voice: p[1], Text: p[2], Span: extract.Span{Start: start + at, End: start + at + len(p[2])}, Rule: p[0] + ".txt:1"}
			if p[1] == extract.VoiceQuoted {
				mk.Speaker = "Brenner"
			}
			c.Markers = append(c.Markers, mk)
		}
		d.Claims = append(d.Claims, c)
		text.WriteString(" ")
	}
	d.Text = text.String()
	return d
}

// spanOf finds text in a document's claim and returns its span.
func spanOf(d *extract.Document, claim int, text string) extract.Span {
	c := d.Claims[claim]
	at := strings.Index(c.Text, text)
	return extract.Span{Start: c.Span.Start + at, End: c.Span.Start + at + len(text)}
}

// val is an entry of a difference: text found in a claim of d.
func val(d *extract.Document, claim int, text string) Value {
	return Value{Text: text, Span: spanOf(d, claim, text)}
}

func stance(v Value, s string) Value { v.Stance = s; return v }

// fixtureReport is a small report built by hand: two outlets, a conflict,
// a framing difference, a related group, overlapping marker and
// difference spans, and text that must be escaped.
func fixtureReport() *Report {
	a := fixtureDoc("d1", "Coastline Courier", "Dockworkers walk out", []string{
		"About 1,200 dockworkers walked off the job on Tuesday.",
		`Union leader Tomas Brenner said the plan would "eliminate" 400 jobs.`,
		"The last strike, in 2019, lasted nine days.",
		"Talks <b>resume</b> on Thursday & nobody knows *why*.",
	}, map[int][]string{
		0: {"hedge|outlet|About"},
		1: {"attribution|outlet|said", "scare_quote|quoted|\"eliminate\""},
	})
	b := fixtureDoc("d2", "The Meridian Daily", "Militant union shuts port", []string{
		"Some 1,500 port workers reportedly joined the strike on Tuesday.",
		"The militant union's boss Tomas Brenner claimed the plan would wipe out 400 jobs.",
		"The government declined to intervene.",
		"Talks could resume next week, officials said.",
	}, map[int][]string{
		0: {"hedge|outlet|reportedly"},
		1: {"label|outlet|The militant union", "attribution|outlet|claimed", "intensifier|outlet|wipe out"},
		3: {"hedge|outlet|could", "attribution|outlet|said"},
	})
	r := &Report{Version: ReportVersion, Documents: []*extract.Document{a, b}, Outlets: map[string]Profile{}, Unique: []string{},
		Run: newRun(&config{threshold: DefaultThreshold, related: 0.6 * DefaultThreshold})}
	r.Groups = []Group{
		{ID: "g1", Claims: []string{"d1.c1", "d2.c1"}, Verdict: VerdictConflict, Score: 0.61,
			Evidence: Evidence{Pair: [2]string{"d1.c1", "d2.c1"}, Shared: []string{"strike", "tuesday", "workers"}, Numbers: []string{"workers"}},
			Differences: []Difference{
				{Kind: "number", Values: map[string][]Value{"d1.c1": {val(a, 0, "1,200")}, "d2.c1": {val(b, 0, "1,500")}},
					Explain: "workers: d1 says 1,200, d2 says 1,500"},
				// Overlaps the number: the fact keeps its bytes.
				{Kind: "hedge", Values: map[string][]Value{"d1.c1": {val(a, 0, "About 1,200")}, "d2.c1": {val(b, 0, "reportedly")}},
					Explain: "hedge differs — d1: About; d2: reportedly"},
				{Kind: "detail", Values: map[string][]Value{"d1.c1": {val(a, 0, "walked off the job")}, "d2.c1": {val(b, 0, "port"), val(b, 0, "joined")}},
					Explain: "d1 alone says: walked job; d2 alone says: port joined"},
			}},
		{ID: "g2", Claims: []string{"d1.c2", "d2.c2"}, Verdict: VerdictFraming, Score: 0.74,
			Evidence: Evidence{Pair: [2]string{"d1.c2", "d2.c2"}, Names: []string{"Tomas Brenner"}, Shared: []string{"Tomas Brenner", "plan", "jobs"}},
			Differences: []Difference{
				{Kind: "label", Values: map[string][]Value{"d1.c2": {}, "d2.c2": {val(b, 1, "The militant union")}},
					Explain: "label differs — d1: none; d2: The militant union"},
				{Kind: "attribution", Values: map[string][]Value{"d1.c2": {stance(val(a, 1, "said"), "neutral")},
					// A span that runs past the end of the claim is clamped.
					"d2.c2": {stance(Value{Text: "claimed", Span: extract.Span{Start: spanOf(b, 1, "claimed").Start, End: 1 << 20}}, "distancing")}},
					Explain: "attribution differs — d1: said (neutral); d2: claimed (distancing)"},
			}},
		{ID: "g3", Claims: []string{"d1.c4", "d2.c4"}, Verdict: VerdictRelated, Score: 0.2,
			Evidence: Evidence{Pair: [2]string{"d1.c4", "d2.c4"}, Shared: []string{"talks", "resume"}}},
	}
	r.profile()
	// A claim in no group that the omission model takes for carried
	// elsewhere: listed apart from the unique ones, with its evidence.
	r.Unique = slices.DeleteFunc(r.Unique, func(id string) bool { return id == "d1.c3" })
	r.LikelyCarried = []Carried{{Claim: "d1.c3", Probability: 0.71, Best: "d2.c3", Score: 0.24, Coverage: 0.4, Document: "d2"}}
	p := r.Outlets["d1"]
	p.Unique--
	p.Carried++
	r.Outlets["d1"] = p
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./compare -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is intended, run go test ./compare -run %s -update and review the diff.\ngot:\n%s", path, t.Name(), got)
	}
}

// TestRenderJSONGolden keeps the fixture's JSON, which the schema test
// (package schema) validates.
func TestRenderJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := fixtureReport().WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "render_fixture_json.golden", b.Bytes())
}

// TestRenderCSVGolden keeps the fixture's table and checks its shape: a
// header of CSVColumns, every row as wide, a row per marker and per entry
// of a difference (a side with none is one row without a value).
func TestRenderCSVGolden(t *testing.T) {
	r := fixtureReport()
	var b bytes.Buffer
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "render_fixture_csv.golden", b.Bytes())
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(CSVColumns, recs[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	markers, entries := 0, 0
	for _, d := range r.Documents {
		for _, c := range d.Claims {
			markers += len(c.Markers)
		}
	}
	for _, g := range r.Groups {
		for _, d := range g.Differences {
			for _, vs := range d.Values {
				entries += max(1, len(vs))
			}
		}
	}
	rows := map[string]int{}
	for _, rec := range recs[1:] {
		rows[rec[1]]++
		if rec[1] == "difference" && rec[13] != "" {
			// The value is the text at its span.
			start, _ := strconv.Atoi(rec[14])
			end, _ := strconv.Atoi(rec[15])
			if doc := r.Document(rec[4]); end <= len(doc.Text) && doc.Text[start:end] != rec[13] {
				t.Errorf("%s %s: value %q is not the text at [%d,%d)", rec[6], rec[8], rec[13], start, end)
			}
		}
	}
	if rows["marker"] != markers || rows["difference"] != entries {
		t.Errorf("rows: %v, want %d marker and %d difference rows", rows, markers, entries)
	}
}

func TestRenderMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := fixtureReport().WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "render_fixture_markdown.golden", b.Bytes())
}

func TestRenderHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := fixtureReport().WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "render_fixture_html.golden", b.Bytes())
	out := b.String()
	for _, want := range []string{
		`<tr id="g1">`, `<tr id="g3">`, `id="d1.c1"`, `id="col-d2"`,
		// Where a fact's and framing's evidence overlap, the fact keeps its bytes.
		`<span class="hl f-framing k-hedge mk m-hedge" title="hedge differs: hedge differs — d1: About; d2: reportedly`,
		`<span class="hl f-fact k-number" title="number differs: workers: d1 says 1,200, d2 says 1,500">1,200</span>`,
		// A quoted-voice marker says so and names its speaker on hover.
		`class="mk m-scare_quote quoted" title="marker: scare quote — quoted voice, Brenner`,
		"Talks &lt;b&gt;resume&lt;/b&gt; on Thursday &amp; nobody knows *why*.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}

// hostileReport compares a hand-built document with the hostile test
// article, whose outlet, title and URL are hostile too.
func hostileReport(t *testing.T) *Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "html", "hostile.txt"))
	if err != nil {
		t.Fatal(err)
	}
	h := extract.Extract(string(b), extract.WithOutlet(`Hostile <script>document.title="PWNED"</script> Herald`))
	h.URL = "javascript:alert(1)"
	h.Title = `<img src=x onerror=alert(1)>`
	plain := extract.Extract("About 1,200 dockworkers at the Port of Valdera walked off the job on Tuesday, halting container traffic at the country's second-busiest harbour. Union leader Tomas Brenner said the plan to install automated cranes would eliminate 400 jobs over three years.",
		extract.WithOutlet("Coastline Courier"))
	return Compare([]*extract.Document{plain, h})
}

func TestHTMLEscapesHostileText(t *testing.T) {
	r := hostileReport(t)
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lower := strings.ToLower(out)
	// The words only one side says are marked in place; the escaping is
	// checked on the text without those marks.
	plainText := regexp.MustCompile(`</?(span|b|i)\b[^>]*>`)
	for _, bad := range []string{"<script", "<img", "<svg", "<iframe", `<h1 id="pwned`, "<a href=\"javascript:", "href=\"javascript", "<style>body{display:none}"} {
		if strings.Contains(lower, bad) {
			t.Errorf("hostile text reached the page as markup: %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;document.title=&#39;PWNED&#39;",
		"&lt;img src=x onerror=&#34;document.body.appendChild",
		"javascript:document.title=&#39;PWNED&#39;",
		"Hostile &lt;script&gt;document.title=&#34;PWNED&#34;&lt;/script&gt; Herald",
		`href="#ZgotmplZ"`, // html/template refused the javascript: URL
	} {
		if !strings.Contains(plainText.ReplaceAllString(out, ""), want) {
			t.Errorf("hostile text is not shown escaped: %q missing", want)
		}
	}
	if n := strings.Count(lower, "<h1"); n != 1 {
		t.Errorf("%d <h1> elements, want 1", n)
	}
	// The page forbids scripts whatever else happens.
	if !strings.Contains(out, `content="default-src 'none'; style-src 'unsafe-inline'`) {
		t.Error("the Content-Security-Policy is missing")
	}

	b.Reset()
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	md := strings.ToLower(b.String())
	for _, bad := range []string{"<script", "<img", "<svg", "<h1", "[a link](javascript:", "<style"} {
		if strings.Contains(md, bad) {
			t.Errorf("hostile text reached the Markdown as markup: %q", bad)
		}
	}
	if !strings.Contains(plainText.ReplaceAllString(md, ""), `&lt;script&gt;document.title='pwned';document.body.appendchild`) {
		t.Error("hostile text is not shown escaped in the Markdown")
	}
}

func seedDocs(t *testing.T) []*extract.Document {
	t.Helper()
	var docs []*extract.Document
	for _, name := range []string{"000_f806df4db212c27a.txt", "004_142b436908202848.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, extract.Extract(string(b), extract.WithSource(name), extract.WithPublished("2025-11-21")))
	}
	return docs
}

func TestRenderDeterministic(t *testing.T) {
	render := func() (md, html []byte) {
		r := Compare(seedDocs(t))
		var m, h bytes.Buffer
		if err := r.WriteMarkdown(&m); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteHTML(&h); err != nil {
			t.Fatal(err)
		}
		return m.Bytes(), h.Bytes()
	}
	m1, h1 := render()
	m2, h2 := render()
	if !bytes.Equal(m1, m2) {
		t.Error("two Markdown renderings of the same input differ")
	}
	if !bytes.Equal(h1, h2) {
		t.Error("two HTML renderings of the same input differ")
	}
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// TestHTMLElementIDs: every group and every claim has exactly one element
// with its id, so that report.html#g3 and #d1.c2 work.
func TestHTMLElementIDs(t *testing.T) {
	for name, r := range map[string]*Report{"seeds": Compare(seedDocs(t)), "fixture": fixtureReport(), "hostile": hostileReport(t)} {
		var b bytes.Buffer
		if err := r.WriteHTML(&b); err != nil {
			t.Fatal(err)
		}
		ids := map[string]int{}
		for _, m := range idAttr.FindAllStringSubmatch(b.String(), -1) {
			ids[m[1]]++
		}
		var want []string
		for _, g := range r.Groups {
			want = append(want, g.ID)
		}
		for _, d := range r.Documents {
			want = append(want, "col-"+d.ID)
			for _, c := range d.Claims {
				want = append(want, c.ID)
			}
		}
		if name == "seeds" && len(r.Groups) == 0 {
			t.Errorf("%s: no groups", name)
		}
		for _, id := range want {
			if ids[id] != 1 {
				t.Errorf("%s: %d elements with id %q, want 1", name, ids[id], id)
			}
		}
	}
}

func TestHLSegments(t *testing.T) {
	text := "Émile said the “so-called” deal was reportedly signed."
	c := &extract.Claim{ID: "d1.c1", Text: text, Span: extract.Span{Start: 100, End: 100 + len(text)}}
	at := func(s string) extract.Span {
		i := strings.Index(text, s)
		return extract.Span{Start: 100 + i, End: 100 + i + len(s)}
	}
	c.Markers = []extract.Marker{
		{Kind: "attribution", Voice: "outlet", Span: at("said")},
		{Kind: "distancing", Voice: "outlet", Span: at("“so-called”")},
		{Kind: "scare_quote", Voice: "outlet", Span: at("so-called")},              // inside the distancing: outermost wins
		{Kind: "hedge", Voice: "outlet", Span: extract.Span{Start: 101, End: 103}}, // cuts É in half: widened
		{Kind: "hedge", Voice: "outlet", Span: extract.Span{Start: -50, End: 5}},   // before the claim: clamped
		{Kind: "hedge", Voice: "outlet", Span: extract.Span{Start: 900, End: 950}}, // past the claim: dropped
		{Kind: "hedge", Voice: "outlet", Span: extract.Span{Start: 130, End: 120}}, // reversed: dropped
	}
	diffs := []Difference{
		{Kind: "polarity", Values: map[string][]Value{"d1.c1": {{Span: at("reportedly signed")}}}},
		{Kind: "hedge", Values: map[string][]Value{"d1.c1": {{Span: at("was reportedly")}}}},
		{Kind: "detail", Values: map[string][]Value{"d1.c1": {{Span: c.Span}}}},   // lowest: takes what is left
		{Kind: "date", Values: map[string][]Value{"d2.c1": {{Span: at("deal")}}}}, // another document's claim
	}
	segs := hlSegments(c, diffs)
	var joined strings.Builder
	for _, s := range segs {
		joined.WriteString(s.Text)
		if !utf8Valid(s.Text) {
			t.Errorf("segment %q is not whole UTF-8", s.Text)
		}
		if s.Diff == nil {
			t.Errorf("segment %q: the detail covering the claim should take every byte left", s.Text)
		}
		if s.Text == "deal" && s.Diff != nil {
			t.Error("another document's span highlighted this claim")
		}
	}
	if joined.String() != text {
		t.Fatalf("segments give %q, want %q", joined.String(), text)
	}
	find := func(s string) hlSegment {
		for _, sg := range segs {
			if sg.Text == s {
				return sg
			}
		}
		t.Fatalf("no segment %q in %+v", s, segs)
		return hlSegment{}
	}
	if sg := find("“so-called”"); sg.Marker == nil || sg.Marker.Kind != "distancing" {
		t.Errorf("outermost marker should win: %+v", sg)
	}
	if sg := find("reportedly signed"); sg.Diff == nil || sg.Diff.Kind != "polarity" {
		t.Errorf("a fact should keep its bytes against framing: %+v", sg)
	}
	if sg := find("was "); sg.Diff == nil || sg.Diff.Kind != "hedge" {
		t.Errorf("framing should keep the bytes a fact leaves: %+v", sg)
	}

	// Random spans never panic and always give the text back.
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		var ms []extract.Marker
		var ds []Difference
		for j := 0; j < rng.Intn(6); j++ {
			s := 90 + rng.Intn(len(text)+20)
			ms = append(ms, extract.Marker{Kind: "hedge", Span: extract.Span{Start: s, End: s + rng.Intn(30) - 5}})
			s = 90 + rng.Intn(len(text)+20)
			ds = append(ds, Difference{Kind: "number", Values: map[string][]Value{"d1.c1": {{Span: extract.Span{Start: s, End: s + rng.Intn(30) - 5}}}}})
		}
		c2 := *c
		c2.Markers = ms
		var got strings.Builder
		for _, s := range hlSegments(&c2, ds) {
			got.WriteString(s.Text)
		}
		if got.String() != text {
			t.Fatalf("random spans %v %v: segments give %q", ms, ds, got.String())
		}
	}
	if segs := hlSegments(&extract.Claim{ID: "d1.c1"}, diffs); len(segs) != 0 {
		t.Errorf("empty claim gave segments %v", segs)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// TestHTMLPagesAsInput reads the two saved news pages of testdata/html:
// the article text is found, the page's navigation, advertising, scripts
// and footer are not, and the comparison renders.
func TestHTMLPagesAsInput(t *testing.T) {
	var docs []*extract.Document
	for _, name := range []string{"coastline_courier.html", "meridian_daily.html"} {
		f, err := os.Open(filepath.Join("..", "testdata", "html", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := extract.ReadHTML(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, junk := range []string{"Most read", "cookies", "dataLayer", "renderAd", "All rights reserved", "Trending", "Log in", "Podcast"} {
			if strings.Contains(d.Text, junk) {
				t.Errorf("%s: page furniture %q reached the article text", name, junk)
			}
		}
		// An ad label or a paywall line inside the article body may stay in
		// the text, but never as a claim.
		for _, c := range d.Claims {
			for _, junk := range []string{"Advertisement", "Subscribe"} {
				if strings.Contains(c.Text, junk) {
					t.Errorf("%s: claim %s is page furniture: %q", name, c.ID, c.Text)
				}
			}
		}
		if !strings.Contains(d.Text, "Tomas Brenner") || d.Outlet == "" || d.Published != "2026-03-04" {
			t.Errorf("%s: article not read: outlet %q, published %q, text %q", name, d.Outlet, d.Published, d.Text)
		}
		docs = append(docs, d)
	}
	r := Compare(docs)
	if len(r.Groups) < 4 {
		t.Errorf("only %d groups between two reports of one strike", len(r.Groups))
	}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Coastline Courier", "The Meridian Daily", `id="g1"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}
