package claimbeam

import "github.com/claimdiff/claimdiff/corpus"

// tooLargeLine is the report line corpus mode writes for an event of n
// articles, n > corpus.MaxEventArticles: the core's own bytes.
func tooLargeLine(event string, n int, _ corpus.Config) ([]byte, error) {
	return corpus.TooLarge(event, n)
}
