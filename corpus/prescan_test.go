package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestEventDecoder: the workers find each event's last record as one
// serial pass does, with records that name no event (broken JSON, an
// empty or missing event, another type), keys in another case (the
// decoder matches them) and a key twice (the last wins), on one worker
// and several, with batches that fill (many records) and the reader's
// buffer reused between records.
func TestEventDecoder(t *testing.T) {
	tests := []struct {
		name    string
		records []string
		want    map[string]int
	}{
		{"none", nil, map[string]int{}},
		{"grouped", []string{`{"event":"a"}`, `{"event":"a"}`, `{"event":"b"}`}, map[string]int{"a": 1, "b": 2}},
		{"interleaved", []string{`{"event":"a"}`, `{"event":"b"}`, `{"event":"a"}`}, map[string]int{"a": 2, "b": 1}},
		{"no event", []string{`{"event":"a"}`, `{"event":"a"`, `{"event":""}`, `{"text":"x"}`, `{"event":3}`, `[]`}, map[string]int{"a": 0}},
		{"case and repeats", []string{`{"EVENT":"a"}`, `{"event":"b","Event":"c"}`}, map[string]int{"a": 0, "c": 1}},
	}
	many := make([]string, 0, 20000)
	wantMany := map[string]int{}
	for i := range cap(many) {
		ev := fmt.Sprintf("e%d", i*7%300)
		many = append(many, fmt.Sprintf(`{"event":%q,"text":%q}`, ev, strings.Repeat("word ", i%40)))
		wantMany[ev] = i
	}
	tests = append(tests, struct {
		name    string
		records []string
		want    map[string]int
	}{"many batches", many, wantMany})
	for _, tt := range tests {
		for _, workers := range []int{1, 3} {
			d := newEventDecoder(workers)
			buf := make([]byte, 0, 1<<10)
			for seq, r := range tt.records {
				buf = append(buf[:0], r...)
				d.add(seq, buf)
				clear(buf[:cap(buf)]) // the reader's buffer holds the next line
			}
			if diff := cmp.Diff(tt.want, d.wait()); diff != "" {
				t.Errorf("%s, %d workers: last records (-want +got):\n%s", tt.name, workers, diff)
			}
		}
	}
}

// TestCompareEventBuf: the buffer corpus mode writes from holds
// CompareEventContext's line and one newline, for events of one article
// and of several, and an empty event; a failing comparison gives no
// buffer.
func TestCompareEventBuf(t *testing.T) {
	parse := func(n int, line string) Article {
		t.Helper()
		a, err := ParseLine("in.jsonl", n, []byte(line))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	one := parse(1, `{"event":"e","source":"a","text":"The mayor said the bridge will close on Monday. Repairs cost $4 million."}`)
	two := parse(2, `{"event":"e","source":"b","text":"The bridge closes Monday, the mayor said.\n\nRepairs will cost $5 million, officials said."}`)
	tests := []struct {
		name string
		arts []Article
	}{
		{"none", nil},
		{"one", []Article{one}},
		{"two", []Article{two, one}},
	}
	for _, tt := range tests {
		want, err := CompareEventContext(context.Background(), "e", tt.arts, Config{})
		if err != nil {
			t.Fatal(err)
		}
		buf, err := compareEventBuf(context.Background(), "e", tt.arts, Config{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(string(want)+"\n", buf.String()); diff != "" {
			t.Errorf("%s: buffer (-want +got):\n%s", tt.name, diff)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if buf, err := compareEventBuf(ctx, "e", []Article{one, two}, Config{}); err == nil || buf != nil {
		t.Errorf("cancelled: buffer %v, error %v; want none and an error", buf != nil, err)
	}
}

// slowScan is a file-like input whose first reading (ReadAt) is held up
// until the second (Read) has reached the end or has stalled for wait; it
// records how far the second had read when the first went on.
type slowScan struct {
	r       *bytes.Reader
	read    atomic.Int64
	release chan struct{}
	once    sync.Once
	wait    time.Duration
	readAt  int64 // Read's bytes when ReadAt was let through
	written int64 // Read's bytes when the first report was written
}

func (s *slowScan) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.read.Add(int64(n))
	if err == io.EOF {
		s.once.Do(func() { close(s.release) })
	}
	return n, err
}

func (s *slowScan) Seek(off int64, wh int) (int64, error) { return s.r.Seek(off, wh) }

func (s *slowScan) ReadAt(p []byte, off int64) (int, error) {
	if off == 0 {
		select {
		case <-s.release:
		case <-time.After(s.wait):
		}
		s.readAt = s.read.Load()
	}
	return s.r.ReadAt(p, off)
}

func (s *slowScan) Write(p []byte) (int, error) {
	if s.written == 0 {
		s.written = s.read.Load()
	}
	return len(p), nil
}

// TestScanLead: while the first reading is held up, the second reads at
// most scanLead bytes (and a buffer and a line) ahead; once it is done,
// the events whose last lines were already read close at once, long
// before the end of the input.
func TestScanLead(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a stalled reading")
	}
	line := func(ev, outlet, text string) string {
		b, _ := json.Marshal(map[string]string{"event": ev, "outlet": outlet, "text": text})
		return string(b) + "\n"
	}
	var in strings.Builder
	for i := range 3 {
		for _, o := range []string{"A", "B"} {
			in.WriteString(line(fmt.Sprint("e", i), o, fmt.Sprintf("Workers at plant %d walked out on Monday, union %s said.", i, o)))
		}
	}
	filler := `{"event":"x","text":"` + strings.Repeat("unclosed ", 1000) + "\n" // a dead letter, quick to refuse
	for in.Len() < 3*scanLead {
		in.WriteString(filler)
	}
	in.WriteString(line("e9", "A", "The bridge reopened on Tuesday."))
	size := int64(in.Len())
	s := &slowScan{r: bytes.NewReader([]byte(in.String())), release: make(chan struct{}), wait: 300 * time.Millisecond}
	st, err := RunContext(context.Background(), []Input{{Name: "c.jsonl", R: s}}, s, Config{}, Jobs(2))
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != 4 || st.TotalEvents != 4 {
		t.Errorf("stats %+v", st)
	}
	if slack := int64(64<<10 + len(filler)); s.readAt > scanLead+slack {
		t.Errorf("read %d of %d bytes before the first reading went on; want at most %d", s.readAt, size, scanLead+slack)
	}
	if s.written <= 0 || s.written >= size {
		t.Errorf("first report written after reading %d of %d bytes; want it before the end", s.written, size)
	}
}
