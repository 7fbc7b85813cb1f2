package compare

import (
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

// WriteMarkdown writes the report as Markdown that reads well on a code
// host or in a notebook: the documents, then each group with the outlets'
// wordings (the evidence of each difference in bold), its verdict and its
// differences, then the claims only one outlet carries, then the framing
// profiles as a table. Article text is escaped: it is shown, never
// interpreted as Markdown or HTML. The bytes are the same for the same
// input.
func (r *Report) WriteMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	heading := "claimdiff report"
	if r.Event != "" {
		heading += ": " + r.Event
	}
	ew.printf("# %s\n\n", mdEscape(heading))
	if len(r.Documents) > 0 {
		ew.printf("| id | outlet | title | published | claims |\n| --- | --- | --- | --- | ---: |\n")
		for _, d := range r.Documents {
			title := mdEscape(d.Title)
			if d.URL != "" && title != "" && safeURL(d.URL) {
				title = "[" + title + "](<" + mdURL(d.URL) + ">)"
			}
			ew.printf("| %s | %s | %s | %s | %d |\n", d.ID, mdEscape(r.OutletName(d.ID)), title, mdEscape(d.Published), len(d.Claims))
		}
		ew.printf("\n")
	}
	counts := map[string]int{}
	for _, g := range r.Groups {
		counts[g.Verdict]++
	}
	ew.printf("**%d groups**: %d agree, %d framing, %d conflict, %d related · **%d unique claims**",
		len(r.Groups), counts[VerdictAgree], counts[VerdictFraming], counts[VerdictConflict], counts[VerdictRelated], len(r.Unique))
	if n := len(r.LikelyCarried); n > 0 {
		ew.printf(" · %d likely carried elsewhere", n)
	}
	ew.printf("\n")
	if len(r.Groups) > 0 {
		ew.printf("\n## Groups\n\nVerdicts: *agree* — same facts, same framing; *framing* — same facts, different framing; *conflict* — a fact differs; *related* — same topic, not the same claim. **Bold** marks the words a difference points at.\n")
	}
	for _, g := range r.Groups {
		ew.printf("\n### %s · %s · score %.2f%s\n\n", g.ID, g.Verdict, g.Score, g.Evidence.scoreParts())
		for _, id := range g.Claims {
			c := r.Claim(id)
			if c == nil {
				continue
			}
			ew.printf("- **%s** (`%s`): %s", mdEscape(r.OutletName(docOf(id))), id, mdClaim(c, g.Differences))
			if c.RepeatOf != "" {
				ew.printf(" *(repeats `%s`)*", c.RepeatOf)
			}
			ew.printf("\n")
		}
		ev := g.Evidence.Shared // names, words, numbers and dates
		if len(ev) > 0 {
			ew.printf("\nMatched on: %s\n", mdEscape(strings.Join(ev, ", ")))
		}
		if len(g.Differences) > 0 {
			ew.printf("\n| difference | family | what differs |\n| --- | --- | --- |\n")
			for _, d := range g.Differences {
				ew.printf("| %s | %s | %s |\n", mdEscape(hlKind(d.Kind)), hlFamily(d.Kind), mdEscape(d.Explain))
			}
		}
	}
	if len(r.Unique) > 0 {
		ew.printf("\n## Unique claims\n\nClaims no other outlet carries.\n")
		for _, d := range r.Documents {
			for i, c := range r.UniqueOf(d.ID) {
				if i == 0 {
					ew.printf("\n### %s (%s)\n\n", mdEscape(r.OutletName(d.ID)), d.ID)
				}
				ew.printf("- `%s` %s\n", c.ID, mdEscape(c.Text))
			}
		}
	}
	if len(r.LikelyCarried) > 0 {
		ew.printf("\n## Likely carried elsewhere\n\nClaims in no group that the omission model finds likely told by another outlet in other words.\n\n")
		for _, k := range r.LikelyCarried {
			if c := r.Claim(k.Claim); c != nil {
				ew.printf("- `%s` %s (%s)\n", c.ID, mdEscape(c.Text), mdEscape(k.explain()))
			}
		}
	}
	if len(r.Outlets) > 0 {
		ew.printf("\n## Framing profile\n\nMarkers in the outlet's own voice, with the rate per 100 claims in brackets.\n\n")
		ew.printf("| outlet | claims | shared | unique | carried |")
		for _, k := range extract.MarkerKinds {
			ew.printf(" %s |", hlKind(k))
		}
		ew.printf("\n| --- | ---: | ---: | ---: | ---: |")
		for range extract.MarkerKinds {
			ew.printf(" ---: |")
		}
		ew.printf("\n")
		for _, d := range r.Documents {
			p, ok := r.Outlets[d.ID]
			if !ok {
				continue
			}
			ew.printf("| %s (%s) | %d | %d | %d | %d |", mdEscape(r.OutletName(d.ID)), d.ID, p.Claims, p.Shared, p.Unique, p.Carried)
			for _, k := range extract.MarkerKinds {
				ew.printf(" %d (%.1f) |", p.Markers[k], p.Per100[k])
			}
			ew.printf("\n")
		}
	}
	return ew.err
}

// mdClaim writes a claim's text with the evidence of the group's fact and
// framing differences in bold and the words only this side says in
// italics, in place. <b> and <i> are used rather than ** and _ because
// Markdown's emphasis rules fail next to punctuation (a bold “Israeli”).
func mdClaim(c *extract.Claim, diffs []Difference) string {
	var b strings.Builder
	segs := hlSegments(c, diffs)
	tag := func(s hlSegment) string {
		switch {
		case s.Diff == nil:
			return ""
		case s.Diff.Kind == "detail":
			return "i"
		}
		return "b"
	}
	for i := 0; i < len(segs); {
		// A run of evidence is one span, whatever cuts it.
		j, text, t := i+1, segs[i].Text, tag(segs[i])
		for j < len(segs) && tag(segs[j]) == t {
			text += segs[j].Text
			j++
		}
		if t != "" && strings.TrimSpace(text) != "" {
			b.WriteString("<" + t + ">" + mdEscape(text) + "</" + t + ">")
		} else {
			b.WriteString(mdEscape(text))
		}
		i = j
	}
	return b.String()
}

// mdEscape makes text safe to place in a Markdown line or table cell:
// Markdown punctuation is backslash-escaped, HTML's <, > and & become
// entities, and line breaks become spaces.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// safeURL reports whether a document's URL may be linked: http or https.
func safeURL(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// mdURL escapes a URL for a <…> link destination.
func mdURL(u string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "", "\r", "").Replace(strings.TrimSpace(u))
}
