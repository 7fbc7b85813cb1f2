package extract

import "time"

// InferPublished returns a copy of d with published (YYYY-MM-DD) as its
// publication date, for an article that gives none: its relative and
// year-less dates ("Friday", "Sept. 9") are resolved again against it, as
// they would be in the articles it is compared with, so that they can
// match. The copy is marked PublishedInferred and every date whose value
// rests on the inferred date is marked Inferred; nothing but dates changes
// (the claims, names and markers stay as d's reading made them). d itself
// is not changed. A document that has a date, or an invalid published,
// comes back as it is.
func (d *Document) InferPublished(published string) *Document {
	if d.Published != "" {
		return d
	}
	if _, err := time.Parse("2006-01-02", published); err != nil {
		return d
	}
	// Dates are resolved while reading; read again with the date and keep
	// only the dates. Default options suffice: the lexicon does not take
	// part in reading dates.
	again := extractWith(d.Text, newConfig([]Option{WithPublished(published)}))
	dates := map[Span][]Date{}
	for _, c := range again.Claims {
		dates[c.Span] = c.Dates
	}
	n := *d
	n.Published, n.PublishedInferred = published, true
	n.Claims = append([]Claim(nil), d.Claims...)
	for ci := range n.Claims {
		c := &n.Claims[ci]
		re, ok := dates[c.Span]
		if !ok || len(re) != len(c.Dates) {
			continue // read differently (another lexicon's sentence ends): keep the first reading
		}
		ds := append([]Date(nil), re...)
		for k := range ds {
			if ds[k].Span != c.Dates[k].Span {
				ds = nil
				break
			}
			ds[k].Inferred = ds[k].Value != c.Dates[k].Value
		}
		if ds != nil {
			c.Dates = ds
		}
	}
	return &n
}
