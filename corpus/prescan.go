package corpus

import (
	"sync"

	"github.com/claimdiff/claimdiff/extract"
)

// eventDecoder finds the events of prescan's records on workers while the
// reader goes on: decoding the JSON is nearly all of prescan's time, and
// prescan runs before any article is extracted. Records go in batches,
// copied (the reader reuses its buffer), and each event's last record is
// the largest sequence number any worker saw it at, whatever order the
// batches finish in. The batches' buffers go back to the reader (free):
// prescan allocates a few of them, not the input's size, so that no
// collection runs before the lexicons are loaded, which would pace the
// collector on a near-empty heap (cmd/claimdiff's gcpace.go) and double
// the command's peak memory.
type eventDecoder struct {
	batches chan eventBatch
	free    chan eventBatch
	wg      sync.WaitGroup
	mu      sync.Mutex
	last    map[string]int
	cur     eventBatch
}

// eventBatch is a run of records: record k is buf[ends[k-1]:ends[k]]
// (from 0 for the first), at sequence number seqs[k].
type eventBatch struct {
	buf  []byte
	ends []int
	seqs []int
}

// Batches of about this many bytes keep the channel's traffic small next
// to the decoding and memory in flight at a few of them per worker.
const eventBatchBytes = 128 << 10

func newEventDecoder(workers int) *eventDecoder {
	d := &eventDecoder{
		batches: make(chan eventBatch, max(workers, 1)),
		free:    make(chan eventBatch, 2*max(workers, 1)+1),
		last:    map[string]int{},
	}
	for range max(workers, 1) {
		d.wg.Add(1)
		go d.work()
	}
	return d
}

// add queues record raw, at sequence number seq, for decoding.
func (d *eventDecoder) add(seq int, raw []byte) {
	d.cur.buf = append(d.cur.buf, raw...)
	d.cur.ends = append(d.cur.ends, len(d.cur.buf))
	d.cur.seqs = append(d.cur.seqs, seq)
	if len(d.cur.buf) >= eventBatchBytes {
		d.flush()
	}
}

func (d *eventDecoder) flush() {
	if len(d.cur.seqs) == 0 {
		return
	}
	d.batches <- d.cur
	select {
	case b := <-d.free:
		d.cur = eventBatch{buf: b.buf[:0], ends: b.ends[:0], seqs: b.seqs[:0]}
	default:
		d.cur = eventBatch{buf: make([]byte, 0, eventBatchBytes+eventBatchBytes/2)}
	}
}

// wait decodes what is queued and returns, for each event, the sequence
// number of its last record.
func (d *eventDecoder) wait() map[string]int {
	d.flush()
	close(d.batches)
	d.wg.Wait()
	return d.last
}

func (d *eventDecoder) work() {
	defer d.wg.Done()
	last := map[string]int{}
	for b := range d.batches {
		start := 0
		for k, end := range b.ends {
			// The event as ParseLine reads it, so that both passes agree
			// on every line's event.
			if ev, ok := extract.RecordEvent(b.buf[start:end]); ok && ev != "" {
				last[ev] = max(last[ev], b.seqs[k])
			}
			start = end
		}
		select {
		case d.free <- b:
		default:
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for ev, s := range last {
		if old, ok := d.last[ev]; !ok || s > old {
			d.last[ev] = s
		}
	}
}
