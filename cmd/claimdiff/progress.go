package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/claimdiff/claimdiff/corpus"
)

// progress draws one status line on standard error while a run goes on,
// when standard error is a terminal. It redraws at most every tick so that
// a fast run is not slowed by its display.
type progress struct {
	mu    sync.Mutex
	w     io.Writer // nil: no display
	last  time.Time
	drawn bool
	tick  time.Duration
}

// newProgress returns a display on stderr, or a silent one when quiet or
// when stderr is not a terminal (a file or a pipe gets no carriage returns).
func newProgress(stderr io.Writer, quiet bool) *progress {
	p := &progress{tick: 200 * time.Millisecond}
	if quiet {
		return p
	}
	if f, ok := stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.w = stderr
		}
	}
	return p
}

// status shows the message msg makes, unless the last one was shown less
// than a tick ago. msg is called only then: corpus mode reports after every
// article, and formatting each report was 0.7% of a quiet run's CPU.
func (p *progress) status(msg func() string) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) >= p.tick {
		p.last = now
		fmt.Fprintf(p.w, "\r\x1b[Kclaimdiff: %s", msg())
		p.drawn = true
	}
}

// clear removes the status line before other messages or the end.
func (p *progress) clear() {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// corpusStatus says how far a corpus run is: articles and events done,
// the rate, and the time left when the totals are known.
func corpusStatus(s corpus.Stats) string {
	msg := fmt.Sprintf("%s articles", count(s.Articles))
	if s.DeadLetters > 0 {
		msg += fmt.Sprintf(" (+%s dead letters)", count(s.DeadLetters))
	}
	if s.TotalEvents > 0 {
		msg += fmt.Sprintf(", %s/%s events", count(s.Events), count(s.TotalEvents))
	} else {
		msg += fmt.Sprintf(", %s events", count(s.Events))
	}
	if secs := s.Elapsed.Seconds(); secs > 0.5 {
		msg += fmt.Sprintf(", %.0f articles/s", float64(s.Articles)/secs)
	}
	if s.TotalRecords > 0 && s.Records > 0 && s.Elapsed > time.Second {
		left := time.Duration(float64(s.Elapsed) * float64(s.TotalRecords-s.Records) / float64(s.Records))
		msg += fmt.Sprintf(", %s left", left.Round(time.Second))
	}
	return msg
}

// count writes n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
