package extract

import "encoding/binary"

// The scans that pass over every byte of a text (sentence ends, quotation
// marks, a record's strings) test eight bytes at a time where most bytes
// are plain ASCII that none of them stops at. The tests are the usual
// SIMD-within-a-register ones: (v-0x01…)&^v&0x80… has a high bit set
// exactly when some byte of v is zero (a borrow may mark bytes after that
// one too, but never a word without a zero byte).

const swarOnes, swarHighs = 0x0101010101010101, 0x8080808080808080

// load8 reads the eight bytes of s from i as a little-endian word.
func load8(s string, i int) uint64 {
	return binary.LittleEndian.Uint64([]byte(s[i : i+8]))
}

// eqMask is non-zero when some byte of x is c.
func eqMask(x uint64, c byte) uint64 {
	v := x ^ uint64(c)*swarOnes
	return (v - swarOnes) &^ v & swarHighs
}
