package compare

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/extract"
)

// hlDiffKinds lists the difference kinds in the order the legend shows them.
var hlDiffKinds = []string{"number", "date", "entity", "polarity",
	extract.KindLabel, extract.KindScareQuote, extract.KindDistancing, extract.KindAttribution,
	extract.KindHedge, extract.KindIntensifier, extract.KindAgentless, "detail"}

// hlFamily names the colour family of a difference kind: fact, framing or
// detail.
func hlFamily(kind string) string {
	switch {
	case factKinds[kind]:
		return "fact"
	case kind == "detail":
		return "detail"
	}
	return "framing"
}

// hlKind is a kind as a reader writes it: "scare quote".
func hlKind(kind string) string { return strings.ReplaceAll(kind, "_", " ") }

// hlClass keeps the letters, digits, '-' and '_' of s, so that a kind
// from odd input can never break out of a class name.
func hlClass(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hlSegment is a run of a claim's text with the difference and the marker
// (either may be nil) that cover it.
type hlSegment struct {
	Text   string
	Diff   *Difference
	Marker *extract.Marker
}

// hlRange is a clamped byte range of a claim's text owned by item idx;
// ranges of a lower rank are painted first.
type hlRange struct{ s, e, idx, rank int }

// hlClamp turns a document span into offsets in a claim's text,
// clamped to the text and widened to whole UTF-8 characters. It reports
// false when nothing of the span lies in the claim.
func hlClamp(c *extract.Claim, sp extract.Span) (int, int, bool) {
	n, base := len(c.Text), c.Span.Start
	if sp.End <= sp.Start || sp.End <= base {
		return 0, 0, false
	}
	s, e := 0, n
	if sp.Start > base {
		s = sp.Start - base
	}
	if sp.End-base < n {
		e = sp.End - base
	}
	if s >= e {
		return 0, 0, false
	}
	for s > 0 && !utf8.RuneStart(c.Text[s]) {
		s--
	}
	for e < n && !utf8.RuneStart(c.Text[e]) {
		e++
	}
	return s, e, true
}

// hlPaint gives every byte of a text of length n the item that covers it,
// as index+1 (0: none). Where items overlap the lower rank wins, then the
// outermost: the one that starts first, then the longer; an item partly
// covered by another keeps the bytes left to it.
func hlPaint(n int, ivs []hlRange) []int {
	sort.SliceStable(ivs, func(i, j int) bool {
		if ivs[i].rank != ivs[j].rank {
			return ivs[i].rank < ivs[j].rank
		}
		if ivs[i].s != ivs[j].s {
			return ivs[i].s < ivs[j].s
		}
		return ivs[i].e-ivs[i].s > ivs[j].e-ivs[j].s
	})
	at := make([]int, n)
	for _, iv := range ivs {
		for b := iv.s; b < iv.e; b++ {
			if at[b] == 0 {
				at[b] = iv.idx + 1
			}
		}
	}
	return at
}

// hlSegments cuts a claim's text where the evidence of the group's
// differences and the claim's markers begin and end: the words only one
// side says (detail) are marked in place, like a split diff. Where the
// evidence of a fact and of framing overlap ("about 1,200"), the fact keeps
// its bytes, then framing, then detail; otherwise the outermost span wins
// (see hlPaint). Spans that reach
// outside the claim are clamped.
// Joining the segments' texts gives the claim's text back.
func hlSegments(c *extract.Claim, diffs []Difference) []hlSegment {
	n := len(c.Text)
	if n == 0 {
		return nil
	}
	var dIvs, mIvs []hlRange
	doc := docOf(c.ID)
	for i, d := range diffs {
		rank := 1
		switch {
		case factKinds[d.Kind]:
			rank = 0
		case d.Kind == "detail":
			rank = 2
		}
		for _, k := range hlSortedKeys(d.Values) {
			if docOf(k) != doc {
				continue
			}
			for _, v := range d.Values[k] {
				if s, e, ok := hlClamp(c, v.Span); ok {
					dIvs = append(dIvs, hlRange{s, e, i, rank})
				}
			}
		}
	}
	for i, m := range c.Markers {
		if s, e, ok := hlClamp(c, m.Span); ok {
			mIvs = append(mIvs, hlRange{s, e, i, 0})
		}
	}
	dAt, mAt := hlPaint(n, dIvs), hlPaint(n, mIvs)
	var segs []hlSegment
	start := 0
	for b := 1; b <= n; b++ {
		if b < n && dAt[b] == dAt[start] && mAt[b] == mAt[start] {
			continue
		}
		if b < n && !utf8.RuneStart(c.Text[b]) {
			continue
		}
		sg := hlSegment{Text: c.Text[start:b]}
		if k := dAt[start]; k > 0 {
			sg.Diff = &diffs[k-1]
		}
		if k := mAt[start]; k > 0 {
			sg.Marker = &c.Markers[k-1]
		}
		segs = append(segs, sg)
		start = b
	}
	return segs
}

func hlSortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// hlMarkerTitle explains a marker on hover: kind, stance, voice, speaker,
// what it refers to and the rule that found it.
func hlMarkerTitle(m *extract.Marker) string {
	var b strings.Builder
	b.WriteString("marker: " + hlKind(m.Kind))
	if m.Stance != "" {
		b.WriteString(" (" + m.Stance + ")")
	}
	if m.Voice == extract.VoiceQuoted {
		b.WriteString(" — quoted voice")
		if m.Speaker != "" {
			b.WriteString(", " + m.Speaker)
		}
	} else if m.Voice == extract.VoiceReported {
		b.WriteString(" — reported speech")
		if m.Speaker != "" {
			b.WriteString(", " + m.Speaker)
		}
	} else {
		b.WriteString(" — the outlet's own voice")
	}
	if m.RefersTo != "" {
		b.WriteString("\nrefers to: " + m.RefersTo)
	}
	if m.Rule != "" {
		b.WriteString("\nrule: " + m.Rule)
	}
	return b.String()
}

// htmlSeg is an hlSegment ready for the template. Class and Title are built
// from known words; Text is the article's and is escaped by html/template.
type htmlSeg struct {
	Text, Class, Title string
	Tag                string // a marker's kind, after its last segment
}

type htmlClaim struct {
	ID     string
	Anchor bool // carries the element id (once per page)
	Segs   []htmlSeg
	Repeat string // the claim it repeats
	Group  string // the related group that also shows it
	// Likely carried (Report.LikelyCarried): the omission model's
	// probability and the claim it comes nearest to.
	Carried     string
	CarriedBest string
}

type htmlDiff struct {
	Kind, Label, Family, Explain string
}

type htmlGroup struct {
	ID, Verdict, Score string
	Cells              [][]htmlClaim // one per document, in document order
	Diffs              []htmlDiff
	Shared             string
}

type barPart struct {
	Verdict string
	N       int
}

type htmlDoc struct {
	ID, Outlet, Title, Published, Source, URL, Byline string
	Claims                                            int
	Bar                                               []barPart
	Notes                                             []string
}

type profileRow struct {
	ID, Outlet                      string
	Claims, Shared, Unique, Carried int
	Cells                           []profileCell
}

type profileCell struct {
	N      int
	Per100 string
	Quoted int
}

type legendItem struct{ Kind, Label, Family string }

type htmlPage struct {
	Heading   string
	Docs      []htmlDoc
	Counts    []barPart
	Groups    int
	Aligned   int // groups of one claim: agree, framing or conflict
	Related   int
	Headlines bool // a group compares the headlines
	UniqueN   int
	Rows      []htmlGroup
	Unique    [][]htmlClaim
	AnyUnique bool
	// Carried holds, by column, the claims of Report.LikelyCarried.
	Carried    [][]htmlClaim
	AnyCarried bool
	CarriedN   int
	Kinds      []string
	Profile    []profileRow
	Facts      []legendItem
	Framing    []legendItem
	Verdicts   []string
	Outlets    []string // by column
}

func (r *Report) htmlClaim(c *extract.Claim, diffs []Difference, anchor bool) htmlClaim {
	hc := htmlClaim{ID: c.ID, Anchor: anchor, Repeat: c.RepeatOf}
	segs := hlSegments(c, diffs)
	for i, s := range segs {
		hs := htmlSeg{Text: s.Text}
		var cls, title []string
		if s.Diff != nil {
			k := hlClass(s.Diff.Kind)
			cls = append(cls, "hl", "f-"+hlFamily(s.Diff.Kind), "k-"+k)
			if s.Diff.Kind == "detail" {
				title = append(title, "only "+r.OutletName(docOf(c.ID))+" says this here: "+s.Diff.Explain)
			} else {
				title = append(title, hlKind(s.Diff.Kind)+" differs: "+s.Diff.Explain)
			}
		}
		if s.Marker != nil {
			cls = append(cls, "mk", "m-"+hlClass(s.Marker.Kind))
			if s.Marker.Voice != extract.VoiceOutlet {
				cls = append(cls, "quoted")
			}
			title = append(title, hlMarkerTitle(s.Marker))
		}
		hs.Class = strings.Join(cls, " ")
		hs.Title = strings.Join(title, "\n\n")
		if s.Marker != nil && (i+1 == len(segs) || segs[i+1].Marker != s.Marker) {
			// The marker's kind in words after its last segment, shown
			// where there is no hover (a phone, paper).
			hs.Tag = hlKind(s.Marker.Kind)
			if s.Marker.Voice != extract.VoiceOutlet {
				hs.Tag += ", " + s.Marker.Voice
			}
		}
		hc.Segs = append(hc.Segs, hs)
	}
	return hc
}

// page builds the view of the report the HTML template renders.
func (r *Report) page() *htmlPage {
	p := &htmlPage{Kinds: extract.MarkerKinds, UniqueN: len(r.Unique), CarriedN: len(r.LikelyCarried), Groups: len(r.Groups),
		Verdicts: []string{VerdictAgree, VerdictFraming, VerdictConflict, VerdictRelated}}
	col := map[string]int{}
	for i, d := range r.Documents {
		col[d.ID] = i
	}
	// verdictOf: the verdict of the (non-related) group of each claim.
	verdictOf := map[string]string{}
	relatedOf := map[string]string{}
	counts := map[string]int{}
	for _, g := range r.Groups {
		switch {
		case g.Role != "":
			p.Headlines = true
		case g.Verdict == VerdictRelated:
			p.Related++
		default:
			p.Aligned++
		}
		counts[g.Verdict]++
		for _, id := range g.Claims {
			if g.Verdict == VerdictRelated {
				relatedOf[id] = g.ID
			} else if severity(g.Verdict) > severity(verdictOf[id]) {
				// A claim in two groups (split.go) shows the graver verdict.
				verdictOf[id] = g.Verdict
			}
		}
	}
	for _, v := range p.Verdicts {
		p.Counts = append(p.Counts, barPart{v, counts[v]})
	}
	switch {
	case r.Event != "":
		p.Heading = r.Event
	case len(r.Documents) == 1:
		p.Heading = "One outlet's report, claim by claim"
	default:
		p.Heading = fmt.Sprintf("How %d outlets report one event", len(r.Documents))
	}
	for _, d := range r.Documents {
		p.Outlets = append(p.Outlets, r.OutletName(d.ID))
		hd := htmlDoc{ID: d.ID, Outlet: r.OutletName(d.ID), Title: d.Title, Published: d.Published,
			Source: d.Source, URL: d.URL, Claims: len(d.Claims), Notes: d.Notes}
		if hd.Source == hd.Outlet {
			hd.Source = ""
		}
		for _, e := range d.Excluded {
			if e.Kind == extract.ExcludedByline && hd.Byline == "" {
				hd.Byline = e.Text
			}
		}
		n := map[string]int{}
		for _, c := range d.Claims {
			v := verdictOf[c.ID]
			if v == "" && c.RepeatOf != "" {
				v = verdictOf[c.RepeatOf]
			}
			if v == "" {
				v = "unique"
			}
			n[v]++
		}
		for _, v := range []string{VerdictAgree, VerdictFraming, VerdictConflict, "unique"} {
			hd.Bar = append(hd.Bar, barPart{v, n[v]})
		}
		p.Docs = append(p.Docs, hd)
	}
	placed := map[string]bool{}
	for _, g := range r.Groups {
		hg := htmlGroup{ID: g.ID, Verdict: g.Verdict, Score: strconv.FormatFloat(g.Score, 'f', 2, 64) + g.Evidence.scoreParts(),
			Cells: make([][]htmlClaim, len(r.Documents))}
		for _, id := range g.Claims {
			c := r.Claim(id)
			i, ok := col[docOf(id)]
			if c == nil || !ok {
				continue
			}
			hg.Cells[i] = append(hg.Cells[i], r.htmlClaim(c, g.Differences, !placed[id]))
			placed[id] = true
		}
		for _, d := range g.Differences {
			hg.Diffs = append(hg.Diffs, htmlDiff{Kind: hlClass(d.Kind), Label: hlKind(d.Kind), Family: hlFamily(d.Kind), Explain: d.Explain})
		}
		ev := g.Evidence.Shared // names, words, numbers and dates
		hg.Shared = strings.Join(ev, ", ")
		p.Rows = append(p.Rows, hg)
	}
	// Groups stay in reading order (the report's order: by the first
	// claim of each); related ones are shown muted where they fall.
	// Unique claims go to their outlet's column; a claim that a related
	// group already shows is repeated without its id. Any claim shown
	// nowhere else (it should not happen) joins them, so that every claim
	// has its element id.
	// Claims likely carried elsewhere (the omission model) have a section
	// of their own after the unique ones: they are not omissions.
	p.Unique = make([][]htmlClaim, len(r.Documents))
	p.Carried = make([][]htmlClaim, len(r.Documents))
	isUnique := map[string]bool{}
	for _, id := range r.Unique {
		isUnique[id] = true
	}
	carried := map[string]*Carried{}
	for k := range r.LikelyCarried {
		carried[r.LikelyCarried[k].Claim] = &r.LikelyCarried[k]
	}
	for i, d := range r.Documents {
		for ci := range d.Claims {
			c := &d.Claims[ci]
			k := carried[c.ID]
			if !isUnique[c.ID] && k == nil && placed[c.ID] {
				continue
			}
			hc := r.htmlClaim(c, nil, !placed[c.ID])
			hc.Group = relatedOf[c.ID]
			placed[c.ID] = true
			if k != nil {
				hc.Carried = fmt.Sprintf("p %.2f", k.Probability)
				hc.CarriedBest = k.Best
				p.Carried[i] = append(p.Carried[i], hc)
				p.AnyCarried = true
				continue
			}
			p.Unique[i] = append(p.Unique[i], hc)
			p.AnyUnique = true
		}
	}
	for _, d := range r.Documents {
		pr, ok := r.Outlets[d.ID]
		if !ok {
			continue
		}
		row := profileRow{ID: d.ID, Outlet: r.OutletName(d.ID), Claims: pr.Claims, Shared: pr.Shared, Unique: pr.Unique, Carried: pr.Carried}
		for _, k := range extract.MarkerKinds {
			row.Cells = append(row.Cells, profileCell{N: pr.Markers[k], Per100: strconv.FormatFloat(pr.Per100[k], 'f', 1, 64), Quoted: pr.Quoted[k]})
		}
		p.Profile = append(p.Profile, row)
	}
	for _, k := range hlDiffKinds {
		it := legendItem{Kind: k, Label: hlKind(k), Family: hlFamily(k)}
		switch it.Family {
		case "fact":
			p.Facts = append(p.Facts, it)
		case "framing":
			p.Framing = append(p.Framing, it)
		}
	}
	return p
}

// WriteHTML writes the report as one self-contained HTML page: the outlets
// in columns, the aligned groups in rows, the evidence of each difference
// highlighted by kind, framing markers underlined (kind and voice on
// hover), unique claims in their outlet's column, a summary bar per outlet
// and the framing profiles. The page loads nothing and runs no script;
// its Content-Security-Policy forbids both. Every group's row has the
// group's id as its element id and every claim the claim's id, so that
// report.html#g3 and report.html#d1.c2 point at one finding. Article text
// is escaped by html/template. The bytes are the same for the same input.
func (r *Report) WriteHTML(w io.Writer) error {
	return htmlReport().Execute(w, r.page())
}

// htmlReport is the page's template, parsed when first used: most runs
// write no HTML, and every run parsed it at start-up.
var htmlReport = sync.OnceValue(func() *template.Template {
	return template.Must(template.Must(template.New("report").Funcs(template.FuncMap{
		"plus1":  func(n int) int { return n + 1 },
		"hlKind": hlKind,
	}).Parse(htmlTemplate)).New("claim").Parse(htmlClaimTemplate)).Lookup("report")
})

const htmlTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimdiff">
<title>claimdiff: {{.Heading}}</title>
<style>
:root {
  --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --paper: #ffffff; --wash: #f6f8fa;
  --agree: #1a7f37; --framing: #4c5fd5; --conflict: #cf222e; --related: #8c959f; --unique: #bf8700;
  --number: #ffd8b5; --date: #ffe58f; --entity: #ffc9c9; --polarity: #ff9e9e;
  --label: #c8dcff; --scare_quote: #d3d1ff; --distancing: #e4d4ff; --attribution: #bfeef5;
  --hedge: #cde8ff; --intensifier: #f0d6ff; --agentless: #bff0e1; --detail: #d4f4dd;
  --u-label: #0b57d0; --u-scare_quote: #4338ca; --u-distancing: #7e22ce; --u-attribution: #0e7490;
  --u-hedge: #0369a1; --u-intensifier: #a21caf; --u-agentless: #0f766e;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 15px/1.5 -apple-system, "Segoe UI", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif; }
header.top { padding: 20px 28px 8px; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 17px; margin: 28px 28px 8px; }
.sub { color: var(--muted); margin: 0; }
.sub b { color: var(--ink); }
.tools { display: flex; flex-wrap: wrap; gap: 10px 28px; align-items: flex-start; padding: 10px 28px 14px; border-bottom: 1px solid var(--rule); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; align-items: center; }
.legend .fam { font-weight: 600; color: var(--muted); margin-right: -6px; }
.chip { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12.5px; line-height: 20px; white-space: nowrap; }
.filters { font-size: 13px; color: var(--muted); }
.filters label { margin-left: 8px; color: var(--ink); cursor: pointer; }
.v { display: inline-block; padding: 0 7px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; line-height: 20px; text-transform: uppercase; letter-spacing: .03em; }
.v-agree { background: var(--agree); } .v-framing { background: var(--framing); } .v-conflict { background: var(--conflict); }
.v-related { background: var(--related); } .v-unique { background: var(--unique); }
table.cmp { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; }
table.cmp col.gutter { width: 104px; }
table.cmp thead th { position: sticky; top: 0; z-index: 2; background: var(--wash); text-align: left; vertical-align: top;
  font-weight: normal; padding: 12px 14px 10px; border-bottom: 2px solid var(--rule); }
table.cmp thead th + th { border-left: 1px solid var(--rule); }
.outlet { font-weight: 700; font-size: 16px; }
.docid { color: var(--muted); font: 12px ui-monospace, "DejaVu Sans Mono", monospace; margin-left: 4px; }
.doctitle { margin: 2px 0; font-size: 14px; }
.meta { color: var(--muted); font-size: 12.5px; }
.bar { display: flex; height: 10px; border-radius: 5px; overflow: hidden; margin: 8px 0 3px; background: var(--rule); }
.bar span { display: block; min-width: 0; }
.b-agree { background: var(--agree); } .b-framing { background: var(--framing); } .b-conflict { background: var(--conflict); } .b-unique { background: var(--unique); }
.barkey { font-size: 12px; color: var(--muted); }
.barkey i { display: inline-block; width: 8px; height: 8px; border-radius: 2px; margin: 0 3px 0 6px; }
.barkey i:first-child { margin-left: 0; }
details.notes { font-size: 12px; color: var(--muted); }
tbody.group > tr > td { vertical-align: top; padding: 10px 14px; border-top: 1px solid var(--rule); }
tbody.group > tr.diffs > td { border-top: 0; padding-top: 0; padding-bottom: 14px; }
tbody.group > tr > td + td { border-left: 1px solid var(--rule); }
tbody.group > tr.diffs > td + td { border-left: 0; }
td.gutter { border-left: 5px solid var(--related); }
tbody.is-agree td.gutter { border-left-color: var(--agree); }
tbody.is-framing td.gutter { border-left-color: var(--framing); }
tbody.is-conflict td.gutter { border-left-color: var(--conflict); }
tbody.is-conflict > tr:first-child > td:not(.gutter) { background: #fff8f8; }
tbody.is-related { color: #3d444d; }
tbody.sep td { padding: 22px 14px 8px; font-size: 13px; color: var(--muted); border-top: 2px solid var(--rule); }
tbody.is-related .claim { font-size: 14px; }
.gid { font: 600 14px ui-monospace, "DejaVu Sans Mono", monospace; color: var(--ink); text-decoration: none; display: block; margin-bottom: 4px; }
.score { display: block; color: var(--muted); font-size: 12px; margin-top: 4px; }
.claim { margin: 0 0 10px; overflow-wrap: break-word; hyphens: auto; }
table.cmp thead th, ul.dl li, .shared { overflow-wrap: break-word; }
.k-detail { box-shadow: inset 0 -2px 0 #4ac26b; }
.tag { display: none; font: 600 10px/1 -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--muted);
  vertical-align: super; margin: 0 2px 0 1px; white-space: nowrap; }
.scroll { overflow-x: auto; }
.claim:last-child { margin-bottom: 0; }
.claim:target, tr:target > td { outline: 2px solid #f2cc60; outline-offset: 2px; background: #fffbea; }
.cid { font: 11.5px ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); text-decoration: none; margin-right: 4px; }
.note { font-size: 12px; color: var(--muted); font-style: italic; }
.empty { color: #b0b7be; font-size: 13px; }
ul.dl { list-style: none; margin: 0; padding: 8px 12px; background: var(--wash); border-radius: 6px; font-size: 13.5px; }
ul.dl li { margin: 2px 0; }
ul.dl li .chip { margin-right: 6px; }
ul.dl li.d-detail { color: var(--muted); }
.shared { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
.hl { border-radius: 3px; padding: 1px 1px; }
.f-fact { font-weight: 600; }
.k-number { background: var(--number); } .k-date { background: var(--date); } .k-entity { background: var(--entity); } .k-polarity { background: var(--polarity); }
.k-label { background: var(--label); } .k-scare_quote { background: var(--scare_quote); } .k-distancing { background: var(--distancing); }
.k-attribution { background: var(--attribution); } .k-hedge { background: var(--hedge); } .k-intensifier { background: var(--intensifier); }
.k-agentless { background: var(--agentless); } .k-detail { background: var(--detail); }
.mk { text-decoration: underline 2px; text-underline-offset: 3px; text-decoration-color: var(--u-label); cursor: help; }
.mk.quoted { text-decoration-style: dotted; }
.m-label { text-decoration-color: var(--u-label); } .m-scare_quote { text-decoration-color: var(--u-scare_quote); }
.m-distancing { text-decoration-color: var(--u-distancing); } .m-attribution { text-decoration-color: var(--u-attribution); }
.m-hedge { text-decoration-color: var(--u-hedge); } .m-intensifier { text-decoration-color: var(--u-intensifier); }
.m-agentless { text-decoration-color: var(--u-agentless); }
.hl[title], .mk[title] { cursor: help; }
.u-solid, .u-dotted { text-decoration: underline 2px var(--u-label); text-underline-offset: 3px; }
.u-dotted { text-decoration-style: dotted; }
section.unique tbody > tr > td { vertical-align: top; padding: 10px 14px; border-top: 1px solid var(--rule); }
section.unique tbody > tr > td + td { border-left: 1px solid var(--rule); }
section.unique td.gutter { border-left-color: var(--unique); font-size: 12.5px; color: var(--muted); }
table.profile { border-collapse: collapse; margin: 0 28px 32px; font-size: 13.5px; }
table.profile th, table.profile td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
table.profile th:first-child, table.profile td:first-child { text-align: left; }
table.profile thead th { background: var(--wash); font-weight: 600; }
table.profile .per { color: var(--muted); font-size: 12px; }
table.profile .q { color: var(--muted); font-size: 11.5px; display: block; }
p.foot { margin: 0 28px 28px; color: var(--muted); font-size: 12.5px; max-width: 900px; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  header.top { padding: 14px 12px 6px; }
  .tools { padding: 8px 12px 10px; }
  h2 { margin: 22px 12px 8px; }
  table.cmp, table.cmp thead, table.cmp tbody, table.cmp tr, table.cmp th, table.cmp td { display: block; width: auto; }
  table.cmp colgroup, table.cmp thead th:first-child, tr.diffs td.gutter { display: none; }
  table.cmp thead th { position: static; border-left: 0 !important; border-bottom: 1px solid var(--rule); padding: 8px 12px; }
  tbody.group > tr > td, section.unique tbody > tr > td { border-left: 0 !important; padding: 6px 12px 8px; }
  tbody.group > tr > td.gutter { display: flex; gap: 8px; align-items: center; border-left: 5px solid var(--related) !important; padding: 6px 8px; background: var(--wash); }
  tbody.is-agree > tr > td.gutter { border-left-color: var(--agree) !important; }
  tbody.is-framing > tr > td.gutter { border-left-color: var(--framing) !important; }
  tbody.is-conflict > tr > td.gutter { border-left-color: var(--conflict) !important; }
  .gid { display: inline; margin: 0; } .score { display: inline; margin: 0; }
  section.unique td.gutter { display: none; }
  td[data-outlet]::before { content: attr(data-outlet); display: block; font-weight: 600; font-size: 12.5px; color: var(--muted); margin-bottom: 2px; }
  tbody.group > tr.diffs > td { padding: 0 12px 14px; }
  .tag { display: inline; }
  table.profile { margin: 0 12px 24px; }
  p.foot { margin: 0 12px 24px; }
}
body:has(#hide-agree:checked) tbody.is-agree { display: none; }
body:has(#hide-framing:checked) tbody.is-framing { display: none; }
body:has(#hide-conflict:checked) tbody.is-conflict { display: none; }
body:has(#hide-related:checked) tbody.is-related { display: none; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .filters { display: none; }
  header.top, .tools { padding-left: 0; padding-right: 0; }
  h2 { margin-left: 0; margin-right: 0; break-after: avoid; }
  table.cmp thead th { position: static; }
  table.cmp thead { display: table-header-group; }
  tbody.group, section.unique tr { break-inside: avoid; }
  tbody.group { display: table-row-group !important; }
  a { color: inherit; text-decoration: none; }
  table.profile { margin-left: 0; }
  p.foot { margin-left: 0; }
  .tag { display: inline; }
  .scroll { overflow: visible; }
}
</style>
</head>
<body>
<header class="top">
<h1>{{.Heading}}</h1>
<p class="sub counts">{{len .Docs}} outlet{{if ne (len .Docs) 1}}s{{end}} · <b>{{.Aligned}} aligned group{{if ne .Aligned 1}}s{{end}}, {{.Related}} related</b>{{if .Headlines}}, headlines compared{{end}} ·{{range $i, $c := .Counts}}{{if $i}},{{end}} <span class="v v-{{$c.Verdict}}">{{$c.N}} {{$c.Verdict}}</span>{{end}} · <b>{{.UniqueN}}</b> claim{{if ne .UniqueN 1}}s{{end}} only one outlet carries{{if .CarriedN}} · {{.CarriedN}} likely carried by another{{end}}</p>
</header>
<div class="tools">
<div class="legend"><span class="fam">Facts differ:</span>{{range .Facts}} <span class="chip k-{{.Kind}}">{{.Label}}</span>{{end}}</div>
<div class="legend"><span class="fam">Framing differs:</span>{{range .Framing}} <span class="chip k-{{.Kind}}">{{.Label}}</span>{{end}}</div>
<div class="legend"><span class="fam">Only this outlet says:</span> <span class="chip k-detail">words the other side lacks</span></div>
<div class="legend"><span class="fam">Markers:</span> <span class="u-solid">outlet's own voice</span> <span class="u-dotted">quoted voice</span> <span class="sub">(hover for kind, voice and rule; on a phone or paper the kind follows the words)</span></div>
<div class="filters">Hide: <label><input type="checkbox" id="hide-agree"> agree</label><label><input type="checkbox" id="hide-framing"> framing</label><label><input type="checkbox" id="hide-conflict"> conflict</label><label><input type="checkbox" id="hide-related"> related</label></div>
</div>
<main>
<table class="cmp">
<colgroup><col class="gutter">{{range .Docs}}<col>{{end}}</colgroup>
<thead><tr><th></th>{{range .Docs}}
<th id="col-{{.ID}}" class="doc" data-doc="{{.ID}}">
<div><span class="outlet">{{.Outlet}}</span><span class="docid">{{.ID}}</span></div>
{{if .Title}}<div class="doctitle">{{if .URL}}<a href="{{.URL}}" rel="noreferrer">{{.Title}}</a>{{else}}{{.Title}}{{end}}</div>{{end}}
<div class="meta">{{if .Published}}{{.Published}} · {{end}}{{if .Byline}}{{.Byline}} · {{end}}{{.Claims}} claims{{if .Source}} · {{.Source}}{{end}}</div>
<div class="bar" title="claims by verdict of their group">{{range .Bar}}{{if .N}}<span class="b-{{.Verdict}}" style="flex-grow: {{.N}}" title="{{.N}} {{.Verdict}}"></span>{{end}}{{end}}</div>
<div class="barkey">{{range .Bar}}<i class="b-{{.Verdict}}"></i>{{.N}} {{.Verdict}} {{end}}</div>
{{if .Notes}}<details class="notes"><summary>{{len .Notes}} reading note{{if ne (len .Notes) 1}}s{{end}}</summary>{{range .Notes}}<div>{{.}}</div>{{end}}</details>{{end}}
</th>{{end}}
</tr></thead>
{{- $n := len .Docs}}
{{- range .Rows}}
<tbody class="group is-{{.Verdict}}">
<tr id="{{.ID}}">
<td class="gutter"><a class="gid" href="#{{.ID}}">{{.ID}}</a><span class="v v-{{.Verdict}}">{{.Verdict}}</span><span class="score">score {{.Score}}</span></td>
{{- range $i, $c := .Cells}}
<td data-outlet="{{index $.Outlets $i}}">{{range $c}}{{template "claim" .}}{{else}}<span class="empty">not reported</span>{{end}}</td>
{{- end}}
</tr>
{{- if or .Diffs .Shared}}
<tr class="diffs"><td class="gutter"></td><td colspan="{{$n}}">{{if .Diffs}}<ul class="dl">{{range .Diffs}}
<li class="d-{{.Family}}"><span class="chip k-{{.Kind}}">{{.Label}}</span>{{.Explain}}</li>{{end}}
</ul>{{end}}{{if .Shared}}<div class="shared">Matched on: {{.Shared}}</div>{{end}}</td></tr>
{{- end}}
</tbody>
{{- end}}
</table>
{{- if .AnyUnique}}
<section class="unique">
<h2>Only one outlet carries these</h2>
<table class="cmp">
<colgroup><col class="gutter">{{range .Docs}}<col>{{end}}</colgroup>
<tbody><tr><td class="gutter">unique</td>
{{- range $i, $c := .Unique}}
<td data-outlet="{{index $.Outlets $i}}">{{range $c}}{{template "claim" .}}{{else}}<span class="empty">none</span>{{end}}</td>
{{- end}}
</tr></tbody>
</table>
</section>
{{- end}}
{{- if .AnyCarried}}
<section class="unique carried">
<h2>Likely carried by another outlet ({{.CarriedN}})</h2>
<p class="foot">In no group, but the omission model finds another outlet likely tells them in other words: not omissions. Each gives the model's probability (p) and the nearest claim of another outlet.</p>
<table class="cmp">
<colgroup><col class="gutter">{{range .Docs}}<col>{{end}}</colgroup>
<tbody><tr><td class="gutter">likely carried</td>
{{- range $i, $c := .Carried}}
<td data-outlet="{{index $.Outlets $i}}">{{range $c}}{{template "claim" .}}{{else}}<span class="empty">none</span>{{end}}</td>
{{- end}}
</tr></tbody>
</table>
</section>
{{- end}}
{{- if .Profile}}
<section class="profile">
<h2>Framing profile</h2>
<div class="scroll"><table class="profile">
<thead><tr><th>outlet</th><th>claims</th><th>shared</th><th>unique</th><th>carried</th>{{range .Kinds}}<th>{{hlKind .}}</th>{{end}}</tr></thead>
<tbody>{{range .Profile}}
<tr><td><b>{{.Outlet}}</b> <span class="docid">{{.ID}}</span></td><td>{{.Claims}}</td><td>{{.Shared}}</td><td>{{.Unique}}</td><td>{{.Carried}}</td>{{range .Cells}}<td>{{.N}} <span class="per">({{.Per100}})</span>{{if .Quoted}}<span class="q">+{{.Quoted}} quoted</span>{{end}}</td>{{end}}</tr>{{end}}
</tbody>
</table></div>
<p class="foot">Markers in the outlet's own voice, with the rate per 100 claims in brackets; markers inside quotations are counted apart ("quoted"). A group's verdict: <b>agree</b> — same facts, same framing; <b>framing</b> — same facts, different framing; <b>conflict</b> — a fact differs; <b>related</b> — same topic, not the same claim. Every group and claim has an anchor: link to #g3 or #d1.c2.</p>
</section>
{{- end}}
</main>
</body>
</html>
`

// htmlClaimTemplate renders one claim: its id as a link to itself, then
// its text in segments.
const htmlClaimTemplate = `<div class="claim"{{if .Anchor}} id="{{.ID}}"{{end}}><a class="cid" href="#{{.ID}}">{{.ID}}</a>{{range .Segs}}{{if .Class}}<span class="{{.Class}}" title="{{.Title}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{if .Tag}}<sup class="tag">{{.Tag}}</sup>{{end}}{{end}}{{if .Repeat}} <span class="note">(repeats <a href="#{{.Repeat}}">{{.Repeat}}</a>)</span>{{end}}{{if .Group}} <span class="note">(topic also in <a href="#{{.Group}}">{{.Group}}</a>)</span>{{end}}{{if .Carried}} <span class="note">({{.Carried}}{{if .CarriedBest}}; nearest <a href="#{{.CarriedBest}}">{{.CarriedBest}}</a>{{end}})</span>{{end}}</div>`

// severity orders verdicts for a claim in more than one group: a conflict
// over framing over agreement.
func severity(v string) int {
	switch v {
	case VerdictConflict:
		return 3
	case VerdictFraming:
		return 2
	case VerdictAgree:
		return 1
	}
	return 0
}
