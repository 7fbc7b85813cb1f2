package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
)

var hostile = filepath.Join("..", "..", "corpus", "testdata", "hostile.jsonl")

func TestUsageErrorsRobust(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("The mayor resigned on Monday."), 0o644)
	os.WriteFile(b, []byte("The mayor quit on Monday."), 0o644)
	for _, args := range [][]string{
		{"--published", "2025-13-45", a, b},
		{"--published", "yesterday", a, b},
		{"--outlet", "A,B,C,D", a, b},
		{"--outlet", "A", a, b},
		{"--jobs", "0", a, b},
		{"--errors", "dead.jsonl", a, b},
		{"-", "-"},
		{"--format", "jsonl", "--group-by", "event", "--outlet", "A", hostile},
		{"--format", "jsonl", "--group-by", "event", "--published", "2026-01-02", hostile},
	} {
		_, _, err := runCmd(t, "", args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: want a usage error (exit 2), got %v", args, err)
			continue
		}
		if got := exitStatus(context.Background(), err, &bytes.Buffer{}); got != exitUsage {
			t.Errorf("%v: exit %d", args, got)
		}
	}
	// A matching count, with an empty name to keep a file's own.
	if _, _, err := runCmd(t, "", "--outlet", "A,", "--published", "2026-01-02", a, b); err != nil {
		t.Errorf("matching --outlet: %v", err)
	}
}

// A program or other binary file is refused, naming the file (exit 1).
func TestBinaryInputRefused(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "ls")
	os.WriteFile(bin, append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 500)...), 0o755)
	out, _, err := runCmd(t, "", bin, seedFiles[0])
	if !errors.Is(err, extract.ErrNotText) || !strings.Contains(err.Error(), bin) || out != "" {
		t.Fatalf("got %v, output %d bytes", err, len(out))
	}
	var stderr bytes.Buffer
	if got := exitStatus(context.Background(), err, &stderr); got != exitInput || !strings.Contains(stderr.String(), "not text") {
		t.Errorf("exit %d, %q", got, stderr.String())
	}
}

// A JSON array of articles is read as articles.
func TestJSONArrayFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "articles.json")
	os.WriteFile(p, []byte(`[
  {"outlet": "Northwind Wire", "published": "2026-05-14", "text": "The bridge in Telford closed on Monday for repairs."},
  {"outlet": "Eastgate Herald", "published": "2026-05-14", "text": "Telford's bridge was closed on Monday for repair work."}
]`), 0o644)
	out, _, err := runCmd(t, "", "--format", "json", p)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Documents []struct{ Outlet, Source string }
		Groups    []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Documents) != 2 || len(r.Groups) != 1 {
		t.Fatalf("%v: %+v", err, r)
	}
}

// Dead letters go to --errors FILE with file, line and reason; the good
// events are all reported; stderr counts them; the exit status is 3.
func TestDeadLettersFile(t *testing.T) {
	dead := filepath.Join(t.TempDir(), "dead.jsonl")
	out, stderr, err := runCmd(t, "", "--format", "jsonl", "--group-by", "event", "--errors", dead, hostile)
	var de deadLettersError
	if !errors.As(err, &de) || de.n != 11 {
		t.Fatalf("got %v", err)
	}
	var msg bytes.Buffer
	if got := exitStatus(context.Background(), err, &msg); got != exitDeadLetters || !strings.Contains(msg.String(), "11 of 22 lines") || !strings.Contains(msg.String(), dead) {
		t.Errorf("exit %d, %q", got, msg.String())
	}
	if strings.Contains(stderr, "dead letter:") {
		t.Errorf("with --errors the letters are not listed on stderr: %q", stderr)
	}
	if n := strings.Count(out, "\n"); n != 4 {
		t.Errorf("%d report lines, want the 4 good events", n)
	}
	b, err := os.ReadFile(dead)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var d struct {
			File  string `json:"file"`
			Line  int    `json:"line"`
			Error string `json:"error"`
			Input *string
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil || d.File != "hostile.jsonl" || d.Input == nil ||
			!strings.HasPrefix(d.Error, fmt.Sprintf("hostile.jsonl:%d: ", d.Line)) {
			t.Errorf("dead letter %s (%v)", sc.Bytes(), err)
		}
		lines = append(lines, d.Line)
	}
	if fmt.Sprint(lines) != "[2 5 7 9 11 13 15 18 19 21 22]" {
		t.Errorf("dead-letter lines %v", lines)
	}
	// Without --errors the first letters are listed on stderr.
	_, stderr, _ = runCmd(t, "", "--format", "jsonl", "--group-by", "event", hostile)
	if !strings.Contains(stderr, "dead letter: hostile.jsonl:2: ") {
		t.Errorf("stderr %q", stderr)
	}
}

// Output does not depend on --jobs.
func TestJobsDeterministic(t *testing.T) {
	var first string
	for _, jobs := range []string{"1", "2", "7"} {
		out, _, _ := runCmd(t, "", "--format", "jsonl", "--group-by", "event", "--jobs", jobs, hostile)
		if first == "" {
			first = out
		} else if out != first {
			t.Errorf("--jobs %s changed the output", jobs)
		}
	}
	a, _, err := runCmd(t, "", "--format", "json", "--jobs", "1", seedFiles[0], seedFiles[1])
	b, _, err2 := runCmd(t, "", "--format", "json", "--jobs", "4", seedFiles[0], seedFiles[1])
	if err != nil || err2 != nil || a != b {
		t.Errorf("file mode: --jobs changed the output (%v, %v)", err, err2)
	}
}

func TestProgressText(t *testing.T) {
	// Not a terminal: nothing drawn.
	_, stderr, _ := runCmd(t, "", "--format", "jsonl", "--group-by", "event", "--errors", filepath.Join(t.TempDir(), "d"), hostile)
	if strings.Contains(stderr, "\r") {
		t.Errorf("progress drawn on a non-terminal: %q", stderr)
	}
	var buf bytes.Buffer
	p := &progress{w: &buf, tick: 0}
	p.status(func() string { return corpusStatus(corpusStats(1234, 5, 40, 300, 2500, 10000, 3*time.Second)) })
	p.clear()
	want := "\r\x1b[Kclaimdiff: 1,234 articles (+5 dead letters), 40/300 events, 411 articles/s, 9s left\r\x1b[K"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
	if got := newProgress(&buf, false); got.w != nil {
		t.Error("a buffer is not a terminal")
	}
}

// Interrupting the command leaves only complete report lines and exits
// with 130.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "claimdiff")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	in := filepath.Join(dir, "c.jsonl")
	var sb strings.Builder
	for i := 0; i < 3000; i++ {
		b, _ := json.Marshal(map[string]string{"event": fmt.Sprint("e", i/2), "outlet": fmt.Sprint("O", i%2),
			"text": strings.Repeat(fmt.Sprintf("Workers at plant %d walked out on Monday over pay, the union said. ", i), 5)})
		sb.Write(append(b, '\n'))
	}
	os.WriteFile(in, []byte(sb.String()), 0o644)
	outPath := filepath.Join(dir, "out.jsonl")
	out, _ := os.Create(outPath)
	cmd := exec.Command(bin, "--format", "jsonl", "--group-by", "event", in)
	cmd.Stdout = out
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if fi, _ := os.Stat(outPath); fi != nil && fi.Size() > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	out.Close()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("exit %v, stderr %q", err, stderr.String())
	}
	b, _ := os.ReadFile(outPath)
	lines := strings.Split(string(b), "\n")
	if lines[len(lines)-1] != "" {
		t.Errorf("the output ends inside a line")
	}
	for _, l := range lines[:len(lines)-1] {
		if !json.Valid([]byte(l)) {
			t.Fatalf("incomplete line %.80q", l)
		}
	}
	if len(lines)-1 >= 1500 {
		t.Errorf("all %d events written: not interrupted", len(lines)-1)
	}
}

func corpusStats(articles, dead, events, totalEvents, records, totalRecords int, elapsed time.Duration) corpus.Stats {
	return corpus.Stats{Articles: articles, DeadLetters: dead, Events: events, TotalEvents: totalEvents, Records: records, TotalRecords: totalRecords, Elapsed: elapsed}
}

func TestMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	t.Setenv("GOMEMLIMIT", "")
	if got := setMemoryLimit(10 << 20); got != 1<<30 {
		t.Errorf("10 MB input: limit %d, want 1 GiB", got)
	}
	if got := setMemoryLimit(60 << 20); got != 40*(60<<20) {
		t.Errorf("60 MB input: limit %d", got)
	}
	t.Setenv("GOMEMLIMIT", "500MiB")
	if got := setMemoryLimit(60 << 20); got != 0 {
		t.Errorf("GOMEMLIMIT set: limit %d, want it left alone", got)
	}
}
