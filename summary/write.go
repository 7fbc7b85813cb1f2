package summary

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"github.com/claimdiff/claimdiff/extract"
)

// WriteJSON writes the summary as indented JSON
// (schema/summary.schema.json).
func (s *Summary) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

// OutletColumns are the columns of WriteOutletsCSV: one row per outlet,
// then for each voice and marker kind its count and its rate per 100
// claims ("outlet_label", "outlet_label_per_100", …, "quoted_agentless_per_100").
func OutletColumns() []string {
	cols := []string{"outlet", "events", "documents", "claims", "shared", "unique", "carried", "shared_share", "unique_share", "carried_share", "groups", "conflicts"}
	for _, v := range Voices {
		for _, k := range extract.MarkerKinds {
			cols = append(cols, v+"_"+k, v+"_"+k+"_per_100")
		}
	}
	return cols
}

// PairColumns are the columns of WritePairsCSV: one row per pair of
// outlets.
var PairColumns = []string{"a", "b", "groups", "agree", "framing", "conflict", "agree_share", "framing_share", "conflict_share"}

// WriteOutletsCSV writes the per-outlet table with a header line.
func (s *Summary) WriteOutletsCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(OutletColumns())
	for _, o := range s.Outlets {
		rec := []string{o.Outlet, itoa(o.Events), itoa(o.Documents), itoa(o.Claims), itoa(o.Shared), itoa(o.Unique), itoa(o.Carried),
			ftoa(o.SharedShare), ftoa(o.UniqueShare), ftoa(o.CarriedShare), itoa(o.Groups), itoa(o.Conflicts)}
		for _, v := range Voices {
			for _, k := range extract.MarkerKinds {
				rec = append(rec, itoa(o.Markers[v][k]), ftoa(o.Per100[v][k]))
			}
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WritePairsCSV writes the agreement of each pair of outlets with a header
// line: the matrix in long form.
func (s *Summary) WritePairsCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(PairColumns)
	for _, p := range s.Pairs {
		cw.Write([]string{p.A, p.B, itoa(p.Groups), itoa(p.Agree), itoa(p.Framing), itoa(p.Conflict),
			ftoa(p.AgreeShare), ftoa(p.FramingShare), ftoa(p.ConflictShare)})
	}
	cw.Flush()
	return cw.Error()
}

func itoa(n int) string     { return strconv.Itoa(n) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
