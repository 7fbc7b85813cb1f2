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

	"github.com/claimdiff/claimdiff/beam/internal/loopback"
	"github.com/claimdiff/claimdiff/corpus"
)

func TestMain(m *testing.M) {
	loopback.Run(func() int { return ptest.MainRetWithDefault(m, "prism") })
}

// TestCommand runs the command as the README's local run does and checks
// its two outputs against corpus mode.
func TestCommand(t *testing.T) {
	in, err := filepath.Abs("../../testdata/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(t.TempDir(), "out", "run1-")
	// A stale dead-letter file from an earlier run must not survive.
	os.MkdirAll(filepath.Dir(prefix), 0o755)
	os.WriteFile(prefix+"dead-letter.jsonl", []byte("stale\n"), 0o644)

	*input, *output = in, prefix
	if err := run(context.Background()); err != nil {
		t.Fatal(err)
	}

	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want bytes.Buffer
	if err := corpus.Run(f, "corpus.jsonl", &want, corpus.Config{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(prefix + "reports.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if g, w := sortedLines(string(got)), sortedLines(want.String()); !slices.Equal(g, w) {
		t.Errorf("reports.jsonl: %d lines differ from corpus mode's %d lines", len(g), len(w))
	}
	dead, err := os.ReadFile(prefix + "dead-letter.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(dead), "stale") || !strings.Contains(string(dead), `"line":`) {
		t.Errorf("dead-letter.jsonl:\n%s", dead)
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
