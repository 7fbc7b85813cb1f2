package extract

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeArticle reads line into *a in one pass and reports whether it
// could; when it cannot, the caller clears *a and asks json.Unmarshal,
// which decides the line, errors included. json.Unmarshal scans a line
// twice (it validates all of it, then decodes) through a state machine
// called per byte, and corpus mode reads every record that way: a few
// percent of its CPU. Records are nearly always flat objects of string
// fields, and for those this gives the fields json.Unmarshal gives.
//
// It takes only what it can decide as json.Unmarshal would: one object
// whose keys are plain ASCII without escapes, each either one of
// Article's names exactly (value a string; a repeated key keeps its last
// value, as json.Unmarshal does) or a key that matches no name in any
// case (value a string, number, true, false or null, ignored); strings
// of valid UTF-8 without control bytes, whose escapes are JSON's own, \u
// escapes outside the surrogate range. Anything else (a null or number
// for a field, a nested value, a key that differs from a name only in
// case, a surrogate escape, a syntax error) returns false. TestDecodeArticleMatchesUnmarshal checks the two agree.
func decodeArticle(line []byte, a *Article) bool {
	return decodeFields(line, a, false)
}

// RecordEvent returns the "event" of a JSON article record as
// ParseArticle would read it, and false for a record json.Unmarshal
// cannot read as an object with a string "event" (a record ParseArticle
// refuses for other reasons may still have one). Corpus mode's first pass
// asks it of every record to learn where each event ends; it reads
// the rest of the record without copying it.
func RecordEvent(line []byte) (string, bool) {
	var a Article
	if decodeFields(line, &a, true) {
		return a.Event, true
	}
	var e struct {
		Event string `json:"event"`
	}
	if json.Unmarshal(line, &e) != nil {
		return "", false
	}
	return e.Event, true
}

// decodeFields is decodeArticle, which keeps only the event when
// eventOnly is set (the other fields are read and checked, not copied).
func decodeFields(line []byte, a *Article, eventOnly bool) bool {
	d := articleDecoder{b: line, quote: -1}
	d.space()
	if !d.byte('{') {
		return false
	}
	d.space()
	if d.byte('}') {
		d.space()
		return d.i == len(d.b)
	}
	for {
		key, ok := d.rawKey()
		if !ok {
			return false
		}
		d.space()
		if !d.byte(':') {
			return false
		}
		d.space()
		field, known := articleField(a, key)
		if !known && !unknownKey(key) {
			return false
		}
		if !known && d.i < len(d.b) && d.b[d.i] != '"' {
			// An ignored field's number, true, false or null
			// (records often carry an id or a year).
			if !d.scalar() {
				return false
			}
		} else {
			keep := known && (!eventOnly || field == &a.Event)
			s, ok := d.str(keep)
			if !ok {
				return false
			}
			if keep {
				*field = s
			}
		}
		d.space()
		if d.byte('}') {
			d.space()
			return d.i == len(d.b)
		}
		if !d.byte(',') {
			return false
		}
		d.space()
	}
}

// articleField returns the field of a whose JSON name is key exactly.
func articleField(a *Article, key []byte) (*string, bool) {
	switch string(key) {
	case "event":
		return &a.Event, true
	case "outlet":
		return &a.Outlet, true
	case "title":
		return &a.Title, true
	case "published":
		return &a.Published, true
	case "url":
		return &a.URL, true
	case "source":
		return &a.Source, true
	case "text":
		return &a.Text, true
	}
	return nil, false
}

// unknownKey reports whether json.Unmarshal certainly ignores key: it is
// ASCII (encoding/json folds a few non-ASCII letters onto ASCII ones, the
// Kelvin sign onto k) and no field's name in any case.
func unknownKey(key []byte) bool {
	var low [len("published")]byte
	if len(key) > len(low) {
		for _, c := range key {
			if c >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	for i, c := range key {
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	var a Article
	_, known := articleField(&a, low[:len(key)])
	return !known
}

// articleDecoder is decodeArticle's position in its line.
type articleDecoder struct {
	b     []byte
	i     int
	quote int // plainRun's next '"' (len(b): none), stale once below i
}

// space passes over JSON's white space.
func (d *articleDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// byte passes over c if it comes next.
func (d *articleDecoder) byte(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// rawKey reads a key without escapes and returns its bytes in the line.
func (d *articleDecoder) rawKey() ([]byte, bool) {
	if !d.byte('"') {
		return nil, false
	}
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			return d.b[start : d.i-1], true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return nil, false
		}
		d.i++
	}
	return nil, false
}

// str reads a string value; keep says whether its text is wanted (an
// ignored field's string is only checked).
func (d *articleDecoder) str(keep bool) (string, bool) {
	if !d.byte('"') {
		return "", false
	}
	var out []byte // the text so far, once an escape was met (a pooled buffer)
	var buf *[]byte
	for {
		// A plain run up to the closing quote or an escape: an
		// article's text is a few long runs between the escapes of its
		// line breaks and quotes.
		// high gathers the run's bytes: a run without a byte from 0x80
		// is ASCII, valid UTF-8 without a second look.
		start := d.i
		end, high, ok := d.plainRun()
		d.i = end
		if !ok || d.i == len(d.b) {
			return "", false
		}
		// A run ends at an ASCII byte, so a character is never split
		// between two runs.
		run := d.b[start:d.i]
		if high&swarHighs != 0 && !utf8.Valid(run) {
			// json.Unmarshal puts U+FFFD for each invalid byte.
			return "", false
		}
		if keep {
			if d.b[d.i] == '"' && out == nil {
				d.i++
				return string(run), true
			}
			if out == nil {
				// The text is gathered in a buffer of the pool and
				// copied out once at its length: sizing it first
				// by a pass to the closing quote (the string's
				// quoted length) cost more than the copy.
				buf = strBufs.Get().(*[]byte)
				out = (*buf)[:0]
			}
			out = append(out, run...)
		}
		if d.b[d.i] == '"' {
			d.i++
			if !keep {
				return "", true
			}
			text := string(out)
			if cap(out) <= maxPooledStrBuf {
				*buf = out[:0]
				strBufs.Put(buf)
			}
			return text, true
		}
		if d.i+1 >= len(d.b) {
			return "", false
		}
		e := d.b[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
		case 'b':
			e = '\b'
		case 'f':
			e = '\f'
		case 'n':
			e = '\n'
		case 'r':
			e = '\r'
		case 't':
			e = '\t'
		case 'u':
			r, ok := hex4(d.b[d.i:])
			if !ok || utf16.IsSurrogate(r) {
				// A surrogate pair, or a lone half that json.Unmarshal
				// turns into U+FFFD: left to it.
				return "", false
			}
			d.i += 4
			if keep {
				out = utf8.AppendRune(out, r)
			}
			continue
		default:
			return "", false
		}
		if keep {
			out = append(out, e)
		}
	}
}

// scalar passes over a JSON number, true, false or null.
func (d *articleDecoder) scalar() bool {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(d.b)-d.i >= len(lit) && string(d.b[d.i:d.i+len(lit)]) == lit {
			d.i += len(lit)
			return true
		}
	}
	// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
	d.byte('-')
	switch {
	case d.byte('0'):
	case d.i < len(d.b) && '1' <= d.b[d.i] && d.b[d.i] <= '9':
		d.digits()
	default:
		return false
	}
	if d.byte('.') && !d.digits() {
		return false
	}
	if d.byte('e') || d.byte('E') {
		if !d.byte('+') {
			d.byte('-')
		}
		if !d.digits() {
			return false
		}
	}
	return true
}

// digits passes over a run of decimal digits and reports whether there
// was one.
func (d *articleDecoder) digits() bool {
	start := d.i
	for d.i < len(d.b) && '0' <= d.b[d.i] && d.b[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}

// plainRun returns where the plain run from d.i ends (the first quote,
// backslash or control byte) and its bytes ORed together (a run without
// a high bit is ASCII), or false when a control byte ends it: a JSON
// string cannot hold one, so the caller needs no more than that. The
// quote and the backslash are found by bytes.IndexByte, which reads many
// bytes an instruction, and the run is then tested for control bytes a
// word at a time; d.quote keeps the next quote from one run to the next,
// so that a text of many escapes is not searched to its end at each.
func (d *articleDecoder) plainRun() (int, uint64, bool) {
	if d.quote < d.i {
		d.quote = len(d.b)
		if k := bytes.IndexByte(d.b[d.i:], '"'); k >= 0 {
			d.quote = d.i + k
		}
	}
	end := d.quote
	if k := bytes.IndexByte(d.b[d.i:end], '\\'); k >= 0 {
		end = d.i + k
	}
	run := d.b[d.i:end]
	var low, high uint64
	i := 0
	for ; i+16 <= len(run); i += 16 {
		w := run[i : i+16 : i+16]
		x, y := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:])
		low |= (x-0x20*swarOnes)&^x | (y-0x20*swarOnes)&^y
		high |= x | y
	}
	low &= swarHighs // belowSpace8 of each word, ORed
	for ; i+8 <= len(run); i += 8 {
		x := binary.LittleEndian.Uint64(run[i:])
		low |= belowSpace8(x)
		high |= x
	}
	for ; i < len(run); i++ {
		if run[i] < 0x20 {
			low = 1
		}
		high |= uint64(run[i])
	}
	return end, high, low == 0
}

// strBufs hold the text of strings with escapes while str reads them.
// A buffer that grew past maxPooledStrBuf (a text of megabytes) is left
// to the collector.
var strBufs = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledStrBuf = 1 << 20

// hex4 reads the four hexadecimal digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// belowSpace8 is not zero exactly when a byte of x is a control byte
// (below 0x20). A byte from 0x20 takes 0x20 away without a borrow and
// keeps its high bit only when x has it; the lowest byte below 0x20
// borrows and sets its high bit, which x lacks. Bytes after a borrow may
// be marked too: the answer is for the word, not for each byte.
func belowSpace8(x uint64) uint64 {
	return (x - 0x20*swarOnes) &^ x & swarHighs
}
