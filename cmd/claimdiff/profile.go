package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
)

// profileFlags write Go profiles of a run, so that the speed figures in the
// README can be reproduced on the command itself (go tool pprof reads them).
type profileFlags struct {
	cpu, mem *string
}

func addProfileFlags(fs *flag.FlagSet) *profileFlags {
	return &profileFlags{
		cpu: fs.String("cpuprofile", "", "write a CPU profile of the run to this file"),
		mem: fs.String("memprofile", "", "write a heap profile (allocations included) at the end of the run to this file"),
	}
}

// start begins the CPU profile, if asked for; the function it returns ends
// it and writes the heap profile. Profiles are written even when the run
// fails, and their own errors go to stderr: they never change the run's
// outcome.
func (p *profileFlags) start(stderr io.Writer) func() {
	var cpu *os.File
	if *p.cpu != "" {
		f, err := os.Create(*p.cpu)
		if err == nil {
			if err = pprof.StartCPUProfile(f); err != nil {
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "claimdiff: --cpuprofile:", err)
		} else {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if *p.mem == "" {
			return
		}
		f, err := os.Create(*p.mem)
		if err == nil {
			runtime.GC() // the live heap as of the end of the run
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "claimdiff: --memprofile:", err)
		}
	}
}

// asksMemProfile reports whether args may ask for a heap profile
// (--memprofile, in any form package flag reads). Without one, main stops
// the runtime's sampling of allocations for it: a sample walks the
// allocating goroutine's stack, one every half megabyte allocated, and only
// --memprofile reads them. An argument mistaken for the flag (a file of
// that name) only leaves sampling on.
func asksMemProfile(args []string) bool {
	for _, a := range args {
		if a == "--" {
			break // package flag reads no flag after it
		}
		if name, _, _ := strings.Cut(a, "="); name == "-memprofile" || name == "--memprofile" {
			return true
		}
	}
	return false
}
