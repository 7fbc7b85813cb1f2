package extract

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// checkTextBytewise is CheckText's count one byte at a time, as it was
// before printable8 let it pass over eight bytes of printable ASCII.
func checkTextBytewise(b []byte) (nul, bad int) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				nul++
				bad++
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7f:
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || r >= 0x80 && r <= 0x9f {
			bad++
		}
		i += n
	}
	return nul, bad
}

// TestPrintable8 checks the word test against each byte's, for every
// value of one byte among printable neighbours, at every position.
func TestPrintable8(t *testing.T) {
	check := func(w []byte) {
		t.Helper()
		want := true
		for _, c := range w {
			want = want && c >= 0x20 && c <= 0x7e
		}
		if got := printable8(binary.LittleEndian.Uint64(w)); got != want {
			t.Fatalf("% x: printable8 = %v, want %v", w, got, want)
		}
	}
	for pos := range 8 {
		for v := range 256 {
			w := []byte("abcdefgh")
			w[pos] = byte(v)
			check(w)
		}
	}
	if testing.Short() {
		return
	}
	// Two bytes at once, at every pair of positions: the subtractions of
	// the word-wide test borrow across bytes, and a borrow must not hide
	// a bad byte next to another.
	for p := range 8 {
		for q := p + 1; q < 8; q++ {
			for v := range 256 {
				for u := range 256 {
					w := []byte("abcdefgh")
					w[p], w[q] = byte(v), byte(u)
					check(w)
				}
			}
		}
	}
}

// TestCheckTextFast checks that countNonText counts as the byte-wise
// count does and CheckText gives its answer, as string and as bytes, on text mixing printable runs with
// control characters, DEL, NUL, multi-byte runes, C1 controls and broken
// UTF-8 at every alignment.
func TestCheckTextFast(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 8))
	pieces := []string{"plain words here ", "\n", "\t", "\x00", "\x7f", "\x01", "é", "“quoted”", "\xc2\x85", "\xff", "\xe2\x80", "0123456789", " "}
	for round := range 3000 {
		var b []byte
		for range r.IntN(40) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		nul, bad := checkTextBytewise(b)
		if gn, gb := countNonText(string(b)); gn != nul || gb != bad {
			t.Fatalf("round %d %q: countNonText = %d NUL, %d bad; the byte-wise count %d, %d", round, b, gn, gb, nul, bad)
		}
		want := ""
		switch {
		case nul > 0:
			want = fmt.Sprintf("%v: it holds %d NUL bytes (a binary file, or UTF-16)", ErrNotText, nul)
		case len(b) > 0 && float64(bad) > maxNonText*float64(len(b)):
			want = fmt.Sprintf("%v: %d%% of its bytes are control characters or invalid UTF-8", ErrNotText, 100*bad/len(b))
		}
		for _, err := range []error{CheckText(b), CheckText(string(b))} {
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != want {
				t.Fatalf("round %d %q: CheckText says %q, the byte-wise count %q", round, b, got, want)
			}
		}
	}
}
