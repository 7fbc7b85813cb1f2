package extract

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// RecordError is the error EachRecord returns when a JSON array breaks off:
// nothing after Line can be read as articles.
type RecordError struct {
	Line int
	Err  error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("line %d: the JSON array breaks here, the rest of the input is not read: %v", e.Line, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// EachRecord calls fn with every record of JSON input: each line of JSON
// lines (as ScanLines passes them, blank lines included), or, when the
// input's first non-blank byte is '[', each element of one JSON array
// (pretty-printed or not), with the line on which the element starts. raw
// is only valid during the call. A syntax error inside an array stops the
// reading with a *RecordError, since nothing after it can be delimited;
// an error from fn is returned as it is.
func EachRecord(r io.Reader, fn func(line int, raw []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if !startsArray(br) {
		return ScanLines(br, fn)
	}
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	dec.Token() // the '[' startsArray saw
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return &RecordError{Line: lc.lineAt(breakAt(err, dec, lc)), Err: jsonError(err)}
		}
		start := dec.InputOffset() - int64(len(raw))
		if err := fn(lc.lineAt(start), raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return &RecordError{Line: lc.lineAt(breakAt(err, dec, lc)), Err: jsonError(err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &RecordError{Line: lc.lineAt(dec.InputOffset()), Err: errors.New("more data after the closing ']' of the array")}
	}
	return nil
}

// breakAt is the offset where a JSON array broke: the syntax error's
// place, or the end of input for one cut short.
func breakAt(err error, dec *json.Decoder, lc *lineCounter) int64 {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return se.Offset
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return lc.off
	}
	return dec.InputOffset()
}

// startsArray reports whether the first byte after blanks (and a UTF-8
// byte order mark) is '[', reading no further than that byte, so that a
// slow pipe is not waited on. It consumes the byte order mark before an
// array and nothing else: blanks stay so that line numbers count them.
func startsArray(br *bufio.Reader) bool {
	const bom = "\xef\xbb\xbf"
	skip := 0
	for n := 1; n <= br.Size(); n++ {
		b, _ := br.Peek(n)
		if len(b) < n {
			return false
		}
		c := b[n-1]
		if n <= len(bom) && c == bom[n-1] && string(b) == bom[:n] {
			if n == len(bom) {
				skip = len(bom)
			}
			continue
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '[':
			br.Discard(skip)
			return true
		}
		return false
	}
	return false
}

// lineCounter counts the newlines read through it so that a byte offset
// can be turned into a line number; offsets are asked in increasing order,
// so the newlines before the last one asked are dropped.
type lineCounter struct {
	r       io.Reader
	off     int64
	nl      []int64 // offsets of newlines not yet passed
	dropped int     // newlines before nl[0]
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.nl = append(c.nl, c.off+int64(i))
		}
	}
	c.off += int64(n)
	return n, err
}

func (c *lineCounter) lineAt(off int64) int {
	i := sort.Search(len(c.nl), func(i int) bool { return c.nl[i] >= off })
	c.dropped += i
	c.nl = append(c.nl[:0], c.nl[i:]...)
	return c.dropped + 1
}
