package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/claimdiff/claimdiff/corpus"
)

// deadLettersError ends a corpus run in which every good event was
// reported but some lines were not articles: exit status 3.
type deadLettersError struct {
	n, records int
	file       string
}

func (e deadLettersError) Error() string {
	where := "listed above (--errors FILE keeps them all as JSON lines)"
	if e.file != "" {
		where = "written to " + e.file
	}
	return fmt.Sprintf("%s of %s lines were not articles (dead letters), %s; every other event was reported", count(e.n), count(e.records), where)
}

// maxListed is how many dead letters are printed on standard error when
// no --errors file keeps them.
const maxListed = 10

// deadLetters receives a run's dead letters: to the --errors file as JSON
// lines, else the first few on standard error.
type deadLetters struct {
	file   string
	f      *os.File
	enc    *json.Encoder
	stderr io.Writer
	prog   *progress
	n      int
	err    error
}

func newDeadLetters(file string, stderr io.Writer, prog *progress) (*deadLetters, error) {
	d := &deadLetters{file: file, stderr: stderr, prog: prog}
	if file != "" {
		f, err := os.Create(file)
		if err != nil {
			return nil, err
		}
		d.f = f
		d.enc = json.NewEncoder(f)
		d.enc.SetEscapeHTML(false)
	}
	return d, nil
}

func (d *deadLetters) add(l corpus.DeadLetter) {
	d.n++
	if d.enc != nil {
		if err := d.enc.Encode(l); err != nil && d.err == nil {
			d.err = fmt.Errorf("%s: %w", d.file, err)
		}
		return
	}
	switch {
	case d.n <= maxListed:
		d.prog.clear()
		fmt.Fprintln(d.stderr, "claimdiff: dead letter:", l.Error)
	case d.n == maxListed+1:
		d.prog.clear()
		fmt.Fprintln(d.stderr, "claimdiff: more dead letters follow; only the count is shown")
	}
}

// close ends the dead-letter file and returns the run's outcome.
func (d *deadLetters) close(records int) error {
	if d.f != nil {
		if err := d.f.Close(); err != nil && d.err == nil {
			d.err = fmt.Errorf("%s: %w", d.file, err)
		}
	}
	if d.err != nil {
		return d.err
	}
	if d.n > 0 {
		return deadLettersError{n: d.n, records: records, file: d.file}
	}
	return nil
}
