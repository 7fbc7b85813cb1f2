package main

import (
	"context"
	"io"
	"os"

	"github.com/claimdiff/claimdiff/corpus"
)

// runCorpus runs corpus mode over all files at once, so that an event
// whose articles are spread over several files is compared as one.
func runCorpus(ctx context.Context, files []string, stdin io.Reader, w io.Writer, cfg corpus.Config, rf *runFlags, stderr io.Writer) error {
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
	prog := newProgress(stderr, *rf.quiet)
	dead, err := newDeadLetters(*rf.errors, stderr, prog)
	if err != nil {
		return err
	}
	st, err := corpus.RunContext(ctx, inputs, w, cfg,
		corpus.Jobs(*rf.jobs),
		corpus.OnDeadLetter(dead.add),
		corpus.OnProgress(func(s corpus.Stats) { prog.status(func() string { return corpusStatus(s) }) }))
	prog.clear()
	derr := dead.close(st.Records)
	if err != nil {
		return err
	}
	return derr
}
