package extract

import (
	"errors"
	"fmt"
	"io"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
)

// ErrNoArticle is returned when a web page holds no readable article text.
var ErrNoArticle = errors.New("no article text found in the HTML page")

// ReadHTML reads a saved web page: the main text, title, byline, site name
// and publication time are found with go-readability (a port of Mozilla's
// Readability). Spans then index the extracted text, which the document
// keeps in KeptText so that the report can be checked against it.
// Scripts, styles and markup never reach the text.
func ReadHTML(r io.Reader, opts ...Option) (*Document, error) {
	b, err := readAll(r)
	if err != nil {
		return nil, err
	}
	art, err := readability.FromReader(strings.NewReader(string(b)), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	var sb strings.Builder
	if art.Node == nil || art.RenderText(&sb) != nil || strings.TrimSpace(sb.String()) == "" {
		return nil, ErrNoArticle
	}
	base := []Option{WithTitle(strings.TrimSpace(art.Title())), WithOutlet(strings.TrimSpace(art.SiteName()))}
	if t, err := art.PublishedTime(); err == nil {
		base = append(base, WithPublished(t.UTC().Format("2006-01-02")))
	}
	d := Extract(sb.String(), append(base, opts...)...)
	d.KeptText = d.Text
	if by := strings.TrimSpace(art.Byline()); by != "" {
		d.Notes = append(d.Notes, "byline from the page's metadata: "+by)
	}
	return d, nil
}
