package embedproc_test

import (
	"context"
	"os"
	"strings"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/compare/embedproc"
)

// The command's side of the protocol, for a model wrapped in Go: requests
// in, an empty line closing each batch, one answer per request out. This
// model knows two words.
func ExampleServe() {
	model := compare.EmbedderFunc(func(_ context.Context, texts []string) ([][]float32, error) {
		out := make([][]float32, len(texts))
		for i, t := range texts {
			out[i] = []float32{0, 0}
			if strings.Contains(t, "quit") || strings.Contains(t, "resigned") {
				out[i][0] = 1
			}
			if strings.Contains(t, "envoy") || strings.Contains(t, "diplomat") {
				out[i][1] = 1
			}
		}
		return out, nil
	})
	requests := `{"id":0,"text":"The envoy quit."}
{"id":1,"text":"The diplomat resigned."}

{"id":2,"text":"Floods closed the highway."}
`
	if err := embedproc.Serve(context.Background(), strings.NewReader(requests), os.Stdout, model); err != nil {
		panic(err)
	}
	// Output:
	// {"id":0,"vector":[1,1]}
	// {"id":1,"vector":[1,1]}
	// {"id":2,"vector":[0,0]}
}
