package compare

import (
	"bytes"
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
	// Each side's comparable form is written on the stack, the first
	// side's kept to compare the others' with.
	var firstBuf, otherBuf [128]byte
	first, differs, any := firstBuf[:0], false, false
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
		if si == 0 {
			first = appendComparable(first, kind, vs)
		} else if !bytes.Equal(appendComparable(otherBuf[:0], kind, vs), first) {
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
		b = appendDisplayTexts(b, kind, vals[si])
		if len(b) == n {
			b = append(b, "none"...)
		}
	}
	d.Explain = string(b)
	return d, true
}

// appendDisplayTexts appends a side's entries to b, "; " between them:
// each once (ignoring case, as strings.ToLower does), in text order,
// attributions with their stance: "said (neutral)". Each entry is written
// and then compared with the ones before it (a side has a handful), and
// taken back if it repeats one.
func appendDisplayTexts(b []byte, kind string, vals []Value) []byte {
	var writtenBuf [16][2]int
	written := writtenBuf[:0] // where each entry written begins and ends in b
	for _, v := range vals {
		at := len(b)
		if len(written) > 0 {
			b = append(b, "; "...)
		}
		e := len(b)
		b = append(b, v.Text...)
		if kind == extract.KindAttribution && v.Stance != "" {
			b = append(append(append(b, " ("...), v.Stance...), ')')
		}
		repeat := false
		for _, w := range written {
			if repeat = sameLower(b[w[0]:w[1]], b[e:]); repeat {
				break
			}
		}
		if repeat {
			b = b[:at]
			continue
		}
		written = append(written, [2]int{e, len(b)})
	}
	return b
}

// sameLower reports whether strings.ToLower makes x and y the same
// string: ASCII is compared in place, anything else lower-cased.
func sameLower(x, y []byte) bool {
	if !isASCII(x) || !isASCII(y) {
		// Not strings.EqualFold: its folding differs from ToLower's on
		// some letters ("İ" lowers to "i" but does not fold to it).
		lx, ly := strings.ToLower(string(x)), strings.ToLower(string(y))
		return lx == ly
	}
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if lowerByte(x[i]) != lowerByte(y[i]) {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// comparable is the form in which two sides' entries are compared: their
// lower-cased texts as a set; for attribution the stances alone ("said"
// and "told" are both neutral).
func comparable(kind string, vals []Value) string {
	return string(appendComparable(nil, kind, vals))
}

// appendComparable appends comparable's form to dst.
func appendComparable(dst []byte, kind string, vals []Value) []byte {
	var keysBuf [16]string
	keys := keysBuf[:0]
	for _, v := range vals {
		if kind == extract.KindAttribution {
			if v.Stance != "" {
				keys = append(keys, v.Stance)
			}
			continue
		}
		keys = append(keys, strings.ToLower(v.Text))
	}
	for i, k := range uniqSorted(keys) {
		if i > 0 {
			dst = append(dst, "; "...)
		}
		dst = append(dst, k...)
	}
	return dst
}
