package compare

import (
	"math"
	"strings"
)

// A time of day's Value is minutes past 12 on a twelve-hour clock
// (extract.UnitTime), so that "3:40" in one report and "3:40 p.m." in
// another are one time. Two times conflict only when they cannot be one:
// each is placed in the half of the day its text names ("a.m.", "p.m.", an
// hour past 12 or 00 on a 24-hour clock), or in either half when it names
// none, and the two are compared round the clock. "3 a.m." and "3 p.m."
// then differ, and "11:55 p.m." meets "about 12:03" (12:03 a.m.).
const (
	minutesHalfDay = 12 * 60
	minutesDay     = 24 * 60
)

// dayHalves lists the halves of the day (0 before noon, 1 after) a time
// of day's text can be in.
func dayHalves(text string) []float64 {
	low := strings.ToLower(text)
	switch {
	case strings.Contains(low, "a"): // "a.m.", "am": the only letters a time holds
		return []float64{0}
	case strings.Contains(low, "p"):
		return []float64{1}
	}
	h, digits := 0, 0
	for _, r := range low {
		if r < '0' || r > '9' {
			break
		}
		h = 10*h + int(r-'0')
		digits++
	}
	switch {
	case digits == 0:
	case h >= 13:
		return []float64{1} // "14:30"
	case h == 0 || digits == 2 && low[0] == '0':
		return []float64{0} // "00:15", "03:00": a 24-hour clock
	}
	return []float64{0, 1}
}

// timesMeet reports whether two times of day, with the intervals interval
// gives them (minutes past 12, widened when approximate), can be one. A
// time under a bound ("before 3 p.m.": 0 to its value; "after 3 p.m.": to
// infinity) names no time of its own and meets any.
func timesMeet(aText string, alo, ahi float64, bText string, blo, bhi float64) bool {
	bounded := func(lo, hi float64) bool { return math.IsInf(hi, 1) || lo == 0 && hi > 0 }
	if bounded(alo, ahi) || bounded(blo, bhi) {
		return true
	}
	for _, ha := range dayHalves(aText) {
		for _, hb := range dayHalves(bText) {
			lo1, hi1 := alo+ha*minutesHalfDay, ahi+ha*minutesHalfDay
			lo2, hi2 := blo+hb*minutesHalfDay, bhi+hb*minutesHalfDay
			for _, shift := range [...]float64{-minutesDay, 0, minutesDay} {
				if lo1 <= hi2+shift && lo2+shift <= hi1 {
					return true
				}
			}
		}
	}
	return false
}

// timeOfDay is the class numberDiffs files times of day under, and names
// them by in a difference's explanation.
const timeOfDay = "time of day"
