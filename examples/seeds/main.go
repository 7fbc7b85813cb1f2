// Command seeds compares the two real articles the project started from
// (testdata/seeds): two outlets' reports of a planned meeting between the
// US envoy Steve Witkoff and the Hamas official Khalil al-Hayya.
//
//	go run ./examples/seeds              # a report to read in the terminal
//	go run ./examples/seeds -format json # the JSON contract
//
// The first article, scraped from a feed, carries no publication date; the
// second gives 2025-11-21 on its date line, and both report the same days'
// news, so -published (default 2025-11-21) fills the gap. Relative dates
// ("on Saturday") resolve against it, and "Sept. 9" meets "September 9".
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

func main() {
	dir := flag.String("dir", filepath.Join("testdata", "seeds"), "folder with the seed articles")
	published := flag.String("published", "2025-11-21", "publication date for an article that gives none")
	format := flag.String("format", "text", "text, json, markdown or html")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*dir, "*.txt"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "seeds: no articles in %s (run from the repository root)\n", *dir)
		os.Exit(1)
	}
	var docs []*extract.Document
	for _, f := range files {
		ds, err := extract.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "seeds:", err)
			os.Exit(1)
		}
		d := ds[0]
		if d.Published == "" {
			d = extract.Extract(d.Text, extract.WithSource(d.Source), extract.WithOutlet(d.Outlet),
				extract.WithTitle(d.Title), extract.WithPublished(*published))
		}
		docs = append(docs, d)
	}
	r := compare.Compare(docs)
	switch *format {
	case "json":
		err = r.WriteJSON(os.Stdout)
	case "markdown":
		err = r.WriteMarkdown(os.Stdout)
	case "html":
		err = r.WriteHTML(os.Stdout)
	default:
		err = r.WriteText(os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "seeds:", err)
		os.Exit(1)
	}
}
