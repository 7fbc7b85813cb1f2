package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// Exit statuses, as the package documentation lists them.
const (
	exitOK          = 0
	exitInput       = 1 // an input cannot be read or is not text
	exitUsage       = 2
	exitDeadLetters = 3 // corpus mode: every good event reported, some lines were not articles
	exitInterrupted = 130
)

// exitStatus prints err (if any) to stderr and returns the exit status.
func exitStatus(ctx context.Context, err error, stderr io.Writer) int {
	var ue usageError
	var de deadLettersError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "claimdiff:", err)
		fmt.Fprintln(stderr, "run 'claimdiff -h' for usage")
		return exitUsage
	case errors.As(err, &de):
		fmt.Fprintln(stderr, "claimdiff:", err)
		return exitDeadLetters
	case ctx.Err() != nil && errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "claimdiff: interrupted; the report lines written are complete")
		return exitInterrupted
	}
	fmt.Fprintln(stderr, "claimdiff:", err)
	return exitInput
}
