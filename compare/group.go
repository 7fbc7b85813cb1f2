package compare

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/extract"
)

// node identifies a claim by document and claim index.
type node struct{ doc, idx int }

func less(a, b node) bool {
	if a.doc != b.doc {
		return a.doc < b.doc
	}
	return a.idx < b.idx
}

// buildGroups joins aligned pairs into groups across all documents
// (connected components), adds repeats to their original's group, and
// makes a "related" group of each weak pair whose claims align nowhere.
func buildGroups(docs []*extract.Document, feats [][]*claimFeatures, edges, related []edge, cfg *config) []Group {
	parent := map[node]node{}
	var find func(n node) node
	find = func(n node) node {
		p, ok := parent[n]
		if !ok || p == n {
			return n
		}
		r := find(p)
		parent[n] = r
		return r
	}
	union := func(a, b node) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if less(rb, ra) {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	inGroup := map[node]bool{}
	for _, e := range edges {
		a, b := node{e.a.doc, e.a.idx}, node{e.b.doc, e.b.idx}
		parent[a], parent[b] = find(a), find(b)
		union(a, b)
		inGroup[a], inGroup[b] = true, true
	}
	// Repeats follow their original.
	for di, d := range docs {
		byID := map[string]int{}
		for ci, c := range d.Claims {
			byID[c.ID] = ci
		}
		for ci, c := range d.Claims {
			if c.RepeatOf == "" {
				continue
			}
			orig := node{di, byID[c.RepeatOf]}
			if inGroup[orig] {
				n := node{di, ci}
				parent[n] = find(n)
				union(orig, n)
				inGroup[n] = true
			}
		}
	}
	members := map[node][]node{}
	for n := range inGroup {
		r := find(n)
		members[r] = append(members[r], n)
	}
	best := map[node]edge{}
	for _, e := range edges {
		r := find(node{e.a.doc, e.a.idx})
		if b, ok := best[r]; !ok || e.s.Value > b.s.Value {
			best[r] = e
		}
	}
	var roots []node
	for r := range members {
		roots = append(roots, r)
	}
	sort.Slice(roots, func(i, j int) bool { return less(roots[i], roots[j]) })
	type pending struct {
		ns      []node
		e       edge
		related bool
	}
	var ps []pending
	for _, r := range roots {
		ns := members[r]
		sort.Slice(ns, func(i, j int) bool { return less(ns[i], ns[j]) })
		ps = append(ps, pending{ns, best[r], false})
	}
	for _, e := range related {
		a, b := node{e.a.doc, e.a.idx}, node{e.b.doc, e.b.idx}
		if inGroup[a] || inGroup[b] {
			continue
		}
		ps = append(ps, pending{[]node{a, b}, e, true})
	}
	sort.SliceStable(ps, func(i, j int) bool { return less(ps[i].ns[0], ps[j].ns[0]) })
	// Differences are the costly part of a large event: one core per group.
	diffs := make([][]Difference, len(ps))
	each(len(ps), large(feats), func(i int) { diffs[i] = differences(docs, feats, ps[i].ns, cfg.names) })
	out := make([]Group, 0, len(ps))
	for gi, p := range ps {
		g := Group{ID: "g" + strconv.Itoa(gi+1), Score: p.e.s.Value}
		for _, n := range p.ns {
			g.Claims = append(g.Claims, docs[n.doc].Claims[n.idx].ID)
		}
		// Shared lists everything the pair shares, as the contract shows it;
		// Names, Numbers and Dates repeat those parts by kind.
		all := append(append(append(append([]string{}, p.e.s.Names...), p.e.s.Shared...), p.e.s.Numbers...), p.e.s.Dates...)
		g.Evidence = Evidence{
			Pair:   [2]string{p.e.a.claim.ID, p.e.b.claim.ID},
			Shared: all, Names: p.e.s.Names, Numbers: p.e.s.Numbers, Dates: p.e.s.Dates,
			Variants: p.e.s.Variants, Containment: p.e.s.Containment,
		}
		// Related claims are not the same claim, but how they differ is
		// still worth showing; only the verdict stays "related".
		g.Differences = diffs[gi]
		g.Verdict = verdict(g.Differences)
		if p.related {
			g.Verdict = VerdictRelated
		}
		out = append(out, g)
	}
	return out
}

// Difference kinds that are facts; a group with one of them is a conflict.
var factKinds = map[string]bool{"number": true, "date": true, "entity": true, "polarity": true}

func verdict(ds []Difference) string {
	v := VerdictAgree
	for _, d := range ds {
		if factKinds[d.Kind] {
			return VerdictConflict
		}
		if d.Kind != "detail" {
			v = VerdictFraming
		}
	}
	return v
}

// side is one document's part of a group: its claims (repeats left out,
// they say nothing new).
type side struct {
	doc    int
	claims []*extract.Claim
	feats  []*claimFeatures
}

func (s side) id() string { return s.claims[0].ID }

// holder returns the id of the side's claim that contains sp, so that a
// difference's span is keyed to the claim it points into; the first
// claim's id when none does (an empty span).
func (s side) holder(sp extract.Span) string {
	for _, c := range s.claims {
		if sp.Len() > 0 && c.Span.Contains(sp) {
			return c.ID
		}
	}
	return s.id()
}

// differences classifies how the documents of a group differ, one kind at a
// time, comparing each document's claims taken together.
func differences(docs []*extract.Document, feats [][]*claimFeatures, ns []node, names func(a, b string) bool) []Difference {
	var sides []side
	for _, n := range ns {
		c := &docs[n.doc].Claims[n.idx]
		if c.RepeatOf != "" {
			continue
		}
		if len(sides) == 0 || sides[len(sides)-1].doc != n.doc {
			sides = append(sides, side{doc: n.doc})
		}
		s := &sides[len(sides)-1]
		s.claims = append(s.claims, c)
		s.feats = append(s.feats, feats[n.doc][n.idx])
	}
	if len(sides) < 2 {
		return nil
	}
	var out []Difference
	out = append(out, numberDiffs(sides)...)
	out = append(out, dateDiffs(sides)...)
	out = append(out, placeDiffs(sides, names)...)
	out = append(out, polarityDiffs(sides)...)
	for _, k := range extract.MarkerKinds {
		if d, ok := markerDiff(sides, k); ok {
			out = append(out, d)
		}
	}
	out = append(out, detailDiffs(sides)...)
	return out
}

// numberDiffs: the same counted thing with different values and no
// overlap, allowing for ranges and for hedged approximations ("about 40"
// meets "42").
func numberDiffs(sides []side) []Difference {
	type val struct {
		n      extract.Number
		claim  *extract.Claim
		lo, hi float64 // the interval the number claims, after its bound
	}
	byUnit := map[string]map[int][]val{}
	units := unitClasses(sides)
	for si, s := range sides {
		for _, c := range s.claims {
			for _, n := range c.Numbers {
				u := units[unitKey(n.Unit)]
				if byUnit[u] == nil {
					byUnit[u] = map[int][]val{}
				}
				lo, hi := interval(c, n)
				byUnit[u][si] = append(byUnit[u][si], val{n, c, lo, hi})
			}
		}
	}
	var shared []string
	for u, m := range byUnit {
		if len(m) >= 2 {
			shared = append(shared, u)
		}
	}
	sort.Strings(shared)
	var out []Difference
	for _, u := range shared {
		m := byUnit[u]
		pairs, odd := conflicts(m, func(a, b val) bool { return a.lo <= b.hi && b.lo <= a.hi })
		if len(pairs) == 0 {
			continue
		}
		d := Difference{Kind: "number", Values: map[string]string{}, Spans: map[string]extract.Span{}, Conflicts: docPairs(sides, pairs)}
		var parts []string
		for _, si := range oddSides(odd) {
			v := m[si][odd[si]]
			d.Values[v.claim.ID] = v.n.Text
			d.Spans[v.claim.ID] = v.n.Span
			parts = append(parts, fmt.Sprintf("%s says %s", docOf(v.claim.ID), v.n.Text))
		}
		what := u
		if what == "" {
			what = "a number"
		}
		d.Explain = fmt.Sprintf("%s: %s", what, strings.Join(parts, ", "))
		out = append(out, d)
	}
	return out
}

// unitClasses maps each counted noun of a group to the shortest noun it
// ends with, so "dockworkers" and "port workers" count the same thing.
func unitClasses(sides []side) map[string]string {
	var all []string
	for _, s := range sides {
		for _, c := range s.claims {
			for _, n := range c.Numbers {
				all = append(all, unitKey(n.Unit))
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return len(all[i]) < len(all[j]) || len(all[i]) == len(all[j]) && all[i] < all[j] })
	out := map[string]string{}
	for i, u := range all {
		out[u] = u
		for _, v := range all[:i] {
			if len(v) >= 4 && strings.HasSuffix(u, v) {
				out[u] = out[v]
				break
			}
		}
	}
	return out
}

func unitKey(u string) string {
	if u == "" {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u), "s")
}

// bounds are the words before a number that make it an interval: "at
// least 17" is [17, ∞), "up to 15" is [0, 15], "about 40" is 40 ± 10%.
var bounds = []struct {
	prefix string
	lower  bool // the number is a lower bound
	upper  bool // the number is an upper bound
}{
	{"at least ", true, false}, {"more than ", true, false}, {"over ", true, false}, {"upwards of ", true, false},
	{"no fewer than ", true, false}, {"as many as ", false, true}, {"up to ", false, true}, {"at most ", false, true},
	{"fewer than ", false, true}, {"less than ", false, true}, {"under ", false, true}, {"nearly ", false, true},
	{"almost ", false, true},
}

// approximators widen a number by 10% either way.
var approximators = []string{"about ", "around ", "some ", "roughly ", "approximately ", "an estimated ", "estimated ", "close to "}

// interval is the range of values a number in a claim allows, reading the
// bound or approximation before it and its own range ("10 to 15").
func interval(c *extract.Claim, n extract.Number) (float64, float64) {
	lo, hi := n.Value, math.Max(n.Value, n.Max)
	before := strings.ToLower(c.Text[:max(0, min(len(c.Text), n.Span.Start-c.Span.Start))])
	for _, b := range bounds {
		if strings.HasSuffix(before, b.prefix) {
			switch {
			case b.lower:
				return lo, math.Inf(1)
			case b.upper:
				return 0, hi
			}
		}
	}
	for _, a := range approximators {
		if strings.HasSuffix(before, a) {
			return lo * 0.9, hi * 1.1
		}
	}
	for _, m := range c.Markers {
		if m.Kind == extract.KindHedge && m.Span.End <= n.Span.Start && n.Span.Start-m.Span.End <= 2 {
			return lo * 0.9, hi * 1.1
		}
	}
	return lo, hi
}

func docOf(claimID string) string {
	if i := strings.IndexByte(claimID, '.'); i > 0 {
		return claimID[:i]
	}
	return claimID
}

// dateDiffs: dates of the same precision that share no value. A year-less
// date (XXXX-09-09) meets any year.
func dateDiffs(sides []side) []Difference {
	type val struct {
		d     extract.Date
		claim *extract.Claim
	}
	byPrec := map[string]map[int][]val{}
	for si, s := range sides {
		for _, c := range s.claims {
			for _, d := range c.Dates {
				if d.Value == "" || statementDate(c, d) {
					continue
				}
				if byPrec[d.Precision] == nil {
					byPrec[d.Precision] = map[int][]val{}
				}
				byPrec[d.Precision][si] = append(byPrec[d.Precision][si], val{d, c})
			}
		}
	}
	var out []Difference
	for _, prec := range []string{extract.PrecisionDay, extract.PrecisionWeek, extract.PrecisionMonth, extract.PrecisionYear} {
		m := byPrec[prec]
		if len(m) < 2 {
			continue
		}
		pairs, odd := conflicts(m, func(a, b val) bool { return sameDate(a.d, b.d) })
		if len(pairs) == 0 {
			continue
		}
		d := Difference{Kind: "date", Values: map[string]string{}, Spans: map[string]extract.Span{}, Conflicts: docPairs(sides, pairs)}
		var parts []string
		for _, si := range oddSides(odd) {
			v := m[si][odd[si]]
			d.Values[v.claim.ID] = v.d.Text
			d.Spans[v.claim.ID] = v.d.Span
			parts = append(parts, fmt.Sprintf("%s says %s (%s)", docOf(v.claim.ID), v.d.Text, v.d.Value))
		}
		d.Explain = "the dates differ: " + strings.Join(parts, ", ")
		out = append(out, d)
	}
	return out
}

var weekdayNames = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// weekdayOf returns the weekday a date expression names ("Friday's"), or
// "" when it names a calendar date.
func weekdayOf(d extract.Date) string {
	t := strings.ToLower(d.Text)
	for _, w := range weekdayNames {
		if strings.Contains(t, w) {
			return w
		}
	}
	return ""
}

// statementDate reports a date that dates the saying, not the claim: "The
// New York Times reported on Saturday", "the minister said on Monday".
// Comparing it with the date of the event another outlet gives would make a
// conflict out of nothing.
func statementDate(c *extract.Claim, d extract.Date) bool {
	for _, m := range c.Markers {
		if m.Kind != extract.KindAttribution || m.Voice != extract.VoiceOutlet || m.Span.End > d.Span.Start {
			continue
		}
		gap := c.Text[m.Span.End-c.Span.Start : d.Span.Start-c.Span.Start]
		if len(strings.Fields(gap)) <= 3 && !strings.ContainsAny(gap, ",;:.“”\"") {
			return true
		}
	}
	return false
}

// sameDate compares two resolved dates. A bare weekday is compared as a
// weekday: which week it falls in is a guess from the claim's tense, and a
// guess must not make a conflict. A year-less date (XXXX-09-09) meets any
// year.
func sameDate(da, db extract.Date) bool {
	wa, wb := weekdayOf(da), weekdayOf(db)
	if wa != "" || wb != "" {
		if wa == "" {
			wa = weekdayFromValue(da.Value)
		}
		if wb == "" {
			wb = weekdayFromValue(db.Value)
		}
		return wa == "" || wb == "" || wa == wb
	}
	a, b := da.Value, db.Value
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] && a[i] != 'X' && b[i] != 'X' {
			return false
		}
	}
	return true
}

// placePrepositions introduce a place: "met in Istanbul".
var placePrepositions = map[string]bool{"in": true, "at": true, "near": true}

// placeDiffs: each document names one place for the event ("in Istanbul"
// against "in Ankara") and neither names the other's.
func placeDiffs(sides []side, names func(a, b string) bool) []Difference {
	type place struct {
		e     extract.Entity
		claim *extract.Claim
	}
	places := make([][]place, len(sides))
	allKeys := make([]map[string]bool, len(sides))
	for si, s := range sides {
		allKeys[si] = map[string]bool{}
		for _, c := range s.claims {
			for _, e := range c.Entities {
				allKeys[si][e.Key] = true
				before := strings.ToLower(strings.TrimSpace(c.Text[:e.Span.Start-c.Span.Start]))
				if k := strings.LastIndexByte(before, ' '); k >= 0 {
					before = before[k+1:]
				}
				if placePrepositions[before] {
					places[si] = append(places[si], place{e, c})
				}
			}
		}
	}
	var out []Difference
	for x := 0; x < len(sides); x++ {
		for y := x + 1; y < len(sides); y++ {
			if len(places[x]) != 1 || len(places[y]) != 1 {
				continue
			}
			a, b := places[x][0], places[y][0]
			if names(a.e.Key, b.e.Key) || allKeys[y][a.e.Key] || allKeys[x][b.e.Key] {
				continue
			}
			out = append(out, Difference{
				Kind:      "entity",
				Conflicts: [][2]string{{docOf(a.claim.ID), docOf(b.claim.ID)}},
				Values:    map[string]string{a.claim.ID: a.e.Text, b.claim.ID: b.e.Text},
				Spans:     map[string]extract.Span{a.claim.ID: a.e.Span, b.claim.ID: b.e.Span},
				Explain:   fmt.Sprintf("different place: %s says %s, %s says %s", docOf(a.claim.ID), a.e.Text, docOf(b.claim.ID), b.e.Text),
			})
		}
	}
	return out
}

// negationWords turn a statement into its denial.
var negationWords = map[string]bool{"not": true, "no": true, "never": true, "without": true, "nor": true, "none": true, "neither": true, "refused": true, "refuses": true, "refuse": true, "failed": true}

// polarityDiffs: one document affirms what another negates or denies
// ("agreed to disarm" / "denied making any such commitment"), judged by
// the parity of negations and denials in the outlet's own words.
func polarityDiffs(sides []side) []Difference {
	keys := make([]map[string]bool, len(sides))
	for si, s := range sides {
		keys[si] = keySet(sideTokens(s))
	}
	// count returns the negations of side si that bear on what side o also
	// says: a negation or denial with a content word of o within the next
	// five words. "did not provide a date" says nothing against a claim
	// that never mentions a date. It returns the first such negation and
	// the claim that holds it.
	count := func(si, o int) (int, extract.Span, *extract.Claim) {
		n := 0
		var where extract.Span
		var holder *extract.Claim
		for _, c := range sides[si].claims {
			for k, t := range c.Tokens {
				lw := strings.ToLower(t.Text)
				neg := !t.Quoted && (negationWords[lw] || strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t"))
				if !neg {
					for _, m := range c.Markers {
						if m.Kind == extract.KindAttribution && m.Stance == extract.StanceDenial && m.Voice == extract.VoiceOutlet && m.Span.Start == t.Span.Start {
							neg = true
						}
					}
				}
				if !neg {
					continue
				}
				for j := k + 1; j < len(c.Tokens) && j <= k+5; j++ {
					if !c.Tokens[j].Stop && keys[o][c.Tokens[j].Key] {
						if n == 0 {
							where, holder = t.Span, c
						}
						n++
						break
					}
				}
			}
		}
		return n, where, holder
	}
	// One side negates what the other affirms. Presence, not the count,
	// decides: "no soldiers … and no civilians were hurt" does not
	// contradict "no soldiers were hurt".
	var out []Difference
	for x := 0; x < len(sides); x++ {
		for y := x + 1; y < len(sides); y++ {
			nx, wx, hx := count(x, y)
			ny, wy, hy := count(y, x)
			if (nx > 0) == (ny > 0) {
				continue
			}
			d := Difference{Kind: "polarity", Values: map[string]string{}, Spans: map[string]extract.Span{},
				Conflicts: [][2]string{{docOf(sides[x].id()), docOf(sides[y].id())}}}
			for _, e := range []struct {
				n  int
				w  extract.Span
				h  *extract.Claim
				si int
			}{{nx, wx, hx, x}, {ny, wy, hy, y}} {
				if e.n > 0 {
					d.Values[e.h.ID] = spanText(e.h, e.w)
					d.Spans[e.h.ID] = e.w
				} else {
					d.Values[sides[e.si].id()] = ""
				}
			}
			d.Explain = fmt.Sprintf("one side negates or denies what the other states: %s has %d bearing negation(s), %s has %d", docOf(sides[x].id()), nx, docOf(sides[y].id()), ny)
			out = append(out, d)
		}
	}
	return out
}

func spanText(c *extract.Claim, s extract.Span) string {
	a, b := s.Start-c.Span.Start, s.End-c.Span.Start
	if a < 0 || b > len(c.Text) || a > b {
		return ""
	}
	return c.Text[a:b]
}

// markerDiff compares one kind of framing marker, in each outlet's own
// voice: a label in a quoted speaker's mouth is not the outlet's framing.
func markerDiff(sides []side, kind string) (Difference, bool) {
	vals := make([]string, len(sides))
	d := Difference{Kind: kind, Values: map[string]string{}, Spans: map[string]extract.Span{}}
	distinct := map[string]bool{}
	for si, s := range sides {
		var texts []string
		var holder *extract.Claim
		var first extract.Span
		for _, c := range s.claims {
			for _, m := range c.Markers {
				if m.Kind != kind || m.Voice != extract.VoiceOutlet {
					continue
				}
				t := strings.ToLower(m.Text)
				if kind == extract.KindAttribution && m.Stance != "" {
					t += " (" + m.Stance + ")"
				}
				texts = append(texts, t)
				if holder == nil {
					holder, first = c, m.Span
				}
			}
		}
		texts = uniqSorted(texts)
		vals[si] = strings.Join(texts, "; ")
		distinct[comparable(kind, vals[si])] = true
		id := s.id()
		if holder != nil {
			id = holder.ID
			d.Spans[id] = first
		}
		d.Values[id] = vals[si]
	}
	if len(distinct) < 2 {
		return Difference{}, false
	}
	var parts []string
	for si, s := range sides {
		v := vals[si]
		if v == "" {
			v = "none"
		}
		parts = append(parts, fmt.Sprintf("%s: %s", docOf(s.id()), v))
	}
	d.Explain = fmt.Sprintf("%s differs in the outlets' own words — %s", strings.ReplaceAll(kind, "_", " "), strings.Join(parts, "; "))
	return d, true
}

// comparable is the form two marker values are compared in: for
// attribution the stances alone ("said" and "told" are both neutral).
func comparable(kind, v string) string {
	if kind != extract.KindAttribution || v == "" {
		return v
	}
	var st []string
	for _, p := range strings.Split(v, "; ") {
		if i := strings.LastIndexByte(p, '('); i >= 0 {
			st = append(st, p[i:])
		}
	}
	return strings.Join(uniqSorted(st), " ")
}

func uniqSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func weekdayFromValue(v string) string {
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return ""
	}
	return weekdayNames[t.Weekday()]
}

// VerdictBetween is the verdict of the group for two of its documents
// alone ("d1", "d3"): a conflict or a framing difference between other
// members does not count. It is "" when either document has no claim in
// the group.
func (g Group) VerdictBetween(docA, docB string) string {
	in := map[string]bool{}
	for _, id := range g.Claims {
		in[docOf(id)] = true
	}
	if !in[docA] || !in[docB] {
		return ""
	}
	if g.Verdict == VerdictRelated {
		return VerdictRelated
	}
	v := VerdictAgree
	for _, d := range g.Differences {
		if factKinds[d.Kind] && d.Conflicts != nil {
			for _, p := range d.Conflicts {
				if p == [2]string{docA, docB} || p == [2]string{docB, docA} {
					return VerdictConflict
				}
			}
			continue
		}
		va, okA := valueOf(d, docA)
		vb, okB := valueOf(d, docB)
		if !okA || !okB || comparable(d.Kind, va) == comparable(d.Kind, vb) {
			continue
		}
		if d.Kind == "detail" {
			continue
		}
		if factKinds[d.Kind] {
			return VerdictConflict
		}
		v = VerdictFraming
	}
	return v
}

// valueOf returns a document's side of a difference.
func valueOf(d Difference, doc string) (string, bool) {
	for id, v := range d.Values {
		if docOf(id) == doc {
			return v, true
		}
	}
	return "", false
}

// conflicts finds the pairs of sides that disagree: each holds a value the
// other has nothing to match. A side that merely says more (another number
// of the same thing the other does not mention) is added detail, not a
// conflict. odd gives, for each side in a conflict, its first unmatched
// value.
func conflicts[T any](m map[int][]T, same func(a, b T) bool) (pairs [][2]int, odd map[int]int) {
	var sis []int
	for si := range m {
		sis = append(sis, si)
	}
	sort.Ints(sis)
	unmatched := func(x, y int) int {
		for i, a := range m[x] {
			found := false
			for _, b := range m[y] {
				if same(a, b) {
					found = true
					break
				}
			}
			if !found {
				return i
			}
		}
		return -1
	}
	odd = map[int]int{}
	for i := 0; i < len(sis); i++ {
		for j := i + 1; j < len(sis); j++ {
			x, y := sis[i], sis[j]
			ux, uy := unmatched(x, y), unmatched(y, x)
			if ux < 0 || uy < 0 {
				continue
			}
			pairs = append(pairs, [2]int{x, y})
			if _, ok := odd[x]; !ok {
				odd[x] = ux
			}
			if _, ok := odd[y]; !ok {
				odd[y] = uy
			}
		}
	}
	return pairs, odd
}

// docPairs turns side pairs into document id pairs for Difference.Conflicts.
func docPairs(sides []side, pairs [][2]int) [][2]string {
	out := make([][2]string, len(pairs))
	for i, p := range pairs {
		out[i] = [2]string{docOf(sides[p[0]].id()), docOf(sides[p[1]].id())}
	}
	return out
}

// oddSides lists the sides of odd in order.
func oddSides(odd map[int]int) []int {
	var out []int
	for si := range odd {
		out = append(out, si)
	}
	sort.Ints(out)
	return out
}
