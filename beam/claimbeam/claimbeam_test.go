package claimbeam

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/claimdiff/claimdiff/beam/internal/corpusgen"
	"github.com/claimdiff/claimdiff/beam/internal/loopback"
	"github.com/claimdiff/claimdiff/corpus"
)

//go:generate go run ../internal/corpusgen/gencorpus -events 120 -seed 7 -malformed -o ../testdata/corpus.jsonl

// TestMain runs the tests on prism, in-process, inside a network namespace
// whose only interface is loopback (see package loopback).
func TestMain(m *testing.M) {
	loopback.Run(loopback.WithTempDir(func() int { return ptest.MainRetWithDefault(m, "prism") }))
}

const corpusFile = "../testdata/corpus.jsonl"

// corpusMode is the command's corpus mode (`claimdiff --format jsonl
// --group-by event`, i.e. corpus.Run) on path, and the dead letters the
// command's reader gives for path's lines.
//
// Corpus mode stops at the first malformed line, where the pipeline
// dead-letters it and goes on. So corpus mode runs on a copy of path with
// the same base name in which every malformed line is blanked: blank lines
// are skipped and keep the line numbers, so every good article keeps its
// file:line source. On the original file corpus mode must fail with the
// first dead letter's error.
func corpusMode(t *testing.T, path string, cfg corpus.Config) (reports, dead []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Base(path)
	var clean bytes.Buffer
	var firstErr error
	if err := ScanLines(bytes.NewReader(data), base, func(l Line) {
		_, err := parseLine(l)
		if err != nil && !errors.Is(err, corpus.ErrBlank) {
			dead = append(dead, deadLetterJSON(l, err))
			if firstErr == nil {
				firstErr = err
			}
			clean.WriteString("\n")
			return
		}
		clean.WriteString(l.Raw)
	}); err != nil {
		t.Fatal(err)
	}

	err = corpus.Run(bytes.NewReader(data), base, io.Discard, cfg)
	switch {
	case firstErr == nil && err != nil:
		t.Fatalf("corpus mode on %s: %v", base, err)
	case firstErr != nil && (err == nil || !strings.HasPrefix(err.Error(), firstErr.Error())):
		// Corpus mode goes on past malformed lines and then reports the
		// first of them (and how many more).
		t.Fatalf("corpus mode on %s ends with %v, want the first dead letter's error %v", base, err, firstErr)
	}

	cleanPath := filepath.Join(t.TempDir(), base)
	if err := os.WriteFile(cleanPath, clean.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(cleanPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	if err := corpus.Run(f, cleanPath, &out, cfg); err != nil {
		t.Fatalf("corpus mode on %s with malformed lines blanked: %v", base, err)
	}
	if out.Len() == 0 || out.Bytes()[out.Len()-1] != '\n' {
		t.Fatalf("corpus mode output is empty or does not end in a newline")
	}
	reports = strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	return reports, dead
}

// runPipeline runs ReadLines+ComparePerEvent on prism and returns the
// report and dead-letter lines, written with textio as the command does.
func runPipeline(t *testing.T, glob string, cfg corpus.Config, check func(s beam.Scope, reports, dead beam.PCollection)) (reports, dead []string) {
	t.Helper()
	dir := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	r, d := CompareFiles(s, glob, cfg)
	textio.Write(s, filepath.Join(dir, "reports.jsonl"), r)
	textio.Write(s, filepath.Join(dir, "dead-letter.jsonl"), d)
	if check != nil {
		check(s, r, d)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}
	return readLines(t, filepath.Join(dir, "reports.jsonl")), readLines(t, filepath.Join(dir, "dead-letter.jsonl"))
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil // textio.Write writes no file for an empty collection
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// sameLines fails t unless got and want hold the same lines (as multisets).
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	if slices.Equal(g, w) {
		return
	}
	t.Errorf("%s: pipeline gave %d lines, corpus mode %d", what, len(g), len(w))
	if d := os.Getenv("CLAIMBEAM_DUMP"); d != "" {
		os.WriteFile(filepath.Join(d, what+".pipeline"), []byte(strings.Join(g, "\n")+"\n"), 0o644)
		os.WriteFile(filepath.Join(d, what+".corpusmode"), []byte(strings.Join(w, "\n")+"\n"), 0o644)
	}
	shown := 0
	for _, l := range w {
		if !slices.Contains(g, l) && shown < 3 {
			t.Errorf("%s: missing from pipeline: %.300s", what, l)
			shown++
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) && shown < 6 {
			t.Errorf("%s: only in pipeline: %.300s", what, l)
			shown++
		}
	}
}

func TestCorpusSize(t *testing.T) {
	reports, dead := corpusMode(t, corpusFile, corpus.Config{})
	if len(reports) < 100 {
		t.Errorf("test corpus has %d events, want at least 100", len(reports))
	}
	if len(dead) < 3 {
		t.Errorf("test corpus has %d malformed lines, want at least 3", len(dead))
	}
	outlets := map[string]bool{}
	for _, o := range []string{"Northern Wire", "Daily Ledger", "Coastal Herald", "Metro Post"} {
		b, _ := os.ReadFile(corpusFile)
		if bytes.Contains(b, []byte(`"outlet":"`+o+`"`)) {
			outlets[o] = true
		}
	}
	if len(outlets) < 3 {
		t.Errorf("test corpus has %d outlets, want several", len(outlets))
	}
}

// TestMatchesCorpusMode is the acceptance test: on the test corpus
// the pipeline's report lines are, as a set, the command's corpus-mode
// output byte for byte, and the malformed lines arrive in the dead-letter
// output.
func TestMatchesCorpusMode(t *testing.T) {
	cfg := corpus.Config{}
	wantReports, wantDead := corpusMode(t, corpusFile, cfg)
	gotReports, gotDead := runPipeline(t, corpusFile, cfg, func(s beam.Scope, reports, dead beam.PCollection) {
		// The same checks inside the pipeline, with passert.
		passert.Equals(s, dead, toAny(wantDead)...)
		passert.Count(s, reports, "reports", len(wantReports))
	})
	sameLines(t, "reports", gotReports, wantReports)
	sameLines(t, "dead letters", gotDead, wantDead)
}

// TestHotEvent: an event above corpus.MaxEventArticles is reported as too
// large, as corpus mode reports it, and its articles never reach the
// GroupByKey.
func TestHotEvent(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts several hundred articles")
	}
	path := filepath.Join(t.TempDir(), "hot.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := corpusgen.Generate(f, corpusgen.Options{Events: 4, Seed: 3, HotEvent: corpus.MaxEventArticles + 1}); err != nil {
		t.Fatal(err)
	}
	f.Close()

	cfg := corpus.Config{}
	wantReports, wantDead := corpusMode(t, path, cfg)
	gotReports, gotDead := runPipeline(t, path, cfg, nil)
	sameLines(t, "reports", gotReports, wantReports)
	sameLines(t, "dead letters", gotDead, wantDead)
	found := false
	for _, l := range gotReports {
		if strings.Contains(l, `"hot-event"`) {
			found = true
			if !strings.Contains(l, "too large") {
				t.Errorf("hot event not reported as too large: %.200s", l)
			}
		}
	}
	if !found {
		t.Errorf("no report for the hot event")
	}
}

// TestGobRoundTrip: extracted articles cross the shuffle gob-encoded; they
// must come out as they went in, and compare to the same bytes.
func TestGobRoundTrip(t *testing.T) {
	data, err := os.ReadFile(corpusFile)
	if err != nil {
		t.Fatal(err)
	}
	byEvent := map[string][]corpus.Article{}
	decoded := map[string][]corpus.Article{}
	err = ScanLines(bytes.NewReader(data), "corpus.jsonl", func(l Line) {
		a, err := corpus.ParseLine(l.File, l.Num, []byte(l.Raw))
		if err != nil {
			return
		}
		b, err := encodeArticle(a)
		if err != nil {
			t.Fatalf("%s:%d: encode: %v", l.File, l.Num, err)
		}
		d, err := decodeArticle(b)
		if err != nil {
			t.Fatalf("%s:%d: decode: %v", l.File, l.Num, err)
		}
		if !reflect.DeepEqual(a, d) {
			t.Errorf("%s:%d: article changed across gob (nil and empty slices or pointers?)", l.File, l.Num)
		}
		byEvent[a.Event] = append(byEvent[a.Event], a)
		decoded[a.Event] = append(decoded[a.Event], d)
	})
	if err != nil {
		t.Fatal(err)
	}
	for e := range byEvent {
		want, err1 := corpus.CompareEvent(e, byEvent[e], corpus.Config{})
		got, err2 := corpus.CompareEvent(e, decoded[e], corpus.Config{})
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", e, err1, err2)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: report differs after gob round trip", e)
		}
	}
}

func TestScanLines(t *testing.T) {
	in := "a\r\n\nb\nlast"
	var got []Line
	if err := ScanLines(strings.NewReader(in), "f.jsonl", func(l Line) { got = append(got, l) }); err != nil {
		t.Fatal(err)
	}
	want := []Line{{"f.jsonl", 1, "a\r\n", false}, {"f.jsonl", 2, "\n", false}, {"f.jsonl", 3, "b\n", false}, {"f.jsonl", 4, "last", false}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	long := strings.Repeat("x", 3<<20) + "\n"
	n := 0
	if err := ScanLines(strings.NewReader(long), "f", func(l Line) { n += len(l.Raw) }); err != nil || n != 3<<20+1 {
		t.Errorf("long line: %d bytes, %v", n, err)
	}
}

func TestNetworkIsolated(t *testing.T) {
	if !loopback.Isolated() {
		t.Skip("not running in a network namespace of its own")
	}
	if err := loopback.OnlyLoopback(); err != nil {
		t.Fatal(err)
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
