package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/claimdiff/claimdiff/summary"
)

// runSummary is "claimdiff summary [--format json|csv] [--table outlets|pairs] REPORTS...":
// it reads report lines as corpus mode writes them ("-" for standard
// input) and writes the tally across events.
func runSummary(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("claimdiff summary", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output: json, or csv (one table, see --table)")
	table := fs.String("table", "outlets", "with --format csv: outlets (one row per outlet) or pairs (the agreement matrix, one row per pair)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimdiff summary [flags] REPORTS.jsonl...")
		fmt.Fprintln(stderr, "Sums up reports of corpus mode (claimdiff --format jsonl --group-by event) per outlet and per pair of outlets.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if *format != "json" && *format != "csv" {
		return usageError{fmt.Sprintf("summary: unknown --format %q", *format)}
	}
	if *table != "outlets" && *table != "pairs" {
		return usageError{fmt.Sprintf("summary: unknown --table %q", *table)}
	}
	files := fs.Args()
	if len(files) == 0 {
		return usageError{"summary: no report files (use - for standard input)"}
	}
	var readers []io.Reader
	for _, f := range files {
		if f == "-" {
			readers = append(readers, stdin)
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		defer fh.Close()
		readers = append(readers, fh)
	}
	b := summary.New()
	for i, r := range readers {
		if err := b.ReadReports(r); err != nil {
			return fmt.Errorf("%s: %w", files[i], err)
		}
	}
	s := b.Summary()
	out := bufio.NewWriter(stdout)
	var err error
	switch {
	case *format == "json":
		err = s.WriteJSON(out)
	case *table == "pairs":
		err = s.WritePairsCSV(out)
	default:
		err = s.WriteOutletsCSV(out)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}
