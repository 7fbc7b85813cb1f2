package compare

import "testing"

// TestTextHashReadsEveryByte checks that textHash reads every byte of a
// text of every length up to three of its eight-byte steps: a byte it
// skipped would send texts that differ there to one slot.
func TestTextHashReadsEveryByte(t *testing.T) {
	for n := 0; n <= 24; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + i)
		}
		base := textHash(7, string(b))
		if n > 0 && base == textHash(7, string(b[:n-1])) {
			t.Errorf("length %d: the hash of its prefix", n)
		}
		for i := range b {
			c := append([]byte(nil), b...)
			c[i] ^= 0x20
			if textHash(7, string(c)) == base {
				t.Errorf("length %d: byte %d not read", n, i)
			}
		}
	}
}
