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
	ErrNoText   = errors.New(`JSON article has no "text"`)
	ErrBadJSON  = errors.New("not a JSON article")
)

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

// ReadJSON reads articles as JSON: one object, or JSON lines (one object a
// line; blank lines skipped). Spans index the UTF-8 bytes of each "text".
// An error names the line of the first article that cannot be read.
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
	err = EachLine(bytes.NewReader(b), func(line int, a Article) error {
		d, err := a.Document(opts...)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// ParseArticle decodes one JSON line into an Article.
func ParseArticle(line []byte) (Article, error) {
	var a Article
	if err := json.Unmarshal(line, &a); err != nil {
		return a, fmt.Errorf("%w: %v", ErrBadJSON, err)
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, ErrNoText
	}
	return a, nil
}

// EachLine calls fn for every non-blank line of JSON-lines input, with its
// 1-based line number. It stops at the first error, naming the line.
func EachLine(r io.Reader, fn func(line int, a Article) error) error {
	return ScanLines(r, func(n int, raw []byte) error {
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

// ScanLines calls fn for every line of r with its 1-based number, blank
// lines included, so that every reader of JSON lines (the command, corpus
// mode, the Beam pipeline) numbers lines alike. A line ends after '\n'; a
// last line without one still counts. raw includes the newline and is only
// valid during the call. A line is passed whole, however long: fn decides
// what is too large. Reading stops at fn's first error.
func ScanLines(r io.Reader, fn func(n int, raw []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	n := 0
	for {
		raw, err := br.ReadBytes('\n')
		if len(raw) > 0 {
			n++
			if ferr := fn(n, raw); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
}

// Document extracts the article; options override its fields.
func (a Article) Document(opts ...Option) (*Document, error) {
	if strings.TrimSpace(a.Text) == "" {
		return nil, ErrNoText
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

func readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxInputBytes {
		return nil, ErrTooLarge
	}
	return b, nil
}
