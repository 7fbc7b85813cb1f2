// Command toy is a stand-in embedding command for trying claimdiff's
// --embed-cmd without a model, and a template for an embedding command
// written in Go: it speaks the protocol of package compare/embedproc with
// the vectors of a tiny table of news paraphrases (internal/toyembed:
// "quit", "resigned" and "stepped down" are one concept). It is not a
// semantic model.
//
//	go build -o /tmp/toy-embed ./examples/embed/toy
//	claimdiff --embed-cmd /tmp/toy-embed examples/embed/northwind.txt examples/embed/eastgate.txt
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/compare/embedproc"
	"github.com/claimdiff/claimdiff/internal/toyembed"
)

func main() {
	if err := embedproc.Serve(context.Background(), os.Stdin, os.Stdout, compare.EmbedderFunc(toyembed.EmbedAll)); err != nil {
		fmt.Fprintln(os.Stderr, "toy:", err)
		os.Exit(1)
	}
}
