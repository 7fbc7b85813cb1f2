package extract

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDumpDebug(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	docs, err := ReadFile(p, WithPublished(os.Getenv("PUB")))
	if err != nil {
		t.Fatal(err)
	}
	e := json.NewEncoder(os.Stdout)
	e.SetIndent("", " ")
	e.Encode(docs)
}
