package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The command allocates about 150 bytes per input byte while what stays
// live between articles is small (the lexicons, about 8 MB, and the events
// in flight). With the collector's default pacing (a cycle whenever the
// heap doubles what is live) corpus mode ran a cycle every few megabytes,
// and the collector took a fifth of the CPU. The Go compiler meets the same
// shape of work by starting with a larger heap goal (cmd/compile's
// AdjustStartingHeap); the command does the same, and keeps doing it: after
// each cycle the collector is paced so that the next goal is the live heap
// plus at least heapHeadroom. Once the live heap is larger than the headroom
// (a 200-article event, a 30 MB article) this is the default pacing, so
// memory stays what it was where it was large; where it was small it grows
// by at most the headroom. GOGC set in the environment wins, and the soft
// memory limit (memlimit.go) still bounds the whole.
const (
	heapHeadroom   = 64 << 20 // bytes
	defaultPercent = 100
	maxPercent     = 1 << 14 // bounds the percent for a near-empty live heap
	liveHeapMetric = "/gc/heap/live:bytes"
	initialHeapMin = 4 << 20 // the runtime's first heap goal at GOGC=100
)

// gcPercentFor is the GOGC percent that puts the next heap goal at
// live+max(live, headroom).
func gcPercentFor(live, headroom uint64) int {
	if live == 0 {
		return maxPercent
	}
	p := headroom * 100 / live
	return int(min(max(p, defaultPercent), maxPercent))
}

// paceGC starts pacing the collector with heapHeadroom and returns a
// function that stops it and restores the default. It does nothing (and
// returns a no-op) when GOGC is set in the environment.
func paceGC() (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	// mu orders the pacing after a cycle and stop: once stop has restored
	// the default, no cycle's pacing may set another percent.
	var mu sync.Mutex
	stopped := false
	sample := []metrics.Sample{{Name: liveHeapMetric}}
	current := gcPercentFor(initialHeapMin, heapHeadroom)
	debug.SetGCPercent(current)
	afterEachGC(func() bool {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return false
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			// The metric is gone in this runtime: the default from now on.
			debug.SetGCPercent(defaultPercent)
			stopped = true
			return false
		}
		if p := gcPercentFor(sample[0].Value.Uint64(), heapHeadroom); p != current {
			debug.SetGCPercent(p)
			current = p
		}
		return true
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		debug.SetGCPercent(defaultPercent)
	}
}

// afterEachGC calls f after each garbage collection, for as long as f
// returns true. An unreachable object's cleanup runs after the cycle that
// found it unreachable; each call arms the next (the Go compiler's
// forEachGC does the same with a finalizer).
func afterEachGC(f func() bool) {
	type sentinel struct{ _ [16]byte } // cleanups need an object of its own, not a tiny allocation
	var arm func()
	arm = func() {
		runtime.AddCleanup(new(sentinel), func(struct{}) {
			if f() {
				arm()
			}
		}, struct{}{})
	}
	arm()
}
