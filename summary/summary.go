// Package summary reads many reports (one per event, as corpus mode writes
// them) and sums them up per outlet across events: claims, the share
// others carry too and the share it alone carries, conflicts, and framing
// markers per 100 claims by kind and voice; and, for every pair of
// outlets, how often they agree, differ in framing or conflict on the
// groups they share. Outlets are keyed by name.
//
// It is built only on the public API of package compare, so that any
// other tally can be written the same way.
package summary

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// Version is the version of the summary's JSON (schema/summary.schema.json).
const Version = 1

// Voices of markers, as the summary keys them.
var Voices = []string{extract.VoiceOutlet, extract.VoiceQuoted}

// Summary is the tally across events.
type Summary struct {
	Version int `json:"version"`
	// Events counts the reports added; TooLarge names the events that
	// were not compared (too many articles) and so count nowhere else.
	Events   int      `json:"events"`
	TooLarge []string `json:"too_large"`
	Outlets  []Outlet `json:"outlets"` // by name
	Pairs    []Pair   `json:"pairs"`   // by A, then B; A < B
}

// Outlet is one outlet's tally over all events. Shared and Unique are
// claims others carry too and claims only it carries (compare.Profile);
// Groups are the aligned groups (agree, framing or conflict; not related,
// not headlines) it takes part in, Conflicts those in which a fact of its
// conflicts with another outlet's. Markers counts framing markers by voice
// ("outlet", "quoted") and kind; Per100 divides them by Claims.
type Outlet struct {
	Outlet    string `json:"outlet"`
	Events    int    `json:"events"`
	Documents int    `json:"documents"`
	Claims    int    `json:"claims"`
	Shared    int    `json:"shared"`
	Unique    int    `json:"unique"`
	// Carried counts the claims of the reports' likely_carried: in no
	// group, but likely carried by another outlet (compare.Carried).
	Carried     int     `json:"carried,omitempty"`
	SharedShare float64 `json:"shared_share"`
	UniqueShare float64 `json:"unique_share"`
	// CarriedShare is Carried over Claims: with SharedShare and
	// UniqueShare it makes 1 (to rounding).
	CarriedShare float64                       `json:"carried_share,omitempty"`
	Groups       int                           `json:"groups"`
	Conflicts    int                           `json:"conflicts"`
	Markers      map[string]map[string]int     `json:"markers"`
	Per100       map[string]map[string]float64 `json:"per_100_claims"`
}

// Pair is the agreement of two outlets (A < B by name) on the aligned
// groups where both have a claim: each such group counts once per pair of
// their documents, with compare.Group.VerdictBetween, so that a conflict
// between two other outlets of the group does not count against them.
type Pair struct {
	A             string  `json:"a"`
	B             string  `json:"b"`
	Groups        int     `json:"groups"`
	Agree         int     `json:"agree"`
	Framing       int     `json:"framing"`
	Conflict      int     `json:"conflict"`
	AgreeShare    float64 `json:"agree_share"`
	FramingShare  float64 `json:"framing_share"`
	ConflictShare float64 `json:"conflict_share"`
}

// Builder adds reports one at a time; Summary gives the tally so far. The
// result does not depend on the order in which reports are added. A
// Builder is not safe for concurrent use.
type Builder struct {
	events   int
	tooLarge []string
	outlets  map[string]*Outlet
	seen     map[string]map[string]bool // outlet → events
	pairs    map[[2]string]*Pair
}

// New returns an empty Builder.
func New() *Builder {
	return &Builder{outlets: map[string]*Outlet{}, seen: map[string]map[string]bool{}, pairs: map[[2]string]*Pair{}}
}

func (b *Builder) outlet(name string) *Outlet {
	o, ok := b.outlets[name]
	if !ok {
		o = &Outlet{Outlet: name, Markers: map[string]map[string]int{}, Per100: map[string]map[string]float64{}}
		for _, v := range Voices {
			o.Markers[v] = map[string]int{}
			for _, k := range extract.MarkerKinds {
				o.Markers[v][k] = 0
			}
		}
		b.outlets[name] = o
		b.seen[name] = map[string]bool{}
	}
	return o
}

// Add tallies one report. Its event (or, without one, its position)
// counts each outlet's events.
func (b *Builder) Add(r *compare.Report) {
	b.events++
	event := r.Event
	if event == "" {
		event = fmt.Sprintf("#%d", b.events)
	}
	for _, d := range r.Documents {
		name := r.OutletName(d.ID)
		o := b.outlet(name)
		o.Documents++
		b.seen[name][event] = true
		p := r.Outlets[d.ID]
		o.Claims += p.Claims
		o.Shared += p.Shared
		o.Unique += p.Unique
		o.Carried += p.Carried
		for k, n := range p.Markers {
			o.Markers[extract.VoiceOutlet][k] += n
		}
		for k, n := range p.Quoted {
			o.Markers[extract.VoiceQuoted][k] += n
		}
	}
	// A claim may be in two groups (a long claim that tells what two
	// groups tell): a pair of outlets counts a group only for a pair of
	// their claims no earlier group of the report holds.
	seen := map[[2]string]bool{}
	for _, g := range r.Groups {
		if g.Verdict == compare.VerdictRelated || g.Role != "" {
			continue
		}
		var docs []string
		in := map[string]bool{}
		for _, id := range g.Claims {
			if c := r.Claim(id); c != nil {
				doc := docOf(id)
				if !in[doc] {
					in[doc] = true
					docs = append(docs, doc)
				}
			}
		}
		conflicted := map[string]bool{}
		for _, doc := range docs {
			b.outlet(r.OutletName(doc)).Groups++
		}
		for i := 0; i < len(docs); i++ {
			for j := i + 1; j < len(docs); j++ {
				na, nb := r.OutletName(docs[i]), r.OutletName(docs[j])
				if na == nb || !newPair(g.Claims, docs[i], docs[j], seen) {
					continue
				}
				v := g.VerdictBetween(docs[i], docs[j])
				if na > nb {
					na, nb = nb, na
				}
				p, ok := b.pairs[[2]string{na, nb}]
				if !ok {
					p = &Pair{A: na, B: nb}
					b.pairs[[2]string{na, nb}] = p
				}
				p.Groups++
				switch v {
				case compare.VerdictAgree:
					p.Agree++
				case compare.VerdictFraming:
					p.Framing++
				case compare.VerdictConflict:
					p.Conflict++
					conflicted[docs[i]], conflicted[docs[j]] = true, true
				}
			}
		}
		for _, doc := range docs {
			if conflicted[doc] {
				b.outlet(r.OutletName(doc)).Conflicts++
			}
		}
	}
}

// AddTooLarge records an event that was not compared.
func (b *Builder) AddTooLarge(event string) {
	b.events++
	b.tooLarge = append(b.tooLarge, event)
}

// Summary returns the tally of the reports added so far.
func (b *Builder) Summary() *Summary {
	s := &Summary{Version: Version, Events: b.events, TooLarge: append([]string{}, b.tooLarge...), Outlets: []Outlet{}, Pairs: []Pair{}}
	sort.Strings(s.TooLarge)
	for name, o := range b.outlets {
		c := *o
		c.Events = len(b.seen[name])
		c.SharedShare, c.UniqueShare, c.CarriedShare = ratio(c.Shared, c.Claims), ratio(c.Unique, c.Claims), ratio(c.Carried, c.Claims)
		c.Markers, c.Per100 = map[string]map[string]int{}, map[string]map[string]float64{}
		for v, m := range o.Markers {
			c.Markers[v], c.Per100[v] = map[string]int{}, map[string]float64{}
			for k, n := range m {
				c.Markers[v][k] = n
				c.Per100[v][k] = round(100 * ratio(n, c.Claims))
			}
		}
		s.Outlets = append(s.Outlets, c)
	}
	sort.Slice(s.Outlets, func(i, j int) bool { return s.Outlets[i].Outlet < s.Outlets[j].Outlet })
	for _, p := range b.pairs {
		c := *p
		c.AgreeShare, c.FramingShare, c.ConflictShare = ratio(c.Agree, c.Groups), ratio(c.Framing, c.Groups), ratio(c.Conflict, c.Groups)
		s.Pairs = append(s.Pairs, c)
	}
	sort.Slice(s.Pairs, func(i, j int) bool {
		if s.Pairs[i].A != s.Pairs[j].A {
			return s.Pairs[i].A < s.Pairs[j].A
		}
		return s.Pairs[i].B < s.Pairs[j].B
	})
	return s
}

// Pair returns the pair of two outlets in either order, or false.
func (s *Summary) Pair(a, b string) (Pair, bool) {
	if a > b {
		a, b = b, a
	}
	for _, p := range s.Pairs {
		if p.A == a && p.B == b {
			return p, true
		}
	}
	return Pair{}, false
}

// Outlet returns the tally of one outlet, or false.
func (s *Summary) Outlet(name string) (Outlet, bool) {
	for _, o := range s.Outlets {
		if o.Outlet == name {
			return o, true
		}
	}
	return Outlet{}, false
}

// ratio is n/d rounded to four places, 0 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return round4(float64(n) / float64(d))
}

func round4(f float64) float64 { return math.Round(f*10000) / 10000 }
func round(f float64) float64  { return math.Round(f*10) / 10 }

func docOf(claimID string) string {
	for i := 0; i < len(claimID); i++ {
		if claimID[i] == '.' {
			return claimID[:i]
		}
	}
	return claimID
}

// Read tallies JSON lines of reports into a new Builder: see ReadReports.
func Read(r io.Reader) (*Builder, error) {
	b := New()
	if err := b.ReadReports(r); err != nil {
		return nil, err
	}
	return b, nil
}

// ReadReports adds JSON lines of reports, as corpus mode writes them
// (claimdiff --format jsonl --group-by event): a line with an "error" (an
// event too large to compare) counts as such. A line that is not a report
// of this version is an error naming its line.
func (b *Builder) ReadReports(r io.Reader) error {
	line := 0
	return extract.ScanLines(r, func(n int, raw []byte) error {
		line = n
		data := bytes.TrimSpace(raw)
		if len(data) == 0 {
			return nil
		}
		var head struct {
			Event   string `json:"event"`
			Error   string `json:"error"`
			Version int    `json:"version"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return fmt.Errorf("line %d: not a report: %w", line, err)
		}
		if head.Error != "" {
			b.AddTooLarge(head.Event)
			return nil
		}
		if head.Version != compare.ReportVersion {
			return fmt.Errorf("line %d: report version %d, want %d", line, head.Version, compare.ReportVersion)
		}
		var rep compare.Report
		if err := json.Unmarshal(data, &rep); err != nil {
			return fmt.Errorf("line %d: not a report: %w", line, err)
		}
		b.Add(&rep)
		return nil
	})
}

// newPair reports whether claims, a group's, hold a pair of a claim of
// document a and one of document b that seen does not, and adds all such
// pairs to seen.
func newPair(claims []string, a, b string, seen map[[2]string]bool) bool {
	fresh := false
	for _, x := range claims {
		if docOf(x) != a {
			continue
		}
		for _, y := range claims {
			if docOf(y) != b {
				continue
			}
			if k := [2]string{x, y}; !seen[k] {
				seen[k] = true
				fresh = true
			}
		}
	}
	return fresh
}
