package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// datePrepositions before a bare month or year make it a date: "in October",
// "since 2011".
var datePrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "during": true, "from": true, "before": true,
	"after": true, "of": true, "early": true, "late": true, "mid": true, "last": true, "next": true, "this": true,
	"through": true, "throughout": true, "on": true, "between": true, "earlier": true, "later": true,
}

// futureWords make a weekday point forward: "is expected to meet … on
// Wednesday" is the coming Wednesday; "met on Wednesday" the last one.
var futureWords = map[string]bool{
	"will": true, "expected": true, "scheduled": true, "slated": true, "planned": true, "planning": true, "plans": true,
	"upcoming": true, "due": true, "shall": true, "ll": true, "next": true, "set": true, "plan": true, "intends": true,
	"would": true,
}

// startsDateWord reports whether a date expression findDates reads may
// start at the lower-case word form low without a digit: a month or a
// weekday name, a day named relative to today, or a word that opens a
// relative period ("last week").
func startsDateWord(low string) bool {
	if _, ok := monthNames[low]; ok {
		return true
	}
	if _, ok := weekdays[low]; ok {
		return true
	}
	return dateAdverb(low)
}

// dateAdverb reports the words other than month and weekday names that
// startsDateWord takes.
func dateAdverb(low string) bool {
	switch low {
	case "yesterday", "today", "tomorrow", "last", "this", "next", "past":
		return true
	}
	return false
}

// findDates reads date expressions and resolves them against the
// publication date: Sept. 9 and September 9 are one date; "in October"
// is a month; "on Wednesday" the weekday nearest in the claim's tense.
//
// facts are the tokens' word facts (wordfacts.go): month and weekday
// names and future words are read there, not looked up per token. The
// dates are found into the scratch's buffer: the caller copies them.
func (x *extractor) findDates(toks []rawToken, lows []string, facts []*wordFacts, taken []bool) []Date {
	text := x.text
	x.dateBuf = x.dateBuf[:0]
	// Whether the claim speaks of the future, read on the first date
	// found: most claims have none, and the pass reads every token's facts.
	futureRead, futureSeen := false, false
	future := func() bool {
		if !futureRead {
			futureRead = true
			for _, f := range facts {
				if f.future {
					futureSeen = true
					break
				}
			}
		}
		return futureSeen
	}
	adj := func(k int) bool {
		if k <= 0 || k >= len(toks) {
			return false
		}
		g := strings.TrimSpace(text[toks[k-1].span.End:toks[k].span.Start])
		return g == "" || g == "." || g == ","
	}
	dayNum := func(k int) (int, bool) {
		if k >= len(toks) || !startsWithDigit(lows[k]) {
			// What is left after the ordinal letters must be digits:
			// most words fail at their first byte, without a trim.
			return 0, false
		}
		s := strings.TrimRight(lows[k], "stndrh")
		d, ok := smallInt(s, 2)
		return d, ok && d >= 1 && d <= 31
	}
	yearNum := func(k int) (int, bool) {
		if k >= len(toks) || len(lows[k]) != 4 {
			return 0, false
		}
		y, ok := smallInt(lows[k], 4)
		return y, ok && y >= 1900 && y <= 2100
	}
	facts, taken = facts[:len(toks)], taken[:len(toks)] // one a token: no bounds tests in the loop
	for i := 0; i < len(toks); i++ {
		if taken[i] || !facts[i].dateWord && !facts[i].digit {
			// Every case below starts at a digit or at a date word:
			// most tokens are passed over without the tests.
			continue
		}
		var d Date
		end := i + 1
		prev := ""
		if i > 0 {
			prev = lows[i-1]
		}
		mon := facts[i].month
		isMonth := mon > 0
		if isMonth && !isCapitalized(toks[i].text) {
			isMonth = false
		}
		switch {
		case len(lows[i]) == 10 && lows[i][4] == '-' && lows[i][7] == '-':
			if t, err := time.Parse("2006-01-02", lows[i]); err == nil {
				d = Date{Value: t.Format("2006-01-02"), Precision: PrecisionDay}
			}
		case isMonth:
			if day, ok := dayNum(i + 1); ok && adj(i+1) {
				end = i + 2
				year, hasYear := 0, false
				if y, ok := yearNum(i + 2); ok && adj(i+2) {
					year, hasYear, end = y, true, i+3
				}
				d = Date{Precision: PrecisionDay, Value: x.resolveMonthDay(year, hasYear, mon, day, future())}
			} else if y, ok := yearNum(i + 1); ok && adj(i+1) {
				end = i + 2
				d = Date{Precision: PrecisionMonth, Value: fmt.Sprintf("%04d-%02d", y, mon)}
			} else if lows[i] != "may" || datePrepositions[prev] {
				d = Date{Precision: PrecisionMonth, Value: x.resolveMonth(mon, future())}
				if lows[i] == "may" || lows[i] == "march" {
					if !datePrepositions[prev] {
						continue
					}
				}
			} else {
				continue
			}
		case func() bool { _, ok := dayNum(i); return ok }() && i+1 < len(toks) && adj(i+1) && isCapitalized(toks[i+1].text) && facts[i+1].month > 0:
			day, _ := dayNum(i)
			mon := facts[i+1].month
			end = i + 2
			year, hasYear := 0, false
			if y, ok := yearNum(i + 2); ok && adj(i+2) {
				year, hasYear, end = y, true, i+3
			}
			d = Date{Precision: PrecisionDay, Value: x.resolveMonthDay(year, hasYear, mon, day, future())}
		case func() bool { _, ok := yearNum(i); return ok }() && datePrepositions[prev]:
			y, _ := yearNum(i)
			d = Date{Precision: PrecisionYear, Value: strconv.Itoa(y)}
		case (facts[i].weekday > 0 || lows[i] == "sunday") && isCapitalized(toks[i].text) &&
			!(i+1 < len(toks) && facts[i+1].month > 0 && isCapitalized(toks[i+1].text)):
			// "on Monday, March 3": the weekday belongs to the calendar date
			// that follows, which is read on its own.
			d = Date{Precision: PrecisionDay, Value: x.resolveWeekday(facts[i].weekday, future() && !pastVerbBefore(lows, i))}
		case lows[i] == "yesterday" || lows[i] == "today" || lows[i] == "tomorrow":
			off := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[lows[i]]
			d = Date{Precision: PrecisionDay}
			if !x.pub.IsZero() {
				d.Value = x.pub.AddDate(0, 0, off).Format("2006-01-02")
			}
		case (lows[i] == "last" || lows[i] == "this" || lows[i] == "next" || lows[i] == "past") && i+1 < len(toks) && adj(i+1) &&
			(lows[i+1] == "week" || lows[i+1] == "month" || lows[i+1] == "year") && !isCapitalized(toks[i+1].text):
			// "This Week", "Last Week Tonight": a capitalised period is
			// the name of a show or a column, not a date.
			end = i + 2
			d = x.relativePeriod(lows[i], lows[i+1])
		default:
			continue
		}
		if d.Precision == "" {
			continue
		}
		d.Span = Span{toks[i].span.Start, toks[end-1].span.End}
		// "Sept." keeps its dot in the date's text.
		if end == i+1 && d.Span.End < len(text) && text[d.Span.End] == '.' && facts[i].month > 0 && len(lows[i]) <= 4 && lows[i] != "may" && lows[i] != "june" && lows[i] != "july" {
			d.Span.End++
		}
		d.Text = text[d.Span.Start:d.Span.End]
		x.dateBuf = append(x.dateBuf, d)
		for k := i; k < end; k++ {
			taken[k] = true
		}
		i = end - 1
	}
	return x.dateBuf
}

func (x *extractor) resolveMonthDay(year int, hasYear bool, mon, day int, future bool) string {
	if hasYear {
		return fmt.Sprintf("%04d-%02d-%02d", year, mon, day)
	}
	if x.pub.IsZero() {
		return fmt.Sprintf("XXXX-%02d-%02d", mon, day)
	}
	var cands []time.Time
	for _, y := range []int{x.pub.Year() - 1, x.pub.Year(), x.pub.Year() + 1} {
		cands = append(cands, time.Date(y, time.Month(mon), day, 0, 0, 0, 0, time.UTC))
	}
	return x.pickByTense(cands, future, 45*24*time.Hour).Format("2006-01-02")
}

func (x *extractor) resolveMonth(mon int, future bool) string {
	if x.pub.IsZero() {
		return fmt.Sprintf("XXXX-%02d", mon)
	}
	var cands []time.Time
	for _, y := range []int{x.pub.Year() - 1, x.pub.Year(), x.pub.Year() + 1} {
		cands = append(cands, time.Date(y, time.Month(mon), 1, 0, 0, 0, 0, time.UTC))
	}
	// A month counts as near when the publication falls in it or the one
	// beside it.
	pubMonth := time.Date(x.pub.Year(), x.pub.Month(), 1, 0, 0, 0, 0, time.UTC)
	best := x.pickFrom(cands, pubMonth, future, 32*24*time.Hour)
	return best.Format("2006-01")
}

// pickByTense chooses the year of a date written without one: the
// candidate nearest the publication date when it is near (within near), and
// otherwise the latest one not after publication for a past-tense claim or
// the earliest one not before it for a future one. "In March protesters
// filled the square", published in November, is the March before; "the law
// takes effect on Dec. 1", published in November, the coming December.
func (x *extractor) pickByTense(cands []time.Time, future bool, near time.Duration) time.Time {
	return x.pickFrom(cands, x.pub, future, near)
}

func (x *extractor) pickFrom(cands []time.Time, ref time.Time, future bool, near time.Duration) time.Time {
	closest := cands[0]
	for _, c := range cands[1:] {
		if absDur(c.Sub(ref)) < absDur(closest.Sub(ref)) {
			closest = c
		}
	}
	if absDur(closest.Sub(ref)) <= near {
		return closest
	}
	var best time.Time
	for _, c := range cands {
		if future && !c.Before(ref) && (best.IsZero() || c.Before(best)) {
			best = c
		}
		if !future && !c.After(ref) && (best.IsZero() || c.After(best)) {
			best = c
		}
	}
	if best.IsZero() {
		return closest
	}
	return best
}

// pastVerbBefore reports a verb in the past just before a weekday: "The
// New York Times reported on Saturday" dates the report, in the past, even
// in a sentence about a planned meeting.
func pastVerbBefore(lows []string, i int) bool {
	k := i - 1
	if k >= 0 && (lows[k] == "on" || lows[k] == "late" || lows[k] == "early") {
		k--
	}
	if k < 0 {
		return false
	}
	w := lows[k]
	return strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "met" || w == "spoke" || w == "wrote" || w == "began" || w == "took"
}

func (x *extractor) resolveWeekday(wd int, future bool) string {
	if x.pub.IsZero() {
		return ""
	}
	cur := int(x.pub.Weekday())
	var off int
	if future {
		off = (wd - cur + 7) % 7
	} else {
		off = -((cur - wd + 7) % 7)
	}
	return x.pub.AddDate(0, 0, off).Format("2006-01-02")
}

func (x *extractor) relativePeriod(which, unit string) Date {
	d := Date{}
	step := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[which]
	switch unit {
	case "week":
		d.Precision = PrecisionWeek
		if !x.pub.IsZero() {
			y, w := x.pub.AddDate(0, 0, 7*step).ISOWeek()
			d.Value = fmt.Sprintf("%04d-W%02d", y, w)
		}
	case "month":
		d.Precision = PrecisionMonth
		if !x.pub.IsZero() {
			d.Value = x.pub.AddDate(0, step, 0).Format("2006-01")
		}
	case "year":
		d.Precision = PrecisionYear
		if !x.pub.IsZero() {
			d.Value = strconv.Itoa(x.pub.Year() + step)
		}
	}
	return d
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// smallInt reads a run of at most n ASCII digits. Unlike strconv.Atoi it
// makes no error value for the words that are not numbers, which are
// nearly all of the words it is asked about.
func smallInt(s string, n int) (int, bool) {
	if s == "" || len(s) > n {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}
