package compare

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

// profile fills Unique and Outlets once the groups are known.
func (r *Report) profile() {
	// Made at its size: grown claim by claim, it was a third of this
	// function's allocations.
	n := 0
	for gk := range r.Groups {
		if g := &r.Groups[gk]; g.Verdict != VerdictRelated {
			n += len(g.Claims)
		}
	}
	shared := make(map[string]bool, n)
	for gk := range r.Groups {
		g := &r.Groups[gk]
		if g.Verdict == VerdictRelated {
			continue
		}
		for _, id := range g.Claims {
			shared[id] = true
		}
	}
	for _, d := range r.Documents {
		// Quoted and Reported are nil when empty: made at their first
		// marker.
		p := Profile{Outlet: d.Outlet, Claims: len(d.Claims), Markers: map[string]int{}, Per100: map[string]float64{}}
		for _, k := range extract.MarkerKinds {
			p.Markers[k] = 0
		}
		for ck := range d.Claims {
			c := &d.Claims[ck]
			if shared[c.ID] || c.RepeatOf != "" && shared[c.RepeatOf] {
				p.Shared++
			} else {
				p.Unique++
				r.Unique = append(r.Unique, c.ID)
			}
			for mk := range c.Markers {
				m := &c.Markers[mk]
				if !framing(m) {
					continue
				}
				switch m.Voice {
				case extract.VoiceOutlet:
					p.Markers[m.Kind]++
				case extract.VoiceReported:
					if p.Reported == nil {
						p.Reported = map[string]int{}
					}
					p.Reported[m.Kind]++
				default:
					if p.Quoted == nil {
						p.Quoted = map[string]int{}
					}
					p.Quoted[m.Kind]++
				}
			}
		}
		for k, n := range p.Markers {
			if p.Claims > 0 {
				p.Per100[k] = math.Round(1000*float64(n)/float64(p.Claims)) / 10
			} else {
				p.Per100[k] = 0
			}
		}
		r.Outlets[d.ID] = p
	}
}

// framing reports whether a marker counts in an outlet's framing profile.
// An attribution counts only when its verb takes a stance on the content
// (claimed, admitted) or passes a verdict on it (slammed, derided):
// "said" and "confirmed" are how news reports speech, and "denied" reports
// the source's act, not the outlet's view of it.
func framing(m *extract.Marker) bool {
	if m.Kind != extract.KindAttribution {
		return true
	}
	return m.Stance == extract.StanceDistancing || m.Stance == extract.StanceEndorsing || m.Stance == extract.StanceLoaded
}

// Claim returns the claim with the given id ("d2.c5"), or nil. A report
// built by Compare numbers documents and claims in order, so the id gives
// the position and the look-up takes constant time; a report whose ids
// were changed by hand is searched.
func (r *Report) Claim(id string) *extract.Claim {
	d := r.Document(docOf(id))
	if d == nil {
		return nil
	}
	if n, ok := idNumber(id[len(d.ID):], ".c"); ok && n <= len(d.Claims) && d.Claims[n-1].ID == id {
		return &d.Claims[n-1]
	}
	if d.Headline != nil && d.Headline.ID == id {
		return d.Headline
	}
	for i := range d.Claims {
		if d.Claims[i].ID == id {
			return &d.Claims[i]
		}
	}
	return nil
}

// UniqueOf returns the claims of document docID ("d2") that no other
// document carries, in order: that outlet's part of Unique. It takes time
// linear in Unique.
func (r *Report) UniqueOf(docID string) []*extract.Claim {
	var out []*extract.Claim
	for _, id := range r.Unique {
		if docOf(id) != docID {
			continue
		}
		if c := r.Claim(id); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// Document returns the document with the given id ("d2"), or nil. Like
// Claim it reads the position from the id first.
func (r *Report) Document(id string) *extract.Document {
	if n, ok := idNumber(id, "d"); ok && n <= len(r.Documents) && r.Documents[n-1] != nil && r.Documents[n-1].ID == id {
		return r.Documents[n-1]
	}
	for _, d := range r.Documents {
		if d != nil && d.ID == id {
			return d
		}
	}
	return nil
}

// idNumber reads the 1-based number after prefix in s ("d12" → 12): what
// strconv.Atoi reads there, if it is more than 0. A run of digits is read
// here, and whatever is not (a number that is not one, whose error
// strconv allocates) is no number at all; strconv still reads a sign and
// what could overflow (TestIDNumber).
func idNumber(s, prefix string) (int, bool) {
	if !strings.HasPrefix(s, prefix) {
		return 0, false
	}
	s = s[len(prefix):]
	if s == "" || len(s) > 18 || s[0] == '+' || s[0] == '-' {
		n, err := strconv.Atoi(s)
		return n, err == nil && n > 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int(c)
	}
	return n, n > 0
}

// OutletName returns a document's outlet, or its source, or its id.
func (r *Report) OutletName(docID string) string {
	d := r.Document(docID)
	switch {
	case d == nil:
		return docID
	case d.Outlet != "":
		return d.Outlet
	case d.Source != "":
		return d.Source
	}
	return docID
}

// WriteText writes the report for a person reading a terminal: each group
// with its verdict, the outlets' wordings and the differences, then what
// each outlet alone carries, then the framing profiles.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	for _, d := range r.Documents {
		ew.printf("%s  %s", d.ID, r.OutletName(d.ID))
		if d.Title != "" {
			ew.printf(" — %s", d.Title)
		}
		if d.Published != "" {
			ew.printf(" (%s)", d.Published)
		}
		ew.printf("  [%d claims]\n", len(d.Claims))
	}
	counts := map[string]int{}
	for _, g := range r.Groups {
		counts[g.Verdict]++
	}
	ew.printf("\n%d groups: %d agree, %d framing, %d conflict, %d related; %d unique claims",
		len(r.Groups), counts[VerdictAgree], counts[VerdictFraming], counts[VerdictConflict], counts[VerdictRelated], len(r.Unique))
	if n := len(r.LikelyCarried); n > 0 {
		ew.printf(", %d likely carried elsewhere", n)
	}
	ew.printf("\n")
	for _, g := range r.Groups {
		ew.printf("\n%s  %s  (score %.2f%s)\n", g.ID, strings.ToUpper(g.Verdict), g.Score, g.Evidence.scoreParts())
		for _, id := range g.Claims {
			c := r.Claim(id)
			ew.printf("  %-7s %-22s %s\n", id, clip(r.OutletName(docOf(id)), 22), c.Text)
		}
		if len(g.Evidence.Shared) > 0 {
			ev := g.Evidence.Shared // names, words, numbers and dates
			ew.printf("  shared: %s\n", strings.Join(ev, ", "))
		}
		for _, d := range g.Differences {
			ew.printf("  - %s: %s\n", d.Kind, d.Explain)
		}
	}
	ew.printf("\nUnique claims (no other outlet carries them)\n")
	for _, d := range r.Documents {
		for i, c := range r.UniqueOf(d.ID) {
			if i == 0 {
				ew.printf("  %s:\n", r.OutletName(d.ID))
			}
			ew.printf("    %-7s %s\n", c.ID, c.Text)
		}
	}
	if len(r.LikelyCarried) > 0 {
		ew.printf("\nLikely carried elsewhere (in no group; the omission model finds another outlet tells them in other words)\n")
		for _, k := range r.LikelyCarried {
			if c := r.Claim(k.Claim); c != nil {
				ew.printf("    %-7s %s\n            (%s)\n", c.ID, c.Text, k.explain())
			}
		}
	}
	ew.printf("\nFraming profile (markers in the outlet's own voice; per 100 claims)\n")
	ew.printf("  %-24s %6s %6s %6s %7s", "outlet", "claims", "shared", "unique", "carried")
	for _, k := range extract.MarkerKinds {
		ew.printf(" %12s", k)
	}
	ew.printf("\n")
	ids := make([]string, 0, len(r.Outlets))
	for id := range r.Outlets {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return docNum(ids[i]) < docNum(ids[j]) })
	for _, id := range ids {
		p := r.Outlets[id]
		ew.printf("  %-24s %6d %6d %6d %7d", clip(r.OutletName(id), 24), p.Claims, p.Shared, p.Unique, p.Carried)
		for _, k := range extract.MarkerKinds {
			ew.printf(" %5d (%4.1f)", p.Markers[k], p.Per100[k])
		}
		ew.printf("\n")
	}
	return ew.err
}

func docNum(id string) int {
	n := 0
	fmt.Sscanf(strings.TrimPrefix(id, "d"), "%d", &n)
	return n
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
