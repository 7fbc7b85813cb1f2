package corpus_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/corpus"
)

// FuzzCorpusLines feeds arbitrary bytes to corpus mode's reader: JSON
// lines, JSON arrays, binary junk. It must not panic or hang; every record
// must be either part of a report or a dead letter (or blank); every dead
// letter's line must exist; every report line must be valid JSON; and a
// file and a pipe (one reading or two) must give the same bytes.
func FuzzCorpusLines(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "hostile.jsonl")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"event":"a","text":"The bridge closed on Monday."}` + "\n" + `{"event":"a","text":"The bridge was shut on Monday."}`))
	f.Add([]byte("[\n{\"event\":\"a\",\"text\":\"One.\"},\n{\"event\":\"b\",\"text\":\"Two.\"}\n]"))
	f.Add([]byte("[{\"event\":\"a\",\"text\":\"One.\"}, 5, \"x\", [], {}]"))
	f.Add([]byte("\xef\xbb\xbf[\n{\"event\":\"a\",\"text\":\"cut"))
	f.Add([]byte("\n\n\r\n  \n{\"event\":\"\",\"text\":\"x\"}\n{\"event\":\"a\",\"text\":\"\\u0000\"}"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 1<<16 {
			return
		}
		file, dead, st, err := run(t, context.Background(), []corpus.Input{{Name: "f.jsonl", R: bytes.NewReader(in)}}, corpus.Jobs(2))
		if err != nil {
			t.Fatalf("run failed: %v", err)
		}
		if st.Articles+st.DeadLetters > st.Records || st.Records != st.TotalRecords {
			t.Fatalf("stats %+v", st)
		}
		lines := bytes.Count(in, []byte("\n")) + 1
		for _, d := range dead {
			if d.Line < 1 || d.Line > lines || d.File != "f.jsonl" || !strings.HasPrefix(d.Error, "f.jsonl:") {
				t.Fatalf("dead letter %+v outside the %d lines", d, lines)
			}
		}
		articles := 0
		for _, l := range bytes.Split(bytes.TrimSuffix(file, []byte("\n")), []byte("\n")) {
			if len(file) == 0 {
				break
			}
			var r struct {
				Event     *string
				Documents []json.RawMessage
			}
			if err := json.Unmarshal(l, &r); err != nil || r.Event == nil {
				t.Fatalf("report line is not a report: %q (%v)", l, err)
			}
			articles += len(r.Documents)
		}
		if articles != st.Articles {
			t.Fatalf("%d articles read, %d in reports", st.Articles, articles)
		}
		pipe, dead2, _, err := run(t, context.Background(), []corpus.Input{{Name: "f.jsonl", R: onlyReader{bytes.NewReader(in)}}}, corpus.Jobs(1))
		if err != nil || !bytes.Equal(file, pipe) || len(dead2) != len(dead) {
			t.Fatalf("a pipe gave other bytes (%v)", err)
		}
	})
}
