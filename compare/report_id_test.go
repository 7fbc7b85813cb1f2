package compare

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestIDNumber checks idNumber against its rule, strconv.Atoi of what
// follows the prefix when that is more than 0, on ids, signs, overflow
// and random strings of digits, signs and other bytes.
func TestIDNumber(t *testing.T) {
	rule := func(s, prefix string) (int, bool) {
		if !strings.HasPrefix(s, prefix) {
			return 0, false
		}
		n, err := strconv.Atoi(s[len(prefix):])
		return n, err == nil && n > 0
	}
	check := func(s, prefix string) {
		t.Helper()
		n, ok := idNumber(s, prefix)
		wn, wok := rule(s, prefix)
		if ok != wok || ok && n != wn {
			t.Fatalf("idNumber(%q, %q) = %d, %v; want %d, %v", s, prefix, n, ok, wn, wok)
		}
	}
	for _, s := range []string{"", "d", "d0", "d1", "d12", "d012", "d+5", "d-5", "d+", "d-", "d1x", "dx1", "d 1", "d1_0", "e1",
		"d999999999999999999", "d9223372036854775807", "d9223372036854775808", "d18446744073709551616", "d123456789012345678", "d1234567890123456789"} {
		check(s, "d")
		check(s+".c3", "d")
		check(".c"+strings.TrimPrefix(s, "d"), ".c")
	}
	r := rand.New(rand.NewPCG(3, 4))
	const chars = "0123456789+-_ xd."
	for range 100000 {
		b := []byte{'d'}
		for range r.IntN(22) {
			b = append(b, chars[r.IntN(len(chars))])
		}
		check(string(b), "d")
	}
}
