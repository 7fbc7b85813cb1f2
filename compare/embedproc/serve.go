package embedproc

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/claimdiff/claimdiff/compare"
)

// Serve is the command's side of the protocol, for an embedding command
// written in Go: it reads requests from r, embeds each batch with e when
// the batch's empty line (or the end of input) comes, and writes the
// answers to w, until r ends. An error of e is answered as {"id","error"}
// for every text of the batch, which fails the comparison with its
// message; a request line that is not JSON stops Serve with an error.
func Serve(ctx context.Context, r io.Reader, w io.Writer, e compare.Embedder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	bw := bufio.NewWriter(w)
	var ids []int
	var texts []string
	flush := func() error {
		if len(texts) == 0 {
			return nil
		}
		vecs, err := e.Embed(ctx, texts)
		if err == nil && len(vecs) != len(texts) {
			err = fmt.Errorf("%d vectors for %d texts", len(vecs), len(texts))
		}
		for i, id := range ids {
			var b []byte
			aerr := err
			if aerr == nil {
				// A NaN cannot be written as JSON: answer it as an error.
				b, aerr = json.Marshal(struct {
					ID     int       `json:"id"`
					Vector []float32 `json:"vector"`
				}{id, vecs[i]})
			}
			if aerr != nil {
				b, _ = json.Marshal(struct {
					ID    int    `json:"id"`
					Error string `json:"error"`
				}{id, aerr.Error()})
			}
			bw.Write(b)
			bw.WriteByte('\n')
		}
		ids, texts = ids[:0], texts[:0]
		return bw.Flush()
	}
	n := 0
	for sc.Scan() {
		n++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		var req request
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			return fmt.Errorf("embedproc: request line %d: %w", n, err)
		}
		ids, texts = append(ids, req.ID), append(texts, req.Text)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return flush()
}
