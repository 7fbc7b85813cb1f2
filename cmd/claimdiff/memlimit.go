package main

import (
	"os"
	"runtime/debug"
)

// Extraction holds about 25 bytes per input byte once done and allocates
// about 80 on the way; the garbage collector's default pacing lets the heap
// grow to twice what is live, so a 30 MB article would peak near 2 GB for
// 0.9 GB of live data. A soft memory limit makes the collector run more
// often when (and only when) the heap nears it.
const (
	minMemoryLimit  = 1 << 30 // bytes
	memoryPerByte   = 40      // bytes of limit per input byte, well above what stays live
	memoryLimitNote = "GOMEMLIMIT"
)

// setMemoryLimit sets a soft memory limit for reading article files of
// inputBytes in all: max(1 GiB, 40 bytes per input byte). A limit the user
// set in GOMEMLIMIT wins. It returns the limit set, or 0.
func setMemoryLimit(inputBytes int64) int64 {
	if os.Getenv(memoryLimitNote) != "" {
		return 0
	}
	limit := max(int64(minMemoryLimit), memoryPerByte*inputBytes)
	debug.SetMemoryLimit(limit)
	return limit
}

// inputSize is the total size of the files that exist (standard input and
// unreadable files count 0).
func inputSize(files []string) int64 {
	var n int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
	}
	return n
}
