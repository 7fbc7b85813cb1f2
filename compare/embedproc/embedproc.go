// Package embedproc runs a sentence-embedding model as a subprocess and
// uses it as a compare.Embedder, so that a model written in any language
// (sentence-transformers in Python, an ONNX runtime, a client of a model
// server) gives claimdiff its semantic similarity. The command's
// --embed-cmd is built on it.
//
// # Protocol
//
// The command is started once and speaks JSON lines (UTF-8, one JSON object
// a line) over its standard input and output. For each batch, claimdiff
// writes one request line per text, then an empty line that ends the batch:
//
//	{"id":0,"text":"The envoy quit."}
//	{"id":1,"text":"The diplomat resigned."}
//
// and the command answers each request with one line, in any order:
//
//	{"id":0,"vector":[0.12,-0.03,…]}
//	{"id":1,"vector":[0.10,-0.01,…]}
//
// Ids are integers that go up across the whole run; texts of one run are
// distinct (compare embeds each distinct claim text once). A command may
// answer line by line and ignore empty lines, or embed the whole batch at
// the empty line. All vectors have one length. Instead of a vector an
// answer may carry {"id":N,"error":"…"}, which fails the comparison with
// that message. When the comparison is over claimdiff closes the command's
// standard input; the command should then exit.
//
// Standard output is for answers only: a log line there is a malformed
// answer. Standard error is passed through (and its last line is quoted in
// errors), so a model can log there.
//
// # Failures
//
// The command exiting, a malformed line, an answer with an id that was not
// asked (or was answered already), a vector of another length than the
// first, a value that is not a finite number (JSON has no NaN; Python's
// json writes NaN and Infinity anyway, and they are named as such), an
// {"error"} answer, and a batch not answered within the timeout are each an
// *Error naming the command. After any of them the command is killed and
// every later call fails: a comparison never falls back to lexical
// similarity alone.
package embedproc

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/claimdiff/claimdiff/compare"
)

// DefaultTimeout is how long one batch may take, the model's loading time
// included for the first.
const DefaultTimeout = 2 * time.Minute

// DefaultGrace is how long the command has to exit after its standard
// input is closed before it is killed.
const DefaultGrace = 5 * time.Second

// maxLine bounds one answer line: a 4,096-dimension vector takes about
// 100 KB.
const maxLine = 64 << 20

// Error is a failure of the embedding command, naming it.
type Error struct {
	Command string // the command as given to StartShell, or its arguments joined
	Err     error
}

func (e *Error) Error() string { return fmt.Sprintf("embed command %q: %v", e.Command, e.Err) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Option configures a Process. Build options with Timeout, Grace, Stderr
// and Name.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

type config struct {
	timeout, grace time.Duration
	stderr         io.Writer
	name           string
}

// Timeout sets how long one batch may take (default DefaultTimeout).
func Timeout(d time.Duration) Option { return optionFunc(func(c *config) { c.timeout = d }) }

// Grace sets how long the command has to exit once its input is closed
// before it is killed (default DefaultGrace).
func Grace(d time.Duration) Option { return optionFunc(func(c *config) { c.grace = d }) }

// Stderr sets where the command's standard error goes (default os.Stderr).
func Stderr(w io.Writer) Option { return optionFunc(func(c *config) { c.stderr = w }) }

// Name sets how errors name the command (default: what StartShell was
// given, or the command's arguments joined by spaces).
func Name(s string) Option { return optionFunc(func(c *config) { c.name = s }) }

// Process is a running embedding command; it implements compare.Embedder
// and is safe for concurrent use (batches are sent one at a time). Close
// it when done.
type Process struct {
	cfg    config
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *os.File
	lines  chan line
	quit   chan struct{}
	exited chan struct{} // closed when the command has exited
	tail   *tailWriter

	mu      sync.Mutex
	next    int   // the next request id
	dim     int   // the vector length, once known
	answers int   // answer lines read, for messages
	broken  error // the first failure; every later call returns it
	waitErr error // set before exited is closed
	closed  bool
	killed  bool
}

// line is one line of the command's output, or why there are no more.
type line struct {
	b   []byte
	err error
}

var _ compare.Embedder = (*Process)(nil)

// StartShell starts command through "sh -c", so that it may hold
// arguments, quotes, variables and pipes as typed in a shell, and returns
// the Process that talks to it.
func StartShell(command string, opts ...Option) (*Process, error) {
	return Start(exec.Command("sh", "-c", command), append([]Option{Name(command)}, opts...)...)
}

// Start starts cmd, whose Stdin, Stdout and Stderr must be unset, and
// returns the Process that talks to it. The command runs in its own
// process group (on Unix), so that Close stops it with any children it
// started.
func Start(cmd *exec.Cmd, opts ...Option) (*Process, error) {
	p := &Process{
		cfg:    config{timeout: DefaultTimeout, grace: DefaultGrace, stderr: os.Stderr, name: strings.Join(cmd.Args, " ")},
		cmd:    cmd,
		lines:  make(chan line),
		quit:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	for _, o := range opts {
		o.apply(&p.cfg)
	}
	if cmd.Stdin != nil || cmd.Stdout != nil || cmd.Stderr != nil {
		return nil, p.errorf("Stdin, Stdout and Stderr must be unset")
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, p.wrap(err)
	}
	// A pipe of our own rather than StdoutPipe: Wait closes that one when
	// the command exits, and could cut off answers not yet read.
	pr, pw, err := os.Pipe()
	if err != nil {
		stdin.Close()
		return nil, p.wrap(err)
	}
	cmd.Stdout = pw
	p.tail = &tailWriter{w: p.cfg.stderr}
	cmd.Stderr = p.tail
	cmd.WaitDelay = p.cfg.grace
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return nil, p.wrap(err)
	}
	pw.Close()
	p.stdin, p.stdout = stdin, pr
	go p.read()
	go func() {
		p.waitErr = cmd.Wait()
		close(p.exited)
	}()
	return p, nil
}

// read sends the command's output line by line until it ends.
func (p *Process) read() {
	sc := bufio.NewScanner(p.stdout)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	for sc.Scan() {
		select {
		case p.lines <- line{b: bytes.Clone(sc.Bytes())}:
		case <-p.quit:
			return
		}
	}
	err := sc.Err()
	if err == nil {
		err = io.EOF
	}
	select {
	case p.lines <- line{err: err}:
	case <-p.quit:
	}
}

type request struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
}

type answer struct {
	ID     *int      `json:"id"`
	Vector []float64 `json:"vector"`
	Error  string    `json:"error"`
}

// Embed sends texts as one batch and returns their vectors in order.
func (p *Process) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.broken != nil {
		return nil, p.broken
	}
	if p.closed {
		return nil, p.errorf("used after Close")
	}
	if len(texts) == 0 {
		return nil, nil
	}
	base := p.next
	p.next += len(texts)
	var req bytes.Buffer
	enc := json.NewEncoder(&req)
	enc.SetEscapeHTML(false)
	for i, t := range texts {
		if err := enc.Encode(request{ID: base + i, Text: t}); err != nil {
			return nil, p.fail(err)
		}
	}
	req.WriteByte('\n')
	// Write while reading: a command that answers line by line could fill
	// its output pipe before the whole batch is written.
	written := make(chan error, 1)
	go func() {
		_, err := p.stdin.Write(req.Bytes())
		written <- err
	}()
	timer := time.NewTimer(p.cfg.timeout)
	defer timer.Stop()
	out := make([][]float32, len(texts))
	left := len(texts)
	for left > 0 {
		select {
		case <-ctx.Done():
			return nil, p.fail(ctx.Err())
		case <-timer.C:
			return nil, p.fail(fmt.Errorf("no answer within %v (batch of %d texts, %d answered; the timeout is per batch)", p.cfg.timeout, len(texts), len(texts)-left))
		case err := <-written:
			written = nil
			if err != nil {
				return nil, p.fail(p.exitReason(fmt.Errorf("writing its input: %w", err)))
			}
		case l := <-p.lines:
			if l.err != nil {
				return nil, p.fail(p.exitReason(fmt.Errorf("its output ended after %d of %d answers of the batch", len(texts)-left, len(texts))))
			}
			p.answers++
			if len(bytes.TrimSpace(l.b)) == 0 {
				continue
			}
			id, v, err := p.parse(l.b, base, len(texts), out)
			if err != nil {
				return nil, p.fail(err)
			}
			out[id-base] = v
			left--
		}
	}
	return out, nil
}

// parse reads one answer line of the batch of ids base … base+n−1.
func (p *Process) parse(b []byte, base, n int, got [][]float32) (int, []float32, error) {
	var a answer
	if err := json.Unmarshal(b, &a); err != nil {
		if bytes.Contains(b, []byte("NaN")) || bytes.Contains(b, []byte("Infinity")) {
			return 0, nil, fmt.Errorf("output line %d holds NaN or Infinity, not a finite number: %s", p.answers, excerpt(b))
		}
		return 0, nil, fmt.Errorf("output line %d is not a JSON answer {\"id\",\"vector\"} (%v): %s", p.answers, err, excerpt(b))
	}
	if a.ID == nil {
		return 0, nil, fmt.Errorf("output line %d has no \"id\": %s", p.answers, excerpt(b))
	}
	id := *a.ID
	if id < base || id >= base+n {
		return 0, nil, fmt.Errorf("output line %d answers id %d, which was not asked in this batch (ids %d–%d)", p.answers, id, base, base+n-1)
	}
	if got[id-base] != nil {
		return 0, nil, fmt.Errorf("output line %d answers id %d a second time", p.answers, id)
	}
	if a.Error != "" {
		return 0, nil, fmt.Errorf("it reported an error for id %d: %s", id, a.Error)
	}
	if len(a.Vector) == 0 {
		return 0, nil, fmt.Errorf("output line %d has no \"vector\" for id %d", p.answers, id)
	}
	if p.dim == 0 {
		p.dim = len(a.Vector)
	}
	if len(a.Vector) != p.dim {
		return 0, nil, fmt.Errorf("the vector for id %d has dimension %d; earlier vectors had %d", id, len(a.Vector), p.dim)
	}
	v := make([]float32, len(a.Vector))
	for i, x := range a.Vector {
		if math.Abs(x) > math.MaxFloat32 {
			return 0, nil, fmt.Errorf("the vector for id %d holds %g at index %d, beyond a 32-bit float", id, x, i)
		}
		v[i] = float32(x)
	}
	return id, v, nil
}

// fail marks the process broken, kills it, and returns the error every
// later call will return.
func (p *Process) fail(err error) error {
	var pe *Error
	if !errors.As(err, &pe) {
		err = p.wrap(err)
	}
	p.broken = err
	p.kill()
	return err
}

// exitReason adds how the command ended, when it has, and the last line
// it wrote on standard error.
func (p *Process) exitReason(err error) error {
	select {
	case <-p.exited:
	case <-time.After(time.Second):
		return err
	}
	var reason string
	var ee *exec.ExitError
	switch {
	case p.waitErr == nil:
		reason = "it exited with status 0"
	case errors.As(p.waitErr, &ee) && ee.ExitCode() >= 0:
		reason = fmt.Sprintf("it exited with status %d", ee.ExitCode())
	default:
		reason = "it ended (" + p.waitErr.Error() + ")"
	}
	if last := p.tail.lastLine(); last != "" {
		reason += "; its last words on stderr: " + last
	}
	return fmt.Errorf("%w: %s", err, reason)
}

// Close closes the command's input and waits for it to exit, killing it
// after the grace period (at once if it had failed). It returns an error
// when the command, having answered everything, exits with a status other
// than 0.
func (p *Process) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	close(p.quit)
	p.stdin.Close()
	defer p.stdout.Close()
	if p.broken != nil {
		p.kill()
		<-p.exited
		return nil
	}
	select {
	case <-p.exited:
	case <-time.After(p.cfg.grace):
		p.kill()
		<-p.exited
		return nil
	}
	if p.waitErr != nil {
		return p.wrap(p.exitReason(errors.New("after its input was closed")))
	}
	return nil
}

func (p *Process) kill() {
	if !p.killed {
		p.killed = true
		killGroup(p.cmd)
	}
}

// String is the command as errors name it; a report's run record
// (compare.Run.Embedder) keeps it.
func (p *Process) String() string { return p.cfg.name }

func (p *Process) wrap(err error) error { return &Error{Command: p.cfg.name, Err: err} }

func (p *Process) errorf(format string, args ...any) error {
	return p.wrap(fmt.Errorf(format, args...))
}

// excerpt quotes the start of a line for an error message.
func excerpt(b []byte) string {
	const n = 80
	if len(b) > n {
		return fmt.Sprintf("%q…", b[:n])
	}
	return fmt.Sprintf("%q", b)
}

// tailWriter passes the command's standard error on and keeps its end.
type tailWriter struct {
	w    io.Writer
	mu   sync.Mutex
	tail []byte
}

func (t *tailWriter) Write(b []byte) (int, error) {
	t.mu.Lock()
	t.tail = append(t.tail, b...)
	if len(t.tail) > 4096 {
		t.tail = append([]byte(nil), t.tail[len(t.tail)-4096:]...)
	}
	t.mu.Unlock()
	if t.w != nil {
		t.w.Write(b) // a failing log writer must not stop the model
	}
	return len(b), nil
}

// lastLine is the last non-empty line written, cut to 300 bytes.
func (t *tailWriter) lastLine() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := strings.Split(strings.TrimSpace(string(t.tail)), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if len(last) > 300 {
		last = last[:300] + "…"
	}
	return last
}
