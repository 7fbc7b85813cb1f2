// Command gennews writes a made-up news corpus (JSON lines, see
// internal/newsgen) for benchmarks: go run ./bench/gennews -mb 13 > corpus.jsonl
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/claimdiff/claimdiff/internal/newsgen"
)

func main() {
	mb := flag.Float64("mb", 13, "stop after this many megabytes")
	outlets := flag.Int("outlets", 3, "articles per event")
	events := flag.Int("events", 1<<30, "at most this many events")
	claims := flag.Int("claims", 30, "sentences per article")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	_, err := newsgen.Write(w, newsgen.Options{Events: *events, Outlets: *outlets, Claims: *claims, Seed: *seed, MaxBytes: int(*mb * (1 << 20))})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gennews:", err)
		os.Exit(1)
	}
}
