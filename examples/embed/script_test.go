// Package embed_test checks the protocol side of st_embed.py with a
// stand-in for the sentence_transformers package (testdata/stub): no model
// can be downloaded here, so the real model is documented, not run.
package embed_test

import (
	"bytes"
	"context"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare/embedproc"
)

func start(t *testing.T, model string) *embedproc.Process {
	t.Helper()
	if testing.Short() {
		t.Skip("starting python3 takes seconds here")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found")
	}
	p, err := embedproc.StartShell("PYTHONPATH=testdata/stub python3 st_embed.py "+model, embedproc.Stderr(&bytes.Buffer{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func TestScript(t *testing.T) {
	p := start(t, "stub-model")
	for _, batch := range [][]string{{"The envoy quit.", "The diplomat resigned.", "“Quoted” text, with ünïcode."}, {"One more."}} {
		vecs, err := p.Embed(context.Background(), batch)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range vecs {
			n := 0.0
			for _, x := range v {
				n += float64(x) * float64(x)
			}
			if len(v) != 8 || math.Abs(n-1) > 1e-3 && n != 0 {
				t.Errorf("%q: vector %v; want 8 values of unit length", batch[i], v)
			}
		}
	}
	if err := p.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func TestScriptErrors(t *testing.T) {
	for _, c := range []struct{ model, text, want string }{
		{"missing-model", "a", "it exited with status 1; its last words on stderr: OSError: stub: no model named missing-model"},
		{"stub-model", "a nan value", "it reported an error for id 0: the model gave a NaN or infinite value"},
	} {
		_, err := start(t, c.model).Embed(context.Background(), []string{c.text})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.model, err, c.want)
		}
	}
}
