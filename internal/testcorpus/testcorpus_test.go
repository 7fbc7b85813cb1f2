package testcorpus

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/sets.jsonl")

// TestSetsFile keeps testdata/sets.jsonl, the corpus the examples, the
// browser test and the README use, equal to the article sets it is made
// from (go test ./internal/testcorpus -update rewrites it).
func TestSetsFile(t *testing.T) {
	got, err := Sets("../../testdata/sets")
	if err != nil {
		t.Fatal(err)
	}
	const path = "../../testdata/sets.jsonl"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: go test ./internal/testcorpus -update", path)
	}
	if n := bytes.Count(got, []byte("\n")); n < 10 {
		t.Errorf("only %d articles", n)
	}
}
