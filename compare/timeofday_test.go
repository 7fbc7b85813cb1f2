package compare

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDayHalves(t *testing.T) {
	tests := []struct {
		text string
		want []float64
	}{
		{"3 a.m.", []float64{0}},
		{"3:22 P.M.", []float64{1}},
		{"5 pm", []float64{1}},
		{"14:30", []float64{1}},
		{"00:15", []float64{0}},
		{"03:10", []float64{0}},
		{"3:40", []float64{0, 1}},
		{"12:30", []float64{0, 1}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, dayHalves(tc.text)); diff != "" {
			t.Errorf("dayHalves(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestTimesMeet(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		a, b clockSpan
		want bool
	}{
		{"one time, one half named", clockSpan{"3:40 p.m.", 220, 220, false}, clockSpan{"3:40", 220, 220, false}, true},
		{"two halves", clockSpan{"3 a.m.", 180, 180, false}, clockSpan{"3 p.m.", 180, 180, false}, false},
		{"round midnight", clockSpan{"11:55 p.m.", 705, 725, false}, clockSpan{"12:03 a.m.", 3, 3, false}, true},
		{"noon and midnight", clockSpan{"12 p.m.", 0, 0, false}, clockSpan{"12 a.m.", 0, 0, false}, false},
		{"minutes apart", clockSpan{"3:40", 220, 220, false}, clockSpan{"4:15", 255, 255, false}, false},
		{"about ten past twelve is no bound", clockSpan{"12:10 p.m.", 0, 20, false}, clockSpan{"3 p.m.", 180, 180, false}, false},
		{"before reaches the morning", clockSpan{"3 p.m.", 0, 180, true}, clockSpan{"10 a.m.", 600, 600, false}, true},
		{"nearly is not later", clockSpan{"3 p.m.", 0, 180, true}, clockSpan{"5 p.m.", 300, 300, false}, false},
		{"after is not the next morning", clockSpan{"3 p.m.", 180, inf, false}, clockSpan{"10 a.m.", 600, 600, false}, false},
		{"after meets later", clockSpan{"3 p.m.", 180, inf, false}, clockSpan{"5 p.m.", 300, 300, false}, true},
	}
	for _, tc := range tests {
		if got := timesMeet(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: timesMeet = %v, want %v", tc.name, got, tc.want)
		}
		if got := timesMeet(tc.b, tc.a); got != tc.want {
			t.Errorf("%s, the other way: timesMeet = %v, want %v", tc.name, got, tc.want)
		}
	}
}
