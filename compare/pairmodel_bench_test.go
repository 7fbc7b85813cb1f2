package compare

import "testing"

// BenchmarkPairModel compares the 4,076 MRPC training pairs one by one,
// each two one-sentence documents (a corpus of two-sentence events, where
// the pair model decides every pair), with the model and without it.
func BenchmarkPairModel(b *testing.B) {
	rows := loadMRPC(b)
	for _, c := range []struct {
		name string
		opts []Option
	}{{"on", nil}, {"off", []Option{PairModel(false)}}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range rows {
					Compare(r.docs, c.opts...)
				}
			}
		})
	}
}
