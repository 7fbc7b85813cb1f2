package main

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/internal/schematest"
)

const setsCorpus = "../../testdata/sets.jsonl"

// TestJSONFormatsSatisfySchema: what --format json and jsonl write, for
// one comparison and in corpus mode, satisfies the report schema.
func TestJSONFormatsSatisfySchema(t *testing.T) {
	out, _, err := runCmd(t, "", append([]string{"--format", "json"}, seedFiles...)...)
	if err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.Report, "--format json", []byte(out))
	out, _, err = runCmd(t, "", append([]string{"--format", "jsonl"}, seedFiles...)...)
	if err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.Report, "--format jsonl", []byte(out))
	out, _, err = runCmd(t, "", "--format", "jsonl", "--group-by", "event", setsCorpus)
	if err != nil {
		t.Fatal(err)
	}
	schematest.CheckLines(t, schematest.CorpusLine, "corpus mode", []byte(out))
}

// TestCSVFormat: one table with the documented header, in one comparison
// and in corpus mode, where every row names its event.
func TestCSVFormat(t *testing.T) {
	for _, args := range [][]string{
		append([]string{"--format", "csv"}, seedFiles...),
		{"--format", "csv", "--group-by", "event", setsCorpus},
	} {
		out, _, err := runCmd(t, "", args...)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if strings.Join(recs[0], ",") != strings.Join(compare.CSVColumns, ",") || len(recs) < 50 {
			t.Fatalf("%v: header %v, %d rows", args, recs[0], len(recs))
		}
		corpusMode := args[2] == "--group-by"
		events := map[string]bool{}
		for _, r := range recs[1:] {
			events[r[0]] = true
			if r[5] == "" || r[6] == "" {
				t.Errorf("%v: row without outlet or claim: %v", args, r)
			}
		}
		if corpusMode && (len(events) < 4 || events[""]) {
			t.Errorf("corpus mode: events %v", events)
		}
	}
}

// TestCorpusHTML: --format html --group-by event --out DIR writes an index
// that links every event's page, and a summary file that satisfies its
// schema.
func TestCorpusHTML(t *testing.T) {
	dir := t.TempDir()
	sum := filepath.Join(dir, "summary.json")
	if _, _, err := runCmd(t, "", "--format", "html", "--group-by", "event", "--out", filepath.Join(dir, "site"), "--summary", sum, setsCorpus); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(dir, "site", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "site", "event-*.html"))
	if len(pages) < 4 {
		t.Fatalf("%d event pages", len(pages))
	}
	for _, p := range pages {
		if !strings.Contains(string(index), `href="`+filepath.Base(p)+`"`) {
			t.Errorf("index does not link %s", filepath.Base(p))
		}
		b, _ := os.ReadFile(p)
		if !strings.Contains(string(b), `<tr id="g1"`) {
			t.Errorf("%s is not a report page", p)
		}
	}
	for _, want := range []string{"Agreement between outlets", "Outlets across events", "Northwind Wire"} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index lacks %q", want)
		}
	}
	b, err := os.ReadFile(sum)
	if err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.Summary, "--summary file", b)
}

// TestSummaryCommand: claimdiff summary reads corpus mode's lines from a
// file or standard input and writes JSON or either CSV table.
func TestSummaryCommand(t *testing.T) {
	lines, _, err := runCmd(t, "", "--format", "jsonl", "--group-by", "event", setsCorpus)
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, lines, "summary", "-")
	if err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.Summary, "claimdiff summary", []byte(out))
	for table, header := range map[string]string{"outlets": "outlet,events,documents,claims,", "pairs": "a,b,groups,agree,framing,conflict,"} {
		out, _, err := runCmd(t, lines, "summary", "--format", "csv", "--table", table, "-")
		if err != nil || !strings.HasPrefix(out, header) {
			t.Errorf("--table %s: %v, %.60q", table, err, out)
		}
	}
	var ue usageError
	for _, args := range [][]string{{"summary"}, {"summary", "--format", "xml", "-"}, {"summary", "--table", "x", "-"},
		{"--group-by", "event", "--format", "html", setsCorpus}, {"--group-by", "event", "--format", "markdown", setsCorpus}} {
		if _, _, err := runCmd(t, "", args...); !errors.As(err, &ue) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	if _, _, err := runCmd(t, `{"event":"e","text":"An article, not a report."}`+"\n", "summary", "-"); err == nil || errors.As(err, &ue) {
		t.Errorf("articles given to summary: %v, want an input error", err)
	}
}
