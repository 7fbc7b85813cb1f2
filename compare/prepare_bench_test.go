package compare

import (
	"testing"
)

// BenchmarkPrepare prepares every claim of the 50 BASIL development events
// (extracted once, outside the timer), event by event as corpus mode does,
// with the process's tables warm after the first round.
func BenchmarkPrepare(b *testing.B) {
	events := devEvents(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, docs := range events {
			t := acquireTable()
			for i, d := range docs {
				for j := range d.Claims {
					prepare(t, i, j, &d.Claims[j])
				}
			}
			t.release()
		}
	}
}
