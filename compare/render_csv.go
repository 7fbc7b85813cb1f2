package compare

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

// CSVColumns are the columns of the tidy table WriteCSV writes, one row
// per framing marker and one per entry of a difference (docs/csv.md says
// what each holds):
//
//	event       the event (corpus mode), else empty
//	row         "marker" or "difference"
//	group       the claim's group (markers: its aligned group, if any)
//	verdict     that group's verdict
//	document    document id, "d2"
//	outlet      the outlet's name (or the source, or the document id)
//	claim       claim id, "d2.c5"
//	claim_text  the claim's sentence as the source writes it
//	kind        marker kind, or difference kind (number, date, …, detail)
//	family      fact, framing or detail (differences); framing (markers)
//	voice       outlet, quoted or reported (markers; framing differences: outlet)
//	speaker     who speaks a quoted marker, or the source of a reported one
//	stance      attribution stance
//	value       the marker's or the entry's text; empty for a side that has none
//	start, end  byte span of value in the document's original text; empty with value
//	span_of     "text", or "title" for a headline claim (dN.h) whose spans index the title
//	rule        the lexicon line or rule that found a marker
var CSVColumns = []string{"event", "row", "group", "verdict", "document", "outlet", "claim", "claim_text",
	"kind", "family", "voice", "speaker", "stance", "value", "start", "end", "span_of", "rule"}

// WriteCSV writes the report as one tidy table with a header line (see
// CSVColumns): pandas.read_csv and R's read.csv load it as it is. Text is
// valid UTF-8 (invalid bytes become U+FFFD, as in the JSON). The bytes are
// the same for the same input.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	return r.WriteCSVRows(cw)
}

// WriteCSVRows writes the report's rows without the header, so that the
// reports of many events make one table.
func (r *Report) WriteCSVRows(cw *csv.Writer) error {
	groupOf := map[string]*Group{}
	for i := range r.Groups {
		g := &r.Groups[i]
		for _, id := range g.Claims {
			if prev, ok := groupOf[id]; !ok || prev.Verdict == VerdictRelated {
				groupOf[id] = g
			}
		}
	}
	row := func(kind string, c *extract.Claim, g *Group) []string {
		rec := make([]string, len(CSVColumns))
		rec[0], rec[1] = r.Event, kind
		if g != nil {
			rec[2], rec[3] = g.ID, g.Verdict
		}
		rec[4], rec[5] = docOf(c.ID), r.OutletName(docOf(c.ID))
		rec[6], rec[7] = c.ID, c.Text
		rec[16] = "text"
		if c.SpanOf != "" {
			rec[16] = c.SpanOf
		}
		return rec
	}
	for _, d := range r.Documents {
		claims := make([]*extract.Claim, 0, len(d.Claims)+1)
		if d.Headline != nil {
			claims = append(claims, d.Headline)
		}
		for ci := range d.Claims {
			claims = append(claims, &d.Claims[ci])
		}
		for _, c := range claims {
			for _, m := range c.Markers {
				rec := row("marker", c, groupOf[c.ID])
				rec[8], rec[9], rec[10], rec[11], rec[12] = m.Kind, "framing", m.Voice, m.Speaker, m.Stance
				rec[13], rec[14], rec[15], rec[17] = m.Text, strconv.Itoa(m.Span.Start), strconv.Itoa(m.Span.End), m.Rule
				if err := cw.Write(clean(rec)); err != nil {
					return err
				}
			}
		}
	}
	for gi := range r.Groups {
		g := &r.Groups[gi]
		for _, d := range g.Differences {
			ids := make([]string, 0, len(d.Values))
			for id := range d.Values {
				ids = append(ids, id)
			}
			sort.Slice(ids, func(i, j int) bool {
				if a, b := docNum(docOf(ids[i])), docNum(docOf(ids[j])); a != b {
					return a < b
				}
				return claimNum(ids[i]) < claimNum(ids[j])
			})
			for _, id := range ids {
				c := r.Claim(id)
				if c == nil {
					continue
				}
				vals := d.Values[id]
				if len(vals) == 0 {
					vals = []Value{{Span: extract.Span{Start: -1}}}
				}
				for _, v := range vals {
					rec := row("difference", c, g)
					rec[8], rec[9] = d.Kind, hlFamily(d.Kind)
					if rec[9] == "framing" {
						rec[10] = extract.VoiceOutlet
					}
					rec[12], rec[13] = v.Stance, v.Text
					if v.Span.Start >= 0 {
						rec[14], rec[15] = strconv.Itoa(v.Span.Start), strconv.Itoa(v.Span.End)
					}
					if err := cw.Write(clean(rec)); err != nil {
						return err
					}
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// clean makes every cell valid UTF-8.
func clean(rec []string) []string {
	for i, s := range rec {
		rec[i] = strings.ToValidUTF8(s, "\uFFFD")
	}
	return rec
}
