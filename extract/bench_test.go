package extract_test

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// benchSentences are varied news sentences (several domains, quotes,
// numbers, dates, abbreviations) that the large benchmark inputs repeat.
var benchSentences = []string{
	`The central bank raised its benchmark rate by 0.25 percentage points on Wednesday, its third increase this year.`,
	`“We are seeing the first signs that inflation is cooling,” Governor Ana Ruiz told reporters in Madrid.`,
	`Analysts at Barclays had expected a pause, according to a Reuters poll of 30 economists.`,
	`Floodwaters forced about 12,000 people from their homes in Bavaria after three days of heavy rain.`,
	`Mr. Weber, the No. 2 official at the regional authority, said rescue teams reached the village on Sept. 9.`,
	`The U.S. Food and Drug Administration (FDA) approved the drug for adults over 65, the company said.`,
	`Shares of the carmaker fell 4.3% to $18.20 in early trading, wiping out $2.1 billion in market value.`,
	`Opposition leaders called the vote “a sham” and vowed to challenge the result in court.`,
	`The striker, who joined the club in 2019, scored twice as United beat Leeds 3-1 on Saturday.`,
	`Officials were reportedly warned about the dam’s condition last week, a local newspaper said.`,
	`Gen. Laura Chen said between 200 and 300 troops would be deployed to the border in October.`,
	`The so-called reform package was passed by parliament late on Thursday, despite protests outside.`,
	`Researchers at the University of Tokyo said the new battery lasts twenty-two percent longer.`,
	`Hospitals in the city were overwhelmed, and dozens of patients were treated in corridors.`,
	`The minister said: “The border will stay open. Trade must continue.” Critics were not convinced.`,
	`A spokesperson for Meta Platforms Inc. declined to comment on the report.`,
}

// benchArticle joins benchSentences into paragraphs until the text reaches
// n bytes; with sep " " it is one line.
func benchArticle(n int, sep string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(benchSentences[i%len(benchSentences)])
		if sep == "" && i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// BenchmarkExtract measures extraction on the seed articles, on a 1 MB
// article of paragraphs, and on a single 10 MB line with no newline (which
// must stay linear in time and memory: compare MB/s and B/op per byte with
// the 1 MB case).
func BenchmarkExtract(b *testing.B) {
	seeds := seedTexts(b)
	var names []string
	for name := range seeds {
		names = append(names, name)
	}
	// Map order is random; keep sub-benchmarks stable.
	if names[0] > names[1] {
		names[0], names[1] = names[1], names[0]
	}
	b.Run("seeds", func(b *testing.B) {
		total := 0
		for _, n := range names {
			total += len(seeds[n])
		}
		b.SetBytes(int64(total))
		b.ReportAllocs()
		for b.Loop() {
			for _, n := range names {
				extract.Extract(seeds[n], extract.WithPublished("2025-11-21"))
			}
		}
	})
	article := benchArticle(1<<20, "")
	b.Run("article1MB", func(b *testing.B) {
		b.SetBytes(int64(len(article)))
		b.ReportAllocs()
		for b.Loop() {
			extract.Extract(article, extract.WithPublished("2025-11-21"))
		}
	})
	line := benchArticle(10<<20, " ")
	if strings.Contains(line, "\n") {
		b.Fatal("the 10 MB line holds a newline")
	}
	b.Run("line10MB", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			extract.Extract(line, extract.WithPublished("2025-11-21"))
		}
	})
}

// BenchmarkExtractBasil extracts the BASIL development corpus (300 real
// news articles, one JSON line each; skipped when ../shared/dev is
// absent): real news is what corpus mode spends its extraction on, and
// its allocations per op are the figure speed work is measured by.
func BenchmarkExtractBasil(b *testing.B) {
	arts := extract.DevCorpus(b)
	total := 0
	for _, a := range arts {
		total += len(a.Text)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			if _, err := a.Document(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
