package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"sync"

	"github.com/claimdiff/claimdiff/extract"
)

// scan is the first reading of the inputs (prescan): for each record
// number (over all inputs) that is the last line of an event, that event,
// and the totals. done is closed once closeAt, st and err are set.
type scan struct {
	done    chan struct{}
	closeAt map[int]string
	st      Stats // TotalRecords and TotalEvents
	err     error
}

// scanLead is how far (in input bytes) the second reading may run ahead
// of a first reading that is not done: what it extracts meanwhile stays in
// memory, since no event can close before the first reading knows where
// each one ends. The first reading is many times faster than extraction,
// so the lead only binds on a first reading slowed down (a cold disk).
const scanLead = 2 << 20

// startScan begins the first reading of the inputs. It returns nil when an
// input cannot seek: events then close at the end of input. When every
// input can also be read at an offset (io.ReaderAt, as a file), the first
// reading runs beside the second on readers of its own, so that the
// first articles are extracted while it goes on rather than after it:
// reading a file the system has not cached is slow, and the run would
// wait for it with a core idle. Else it is done before startScan
// returns, and every input is sought back to where it was. The first
// reading stops when ctx is done.
func startScan(ctx context.Context, inputs []Input, jobs int) (*scan, error) {
	starts := make([]int64, len(inputs))
	concurrent := true
	seen := map[any]bool{}
	for i, in := range inputs {
		// One reader given as two inputs is read once by the second
		// reading (the second input starts at its end) but would be
		// read twice by readers of its own: scan it as the second reads.
		if t := reflect.TypeOf(in.R); t != nil && t.Comparable() {
			concurrent = concurrent && !seen[in.R]
			seen[in.R] = true
		}
		s, ok := in.R.(io.Seeker)
		if !ok {
			return nil, nil
		}
		off, err := s.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, nil
		}
		starts[i] = off
		_, at := in.R.(io.ReaderAt)
		concurrent = concurrent && at
	}
	sc := &scan{done: make(chan struct{})}
	if concurrent {
		own := make([]Input, len(inputs))
		for i, in := range inputs {
			// A section to the largest offset reads to the end, as Read
			// does, however long the input is by then.
			own[i] = Input{Name: in.Name, R: io.NewSectionReader(in.R.(io.ReaderAt), starts[i], math.MaxInt64-starts[i])}
		}
		go func() {
			defer close(sc.done)
			sc.closeAt, sc.st, sc.err = prescan(ctx, own, jobs)
		}()
		return sc, nil
	}
	defer close(sc.done)
	sc.closeAt, sc.st, sc.err = prescan(ctx, inputs, jobs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if sc.err != nil {
		return nil, sc.err
	}
	for i, in := range inputs {
		if _, err := in.R.(io.Seeker).Seek(starts[i], io.SeekStart); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(in.Name), err)
		}
	}
	return sc, nil
}

// prescan reads the inputs to their end and returns, for each record
// number (over all inputs) that is the last line of an event, that event,
// with the totals. The records' JSON is decoded on jobs workers
// (eventDecoder) while the inputs are read. It stops, with an error, when
// ctx is done.
func prescan(ctx context.Context, inputs []Input, jobs int) (map[int]string, Stats, error) {
	var st Stats
	dec := newEventDecoder(jobs)
	seq := 0
	for _, in := range inputs {
		err := extract.EachRecord(in.R, func(_ int, raw []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if len(raw) <= extract.MaxInputBytes {
				dec.add(seq, raw)
			}
			seq++
			return nil
		})
		var re *extract.RecordError
		if errors.As(err, &re) {
			seq++ // the broken array is one dead letter
		} else if err != nil {
			dec.wait()
			return nil, st, fmt.Errorf("%s: %w", filepath.Base(in.Name), err)
		}
	}
	last := dec.wait()
	closeAt := make(map[int]string, len(last))
	for ev, s := range last {
		closeAt[s] = ev
	}
	st.TotalRecords, st.TotalEvents = seq, len(last)
	return closeAt, st, nil
}

// eventDecoder finds the events of prescan's records on workers while the
// reader goes on: decoding the JSON is nearly all of prescan's time, and
// no event can close before prescan is done. Records go in batches,
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
