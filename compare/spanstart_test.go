package compare

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestSpanStartShortCuts compares spanStart, which skips time.Parse for
// texts that are not ten bytes and fmt.Sscanf for texts without "-W",
// with the plain definition on day, week, month and year values and on
// random texts of their characters.
func TestSpanStartShortCuts(t *testing.T) {
	plain := func(v string) (time.Time, bool) {
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return t, true
		}
		var y, w int
		if n, err := fmt.Sscanf(v, "%d-W%d", &y, &w); n != 2 || err != nil || w < 1 || w > 53 {
			return time.Time{}, false
		}
		jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(w-1)), true
	}
	vals := []string{"", "2015-03-29", "2016-02-29", "2015-02-29", "2015-13-01", "2015-3-29", "2015-W13", "2015-W1", "2015-W53",
		"2015-W54", "2015-W00", " 2015-W13", "+2015-W13", "-2015-W13", "2015-W13x", "1_000-W2", "2015-03", "2015", "XXXX-09-09",
		"XXXX-W09", "2015-w13", "2015-W-1", "2015-W+3", "2015--W3"}
	rng := rand.New(rand.NewPCG(5, 6))
	chars := "0123456789-WXw+ _"
	for i := 0; i < 20000; i++ {
		b := make([]byte, rng.IntN(12))
		for k := range b {
			b[k] = chars[rng.IntN(len(chars))]
		}
		vals = append(vals, string(b))
	}
	for _, v := range vals {
		gt, gok := spanStart(v)
		wt, wok := plain(v)
		if gok != wok || !gt.Equal(wt) {
			t.Errorf("spanStart(%q) = %v, %v; want %v, %v", v, gt, gok, wt, wok)
		}
	}
}
