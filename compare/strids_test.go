package compare

import (
	"strconv"
	"testing"
)

// TestStrIDs numbers strings through growth and resets as a map would.
func TestStrIDs(t *testing.T) {
	var m strIDs
	for round, n := range []int{3, 500, 40000, 7} {
		var next int32
		want := map[string]int32{}
		for i := 0; i < 3*n; i++ {
			k := "w" + strconv.Itoa((i*7919)%n)
			if _, ok := want[k]; !ok {
				want[k] = int32(len(want))
			}
			if got := m.id(k, &next); got != want[k] {
				t.Fatalf("round %d: id(%q) = %d, want %d", round, k, got, want[k])
			}
		}
		if m.len() != len(want) || int(next) != len(want) {
			t.Fatalf("round %d: %d strings numbered (next %d), want %d", round, m.len(), next, len(want))
		}
		m.reset()
		for _, s := range m.slots {
			if s.ok || s.key != "" {
				t.Fatalf("round %d: a slot kept %q after reset", round, s.key)
			}
		}
	}
}
