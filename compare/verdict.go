package compare

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
		va, okA := d.Side(docA)
		vb, okB := d.Side(docB)
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
