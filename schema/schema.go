// Package schema holds the JSON Schemas (draft 2020-12) of what claimdiff
// writes: the report (report.schema.json, version compare.ReportVersion)
// and the summary across events (summary.schema.json). They are the
// contract research code can rely on; the files are embedded so that Go
// programs and tests validate against the very bytes in the repository.
//
// docs/report.md explains every field of the report with an example.
package schema

import _ "embed"

// Report is report.schema.json: one report (--format json), and in its
// $defs "corpusLine", one line of corpus mode.
//
//go:embed report.schema.json
var Report []byte

// Summary is summary.schema.json: the per-outlet table and the pairwise
// agreement matrix across events (claimdiff summary).
//
//go:embed summary.schema.json
var Summary []byte

// Report and Summary IDs, the "$id" of each file.
const (
	ReportID  = "https://github.com/claimdiff/claimdiff/schema/report.schema.json"
	SummaryID = "https://github.com/claimdiff/claimdiff/schema/summary.schema.json"
)
