package compare

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/extract"
)

// The report's types are written by hand rather than through
// encoding/json's reflection: every field in declaration order, as
// encoding/json names it, omitempty as it decides it (empty strings, zero
// numbers, false, nil pointers and empty slices and maps left out), nil
// lists and maps as null, map keys sorted, strings escaped as
// json.Encoder with SetEscapeHTML(false) escapes them (quote, backslash,
// control characters, U+2028 and U+2029, invalid UTF-8 as U+FFFD) and
// floats formatted as it formats them. TestJSONEncoderMatchesReflection
// encodes random reports, every field of every type filled, both ways and
// compares the bytes: a field added to one of these types and not here
// fails it.

// jsonEnc appends compact JSON to b; err is the first value JSON cannot
// hold (a NaN or infinite float), as encoding/json reports it.
type jsonEnc struct {
	b   []byte
	err error
}

// key starts an object's member: a comma unless it is the first.
func (e *jsonEnc) key(k string) {
	if e.b[len(e.b)-1] != '{' {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, k...)
}

func (e *jsonEnc) str(s string) { e.b = appendJSONString(e.b, s) }

func (e *jsonEnc) int(n int) { e.b = appendInt(e.b, n) }

// float is encoding/json's float64 encoder: ES6 number formatting, 'e'
// only below 1e-6 or from 1e21, a one-digit negative exponent unpadded.
func (e *jsonEnc) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if e.err == nil {
			e.err = &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
		}
		e.b = append(e.b, '0') // never written: the error stops the report
		return
	}
	if b, ok := appendMillis(e.b, f); ok {
		e.b = b
		return
	}
	abs := math.Abs(f)
	fmt := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		fmt = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, fmt, -1, 64)
	if fmt == 'e' {
		n := len(e.b)
		if n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

// appendMillis appends f as strconv.AppendFloat(b, f, 'f', -1, 64) writes
// it, for an f that is a whole number of thousandths, not zero, under a
// billion in size: most of a report's numbers (the scores round3 gives,
// the rates per hundred claims). ok is false, and b as it was, for any
// other f. The shortest decimal that reads back as f is then k/1000 (k =
// f·1000) with its trailing zeros dropped: it reads back as f, since k/1000
// divided as floats is the float nearest k/1000, as that decimal parsed
// is; and every other decimal of as few digits differs from it by a
// thousandth at least, a million times f's spacing. Shortest formatting
// searches for those digits at ten times the cost (TestAppendMillis).
func appendMillis(b []byte, f float64) ([]byte, bool) {
	k := math.Round(f * 1000)
	if k == 0 || !(math.Abs(k) < 1e12) || k/1000 != f {
		return b, false
	}
	m := int64(k)
	if m < 0 {
		b = append(b, '-')
		m = -m
	}
	b = appendInt(b, int(m/1000))
	if fr := m % 1000; fr != 0 {
		b = append(b, '.', byte('0'+fr/100))
		if fr%100 != 0 {
			b = append(b, byte('0'+fr/10%10))
			if fr%10 != 0 {
				b = append(b, byte('0'+fr%10))
			}
		}
	}
	return b, true
}

func (e *jsonEnc) strs(ss []string) {
	if ss == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = append(e.b, '[')
	for i, s := range ss {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(s)
	}
	e.b = append(e.b, ']')
}

// span writes a "span" member, never an object's first.
func (e *jsonEnc) span(s extract.Span) {
	e.b = append(e.b, `,"span":[`...)
	e.b = appendInt(e.b, s.Start)
	e.b = append(e.b, ',')
	e.b = appendInt(e.b, s.End)
	e.b = append(e.b, ']')
}

// twoDigits holds "00" to "99".
const twoDigits = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" +
	"30313233343536373839" + "40414243444546474849" + "50515253545556575859" +
	"60616263646566676869" + "70717273747576777879" + "80818283848586878889" + "90919293949596979899"

// pow10 holds 10⁰ to 10⁹.
var pow10 = [...]int{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// appendInt is strconv.AppendInt(b, int64(n), 10), whose digits are
// formatted in an array of its own and copied out, through three calls;
// the spans' offsets, two in every span of a report, are most of its
// numbers. A number that is negative or has more than nine digits is left
// to strconv (TestAppendInt).
func appendInt(b []byte, n int) []byte {
	if uint(n) >= 1e9 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	// The digits counted from the bit length (1233/4096 is just above
	// log10 2), then one more where n reaches the next power of ten; n|1
	// has n's digits (no power of ten above 1 is odd) and 0 has one.
	x := n | 1
	d := bits.Len32(uint32(x)) * 1233 >> 12
	if x >= pow10[d] {
		d++
	}
	l := len(b)
	b = slices.Grow(b, d)[:l+d]
	i := l + d
	for n >= 100 {
		q := n / 100
		r := 2 * (n - 100*q)
		i -= 2
		b[i], b[i+1] = twoDigits[r], twoDigits[r+1]
		n = q
	}
	if n >= 10 {
		b[i-2], b[i-1] = twoDigits[2*n], twoDigits[2*n+1]
	} else {
		b[i-1] = byte('0' + n)
	}
	return b
}

// optStr writes a member with omitempty. Most optional members are empty:
// the test is inlined, the writing (member) is not.
func (e *jsonEnc) optStr(k, v string) {
	if v != "" {
		e.member(k, v)
	}
}

// member writes a string member.
//
//go:noinline
func (e *jsonEnc) member(k, v string) {
	e.key(k)
	e.str(v)
}

func (e *jsonEnc) optStrs(k string, v []string) {
	if len(v) > 0 {
		e.key(k)
		e.strs(v)
	}
}

func (e *jsonEnc) optFloat(k string, v float64) {
	if v != 0 {
		e.floatMember(k, v)
	}
}

// floatMember writes a number member (optFloat's, out of line as
// member is).
//
//go:noinline
func (e *jsonEnc) floatMember(k string, v float64) {
	e.key(k)
	e.float(v)
}

// list writes a slice that is not omitempty: null when nil.
func list[T any](e *jsonEnc, v []T, elem func(*jsonEnc, *T)) {
	if v == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = append(e.b, '[')
	for i := range v {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		elem(e, &v[i])
	}
	e.b = append(e.b, ']')
}

// optList writes a slice member with omitempty.
func optList[T any](e *jsonEnc, k string, v []T, elem func(*jsonEnc, *T)) {
	if len(v) > 0 {
		e.key(k)
		list(e, v, elem)
	}
}

// object writes a map: null when nil, keys sorted as encoding/json sorts
// them.
func object[V any](e *jsonEnc, m map[string]V, val func(*jsonEnc, V)) {
	if m == nil {
		e.b = append(e.b, "null"...)
		return
	}
	var few [8]string // a difference's sides, a profile's marker kinds
	ks := few[:0]
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, strings.Compare)
	e.b = append(e.b, '{')
	for i, k := range ks {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(k)
		e.b = append(e.b, ':')
		val(e, m[k])
	}
	e.b = append(e.b, '}')
}

func encRun(e *jsonEnc, r *Run) {
	e.b = append(e.b, `{"tool":`...)
	e.str(r.Tool)
	e.b = append(e.b, `,"version":`...)
	e.str(r.Version)
	e.b = append(e.b, `,"threshold":`...)
	e.float(r.Threshold)
	e.b = append(e.b, `,"related_threshold":`...)
	e.float(r.RelatedThreshold)
	e.b = append(e.b, `,"name_matcher":`...)
	e.str(r.NameMatcher)
	e.b = append(e.b, `,"lexicon":`...)
	e.str(r.Lexicon)
	e.optStr(`"embedder":`, r.Embedder)
	if r.SemanticWeight != nil {
		e.b = append(e.b, `,"semantic_weight":`...)
		e.float(*r.SemanticWeight)
	}
	if r.OmissionModel != nil {
		e.b = append(e.b, `,"omission_model":`...)
		encModelRun(e, r.OmissionModel)
	}
	if r.PairModel != nil {
		e.b = append(e.b, `,"pair_model":`...)
		encModelRun(e, r.PairModel)
	}
	e.b = append(e.b, '}')
}

// encModelRun writes a model's run record (ModelRun).
func encModelRun(e *jsonEnc, o *ModelRun) {
	e.b = append(e.b, '{')
	e.optStr(`"off":`, o.Off)
	e.optFloat(`"cut":`, o.Cut)
	e.optStr(`"fitted":`, o.Fitted)
	e.b = append(e.b, '}')
}

// encDocumentHead writes a document up to the opening bracket of its
// claims, which the writer streams.
func encDocumentHead(e *jsonEnc, d *extract.Document) {
	e.b = append(e.b, `{"id":`...)
	e.str(d.ID)
	e.optStr(`"outlet":`, d.Outlet)
	e.optStr(`"title":`, d.Title)
	e.optStr(`"published":`, d.Published)
	if d.PublishedInferred {
		e.b = append(e.b, `,"published_inferred":true`...)
	}
	e.optStr(`"url":`, d.URL)
	e.optStr(`"source":`, d.Source)
	optList(e, `"excluded":`, d.Excluded, encExcluded)
	if d.Headline != nil {
		e.b = append(e.b, `,"headline":`...)
		encClaim(e, d.Headline)
	}
	e.b = append(e.b, `,"claims":[`...)
}

// encDocumentTail closes a document's claims and writes the rest.
func encDocumentTail(e *jsonEnc, d *extract.Document) {
	e.b = append(e.b, ']')
	e.optStrs(`"notes":`, d.Notes)
	e.optStr(`"text":`, d.KeptText)
	e.b = append(e.b, '}')
}

func encExcluded(e *jsonEnc, x *extract.Excluded) {
	e.b = append(e.b, `{"kind":`...)
	e.str(x.Kind)
	e.b = append(e.b, `,"text":`...)
	e.str(x.Text)
	e.span(x.Span)
	e.b = append(e.b, '}')
}

func encClaim(e *jsonEnc, c *extract.Claim) {
	e.b = append(e.b, `{"id":`...)
	e.str(c.ID)
	e.b = append(e.b, `,"text":`...)
	e.str(c.Text)
	e.span(c.Span)
	if a := c.Attribution; a != nil {
		e.b = append(e.b, `,"attribution":{"source":`...)
		e.str(a.Source)
		e.b = append(e.b, `,"verb":`...)
		e.str(a.Verb)
		e.optStr(`"stance":`, a.Stance)
		e.span(a.Span)
		e.b = append(e.b, '}')
	}
	optList(e, `"entities":`, c.Entities, encEntity)
	optList(e, `"numbers":`, c.Numbers, encNumber)
	optList(e, `"dates":`, c.Dates, encDate)
	optList(e, `"quotes":`, c.Quotes, encQuote)
	optList(e, `"markers":`, c.Markers, encMarker)
	e.optStr(`"repeat_of":`, c.RepeatOf)
	e.optStr(`"role":`, c.Role)
	e.optStr(`"span_of":`, c.SpanOf)
	e.b = append(e.b, '}')
}

func encEntity(e *jsonEnc, x *extract.Entity) {
	e.b = append(e.b, `{"text":`...)
	e.str(x.Text)
	e.b = append(e.b, `,"key":`...)
	e.str(x.Key)
	e.span(x.Span)
	e.optStr(`"resolved_from":`, x.ResolvedFrom)
	e.b = append(e.b, '}')
}

func encNumber(e *jsonEnc, n *extract.Number) {
	e.b = append(e.b, `{"text":`...)
	e.str(n.Text)
	e.b = append(e.b, `,"value":`...)
	e.float(n.Value)
	e.optFloat(`"max":`, n.Max)
	e.optStr(`"unit":`, n.Unit)
	e.span(n.Span)
	e.b = append(e.b, '}')
}

func encDate(e *jsonEnc, d *extract.Date) {
	e.b = append(e.b, `{"text":`...)
	e.str(d.Text)
	e.optStr(`"value":`, d.Value)
	e.b = append(e.b, `,"precision":`...)
	e.str(d.Precision)
	e.span(d.Span)
	if d.Inferred {
		e.b = append(e.b, `,"inferred":true`...)
	}
	e.b = append(e.b, '}')
}

func encQuote(e *jsonEnc, q *extract.Quote) {
	e.b = append(e.b, `{"text":`...)
	e.str(q.Text)
	e.optStr(`"speaker":`, q.Speaker)
	e.optStr(`"speaker_ref":`, q.SpeakerRef)
	e.optStr(`"verb":`, q.Verb)
	e.span(q.Span)
	e.b = append(e.b, '}')
}

func encMarker(e *jsonEnc, m *extract.Marker) {
	e.b = append(e.b, `{"kind":`...)
	e.str(m.Kind)
	e.b = append(e.b, `,"text":`...)
	e.str(m.Text)
	e.optStr(`"stance":`, m.Stance)
	e.b = append(e.b, `,"voice":`...)
	e.str(m.Voice)
	e.optStr(`"speaker":`, m.Speaker)
	e.optStr(`"refers_to":`, m.RefersTo)
	e.optStr(`"rule":`, m.Rule)
	e.span(m.Span)
	e.b = append(e.b, '}')
}

func encGroup(e *jsonEnc, g *Group) {
	e.b = append(e.b, `{"id":`...)
	e.str(g.ID)
	e.optStr(`"role":`, g.Role)
	e.b = append(e.b, `,"claims":`...)
	e.strs(g.Claims)
	e.b = append(e.b, `,"verdict":`...)
	e.str(g.Verdict)
	e.b = append(e.b, `,"score":`...)
	e.float(g.Score)
	e.b = append(e.b, `,"evidence":`...)
	encEvidence(e, &g.Evidence)
	optList(e, `"differences":`, g.Differences, encDifference)
	e.b = append(e.b, '}')
}

func encEvidence(e *jsonEnc, v *Evidence) {
	e.b = append(e.b, `{"pair":[`...)
	e.str(v.Pair[0])
	e.b = append(e.b, ',')
	e.str(v.Pair[1])
	e.b = append(e.b, ']')
	e.b = append(e.b, `,"shared":`...)
	e.strs(v.Shared)
	e.optStrs(`"names":`, v.Names)
	e.optStrs(`"numbers":`, v.Numbers)
	e.optStrs(`"dates":`, v.Dates)
	e.optStrs(`"variants":`, v.Variants)
	e.b = append(e.b, `,"containment":`...)
	e.float(v.Containment)
	if v.Lexical != nil {
		e.b = append(e.b, `,"lexical":`...)
		e.float(*v.Lexical)
	}
	if v.Semantic != nil {
		e.b = append(e.b, `,"semantic":`...)
		e.float(*v.Semantic)
	}
	if v.PairModel != nil {
		e.b = append(e.b, `,"pair_model":`...)
		e.float(*v.PairModel)
	}
	optList(e, `"members":`, v.Members, encMember)
	e.b = append(e.b, '}')
}

func encMember(e *jsonEnc, m *Member) {
	e.b = append(e.b, `{"claim":`...)
	e.str(m.Claim)
	e.optStr(`"with":`, m.With)
	e.optFloat(`"score":`, m.Score)
	e.optFloat(`"mean":`, m.Mean)
	e.b = append(e.b, '}')
}

func encDifference(e *jsonEnc, d *Difference) {
	e.b = append(e.b, `{"kind":`...)
	e.str(d.Kind)
	e.b = append(e.b, `,"values":`...)
	object(e, d.Values, func(e *jsonEnc, vs []Value) { list(e, vs, encValue) })
	e.b = append(e.b, `,"explain":`...)
	e.str(d.Explain)
	if len(d.Conflicts) > 0 {
		e.b = append(e.b, `,"conflicts":[`...)
		for i, p := range d.Conflicts {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, '[')
			e.str(p[0])
			e.b = append(e.b, ',')
			e.str(p[1])
			e.b = append(e.b, ']')
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '}')
}

func encValue(e *jsonEnc, v *Value) {
	e.b = append(e.b, `{"text":`...)
	e.str(v.Text)
	e.span(v.Span)
	e.optStr(`"stance":`, v.Stance)
	if v.Number != nil {
		e.b = append(e.b, `,"number":`...)
		encNumber(e, v.Number)
	}
	if v.Date != nil {
		e.b = append(e.b, `,"date":`...)
		encDate(e, v.Date)
	}
	e.b = append(e.b, '}')
}

func encProfile(e *jsonEnc, p Profile) {
	e.b = append(e.b, '{')
	e.optStr(`"outlet":`, p.Outlet)
	e.key(`"claims":`)
	e.int(p.Claims)
	e.key(`"shared":`)
	e.int(p.Shared)
	e.key(`"unique":`)
	e.int(p.Unique)
	if p.Carried != 0 {
		e.key(`"carried":`)
		e.int(p.Carried)
	}
	e.key(`"markers":`)
	object(e, p.Markers, (*jsonEnc).int)
	e.key(`"per_100_claims":`)
	object(e, p.Per100, (*jsonEnc).float)
	if len(p.Quoted) > 0 {
		e.key(`"quoted_markers":`)
		object(e, p.Quoted, (*jsonEnc).int)
	}
	if len(p.Reported) > 0 {
		e.key(`"reported_markers":`)
		object(e, p.Reported, (*jsonEnc).int)
	}
	e.b = append(e.b, '}')
}

// jsonSafe marks the ASCII bytes a JSON string holds as they are, with
// HTML escaping off.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// plainWord reports whether none of the eight bytes of x needs escaping or
// decoding: no control character, quote, backslash or non-ASCII byte. A
// byte with its high bit set is caught by x itself; on the others, of
// seven bits, an addition carries into no other byte, so b + 0x60 has its
// high bit set exactly when b ≥ 0x20, and (b ^ c) + 0x7f exactly when b ≠ c.
func plainWord(x uint64) bool { return unplain(x) == 0 }

// unplain has the high bit set of each byte of x that needs escaping or
// decoding, and maybe of bytes after one: a byte with its high bit set
// may carry into the next. The lowest bit set is that of the first such
// byte, since a byte of seven bits carries into none.
func unplain(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	ok := (x + 0x60*ones) & ((x ^ '"'*ones) + 0x7f*ones) & ((x ^ '\\'*ones) + 0x7f*ones)
	return (x | ^ok) & highs
}

// plainPrefix returns how many of s's first bytes need no escaping or
// decoding (all of them, len(s), for a plain string), read a word at a
// time; a string's last bytes are read as the word that ends it,
// overlapping the one before, and a short string's as two overlapping
// halves, so that a plain string (most of a report's: ids, keys, words,
// most claims) is passed over without a loop over its bytes. Below the
// result it may stop short of the first byte that needs escaping: the
// caller goes on from there byte by byte.
func plainPrefix(s string) int {
	n := len(s)
	switch {
	case n >= 8:
		// The words read off the rest, whose length bounds them (no
		// bounds check per word).
		rest := s
		for len(rest) >= 8 {
			if !plainWord(binary.LittleEndian.Uint64([]byte(rest[:8]))) {
				return n - len(rest)
			}
			rest = rest[8:]
		}
		if len(rest) == 0 || plainWord(binary.LittleEndian.Uint64([]byte(s[n-8:]))) {
			return n
		}
		return n - len(rest)
	case n >= 4:
		lo := uint64(binary.LittleEndian.Uint32([]byte(s[:4])))
		hi := uint64(binary.LittleEndian.Uint32([]byte(s[n-4:])))
		if plainWord(lo | hi<<32) {
			return n
		}
	}
	return 0
}

// appendJSONString is encoding/json's appendString with HTML escaping
// off. A plain string (plainPrefix) is copied as it is; the rest of
// another is read eight plain ASCII bytes at a time where it can be.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	i := plainPrefix(s)
	if i == len(s) {
		dst = append(dst, s...)
		return append(dst, '"')
	}
	start := 0
	for i < len(s) {
		if i+8 <= len(s) {
			// A word that is not plain is passed over up to its first
			// byte that is not: tried again one byte on, the word around
			// a curly quote or an accent was read up to eight times.
			bad := unplain(binary.LittleEndian.Uint64([]byte(s[i : i+8])))
			if bad == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(bad) >> 3
		}
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
