package main

import (
	"flag"
	"runtime"
)

// runFlags are the flags that say how a run goes, not what it computes.
type runFlags struct {
	jobs   *int
	quiet  *bool
	errors *string
}

func addRunFlags(fs *flag.FlagSet) *runFlags {
	return &runFlags{
		jobs:   fs.Int("jobs", runtime.GOMAXPROCS(0), "how many articles to extract or events to compare at once"),
		quiet:  fs.Bool("quiet", false, "no progress on standard error (it shows only when standard error is a terminal)"),
		errors: fs.String("errors", "", "corpus mode: write the lines that are not articles (dead letters) to this file, one JSON line each"),
	}
}

func (f *runFlags) check(corpusMode bool, files []string) error {
	stdin := 0
	for _, f := range files {
		if f == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return usageError{"standard input (-) can be read only once"}
	}
	if *f.jobs < 1 {
		return usageError{"--jobs must be at least 1"}
	}
	if *f.errors != "" && !corpusMode {
		return usageError{"--errors is for corpus mode (--group-by event)"}
	}
	return nil
}
