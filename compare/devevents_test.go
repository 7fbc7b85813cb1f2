package compare

import (
	"os"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// devEvents extracts ../shared/dev/basil/corpus.jsonl (50 real events of
// three outlets) grouped by event in file order, or skips tb when the
// development data is absent (as in CI).
func devEvents(tb testing.TB) [][]*extract.Document {
	tb.Helper()
	f, err := os.Open("../../shared/dev/basil/corpus.jsonl")
	if err != nil {
		tb.Skip("../shared/dev is absent")
	}
	defer f.Close()
	var events [][]*extract.Document
	pos := map[string]int{}
	err = extract.ScanLines(f, func(line int, raw []byte) error {
		a, err := extract.ParseArticle(raw)
		if err != nil {
			return err
		}
		d, err := a.Document()
		if err != nil {
			return err
		}
		k, ok := pos[a.Event]
		if !ok {
			k = len(events)
			pos[a.Event] = k
			events = append(events, nil)
		}
		events[k] = append(events[k], d)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return events
}

// DevEvents is devEvents for the package's external tests and benchmarks.
var DevEvents = devEvents
