package main

import (
	"context"
	"flag"
	"fmt"
	"io"
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
		cmd:     fs.String("embed-cmd", "", "a sentence-embedding `COMMAND`, run once through sh -c, that reads JSON lines {\"id\",\"text\"} on its input and answers {\"id\",\"vector\"}; claims are then compared by meaning as well as words (README, \"With a sentence-embedding model\"); the report's run record keeps COMMAND, so pass secrets in the environment"),
		timeout: fs.Duration("embed-timeout", embedproc.DefaultTimeout, "how long the embedding command may take for one batch of texts, the model's loading included for the first"),
		weight:  fs.Float64("semantic-weight", compare.DefaultSemanticWeight, "with --embed-cmd, the share w of the semantic score: score = (1-w)·lexical + w·semantic"),
	}
}

// check returns a usage error for flags that do not fit together.
func (f *embedFlags) check() error {
	if !(*f.weight >= 0 && *f.weight <= 1) { // NaN too
		return usageError{"--semantic-weight must be between 0 and 1"}
	}
	if *f.timeout <= 0 {
		return usageError{"--embed-timeout must be positive"}
	}
	return nil
}

// compare compares docs, through the embedding command when one is given.
// A cancelled ctx (Ctrl-C) stops the comparison and the command.
func (f *embedFlags) compare(ctx context.Context, docs []*extract.Document, opts []compare.Option, stderr io.Writer) (r *compare.Report, err error) {
	err = f.run(stderr, func(embed []compare.Option) error {
		r, err = compare.CompareContext(ctx, docs, append(opts, embed...)...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// run calls fn with the options that use the embedding command, when
// one is given: the command is started once and stopped at the end (input
// closed, then killed after a grace period); its failures, and an exit
// status other than 0 when it stops, are an error of the run, never a
// quiet fall back to words alone.
func (f *embedFlags) run(stderr io.Writer, fn func(embed []compare.Option) error) (err error) {
	if *f.cmd == "" {
		return fn(nil)
	}
	p, err := embedproc.StartShell(*f.cmd, embedproc.Timeout(*f.timeout), embedproc.Stderr(stderr))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := p.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := fn([]compare.Option{compare.WithEmbedder(p), compare.SemanticWeight(*f.weight)}); err != nil {
		return fmt.Errorf("semantic similarity: %w", err)
	}
	return nil
}
