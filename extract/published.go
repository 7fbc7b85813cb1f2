package extract

import "time"

// InferPublished returns d read again with published (YYYY-MM-DD) as its
// publication date, for an article that gives none: relative and year-less
// dates ("Friday", "Sept. 9") then resolve as they would in the articles
// it is compared with, so they can match. The copy is marked
// PublishedInferred, and every date whose value rests on the inferred date
// is marked Inferred. d itself is not changed. A document that already has
// a date, or an invalid published, comes back as it is.
func (d *Document) InferPublished(published string) *Document {
	if d.Published != "" {
		return d
	}
	if _, err := time.Parse("2006-01-02", published); err != nil {
		return d
	}
	cfg := d.cfg
	if cfg == nil {
		cfg = newConfig(nil)
	}
	again := *cfg
	again.id, again.outlet, again.title, again.url, again.source = d.ID, d.Outlet, d.Title, d.URL, d.Source
	again.published = published
	n := extractWith(d.Text, &again)
	n.PublishedInferred = true
	n.KeptText = d.KeptText
	before := map[Span]string{}
	for _, c := range d.Claims {
		for _, dt := range c.Dates {
			before[dt.Span] = dt.Value
		}
	}
	for ci := range n.Claims {
		for k, dt := range n.Claims[ci].Dates {
			if v, ok := before[dt.Span]; !ok || v != dt.Value {
				n.Claims[ci].Dates[k].Inferred = true
			}
		}
	}
	return n
}
