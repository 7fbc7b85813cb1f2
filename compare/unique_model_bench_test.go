package compare_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/compare"
)

// BenchmarkOmissionModel compares the 50 real events of three articles
// (as BenchmarkCompareReal, without writing) with the omission model on
// and off: what the model's second candidate search and coverage cost.
func BenchmarkOmissionModel(b *testing.B) {
	events := realEvents(b)
	for _, on := range []bool{true, false} {
		name := "off"
		if on {
			name = "on"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, docs := range events {
					compare.Compare(docs, compare.OmissionModel(on))
				}
			}
		})
	}
}
