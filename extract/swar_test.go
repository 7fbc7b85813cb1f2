package extract

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestSWAR checks each eight-byte test against its byte-by-byte meaning,
// on random words rich in the bytes each one stops at.
func TestSWAR(t *testing.T) {
	tests := []struct {
		name  string
		word  func(uint64) bool
		plain func(byte) bool
	}{
		{"noTerminator8", noTerminator8, func(c byte) bool { return c < 0x80 && c != '.' && c != '!' && c != '?' }},
		{"noStraightQuote8", noStraightQuote8, func(c byte) bool { return c < 0x80 && c != '"' }},
		{"belowSpace8", func(x uint64) bool { return belowSpace8(x) == 0 }, func(c byte) bool { return c >= 0x20 }},
	}
	special := []byte{0, 0x1f, 0x20, '"', '\\', '.', '!', '?', '-', '#', '/', '>', '@', '[', ']', 0x7f, 0x80, 0xa2, 0xae, 0xbf, 0xdc, 0xe2, 0xff, 'a'}
	r := rand.New(rand.NewPCG(5, 6))
	for _, tt := range tests {
		for range 100000 {
			var b [8]byte
			want := true
			for i := range b {
				if r.IntN(2) == 0 {
					b[i] = special[r.IntN(len(special))]
				} else {
					b[i] = byte(r.IntN(256))
				}
				want = want && tt.plain(b[i])
			}
			if got := tt.word(binary.LittleEndian.Uint64(b[:])); got != want {
				t.Fatalf("%s(%q) = %v, want %v", tt.name, b, got, want)
			}
		}
	}
}

// TestSWARFirstMark: the lowest byte each marking test marks is the first
// byte its plain test refuses, which the scans step to directly.
func TestSWARFirstMark(t *testing.T) {
	tests := []struct {
		name  string
		mark  func(uint64) uint64
		plain func(byte) bool
	}{
		{"terminators8", terminators8, func(c byte) bool { return c < 0x80 && c != '.' && c != '!' && c != '?' }},
		{"straightQuotes8", straightQuotes8, func(c byte) bool { return c < 0x80 && c != '"' }},
		{"nonPrintable8", nonPrintable8, func(c byte) bool { return c >= 0x20 && c <= 0x7e }},
	}
	special := []byte{0, 0x01, 0x1f, 0x20, '"', '\\', '.', '!', '?', 0x7e, 0x7f, 0x80, 0xc2, 0xe2, 0xff, 'a'}
	r := rand.New(rand.NewPCG(9, 10))
	for _, tt := range tests {
		for range 100000 {
			var b [8]byte
			first := 8
			for i := range b {
				if r.IntN(2) == 0 {
					b[i] = special[r.IntN(len(special))]
				} else {
					b[i] = byte(r.IntN(256))
				}
				if first == 8 && !tt.plain(b[i]) {
					first = i
				}
			}
			m := tt.mark(binary.LittleEndian.Uint64(b[:]))
			got := 8
			if m != 0 {
				got = bits.TrailingZeros64(m) >> 3
			}
			if got != first || m&^swarHighs != 0 {
				t.Fatalf("%s(%q) = %#x: first mark at %d, want %d", tt.name, b, m, got, first)
			}
		}
	}
}

// TestSWARExact checks that the marking tests that mark only the bytes
// their plain tests refuse do, whatever the bytes around them.
func TestSWARExact(t *testing.T) {
	tests := []struct {
		name  string
		mark  func(uint64) uint64
		plain func(byte) bool
	}{
		{"nonPrintable8", nonPrintable8, func(c byte) bool { return c >= 0x20 && c <= 0x7e }},
		{"terminators8", terminators8, func(c byte) bool { return c < 0x80 && c != '.' && c != '!' && c != '?' }},
	}
	r := rand.New(rand.NewPCG(11, 12))
	for _, tt := range tests {
		for n := range 200000 {
			var b [8]byte
			for i := range b {
				b[i] = byte(r.IntN(256))
				if n < 256*8 && i == n/256 {
					b[i] = byte(n % 256) // each value at each place
				}
			}
			var want uint64
			for i, c := range b {
				if !tt.plain(c) {
					want |= 0x80 << (8 * i)
				}
			}
			if got := tt.mark(binary.LittleEndian.Uint64(b[:])); got != want {
				t.Fatalf("%s(% x) = %#x, want %#x", tt.name, b, got, want)
			}
		}
	}
}
