package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/compare/embedproc"
	"github.com/claimdiff/claimdiff/extract"
)

// embedFlags are the flags of semantic similarity: a sentence-embedding
// model run as a subprocess (package embedproc has the protocol).
type embedFlags struct {
	cmd     *string
	timeout *time.Duration
	weight  *float64
}

func addEmbedFlags(fs *flag.FlagSet) *embedFlags {
	return &embedFlags{
		cmd:     fs.String("embed-cmd", "", "a sentence-embedding `COMMAND`, run once through sh -c, that reads JSON lines {\"id\",\"text\"} on its input and answers {\"id\",\"vector\"}; claims are then compared by meaning as well as words (README, \"Semantic similarity\")"),
		timeout: fs.Duration("embed-timeout", embedproc.DefaultTimeout, "how long the embedding command may take for one batch of texts, the model's loading included for the first"),
		weight:  fs.Float64("semantic-weight", compare.DefaultSemanticWeight, "with --embed-cmd, the share w of the semantic score: score = (1-w)·lexical + w·semantic"),
	}
}

// check returns a usage error for flags that do not fit together.
func (f *embedFlags) check(groupBy string) error {
	if *f.cmd == "" {
		return nil
	}
	if groupBy != "" {
		return usageError{"--embed-cmd does not work with --group-by yet"}
	}
	if *f.weight < 0 || *f.weight > 1 {
		return usageError{"--semantic-weight must be between 0 and 1"}
	}
	if *f.timeout <= 0 {
		return usageError{"--embed-timeout must be positive"}
	}
	return nil
}

// compare compares docs, through the embedding command when one is given:
// started once, stopped at the end (input closed, then killed after a
// grace period), its failures an error of the run, never a quiet fall back
// to words alone.
func (f *embedFlags) compare(docs []*extract.Document, opts []compare.Option, stderr io.Writer) (r *compare.Report, err error) {
	if *f.cmd == "" {
		return compare.Compare(docs, opts...), nil
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	p, err := embedproc.StartShell(*f.cmd, embedproc.Timeout(*f.timeout), embedproc.Stderr(stderr))
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := p.Close(); err == nil && cerr != nil {
			r, err = nil, cerr
		}
	}()
	opts = append(opts, compare.WithEmbedder(p), compare.SemanticWeight(*f.weight))
	r, err = compare.CompareContext(ctx, docs, opts...)
	if err != nil {
		return nil, fmt.Errorf("semantic similarity: %w", err)
	}
	return r, nil
}
