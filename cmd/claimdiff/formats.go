package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/summary"
)

// formatFlags are the flags of the output formats beyond one report on
// standard output: corpus mode's HTML site and summary file.
type formatFlags struct {
	out     string
	summary string
}

func addFormatFlags(fs *flag.FlagSet) *formatFlags {
	ff := &formatFlags{}
	fs.StringVar(&ff.out, "out", "", "corpus mode with --format html: the folder for index.html and one page per event")
	fs.StringVar(&ff.summary, "summary", "", "corpus mode: also write the summary across events (JSON) to this file")
	return ff
}

// corpusFormat checks the flags of corpus mode.
func (ff *formatFlags) corpusFormat(format string) error {
	switch format {
	case "jsonl", "csv":
		if ff.out != "" {
			return usageError{"--out is for --format html"}
		}
	case "html":
		if ff.out == "" {
			return usageError{"--group-by event --format html writes a folder: give it with --out DIR"}
		}
	default:
		return usageError{fmt.Sprintf("--group-by event writes --format jsonl, csv or html, not %q", format)}
	}
	return nil
}

// corpusOutput is where corpus mode writes its report lines: straight to
// out for plain JSON lines, else to a buffer that finish turns into the
// format asked for (and the summary file).
func (ff *formatFlags) corpusOutput(format string, out io.Writer) (io.Writer, func() error) {
	if format == "jsonl" && ff.summary == "" {
		return out, func() error { return nil }
	}
	var buf bytes.Buffer
	return &buf, func() error { return writeCorpusAs(buf.Bytes(), format, ff, out) }
}

// writeCorpusAs turns corpus mode's report lines into the format asked
// for, and writes the summary file when one is asked for.
func writeCorpusAs(lines []byte, format string, ff *formatFlags, out io.Writer) error {
	var reports []*compare.Report
	b := summary.New()
	for i, l := range bytes.Split(lines, []byte("\n")) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		var head struct {
			Event string `json:"event"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal(l, &head); err != nil {
			return fmt.Errorf("report line %d: %w", i+1, err)
		}
		if head.Error != "" {
			b.AddTooLarge(head.Event)
			continue
		}
		r := &compare.Report{}
		if err := json.Unmarshal(l, r); err != nil {
			return fmt.Errorf("report line %d: %w", i+1, err)
		}
		b.Add(r)
		reports = append(reports, r)
	}
	s := b.Summary()
	switch format {
	case "jsonl":
		if _, err := out.Write(lines); err != nil {
			return err
		}
	case "csv":
		cw := csv.NewWriter(out)
		if err := cw.Write(compare.CSVColumns); err != nil {
			return err
		}
		for _, r := range reports {
			if err := r.WriteCSVRows(cw); err != nil {
				return err
			}
		}
	case "html":
		if err := writeSite(ff.out, reports, s); err != nil {
			return err
		}
	}
	if ff.summary != "" {
		var buf bytes.Buffer
		if err := s.WriteJSON(&buf); err != nil {
			return err
		}
		if err := os.WriteFile(ff.summary, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeSite writes corpus mode's HTML: index.html and one page per event.
func writeSite(dir string, reports []*compare.Report, s *summary.Summary) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var events []summary.EventPage
	for i, r := range reports {
		name := fmt.Sprintf("event-%03d-%s.html", i+1, slug(r.Event))
		var buf bytes.Buffer
		if err := r.WriteHTML(&buf); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
		events = append(events, summary.EventPageOf(r, name))
	}
	var buf bytes.Buffer
	if err := summary.WriteHTMLIndex(&buf, events, s); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}

// slug keeps the letters and digits of an event's name for a file name,
// at most 40 of them; the page's number keeps names apart.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "event"
	}
	return out
}
