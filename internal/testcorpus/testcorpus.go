// Package testcorpus turns the article sets written for tests
// (testdata/sets: one folder per event, one file per outlet) into a
// corpus of JSON lines with an "event" field, for tests of corpus mode,
// the summary across events and the schemas.
package testcorpus

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

// Sets reads every set under dir (testdata/sets) and returns the corpus:
// one line per article, the event named after its folder, the outlet
// taken from the article or, for a .txt file, from its file name. Sets
// with fewer than two articles are left out.
func Sets(dir string) ([]byte, error) {
	folders, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return nil, err
	}
	sort.Strings(folders)
	var out bytes.Buffer
	for _, f := range folders {
		files, _ := filepath.Glob(filepath.Join(f, "*"))
		sort.Strings(files)
		var lines [][]byte
		for _, p := range files {
			ext := filepath.Ext(p)
			if ext != ".txt" && ext != ".json" {
				continue
			}
			docs, err := extract.ReadFile(p)
			if err != nil {
				return nil, err
			}
			for _, d := range docs {
				outlet := d.Outlet
				if outlet == "" {
					outlet = strings.ReplaceAll(strings.TrimSuffix(filepath.Base(p), ext), "_", " ")
				}
				b, err := json.Marshal(extract.Article{Event: filepath.Base(f), Outlet: outlet, Title: d.Title,
					Published: d.Published, URL: d.URL, Source: filepath.Base(p), Text: d.Text})
				if err != nil {
					return nil, err
				}
				lines = append(lines, b)
			}
		}
		if len(lines) < 2 {
			continue
		}
		for _, l := range lines {
			out.Write(l)
			out.WriteByte('\n')
		}
	}
	if err := checkNonEmpty(out.Len()); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func checkNonEmpty(n int) error {
	if n == 0 {
		return os.ErrNotExist
	}
	return nil
}
