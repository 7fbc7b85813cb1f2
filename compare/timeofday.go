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

// clockSpan is a time of day as numberDiffs reads it: its text and the
// interval interval gives it, in minutes past 12, with upper set when an
// upper bound ("nearly 3 p.m.", "before 3 p.m.") made the interval.
type clockSpan struct {
	text   string
	lo, hi float64
	upper  bool
}

// span places the time in a half of the day (0 or 1), in minutes past
// midnight. An upper bound reaches back to midnight ("before 3 p.m." is
// any time of the day until 15:00) and a lower bound ("after 3 p.m.") to
// the day's end, not into the next day.
func (c clockSpan) span(half float64) (lo, hi float64) {
	lo, hi = c.lo+half*minutesHalfDay, c.hi+half*minutesHalfDay
	if c.upper {
		lo = 0
	}
	if math.IsInf(c.hi, 1) {
		hi = minutesDay
	}
	return lo, hi
}

// timesMeet reports whether two times of day can be one: in some half of
// the day each can be in, their intervals overlap, round the clock (an
// approximate time near midnight meets one just past it).
func timesMeet(a, b clockSpan) bool {
	for _, ha := range dayHalves(a.text) {
		for _, hb := range dayHalves(b.text) {
			lo1, hi1 := a.span(ha)
			lo2, hi2 := b.span(hb)
			for _, shift := range [...]float64{-minutesDay, 0, minutesDay} {
				if lo1 <= hi2+shift && lo2+shift <= hi1 {
					return true
				}
			}
		}
	}
	return false
}

// timeBounds are the bounds interval reads before a time of day in place
// of a quantity's ("more than", "under"): "before 3 p.m." is any time up
// to it, "after 3 p.m." any time from it to midnight. A deadline or a
// start ("until 6 p.m.", "by noon", "since 6 a.m.") names its time, and
// two of them that differ conflict.
var timeBounds = []numberBound{
	{"after ", true, false}, {"later than ", true, false},
	{"before ", false, true}, {"earlier than ", false, true}, {"nearly ", false, true}, {"almost ", false, true},
}

// timeOfDay is the class numberDiffs files times of day under, and names
// them by in a difference's explanation.
const timeOfDay = "time of day"
