package compare

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// reflectJSON is what the hand-written encoders must match: json.Encoder
// (HTML escaping off, indented for WriteJSON) on the whole report, with
// the lists the writer always writes as lists (documents, each document's
// claims, groups) made non-nil.
func reflectJSON(r *Report, indent bool) ([]byte, error) {
	c := *r
	if c.Groups == nil {
		c.Groups = []Group{}
	}
	c.Documents = make([]*extract.Document, len(r.Documents))
	for i, d := range r.Documents {
		if d == nil {
			continue
		}
		dc := *d
		if dc.Claims == nil {
			dc.Claims = []extract.Claim{}
		}
		c.Documents[i] = &dc
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	err := enc.Encode(&c)
	return buf.Bytes(), err
}

// filler sets the exported fields of a value at random, by reflection, so
// that a field added to any type of the report is filled too. With full
// set, nothing is left empty.
type filler struct {
	rng  *rand.Rand
	full bool
}

var (
	fillStrings = []string{"", "d1", "d1.c2", "plain words", `quote " and \ back`, "<b>&amp;</b>", "line\nbreak\ttab\r\b\f",
		"\x00\x01\x1f\x7f", "caf\u00e9 \u2028 \u2029 end", "bad \xff\xfe utf8 \xc3", "emoji 😀", "’curly’ “quotes”", "\u00a0nbsp"}
	fillFloats = []float64{0, math.Copysign(0, -1), 1, -3, 0.1, 0.123456789, 1e-7, 1e-6, 9.99e-7, 1e20, 1e21, 1.5e300, 5e-324, -2.5e-9, 42.0, 0.33333333333333331}
)

func (f *filler) empty() bool { return !f.full && f.rng.IntN(4) == 0 }

func (f *filler) fill(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		if !f.empty() {
			s := fillStrings[f.rng.IntN(len(fillStrings))]
			if f.full && s == "" {
				s = "x"
			}
			v.SetString(s)
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if !f.empty() {
			v.SetInt(int64(f.rng.IntN(2000) - 500))
			if f.full && v.Int() == 0 {
				v.SetInt(7)
			}
		}
	case reflect.Float64:
		if !f.empty() {
			x := fillFloats[f.rng.IntN(len(fillFloats))]
			if f.full && x == 0 {
				x = 0.5
			}
			v.SetFloat(x)
		}
	case reflect.Bool:
		v.SetBool(f.full || f.rng.IntN(2) == 0)
	case reflect.Pointer:
		if depth > 4 || f.empty() {
			return
		}
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		if depth > 4 {
			return
		}
		switch n := f.rng.IntN(4); {
		case !f.full && n == 0:
		case !f.full && n == 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			s := reflect.MakeSlice(v.Type(), n, n)
			for i := 0; i < n; i++ {
				f.fill(s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			f.fill(v.Index(i), depth+1)
		}
	case reflect.Map:
		if depth > 4 {
			return
		}
		switch n := f.rng.IntN(4); {
		case !f.full && n == 0:
		case !f.full && n == 1:
			v.Set(reflect.MakeMap(v.Type()))
		default:
			m := reflect.MakeMap(v.Type())
			for i := 0; i < n+1; i++ {
				k := reflect.New(v.Type().Key()).Elem()
				k.SetString(fillStrings[f.rng.IntN(len(fillStrings))] + string(rune('a'+f.rng.IntN(26))))
				e := reflect.New(v.Type().Elem()).Elem()
				f.fill(e, depth+1)
				m.SetMapIndex(k, e)
			}
			v.Set(m)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), depth+1)
			}
		}
	default:
		panic("filler: no case for " + v.Type().String() + ": add one, and to the hand encoder")
	}
}

// TestJSONEncoderMatchesReflection writes random reports, every exported
// field of every type reached from Report filled (in half of them none
// left empty), with the hand-written encoders and with encoding/json, and
// compares the bytes.
func TestJSONEncoderMatchesReflection(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < n; i++ {
		f := &filler{rng: rng, full: i%2 == 0}
		var r Report
		f.fill(reflect.ValueOf(&r).Elem(), 0)
		if i%7 == 0 && len(r.Documents) > 0 {
			r.Documents[0] = nil
		}
		for _, indent := range []bool{false, true} {
			want, werr := reflectJSON(&r, indent)
			var got bytes.Buffer
			gerr := r.writeJSON(&got, indent)
			if werr != nil || gerr != nil {
				t.Fatalf("report %d: errors %v / %v", i, gerr, werr)
			}
			if !bytes.Equal(got.Bytes(), want) {
				g, w := got.String(), string(want)
				k := 0
				for k < len(g) && k < len(w) && g[k] == w[k] {
					k++
				}
				t.Fatalf("report %d (indent %v) differs at byte %d:\n got …%s\nwant …%s", i, indent, k, g[max(0, k-80):min(len(g), k+80)], w[max(0, k-80):min(len(w), k+80)])
			}
		}
	}
}

// TestJSONEncoderNaN: a value JSON cannot hold is the same error as
// encoding/json's, in the skeleton (nothing written) and in a group.
func TestJSONEncoderNaN(t *testing.T) {
	for _, r := range []*Report{
		{Run: Run{Threshold: math.NaN()}},
		{Groups: []Group{{ID: "g1"}, {ID: "g2", Score: math.Inf(1)}}},
		{Documents: []*extract.Document{{ID: "d1", Claims: []extract.Claim{{ID: "d1.c1", Numbers: []extract.Number{{Value: math.Inf(-1)}}}}}}},
	} {
		_, werr := reflectJSON(r, false)
		var got bytes.Buffer
		gerr := r.WriteJSONLine(&got)
		if werr == nil || gerr == nil || gerr.Error() != werr.Error() {
			t.Errorf("error %v, want %v", gerr, werr)
		}
		if strings.Contains(got.String(), "g2") {
			t.Errorf("the failing group was written: %s", got.String())
		}
	}
}

// TestAppendJSONString compares appendJSONString with encoding/json on
// random strings: every byte that needs escaping or decoding, at every
// place in the eight-byte words the fast path reads.
func TestAppendJSONString(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", " ", "~", "\x7f", "\"", "\\", "\n", "\x00", "\x1f", "<", "&", "é", "\u2028", "\u2029", "’", "😀", "\xff", "\xc3", "\xe2\x80", "abcdefgh"}
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for k := rng.IntN(30); k > 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	}
	// Every length a plain string is read in (plainPrefix: words, the
	// overlapping last word, two halves, bytes), with one byte that needs
	// escaping at every place.
	for n := 0; n <= 20; n++ {
		for at := -1; at < n; at++ {
			for _, bad := range []byte{'"', '\\', '\n', 0x80} {
				b := []byte(strings.Repeat("x", n))
				if at >= 0 {
					b[at] = bad
				}
				want, _ := json.Marshal(string(b))
				if got := appendJSONString(nil, string(b)); string(got) != string(want) {
					t.Fatalf("appendJSONString(%q) = %s, want %s", b, got, want)
				}
			}
		}
	}
}

// TestPlainWord checks plainWord's carry-free arithmetic against the
// plain rule for every byte at every place of a word, next to every
// other byte.
func TestPlainWord(t *testing.T) {
	plain := func(b byte) bool { return b >= 0x20 && b < 0x80 && b != '"' && b != '\\' }
	for p := 0; p < 8; p++ {
		for b := 0; b < 256; b++ {
			for _, nb := range []byte{'x', 0x00, 0x1f, 0x7f, 0x80, 0xff} {
				w := []byte("xxxxxxxx")
				w[p] = byte(b)
				if p+1 < 8 {
					w[p+1] = nb
				}
				want := true
				for _, c := range w {
					want = want && plain(c)
				}
				if got := plainWord(binary.LittleEndian.Uint64(w)); got != want {
					t.Fatalf("plainWord(%q) = %v, want %v", w, got, want)
				}
			}
		}
	}
}

// TestAppendInt checks appendInt against strconv.AppendInt on every
// number up to a million, around each power of ten and at the extremes,
// appended to a buffer with and without room.
func TestAppendInt(t *testing.T) {
	check := func(n int) {
		t.Helper()
		for _, b := range [][]byte{nil, []byte("x"), make([]byte, 3, 64)} {
			want := strconv.AppendInt(slices.Clone(b), int64(n), 10)
			if got := appendInt(slices.Clone(b), n); !bytes.Equal(got, want) {
				t.Fatalf("appendInt(%q, %d) = %q, want %q", b, n, got, want)
			}
		}
	}
	for n := -1000; n <= 1_000_000; n++ {
		check(n)
	}
	for p := 1; p > 0 && p <= math.MaxInt/10; p *= 10 {
		for _, n := range []int{p - 1, p, p + 1, -p, 2*p - 1, 9*p + p - 1} {
			check(n)
		}
	}
	check(math.MaxInt)
	check(math.MinInt)
}

// TestAppendMillis checks the float writer's fast path (appendMillis)
// against strconv's shortest formatting: every thousandth up to ±300, the
// thousandths around the bound and the spacing's edge, sums that miss a
// thousandth, and random floats; and that it declines what is no whole
// number of thousandths.
func TestAppendMillis(t *testing.T) {
	check := func(f float64) {
		t.Helper()
		got, ok := appendMillis([]byte("x"), f)
		if !ok {
			if string(got) != "x" {
				t.Fatalf("appendMillis(%v) declined but wrote %q", f, got)
			}
			return
		}
		if want := strconv.AppendFloat([]byte("x"), f, 'f', -1, 64); !bytes.Equal(got, want) {
			t.Fatalf("appendMillis(%v) = %q, want %q", f, got, want)
		}
	}
	for k := -300000; k <= 300000; k++ {
		f := float64(k) / 1000
		check(f)
		check(math.Nextafter(f, math.Inf(1)))
		check(math.Nextafter(f, math.Inf(-1)))
	}
	for _, k := range []float64{1e12 - 1, 1e12, 1e12 + 1, 999999999999, 123456789123, 4503599627370495, 1 << 53} {
		check(k / 1000)
		check(-k / 1000)
	}
	for _, f := range []float64{0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.0005, 0.0015, 1e-7, 1e21, 1e9, 999999999.999, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Copysign(0, -1), 0, math.Inf(1), math.Inf(-1), math.NaN()} {
		check(f)
		check(-f)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		check(r.NormFloat64() * math.Pow(10, float64(r.IntN(16)-6)))
		check(math.Round(r.NormFloat64()*1e6) / 1000)
	}
	if _, ok := appendMillis(nil, 0.734); !ok {
		t.Error("appendMillis declines 0.734")
	}
}
