package compare

import (
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
	tests := []struct {
		name     string
		a        string
		alo, ahi float64
		b        string
		blo, bhi float64
		want     bool
	}{
		{"one time, one half named", "3:40 p.m.", 220, 220, "3:40", 220, 220, true},
		{"two halves", "3 a.m.", 180, 180, "3 p.m.", 180, 180, false},
		{"round midnight", "11:55 p.m.", 705, 725, "12:03 a.m.", 3, 3, true},
		{"noon and midnight", "12 p.m.", 0, 0, "12 a.m.", 0, 0, false},
		{"a bound meets any", "3 a.m.", 0, 180, "3 p.m.", 180, 180, true},
		{"minutes apart", "3:40", 220, 220, "4:15", 255, 255, false},
	}
	for _, tc := range tests {
		if got := timesMeet(tc.a, tc.alo, tc.ahi, tc.b, tc.blo, tc.bhi); got != tc.want {
			t.Errorf("%s: timesMeet = %v, want %v", tc.name, got, tc.want)
		}
	}
}
