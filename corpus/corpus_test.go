package corpus_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/corpus"
	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

func line(event, outlet, text string) string {
	b, _ := json.Marshal(map[string]string{"event": event, "outlet": outlet, "published": "2026-02-02", "text": text})
	return string(b)
}

func TestRun(t *testing.T) {
	in := strings.Join([]string{
		line("flood", "A", "The river burst its banks in Telford on Monday, flooding 300 homes."),
		line("strike", "A", "Rail workers walked out on Tuesday over pay, the union said."),
		"",
		line("flood", "B", "Some 300 homes were flooded in Telford on Monday when the river burst its banks."),
		line("strike", "B", "Rail staff went on strike on Tuesday in a dispute over pay."),
	}, "\n") + "\n"
	var out bytes.Buffer
	if err := corpus.Run(strings.NewReader(in), "news.jsonl", &out, corpus.Config{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var events []string
	for _, l := range lines {
		var r struct {
			Event     string
			Documents []struct{ Source string }
			Groups    []struct{ Claims []string }
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		events = append(events, r.Event)
		if len(r.Documents) != 2 || len(r.Groups) != 1 {
			t.Errorf("event %s: %d documents, %d groups", r.Event, len(r.Documents), len(r.Groups))
		}
		if !strings.HasPrefix(r.Documents[0].Source, "news.jsonl:") {
			t.Errorf("source %q should name file and line", r.Documents[0].Source)
		}
	}
	if diff := cmp.Diff([]string{"flood", "strike"}, events); diff != "" {
		t.Errorf("events in order of first appearance (-want +got):\n%s", diff)
	}
	// Same input, same bytes, whatever the worker scheduling.
	var again bytes.Buffer
	if err := corpus.Run(strings.NewReader(in), "news.jsonl", &again, corpus.Config{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), again.Bytes()) {
		t.Error("two runs wrote different bytes")
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		where    string
	}{
		{"bad JSON", line("e", "A", "Text here.") + "\n{not json\n", extract.ErrBadJSON, "c.jsonl:2:"},
		{"no event", `{"outlet":"A","text":"Something happened."}` + "\n", corpus.ErrNoEvent, "c.jsonl:1:"},
		{"no text", `{"event":"e","outlet":"A"}` + "\n", extract.ErrNoText, "c.jsonl:1:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := corpus.Run(strings.NewReader(tc.in), "dir/c.jsonl", &bytes.Buffer{}, corpus.Config{})
			if !errors.Is(err, tc.want) || !strings.HasPrefix(err.Error(), tc.where) {
				t.Errorf("got %v, want %v at %s", err, tc.want, tc.where)
			}
		})
	}
}

func TestParseLineBlank(t *testing.T) {
	if _, err := corpus.ParseLine("c.jsonl", 3, []byte("  \n")); !errors.Is(err, corpus.ErrBlank) {
		t.Errorf("blank line: %v", err)
	}
}

func TestCompareEventTooLarge(t *testing.T) {
	arts := make([]corpus.Article, corpus.MaxEventArticles+1)
	for i := range arts {
		arts[i] = corpus.Article{Event: "big", File: "c.jsonl", Line: i + 1, Doc: extract.Extract("A short claim.")}
	}
	b, err := corpus.CompareEvent("big", arts, corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`{"event":"big","error":"too large: more than %d articles","articles":%d}`, corpus.MaxEventArticles, len(arts))
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
}

// The order articles arrive in does not change the report: a distributed
// runner may deliver them in any order.
func TestCompareEventOrder(t *testing.T) {
	var arts []corpus.Article
	for i, txt := range []string{"The mayor of Telford resigned on Monday.", "Telford's mayor quit on Monday, officials said.", "The Telford mayor stepped down Monday."} {
		a, err := corpus.ParseLine("c.jsonl", i+1, []byte(line("e", fmt.Sprint("O", i), txt)))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	x, err := corpus.CompareEvent("e", arts, corpus.Config{})
	if err != nil || !bytes.Contains(x, []byte(`"groups":[{`)) {
		t.Fatalf("want a report with a group, got %s (%v)", x, err)
	}
	rev := []corpus.Article{arts[2], arts[0], arts[1]}
	y, err := corpus.CompareEvent("e", rev, corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Error("report depends on arrival order")
	}
}
