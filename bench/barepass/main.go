// Command barepass is the floor corpus mode is measured against (README,
// "Speed and memory"): it decodes the same JSON lines with encoding/json
// and splits every text into words, and does nothing else. It prints the
// number of articles and words, so the work cannot be skipped.
//
//	go run ./bench/barepass corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

func main() {
	articles, words := 0, 0
	for _, path := range os.Args[1:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "barepass:", err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var a struct {
				Event, Outlet, Title, Published, URL, Text string
			}
			if len(sc.Bytes()) == 0 {
				continue
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				fmt.Fprintln(os.Stderr, "barepass:", err)
				os.Exit(1)
			}
			articles++
			words += len(strings.Fields(a.Text))
		}
		f.Close()
		if err := sc.Err(); err != nil {
			fmt.Fprintln(os.Stderr, "barepass:", err)
			os.Exit(1)
		}
	}
	fmt.Println(articles, "articles,", words, "words")
}
