// Package embedtest is an embedding command for tests: a test binary that
// finds Mode in its environment runs Main instead of its tests (the
// os/exec helper-process pattern), and so serves the embedproc protocol
// with the toyembed vectors, or fails in one chosen way.
package embedtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/claimdiff/claimdiff/compare/embedproc"
	"github.com/claimdiff/claimdiff/internal/toyembed"
)

// Environment variables read by Main.
const (
	// Mode selects the behaviour: "ok" serves the protocol; "exit" exits
	// with status 3 at the first request, saying why on stderr;
	// "malformed" prints a log line on standard output; "wrongid" answers
	// ids that were not asked; "dim" gives the second text a shorter
	// vector; "nan" and "inf" answer NaN and -Infinity as Python's json
	// writes them; "error" answers {"error"}; "short" answers the first
	// request of the batch and exits;
	// "hang" never answers and ignores the end of its input; "linger"
	// serves the protocol but does not exit when its input ends;
	// "exit-at-close" serves it and exits with status 4.
	Mode = "CLAIMDIFF_EMBED_HELPER"
	// Log names a file to which "ok" appends each batch as a JSON array of
	// texts, and the line "exit" when its input ends.
	Log = "CLAIMDIFF_EMBED_LOG"
)

// Main runs the helper when Mode is set and returns its exit status; ok is
// false when Mode is not set.
func Main() (status int, ok bool) {
	mode := os.Getenv(Mode)
	if mode == "" {
		return 0, false
	}
	return run(mode, os.Stdin, os.Stdout, os.Stderr), true
}

func run(mode string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch mode {
	case "ok", "linger", "exit-at-close":
		var e logger
		if f := os.Getenv(Log); f != "" {
			e.path = f
		}
		if err := embedproc.Serve(context.Background(), stdin, stdout, &e); err != nil {
			fmt.Fprintln(stderr, "embedtest:", err)
			return 2
		}
		e.log("exit")
		switch mode {
		case "linger":
			time.Sleep(time.Hour)
		case "exit-at-close":
			fmt.Fprintln(stderr, "embedtest: could not save the cache")
			return 4
		}
		return 0
	case "hang":
		io.Copy(io.Discard, stdin)
		time.Sleep(time.Hour)
		return 0
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(nil, 1<<20)
	for {
		var batch []struct {
			ID   int    `json:"id"`
			Text string `json:"text"`
		}
		for sc.Scan() && len(sc.Bytes()) > 0 {
			var r struct {
				ID   int    `json:"id"`
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				fmt.Fprintln(stderr, "embedtest:", err)
				return 2
			}
			batch = append(batch, r)
		}
		if len(batch) == 0 {
			return 0
		}
		for i, r := range batch {
			v, _ := json.Marshal(toyembed.Embed(r.Text))
			switch mode {
			case "exit":
				fmt.Fprintln(stderr, "embedtest: loading the model")
				fmt.Fprintln(stderr, "embedtest: model weights not found")
				return 3
			case "malformed":
				fmt.Fprintln(stdout, "Loading model weights...")
			case "wrongid":
				fmt.Fprintf(stdout, "{\"id\":%d,\"vector\":%s}\n", r.ID+1000, v)
			case "dim":
				if i == 1 {
					v = []byte("[0.5,0.5,0.5]")
				}
				fmt.Fprintf(stdout, "{\"id\":%d,\"vector\":%s}\n", r.ID, v)
			case "nan":
				fmt.Fprintf(stdout, "{\"id\":%d,\"vector\":[NaN, 1.0]}\n", r.ID)
			case "inf":
				fmt.Fprintf(stdout, "{\"id\":%d,\"vector\":[1.0, -Infinity]}\n", r.ID)
			case "error":
				fmt.Fprintf(stdout, "{\"id\":%d,\"error\":\"CUDA out of memory\"}\n", r.ID)
			case "short":
				fmt.Fprintf(stdout, "{\"id\":%d,\"vector\":%s}\n", r.ID, v)
				return 0
			default:
				fmt.Fprintf(stderr, "embedtest: unknown mode %q\n", mode)
				return 2
			}
		}
	}
}

// logger is the toy embedder, noting each batch in a file when asked.
type logger struct{ path string }

func (l *logger) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	b, _ := json.Marshal(texts)
	l.log(string(b))
	return toyembed.EmbedAll(ctx, texts)
}

func (l *logger) log(s string) {
	if l.path == "" {
		return
	}
	f, err := os.OpenFile(l.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	fmt.Fprintln(f, s)
	f.Close()
}
