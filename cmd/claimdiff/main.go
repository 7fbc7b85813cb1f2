// Command claimdiff compares how several news outlets report one event,
// claim by claim: which claims they share, where they agree, where a fact
// conflicts, where only the framing differs, and what each outlet alone
// carries.
//
// Usage:
//
//	claimdiff [flags] FILE...
//
// Each FILE is an article: .txt (plain text), .json or .jsonl (objects with
// "outlet", "title", "published", "url", "text"), .html (a saved web page),
// or - for standard input (read as --input says). With --group-by event,
// the files are JSON lines of articles with an "event" field and the output
// is one JSON report per event per line.
//
// In corpus mode a line that is not an article (malformed JSON, no
// "event", no text, binary data) does not stop the run: the other events
// are reported, the bad line goes to the dead-letter file given with
// --errors FILE (one JSON line each: file, line, error, input) and is
// counted on standard error. Progress shows on standard error when it is
// a terminal (--quiet hides it); --jobs N sets how many articles or events
// are worked on at once. Ctrl-C stops the run and leaves only complete
// report lines.
//
// With --embed-cmd COMMAND, claims are compared by meaning as well as by
// words: COMMAND (run once through sh -c) is a sentence-embedding model
// speaking JSON lines on its standard input and output (package
// compare/embedproc has the protocol; examples/embed has one for
// sentence-transformers). Any failure of it is an error of the run.
//
// Exit status: 0 on success; 1 when an input cannot be read (the message
// names the file, and the line for JSON lines), is not text, or the
// embedding command fails (the message names it); 2 on a usage error; 3
// when corpus mode reported every good event but some lines went to dead
// letters; 130 when interrupted.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
)

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// outBuffer is the size of the buffer in front of standard output.
const outBuffer = 1 << 16

func main() {
	if !asksMemProfile(os.Args[1:]) { // profile.go
		// Set once, before any goroutine starts, as package runtime asks.
		runtime.MemProfileRate = 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C ends the process at once
	}()
	stopPacing := paceGC() // gcpace.go
	err := runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopPacing()
	os.Exit(exitStatus(ctx, err, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "summary" {
		return runSummary(args[1:], stdin, stdout, stderr) // summary.go
	}
	fs := flag.NewFlagSet("claimdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output: text, json, jsonl, csv, markdown or html")
	ff := addFormatFlags(fs) // formats.go
	threshold := fs.Float64("threshold", 0, fmt.Sprintf("score at which two claims align (default %.2f)", compare.DefaultThreshold))
	noOmission := fs.Bool("no-omission-model", false, "list every claim in no aligned group as unique: no likely_carried (run.omission_model says off: option)")
	omissionCut := fs.Float64("omission-cut", 0, "the omission model's probability from which an unaligned claim is likely carried, not unique: lower gives fewer, more often right omissions (0, the default: the model's stored cut; run.omission_model.cut gives the cut used)")
	noPair := fs.Bool("no-pair-model", false, "decide two claims compared without context by the threshold alone, not the pair model (run.pair_model says off: option)")
	outlets := fs.String("outlet", "", "comma-separated outlet names for the files, in order")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles that do not give one")
	groupBy := fs.String("group-by", "", `corpus mode: "event" reads JSON lines with an "event" field and writes one report per event`)
	input := fs.String("input", "text", "how to read standard input (-): text, json or html")
	rf := addRunFlags(fs)
	prof := addProfileFlags(fs) // profile.go
	embed := addEmbedFlags(fs)  // embedcmd.go
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimdiff [flags] FILE...   or   claimdiff summary [flags] REPORTS.jsonl...")
		fmt.Fprintln(stderr, "Compares how several outlets report one event, claim by claim.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	defer prof.start(stderr)()
	files := fs.Args()
	if len(files) == 0 {
		return usageError{"no input files"}
	}
	if *threshold < 0 || *threshold > 1 {
		return usageError{"--threshold must be between 0 and 1"}
	}
	if *omissionCut < 0 || *omissionCut > 1 || math.IsNaN(*omissionCut) {
		return usageError{"--omission-cut must be between 0 and 1"}
	}
	switch *format {
	case "text", "json", "jsonl", "csv", "markdown", "html":
	default:
		return usageError{fmt.Sprintf("unknown --format %q", *format)}
	}
	if err := embed.check(); err != nil {
		return err
	}
	if err := rf.check(*groupBy != "", files); err != nil {
		return err
	}
	if *published != "" {
		if _, err := time.Parse("2006-01-02", *published); err != nil {
			return usageError{fmt.Sprintf("--published %q is not a date YYYY-MM-DD", *published)}
		}
	}
	var names []string
	if *outlets != "" {
		names = strings.Split(*outlets, ",")
		if *groupBy == "" && len(names) != len(files) {
			return usageError{fmt.Sprintf("--outlet names %d outlets for %d files (one per file, in order; leave one empty to keep the file's own)", len(names), len(files))}
		}
	}
	// A report can run to hundreds of megabytes (a 30 MB article writes
	// 390 MB of JSON): the default 4 KiB buffer made a write system call
	// per 4 KiB.
	out := bufio.NewWriterSize(stdout, outBuffer)
	defer out.Flush()
	if *groupBy != "" {
		if *groupBy != "event" {
			return usageError{fmt.Sprintf("--group-by %q: only \"event\" is known", *groupBy)}
		}
		if err := ff.corpusFormat(*format); err != nil { // formats.go
			return err
		}
		if *outlets != "" || *published != "" {
			return usageError{"--outlet and --published are for article files; in corpus mode each line carries its own"}
		}
		err := embed.run(stderr, func(opts []compare.Option) error { // embedcmd.go
			if *noOmission {
				opts = append(opts, compare.OmissionModel(false))
			}
			if *omissionCut > 0 {
				opts = append(opts, compare.OmissionCut(*omissionCut))
			}
			if *noPair {
				opts = append(opts, compare.PairModel(false))
			}
			w, finish := ff.corpusOutput(*format, out) // formats.go: CSV, HTML and the summary read the report lines
			err := runCorpus(ctx, files, stdin, w, corpus.Config{Threshold: *threshold}.WithOptions(opts...), rf, stderr)
			var de deadLettersError
			if err != nil && !errors.As(err, &de) {
				return err
			}
			// Dead letters cost no good event: the output is finished,
			// and the run still ends with exit status 3.
			if ferr := finish(); ferr != nil {
				return ferr
			}
			return err
		})
		if ferr := out.Flush(); err == nil {
			err = ferr
		}
		return err
	}
	setMemoryLimit(inputSize(files))
	docs, err := readFiles(ctx, files, stdin, *input, names, *published, rf, stderr)
	if err != nil {
		return err
	}
	var cmpOpts []compare.Option
	if *threshold > 0 {
		cmpOpts = append(cmpOpts, compare.Threshold(*threshold))
	}
	if *noOmission {
		cmpOpts = append(cmpOpts, compare.OmissionModel(false))
	}
	if *omissionCut > 0 {
		cmpOpts = append(cmpOpts, compare.OmissionCut(*omissionCut))
	}
	if *noPair {
		cmpOpts = append(cmpOpts, compare.PairModel(false))
	}
	r, err := embed.compare(ctx, docs, cmpOpts, stderr)
	if err != nil {
		return err
	}
	switch *format {
	case "text":
		err = r.WriteText(out)
	case "json":
		err = r.WriteJSON(out)
	case "jsonl":
		err = r.WriteJSONLine(out)
	case "csv":
		err = r.WriteCSV(out)
	case "markdown":
		err = r.WriteMarkdown(out)
	case "html":
		err = r.WriteHTML(out)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}

func readInput(f string, stdin io.Reader, input string, opts []extract.Option) ([]*extract.Document, error) {
	if f == "-" {
		name := "stdin.txt"
		switch input {
		case "json":
			name = "stdin.jsonl"
		case "html":
			name = "stdin.html"
		case "text":
		default:
			return nil, usageError{fmt.Sprintf("unknown --input %q", input)}
		}
		return extract.ReadNamed(stdin, name, opts...)
	}
	return extract.ReadFile(f, opts...)
}

// reextract runs extraction again with more options, keeping what the
// first reading found in the input itself.
func reextract(d *extract.Document, opts []extract.Option) (*extract.Document, error) {
	base := []extract.Option{extract.WithOutlet(d.Outlet), extract.WithTitle(d.Title), extract.WithURL(d.URL), extract.WithSource(d.Source)}
	n := extract.Extract(d.Text, append(base, opts...)...)
	n.KeptText = d.KeptText
	return n, nil
}
