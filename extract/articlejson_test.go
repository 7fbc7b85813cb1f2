package extract

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkDecodeArticle fails t when decodeArticle takes line and gives
// other fields than json.Unmarshal, or takes a line json.Unmarshal
// refuses, or when RecordEvent's event differs from json.Unmarshal's. It
// reports whether decodeArticle took the line.
func checkDecodeArticle(t *testing.T, line []byte) bool {
	t.Helper()
	var e struct {
		Event string `json:"event"`
	}
	eerr := json.Unmarshal(line, &e)
	if eerr != nil {
		e.Event = "" // what it filled in before the error is not the event
	}
	if ev, ok := RecordEvent(line); ok != (eerr == nil) || ev != e.Event {
		t.Errorf("RecordEvent(%q) = %q, %v; json.Unmarshal: %q, %v", line, ev, ok, e.Event, eerr)
	}
	var want Article
	werr := json.Unmarshal(line, &want)
	var got Article
	if !decodeArticle(line, &got) {
		return false
	}
	if nul, bad := countNonText(string(line)); nul != 0 || bad != decodedNonText(line) {
		t.Errorf("decodeArticle took %q: countNonText = %d NUL, %d bad; decodedNonText %d", line, nul, bad, decodedNonText(line))
	}
	if werr != nil {
		t.Errorf("decodeArticle took %q, json.Unmarshal: %v", line, werr)
		return true
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decodeArticle(%q) (-json.Unmarshal +decodeArticle):\n%s", line, diff)
	}
	return true
}

func TestDecodeArticleMatchesUnmarshal(t *testing.T) {
	tests := []struct {
		line string
		take bool // whether decodeArticle decides the line itself
	}{
		{`{"event":"e1","text":"Plain text."}`, true},
		{` { "event" : "e1" , "outlet":"Wire", "title":"T", "published":"2025-01-02", "url":"u", "source":"s", "text":"x" } ` + "\r\n", true},
		{`{}`, true},
		{`{"text":"a\"b\\c\/d\be\ff\ng\rh\ti"}`, true},
		{`{"text":"caf\u00e9 \u2019quoted\u2019 \u0000 nul"}`, true},
		{`{"text":"café – “quoted”"}`, true},
		{`{"text":"first","text":"second"}`, true},
		{`{"id":"7","bias":"left","text":"x"}`, true},
		{`{"id":7,"score":-1.5e+3,"ok":true,"no":false,"none":null,"text":"x"}`, true},
		{`{"id":0.25E-2,"text":"x"}`, true},
		{`{"id":01,"text":"x"}`, false},
		{`{"id":1.,"text":"x"}`, false},
		{`{"id":-,"text":"x"}`, false},
		{`{"id":truex,"text":"x"}`, false},
		{`{"id":nul,"text":"x"}`, false},
		{`{"Text":"case differs"}`, false},
		{`{"TEXT":"case differs"}`, false},
		{`{"text":null}`, false},
		{`{"text":1}`, false},
		{`{"meta":{"a":1},"text":"x"}`, false},
		{`{"text":"emoji \ud83d\ude00"}`, false},
		{`{"text":"lone \ud83d"}`, false},
		{"{\"text\":\"bad \xff byte\"}", false},
		{"{\"text\":\"raw\ttab\"}", false},
		{`{"te\u0078t":"escaped key"}`, false},
		{"{\"\u212ajey\":\"kelvin sign\"}", false},
		{`{"text":"x",}`, false},
		{`{"text":"x"} trailing`, false},
		{`{"text":"unterminated`, false},
		{`{"text":"bad escape \q"}`, false},
		{`{"text":"short \u12"}`, false},
		{`["text"]`, false},
		{``, false},
	}
	for _, tt := range tests {
		if took := checkDecodeArticle(t, []byte(tt.line)); took != tt.take {
			t.Errorf("decodeArticle(%q) took it: %v, want %v", tt.line, took, tt.take)
		}
	}
}

// TestDecodeArticleRandom compares decodeArticle with json.Unmarshal on
// random objects built from pieces that are each valid or nearly so:
// keys in and out of Article, in any case, strings with every kind of
// escape and byte, values of other types, syntax slips.
func TestDecodeArticleRandom(t *testing.T) {
	keys := []string{"event", "outlet", "title", "published", "url", "source", "text", "Event", "URL", "id", "bias", "textual", "", "sourcE", "\u017furl", "te\\u0078t", "de\x7fl", "\u0085"}
	pieces := []string{"a", " ", "é", "“", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u2028", "\\ud83d\\ude00", "\\ud83d", "\\x", "\xff", "\xe2\x80", "\t", "\x7f", "\\u0000", "\\u00", "\u0085", "\u009f", "\u00a0", "\xc2", "\u0080\x7f\u0080"}
	values := []string{"null", "1", "true", "false", "-0", "12.5e-3", "1E+2", "01", "1.", "-", "truex", "nul", "{}", "[\"a\"]", "{\"a\":\"b\"}"}
	r := rand.New(rand.NewPCG(1, 2))
	took := 0
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		var b strings.Builder
		b.WriteString([]string{"{", " {", "\n{", "["}[r.IntN(4)])
		fields := r.IntN(5)
		for f := range fields {
			if f > 0 {
				b.WriteString([]string{",", " , ", ",,", ""}[r.IntN(4)*r.IntN(2)])
			}
			b.WriteString(`"` + keys[r.IntN(len(keys))] + `"`)
			b.WriteString([]string{":", " : ", ""}[r.IntN(3)*r.IntN(2)])
			if r.IntN(8) == 0 {
				b.WriteString(values[r.IntN(len(values))])
				continue
			}
			b.WriteByte('"')
			for range r.IntN(6) {
				if r.IntN(3) == 0 {
					b.WriteString(pieces[r.IntN(len(pieces))])
				} else {
					b.WriteString("word ")
				}
			}
			if r.IntN(30) > 0 {
				b.WriteByte('"')
			}
		}
		b.WriteString([]string{"}", "} ", "}\r\n", "", "}x", ",}"}[r.IntN(6)*r.IntN(2)])
		if checkDecodeArticle(t, []byte(b.String())) {
			took++
		}
	}
	t.Logf("took %d of %d", took, n)
	if took < n/20 {
		t.Errorf("decodeArticle took %d of %d random lines: the test no longer exercises it", took, n)
	}
}

// TestDecodeArticleDevCorpus checks every record of the BASIL development
// corpus, and that decodeArticle decides nearly all of them itself.
func TestDecodeArticleDevCorpus(t *testing.T) {
	b, err := os.ReadFile("../../shared/dev/basil/corpus.jsonl")
	if err != nil {
		t.Skip("../shared/dev is absent:", err)
	}
	lines, took := 0, 0
	for line := range strings.SplitSeq(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		lines++
		if checkDecodeArticle(t, []byte(line)) {
			took++
		}
	}
	t.Logf("took %d of %d", took, lines)
	if took < lines*9/10 {
		t.Errorf("decodeArticle took %d of %d records", took, lines)
	}
}

// TestParseArticleNotText checks that ParseArticle refuses a line that is
// not text with CheckText's own words, whether decodeArticle takes the
// line (DEL bytes and C1 controls in its strings) or not (NUL bytes).
func TestParseArticleNotText(t *testing.T) {
	for _, line := range []string{
		`{"event":"e","text":"` + strings.Repeat("\x7f", 40) + `"}`,
		`{"event":"e","text":"` + strings.Repeat("\u0085", 20) + ` x"}`,
		`{"event":"e","te` + strings.Repeat("\x7f", 20) + `xt":"x"}`,
		`{"event":"e","text":"` + strings.Repeat("\x00", 4) + `"}`,
		`{"event":"e","text":"` + strings.Repeat("\x7f", 2) + ` some text"}`,
	} {
		_, err := ParseArticle([]byte(line))
		want := CheckText(line)
		if want == nil {
			if err != nil {
				t.Errorf("ParseArticle(%q): %v, CheckText: text", line, err)
			}
			continue
		}
		if !errors.Is(err, ErrNotText) || !errors.Is(err, ErrBadJSON) || err.Error() != ErrBadJSON.Error()+": "+want.Error() {
			t.Errorf("ParseArticle(%q): %v, want %v: %v", line, err, ErrBadJSON, want)
		}
	}
}
