package corpus_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/corpus"
)

// A malformed line is a dead letter; the event is reported all the same.
func ExampleRunContext() {
	in := `{"event":"flood","outlet":"A","text":"The river burst its banks in Telford on Monday."}
{"event":"flood","outlet":"B","text":
{"event":"flood","outlet":"C","text":"   "}
{"event":"flood","outlet":"D","text":"The river burst its banks in Telford on Monday, flooding homes."}
`
	var out bytes.Buffer
	st, err := corpus.RunContext(context.Background(), []corpus.Input{{Name: "news.jsonl", R: strings.NewReader(in)}}, &out, corpus.Config{},
		corpus.Jobs(2),
		corpus.OnDeadLetter(func(d corpus.DeadLetter) { fmt.Println("dead letter:", d.Error) }))
	fmt.Println(err, st.Articles, "articles,", st.DeadLetters, "dead letters,", st.Events, "report line")
	// Output:
	// dead letter: news.jsonl:2: not a JSON article: unexpected end of JSON input
	// dead letter: news.jsonl:3: JSON article has no "text": its "text" is empty or only whitespace
	// <nil> 2 articles, 2 dead letters, 1 report line
}
