package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	for _, tc := range []struct {
		live, headroom uint64
		want           int
	}{
		{0, 64 << 20, maxPercent},
		{1 << 10, 64 << 20, maxPercent},       // a near-empty heap is bounded
		{4 << 20, 64 << 20, 1600},             // the runtime's first goal moves to 4+64 MB
		{16 << 20, 64 << 20, 400},             // goal 16+64 MB
		{64 << 20, 64 << 20, defaultPercent},  // from here on the default pacing
		{900 << 20, 64 << 20, defaultPercent}, // never below the default
	} {
		if got := gcPercentFor(tc.live, tc.headroom); got != tc.want {
			t.Errorf("gcPercentFor(%d, %d) = %d, want %d", tc.live, tc.headroom, got, tc.want)
		}
	}
}

func TestAfterEachGC(t *testing.T) {
	calls := make(chan struct{}, 8)
	n := 0
	afterEachGC(func() bool {
		n++
		calls <- struct{}{}
		return n < 2 // stops re-arming after the second cycle
	})
	for i := 0; i < 2; i++ {
		deadline := time.After(10 * time.Second)
		for done := false; !done; {
			runtime.GC()
			select {
			case <-calls:
				done = true
			case <-time.After(10 * time.Millisecond):
			case <-deadline:
				t.Fatalf("no call after cycle %d", i+1)
			}
		}
	}
	runtime.GC()
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if len(calls) != 0 {
		t.Errorf("called again after returning false")
	}
}

// gcPercent reads the collector's percent without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(defaultPercent)
	debug.SetGCPercent(p)
	return p
}

func TestPaceGC(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())
	t.Run("GOGC set", func(t *testing.T) {
		t.Setenv("GOGC", "150")
		debug.SetGCPercent(150)
		stop := paceGC()
		if p := gcPercent(); p != 150 {
			t.Errorf("with GOGC set the percent is %d, want 150 (left alone)", p)
		}
		stop()
		if p := gcPercent(); p != 150 {
			t.Errorf("after stop the percent is %d, want 150 (left alone)", p)
		}
	})
	t.Run("paced", func(t *testing.T) {
		t.Setenv("GOGC", "")
		debug.SetGCPercent(defaultPercent)
		stop := paceGC()
		if p := gcPercent(); p != gcPercentFor(initialHeapMin, heapHeadroom) {
			t.Errorf("starting percent %d, want %d", p, gcPercentFor(initialHeapMin, heapHeadroom))
		}
		// Set from outside to a value the pacing never chooses for a test
		// binary's live heap (far under the headroom): only the pacing
		// after a cycle can move it, and it moves it above the default.
		debug.SetGCPercent(defaultPercent + 1)
		deadline := time.Now().Add(10 * time.Second)
		for gcPercent() == defaultPercent+1 && time.Now().Before(deadline) {
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
		}
		if p := gcPercent(); p <= defaultPercent+1 {
			t.Errorf("percent after a cycle %d, want the pacing's, above %d", p, defaultPercent+1)
		}
		stop()
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
		if p := gcPercent(); p != defaultPercent {
			t.Errorf("after stop the percent is %d, want %d", p, defaultPercent)
		}
	})
}
