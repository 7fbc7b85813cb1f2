package main

import (
	"flag"
	"io"
	"testing"
)

// TestAsksMemProfile checks asksMemProfile against package flag itself: for
// every argument list whose parse sets --memprofile, it must say so (else
// the heap profile would have no samples), and it says so for no list
// without the flag.
func TestAsksMemProfile(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"a.txt"}, false},
		{[]string{"--format", "jsonl", "--group-by", "event", "c.jsonl"}, false},
		{[]string{"--memprofile", "m.out", "a.txt"}, true},
		{[]string{"-memprofile", "m.out", "a.txt"}, true},
		{[]string{"--memprofile=m.out", "a.txt"}, true},
		{[]string{"-memprofile=m.out", "a.txt"}, true},
		{[]string{"--format", "json", "--memprofile=", "a.txt"}, true},
		{[]string{"--cpuprofile", "c.out", "a.txt"}, false},
		{[]string{"--memprofiles", "a.txt"}, false},
		{[]string{"--", "--memprofile", "m.out"}, false},
		{[]string{"a.txt", "--memprofile", "m.out"}, true}, // a file, for package flag: sampling stays on
	} {
		if got := asksMemProfile(tc.args); got != tc.want {
			t.Errorf("asksMemProfile(%q) = %v, want %v", tc.args, got, tc.want)
		}
		fs := flag.NewFlagSet("claimdiff", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.String("format", "text", "")
		fs.String("group-by", "", "")
		p := addProfileFlags(fs)
		if fs.Parse(tc.args) == nil && (*p.mem != "" || isSet(fs, "memprofile")) && !asksMemProfile(tc.args) {
			t.Errorf("%q sets --memprofile, but asksMemProfile says no", tc.args)
		}
	}
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
