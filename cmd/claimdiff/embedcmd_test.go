package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/internal/embedtest"
	"github.com/claimdiff/claimdiff/internal/schematest"
)

// TestMain lets the test binary be the embedding command (internal/embedtest).
func TestMain(m *testing.M) {
	if status, ok := embedtest.Main(); ok {
		os.Exit(status)
	}
	os.Exit(m.Run())
}

// embedCmd is the --embed-cmd that runs this test binary as the embedding
// command in the given mode.
func embedCmd(t *testing.T, mode string, env ...string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(append(env, embedtest.Mode+"="+mode, "'"+strings.ReplaceAll(exe, "'", `'\''`)+"'"), " ")
}

// embedArticles writes two reports of one day: a claim told in the same
// words (the highway), one told in other words (the envoy), and one claim
// each that the other does not carry.
func embedArticles(t *testing.T) []string {
	dir := t.TempDir()
	a := filepath.Join(dir, "northwind.txt")
	b := filepath.Join(dir, "eastgate.txt")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "Floods closed the northern highway near Velmar on Sunday, the roads agency said. The envoy quit. Schools in the district will reopen next week.\n")
	write(b, "Heavy rain shut the northern highway near Velmar on Sunday, according to the roads agency. The diplomat resigned. The central bank kept interest rates unchanged.\n")
	return []string{a, b}
}

// groupWith returns the group holding the claims whose texts are a and b,
// if any.
func groupWith(t *testing.T, out, a, b string) *compare.Group {
	t.Helper()
	var r compare.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, d := range r.Documents {
		for _, c := range d.Claims {
			ids[c.Text] = c.ID
		}
	}
	if ids[a] == "" || ids[b] == "" {
		t.Fatalf("claims %q and %q not found", a, b)
	}
	for i, g := range r.Groups {
		if strings.Contains(strings.Join(g.Claims, " "), ids[a]) && strings.Contains(strings.Join(g.Claims, " "), ids[b]) {
			return &r.Groups[i]
		}
	}
	return nil
}

func TestEmbedCmd(t *testing.T) {
	files := embedArticles(t)
	args := append([]string{"--format", "json", "--published", "2026-03-02"}, files...)
	out, _, err := runCmd(t, "", args...)
	if err != nil {
		t.Fatal(err)
	}
	if g := groupWith(t, out, "The envoy quit.", "The diplomat resigned."); g != nil {
		t.Fatalf("the lexical score alone aligns the envoy pair (%s); the test shows nothing", g.ID)
	}
	if groupWith(t, out, "Floods closed the northern highway near Velmar on Sunday, the roads agency said.", "Heavy rain shut the northern highway near Velmar on Sunday, according to the roads agency.") == nil {
		t.Fatal("the highway pair does not align lexically")
	}

	log := filepath.Join(t.TempDir(), "log")
	out, _, err = runCmd(t, "", append([]string{"--embed-cmd", embedCmd(t, "ok", embedtest.Log+"="+log)}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	g := groupWith(t, out, "The envoy quit.", "The diplomat resigned.")
	if g == nil || g.Verdict == compare.VerdictRelated {
		t.Fatalf("--embed-cmd does not align the envoy pair: %+v", g)
	}
	if g.Evidence.Semantic == nil || *g.Evidence.Semantic != 1 || g.Evidence.Lexical == nil || *g.Evidence.Lexical != 0 || g.Score != 0.5 {
		t.Errorf("envoy pair evidence %+v, score %v; want lexical 0, semantic 1, score 0.5", g.Evidence, g.Score)
	}
	if !strings.Contains(out, `"lexical": 0,`) || !strings.Contains(out, `"semantic": 1`) {
		t.Errorf("the JSON evidence does not show both parts")
	}
	schematest.Check(t, schematest.Report, "report with --embed-cmd", []byte(out))
	var run struct {
		Run compare.Run `json:"run"`
	}
	if err := json.Unmarshal([]byte(out), &run); err != nil {
		t.Fatal(err)
	}
	if cmd := embedCmd(t, "ok", embedtest.Log+"="+log); run.Run.Embedder != cmd || run.Run.SemanticWeight == nil || *run.Run.SemanticWeight != 0.5 {
		t.Errorf("run record: embedder %q, weight %v; want %q, 0.5", run.Run.Embedder, run.Run.SemanticWeight, cmd)
	}
	if groupWith(t, out, "Schools in the district will reopen next week.", "The central bank kept interest rates unchanged.") != nil {
		t.Error("unrelated claims aligned through the embedder")
	}
	// The command saw each claim's text once, in one batch, and exited
	// when its input closed.
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || lines[1] != "exit" {
		t.Fatalf("the command's log: %q; want one batch, then a clean exit", lines)
	}
	var texts []string
	if err := json.Unmarshal([]byte(lines[0]), &texts); err != nil || len(texts) != 6 {
		t.Errorf("batch %s: want the 6 claim texts (%v)", lines[0], err)
	}
}

// TestEmbedCmdErrors: each failure of the embedding command ends the run
// with an error naming it (exit status 1), not a usage error and not a
// report on words alone.
func TestEmbedCmdErrors(t *testing.T) {
	files := embedArticles(t)
	for _, c := range []struct {
		mode  string
		flags []string
		want  string
	}{
		{"exit", nil, "it exited with status 3; its last words on stderr: embedtest: model weights not found"},
		{"malformed", nil, `is not a JSON answer {"id","vector"}`},
		{"wrongid", nil, "answers id 1000, which was not asked in this batch"},
		{"dim", nil, "the vector for id 1 has dimension 3; earlier vectors had 256"},
		{"nan", nil, "holds NaN or Infinity, not a finite number"},
		{"inf", nil, "holds NaN or Infinity, not a finite number"},
		{"error", nil, "it reported an error for id 0: CUDA out of memory"},
		{"short", nil, "its output ended after 1 of 6 answers"},
		{"hang", []string{"--embed-timeout", "300ms"}, "no answer within 300ms"},
		{"exit-at-close", nil, "after its input was closed: it exited with status 4; its last words on stderr: embedtest: could not save the cache"},
	} {
		t.Run(c.mode, func(t *testing.T) {
			t.Parallel() // each waits on its own subprocess
			cmd := embedCmd(t, c.mode)
			args := append(append([]string{"--format", "json", "--embed-cmd", cmd}, c.flags...), files...)
			out, _, err := runCmd(t, "", args...)
			var ue usageError
			if err == nil || errors.As(err, &ue) {
				t.Fatalf("got %v, want a run error (exit status 1)", err)
			}
			if !strings.Contains(err.Error(), `embed command "`+cmd+`": `) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q\nwant it to name the command and contain %q", err, c.want)
			}
			if out != "" {
				t.Errorf("a failed run wrote a report")
			}
		})
	}
}

func TestEmbedCmdUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--semantic-weight", "-0.1", "a.txt"},
		{"--semantic-weight", "NaN", "a.txt"},
		{"--embed-cmd", "x", "--semantic-weight", "1.5", "a.txt"},
		{"--embed-cmd", "x", "--embed-timeout", "0s", "a.txt"},
	} {
		_, _, err := runCmd(t, "", args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: want a usage error, got %v", args, err)
		}
	}
}

// TestEmbedCmdCorpus: corpus mode compares every event through the one
// embedding command, and its failure fails the run.
func TestEmbedCmdCorpus(t *testing.T) {
	dir := t.TempDir()
	corpusFile := filepath.Join(dir, "corpus.jsonl")
	lines := []string{
		`{"event":"port","outlet":"Northwind Wire","published":"2026-03-02","text":"The envoy quit. Schools will reopen next week."}`,
		`{"event":"port","outlet":"Eastgate Herald","published":"2026-03-02","text":"The diplomat resigned. The central bank kept interest rates unchanged."}`,
		`{"event":"storm","outlet":"Northwind Wire","published":"2026-03-03","text":"Police were tightlipped."}`,
		`{"event":"storm","outlet":"Eastgate Herald","published":"2026-03-03","text":"Police declined to comment."}`,
	}
	if err := os.WriteFile(corpusFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(out string) int {
		n := 0
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var r compare.Report
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatal(err)
			}
			for _, g := range r.Groups {
				if g.Verdict != compare.VerdictRelated {
					n++
				}
			}
		}
		return n
	}
	args := []string{"--format", "jsonl", "--group-by", "event", corpusFile}
	out, _, err := runCmd(t, "", args...)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(out); n != 0 {
		t.Fatalf("%d aligned groups without --embed-cmd; the test shows nothing", n)
	}
	log := filepath.Join(dir, "log")
	out, _, err = runCmd(t, "", append([]string{"--embed-cmd", embedCmd(t, "ok", embedtest.Log+"="+log)}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	schematest.CheckLines(t, schematest.CorpusLine, "corpus mode with --embed-cmd", []byte(out))
	if n := count(out); n != 2 {
		t.Errorf("%d groups aligned by meaning, want 2 (one per event):\n%s", n, out)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(b), "\n"); got != 3 || !strings.HasSuffix(string(b), "exit\n") {
		t.Errorf("the command's log %q: want one batch per event, then a clean exit", b)
	}
	cmd := embedCmd(t, "nan")
	_, _, err = runCmd(t, "", append([]string{"--embed-cmd", cmd}, args...)...)
	if err == nil || !strings.Contains(err.Error(), `embed command "`+cmd+`": `) {
		t.Errorf("a failing command in corpus mode: %v", err)
	}
}
