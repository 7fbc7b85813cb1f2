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
