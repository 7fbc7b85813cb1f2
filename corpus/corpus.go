// Package corpus is the command's corpus mode as a library: JSON lines of
// articles that carry an "event" field, compared event by event. The
// command (claimdiff --format jsonl --group-by event) and the Beam pipeline
// in the nested module beam/ both call it, so both write the same bytes.
package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// MaxEventArticles bounds one event: an event with more articles is
// reported as too large (with its count) instead of compared, so that one
// hot event cannot stall a run.
const MaxEventArticles = 500

// ErrBlank is returned by ParseLine for a blank line, which is skipped, not
// malformed.
var ErrBlank = errors.New("blank line")

// ErrNoEvent is returned for an article without an "event" field.
var ErrNoEvent = errors.New(`article has no "event"`)

// Article is one line of a corpus, already extracted.
type Article struct {
	Event string
	File  string // base name of the input file
	Line  int    // 1-based line number
	Doc   *extract.Document
}

// Config holds the comparison settings the command exposes.
type Config struct {
	// Threshold is the alignment threshold; 0 means compare.DefaultThreshold.
	Threshold float64
	// Options are added to every event's comparison, after Threshold. An
	// Embedder among them (compare.WithEmbedder) must be safe for
	// concurrent use: events are compared in parallel. Its failure fails
	// the run.
	Options []compare.Option
}

func (c Config) options() []compare.Option {
	var opts []compare.Option
	if c.Threshold > 0 {
		opts = append(opts, compare.Threshold(c.Threshold))
	}
	return append(opts, c.Options...)
}

// ParseLine parses and extracts one JSON line. Errors read "FILE:LINE: …".
// A document's source is its "source" field, or FILE:LINE.
func ParseLine(file string, line int, data []byte) (Article, error) {
	base := filepath.Base(file)
	if len(bytes.TrimSpace(data)) == 0 {
		return Article{}, ErrBlank
	}
	a, err := extract.ParseArticle(data)
	if err != nil {
		return Article{}, fmt.Errorf("%s:%d: %w", base, line, err)
	}
	if a.Event == "" {
		return Article{}, fmt.Errorf("%s:%d: %w", base, line, ErrNoEvent)
	}
	if a.Source == "" {
		a.Source = base + ":" + strconv.Itoa(line)
	}
	d, err := a.Document()
	if err != nil {
		return Article{}, fmt.Errorf("%s:%d: %w", base, line, err)
	}
	return Article{Event: a.Event, File: base, Line: line, Doc: d}, nil
}

// sortArticles puts articles in canonical (File, Line) order, so that the
// report does not depend on the order in which they arrived.
func sortArticles(arts []Article) {
	sort.SliceStable(arts, func(i, j int) bool {
		if arts[i].File != arts[j].File {
			return arts[i].File < arts[j].File
		}
		return arts[i].Line < arts[j].Line
	})
}

// TooLarge is the report line of an event with more than MaxEventArticles
// articles: its name, the error and the count, instead of a comparison.
func TooLarge(event string, articles int) ([]byte, error) {
	return json.Marshal(struct {
		Event    string `json:"event"`
		Error    string `json:"error"`
		Articles int    `json:"articles"`
	}{event, fmt.Sprintf("too large: more than %d articles", MaxEventArticles), articles})
}

// CompareEvent compares the articles of one event and returns its report as
// one JSON line without the trailing newline. It sorts the articles itself.
func CompareEvent(event string, arts []Article, cfg Config) ([]byte, error) {
	if len(arts) > MaxEventArticles {
		return TooLarge(event, len(arts))
	}
	arts = append([]Article(nil), arts...)
	sortArticles(arts)
	docs := make([]*extract.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Doc
	}
	r, err := compare.CompareContext(context.Background(), docs, cfg.options()...)
	if err != nil {
		return nil, err
	}
	r.Event = event
	var buf bytes.Buffer
	if err := r.WriteJSONLine(&buf); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Input is one named source of JSON lines for RunInputs.
type Input struct {
	Name string // the file name errors and sources use
	R    io.Reader
}

// Run is corpus mode over one input: see RunInputs.
func Run(r io.Reader, file string, w io.Writer, cfg Config) error {
	return RunInputs([]Input{{Name: file, R: r}}, w, cfg)
}

// RunInputs is corpus mode: it reads JSON lines from the inputs in turn,
// extracts articles on a bounded pool of workers, and writes one report
// line per event to w, in order of the events' first appearance. The
// articles of one event are compared together whichever input they come
// from, in (file base name, line) order, as the Beam pipeline orders them.
// A malformed line stops the run with an error naming the file and line.
func RunInputs(inputs []Input, w io.Writer, cfg Config) error {
	type job struct {
		file string
		seq  int // position over all inputs, for the order of first appearance
		line int
		data []byte
	}
	type result struct {
		art Article
		err error
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers*2)
	results := map[int]result{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				a, err := ParseLine(j.file, j.line, j.data)
				mu.Lock()
				results[j.seq] = result{a, err}
				mu.Unlock()
			}
		}()
	}
	seq := 0
	var readErr error
	for _, in := range inputs {
		readErr = extract.ScanLines(in.R, func(line int, raw []byte) error {
			if len(raw) > extract.MaxInputBytes {
				return fmt.Errorf("%s:%d: %w", filepath.Base(in.Name), line, extract.ErrTooLarge)
			}
			jobs <- job{in.Name, seq, line, append([]byte(nil), raw...)}
			seq++
			return nil
		})
		if readErr != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if readErr != nil {
		return readErr
	}
	var order []string
	events := map[string][]Article{}
	for k := 0; k < seq; k++ {
		res := results[k]
		if errors.Is(res.err, ErrBlank) {
			continue
		}
		if res.err != nil {
			return res.err
		}
		if _, ok := events[res.art.Event]; !ok {
			order = append(order, res.art.Event)
		}
		events[res.art.Event] = append(events[res.art.Event], res.art)
	}
	return writeEvents(order, events, w, cfg, workers)
}

// writeEvents compares events on the worker pool and writes their lines in
// order.
func writeEvents(order []string, events map[string][]Article, w io.Writer, cfg Config, workers int) error {
	lines := make([][]byte, len(order))
	errs := make([]error, len(order))
	idx := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range idx {
				lines[k], errs[k] = CompareEvent(order[k], events[order[k]], cfg)
			}
		}()
	}
	for k := range order {
		idx <- k
	}
	close(idx)
	wg.Wait()
	bw := bufio.NewWriter(w)
	for k, l := range lines {
		if errs[k] != nil {
			return fmt.Errorf("event %q: %w", order[k], errs[k])
		}
		bw.Write(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
