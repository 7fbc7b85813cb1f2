package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// devPath is the shared development data: CLAIMDIFF_DEV, or ../shared/dev
// beside the worktree root.
func devPath() string {
	if d := os.Getenv("CLAIMDIFF_DEV"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "dev")
}

// devCorpus reads the BASIL development corpus (300 real news articles,
// one JSON line each), or skips tb when it is absent (as in CI).
func devCorpus(tb testing.TB) []Article {
	tb.Helper()
	f, err := os.Open(filepath.Join(devPath(), "basil", "corpus.jsonl"))
	if err != nil {
		tb.Skipf("no development corpus: %v", err)
	}
	defer f.Close()
	var arts []Article
	if err := EachLine(f, func(_ int, a Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return arts
}

// DevPath and DevCorpus are devPath and devCorpus for the package's
// external tests and benchmarks.
var (
	DevPath   = devPath
	DevCorpus = devCorpus
)
