package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/claimdiff/claimdiff/extract"
)

// readFiles reads and extracts the article files, up to --jobs at once,
// and returns their documents in the order of the files. names are the
// --outlet names (one per file, or none); published is the fallback date.
func readFiles(ctx context.Context, files []string, stdin io.Reader, input string, names []string, published string, rf *runFlags, stderr io.Writer) ([]*extract.Document, error) {
	prog := newProgress(stderr, *rf.quiet)
	defer prog.clear()
	per := make([][]*extract.Document, len(files))
	errs := make([]error, len(files))
	sem := make(chan struct{}, *rf.jobs)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i, f := range files {
		var opts []extract.Option
		if i < len(names) && strings.TrimSpace(names[i]) != "" {
			opts = append(opts, extract.WithOutlet(strings.TrimSpace(names[i])))
		}
		sem <- struct{}{}
		if err := ctx.Err(); err != nil {
			<-sem
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			per[i], errs[i] = readOne(f, stdin, input, opts, published)
			mu.Lock()
			done++
			prog.status(func() string { return fmt.Sprintf("read %d of %d files", done, len(files)) })
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var docs []*extract.Document
	for i := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		docs = append(docs, per[i]...)
	}
	return docs, nil
}

// readOne reads one file; articles that give no date are read again with
// the --published date, so that relative dates resolve against it.
func readOne(f string, stdin io.Reader, input string, opts []extract.Option, published string) ([]*extract.Document, error) {
	ds, err := readInput(f, stdin, input, opts)
	if err != nil {
		return nil, err
	}
	for k, d := range ds {
		if d.Published == "" && published != "" {
			d2, err := reextract(d, append(opts, extract.WithPublished(published)))
			if err != nil {
				return nil, err
			}
			ds[k] = d2
		}
	}
	return ds, nil
}
