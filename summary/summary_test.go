package summary_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
	"github.com/claimdiff/claimdiff/internal/schematest"
	"github.com/claimdiff/claimdiff/internal/testcorpus"
	"github.com/claimdiff/claimdiff/summary"
	"github.com/google/go-cmp/cmp"
)

// doc builds a document with n claims and an outlet.
func doc(id, outlet string, n int) *extract.Document {
	d := &extract.Document{ID: id, Outlet: outlet, Claims: []extract.Claim{}}
	for i := 1; i <= n; i++ {
		d.Claims = append(d.Claims, extract.Claim{ID: id + ".c" + string(rune('0'+i)), Text: "claim", Span: extract.Span{Start: 10 * i, End: 10*i + 5}})
	}
	return d
}

func profile(claims, shared int, label, quotedHedge int) compare.Profile {
	p := compare.Profile{Claims: claims, Shared: shared, Unique: claims - shared, Markers: map[string]int{}, Per100: map[string]float64{}}
	for _, k := range extract.MarkerKinds {
		p.Markers[k] = 0
	}
	p.Markers[extract.KindLabel] = label
	if quotedHedge > 0 {
		p.Quoted = map[string]int{extract.KindHedge: quotedHedge}
	}
	return p
}

// handReports are two events built by hand, so that every count of the
// summary is known: in e1 Alpha and Gamma conflict on a number that Beta
// does not give, and differ in framing on another claim, and Gamma's third
// claim is likely carried by Alpha (not unique); in e2 Beta and
// Alpha (in the other order) agree, and a related group counts for nothing.
func handReports() []*compare.Report {
	e1 := &compare.Report{Version: compare.ReportVersion, Event: "e1",
		Documents: []*extract.Document{doc("d1", "Alpha", 2), doc("d2", "Beta", 1), doc("d3", "Gamma", 3)},
		Groups: []compare.Group{
			{ID: "g1", Claims: []string{"d1.c1", "d2.c1", "d3.c1"}, Verdict: compare.VerdictConflict, Differences: []compare.Difference{
				{Kind: "number", Values: map[string][]compare.Value{"d1.c1": {{Text: "12"}}, "d3.c1": {{Text: "40"}}}, Conflicts: [][2]string{{"d1", "d3"}}},
			}},
			{ID: "g2", Claims: []string{"d1.c2", "d3.c2"}, Verdict: compare.VerdictFraming, Differences: []compare.Difference{
				{Kind: "label", Values: map[string][]compare.Value{"d1.c2": {{Text: "militants"}}, "d3.c2": {}}},
			}},
		},
		Unique:        []string{},
		LikelyCarried: []compare.Carried{{Claim: "d3.c3", Probability: 0.7, Best: "d1.c2", Score: 0.25, Coverage: 0.5, Document: "d1"}},
		Outlets:       map[string]compare.Profile{"d1": profile(2, 2, 1, 0), "d2": profile(1, 1, 0, 2), "d3": profile(3, 2, 0, 0)},
	}
	gamma := e1.Outlets["d3"]
	gamma.Unique, gamma.Carried = 0, 1
	e1.Outlets["d3"] = gamma
	e2 := &compare.Report{Version: compare.ReportVersion, Event: "e2",
		Documents: []*extract.Document{doc("d1", "Beta", 2), doc("d2", "Alpha", 2)},
		Groups: []compare.Group{
			{ID: "g1", Claims: []string{"d1.c1", "d2.c1"}, Verdict: compare.VerdictAgree},
			{ID: "g2", Claims: []string{"d1.c2", "d2.c2"}, Verdict: compare.VerdictRelated},
		},
		Outlets: map[string]compare.Profile{"d1": profile(2, 1, 3, 0), "d2": profile(2, 1, 0, 0)},
	}
	return []*compare.Report{e1, e2}
}

// corpusLines writes reports as corpus mode does, with a too-large event.
func corpusLines(t *testing.T, rs []*compare.Report) []byte {
	var b bytes.Buffer
	for _, r := range rs {
		if err := r.WriteJSONLine(&b); err != nil {
			t.Fatal(err)
		}
	}
	big, _ := corpus.TooLarge("e3", corpus.MaxEventArticles+1)
	b.Write(append(big, '\n'))
	return b.Bytes()
}

func TestSummaryByHand(t *testing.T) {
	b, err := summary.Read(bytes.NewReader(corpusLines(t, handReports())))
	if err != nil {
		t.Fatal(err)
	}
	s := b.Summary()
	if s.Events != 3 || len(s.TooLarge) != 1 || s.TooLarge[0] != "e3" {
		t.Errorf("events %d, too large %v; want 3 and [e3]", s.Events, s.TooLarge)
	}
	wantPairs := []summary.Pair{
		{A: "Alpha", B: "Beta", Groups: 2, Agree: 2, AgreeShare: 1},
		{A: "Alpha", B: "Gamma", Groups: 2, Framing: 1, Conflict: 1, FramingShare: 0.5, ConflictShare: 0.5},
		{A: "Beta", B: "Gamma", Groups: 1, Agree: 1, AgreeShare: 1},
	}
	if diff := cmp.Diff(wantPairs, s.Pairs); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
	type row struct {
		Name                                                             string
		Events, Docs, Claims, Shared, Unique, Carried, Groups, Conflicts int
		SharedShare, CarriedShare, OwnLabel, OwnLabel100, QuotedHedge    float64
	}
	var got []row
	for _, o := range s.Outlets {
		got = append(got, row{o.Outlet, o.Events, o.Documents, o.Claims, o.Shared, o.Unique, o.Carried, o.Groups, o.Conflicts,
			o.SharedShare, o.CarriedShare, float64(o.Markers["outlet"]["label"]), o.Per100["outlet"]["label"], float64(o.Markers["quoted"]["hedge"])})
	}
	want := []row{
		{"Alpha", 2, 2, 4, 3, 1, 0, 3, 1, 0.75, 0, 1, 25, 0},
		{"Beta", 2, 2, 3, 2, 1, 0, 2, 0, 0.6667, 0, 3, 100, 2},
		{"Gamma", 1, 1, 3, 2, 0, 1, 2, 1, 0.6667, 0.3333, 0, 0, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outlets (-want +got):\n%s", diff)
	}
	var j bytes.Buffer
	if err := s.WriteJSON(&j); err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.Summary, "summary", j.Bytes())
	// The CSV and the HTML page carry the carried count and share too.
	var oc bytes.Buffer
	if err := s.WriteOutletsCSV(&oc); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&oc).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	if g := rows[3]; g[0] != "Gamma" || g[col["carried"]] != "1" || g[col["carried_share"]] != "0.3333" || g[col["unique"]] != "0" {
		t.Errorf("CSV row of Gamma: %v (columns %v)", g, rows[0])
	}
	var page bytes.Buffer
	rs := handReports()
	events := []summary.EventPage{summary.EventPageOf(rs[0], "e1.html"), summary.EventPageOf(rs[1], "e2.html")}
	if err := summary.WriteHTMLIndex(&page, events, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<td data-label="unique claims">0</td><td data-label="likely carried">1</td>`, `<th>unique</th><th>carried</th>`, `<td>1 <span class="per">(33%)</span></td>`} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("HTML index lacks %s", want)
		}
	}
}

// TestSummaryOrder: the tally does not depend on the order of the events.
func TestSummaryOrder(t *testing.T) {
	rs := handReports()
	a, b := summary.New(), summary.New()
	for _, r := range rs {
		a.Add(r)
	}
	for i := len(rs) - 1; i >= 0; i-- {
		b.Add(rs[i])
	}
	if diff := cmp.Diff(a.Summary(), b.Summary()); diff != "" {
		t.Errorf("order changes the summary:\n%s", diff)
	}
}

// TestSummaryOnCorpus runs corpus mode over the article sets and checks the
// summary against the reports it was made from, its schema, and its CSV.
func TestSummaryOnCorpus(t *testing.T) {
	in, err := testcorpus.Sets("../testdata/sets")
	if err != nil {
		t.Fatal(err)
	}
	var lines bytes.Buffer
	if err := corpus.Run(bytes.NewReader(in), "sets.jsonl", &lines, corpus.Config{}); err != nil {
		t.Fatal(err)
	}
	b, err := summary.Read(bytes.NewReader(lines.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	s := b.Summary()
	if s.Events < 4 || len(s.Outlets) < 6 || len(s.Pairs) < 4 {
		t.Fatalf("summary too small: %d events, %d outlets, %d pairs", s.Events, len(s.Outlets), len(s.Pairs))
	}
	claims := 0
	for _, o := range s.Outlets {
		claims += o.Claims
		if o.Shared+o.Unique+o.Carried != o.Claims {
			t.Errorf("%s: shared %d + unique %d + carried %d != claims %d", o.Outlet, o.Shared, o.Unique, o.Carried, o.Claims)
		}
		if sum := o.SharedShare + o.UniqueShare + o.CarriedShare; o.Claims > 0 && math.Abs(sum-1) > 0.002 {
			t.Errorf("%s: shares %v + %v + %v = %v, want 1", o.Outlet, o.SharedShare, o.UniqueShare, o.CarriedShare, sum)
		}
		if o.Conflicts > o.Groups {
			t.Errorf("%s: %d conflicts in %d groups", o.Outlet, o.Conflicts, o.Groups)
		}
	}
	reportClaims := 0
	for _, l := range bytes.Split(bytes.TrimSpace(lines.Bytes()), []byte("\n")) {
		one, err := summary.Read(bytes.NewReader(l))
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range one.Summary().Outlets {
			reportClaims += o.Claims
		}
	}
	if claims != reportClaims || claims == 0 {
		t.Errorf("claims across events %d, sum over events %d", claims, reportClaims)
	}
	agreeing := 0
	for _, p := range s.Pairs {
		if p.Agree+p.Framing+p.Conflict != p.Groups {
			t.Errorf("%s/%s: %d+%d+%d != %d groups", p.A, p.B, p.Agree, p.Framing, p.Conflict, p.Groups)
		}
		agreeing += p.Agree + p.Framing
	}
	if agreeing == 0 {
		t.Error("no pair of outlets shares a claim across the sets")
	}
	var j, oc, pc bytes.Buffer
	if err := s.WriteJSON(&j); err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.Summary, "summary of the sets", j.Bytes())
	s.WriteOutletsCSV(&oc)
	s.WritePairsCSV(&pc)
	if n := strings.Count(oc.String(), "\n"); n != len(s.Outlets)+1 {
		t.Errorf("outlets CSV has %d lines, want %d", n, len(s.Outlets)+1)
	}
	if n := strings.Count(pc.String(), "\n"); n != len(s.Pairs)+1 {
		t.Errorf("pairs CSV has %d lines, want %d", n, len(s.Pairs)+1)
	}
	// Shuffled event lines give the same summary.
	ls := bytes.Split(bytes.TrimSpace(lines.Bytes()), []byte("\n"))
	rand.New(rand.NewSource(3)).Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
	b2, err := summary.Read(bytes.NewReader(bytes.Join(ls, []byte("\n"))))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, b2.Summary()); diff != "" {
		t.Errorf("shuffled events change the summary:\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string]string{
		"not JSON":    "{\"version\":2,\n",
		"old version": `{"version":1,"documents":[]}` + "\n",
		"an article":  `{"event":"e","text":"An article."}` + "\n",
	} {
		if _, err := summary.Read(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%s: error %v, want one naming line 1", name, err)
		}
	}
}

// TestSummaryOverlappingGroups: a claim may be in two groups (compare's
// split of a cluster: Gamma's and Delta's claims each say what Alpha's and
// Beta's say, not what each other's say); the pair of outlets whose same
// two claims both groups hold counts them once, the other pairs once each.
func TestSummaryOverlappingGroups(t *testing.T) {
	r := &compare.Report{Version: compare.ReportVersion, Event: "e1",
		Documents: []*extract.Document{doc("d1", "Alpha", 1), doc("d2", "Beta", 1), doc("d3", "Gamma", 1), doc("d4", "Delta", 1)},
		Groups: []compare.Group{
			{ID: "g1", Claims: []string{"d1.c1", "d2.c1", "d3.c1"}, Verdict: compare.VerdictAgree},
			{ID: "g2", Claims: []string{"d1.c1", "d2.c1", "d4.c1"}, Verdict: compare.VerdictAgree},
		},
		Outlets: map[string]compare.Profile{"d1": profile(1, 1, 0, 0), "d2": profile(1, 1, 0, 0), "d3": profile(1, 1, 0, 0), "d4": profile(1, 1, 0, 0)},
	}
	b := summary.New()
	b.Add(r)
	one := func(a, b string) summary.Pair { return summary.Pair{A: a, B: b, Groups: 1, Agree: 1, AgreeShare: 1} }
	want := []summary.Pair{one("Alpha", "Beta"), one("Alpha", "Delta"), one("Alpha", "Gamma"), one("Beta", "Delta"), one("Beta", "Gamma")}
	if diff := cmp.Diff(want, b.Summary().Pairs); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
}
