package compare

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

// The JSON writers stream the two lists that grow with the input, the
// documents' claims and the groups, one element at a time: a 30 MB article
// has 360,000 claims, and encoding/json would build the whole report in
// memory (twice, when indenting) before writing a byte. The rest of the
// report is marshalled as a skeleton with those lists empty, and each
// element is spliced in where its list stands. The bytes are exactly those
// of json.Encoder with SetEscapeHTML(false) (and SetIndent("", "  ") for
// WriteJSON): encoding is the same per element, and indenting is a pure
// re-layout of tokens.

// WriteJSON writes the report as indented JSON: the contract of
// schema/report.schema.json (docs/report.md explains every field).
// The bytes are the same for the same input.
func (r *Report) WriteJSON(w io.Writer) error { return r.writeJSON(w, true) }

// WriteJSONLine writes the report as one line of JSON, for corpus mode.
func (r *Report) WriteJSONLine(w io.Writer) error { return r.writeJSON(w, false) }

func (r *Report) writeJSON(w io.Writer, indent bool) error {
	skel := *r
	skel.Groups = []Group{}
	skel.Documents = make([]*extract.Document, len(r.Documents))
	for i, d := range r.Documents {
		if d == nil {
			continue
		}
		c := *d
		c.Claims = []extract.Claim{}
		skel.Documents[i] = &c
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(&skel); err != nil {
		return err
	}
	rest := buf.Bytes()
	jw := &jsonWriter{w: w, indent: indent}
	for _, d := range r.Documents {
		if d == nil {
			continue
		}
		var err error
		if rest, err = jw.splice(rest, "claims", len(d.Claims), func(i int) any { return &d.Claims[i] }); err != nil {
			return err
		}
	}
	rest, err := jw.splice(rest, "groups", len(r.Groups), func(i int) any { return &r.Groups[i] })
	if err != nil {
		return err
	}
	jw.write(rest)
	return jw.err
}

var errSkeleton = errors.New("compare: report skeleton without its list (a field renamed?)")

// jsonWriter writes the skeleton and the spliced elements.
type jsonWriter struct {
	w      io.Writer
	indent bool
	buf    bytes.Buffer
	ind    []byte // an element indented
	err    error
}

// indentJSON appends src, compact JSON as encoding/json writes it (valid,
// no space outside strings), laid out as json.Indent(dst, src, prefix,
// indent) lays it out: the same bytes, without the scanner's checks
// (src was just encoded). Empty objects and arrays stay "{}" and "[]".
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	depth := 0
	needIndent := false
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
	return dst
}

func (j *jsonWriter) write(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// splice writes rest up to the first empty list named key, then its n
// elements, and returns what follows the list. In indented JSON the key
// starts a line (a string value never holds a raw newline); in compact
// JSON it follows '{' or ',' (a quote inside a string is always escaped),
// so the match is never inside a string.
func (j *jsonWriter) splice(rest []byte, key string, n int, elem func(int) any) ([]byte, error) {
	var at, depth int
	if j.indent {
		at = bytes.Index(rest, []byte(`"`+key+`": []`))
		for at > 0 && rest[at-1] == ' ' {
			at--
			depth++
		}
		if at <= 0 || rest[at-1] != '\n' {
			return nil, errSkeleton
		}
		at += depth
	} else {
		at = bytes.Index(rest, []byte(`"`+key+`":[]`))
		if at <= 0 || rest[at-1] != ',' && rest[at-1] != '{' {
			return nil, errSkeleton
		}
	}
	open := at + bytes.IndexByte(rest[at:], '[') + 1
	j.write(rest[:open])
	if n == 0 {
		return rest[open:], j.err
	}
	prefix := strings.Repeat(" ", depth+2)
	newline := []byte("\n" + prefix)
	// One encoder for the list: it keeps its buffers from one element to
	// the next (an encoder per element grew a new indenting buffer each
	// time).
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	for i := 0; i < n && j.err == nil; i++ {
		j.buf.Reset()
		if err := enc.Encode(elem(i)); err != nil {
			return nil, err
		}
		b := bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))
		if j.indent {
			// Indented here rather than by the encoder: encoding/json
			// re-reads its output through its validating scanner to
			// indent it, half the time of writing a 30 MB article.
			j.ind = indentJSON(j.ind[:0], b, prefix, "  ")
			b = j.ind
			j.write(newline)
		}
		j.write(b)
		if i < n-1 {
			j.write([]byte(","))
		}
	}
	if j.indent {
		j.write([]byte("\n" + strings.Repeat(" ", depth)))
	}
	return rest[open:], j.err
}
