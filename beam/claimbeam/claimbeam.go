// Package claimbeam runs claimdiff's per-event comparison as an Apache Beam
// pipeline, for corpora that do not fit one machine.
//
// It reuses the core library as it stands: lines are parsed and extracted
// with corpus.ParseLine (the command's reader, with the command's errors) and
// each event is compared with corpus.CompareEvent (the command's comparison,
// with the command's options). For every event the pipeline emits the same
// bytes that `claimdiff --format jsonl --group-by event` writes for it; only
// the order of the lines differs (a distributed job has no "first
// appearance").
//
// The stages are:
//
//	ReadLines: files -> Line{File, Num, Raw}             (one file per worker, cheap)
//	Reshuffle                                            (spreads lines over workers)
//	parse:     Line -> KV<event, gob(Article)> | dead letter   (extraction, in parallel)
//	count:     CombinePerKey(sum) over KV<event, 1>      (combiner-lifted, hot-key safe)
//	filter:    drop articles of events above corpus.MaxEventArticles (side input)
//	GroupByKey + compare: one report line per event      (on already-extracted documents)
//
// See README.md, "When one machine is not enough", for the hot-key strategy.
package claimbeam

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
)

// Line is one line of an input file with its place: File is the file's base
// name (as the command reports it), Num the 1-based line number and Raw the
// line exactly as the command's reader passes it to corpus.ParseLine,
// terminator included. A line longer than extract.MaxInputBytes, which the
// command refuses, has TooLarge set and only its first bytes in Raw, so
// that it never crosses a shuffle whole.
type Line struct {
	File     string
	Num      int
	Raw      string
	TooLarge bool
}

// keepTooLarge is how much of a too-large line the dead letter keeps.
const keepTooLarge = 1 << 10

// DeadLetter is one malformed input line. It is written as one JSON line to
// the dead-letter output: the file and line, the error exactly as the
// command reports it ("FILE:LINE: message"), and the line itself, without
// its terminator, so it can be repaired and re-run. (Invalid UTF-8 in Input
// is replaced by U+FFFD by the JSON encoding; a line over
// extract.MaxInputBytes keeps only its first KiB.)
type DeadLetter struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Error string `json:"error"`
	Input string `json:"input"`
}

func init() {
	beam.RegisterType(reflect.TypeOf((*Line)(nil)).Elem())

	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Line), error](&scanLinesFn{})
	register.Emitter1[Line]()

	register.DoFn4x0[context.Context, Line, func(string, []byte), func(string)](&parseFn{})
	register.Emitter2[string, []byte]()
	register.Emitter1[string]()

	register.Function2x2[string, []byte, string, int](keyOne)
	register.Function2x1[int, int, int](sumInts)

	register.DoFn5x1[context.Context, string, int, func(string), func(string), error](&oversizedFn{})

	register.DoFn4x0[string, []byte, func(*string) bool, func(string, []byte)](&dropOversizedFn{})
	register.Iter1[string]()

	register.DoFn4x1[context.Context, string, func(*[]byte) bool, func(string), error](&compareFn{})
	register.Iter1[[]byte]()
}

var (
	linesRead      = beam.NewCounter("claimdiff", "lines_read")
	articlesOK     = beam.NewCounter("claimdiff", "articles")
	malformed      = beam.NewCounter("claimdiff", "malformed_lines")
	blankLines     = beam.NewCounter("claimdiff", "blank_lines")
	eventsOut      = beam.NewCounter("claimdiff", "events")
	eventsTooBig   = beam.NewCounter("claimdiff", "events_too_large")
	articlesTooBig = beam.NewCounter("claimdiff", "articles_in_too_large_events")
)

// ReadLines reads every file matching glob (any Beam filesystem: local
// paths, gs:// when registered, ...) and returns a PCollection<Line> with
// each line's file and line number. textio.Read does not give line numbers,
// so files are matched with fileio and each file is scanned by one DoFn
// call; this is cheap next to extraction, which runs after a Reshuffle.
func ReadLines(s beam.Scope, glob string) beam.PCollection {
	s = s.Scope("claimdiff.ReadLines")
	matches := fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow())
	files := fileio.ReadMatches(s, matches, fileio.ReadAutoCompression(), fileio.ReadDirectorySkip())
	return beam.ParDo(s, &scanLinesFn{}, files)
}

type scanLinesFn struct{}

func (fn *scanLinesFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Line)) error {
	rc, err := f.Open(ctx)
	if err != nil {
		return err
	}
	defer rc.Close()
	return ScanLines(rc, path.Base(f.Metadata.Path), func(l Line) {
		linesRead.Inc(ctx, 1)
		emit(l)
	})
}

// ScanLines splits r into lines with the core's own scanner
// (extract.ScanLines, which corpus mode uses too): a line ends after '\n', a
// last line without one still counts, and line numbers count every line,
// blank ones too. A line over extract.MaxInputBytes is cut to its first
// KiB and marked, so it can be dead-lettered without crossing the shuffle.
func ScanLines(r io.Reader, file string, emit func(Line)) error {
	err := extract.ScanLines(r, func(n int, raw []byte) error {
		l := Line{File: file, Num: n, Raw: string(raw)}
		if len(raw) > extract.MaxInputBytes {
			l.Raw, l.TooLarge = string(raw[:keepTooLarge]), true
		}
		emit(l)
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// ComparePerEvent parses lines (a PCollection<Line>, e.g. from ReadLines)
// into articles, groups them by event and compares each event with cfg,
// the options the command takes.
//
// reports is a PCollection<string> with one JSON line per event, byte for
// byte what the command's corpus mode writes for that event (events above
// corpus.MaxEventArticles get the command's "too large" line). deadLetters
// is a PCollection<string> with one JSON DeadLetter per malformed line;
// malformed lines never fail the job and are never dropped silently. Blank
// lines are skipped, as the command skips them.
func ComparePerEvent(s beam.Scope, lines beam.PCollection, cfg corpus.Config) (reports, deadLetters beam.PCollection) {
	s = s.Scope("claimdiff.ComparePerEvent")

	// One file is read by one worker; spread its lines before the
	// expensive, per-document extraction so that extraction runs on
	// every worker.
	spread := beam.Reshuffle(s, lines)
	docs, dead := beam.ParDo2(s, &parseFn{}, spread)

	// Hot keys: count articles per event with a lifted combiner (partial
	// sums on every worker), then keep the articles of oversized events
	// out of the GroupByKey so that no group ever holds more than
	// corpus.MaxEventArticles documents.
	counts := beam.CombinePerKey(s, sumInts, beam.ParDo(s, keyOne, docs))
	oversized, tooLarge := beam.ParDo2(s, &oversizedFn{Max: corpus.MaxEventArticles, Cfg: cfg}, counts)
	kept := beam.ParDo(s, &dropOversizedFn{}, docs, beam.SideInput{Input: oversized})

	grouped := beam.GroupByKey(s, kept)
	compared := beam.ParDo(s, &compareFn{Cfg: cfg}, grouped)
	return beam.Flatten(s, compared, tooLarge), dead
}

// CompareFiles is ReadLines followed by ComparePerEvent.
func CompareFiles(s beam.Scope, glob string, cfg corpus.Config) (reports, deadLetters beam.PCollection) {
	return ComparePerEvent(s, ReadLines(s, glob), cfg)
}

type parseFn struct{}

func (fn *parseFn) ProcessElement(ctx context.Context, l Line, emit func(string, []byte), dead func(string)) {
	a, err := parseLine(l)
	if errors.Is(err, corpus.ErrBlank) {
		blankLines.Inc(ctx, 1)
		return
	}
	if err == nil {
		var b []byte
		b, err = encodeArticle(a)
		if err == nil {
			articlesOK.Inc(ctx, 1)
			emit(a.Event, b)
			return
		}
		err = fmt.Errorf("%s:%d: encoding the extracted article: %w", l.File, l.Num, err)
	}
	malformed.Inc(ctx, 1)
	dead(deadLetterJSON(l, err))
}

// parseLine is corpus.ParseLine, with the command's refusal of too large
// lines, and with a panic in extraction turned into a dead letter instead
// of a failed job.
func parseLine(l Line) (a corpus.Article, err error) {
	if l.TooLarge {
		return a, fmt.Errorf("%s:%d: %w", l.File, l.Num, extract.ErrTooLarge)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s:%d: internal error: %v", l.File, l.Num, p)
		}
	}()
	return corpus.ParseLine(l.File, l.Num, []byte(l.Raw))
}

func deadLetterJSON(l Line, err error) string {
	in := strings.TrimSuffix(strings.TrimSuffix(l.Raw, "\n"), "\r")
	b, jerr := json.Marshal(DeadLetter{File: l.File, Line: l.Num, Error: err.Error(), Input: in})
	if jerr != nil { // cannot happen for strings and ints
		return fmt.Sprintf(`{"file":%q,"line":%d,"error":%q}`, l.File, l.Num, err.Error())
	}
	return string(b)
}

// encodeArticle gob-encodes an extracted article. extract.Document keeps all
// of its state in exported fields, so gob moves it through the shuffle
// without loss; Beam's schema coder is not used for it.
func encodeArticle(a corpus.Article) ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&a); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeArticle(b []byte) (corpus.Article, error) {
	var a corpus.Article
	err := gob.NewDecoder(bytes.NewReader(b)).Decode(&a)
	return a, err
}

func keyOne(event string, _ []byte) (string, int) { return event, 1 }

func sumInts(a, b int) int { return a + b }

// oversizedFn emits the events with more than Max articles twice: the event
// name (a side input for dropOversizedFn) and the event's report line.
type oversizedFn struct {
	Max int
	Cfg corpus.Config
}

func (fn *oversizedFn) ProcessElement(ctx context.Context, event string, n int, name func(string), report func(string)) error {
	if n <= fn.Max {
		return nil
	}
	line, err := tooLargeLine(event, n, fn.Cfg)
	if err != nil {
		return fmt.Errorf("event %q: %w", event, err)
	}
	eventsTooBig.Inc(ctx, 1)
	articlesTooBig.Inc(ctx, int64(n))
	name(event)
	report(string(line))
	return nil
}

// dropOversizedFn keeps the articles of events that are not oversized. The
// side input holds only the oversized events' names, normally none or a
// few. It is read once per DoFn instance: the pipeline is a batch over the
// global window, so the side input is the same for every element. (A
// StartBundle that reads it would have to be registered by reflection.)
type dropOversizedFn struct {
	set map[string]bool
}

func (fn *dropOversizedFn) ProcessElement(event string, doc []byte, oversized func(*string) bool, emit func(string, []byte)) {
	if fn.set == nil {
		set := map[string]bool{}
		var e string
		for oversized(&e) {
			set[e] = true
		}
		fn.set = set
	}
	if !fn.set[event] {
		emit(event, doc)
	}
}

type compareFn struct {
	Cfg corpus.Config
}

func (fn *compareFn) ProcessElement(ctx context.Context, event string, docs func(*[]byte) bool, emit func(string)) error {
	var arts []corpus.Article
	var b []byte
	for docs(&b) {
		a, err := decodeArticle(b)
		if err != nil {
			return fmt.Errorf("event %q: decoding an extracted article: %w", event, err)
		}
		arts = append(arts, a)
	}
	line, err := corpus.CompareEvent(event, arts, fn.Cfg)
	if err != nil {
		return fmt.Errorf("event %q: %w", event, err)
	}
	eventsOut.Inc(ctx, 1)
	emit(string(line))
	return nil
}
