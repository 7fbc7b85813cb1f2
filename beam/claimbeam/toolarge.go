package claimbeam

import (
	"encoding/json"

	"github.com/claimdiff/claimdiff/corpus"
)

// tooLargeLine is the report line for an event above
// corpus.MaxEventArticles.
// TODO: use the core's own function once it exports one.
func tooLargeLine(event string, n int, _ corpus.Config) []byte {
	b, _ := json.Marshal(struct {
		Event    string `json:"event"`
		Error    string `json:"error"`
		Articles int    `json:"articles"`
	}{event, "too large", n})
	return b
}
