package compare

import (
	"io"
	"sync"
)

// The JSON writers stream the two lists that grow with the input, the
// documents' claims and the groups, one element at a time: a 30 MB article
// has 360,000 claims, and building the whole report's JSON in memory
// before writing a byte would hold it twice. Everything else (the
// skeleton) is encoded first, so that a value JSON cannot hold there
// writes nothing, as json.Encoder would. The bytes are exactly those of
// json.Encoder with SetEscapeHTML(false) (and SetIndent("", "  ") for
// WriteJSON) on the whole report, whose lists of documents, claims and
// groups are never null: the types are encoded by hand (json_encode.go),
// and indenting is a pure re-layout of the compact tokens.

// WriteJSON writes the report as indented JSON: the contract of
// schema/report.schema.json (docs/report.md explains every field).
// The bytes are the same for the same input.
func (r *Report) WriteJSON(w io.Writer) error { return r.writeJSON(w, true) }

// WriteJSONLine writes the report as one line of JSON, for corpus mode.
func (r *Report) WriteJSONLine(w io.Writer) error { return r.writeJSON(w, false) }

// jsonFlush is how much compact JSON is gathered before it is written.
const jsonFlush = 64 << 10

// jsonWriters keeps the writers' buffers from one report to the next:
// corpus mode writes thousands of small reports.
var jsonWriters = sync.Pool{New: func() any { return new(jsonWriter) }}

func (r *Report) writeJSON(w io.Writer, indent bool) error {
	jw := jsonWriters.Get().(*jsonWriter)
	defer func() {
		jw.w = nil
		jw.e.err, jw.sk.err, jw.err = nil, nil, nil
		jw.ind = indenter{}
		if cap(jw.sk.b)+cap(jw.e.b)+cap(jw.out) <= 4<<20 { // a huge claim's buffer is not kept
			jsonWriters.Put(jw)
		}
	}()
	jw.w, jw.indent = w, indent
	// The skeleton: what comes before the documents' claims, between
	// them and after the groups.
	sk := &jw.sk
	sk.b = append(sk.b[:0], `{"version":`...)
	sk.int(r.Version)
	sk.optStr(`"event":`, r.Event)
	sk.key(`"run":`)
	encRun(sk, &r.Run)
	sk.key(`"documents":[`)
	cuts := jw.cuts[:0]
	for i, d := range r.Documents {
		if i > 0 {
			sk.b = append(sk.b, ',')
		}
		if d == nil {
			sk.b = append(sk.b, "null"...)
			continue
		}
		encDocumentHead(sk, d)
		cuts = append(cuts, len(sk.b))
		encDocumentTail(sk, d)
	}
	sk.b = append(sk.b, `],"groups":[`...)
	cuts = append(cuts, len(sk.b))
	sk.b = append(sk.b, ']')
	sk.key(`"unique":`)
	sk.strs(r.Unique)
	sk.key(`"outlets":`)
	object(sk, r.Outlets, encProfile)
	sk.b = append(sk.b, '}')
	jw.cuts = cuts
	if sk.err != nil {
		return sk.err
	}

	e := &jw.e
	e.b = e.b[:0]
	pos, k := 0, 0
	emit := func(n int, elem func(i int)) error {
		e.b = append(e.b, sk.b[pos:cuts[k]]...)
		pos = cuts[k]
		k++
		for i := 0; i < n; i++ {
			mark := len(e.b)
			if i > 0 {
				e.b = append(e.b, ',')
				mark++
			}
			elem(i)
			if e.err != nil {
				// What came before the element is written, as
				// json.Encoder's caller wrote it before.
				e.b = e.b[:mark]
				jw.flush()
				return e.err
			}
			if len(e.b) >= jsonFlush {
				jw.flush()
			}
		}
		return jw.err
	}
	for _, d := range r.Documents {
		if d == nil {
			continue
		}
		if err := emit(len(d.Claims), func(i int) { encClaim(e, &d.Claims[i]) }); err != nil {
			return err
		}
	}
	if err := emit(len(r.Groups), func(i int) { encGroup(e, &r.Groups[i]) }); err != nil {
		return err
	}
	e.b = append(e.b, sk.b[pos:]...)
	jw.flush()
	if jw.err == nil {
		_, jw.err = w.Write(newline)
	}
	return jw.err
}

var newline = []byte{'\n'}

// jsonWriter writes the compact JSON gathered in e, indented when asked.
type jsonWriter struct {
	w      io.Writer
	indent bool
	sk     jsonEnc // the skeleton
	cuts   []int   // where the skeleton's lists open
	e      jsonEnc
	ind    indenter
	out    []byte // the indented bytes
	err    error
}

func (j *jsonWriter) flush() {
	b := j.e.b
	if j.indent {
		j.out = j.ind.indent(j.out[:0], b, "", "  ")
		b = j.out
	}
	if j.err == nil && len(b) > 0 {
		_, j.err = j.w.Write(b)
	}
	j.e.b = j.e.b[:0]
}

// indentJSON appends src, compact JSON as encoding/json writes it (valid,
// no space outside strings), laid out as json.Indent(dst, src, prefix,
// indent) lays it out: the same bytes, without the scanner's checks
// (src was just encoded). Empty objects and arrays stay "{}" and "[]".
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	var in indenter
	return in.indent(dst, src, prefix, indent)
}

// indenter is indentJSON over a value given in pieces, each cut between
// two tokens (never inside a string): it keeps the depth from one piece
// to the next.
type indenter struct {
	depth      int
	needIndent bool
}

func (in *indenter) indent(dst, src []byte, prefix, indent string) []byte {
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	depth, needIndent := in.depth, in.needIndent
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline(depth)
		}
		switch c {
		case '"':
			// A string, escapes and all, as it is.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			dst = append(dst, src[i:j]...)
			i = j - 1
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline(depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	in.depth, in.needIndent = depth, needIndent
	return dst
}
