package compare

import (
	"sort"
	"time"

	"github.com/claimdiff/claimdiff/extract"
)

// inferPublished gives each document without a publication date the date
// of the others (the lower median of their dates), so that its "Friday"
// and "Sept. 9" resolve as theirs do and can match them; see
// extract.Document.InferPublished. Articles about one event appear within
// days of each other, and the median is not moved by one outlier.
func inferPublished(docs []*extract.Document) []*extract.Document {
	var known []string
	missing := false
	for _, d := range docs {
		if d.Published == "" {
			missing = true
		} else if _, err := time.Parse("2006-01-02", d.Published); err == nil {
			known = append(known, d.Published)
		}
	}
	if !missing || len(known) == 0 {
		return docs
	}
	sort.Strings(known)
	ref := known[(len(known)-1)/2]
	out := make([]*extract.Document, len(docs))
	for i, d := range docs {
		out[i] = d.InferPublished(ref)
	}
	return out
}
