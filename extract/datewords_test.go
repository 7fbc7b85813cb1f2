package extract

import "testing"

// TestStartsDateWord checks the words findDates passes over: every word a
// date it reads may start at without a digit is let through, and a plain
// word is not.
func TestStartsDateWord(t *testing.T) {
	tests := []struct {
		low  string
		want bool
	}{
		{"march", true},
		{"sept", true},
		{"sunday", true}, // weekday 0
		{"wednesday", true},
		{"yesterday", true},
		{"today", true},
		{"tomorrow", true},
		{"last", true},
		{"this", true},
		{"next", true},
		{"past", true},
		{"week", false},
		{"the", false},
		{"marched", false},
		{"2019", false}, // a digit: findDates tests it itself
		{"", false},
	}
	for _, tt := range tests {
		if got := startsDateWord(tt.low); got != tt.want {
			t.Errorf("startsDateWord(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
}

// TestFindDatesGate checks dates that start at each kind of word the gate
// lets through are still read.
func TestFindDatesGate(t *testing.T) {
	for _, text := range []string{
		"The vote was held on March 3, 2019 in the capital.",
		"The vote was held on 3 March in the capital.",
		"The vote was held in 2019 in the capital.",
		"The vote was held on Sunday in the capital.",
		"The vote was held yesterday in the capital.",
		"The vote was held last week in the capital.",
		"The vote was held on 2019-03-03 in the capital.",
	} {
		d := Extract(text, WithPublished("2019-03-10"))
		if len(d.Claims) == 0 || len(d.Claims[0].Dates) == 0 {
			t.Errorf("%q: no date read", text)
		}
	}
}
