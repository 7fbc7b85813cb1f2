package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/internal/schematest"
)

var seedFiles = []string{
	filepath.Join("..", "..", "testdata", "seeds", "000_f806df4db212c27a.txt"),
	filepath.Join("..", "..", "testdata", "seeds", "004_142b436908202848.txt"),
}

func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func TestFormats(t *testing.T) {
	for _, f := range []string{"text", "json", "jsonl", "markdown", "html"} {
		t.Run(f, func(t *testing.T) {
			out, _, err := runCmd(t, "", append([]string{"--format", f, "--published", "2025-11-21"}, seedFiles...)...)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) < 500 {
				t.Fatalf("%s output too short: %q", f, out)
			}
			if f == "json" || f == "jsonl" {
				var r struct{ Version int }
				if err := json.Unmarshal([]byte(out), &r); err != nil || r.Version != compare.ReportVersion {
					t.Errorf("not a version-%d report: %v", compare.ReportVersion, err)
				}
			}
			if f == "jsonl" && strings.Count(out, "\n") != 1 {
				t.Errorf("jsonl is one line, got %d", strings.Count(out, "\n"))
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--format", "pdf", "a.txt"},
		{"--threshold", "2", "a.txt"},
		{"--group-by", "outlet", "--format", "jsonl", "a.jsonl"},
		{"--group-by", "event", "a.jsonl"},
		{"--nope"},
	} {
		_, _, err := runCmd(t, "", args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: want a usage error (exit 2), got %v", args, err)
		}
	}
}

func TestInputErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"event":"e","text":"Fine."}`+"\n"+`{"event":`+"\n"), 0o644)
	out, stderr, err := runCmd(t, "", "--format", "jsonl", "--group-by", "event", bad)
	var ue usageError
	var de deadLettersError
	if !errors.As(err, &de) || !strings.Contains(stderr, "bad.jsonl:2") || strings.Count(out, "\n") != 1 {
		t.Errorf("want the good event reported and a dead letter naming bad.jsonl:2 (exit 3), got %v, stderr %q, %d lines", err, stderr, strings.Count(out, "\n"))
	}
	_, _, err = runCmd(t, "", filepath.Join(dir, "missing.txt"))
	if err == nil || errors.As(err, &ue) {
		t.Errorf("missing file: want an input error, got %v", err)
	}
}

func TestStdinAndOutlets(t *testing.T) {
	out, _, err := runCmd(t, "The council of Telford approved the budget on Monday, the mayor said.",
		"--format", "json", "--outlet", "Stdin Times,Seed Outlet", "-", seedFiles[1])
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Documents []struct{ Outlet, Source string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Documents) != 2 || r.Documents[0].Outlet != "Stdin Times" || r.Documents[1].Outlet != "Seed Outlet" {
		t.Errorf("documents %+v", r.Documents)
	}
}

func TestCorpusMode(t *testing.T) {
	in := `{"event":"a","outlet":"X","text":"The bridge in Telford closed on Monday for repairs."}
{"event":"b","outlet":"X","text":"Rail workers in Telford went on strike on Tuesday."}
{"event":"a","outlet":"Y","text":"Telford's bridge was closed on Monday for repair work."}
`
	out, _, err := runCmd(t, in, "--format", "jsonl", "--group-by", "event", "-")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"event":"a"`) || !strings.Contains(lines[1], `"event":"b"`) {
		t.Errorf("want one line per event in order, got:\n%s", out)
	}
}

// An event spread over two files is one report.
func TestCorpusModeAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(`{"event":"e","outlet":"X","text":"The bridge in Telford closed on Monday for repairs."}`+"\n"), 0o644)
	os.WriteFile(b, []byte(`{"event":"e","outlet":"Y","text":"Telford's bridge was closed on Monday for repair work."}`+"\n"), 0o644)
	out, _, err := runCmd(t, "", "--format", "jsonl", "--group-by", "event", a, b)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Documents []struct{ Source string }
		Groups    []json.RawMessage
	}
	if n := strings.Count(out, "\n"); n != 1 {
		t.Fatalf("want one report line, got %d:\n%s", n, out)
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Documents) != 2 || r.Documents[0].Source != "a.jsonl:1" || r.Documents[1].Source != "b.jsonl:1" || len(r.Groups) != 1 {
		t.Errorf("documents %+v, %d groups", r.Documents, len(r.Groups))
	}
}

// omissionReport is what the omission tests read of a JSON report.
type omissionReport struct {
	Run struct {
		OmissionModel *compare.OmissionRun `json:"omission_model"`
	}
	Unique        []string
	LikelyCarried []struct{ Claim string } `json:"likely_carried"`
}

// readOmission runs the command with --format json and args, checks the
// report against the schema and decodes it.
func readOmission(t *testing.T, args ...string) omissionReport {
	t.Helper()
	out, _, err := runCmd(t, "", append([]string{"--format", "json"}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	schematest.Check(t, schematest.Report, strings.Join(args, " "), []byte(out))
	var r omissionReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestNoOmissionModel: --no-omission-model turns the omission model off,
// in article and corpus mode, and the report's run says so; without the
// flag the run names the fitted model, and nothing is likely carried
// that the flag would not list as unique.
func TestNoOmissionModel(t *testing.T) {
	set := filepath.Join("..", "..", "testdata", "sets", "bank_merger")
	files := []string{filepath.Join(set, "capital_daily.json"), filepath.Join(set, "harbor_ledger.json"), filepath.Join(set, "market_pulse.txt")}
	on, off := readOmission(t, files...), readOmission(t, append([]string{"--no-omission-model"}, files...)...)
	if on.Run.OmissionModel == nil || on.Run.OmissionModel.Off != "" || !strings.HasPrefix(on.Run.OmissionModel.Fitted, "sha256:") {
		t.Errorf("default run: omission_model %+v", on.Run.OmissionModel)
	}
	if off.Run.OmissionModel == nil || off.Run.OmissionModel.Off != compare.OmissionOffOption || len(off.LikelyCarried) != 0 {
		t.Errorf("--no-omission-model: omission_model %+v, %d likely carried", off.Run.OmissionModel, len(off.LikelyCarried))
	}
	if len(on.LikelyCarried) == 0 || len(on.Unique)+len(on.LikelyCarried) != len(off.Unique) {
		t.Errorf("unique %d + likely carried %d with the model, unique %d without", len(on.Unique), len(on.LikelyCarried), len(off.Unique))
	}
	if r := readOmission(t, "--threshold", "0.25", files[0], files[1]); r.Run.OmissionModel == nil || r.Run.OmissionModel.Off != compare.OmissionOffThreshold {
		t.Errorf("--threshold 0.25: omission_model %+v", r.Run.OmissionModel)
	}
	in := `{"event":"a","outlet":"X","text":"The bridge in Telford closed on Monday for repairs."}
{"event":"a","outlet":"Y","text":"Telford's bridge was closed on Monday for repair work."}
`
	out, _, err := runCmd(t, in, "--format", "jsonl", "--group-by", "event", "--no-omission-model", "-")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"omission_model":{"off":"option"}`) {
		t.Errorf("corpus mode with --no-omission-model: %s", out)
	}
}

// TestOmissionCut: --omission-cut sets the omission model's cut in article
// and corpus mode, the run records it, a cut of 0.05 moves more claims to
// likely_carried than the stored cut (only between the two lists), and a
// cut outside [0, 1] is a usage error (0, as unset, is the stored cut).
func TestOmissionCut(t *testing.T) {
	set := filepath.Join("..", "..", "testdata", "sets", "bank_merger")
	files := []string{filepath.Join(set, "capital_daily.json"), filepath.Join(set, "harbor_ledger.json"), filepath.Join(set, "market_pulse.txt")}
	def, low := readOmission(t, files...), readOmission(t, append([]string{"--omission-cut", "0.05"}, files...)...)
	if low.Run.OmissionModel == nil || low.Run.OmissionModel.Cut != 0.05 || low.Run.OmissionModel.Fitted != def.Run.OmissionModel.Fitted {
		t.Errorf("--omission-cut 0.05: omission_model %+v (default %+v)", low.Run.OmissionModel, def.Run.OmissionModel)
	}
	if len(low.LikelyCarried) <= len(def.LikelyCarried) || len(low.Unique)+len(low.LikelyCarried) != len(def.Unique)+len(def.LikelyCarried) {
		t.Errorf("cut 0.05: unique %d + likely carried %d; stored cut: %d + %d", len(low.Unique), len(low.LikelyCarried), len(def.Unique), len(def.LikelyCarried))
	}
	in := `{"event":"a","outlet":"X","text":"The bridge in Telford closed on Monday for repairs."}
{"event":"a","outlet":"Y","text":"Telford's bridge was closed on Monday for repair work."}
`
	out, _, err := runCmd(t, in, "--format", "jsonl", "--group-by", "event", "--omission-cut", "0.5", "-")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"omission_model":{"cut":0.5,"fitted":"sha256:`) {
		t.Errorf("corpus mode with --omission-cut 0.5: %s", out)
	}
	for _, bad := range []string{"-0.2", "1.5", "NaN"} {
		if _, _, err := runCmd(t, "", "--omission-cut", bad, files[0], files[1]); err == nil {
			t.Errorf("--omission-cut %s: no error", bad)
		}
	}
}

// TestNoPairModel: two one-sentence articles, the second adding a clause
// of new facts, are decided by the pair model by default (it refuses
// them: related), and the run and the group's evidence say so; with
// --no-pair-model, or at another threshold, the threshold alone decides
// (it aligns them), in article mode and in corpus mode alike, and every
// report meets the schema.
func TestNoPairModel(t *testing.T) {
	texts := []string{
		"The bridge in Telford closed on Monday for repairs.",
		"The bridge in Telford closed on Monday for repairs after engineers found cracks in two of its steel supports during an inspection last week.",
	}
	dir := t.TempDir()
	var files []string
	var lines strings.Builder
	for i, text := range texts {
		f := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		b, err := json.Marshal(map[string]string{"event": "a", "outlet": string(rune('X' + i)), "text": text})
		if err != nil {
			t.Fatal(err)
		}
		lines.Write(append(b, '\n'))
	}
	type report struct {
		Run struct {
			PairModel *compare.ModelRun `json:"pair_model"`
		}
		Groups []struct {
			Verdict  string
			Evidence struct {
				PairModel *float64 `json:"pair_model"`
			}
		}
	}
	read := func(corpus bool, flags ...string) report {
		t.Helper()
		args, stdin := append([]string{"--format", "json"}, flags...), ""
		if corpus {
			args, stdin = append([]string{"--format", "jsonl", "--group-by", "event"}, append(flags, "-")...), lines.String()
		} else {
			args = append(args, files...)
		}
		out, _, err := runCmd(t, stdin, args...)
		if err != nil {
			t.Fatal(err)
		}
		what := strings.Join(args, " ")
		if corpus {
			schematest.CheckLines(t, schematest.CorpusLine, what, []byte(out))
		} else {
			schematest.Check(t, schematest.Report, what, []byte(out))
		}
		var r report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, mode := range []struct {
		name   string
		corpus bool
	}{{"article mode", false}, {"corpus mode", true}} {
		for _, c := range []struct {
			flags   []string
			off     string
			verdict string
		}{
			{nil, "", compare.VerdictRelated},
			{[]string{"--no-pair-model"}, compare.PairOffOption, compare.VerdictAgree},
			{[]string{"--threshold", "0.3"}, compare.PairOffThreshold, compare.VerdictAgree},
		} {
			name := mode.name + " " + strings.Join(c.flags, " ")
			r := read(mode.corpus, c.flags...)
			if p := r.Run.PairModel; p == nil || p.Off != c.off || (c.off == "") != strings.HasPrefix(p.Fitted, "sha256:") {
				t.Errorf("%s: run.pair_model %+v, want off %q", name, p, c.off)
			}
			if len(r.Groups) != 1 || r.Groups[0].Verdict != c.verdict || (r.Groups[0].Evidence.PairModel != nil) != (c.off == "") {
				t.Errorf("%s: groups %+v, want one %s, with the model's probability only when it ran", name, r.Groups, c.verdict)
			}
		}
	}
}
