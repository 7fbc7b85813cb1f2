package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/claimdiff/claimdiff/beam/internal/corpusgen"
	"github.com/claimdiff/claimdiff/beam/internal/loopback"
	"github.com/claimdiff/claimdiff/corpus"
)

func TestMain(m *testing.M) {
	loopback.Run(loopback.WithTempDir(func() int { return ptest.MainRetWithDefault(m, "prism") }))
}

// TestCommand runs the command as the README's local run does: on a clean
// corpus its reports are corpus mode's lines; on the test corpus, whose
// malformed lines stop corpus mode, they go to the dead-letter file.
func TestCommand(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.jsonl")
	f, err := os.Create(clean)
	if err != nil {
		t.Fatal(err)
	}
	if err := corpusgen.Generate(f, corpusgen.Options{Events: 20, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	f.Close()

	prefix := filepath.Join(dir, "out", "clean-")
	*input, *output = clean, prefix
	if err := run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	f, _ = os.Open(clean)
	defer f.Close()
	if err := corpus.Run(f, clean, &want, corpus.Config{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(prefix + "reports.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if g, w := sortedLines(string(got)), sortedLines(want.String()); !slices.Equal(g, w) {
		t.Errorf("reports.jsonl: %d lines, not the same as corpus mode's %d lines", len(g), len(w))
	}

	// The test corpus, with a stale dead-letter file from an earlier run
	// at the same prefix that must not survive.
	in, err := filepath.Abs("../../testdata/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	prefix = filepath.Join(dir, "out", "run1-")
	os.WriteFile(prefix+"dead-letter.jsonl", []byte("stale\n"), 0o644)
	*input, *output = in, prefix
	if err := run(context.Background()); err != nil {
		t.Fatal(err)
	}
	dead, err := os.ReadFile(prefix + "dead-letter.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(dead, []byte("\n")); n != 5 || strings.Contains(string(dead), "stale") {
		t.Errorf("dead-letter.jsonl has %d lines, want the test corpus's 5 malformed lines:\n%s", n, dead)
	}
	reports, err := os.ReadFile(prefix + "reports.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(reports, []byte("\n")); n != 120 {
		t.Errorf("reports.jsonl has %d lines, want 120", n)
	}
}

// TestEmptyOutputs: with no malformed line the dead-letter file still
// exists, empty.
func TestEmptyOutputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "one.jsonl")
	os.WriteFile(in, []byte(`{"event":"e1","outlet":"A","title":"T","text":"Officials said 3 people were hurt."}`+"\n"), 0o644)
	prefix := filepath.Join(dir, "x-")
	os.WriteFile(prefix+"dead-letter.jsonl", []byte("stale\n"), 0o644)
	*input, *output = in, prefix
	if err := run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(prefix + "dead-letter.jsonl"); err != nil || len(b) != 0 {
		t.Errorf("dead-letter.jsonl = %q, %v; want an empty file", b, err)
	}
	if b, err := os.ReadFile(prefix + "reports.jsonl"); err != nil || bytes.Count(b, []byte("\n")) != 1 {
		t.Errorf("reports.jsonl = %q, %v; want one line", b, err)
	}
}

func sortedLines(s string) []string {
	l := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	slices.Sort(l)
	return l
}
