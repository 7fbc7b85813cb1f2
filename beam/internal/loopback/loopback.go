// Package loopback keeps the servers a process starts off the network.
//
// Beam's prism runner, started in-process (by ptest, or by the command's
// local run), opens its job server, which also serves the Fn API to the
// loopback SDK harness, with net.Listen("tcp", ":0"): on every interface of
// the machine; prism has no option to choose the address. So the tests and
// the command's local prism run execute inside a network namespace of their
// own whose only interface is loopback: Run re-executes the current binary
// in a fresh namespace (Linux: CLONE_NEWNET, plus CLONE_NEWUSER when not
// root), brings "lo" up there and carries on. Whatever listens on ":0"
// inside can only be reached from inside.
//
// Where namespaces are not available (other systems, or a kernel that
// refuses unprivileged user namespaces) the process runs as it is, with a
// warning, unless CLAIMDIFF_REQUIRE_NETNS=1 is set (CI sets it), in which
// case it fails. CLAIMDIFF_NETNS=off skips the namespace altogether.
package loopback

import (
	"fmt"
	"net"
	"os"
)

const (
	childEnv   = "CLAIMDIFF_NETNS_CHILD"
	requireEnv = "CLAIMDIFF_REQUIRE_NETNS"
	offEnv     = "CLAIMDIFF_NETNS"
)

// Run calls body inside a loopback-only network namespace and exits the
// process with its code: the first call re-executes the binary with the
// same arguments in a new namespace and exits with the child's code; in
// the child, it brings lo up, checks that no other interface exists and
// calls body.
func Run(body func() int) {
	if Isolated() {
		if err := upLoopback(); err != nil {
			fmt.Fprintln(os.Stderr, "loopback: bringing lo up in the new network namespace:", err)
			os.Exit(1)
		}
		if err := OnlyLoopback(); err != nil {
			fmt.Fprintln(os.Stderr, "loopback:", err)
			os.Exit(1)
		}
		os.Exit(body())
	}
	if os.Getenv(offEnv) == "off" {
		os.Exit(body())
	}
	code, err := reexec()
	if err == nil {
		os.Exit(code)
	}
	if os.Getenv(requireEnv) == "1" {
		fmt.Fprintf(os.Stderr, "loopback: cannot make a network namespace (%v) and %s=1\n", err, requireEnv)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "loopback: WARNING: no network namespace (%v); prism's job server listens on all interfaces\n", err)
	os.Exit(body())
}

// Isolated reports whether this process is the one Run re-executed in a
// namespace of its own.
func Isolated() bool { return os.Getenv(childEnv) == "1" }

// OnlyLoopback reports an error if any network interface is not loopback.
func OnlyLoopback() error {
	ifs, err := net.Interfaces()
	if err != nil {
		return err
	}
	for _, i := range ifs {
		if i.Flags&net.FlagLoopback == 0 {
			return fmt.Errorf("interface %s is not loopback", i.Name)
		}
	}
	return nil
}

// WithTempDir wraps body so that it runs with TMPDIR set to a fresh
// directory, removed afterwards: Beam's universal runner leaves an empty
// "beamloopbackworker-*" file in the temporary directory for every job.
func WithTempDir(body func() int) func() int {
	return func() int {
		dir, err := os.MkdirTemp("", "claimdiff-beam-")
		if err != nil {
			return body()
		}
		defer os.RemoveAll(dir)
		old, had := os.LookupEnv("TMPDIR")
		os.Setenv("TMPDIR", dir)
		defer func() {
			if had {
				os.Setenv("TMPDIR", old)
			} else {
				os.Unsetenv("TMPDIR")
			}
		}()
		return body()
	}
}
