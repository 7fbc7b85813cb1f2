package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
	"github.com/claimdiff/claimdiff/internal/schematest"
	"github.com/claimdiff/claimdiff/internal/testcorpus"
	"github.com/claimdiff/claimdiff/schema"
)

// TestSchemasAreJSON: the files parse and name the report version.
func TestSchemasAreJSON(t *testing.T) {
	for name, data := range map[string][]byte{"report": schema.Report, "summary": schema.Summary} {
		var v map[string]any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s schema: %v", name, err)
		}
		if v["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s schema: $schema = %v, want draft 2020-12", name, v["$schema"])
		}
	}
	var r struct {
		Properties struct {
			Version struct {
				Const int `json:"const"`
			} `json:"version"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.Report, &r); err != nil {
		t.Fatal(err)
	}
	if r.Properties.Version.Const != compare.ReportVersion {
		t.Errorf("the schema is for version %d, compare.ReportVersion is %d", r.Properties.Version.Const, compare.ReportVersion)
	}
}

// TestGoldensSatisfySchema validates every JSON golden file in the
// repository: extraction goldens as documents, report goldens as reports.
func TestGoldensSatisfySchema(t *testing.T) {
	docs, _ := filepath.Glob("../extract/testdata/golden/*.json")
	reports, _ := filepath.Glob("../compare/testdata/*json.golden")
	if len(docs) == 0 || len(reports) == 0 {
		t.Fatalf("no goldens found: %d documents, %d reports", len(docs), len(reports))
	}
	for _, p := range docs {
		schematest.Check(t, schematest.Document, p, read(t, p))
	}
	for _, p := range reports {
		schematest.Check(t, schematest.Report, p, read(t, p))
	}
}

// TestReportsSatisfySchema compares the seeds, every article set, one
// article alone and an empty article, and validates each report.
func TestReportsSatisfySchema(t *testing.T) {
	sets, _ := filepath.Glob("../testdata/sets/*")
	sets = append(sets, "../testdata/seeds")
	for _, dir := range sets {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		var docs []*extract.Document
		for _, f := range files {
			if ext := filepath.Ext(f); ext != ".txt" && ext != ".json" {
				continue
			}
			ds, err := extract.ReadFile(f, extract.WithPublished("2026-03-04"))
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, ds...)
		}
		if len(docs) == 0 {
			continue
		}
		check(t, dir, compare.Compare(docs))
		check(t, dir+" (first alone)", compare.Compare(docs[:1]))
	}
	check(t, "empty article", compare.Compare([]*extract.Document{extract.Extract("")}))
	check(t, "no articles", compare.Compare(nil))
}

func check(t *testing.T, what string, r *compare.Report) {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), []byte("null")) {
		t.Errorf("%s: a null in the report (lists must be [])", what)
	}
	schematest.Check(t, schematest.Report, what, b.Bytes())
}

// TestCorpusLinesSatisfySchema runs corpus mode over the article sets and
// validates every line, and the line of an event too large to compare.
func TestCorpusLinesSatisfySchema(t *testing.T) {
	in, err := testcorpus.Sets("../testdata/sets")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := corpus.Run(bytes.NewReader(in), "sets.jsonl", &out, corpus.Config{}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n < 4 {
		t.Fatalf("%d report lines, want one per set", n)
	}
	schematest.CheckLines(t, schematest.CorpusLine, "corpus mode", out.Bytes())
	big, err := corpus.TooLarge("hot", corpus.MaxEventArticles+1)
	if err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.CorpusLine, "too-large line", big)
}

// TestSchemaRejects: the schema is no rubber stamp.
func TestSchemaRejects(t *testing.T) {
	good := read(t, "../compare/testdata/render_fixture_json.golden")
	for name, edit := range map[string]func(map[string]any){
		"null list":     func(m map[string]any) { m["unique"] = nil },
		"old version":   func(m map[string]any) { m["version"] = 1 },
		"string value":  func(m map[string]any) { diff0(m)["values"] = map[string]any{"d1.c1": "about"} },
		"unknown field": func(m map[string]any) { m["extra"] = true },
		"bad verdict":   func(m map[string]any) { m["groups"].([]any)[0].(map[string]any)["verdict"] = "maybe" },
		"span of three": func(m map[string]any) {
			diff0(m)["values"].(map[string]any)["d1.c1"].([]any)[0].(map[string]any)["span"] = []any{1, 2, 3}
		},
		"missing run":      func(m map[string]any) { delete(m, "run") },
		"claim id as name": func(m map[string]any) { diff0(m)["values"] = map[string]any{"Coastline": []any{}} },
	} {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		b, _ := json.Marshal(m)
		if schematest.Validate(schematest.Report, b) == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}

func diff0(m map[string]any) map[string]any {
	return m["groups"].([]any)[0].(map[string]any)["differences"].([]any)[0].(map[string]any)
}

func read(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
