package embedproc_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/compare/embedproc"
	"github.com/claimdiff/claimdiff/internal/embedtest"
	"github.com/claimdiff/claimdiff/internal/toyembed"
	"github.com/google/go-cmp/cmp"
)

// TestMain lets the test binary be the embedding command (internal/embedtest).
func TestMain(m *testing.M) {
	if status, ok := embedtest.Main(); ok {
		os.Exit(status)
	}
	os.Exit(m.Run())
}

// helper is the shell command that runs this test binary as the embedding
// command in the given mode.
func helper(t *testing.T, mode string, env ...string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(append(env, embedtest.Mode+"="+mode, "'"+strings.ReplaceAll(exe, "'", `'\''`)+"'"), " ")
}

func TestProcess(t *testing.T) {
	log := filepath.Join(t.TempDir(), "log")
	var stderr bytes.Buffer
	p, err := embedproc.StartShell(helper(t, "ok", embedtest.Log+"="+log), embedproc.Stderr(&stderr))
	if err != nil {
		t.Fatal(err)
	}
	batches := [][]string{{"The envoy quit.", "The diplomat resigned.", "Floods closed the highway."}, {"Police were tightlipped."}}
	for _, texts := range batches {
		got, err := p.Embed(context.Background(), texts)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := toyembed.EmbedAll(context.Background(), texts)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("vectors (-want +got):\n%s", diff)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	want := `["The envoy quit.","The diplomat resigned.","Floods closed the highway."]` + "\n" + `["Police were tightlipped."]` + "\nexit\n"
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("the command saw (-want +got):\n%s", diff)
	}
	if _, err := p.Embed(context.Background(), []string{"x"}); err == nil {
		t.Error("Embed after Close: no error")
	}
}

// TestProcessErrors runs every way an embedding command can fail: each is
// an *Error naming the command, later calls fail the same way, and Close
// ends the command at once.
func TestProcessErrors(t *testing.T) {
	texts := []string{"The envoy quit.", "The diplomat resigned.", "Floods closed the highway."}
	for _, c := range []struct {
		mode string
		opts []embedproc.Option
		want string
	}{
		{"exit", nil, "it exited with status 3; its last words on stderr: embedtest: model weights not found"},
		{"malformed", nil, `output line 1 is not a JSON answer {"id","vector"}`},
		{"wrongid", nil, "output line 1 answers id 1000, which was not asked in this batch (ids 0–2)"},
		{"dim", nil, "the vector for id 1 has dimension 3; earlier vectors had 256"},
		{"nan", nil, "output line 1 holds NaN or Infinity, not a finite number"},
		{"inf", nil, "output line 1 holds NaN or Infinity, not a finite number"},
		{"error", nil, "it reported an error for id 0: CUDA out of memory"},
		{"short", nil, "its output ended after 1 of 3 answers of the batch: it exited with status 0"},
		{"hang", []embedproc.Option{embedproc.Timeout(300 * time.Millisecond)}, "no answer within 300ms (batch of 3 texts, 0 answered"},
	} {
		t.Run(c.mode, func(t *testing.T) {
			t.Parallel() // each waits on its own subprocess
			cmd := helper(t, c.mode)
			p, err := embedproc.StartShell(cmd, append(c.opts, embedproc.Stderr(&bytes.Buffer{}))...)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Embed(context.Background(), texts)
			var pe *embedproc.Error
			if !errors.As(err, &pe) || pe.Command != cmd {
				t.Fatalf("error %v: want an *embedproc.Error naming %q", err, cmd)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q\nwant it to contain %q", err, c.want)
			}
			if _, again := p.Embed(context.Background(), texts); again != err {
				t.Errorf("a later call gave %v, want the first error", again)
			}
			start := time.Now()
			if err := p.Close(); err != nil {
				t.Errorf("Close after a failure: %v", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Close took %v after a failure; it should kill at once", d)
			}
		})
	}
}

func TestProcessCommandNotFound(t *testing.T) {
	p, err := embedproc.StartShell("claimdiff-no-such-embedder --model x", embedproc.Stderr(&bytes.Buffer{}))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	_, err = p.Embed(context.Background(), []string{"a"})
	// Whether writing the batch or reading the answer fails first depends
	// on timing; either way the error names the command and its exit.
	for _, want := range []string{`embed command "claimdiff-no-such-embedder --model x": `, "it exited with status 127; its last words on stderr: ", "not found"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want it to contain %q", err, want)
		}
	}
}

func TestProcessCancel(t *testing.T) {
	p, err := embedproc.StartShell(helper(t, "hang"), embedproc.Stderr(&bytes.Buffer{}))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := p.Embed(ctx, []string{"a"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the context's error", err)
	}
}

func TestProcessClose(t *testing.T) {
	for _, c := range []struct {
		mode, want string
	}{
		{"linger", ""}, // killed after the grace period; nothing wrong with its answers
		{"exit-at-close", "after its input was closed: it exited with status 4; its last words on stderr: embedtest: could not save the cache"},
	} {
		t.Run(c.mode, func(t *testing.T) {
			t.Parallel()
			p, err := embedproc.StartShell(helper(t, c.mode), embedproc.Grace(200*time.Millisecond), embedproc.Stderr(&bytes.Buffer{}))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.Embed(context.Background(), []string{"a", "b"}); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			err = p.Close()
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Errorf("Close: %v, want %q", err, c.want)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("Close took %v with a grace of 200ms", d)
			}
		})
	}
}

func TestStartRefusesSetStreams(t *testing.T) {
	cmd := exec.Command("cat")
	cmd.Stdout = &bytes.Buffer{}
	if _, err := embedproc.Start(cmd); err == nil || !strings.Contains(err.Error(), `embed command "cat": Stdin, Stdout and Stderr must be unset`) {
		t.Errorf("got %v", err)
	}
}

// TestWithCompare runs a comparison through the subprocess.
func TestWithCompare(t *testing.T) {
	p, err := embedproc.StartShell(helper(t, "ok"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var e compare.Embedder = p
	got, err := e.Embed(context.Background(), []string{"The envoy quit."})
	if err != nil || len(got) != 1 || len(got[0]) != toyembed.Dim {
		t.Fatalf("got %d vectors, %v", len(got), err)
	}
}

func TestServe(t *testing.T) {
	in := `{"id":4,"text":"The envoy quit."}` + "\n" + `{"id":5,"text":"zero"}` + "\n\n" + `{"id":6,"text":"nan"}` + "\n"
	e := compare.EmbedderFunc(func(_ context.Context, texts []string) ([][]float32, error) {
		out := make([][]float32, len(texts))
		for i, t := range texts {
			switch t {
			case "zero":
				out[i] = []float32{0, 0}
			case "nan":
				out[i] = []float32{float32(nan()), 0}
			default:
				out[i] = []float32{1, 0.5}
			}
		}
		return out, nil
	})
	var out bytes.Buffer
	if err := embedproc.Serve(context.Background(), strings.NewReader(in), &out, e); err != nil {
		t.Fatal(err)
	}
	want := `{"id":4,"vector":[1,0.5]}
{"id":5,"vector":[0,0]}
{"id":6,"error":"json: unsupported value: NaN"}
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if err := embedproc.Serve(context.Background(), strings.NewReader("not json\n"), &out, e); err == nil {
		t.Error("a request that is not JSON: no error")
	}
}

func nan() float64 { var z float64; return z / z }
