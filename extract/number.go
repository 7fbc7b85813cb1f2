package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
}

// vagueCounts are the plural scale words, which count vaguely: "thousands
// of protesters" is two thousand or more and fewer than a million, not a
// figure. Read as that range, a crowd of "thousands" meets "more than
// 50,000" and "several thousand" does not (number conflicts compare
// ranges).
var vagueCounts = map[string][2]float64{
	"dozens": {24, 143}, "hundreds": {200, 999}, "thousands": {2e3, 999_999},
	"millions": {2e6, 999_999_999}, "billions": {2e9, 999_999_999_999},
}

// vagueFactors are the words that count a scale vaguely: "a few hundred"
// is two to five hundred, "several thousand" three to nine thousand
// (several: more than two, not many).
var vagueFactors = map[string][2]float64{"few": {2, 5}, "several": {3, 9}}

// UnitTime is the Unit of a time of day ("3:40", "5 p.m.", "3:22
// p.m."), whose Value is minutes past 12 on a twelve-hour clock: news
// writes the half of the day where it matters, and "3:40" in one report
// and "3:40 p.m." in another are one time.
const UnitTime = "time"

// clockTime reads a time of day at toks[i]: hours and minutes ("3:40"),
// or an hour with a.m. or p.m. ("5 p.m."), or both. Read as two numbers
// they counted nothing ("5 p.m." counted "p", "3:22" was 3 and 22).
func clockTime(text string, toks []rawToken, lows []string, i int) (Number, int, bool) {
	w := toks[i].text
	if len(w) == 0 || len(w) > 2 || !startsWithDigit(w) || len(w) == 2 && !startsWithDigit(w[1:]) {
		return Number{}, 0, false // no hour (and no Atoi, whose error allocates)
	}
	h, _ := strconv.Atoi(w)
	end, mins, clock, meridiem := i+1, 0, false, false
	spanEnd := toks[i].span.End
	if end < len(toks) && toks[i].span.End+1 == toks[end].span.Start && text[toks[i].span.End] == ':' &&
		len(toks[end].text) == 2 && startsWithDigit(toks[end].text) {
		if m, err := strconv.Atoi(toks[end].text); err == nil && m < 60 {
			mins, clock = m, true
			spanEnd = toks[end].span.End
			end++
		}
	}
	if end < len(toks) && onlySpaceBetween(text, toks[end-1].span.End, toks[end].span.Start) {
		// "p.m." is tokens of its letters; "pm" one token.
		rest := strings.ToLower(text[toks[end].span.Start:min(len(text), toks[end].span.Start+4)])
		for _, m := range [...]string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm"} {
			if strings.HasPrefix(rest, m) && (len(m) == 4 || len(rest) == len(m) || !asciiLetter(rest[len(m)])) {
				clock, meridiem = true, true
				spanEnd = toks[end].span.Start + len(m)
				for end < len(toks) && toks[end].span.Start < spanEnd {
					end++
				}
				break
			}
		}
	}
	if !clock || h > 23 || meridiem && (h == 0 || h > 12) {
		// "24:17" is a score, "13 p.m." or "0 p.m." no time.
		return Number{}, 0, false
	}
	n := Number{Value: float64((h%12)*60 + mins), Unit: UnitTime, Span: Span{toks[i].span.Start, spanEnd}}
	n.Text = text[n.Span.Start:n.Span.End]
	return n, end, true
}

// yearLike reports four digits from 1800 to 2100, written as a year is
// (no comma, no decimals).
func yearLike(w string) bool {
	if len(w) != 4 {
		return false
	}
	y, err := strconv.Atoi(w)
	return err == nil && y >= 1800 && y <= 2100
}

func asciiLetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// vagueStart reports whether a vague count may start with the word: the
// words of vagueFactors and vagueCounts and "tens".
func vagueStart(w string) bool {
	switch w {
	case "few", "several", "tens", "dozens", "hundreds", "thousands", "millions", "billions":
		return true
	}
	return false
}

// vagueCount reads a vague count at toks[i]: "several thousand", "a few
// dozen", "thousands", "tens of thousands", "hundreds of millions". It
// returns the range and the index after its last word.
func vagueCount(text string, toks []rawToken, lows []string, i int) (lo, hi float64, end int, ok bool) {
	adj := func(k int) bool {
		return k < len(toks) && onlySpaceBetween(text, toks[k-1].span.End, toks[k].span.Start)
	}
	if !vagueStart(lows[i]) {
		return 0, 0, 0, false // most tokens: no map look-up
	}
	if f, isF := vagueFactors[lows[i]]; isF && adj(i+1) {
		s, isScale := scaleWords[lows[i+1]]
		if lows[i+1] == "dozen" {
			s, isScale = 12, true
		}
		if isScale {
			// "several hundred thousand": each further scale multiplies.
			end := i + 2
			for end < len(toks) && adj(end) {
				s2, more := scaleWords[lows[end]]
				if !more || s2 <= s {
					break
				}
				s *= s2
				end++
			}
			return f[0] * s, f[1] * s, end, true
		}
		return 0, 0, 0, false
	}
	if lows[i] == "tens" || lows[i] == "hundreds" {
		if adj(i+1) && adj(i+2) && lows[i+1] == "of" {
			if r, isV := vagueCounts[lows[i+2]]; isV && lows[i+2] != "dozens" && lows[i+2] != "hundreds" {
				unit := r[0] / 2 // thousands: 1,000
				if lows[i] == "tens" {
					return 20 * unit, 100*unit - 1, i + 3, true
				}
				return 200 * unit, 1000*unit - 1, i + 3, true
			}
		}
	}
	if r, isV := vagueCounts[lows[i]]; isV {
		return r[0], r[1], i + 1, true
	}
	return 0, 0, 0, false
}

var scaleWords = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9}

// currencies are tried in order, longest sign first, so US$ wins over $.
var currencies = [][2]string{{"US$", "usd"}, {"A$", "aud"}, {"C$", "cad"}, {"$", "usd"}, {"€", "eur"}, {"£", "gbp"}, {"¥", "jpy"}, {"₹", "inr"}}

var currencyWords = map[string]string{"dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur", "pounds": "gbp", "yen": "jpy", "rupees": "inr", "shekels": "ils", "yuan": "cny"}

// currencyCodes holds every Unit a currency gives a Number.
var currencyCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range currencies {
		m[c[1]] = true
	}
	for _, c := range currencyWords {
		m[c] = true
	}
	for _, c := range currencyCountries {
		m[c] = true
	}
	return m
}()

// Counts reports whether the number's Unit is a noun it counts ("20
// hostages"), not a currency, a percent, a time of day or nothing: two counts of
// different nouns are of different things, where two sums of money may be
// of anything.
func (n Number) Counts() bool {
	return n.Unit != "" && n.Unit != "percent" && n.Unit != UnitTime && !currencyCodes[n.Unit]
}

// wordValue reads a number written in words: four, twenty-two, a dozen.
// "one" is left out on purpose: "one of the topics", "no one" count nothing.
func wordValue(low string) (float64, bool) {
	if v, ok := numberWords[low]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(low, "-"); ok {
		ta, oka := numberWords[a]
		tb, okb := numberWords[b]
		if b == "one" {
			tb, okb = 1, true
		}
		if oka && okb && ta >= 20 && ta <= 90 && tb < 10 {
			return ta + tb, true
		}
	}
	return 0, false
}

// findNumbers reads quantities: digits, number words, percentages, money,
// scales (2.5 billion) and ranges (10 to 15), each with the noun it counts
// when one follows ("20 remaining living hostages" counts hostages) or
// precedes ("age 22"). facts are the word facts of toks. The numbers are
// found into the scratch's buffer: the caller copies them.
func (x *extractor) findNumbers(toks []rawToken, lows []string, facts []*wordFacts, taken []bool) []Number {
	text := x.text
	x.numBuf = x.numBuf[:0]
	for i := 0; i < len(toks); i++ {
		if taken[i] {
			continue
		}
		if !facts[i].digit && !facts[i].numLike && (toks[i].span.Start == 0 || text[toks[i].span.Start-1] != '$') {
			// Most words: no vague count, no currency glued to them,
			// no clock time, digits or number word (the word's facts
			// tell the form's, numLike, once for the process): the
			// tests below would each turn them down.
			continue
		}
		v, ok := 0.0, false
		hi := 0.0
		if lo, up, end, vague := vagueCount(text, toks, lows, i); vague {
			n := Number{Value: lo, Max: up, Span: Span{toks[i].span.Start, toks[end-1].span.End}}
			j := end
			if j < len(toks) && lows[j] == "of" && onlySpaceBetween(text, toks[j-1].span.End, toks[j].span.Start) {
				j++ // "thousands of protesters"
			}
			n.Unit = x.countedNoun(toks, lows, facts, j, i, taken)
			if c, isCur := currencyWords[n.Unit]; isCur {
				n.Unit = c // "hundreds of millions of dollars"
			}
			n.Text = text[n.Span.Start:n.Span.End]
			x.numBuf = append(x.numBuf, n)
			for k := i; k < end; k++ {
				taken[k] = true
			}
			i = end - 1
			continue
		}
		if cur, rest, ok := currencyPrefixed(text, toks[i]); ok {
			// "$US3.95", "$A20": the currency's country glued to the digits.
			if f, err := strconv.ParseFloat(strings.ReplaceAll(rest, ",", ""), 64); err == nil && plainDecimal(rest) {
				n := Number{Value: f, Unit: cur, Span: Span{toks[i].span.Start - 1, toks[i].span.End}}
				taken[i] = true
				// "$US51 billion": the scale word after it, as after "$51".
				if k := i + 1; k < len(toks) && !taken[k] && onlySpaceBetween(text, toks[i].span.End, toks[k].span.Start) {
					if sc, ok := scaleWords[lows[k]]; ok {
						n.Value *= sc
						n.Span.End = toks[k].span.End
						taken[k] = true
					}
				}
				n.Text = text[n.Span.Start:n.Span.End]
				x.numBuf = append(x.numBuf, n)
			}
			continue
		}
		if n, end, isTime := clockTime(text, toks, lows, i); isTime {
			x.numBuf = append(x.numBuf, n)
			for k := i; k < end; k++ {
				taken[k] = true
			}
			i = end - 1
			continue
		}
		scale := 1.0
		point := false
		if startsWithDigit(toks[i].text) {
			raw := toks[i].text
			// "41bn", "2.5m", "300k": a scale glued to the digits.
			for _, suf := range []string{"bn", "mn", "tn", "m", "k", "b"} {
				if strings.HasSuffix(strings.ToLower(raw), suf) && len(raw) > len(suf) && raw[len(raw)-len(suf)-1] >= '0' && raw[len(raw)-len(suf)-1] <= '9' {
					scale = map[string]float64{"bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3}[suf]
					raw = raw[:len(raw)-len(suf)]
					break
				}
			}
			lo, up, isRange := strings.Cut(raw, "-")
			f, err := strconv.ParseFloat(strings.ReplaceAll(lo, ",", ""), 64)
			// Only plain decimals count: ParseFloat also reads "1e308" and
			// "0x10", which are no news quantities and can overflow to an
			// infinity that JSON cannot carry.
			v, ok = f, err == nil && plainDecimal(lo)
			if ok && leadingPoint(text, toks[i].span.Start, lo) {
				// ".5 percent", "$.50": a word starts at its first digit,
				// so the point before it is outside the token, and the
				// number without it reads ten or a hundred times too
				// large (a false number conflict with "0.5 percent").
				v, _ = strconv.ParseFloat("0."+lo, 64)
				point = true
			}
			if isRange && ok {
				h, err := strconv.ParseFloat(strings.ReplaceAll(up, ",", ""), 64)
				ok = err == nil && plainDecimal(up) && h > f
				hi = h
			}
		} else if facts[i].numWord || strings.Contains(lows[i], "-") {
			// Only a number word or a hyphenated pair of them has a
			// value; the facts tell the first without a look-up.
			v, ok = wordValue(lows[i])
		}
		if !ok {
			continue
		}
		n := Number{Value: v * scale, Max: hi * scale, Span: toks[i].span}
		if point {
			n.Span.Start--
		}
		j := i + 1
		adj := func(k int) bool {
			return k < len(toks) && onlySpaceBetween(text, toks[k-1].span.End, toks[k].span.Start)
		}
		// Money: a currency sign right before the number.
		for _, c := range currencies {
			sym, code := c[0], c[1]
			if n.Span.Start >= len(sym) && text[n.Span.Start-len(sym):n.Span.Start] == sym {
				n.Span.Start -= len(sym)
				n.Unit = code
				break
			}
		}
		if j < len(toks) && adj(j) {
			if s, ok := scaleWords[lows[j]]; ok {
				n.Value *= s
				n.Max *= s
				n.Span.End = toks[j].span.End
				j++
			}
		}
		// Percent sign or word.
		if n.Span.End < len(text) && text[n.Span.End] == '%' {
			n.Span.End++
			n.Unit = "percent"
		} else if j < len(toks) && adj(j) && (lows[j] == "percent" || lows[j] == "pct") {
			n.Span.End = toks[j].span.End
			n.Unit = "percent"
			j++
		} else if j+1 < len(toks) && lows[j] == "per" && lows[j+1] == "cent" {
			n.Span.End = toks[j+1].span.End
			n.Unit = "percent"
			j += 2
		}
		// Range: "10 to 15", "10-15" is one token handled by ParseFloat failing; "between 10 and 15".
		// "and" makes a range only after "between": "aged 3 and 5" is two ages.
		between := i > 0 && lows[i-1] == "between"
		if j+1 < len(toks) && (lows[j] == "to" || lows[j] == "and" && between) && adj(j) && adj(j+1) && startsWithDigit(toks[j+1].text) && !taken[j+1] {
			if hi, err := strconv.ParseFloat(strings.ReplaceAll(toks[j+1].text, ",", ""), 64); err == nil && plainDecimal(toks[j+1].text) {
				end := j + 2
				upper := hi
				if end < len(toks) && adj(end) {
					if sc, ok := scaleWords[lows[end]]; ok {
						// "2 million to 3 million", "between 10 and 15 million":
						// a scale after the upper end; the lower end takes it
						// too when it has none of its own.
						upper *= sc
						if n.Value == v*scale && scale == 1 && n.Span.End == toks[i].span.End {
							n.Value *= sc
						}
						end++
					}
				} else if n.Value != v {
					// "2 million to 3": the upper end shares the lower's scale.
					upper *= n.Value / v
				}
				if upper > n.Value {
					n.Max = upper
					n.Span.End = toks[end-1].span.End
					j = end
				}
			}
		}
		if n.Unit == "" {
			if j < len(toks) && adj(j) {
				if c, ok := currencyWords[lows[j]]; ok {
					n.Unit = c
					n.Span.End = toks[j].span.End
					j++
				}
			}
		}
		if n.Unit == "" {
			n.Unit = x.countedNoun(toks, lows, facts, j, i, taken)
		}
		if math.IsInf(n.Value, 0) || math.IsInf(n.Max, 0) {
			// Hundreds of digits times a scale word: no quantity to report.
			continue
		}
		if n.Max == 0 && j == i+1 && yearLike(toks[i].text) && (n.Unit == "" || !pluralShape(n.Unit) && !irregularPlurals[n.Unit]) {
			// "her 2014 federal tax rate", "the 2016 election", "its 2000,
			// 2001 …": a year, not a quantity ("2000 people" counts).
			continue
		}
		n.Text = text[n.Span.Start:n.Span.End]
		x.numBuf = append(x.numBuf, n)
		for k := i; k < j && k < len(taken); k++ {
			taken[k] = true
		}
		i = j - 1
	}
	return x.numBuf
}

// countedNoun returns the noun a number counts: the last of up to three
// content words that follow it ("20 remaining living hostages"), or the
// word before it for "age 22". The noun is the word table's copy of the
// form (facts), not lows', which may be the word's bytes in the text: a
// unit the caller keeps must not keep the article alive.
func (x *extractor) countedNoun(toks []rawToken, lows []string, facts []*wordFacts, j, i int, taken []bool) string {
	last, at := "", -1
	for k := j; k < len(toks) && k < j+3; k++ {
		if !onlySpaceBetween(x.text, toks[k-1].span.End, toks[k].span.Start) || taken[k] {
			break
		}
		if facts[k].stop || startsWithDigit(toks[k].text) || len(lows[k]) == 1 {
			break // a letter is no noun ("from 8 to 10 p.m.": "p")
		}
		if strings.HasSuffix(lows[k], "ed") && last != "" {
			// "10 million people fled": the verb after the noun ends it.
			break
		}
		last, at = lows[k], k
		if pluralShape(last) || irregularPlurals[last] {
			// "two anonymous sources familiar with …": the plural noun is
			// what is counted, not the word after it.
			break
		}
	}
	if last == "" && i > 0 && (lows[i-1] == "age" || lows[i-1] == "aged") {
		return "age"
	}
	if at >= 0 {
		return facts[at].low
	}
	return last
}

var currencyCountries = map[string]string{"US": "usd", "A": "aud", "C": "cad", "NZ": "nzd", "HK": "hkd", "S": "sgd"}

// currencyPrefixed reads "$US3.95": a dollar sign, a country code, digits.
func currencyPrefixed(text string, t rawToken) (string, string, bool) {
	if t.span.Start == 0 || text[t.span.Start-1] != '$' {
		return "", "", false
	}
	k := 0
	for k < len(t.text) && t.text[k] >= 'A' && t.text[k] <= 'Z' {
		k++
	}
	if k == 0 || k == len(t.text) || !startsWithDigit(t.text[k:]) {
		return "", "", false
	}
	cur, ok := currencyCountries[t.text[:k]]
	return cur, t.text[k:], ok
}

// plainDecimal reports whether s is written with digits, thousands commas
// and a decimal point only.
// leadingPoint reports a decimal point written before the digits of a
// token that starts at start, as in ".5" or "$.50": the point follows a
// space, an opening mark or a currency sign, not a letter, a digit or
// another point ("No.5", "Jan.5", "...5"), and the digits are whole.
func leadingPoint(text string, start int, digits string) bool {
	if start < 1 || text[start-1] != '.' || digits == "" {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	if start == 1 {
		return true
	}
	c := text[start-2]
	return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c >= utf8.RuneSelf)
}

func plainDecimal(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return s != ""
}

// pluralShape reports a word shaped like a plural noun: hostages, sources,
// hours (not "news", "status", "crisis", "process").
func pluralShape(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ws")
}

// irregularPlurals are plural nouns without the -s shape.
var irregularPlurals = map[string]bool{"people": true, "children": true, "men": true, "women": true, "police": true, "personnel": true, "staff": true, "troops": true, "cattle": true}
