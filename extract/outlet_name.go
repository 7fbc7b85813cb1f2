package extract

import (
	"path/filepath"
	"strings"
)

// Notes that say where an outlet's name came from when the input gave none.
const (
	NoteOutletFromByline   = "outlet: none given; taken from the byline"
	NoteOutletFromFileName = "outlet: none given; taken from the file name"
)

// maxBylineWords bounds a byline taken as an outlet's name: "By JNS" or
// "By Harbor Ledger Staff" is a name, a sentence is not.
const maxBylineWords = 6

// nameOutlets gives a name to the documents read from one input that have
// no outlet: the byline without its "By", or, for an input of one article,
// the file name without its extension (underscores read as spaces). A note
// on the document says which; a report must not pass a guess off as given.
func nameOutlets(docs []*Document, name string) {
	for _, d := range docs {
		if d.Outlet != "" {
			continue
		}
		if by := bylineName(d); by != "" {
			d.Outlet = by
			d.Notes = append(d.Notes, NoteOutletFromByline)
			continue
		}
		base := filepath.Base(name)
		stem := strings.TrimSpace(strings.ReplaceAll(strings.TrimSuffix(base, filepath.Ext(base)), "_", " "))
		if len(docs) != 1 || stem == "" || name == "" || name == "-" || strings.HasPrefix(base, "stdin.") {
			continue
		}
		d.Outlet = stem
		d.Notes = append(d.Notes, NoteOutletFromFileName)
	}
}

// bylineName is the document's first byline without "By" and trailing
// punctuation, or "" when there is none or it is too long to be a name.
func bylineName(d *Document) string {
	for _, e := range d.Excluded {
		if e.Kind != ExcludedByline {
			continue
		}
		s := strings.TrimSpace(e.Text)
		if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
			s = strings.TrimSpace(s[3:])
		}
		s = strings.TrimRight(s, " .,;:|-—–")
		if s == "" || len(strings.Fields(s)) > maxBylineWords {
			return ""
		}
		return s
	}
	return ""
}
