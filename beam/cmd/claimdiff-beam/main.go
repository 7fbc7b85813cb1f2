// Command claimdiff-beam runs claimdiff's per-event comparison of a JSON-lines
// corpus as an Apache Beam pipeline.
//
//	claimdiff-beam --input 'corpus/*.jsonl' --output out/run1- [--runner prism|dataflow|flink|...]
//
// It writes PREFIX+"reports.jsonl", one line per event with the same bytes
// as `claimdiff --format jsonl --group-by event` (in no particular order),
// and PREFIX+"dead-letter.jsonl", one JSON line per malformed input line
// ({"file","line","error","input"}). Both are written through Beam's
// filesystems: local paths, gs:// (registered here) and any filesystem a
// build registers. Beam's own flags (--runner, --project, --region,
// --endpoint, --environment_type, ...) are accepted too.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/options/jobopts"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/claimdiff/claimdiff/beam/claimbeam"
	"github.com/claimdiff/claimdiff/beam/internal/loopback"
	"github.com/claimdiff/claimdiff/corpus"
)

var (
	input     = flag.String("input", "", "JSON-lines files to read: a path or glob on any registered Beam filesystem (required)")
	output    = flag.String("output", "", "prefix of the output files: PREFIX+\"reports.jsonl\" and PREFIX+\"dead-letter.jsonl\" (required)")
	threshold = flag.Float64("threshold", 0, "alignment threshold, as the command's --threshold (0: the default)")
)

func main() {
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: claimdiff-beam --input PATTERN --output PREFIX [--runner RUNNER] [beam flags]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	// Init must come right after flag.Parse: on a remote runner this same
	// binary is the worker, and Init turns it into one there.
	beam.Init()

	if *input == "" || *output == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	body := loopback.WithTempDir(func() int {
		if err := run(context.Background()); err != nil {
			fmt.Fprintln(os.Stderr, "claimdiff-beam:", err)
			return 1
		}
		return 0
	})
	if localPrism() {
		// prism's in-process job server listens on every interface;
		// run inside a network namespace whose only interface is
		// loopback (see package loopback). Local files only: nothing
		// outside this machine is reachable from there.
		loopback.Run(body)
	}
	os.Exit(body())
}

// localPrism reports whether this run starts prism in-process on local
// files.
func localPrism() bool {
	r := *runners.Runner
	if r != "" && r != "prism" && r != "PrismRunner" {
		return false
	}
	return *jobopts.Endpoint == "" && !strings.Contains(*input, "://") && !strings.Contains(*output, "://")
}

func run(ctx context.Context) error {
	cfg := corpus.Config{Threshold: *threshold}
	reportsPath := *output + "reports.jsonl"
	deadPath := *output + "dead-letter.jsonl"

	// textio.Write writes nothing for an empty collection. Start both
	// outputs empty, so that a reader finds both files and never a stale
	// one from an earlier run with the same prefix.
	for _, f := range []string{reportsPath, deadPath} {
		if err := truncate(ctx, f); err != nil {
			return err
		}
	}

	p, s := beam.NewPipelineWithRoot()
	reports, dead := claimbeam.CompareFiles(s, *input, cfg)
	textio.Write(s, reportsPath, reports)
	textio.Write(s, deadPath, dead)

	pr, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	if pr == nil { // an asynchronous submission: nothing to summarise yet
		return nil
	}
	c := counters(pr.Metrics())
	fmt.Fprintf(os.Stderr, "claimdiff-beam: %d lines, %d articles, %d events (%d too large), %d blank lines skipped, %d malformed lines\n",
		c["lines_read"], c["articles"], c["events"]+c["events_too_large"], c["events_too_large"], c["blank_lines"], c["malformed_lines"])
	fmt.Fprintf(os.Stderr, "claimdiff-beam: reports in %s\n", reportsPath)
	if c["malformed_lines"] > 0 {
		fmt.Fprintf(os.Stderr, "claimdiff-beam: malformed lines in %s\n", deadPath)
	}
	return nil
}

// counters sums the claimdiff counters over all steps.
func counters(m metrics.Results) map[string]int64 {
	out := map[string]int64{}
	q := m.Query(func(r metrics.SingleResult) bool { return r.Namespace() == "claimdiff" })
	for _, c := range q.Counters() {
		out[c.Name()] += c.Result()
	}
	return out
}

// truncate creates path as an empty file, replacing any file there.
func truncate(ctx context.Context, path string) error {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return err
	}
	return w.Close()
}
