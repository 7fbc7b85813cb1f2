package compare

import (
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

// markerDiff compares one kind of framing marker, in each outlet's own
// voice: a label in a quoted speaker's mouth is not the outlet's framing.
// Each side lists every such marker in text order, in its own case; the
// sides are compared on their sets of lower-cased texts (for attribution,
// of stances).
func markerDiff(sides []side, kind string) (Difference, bool) {
	// Most groups have no marker of a kind at all, or the same on every
	// side: the sides are compared before the difference is written.
	var few [4][]Value
	vals := few[:0]
	// The sides' lists are carved from one, made at its size: an append
	// per marker grew each side's list from nothing.
	n := 0
	for _, s := range sides {
		for _, c := range s.claims {
			for mk := range c.Markers {
				if m := &c.Markers[mk]; m.Kind == kind && m.Voice == extract.VoiceOutlet {
					n++
				}
			}
		}
	}
	all := make([]Value, 0, n)
	first, differs, any := "", false, false
	for si, s := range sides {
		at := len(all)
		for _, c := range s.claims {
			for mk := range c.Markers {
				m := &c.Markers[mk]
				if m.Kind != kind || m.Voice != extract.VoiceOutlet {
					continue
				}
				all = append(all, Value{Text: m.Text, Span: m.Span, Stance: m.Stance})
			}
		}
		var vs []Value
		if len(all) > at {
			vs = all[at:len(all):len(all)]
		}
		vals = append(vals, vs)
		if vs != nil {
			any = true
		}
		if !any {
			continue // comparable of no entries is ""
		}
		if c := comparable(kind, vs); si == 0 {
			first = c
		} else if c != first {
			differs = true
		}
	}
	if !differs {
		return Difference{}, false
	}
	d := Difference{Kind: kind, Values: make(map[string][]Value, len(sides))}
	// The explanation is written into one buffer, as "%s differs in the
	// outlets' own words — %s" of the sides' "%s: %s" parts joined by
	// "; " would make it, without a string per part, in a buffer on the
	// stack (one made at a guess of its size was 30% of this function's
	// allocations; most explanations fit in it).
	var buf [256]byte
	b := buf[:0]
	b = append(b, strings.ReplaceAll(kind, "_", " ")...)
	b = append(b, " differs in the outlets' own words — "...)
	for si, s := range sides {
		d.put(s, vals[si])
		if si > 0 {
			b = append(b, "; "...)
		}
		b = append(append(b, docOf(s.id())...), ": "...)
		n := len(b)
		for i, t := range displayTexts(kind, vals[si]) {
			if i > 0 {
				b = append(b, "; "...)
			}
			b = append(b, t...)
		}
		if len(b) == n {
			b = append(b, "none"...)
		}
	}
	d.Explain = string(b)
	return d, true
}

// displayTexts lists a side's entries once each (ignoring case), in text
// order, attributions with their stance: "said (neutral)".
func displayTexts(kind string, vals []Value) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vals {
		t := v.Text
		if kind == extract.KindAttribution && v.Stance != "" {
			t += " (" + v.Stance + ")"
		}
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// comparable is the form in which two sides' entries are compared: their
// lower-cased texts as a set; for attribution the stances alone ("said"
// and "told" are both neutral).
func comparable(kind string, vals []Value) string {
	var keys []string
	for _, v := range vals {
		if kind == extract.KindAttribution {
			if v.Stance != "" {
				keys = append(keys, v.Stance)
			}
			continue
		}
		keys = append(keys, strings.ToLower(v.Text))
	}
	return strings.Join(uniqSorted(keys), "; ")
}
