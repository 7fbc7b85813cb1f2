package summary

import (
	"html/template"
	"io"
	"strconv"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// EventPage is one event's line in the corpus index: its page and what a
// reader needs to choose it.
type EventPage struct {
	Event, File                      string
	Outlets                          []string
	Aligned, Related                 int
	Agree, Framing, Conflict, Unique int
	// Carried counts the report's likely_carried claims (compare.Carried).
	Carried int
}

// EventPageOf describes report r, written to the page file.
func EventPageOf(r *compare.Report, file string) EventPage {
	e := EventPage{Event: r.Event, File: file, Unique: len(r.Unique), Carried: len(r.LikelyCarried)}
	for _, d := range r.Documents {
		e.Outlets = append(e.Outlets, r.OutletName(d.ID))
	}
	for _, g := range r.Groups {
		if g.Role != "" {
			continue
		}
		switch g.Verdict {
		case compare.VerdictRelated:
			e.Related++
			continue
		case compare.VerdictAgree:
			e.Agree++
		case compare.VerdictFraming:
			e.Framing++
		case compare.VerdictConflict:
			e.Conflict++
		}
		e.Aligned++
	}
	return e
}

type matrixCell struct {
	Self                     bool
	Groups                   int
	Agree, Framing, Conflict string // percentages
	AgreeN, FramingN, ConfN  int
}

type indexPage struct {
	Events   []EventPage
	S        *Summary
	Kinds    []string
	Names    []string
	Matrix   [][]matrixCell
	Articles int
}

// WriteHTMLIndex writes the index of corpus mode's HTML: the events with
// their verdict counts and pages, the per-outlet table and the agreement
// matrix. Like the reports, the page is self-contained, runs no script,
// and stacks on a phone.
func WriteHTMLIndex(w io.Writer, events []EventPage, s *Summary) error {
	p := indexPage{Events: events, S: s, Kinds: extract.MarkerKinds}
	for _, e := range events {
		p.Articles += len(e.Outlets)
	}
	for _, o := range s.Outlets {
		p.Names = append(p.Names, o.Outlet)
	}
	pct := func(n, d int) string {
		if d == 0 {
			return "–"
		}
		return strconv.Itoa((200*n+d)/(2*d)) + "%"
	}
	for _, a := range p.Names {
		var row []matrixCell
		for _, b := range p.Names {
			if a == b {
				row = append(row, matrixCell{Self: true})
				continue
			}
			pr, _ := s.Pair(a, b)
			row = append(row, matrixCell{Groups: pr.Groups, Agree: pct(pr.Agree, pr.Groups), Framing: pct(pr.Framing, pr.Groups),
				Conflict: pct(pr.Conflict, pr.Groups), AgreeN: pr.Agree, FramingN: pr.Framing, ConfN: pr.Conflict})
		}
		p.Matrix = append(p.Matrix, row)
	}
	return indexTemplate.Execute(w, p)
}

var indexTemplate = template.Must(template.New("index").Funcs(template.FuncMap{
	"per": func(o Outlet, voice, kind string) string {
		return strconv.FormatFloat(o.Per100[voice][kind], 'f', 1, 64)
	},
	"count": func(o Outlet, voice, kind string) int { return o.Markers[voice][kind] },
	"pct":   func(f float64) string { return strconv.FormatFloat(100*f, 'f', 0, 64) + "%" },
	"kind": func(k string) string {
		if k == extract.KindScareQuote {
			return "scare quote"
		}
		return k
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimdiff">
<title>claimdiff: {{len .Events}} events</title>
<style>
:root { --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --wash: #f6f8fa;
  --agree: #1a7f37; --framing: #4c5fd5; --conflict: #cf222e; --related: #8c959f; --unique: #bf8700; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; padding: 20px 28px 32px; color: var(--ink); font: 15px/1.5 -apple-system, "Segoe UI", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.sub, .foot { color: var(--muted); } .foot { font-size: 12.5px; max-width: 900px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13.5px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { background: var(--wash); font-weight: 600; }
td.outlets { text-align: left; color: var(--muted); max-width: 420px; }
.n { display: inline-block; min-width: 1.6em; padding: 0 5px; border-radius: 9px; color: #fff; font-size: 12px; font-weight: 600; text-align: center; }
.agree { background: var(--agree); } .framing { background: var(--framing); } .conflict { background: var(--conflict); } .related { background: var(--related); } .unique { background: var(--unique); }
.per { color: var(--muted); font-size: 12px; }
table.matrix td { text-align: center; font-size: 12.5px; line-height: 1.35; }
table.matrix td.self { background: var(--wash); }
table.matrix .g { color: var(--muted); display: block; }
.a { color: var(--agree); } .f { color: var(--framing); } .c { color: var(--conflict); font-weight: 600; }
@media (max-width: 600px) {
  body { padding: 14px 12px 24px; }
  table.events thead { display: none; }
  table.events, table.events tbody, table.events tr, table.events td { display: block; width: 100%; }
  table.events tr { border-bottom: 2px solid var(--rule); padding: 6px 0; }
  table.events td { border: 0; text-align: left; padding: 2px 0; }
  table.events td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { padding: 0; font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  tr { break-inside: avoid; }
}
</style>
</head>
<body>
<h1>{{len .Events}} event{{if ne (len .Events) 1}}s{{end}}, {{.Articles}} articles, {{len .S.Outlets}} outlets</h1>
<p class="sub">Each event's articles compared claim by claim. Open an event for its report.{{if .S.TooLarge}} Not compared (too many articles): {{range $i, $e := .S.TooLarge}}{{if $i}}, {{end}}{{$e}}{{end}}.{{end}}</p>
<h2>Events</h2>
<div class="scroll"><table class="events">
<thead><tr><th>event</th><th>outlets</th><th>aligned groups</th><th>agree</th><th>framing</th><th>conflict</th><th>related</th><th>unique claims</th><th>likely carried</th></tr></thead>
<tbody>{{range .Events}}
<tr><td><a href="{{.File}}">{{.Event}}</a></td><td class="outlets">{{range $i, $o := .Outlets}}{{if $i}}, {{end}}{{$o}}{{end}}</td><td data-label="aligned groups">{{.Aligned}}</td><td data-label="agree"><span class="n agree">{{.Agree}}</span></td><td data-label="framing"><span class="n framing">{{.Framing}}</span></td><td data-label="conflict"><span class="n conflict">{{.Conflict}}</span></td><td data-label="related"><span class="n related">{{.Related}}</span></td><td data-label="unique claims">{{.Unique}}</td><td data-label="likely carried">{{.Carried}}</td></tr>{{end}}
</tbody></table></div>
<h2>Outlets across events</h2>
<div class="scroll"><table class="outlets">
<thead><tr><th>outlet</th><th>events</th><th>claims</th><th>shared</th><th>unique</th><th>carried</th><th>groups</th><th>conflicts</th>{{range .Kinds}}<th>{{kind .}}</th>{{end}}</tr></thead>
<tbody>{{range $o := .S.Outlets}}
<tr><td><b>{{$o.Outlet}}</b></td><td>{{$o.Events}}</td><td>{{$o.Claims}}</td><td>{{$o.Shared}} <span class="per">({{pct $o.SharedShare}})</span></td><td>{{$o.Unique}} <span class="per">({{pct $o.UniqueShare}})</span></td><td>{{$o.Carried}} <span class="per">({{pct $o.CarriedShare}})</span></td><td>{{$o.Groups}}</td><td>{{$o.Conflicts}}</td>{{range $.Kinds}}<td>{{count $o "outlet" .}} <span class="per">({{per $o "outlet" .}})</span></td>{{end}}</tr>{{end}}
</tbody></table></div>
<p class="foot">Markers in the outlet's own voice, per 100 claims in brackets (quoted markers are in the summary's JSON and CSV). Shared: claims another outlet of the same event carries too; carried: claims in no group that the omission model finds another outlet likely tells in other words (not omissions).</p>
<h2>Agreement between outlets</h2>
<div class="scroll"><table class="matrix">
<thead><tr><th></th>{{range .Names}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range $i, $row := .Matrix}}
<tr><th>{{index $.Names $i}}</th>{{range $row}}{{if .Self}}<td class="self"></td>{{else if .Groups}}<td><span class="a">{{.Agree}} agree</span><br><span class="f">{{.Framing}} framing</span><br><span class="c">{{.Conflict}} conflict</span><span class="g">of {{.Groups}} shared</span></td>{{else}}<td><span class="g">none shared</span></td>{{end}}{{end}}</tr>{{end}}
</tbody></table></div>
<p class="foot">For each pair of outlets, the aligned groups where both have a claim, by the verdict between the two alone: agree (same facts, same framing), framing (same facts, different framing), conflict (a fact differs).</p>
</body>
</html>
`))
