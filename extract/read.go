package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MaxInputBytes bounds what a reader takes from one input: a larger input
// is refused with ErrTooLarge rather than read into memory.
const MaxInputBytes = 64 << 20

// Errors the readers return; they are wrapped with the file name and line.
var (
	ErrTooLarge = errors.New("input larger than 64 MiB")
	// ErrNoText is an article without text: no "text" field, or one that
	// holds only whitespace.
	ErrNoText  = errors.New(`JSON article has no "text"`)
	ErrBadJSON = errors.New("not a JSON article")
)

// errBlankText is ErrNoText for a "text" that is there but blank.
var errBlankText = fmt.Errorf(`%w: its "text" is empty or only whitespace`, ErrNoText)

// Article is the JSON form of an article: one object, or one per line.
// Fields other than these are ignored, except "event", which corpus mode
// groups by.
type Article struct {
	Event     string `json:"event,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Text      string `json:"text"`
}

// ReadText reads a plain-text article. The bytes are kept as they are;
// spans index them.
func ReadText(r io.Reader, opts ...Option) (*Document, error) {
	b, err := readAll(r)
	if err != nil {
		return nil, err
	}
	return Extract(string(b), opts...), nil
}

// ReadJSON reads articles as JSON: one object, an array of objects, or
// JSON lines (one object a line; blank lines skipped). Spans index the
// UTF-8 bytes of each "text". An error names the line of the first article
// that cannot be read (for an array, the line where the element starts).
func ReadJSON(r io.Reader, opts ...Option) ([]*Document, error) {
	b, err := readAll(r)
	if err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(b)
	var one Article
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, &one) == nil {
		d, err := one.Document(opts...)
		if err != nil {
			return nil, err
		}
		return []*Document{d}, nil
	}
	var docs []*Document
	err = EachArticle(bytes.NewReader(b), func(line int, a Article) error {
		d, err := a.Document(opts...)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// ParseArticle decodes one JSON line into an Article. Its errors say what
// is wrong in the user's words: not JSON, binary data, an array or a
// string where an article object belongs, a field of the wrong type, no
// text.
func ParseArticle(line []byte) (Article, error) {
	var a Article
	if decodeArticle(line, &a) {
		// The line is text as CheckText counts unless its DEL bytes and
		// C1 controls say otherwise (decodedNonText): it is not read a
		// second time for them.
		if err := nonTextError(0, decodedNonText(line), len(line)); err != nil {
			return Article{}, fmt.Errorf("%w: %w", ErrBadJSON, err)
		}
	} else {
		if err := CheckText(line); err != nil {
			return Article{}, fmt.Errorf("%w: %w", ErrBadJSON, err)
		}
		a = Article{}
		if err := json.Unmarshal(line, &a); err != nil {
			return a, fmt.Errorf("%w: %v", ErrBadJSON, jsonError(err))
		}
	}
	if a.Text == "" {
		return a, ErrNoText
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, errBlankText
	}
	return a, nil
}

// jsonError rewords encoding/json's errors, which name Go types, in the
// terms of the input.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Errorf("found a JSON %s where an article object {…} belongs", te.Value)
		}
		return fmt.Errorf("field %q is a JSON %s, not a %s", te.Field, te.Value, jsonKind(te.Type.Kind().String()))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("the JSON ends too early (cut off?)")
	}
	return err
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "int", "int64", "float64":
		return "number"
	case "struct", "map":
		return "object"
	case "slice":
		return "array"
	}
	return goKind
}

// EachLine calls fn for every non-blank line of JSON-lines input, with its
// 1-based line number. It stops at the first error, naming the line.
func EachLine(r io.Reader, fn func(line int, a Article) error) error {
	return eachArticle(r, ScanLines, fn)
}

// EachArticle is EachLine over JSON lines or one JSON array of articles
// (see EachRecord); an array element is numbered by the line it starts on.
func EachArticle(r io.Reader, fn func(line int, a Article) error) error {
	return eachArticle(r, EachRecord, fn)
}

func eachArticle(r io.Reader, scan func(io.Reader, func(int, []byte) error) error, fn func(line int, a Article) error) error {
	return scan(r, func(n int, raw []byte) error {
		if len(bytes.TrimSpace(raw)) == 0 {
			return nil
		}
		if len(raw) > MaxInputBytes {
			return fmt.Errorf("line %d: %w", n, ErrTooLarge)
		}
		a, err := ParseArticle(raw)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		return fn(n, a)
	})
}

// maxKeptLine is the largest buffer ScanLines keeps for long lines from
// one line to the next.
const maxKeptLine = 1 << 20

// ScanLines calls fn for every line of r with its 1-based number, blank
// lines included, so that every reader of JSON lines (the command, corpus
// mode, the Beam pipeline) numbers lines alike. A line ends after '\n'; a
// last line without one still counts. raw includes the newline and is only
// valid during the call. A line is passed whole, however long: fn decides
// what is too large. Reading stops at fn's first error.
//
// A line that fits the reader's buffer is passed from the buffer itself and
// a longer one from one buffer kept from line to line (up to maxKeptLine),
// so that reading costs no allocation per line: corpus mode reads its
// input twice.
func ScanLines(r io.Reader, fn func(n int, raw []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	n := 0
	var long []byte
	for {
		raw, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long[:0], raw...)
			for err == bufio.ErrBufferFull {
				raw, err = br.ReadSlice('\n')
				long = append(long, raw...)
			}
			raw = long
		}
		if len(raw) > 0 {
			n++
			if ferr := fn(n, raw); ferr != nil {
				return ferr
			}
		}
		if cap(long) > maxKeptLine {
			// A line of megabytes is rare: its buffer is not worth
			// holding for the rest of the input.
			long = nil
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
}

// Document extracts the article; options override its fields. It refuses
// an article without text (ErrNoText) and one whose text is binary data
// (ErrNotText).
func (a Article) Document(opts ...Option) (*Document, error) {
	if a.Text == "" {
		return nil, ErrNoText
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, errBlankText
	}
	if err := CheckText(a.Text); err != nil {
		return nil, fmt.Errorf(`"text": %w`, err)
	}
	base := []Option{WithOutlet(a.Outlet), WithTitle(a.Title), WithPublished(a.Published), WithURL(a.URL), WithSource(a.Source)}
	return Extract(a.Text, append(base, opts...)...), nil
}

// ReadFile reads an article file by its extension: .json and .jsonl as JSON,
// .html and .htm as a web page, anything else as plain text. The file's base
// name becomes the document's source unless an option says otherwise.
func ReadFile(path string, opts ...Option) ([]*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadNamed(f, path, opts...)
}

// ReadNamed reads r as ReadFile would read a file called name ("-" or ""
// read as plain text).
func ReadNamed(r io.Reader, name string, opts ...Option) ([]*Document, error) {
	base := filepath.Base(name)
	o := append([]Option{WithSource(base)}, opts...)
	var docs []*Document
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".jsonl", ".ndjson":
		docs, err = ReadJSON(r, opts...)
		for i, d := range docs {
			if d.Source == "" {
				d.Source = base
				if len(docs) > 1 {
					d.Source = fmt.Sprintf("%s#%d", base, i+1)
				}
			}
		}
	case ".html", ".htm":
		var d *Document
		d, err = ReadHTML(r, o...)
		if d != nil {
			docs = []*Document{d}
		}
	default:
		var d *Document
		d, err = ReadText(r, o...)
		if d != nil {
			docs = []*Document{d}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	nameOutlets(docs, name)
	return docs, nil
}

// readAll reads a whole input for the readers, refusing one that is too
// large or not text.
func readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxInputBytes {
		return nil, ErrTooLarge
	}
	if err := CheckText(b); err != nil {
		return nil, err
	}
	return b, nil
}
