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
// With --embed-cmd COMMAND, claims are compared by meaning as well as by
// words: COMMAND (run once through sh -c) is a sentence-embedding model
// speaking JSON lines on its standard input and output (package
// compare/embedproc has the protocol; examples/embed has one for
// sentence-transformers). Any failure of it is an error of the run.
//
// Exit status: 0 on success, 1 when an input cannot be read (the message
// names the file, and the line for JSON lines) or the embedding command
// fails (the message names it), 2 on a usage error.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
)

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	var ue usageError
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.As(err, &ue):
		fmt.Fprintln(os.Stderr, "claimdiff:", err)
		fmt.Fprintln(os.Stderr, "run 'claimdiff -h' for usage")
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "claimdiff:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("claimdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output: text, json, jsonl, markdown or html")
	threshold := fs.Float64("threshold", 0, fmt.Sprintf("score at which two claims align (default %.2f)", compare.DefaultThreshold))
	outlets := fs.String("outlet", "", "comma-separated outlet names for the files, in order")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles that do not give one")
	groupBy := fs.String("group-by", "", `corpus mode: "event" reads JSON lines with an "event" field and writes one report per event`)
	input := fs.String("input", "text", "how to read standard input (-): text, json or html")
	embed := addEmbedFlags(fs) // embedcmd.go
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimdiff [flags] FILE...")
		fmt.Fprintln(stderr, "Compares how several outlets report one event, claim by claim.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	files := fs.Args()
	if len(files) == 0 {
		return usageError{"no input files"}
	}
	if *threshold < 0 || *threshold > 1 {
		return usageError{"--threshold must be between 0 and 1"}
	}
	switch *format {
	case "text", "json", "jsonl", "markdown", "html":
	default:
		return usageError{fmt.Sprintf("unknown --format %q", *format)}
	}
	if err := embed.check(*groupBy); err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *groupBy != "" {
		if *groupBy != "event" {
			return usageError{fmt.Sprintf("--group-by %q: only \"event\" is known", *groupBy)}
		}
		if *format != "jsonl" {
			return usageError{"--group-by event writes --format jsonl"}
		}
		if err := runCorpus(files, stdin, out, corpus.Config{Threshold: *threshold}); err != nil {
			return err
		}
		return out.Flush()
	}
	var names []string
	if *outlets != "" {
		names = strings.Split(*outlets, ",")
	}
	var docs []*extract.Document
	for i, f := range files {
		var opts []extract.Option
		if i < len(names) && strings.TrimSpace(names[i]) != "" {
			opts = append(opts, extract.WithOutlet(strings.TrimSpace(names[i])))
		}
		ds, err := readInput(f, stdin, *input, opts)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if d.Published == "" && *published != "" {
				// Re-read with the date: relative dates resolve against it.
				d2, err := reextract(d, append(opts, extract.WithPublished(*published)))
				if err != nil {
					return err
				}
				d = d2
			}
			docs = append(docs, d)
		}
	}
	var cmpOpts []compare.Option
	if *threshold > 0 {
		cmpOpts = append(cmpOpts, compare.Threshold(*threshold))
	}
	r, err := embed.compare(docs, cmpOpts, stderr)
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

// runCorpus runs corpus mode over all files at once, so that an event
// whose articles are spread over several files is compared as one.
func runCorpus(files []string, stdin io.Reader, w io.Writer, cfg corpus.Config) error {
	var inputs []corpus.Input
	for _, f := range files {
		if f == "-" {
			inputs = append(inputs, corpus.Input{Name: "stdin", R: stdin})
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		defer fh.Close()
		inputs = append(inputs, corpus.Input{Name: f, R: fh})
	}
	return corpus.RunInputs(inputs, w, cfg)
}
