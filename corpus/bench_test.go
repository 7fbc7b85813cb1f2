package corpus_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/internal/newsgen"
)

// realCorpus is ../shared/dev/basil/corpus.jsonl (real news, 50 events of
// three outlets) repeated with renamed events until it holds at least
// minBytes, so that every copy is an event of its own.
func realCorpus(b *testing.B, minBytes int) []byte {
	raw, err := os.ReadFile("../../shared/dev/basil/corpus.jsonl")
	if err != nil {
		b.Skip("../shared/dev is absent")
	}
	var recs []map[string]any
	for _, line := range bytes.Split(raw, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			b.Fatal(err)
		}
		recs = append(recs, m)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	for r := 0; out.Len() < minBytes; r++ {
		for _, m := range recs {
			c := map[string]any{}
			for k, v := range m {
				c[k] = v
			}
			c["event"] = m["event"].(string) + "-r" + string(rune('a'+r%26)) + string(rune('a'+r/26))
			if err := enc.Encode(c); err != nil {
				b.Fatal(err)
			}
		}
	}
	return out.Bytes()
}

func runCorpus(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := corpus.Run(bytes.NewReader(data), "bench.jsonl", io.Discard, corpus.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCorpusReal is corpus mode on the real-news corpus repeated to
// 10 MB.
func BenchmarkCorpusReal(b *testing.B) {
	runCorpus(b, realCorpus(b, 10<<20))
}

// BenchmarkCorpusGenerated is corpus mode on 10 MB of made-up news of the
// same shape (internal/newsgen: events of three outlets, about thirty
// sentences an article).
func BenchmarkCorpusGenerated(b *testing.B) {
	var buf bytes.Buffer
	if _, err := newsgen.Write(&buf, newsgen.Options{Events: 1 << 30, Seed: 1, MaxBytes: 10 << 20}); err != nil {
		b.Fatal(err)
	}
	runCorpus(b, buf.Bytes())
}
