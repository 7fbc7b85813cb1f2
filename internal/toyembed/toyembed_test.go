package toyembed

import (
	"math"
	"testing"
)

func cos(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func TestEmbed(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		min, max float64
	}{
		{"The envoy quit.", "The diplomat resigned.", 0.99, 1},
		{"The ambassador stepped down.", "An envoy quits.", 0.99, 1},
		{"Police were tightlipped.", "Police declined to comment.", 0.99, 1},
		{"Police would not offer details.", "Police were silent.", 0.99, 1},
		{"The mayor fired the auditor.", "The mayor dismissed the auditor.", 0.99, 1},
		{"The envoy quit.", "Floods closed the northern highway.", 0, 0.2},
		{"The envoy quit.", "The envoy quit.", 0.99, 1},
	} {
		got := cos(Embed(c.a), Embed(c.b))
		if got < c.min || got > c.max {
			t.Errorf("cos(%q, %q) = %.3f, want in [%.2f, %.2f]", c.a, c.b, got, c.min, c.max)
		}
	}
	if v := Embed("the of and"); cos(v, v) != 0 || len(v) != Dim {
		t.Errorf("stop words only: want the zero vector of length %d", Dim)
	}
}
