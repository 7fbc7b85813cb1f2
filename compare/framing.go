package compare

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

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
