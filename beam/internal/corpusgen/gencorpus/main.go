// Command gencorpus writes a synthetic JSON-lines corpus for the Beam
// pipeline's tests and benchmarks (see package corpusgen). Its output is
// test data made from templates, not news.
//
//	go run ./internal/corpusgen/gencorpus -events 120 -malformed -o testdata/corpus.jsonl
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/claimdiff/claimdiff/beam/internal/corpusgen"
)

func main() {
	var opt corpusgen.Options
	out := flag.String("o", "-", "output file (- for standard output)")
	flag.IntVar(&opt.Events, "events", 120, "number of events")
	flag.Int64Var(&opt.Seed, "seed", 7, "random seed")
	flag.BoolVar(&opt.Malformed, "malformed", false, "add malformed and blank lines")
	flag.IntVar(&opt.HotEvent, "hot", 0, "add one event with this many articles")
	flag.Parse()

	w := os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := corpusgen.Generate(w, opt); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
