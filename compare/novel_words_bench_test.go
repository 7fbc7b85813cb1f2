package compare_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// novelDocs returns two documents of sentences made of words no earlier
// comparison has seen: 9 letters from a 16-letter alphabet, so that many
// words share trigrams and the spelling-neighbour index's lists grow with
// every word it has met.
func novelDocs(words int, seed uint64) []*extract.Document {
	r := rand.New(rand.NewPCG(seed, 7))
	var docs []*extract.Document
	for d := 0; d < 2; d++ {
		var sb strings.Builder
		for i := 0; i < words/2; i++ {
			for k := 0; k < 9; k++ {
				sb.WriteByte("abcdefghijklmnop"[r.IntN(16)])
			}
			if i%12 == 11 {
				sb.WriteString(".\n\n")
			} else {
				sb.WriteByte(' ')
			}
		}
		docs = append(docs, extract.Extract(sb.String(), extract.WithOutlet(fmt.Sprintf("Outlet %d", d)), extract.WithID(fmt.Sprintf("d%d", d+1))))
	}
	return docs
}

// BenchmarkNovelWords compares, one after the other in one process,
// events of 20,000 words no earlier event had: the cost of a comparison
// must not grow with what the process has seen before.
func BenchmarkNovelWords(b *testing.B) {
	var events [][]*extract.Document
	for i := 0; i < 6; i++ {
		events = append(events, novelDocs(20000, uint64(i)))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, docs := range events {
			compare.Compare(docs)
		}
	}
}
