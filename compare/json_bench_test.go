package compare_test

import (
	"encoding/json"
	"io"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
)

// BenchmarkWriteJSONReal writes the reports of the 50 real events of
// three articles (compared once, outside the timer) as corpus mode does,
// with the hand-written encoders ("hand") and, for comparison, with
// encoding/json's reflection ("reflect": json.Encoder, HTML escaping off).
func BenchmarkWriteJSONReal(b *testing.B) {
	events := realEvents(b)
	reports := make([]*compare.Report, len(events))
	for i, docs := range events {
		reports[i] = compare.Compare(docs)
	}
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range reports {
				if err := r.WriteJSONLine(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("reflect", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range reports {
				enc := json.NewEncoder(io.Discard)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
