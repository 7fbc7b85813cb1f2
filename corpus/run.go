package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// Input is one named source of JSON lines (or of one JSON array of
// articles) for RunContext.
type Input struct {
	Name string // the file name errors and sources use
	R    io.Reader
}

// DeadLetter is one input line that could not be made into an article: its
// file and line, the reason as "FILE:LINE: message", and the line itself
// without its terminator, so that it can be repaired and run again. Its
// JSON form is the one the Beam pipeline writes. (A line over
// extract.MaxInputBytes keeps only its first KiB; invalid UTF-8 in Input
// becomes U+FFFD in JSON.)
type DeadLetter struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Error string `json:"error"`
	Input string `json:"input"`
	// Err is the error itself, for errors.Is (extract.ErrBadJSON,
	// ErrNoEvent, extract.ErrNoText, extract.ErrNotText,
	// extract.ErrTooLarge, ...).
	Err error `json:"-"`
}

// Stats counts what a run has done. Progress callbacks get it while the
// run goes on; RunContext returns the final one.
type Stats struct {
	// Records is the number of input lines (or array elements) handled,
	// blank ones included; TotalRecords is how many there are, once known
	// (every input seekable, and read a first time), else 0.
	Records, TotalRecords int
	Articles              int // lines read as articles
	DeadLetters           int // lines that could not be
	// Events is the number of report lines written; TotalEvents is the
	// number of distinct events the input names, once known, else 0.
	Events, TotalEvents int
	// EventErrors counts events whose comparison failed (their report line
	// is {"event":…,"error":…}); it is 0 unless there is a bug.
	EventErrors int
	Elapsed     time.Duration
}

// RunOption sets how RunContext works (not what it computes: the output is
// the same with any RunOption).
type RunOption interface{ apply(*runConfig) }

type runOptionFunc func(*runConfig)

func (f runOptionFunc) apply(c *runConfig) { f(c) }

type runConfig struct {
	jobs     int
	dead     func(DeadLetter)
	progress func(Stats)
}

// Jobs sets how many articles are extracted or events compared at once
// (default runtime.GOMAXPROCS(0); n < 1 means the default).
func Jobs(n int) RunOption {
	return runOptionFunc(func(c *runConfig) {
		if n >= 1 {
			c.jobs = n
		}
	})
}

// OnDeadLetter has f called with every line that could not be made into an
// article, in input order, from one goroutine. Without it dead letters are
// only counted.
func OnDeadLetter(f func(DeadLetter)) RunOption {
	return runOptionFunc(func(c *runConfig) { c.dead = f })
}

// OnProgress has f called, from one goroutine, after every record handled
// and every report line written. f must be quick; a display throttles
// itself.
func OnProgress(f func(Stats)) RunOption {
	return runOptionFunc(func(c *runConfig) { c.progress = f })
}

// keepDead is how much of a too-large line a dead letter keeps.
const keepDead = 1 << 10

// Run is corpus mode over one input: see RunInputs.
func Run(r io.Reader, file string, w io.Writer, cfg Config) error {
	return RunInputs([]Input{{Name: file, R: r}}, w, cfg)
}

// RunInputs is RunContext without cancellation or options that returns an
// error when any line was malformed: the first dead letter's error (so it
// names the file and line and wraps the reason) with the count of the
// others. The good events are written all the same.
func RunInputs(inputs []Input, w io.Writer, cfg Config) error {
	var first *DeadLetter
	st, err := RunContext(context.Background(), inputs, w, cfg, OnDeadLetter(func(d DeadLetter) {
		if first == nil {
			first = &d
		}
	}))
	if err != nil {
		return err
	}
	if first != nil {
		return &deadLettersError{first: *first, n: st.DeadLetters}
	}
	return nil
}

type deadLettersError struct {
	first DeadLetter
	n     int
}

func (e *deadLettersError) Error() string {
	if e.n <= 1 {
		return e.first.Error
	}
	return fmt.Sprintf("%s (and %d more malformed lines)", e.first.Error, e.n-1)
}

func (e *deadLettersError) Unwrap() error { return e.first.Err }

// RunContext is corpus mode. It reads articles from the inputs in turn
// (JSON lines, or a JSON array per input), extracts them on a pool of
// workers and writes one report line per event to w, in the order of the
// events' first appearance; every report is the bytes CompareEvent gives
// for the event's articles in (file base name, line) order, whichever
// input they come from. A line that is not an article (malformed JSON, no
// "event", no text, binary data, too large) never stops the run: it is a
// dead letter, passed to OnDeadLetter and counted. The error is for what
// stops the run: an input that cannot be read, w failing, or ctx done
// (ctx.Err()); every line written to w is then still a complete report.
//
// Memory. When every input is seekable (a file), RunContext also reads the
// inputs a first time to learn where each event's last line is, so that an
// event is compared and its documents freed as soon as its last line has
// been read: with input grouped by event, memory is bounded by the largest
// event and the workers' lines in flight, not by the corpus. An input that
// can be read at an offset (io.ReaderAt, as *os.File, *bytes.Reader and
// *strings.Reader can; its ReadAt must be safe to call while Read runs)
// is read that first time beside the second reading, which meanwhile gets
// at most 2 MB ahead; any other seekable input is read to its end first
// and sought back. With events
// interleaved, an event's documents are held from its first line to its
// last, and a finished event's report line waits (as bytes) for the events
// that appeared before it. An input that cannot seek (a pipe) is read once
// and its events are compared at the end of input: memory then holds the
// whole corpus, extracted.
func RunContext(ctx context.Context, inputs []Input, w io.Writer, cfg Config, opts ...RunOption) (Stats, error) {
	rc := runConfig{jobs: runtime.GOMAXPROCS(0)}
	for _, o := range opts {
		if o != nil {
			o.apply(&rc)
		}
	}
	start := time.Now()
	go warmUp()
	// The first reading stops with the run, however the run ends.
	scanCtx, stopScan := context.WithCancel(ctx)
	defer stopScan()
	sc, err := startScan(scanCtx, inputs, rc.jobs)
	if err != nil {
		return Stats{}, err
	}
	r := &runner{
		rc: rc, cfg: cfg, w: w, start: start, scan: sc,
		open: map[string]*eventState{}, closed: map[string]bool{}, done: map[int]compared{},
	}
	err = r.run(ctx, inputs)
	r.st.Elapsed = time.Since(start)
	return r.st, err
}

// warmUp loads what the first extraction and comparison would otherwise
// load on their way (the lexicon, its hash for the report's run, the
// background counts) as soon as the run starts, while the inputs' first
// reading waits on the file: the first extraction needs the lexicon, and
// the hash, left to the first comparison, would be on the path to the
// first event's report. It is what they load anyway (each once per
// process): a run whose comparisons use another lexicon spends a few
// milliseconds of a core on the default one's hash.
func warmUp() {
	compare.LexiconHash(extract.DefaultLexicon())
	extract.BackgroundCount("")
}

// job is one record to extract; err is set when the reader already knows
// it is a dead letter.
type job struct {
	seq, line int
	file      string // base name
	raw       []byte
	err       error
}

type result struct {
	seq int
	art Article
	job job // for the dead letter
	err error
}

type eventState struct {
	idx  int // order of first appearance
	arts []Article
	n    int // articles, also those dropped once over MaxEventArticles
}

type compared struct {
	idx   int
	line  []byte        // the report line, without its newline, when buf is nil
	buf   *bytes.Buffer // else the line and its newline, in a buffer of linePool
	err   bool
	fatal error // stops the run (a failing embedder)
}

type runner struct {
	rc      runConfig
	cfg     Config
	w       io.Writer
	start   time.Time
	st      Stats
	scan    *scan          // nil: events close at the end of input
	closeAt map[int]string // the scan's, once it is done

	open    map[string]*eventState
	closed  map[string]bool
	events  int              // events seen (first appearances)
	done    map[int]compared // finished report lines waiting for their turn
	written int              // events written
	werr    error            // what stops the run: w failing, a fatal comparison, the scan failing
	queue   eventQueue       // the comparisons dispatched, for the comparers
}

func (r *runner) run(parent context.Context, inputs []Input) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	n := r.rc.jobs
	sem := make(chan struct{}, n) // work at once: extractions and comparisons
	window := make(chan struct{}, 4*n+16)
	jobs := make(chan job)
	results := make(chan result)
	cmpDone := make(chan compared)

	// The comparisons run on n goroutines kept for the whole run: a
	// goroutine started for each event began on a small stack and grew
	// it, copying it several times, for every event.
	r.queue.ready.L = &r.queue.mu
	defer r.queue.close()
	for range n {
		go r.queue.work()
	}

	var readErr error
	readDone := make(chan struct{})
	var scanned <-chan struct{} // the scan's done, until it is taken
	if r.scan != nil {
		scanned = r.scan.done
	}
	select {
	case <-scanned:
		// Done already (an input that cannot be read at an offset was
		// scanned before the run).
		scanned = nil
		r.scanned(ctx, cancel, 0, sem, cmpDone)
	default:
	}
	readLead := scanned // the reader's own copy: the loop below clears scanned
	go func() {
		defer close(readDone)
		defer close(jobs)
		readErr = r.read(ctx, inputs, readLead, window, jobs)
		if readErr != nil {
			// An input broke off: its events would be reported
			// incomplete, so nothing more is written.
			cancel()
		}
	}()
	workersLeft := n
	for i := 0; i < n; i++ {
		go func() {
			defer func() { results <- result{seq: -1} }()
			for j := range jobs {
				res := result{seq: j.seq, job: j, err: j.err}
				if res.err == nil && ctx.Err() == nil {
					sem <- struct{}{}
					res.art, res.err = parseSafe(j)
					<-sem
				}
				results <- res
			}
		}()
	}

	pending := map[int]result{}
	next := 0
	inFlight := 0
	maxInFlight := 2 * n
	for workersLeft > 0 || inFlight > 0 {
		in := results
		if inFlight >= maxInFlight || workersLeft == 0 {
			in = nil
		}
		select {
		case res := <-in:
			if res.seq < 0 {
				workersLeft--
				if workersLeft == 0 {
					// End of input: what is still open closes now.
					<-readDone
					if scanned != nil {
						select {
						case <-scanned:
							inFlight += r.scanned(ctx, cancel, next, sem, cmpDone)
						case <-ctx.Done():
							// Stopping: the first reading is not waited for.
						}
						scanned = nil
					}
					inFlight += r.closeAll(ctx, sem, cmpDone)
				}
				continue
			}
			pending[res.seq] = res
			for {
				p, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				inFlight += r.handle(ctx, p, sem, cmpDone)
				next++
				<-window
			}
		case <-scanned:
			scanned = nil
			inFlight += r.scanned(ctx, cancel, next, sem, cmpDone)
		case c := <-cmpDone:
			inFlight--
			if c.fatal != nil && r.werr == nil {
				r.werr = c.fatal
				cancel()
			}
			if c.err {
				r.st.EventErrors++
			}
			r.done[c.idx] = c
			r.flush(ctx, cancel)
		}
	}
	r.flush(ctx, cancel)
	switch {
	case r.werr != nil:
		return r.werr
	case parent.Err() != nil:
		return parent.Err()
	}
	return readErr
}

// read feeds the records of every input to the workers, at most the
// window's size ahead of the collector and, until scanned is closed (nil:
// no scan is pending), at most scanLead bytes into the input.
func (r *runner) read(ctx context.Context, inputs []Input, scanned <-chan struct{}, window chan struct{}, jobs chan<- job) error {
	seq := 0
	lead := 0
	send := func(j job) error {
		if lead += len(j.raw); scanned != nil && lead > scanLead {
			select {
			case <-scanned:
				scanned = nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case jobs <- j:
		case <-ctx.Done():
			<-window
			return ctx.Err()
		}
		seq++
		return nil
	}
	for _, in := range inputs {
		base := filepath.Base(in.Name)
		err := extract.EachRecord(in.R, func(line int, raw []byte) error {
			j := job{seq: seq, line: line, file: base}
			if len(raw) > extract.MaxInputBytes {
				j.raw = append([]byte(nil), raw[:keepDead]...)
				j.err = fmt.Errorf("%s:%d: %w", base, line, extract.ErrTooLarge)
			} else {
				j.raw = append([]byte(nil), raw...)
			}
			return send(j)
		})
		var re *extract.RecordError
		switch {
		case errors.As(err, &re):
			// A broken JSON array: one dead letter where it breaks, then
			// the next input.
			if err := send(job{seq: seq, line: re.Line, file: base, err: fmt.Errorf("%s:%d: %w: %w", base, re.Line, extract.ErrBadJSON, re)}); err != nil {
				return err
			}
		case err != nil && ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			return fmt.Errorf("%s: %w", base, err)
		}
	}
	return nil
}

// parseSafe is ParseLine with a panic in extraction turned into a dead
// letter: one article must not cost the others.
func parseSafe(j job) (a Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s:%d: internal error: %v", j.file, j.line, p)
		}
	}()
	return ParseLine(j.file, j.line, j.raw)
}

// handle takes one record in input order: an article joins its event, a
// bad line becomes a dead letter, and an event whose last line this was is
// sent to comparison. It returns the comparisons started.
func (r *runner) handle(ctx context.Context, res result, sem chan struct{}, out chan<- compared) int {
	r.st.Records++
	switch {
	case errors.Is(res.err, ErrBlank):
	case res.err != nil:
		r.dead(res.job, res.err)
	case r.closed[res.art.Event]:
		// Only when an input changed between the two readings.
		r.dead(res.job, fmt.Errorf("%s:%d: event %q was already reported (did the input change while it was read?)", res.job.file, res.job.line, res.art.Event))
	default:
		r.st.Articles++
		ev := r.open[res.art.Event]
		if ev == nil {
			ev = &eventState{idx: r.events}
			r.events++
			r.open[res.art.Event] = ev
		}
		ev.n++
		if ev.n > MaxEventArticles {
			// Too large: only the count matters now.
			ev.arts = nil
		} else {
			ev.arts = append(ev.arts, res.art)
		}
	}
	r.progress()
	if name, ok := r.closeAt[res.seq]; ok && r.open[name] != nil {
		return r.dispatch(ctx, name, sem, out)
	}
	return 0
}

// scanned takes the scan once it is done, with records before next
// handled: an event whose last record is among them closes now, in order
// of first appearance. A scan that failed stops the run (the input could
// not be read to its end), and nothing is written. It returns the
// comparisons started.
func (r *runner) scanned(ctx context.Context, cancel context.CancelFunc, next int, sem chan struct{}, out chan<- compared) int {
	if ctx.Err() != nil {
		return 0 // the run is stopping, and its error is another's
	}
	if r.scan.err != nil {
		if r.werr == nil {
			r.werr = r.scan.err
		}
		cancel()
		return 0
	}
	r.closeAt = r.scan.closeAt
	r.st.TotalRecords, r.st.TotalEvents = r.scan.st.TotalRecords, r.scan.st.TotalEvents
	var names []string
	for seq, name := range r.closeAt {
		if seq < next && r.open[name] != nil {
			names = append(names, name)
		}
	}
	sort.Slice(names, func(i, j int) bool { return r.open[names[i]].idx < r.open[names[j]].idx })
	for _, name := range names {
		r.dispatch(ctx, name, sem, out)
	}
	return len(names)
}

func (r *runner) dead(j job, err error) {
	r.st.DeadLetters++
	if r.rc.dead == nil {
		return
	}
	in := strings.TrimSuffix(strings.TrimSuffix(string(j.raw), "\n"), "\r")
	r.rc.dead(DeadLetter{File: j.file, Line: j.line, Error: err.Error(), Input: in, Err: err})
}

// closeAll sends every event still open to comparison, in order of first
// appearance.
func (r *runner) closeAll(ctx context.Context, sem chan struct{}, out chan<- compared) int {
	names := make([]string, 0, len(r.open))
	for name := range r.open {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return r.open[names[i]].idx < r.open[names[j]].idx })
	for _, name := range names {
		r.dispatch(ctx, name, sem, out)
	}
	return len(names)
}

// dispatch queues one event for comparison; the result comes back on out.
// It never waits: the collector that calls it also takes the results.
func (r *runner) dispatch(ctx context.Context, name string, sem chan struct{}, out chan<- compared) int {
	ev := r.open[name]
	delete(r.open, name)
	r.closed[name] = true
	r.queue.push(func() {
		sem <- struct{}{}
		line, buf, failed, fatal := compareSafe(ctx, name, ev, r.cfg)
		<-sem
		out <- compared{idx: ev.idx, line: line, buf: buf, err: failed, fatal: fatal}
	})
	return 1
}

// eventQueue holds the comparisons dispatched and not yet started, in
// order, for the goroutines that run them (work). It has no bound: all
// the events still open at the end of input are dispatched at once.
type eventQueue struct {
	mu     sync.Mutex
	ready  sync.Cond // on mu: a task was pushed, or the queue closed
	tasks  []func()
	closed bool
}

func (q *eventQueue) push(task func()) {
	q.mu.Lock()
	q.tasks = append(q.tasks, task)
	q.mu.Unlock()
	q.ready.Signal()
}

// close ends the workers once the tasks queued are done.
func (q *eventQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.ready.Broadcast()
}

// work runs the queued tasks, one at a time, until the queue is closed and
// empty.
func (q *eventQueue) work() {
	for {
		q.mu.Lock()
		for len(q.tasks) == 0 && !q.closed {
			q.ready.Wait()
		}
		if len(q.tasks) == 0 {
			q.mu.Unlock()
			return
		}
		task := q.tasks[0]
		q.tasks[0] = nil
		q.tasks = q.tasks[1:]
		q.mu.Unlock()
		task()
	}
}

// compareSafe compares an event; a failure (a bug) becomes the event's
// error line instead of stopping the run. A cancelled comparison gives no
// line. A failing embedder is no event's fault: it is returned as fatal,
// to stop the run, never to fall back to words alone.
//
// A compared report comes back in buf, a buffer of linePool holding the
// line and its newline (CompareEventContext without its copy); every
// other line in line, without the newline.
func compareSafe(ctx context.Context, name string, ev *eventState, cfg Config) (line []byte, buf *bytes.Buffer, failed bool, fatal error) {
	defer func() {
		if p := recover(); p != nil {
			line, buf, failed, fatal = eventError(name, fmt.Sprintf("internal error: %v", p), ev.n), nil, true, nil
		}
	}()
	if ev.n > MaxEventArticles {
		l, err := TooLarge(name, ev.n)
		if err != nil {
			return eventError(name, err.Error(), ev.n), nil, true, nil
		}
		return l, nil, false, nil
	}
	// ev.n counts every article, so ev.arts holds at most
	// MaxEventArticles.
	b, err := compareEventBuf(ctx, name, ev.arts, cfg)
	switch {
	case ctx.Err() != nil:
		return nil, nil, false, nil
	case errors.Is(err, compare.ErrEmbedder):
		return nil, nil, false, fmt.Errorf("event %q: %w", name, err)
	case err != nil:
		return eventError(name, err.Error(), ev.n), nil, true, nil
	}
	return nil, b, false, nil
}

// eventError is the report line of an event that could not be compared.
func eventError(event, msg string, articles int) []byte {
	b, _ := json.Marshal(struct {
		Event    string `json:"event"`
		Error    string `json:"error"`
		Articles int    `json:"articles"`
	}{event, msg, articles})
	return b
}

// flush writes the finished report lines whose turn has come, each whole
// in one Write. Once ctx is done nothing more is written.
func (r *runner) flush(ctx context.Context, cancel context.CancelFunc) {
	for {
		c, ok := r.done[r.written]
		if !ok || r.werr != nil || ctx.Err() != nil {
			return
		}
		delete(r.done, r.written)
		r.written++
		var err error
		if c.buf != nil {
			_, err = r.w.Write(c.buf.Bytes())
			linePool.Put(c.buf)
		} else {
			_, err = r.w.Write(append(c.line, '\n'))
		}
		if err != nil {
			r.werr = err
			cancel()
			return
		}
		r.st.Events++
		r.progress()
	}
}

func (r *runner) progress() {
	if r.rc.progress != nil {
		r.st.Elapsed = time.Since(r.start)
		r.rc.progress(r.st)
	}
}
