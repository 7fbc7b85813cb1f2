package corpus_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
)

// hostileBad lists the lines of testdata/hostile.jsonl that are not
// articles, with the reason each must be refused for.
var hostileBad = map[int]error{
	2:  extract.ErrBadJSON, // cut off
	5:  extract.ErrNoText,  // text only whitespace
	7:  extract.ErrBadJSON, // binary bytes
	9:  extract.ErrNoText,  // no "text"
	11: corpus.ErrNoEvent,
	13: extract.ErrNotText, // "text" is binary
	15: extract.ErrBadJSON, // an array on one line
	18: extract.ErrBadJSON, // a number
	19: extract.ErrBadJSON, // "text" a number
	21: extract.ErrBadJSON, // "event" a number
	22: extract.ErrBadJSON, // cut inside a UTF-8 sequence
}

// run is RunContext over files with options, returning the report bytes
// and the dead letters.
func run(t *testing.T, ctx context.Context, inputs []corpus.Input, opts ...corpus.RunOption) ([]byte, []corpus.DeadLetter, corpus.Stats, error) {
	t.Helper()
	var out bytes.Buffer
	var dead []corpus.DeadLetter
	st, err := corpus.RunContext(ctx, inputs, &out, corpus.Config{}, append(opts, corpus.OnDeadLetter(func(d corpus.DeadLetter) { dead = append(dead, d) }))...)
	return out.Bytes(), dead, st, err
}

func openInput(t *testing.T, path string) corpus.Input {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return corpus.Input{Name: path, R: f}
}

// onlyReader hides Seek: the input of a pipe.
type onlyReader struct{ io.Reader }

// TestHostileCorpus: every bad line is a dead letter with its line number
// and reason, and the good events' reports are byte for byte those of the
// corpus without the bad lines, with any number of workers, from a file or
// a pipe.
func TestHostileCorpus(t *testing.T) {
	path := filepath.Join("testdata", "hostile.jsonl")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, dead, st, err := run(t, context.Background(), []corpus.Input{openInput(t, path)})
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(raw, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	seen := map[int]bool{}
	for _, d := range dead {
		want, ok := hostileBad[d.Line]
		switch {
		case !ok:
			t.Errorf("line %d is a dead letter: %s", d.Line, d.Error)
		case !errors.Is(d.Err, want):
			t.Errorf("line %d: %s; want %v", d.Line, d.Error, want)
		case d.File != "hostile.jsonl" || !strings.HasPrefix(d.Error, fmt.Sprintf("hostile.jsonl:%d: ", d.Line)):
			t.Errorf("line %d: file %q, error %q", d.Line, d.File, d.Error)
		case d.Input != strings.TrimRight(string(lines[d.Line-1]), "\r\n"):
			t.Errorf("line %d: input %q is not the line", d.Line, d.Input)
		}
		seen[d.Line] = true
	}
	for l := range hostileBad {
		if !seen[l] {
			t.Errorf("line %d is not in the dead letters", l)
		}
	}
	if st.DeadLetters != len(hostileBad) || st.Events != 4 || st.Articles != 9 || st.Records != len(lines) {
		t.Errorf("stats %+v", st)
	}

	// The same corpus without the bad lines, under another name.
	var clean bytes.Buffer
	for i, l := range lines {
		if _, bad := hostileBad[i+1]; !bad {
			clean.Write(l)
		}
	}
	cleanPath := filepath.Join(t.TempDir(), "clean.jsonl")
	os.WriteFile(cleanPath, clean.Bytes(), 0o644)
	want, dead, _, err := run(t, context.Background(), []corpus.Input{openInput(t, cleanPath)})
	if err != nil || len(dead) != 0 {
		t.Fatalf("clean corpus: %v, %d dead letters", err, len(dead))
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("good events differ from the run without bad lines (-clean +hostile):\n%s", diff)
	}
	if !bytes.Contains(got, []byte(`"text":"Advertisements for more than 400 brands`)) {
		t.Error("the sentence starting with Advertisements is not a claim")
	}

	// Any number of workers, GOMAXPROCS 1, and a pipe: the same bytes.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, jobs := range []int{1, 3, 16} {
		b, d, _, err := run(t, context.Background(), []corpus.Input{openInput(t, path)}, corpus.Jobs(jobs))
		if err != nil || !bytes.Equal(b, got) || len(d) != len(hostileBad) {
			t.Errorf("jobs %d: different output (%v)", jobs, err)
		}
	}
	b, d, _, err := run(t, context.Background(), []corpus.Input{{Name: path, R: onlyReader{bytes.NewReader(raw)}}})
	if err != nil || !bytes.Equal(b, got) || len(d) != len(hostileBad) {
		t.Errorf("from a pipe: different output (%v)", err)
	}
}

// Which orders matter: the order in which events first appear (it orders
// the report lines) and, within an event, the order of its articles (it
// numbers the documents). How the lines of different events interleave
// does not, nor how many workers run.
func TestInterleavingDoesNotMatter(t *testing.T) {
	events := map[string][]string{}
	var order []string
	for i := 0; i < 6; i++ {
		ev := fmt.Sprintf("ev%d", i)
		order = append(order, ev)
		for k := 0; k < 3; k++ {
			events[ev] = append(events[ev], lineWithSource(ev, fmt.Sprintf("O%d", k), fmt.Sprintf("%s-%d", ev, k),
				fmt.Sprintf("Workers at plant %d in Selmar walked out on Monday over pay, union %d said.", i, k)))
		}
	}
	grouped := ""
	for _, ev := range order {
		grouped += strings.Join(events[ev], "\n") + "\n"
	}
	want, _, _, err := run(t, context.Background(), []corpus.Input{{Name: "c.jsonl", R: strings.NewReader(grouped)}})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 5; trial++ {
		// A random interleaving that keeps each event's articles in order
		// and the events' first appearances in order.
		next := map[string]int{}
		var lines []string
		started := 0
		for len(lines) < 18 {
			cands := []string{}
			for _, ev := range order[:started] {
				if next[ev] < 3 {
					cands = append(cands, ev)
				}
			}
			if started < len(order) {
				cands = append(cands, order[started])
			}
			ev := cands[rng.Intn(len(cands))]
			if started < len(order) && ev == order[started] {
				started++
			}
			lines = append(lines, events[ev][next[ev]])
			next[ev]++
		}
		got, _, _, err := run(t, context.Background(), []corpus.Input{{Name: "c.jsonl", R: strings.NewReader(strings.Join(lines, "\n") + "\n")}}, corpus.Jobs(1+trial))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("interleaving %d changed the output:\n%s", trial, diff)
		}
	}
}

func lineWithSource(event, outlet, source, text string) string {
	b, _ := json.Marshal(map[string]string{"event": event, "outlet": outlet, "source": source, "published": "2026-02-02", "text": text})
	return string(b)
}

// seekCounter is a file-like input that records how far the second
// reading has gone.
type seekCounter struct {
	*bytes.Reader
	pass int
	read int64
}

func (s *seekCounter) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekStart {
		s.pass++
		s.read = off
	}
	return s.Reader.Seek(off, whence)
}

func (s *seekCounter) Read(p []byte) (int, error) {
	n, err := s.Reader.Read(p)
	s.read += int64(n)
	return n, err
}

// firstLineAt notes how much of the input had been read when the first
// report line was written.
type firstLineAt struct {
	bytes.Buffer
	in *seekCounter
	at int64
}

func (w *firstLineAt) Write(p []byte) (int, error) {
	if w.Len() == 0 {
		w.at = w.in.read
	}
	return w.Buffer.Write(p)
}

// TestStreaming: with input grouped by event, an event's report is written
// once its last line is read, long before the end of the input.
func TestStreaming(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 600 articles")
	}
	var in strings.Builder
	for i := 0; i < 300; i++ {
		for k := 0; k < 2; k++ {
			in.WriteString(lineWithSource(fmt.Sprint("e", i), fmt.Sprint("O", k), "", strings.Repeat(fmt.Sprintf("Workers at plant %d walked out on Monday, union %d said. ", i, k), 4)) + "\n")
		}
	}
	sc := &seekCounter{Reader: bytes.NewReader([]byte(in.String()))}
	w := &firstLineAt{in: sc}
	st, err := corpus.RunContext(context.Background(), []corpus.Input{{Name: "c.jsonl", R: sc}}, w, corpus.Config{}, corpus.Jobs(2))
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != 300 || st.TotalEvents != 300 || st.TotalRecords != 600 {
		t.Errorf("stats %+v", st)
	}
	if size := int64(in.Len()); w.at <= 0 || w.at > size/2 {
		t.Errorf("first report written after reading %d of %d bytes; want it early", w.at, size)
	}
}

// TestCancel: a cancelled run stops, returns ctx.Err() and leaves only
// complete report lines.
func TestCancel(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 40; i++ {
		in.WriteString(lineWithSource(fmt.Sprint("e", i), "O", "", "Workers walked out on Monday, the union said.") + "\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	st, err := corpus.RunContext(ctx, []corpus.Input{{Name: "c.jsonl", R: strings.NewReader(in.String())}}, &out, corpus.Config{},
		corpus.OnProgress(func(s corpus.Stats) {
			if s.Events == 2 {
				cancel()
			}
		}))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	if st.Events >= 40 || !strings.HasSuffix(out.String(), "\n") {
		t.Errorf("%d events written", st.Events)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if !json.Valid([]byte(l)) {
			t.Errorf("incomplete line %q", l)
		}
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n++; w.n > 1 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 20; i++ {
		in.WriteString(lineWithSource(fmt.Sprint("e", i), "O", "", "Workers walked out on Monday.") + "\n")
	}
	_, err := corpus.RunContext(context.Background(), []corpus.Input{{Name: "c.jsonl", R: strings.NewReader(in.String())}}, &failingWriter{}, corpus.Config{})
	if err == nil || err.Error() != "disk full" {
		t.Errorf("got %v", err)
	}
}

// A corpus file may be one JSON array; a broken one is a dead letter at
// the line where it breaks, and the other inputs go on.
func TestArrayInputs(t *testing.T) {
	arr := "[\n" + lineWithSource("e", "A", "", "The bridge in Telford closed on Monday for repairs.") + ",\n" +
		lineWithSource("e", "B", "", "Telford's bridge was closed on Monday for repair work.") + "\n]\n"
	broken := "[\n" + lineWithSource("f", "C", "", "Rail workers struck on Tuesday.") + ",\n{\"event\": \"f\", \"text\": \n"
	got, dead, _, err := run(t, context.Background(), []corpus.Input{
		{Name: "dir/arr.json", R: strings.NewReader(arr)},
		{Name: "broken.json", R: strings.NewReader(broken)},
	})
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Documents []struct{ Source string }
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(lines) != 2 || json.Unmarshal([]byte(lines[0]), &r) != nil {
		t.Fatalf("want two reports, got:\n%s", got)
	}
	if diff := cmp.Diff([]string{"arr.json:2", "arr.json:3"}, []string{r.Documents[0].Source, r.Documents[1].Source}); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if len(dead) != 1 || dead[0].File != "broken.json" || dead[0].Line != 4 || !errors.Is(dead[0].Err, extract.ErrBadJSON) {
		t.Errorf("dead letters %+v", dead)
	}
}

// A line over extract.MaxInputBytes is a dead letter that keeps its first
// KiB; the events around it are reported.
func TestTooLargeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("a 64 MiB line")
	}
	huge := `{"event":"e","text":"` + strings.Repeat("a", extract.MaxInputBytes) + `"}`
	in := lineWithSource("e", "A", "a", "The bridge closed on Monday.") + "\n" + huge + "\n" + lineWithSource("e", "B", "b", "The bridge was shut on Monday.") + "\n"
	out, dead, _, err := run(t, context.Background(), []corpus.Input{{Name: "c.jsonl", R: strings.NewReader(in)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].Line != 2 || !errors.Is(dead[0].Err, extract.ErrTooLarge) || len(dead[0].Input) != 1024 {
		t.Fatalf("dead letters: %d", len(dead))
	}
	if !bytes.Contains(out, []byte(`"source":"a"`)) || !bytes.Contains(out, []byte(`"source":"b"`)) {
		t.Errorf("the event around the large line is missing")
	}
}

// errReader fails after its data: an input that breaks off.
type errReader struct{ r io.Reader }

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, errors.New("connection reset")
	}
	return n, err
}

// An input that cannot be read to its end stops the run with its error
// and no report: its events would be incomplete.
func TestReadError(t *testing.T) {
	in := lineWithSource("e", "A", "a", "The bridge closed on Monday.") + "\n"
	out, _, _, err := run(t, context.Background(), []corpus.Input{{Name: "c.jsonl", R: &errReader{strings.NewReader(in)}}})
	if err == nil || !strings.Contains(err.Error(), "connection reset") || !strings.HasPrefix(err.Error(), "c.jsonl:") || len(out) != 0 {
		t.Errorf("got %v, %d bytes out", err, len(out))
	}
}

// seekOnly is a seekable input that cannot be read at an offset: it is
// scanned before the run and sought back.
type seekOnly struct{ r *strings.Reader }

func (s *seekOnly) Read(p []byte) (int, error)            { return s.r.Read(p) }
func (s *seekOnly) Seek(off int64, wh int) (int64, error) { return s.r.Seek(off, wh) }

// TestScanReaders: the report, the dead letters and the totals are the
// same whether the first reading runs beside the second (an input read at
// an offset: a file, a strings.Reader), before it (an input that can only
// seek) or not at all (a pipe: no totals), from an input that starts
// where its reader stands, not at 0.
func TestScanReaders(t *testing.T) {
	var in strings.Builder
	in.WriteString("not read: the input starts after this line\n")
	skip := int64(in.Len())
	for i := 0; i < 24; i++ {
		ev := fmt.Sprint("e", i%5) // interleaved
		in.WriteString(lineWithSource(ev, fmt.Sprint("O", i%3), "", fmt.Sprintf("Workers at plant %d walked out on Monday, union %d said.", i%5, i)) + "\n")
		if i%7 == 3 {
			in.WriteString(`{"event":"broken"` + "\n")
		}
	}
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(in.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	at := func(r io.ReadSeeker) io.ReadSeeker {
		if _, err := r.Seek(skip, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		return r
	}
	type outcome struct {
		Out           string
		Dead          []string
		Records       int
		Total, Events int
	}
	runOn := func(r io.Reader, jobs int) outcome {
		out, dead, st, err := run(t, context.Background(), []corpus.Input{{Name: "c.jsonl", R: r}}, corpus.Jobs(jobs))
		if err != nil {
			t.Fatal(err)
		}
		o := outcome{Out: string(out), Records: st.Records, Total: st.TotalRecords, Events: st.TotalEvents}
		for _, d := range dead {
			o.Dead = append(o.Dead, d.Error)
		}
		return o
	}
	want := runOn(onlyReader{strings.NewReader(in.String()[skip:])}, 1)
	if want.Total != 0 || want.Events != 0 || len(want.Dead) != 3 {
		t.Fatalf("pipe: %d dead letters, totals %d and %d; want 3 and no totals", len(want.Dead), want.Total, want.Events)
	}
	want.Total, want.Events = want.Records, 5
	for _, jobs := range []int{1, 3} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		readers := []struct {
			name string
			r    io.Reader
		}{
			{"file", at(f)},
			{"strings.Reader", at(strings.NewReader(in.String()))},
			{"seek only", at(&seekOnly{strings.NewReader(in.String())})},
		}
		for _, rd := range readers {
			if diff := cmp.Diff(want, runOn(rd.r, jobs)); diff != "" {
				t.Errorf("%s, %d jobs (-pipe +got):\n%s", rd.name, jobs, diff)
			}
		}
		f.Close()
	}
}

// failAt is an input whose second reading works and whose first (ReadAt)
// breaks off: the run stops with the error and writes nothing.
type failAt struct{ *strings.Reader }

func (f failAt) ReadAt(p []byte, off int64) (int, error) {
	if off > 0 {
		return 0, errors.New("connection reset")
	}
	n, _ := f.Reader.ReadAt(p[:min(len(p), 10)], off)
	return n, nil
}

func TestScanReadError(t *testing.T) {
	in := lineWithSource("e", "A", "a", "The bridge closed on Monday.") + "\n" + lineWithSource("f", "A", "b", "The road reopened on Tuesday.") + "\n"
	out, _, _, err := run(t, context.Background(), []corpus.Input{{Name: "dir/c.jsonl", R: failAt{strings.NewReader(in)}}})
	if err == nil || !strings.Contains(err.Error(), "connection reset") || !strings.HasPrefix(err.Error(), "c.jsonl:") || len(out) != 0 {
		t.Errorf("got %v, %d bytes out", err, len(out))
	}
}

// blockAt is an input whose first reading (ReadAt) blocks past byte n
// until stop is closed, as a stalled disk or network file would.
type blockAt struct {
	*strings.Reader
	n    int64
	stop chan struct{}
}

func (b blockAt) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) > b.n {
		<-b.stop
		return 0, errors.New("closed")
	}
	return b.Reader.ReadAt(p, off)
}

// TestScanCancel: a run cancelled while its first reading is stalled
// returns at once with ctx.Err(), writing nothing; it does not wait for
// the first reading.
func TestScanCancel(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 40; i++ {
		in.WriteString(lineWithSource(fmt.Sprint("e", i), "O", "", "Workers walked out on Monday, the union said.") + "\n")
	}
	stop := make(chan struct{})
	defer close(stop)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	var out bytes.Buffer
	go func() {
		_, err := corpus.RunContext(ctx, []corpus.Input{{Name: "c.jsonl", R: blockAt{strings.NewReader(in.String()), 10, stop}}}, &out, corpus.Config{},
			corpus.OnProgress(func(s corpus.Stats) {
				if s.Records == 5 {
					cancel()
				}
			}))
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) || out.Len() != 0 {
			t.Errorf("got %v and %d bytes; want context.Canceled and nothing", err, out.Len())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the cancelled run waited for its stalled first reading")
	}
}

// TestScanSameReaderTwice: one reader given as two inputs is read once by
// each reading, as before the readings ran side by side: the totals match
// what is read, and events close early.
func TestScanSameReaderTwice(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 6; i++ {
		in.WriteString(lineWithSource(fmt.Sprint("e", i), "O", "", "Workers walked out on Monday, the union said.") + "\n")
	}
	r := strings.NewReader(in.String())
	_, _, st, err := run(t, context.Background(), []corpus.Input{{Name: "a.jsonl", R: r}, {Name: "b.jsonl", R: r}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != 6 || st.TotalRecords != 6 || st.TotalEvents != 6 {
		t.Errorf("stats %+v; want 6 records and events, all known", st)
	}
}
