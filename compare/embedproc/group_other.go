//go:build !unix

package embedproc

import "os/exec"

func ownGroup(*exec.Cmd) {}

// killGroup kills the command; children it started may survive it.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		cmd.Process.Kill()
	}
}
