package compare

import (
	"os"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// BenchmarkPrepare prepares every claim of the 50 BASIL development events
// (extracted once, outside the timer), event by event as corpus mode does,
// with the process's tables warm after the first round.
func BenchmarkPrepare(b *testing.B) {
	f, err := os.Open("../../shared/dev/basil/corpus.jsonl")
	if err != nil {
		b.Skip("../shared/dev is absent")
	}
	defer f.Close()
	events := map[string][]*extract.Document{}
	var order []string
	err = extract.ScanLines(f, func(line int, raw []byte) error {
		a, err := extract.ParseArticle(raw)
		if err != nil {
			return err
		}
		d, err := a.Document()
		if err != nil {
			return err
		}
		if events[a.Event] == nil {
			order = append(order, a.Event)
		}
		events[a.Event] = append(events[a.Event], d)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, ev := range order {
			t := acquireTable()
			for i, d := range events[ev] {
				for j := range d.Claims {
					prepare(t, i, j, &d.Claims[j])
				}
			}
			t.release()
		}
	}
}
