package compare_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
	"github.com/claimdiff/claimdiff/internal/newsgen"
)

// BenchmarkCompare compares the two seed articles (extraction done once,
// outside the timer).
func BenchmarkCompare(b *testing.B) {
	docs := seeds(b)
	b.ReportAllocs()
	for b.Loop() {
		compare.Compare(docs)
	}
}

// benchCorpus writes events × outlets JSON lines of short synthetic
// articles, varied per event so that no two events are alike.
func benchCorpus(events, outlets int) []byte {
	var buf bytes.Buffer
	verbs := []string{"said", "claimed", "reported", "confirmed"}
	for e := 0; e < events; e++ {
		for o := 0; o < outlets; o++ {
			text := fmt.Sprintf("Officials in Town%d said %d people were hurt when a fire broke out at a warehouse on Tuesday. "+
				"The blaze was brought under control after %d hours, the fire brigade %s. "+
				"Residents of District%d were reportedly told to keep their windows closed. "+
				"Outlet%d alone adds that the owner, Firm%d Holdings, denied any safety breach.",
				e, 10+o, 3+e%4, verbs[(e+o)%4], e%7, o, e)
			fmt.Fprintf(&buf, `{"event":"e%d","outlet":"Outlet%d","published":"2026-01-15","text":%q}`+"\n", e, o, text)
		}
	}
	return buf.Bytes()
}

// BenchmarkCorpus is corpus mode on 100 events of 3 articles each:
// extraction and comparison, as the command runs them.
func BenchmarkCorpus(b *testing.B) {
	data := benchCorpus(100, 3)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if err := corpus.Run(bytes.NewReader(data), "bench.jsonl", &out, corpus.Config{}); err != nil {
			b.Fatal(err)
		}
		if n := strings.Count(out.String(), "\n"); n != 100 {
			b.Fatalf("%d report lines, want 100", n)
		}
	}
}

// BenchmarkCompareLarge compares two 300-claim articles.
func BenchmarkCompareLarge(b *testing.B) {
	mk := func(o int) *extract.Document {
		var sb strings.Builder
		for i := 0; i < 300; i++ {
			fmt.Fprintf(&sb, "Officials in Town%d said %d people were hurt when fire broke out at warehouse %d on Tuesday, outlet %d reported. ", i, i+o, i*7, o)
		}
		return extract.Extract(sb.String())
	}
	docs := []*extract.Document{mk(1), mk(2)}
	b.ReportAllocs()
	for b.Loop() {
		compare.Compare(docs)
	}
}

// realEvents is the development events (compare.DevEvents).
var realEvents = compare.DevEvents

// BenchmarkCompareReal compares the 50 real events of three articles
// (extraction done once, outside the timer) and writes their JSON.
func BenchmarkCompareReal(b *testing.B) {
	events := realEvents(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, docs := range events {
			if err := compare.Compare(docs).WriteJSONLine(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// genEvent extracts one made-up event of n articles of about claims
// sentences each (internal/newsgen).
func genEvent(b *testing.B, n, claims int) []*extract.Document {
	var buf bytes.Buffer
	if _, err := newsgen.Write(&buf, newsgen.Options{Events: 1, Outlets: n, Claims: claims, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var docs []*extract.Document
	err := extract.ScanLines(&buf, func(line int, raw []byte) error {
		a, err := extract.ParseArticle(raw)
		if err != nil {
			return err
		}
		d, err := a.Document()
		docs = append(docs, d)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkEvent200 compares one event of 200 articles of 30 sentences
// (extraction done once, outside the timer) and writes its JSON.
func BenchmarkEvent200(b *testing.B) {
	docs := genEvent(b, 200, 30)
	b.ReportAllocs()
	for b.Loop() {
		if err := compare.Compare(docs).WriteJSONLine(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkArticle30MB extracts one 30 MB article of made-up news and
// writes its report as JSON, as claimdiff --format json does with one
// file.
func BenchmarkArticle30MB(b *testing.B) {
	var buf bytes.Buffer
	if _, err := newsgen.Write(&buf, newsgen.Options{Events: 1 << 30, Seed: 2, MaxBytes: 31 << 20}); err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	err := extract.ScanLines(&buf, func(line int, raw []byte) error {
		a, err := extract.ParseArticle(raw)
		if err != nil {
			return err
		}
		if sb.Len() < 30<<20 {
			sb.WriteString(a.Text)
			sb.WriteString("\n\n")
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := extract.Extract(text, extract.WithOutlet("Big Wire"), extract.WithPublished("2025-03-01"))
		if err := compare.Compare([]*extract.Document{d}).WriteJSON(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
