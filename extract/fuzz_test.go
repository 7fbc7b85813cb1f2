package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/extract"
)

// hostileInputs are texts built to break segmentation, quote pairing and
// span arithmetic. They seed FuzzExtract and run in TestHostileInputs.
var hostileInputs = []string{
	"",
	" ",
	"\n\n\n",
	".",
	"...",
	"“",
	"”",
	"\"",
	"'",
	"’s",
	"By ",
	"By",
	"By JNS",
	"By JNSU.S.",
	"date 2025-11-21",
	"date 2025-13-45 Bad date",
	"date 2025-11-21 \n",
	"The post  appeared first on .",
	"\xff\xfe\xfd",
	"Caf\xc3 closed.\xe2\x80 The mayor said “no\xff”.",
	"\xef\xbb\xbfThe mayor resigned on Sept. 9. Officials said so.",
	"U.S.U.S.U.S.U.S.",
	"A. B. C. D. E.",
	"“““““““",
	"”””””",
	"\"a \"a \"a \"a \"a",
	"‘’‘’‘’",
	"«»«»",
	"$",
	"$US",
	"$US3",
	"$US51 billion",
	"at 3:22 p.m.",
	"99:99 pm",
	"12:",
	"5 p.",
	"1:5 a.m",
	"a few several thousand",
	"tens of",
	"hundreds of thousands of",
	"several dozen dozens",
	"US$",
	"€5bn",
	"12-",
	"-12",
	"1,,2..3",
	"1e308 billion dollars",
	"99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 trillion",
	"Sept.",
	"Sept. 31",
	"on February 30, 2024.",
	"last",
	"last week",
	"in 2011",
	"(ABC)",
	"[A]",
	"Big Bank (BB) [BB] (B",
	"al-",
	"al-Hayya’s’s’",
	"Mr.",
	"He said: “",
	"“Yes,” said",
	"“No,”",
	", said X",
	"according to",
	"according to.",
	"The Times reported",
	"was killed by",
	"is",
	strings.Repeat("x", 4000),
	strings.Repeat("word ", 1000),
	strings.Repeat("“a ", 500),
	strings.Repeat("Mr. ", 500),
	strings.Repeat("\n", 300) + "Text.",
	"Line one\r\nLine two.\r\n\r\nThird paragraph ends.\r\n",
	"\t\v\f\u00a0\u2028\u2029",
	"A\u0301\u0301\u0301 combining marks.",
	"日本の首相は「増税しない」と述べた。",
	"مرحبا بالعالم. قال الوزير إن الوضع مستقر.",
	"The 🚀 launched on Wednesday.🚀Then it landed.",
	"Saturday.Citing sources.Such a thing.",
	"“Unclosed quote at the start of a paragraph.\n\nNext paragraph is prose.",
}

// seedTexts returns the seed articles from testdata/seeds.
func seedTexts(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(paths) < 2 {
		tb.Fatalf("want the two seed articles in testdata/seeds, found %d", len(paths))
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(p)] = string(b)
	}
	return out
}

func FuzzExtract(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(s)
	}
	for _, s := range hostileInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 { // larger inputs are TestLongLine's and the benchmark's
			t.Skip()
		}
		for _, pub := range []string{"", "2025-11-21"} {
			d := extract.Extract(text, extract.WithPublished(pub))
			checkDoc(t, d)
			again := extract.Extract(text, extract.WithPublished(pub))
			if diff := cmp.Diff(d, again); diff != "" {
				t.Fatalf("Extract is not deterministic for %q (-first +second):\n%s", text, diff)
			}
		}
	})
}

// TestHostileInputs runs the invariants on the hostile inputs even when the
// fuzzer does not.
func TestHostileInputs(t *testing.T) {
	for _, s := range hostileInputs {
		checkDoc(t, extract.Extract(s))
		checkDoc(t, extract.Extract(s, extract.WithPublished("2025-11-21")))
	}
}

// checkDoc asserts the invariants every Document holds: spans lie in the
// text with Start <= End, recorded texts are the text at their spans,
// annotations lie in their claim, claims come in order without overlap, and
// the report marshals to JSON.
func checkDoc(t *testing.T, d *extract.Document) {
	t.Helper()
	text := d.Text
	span := func(what string, s extract.Span, want string, record bool) bool {
		t.Helper()
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Errorf("%s: span %v outside [0,%d] or reversed (text %q)", what, s, len(text), text)
			return false
		}
		if record && text[s.Start:s.End] != want {
			t.Errorf("%s: text[%v] = %q, recorded %q", what, s, text[s.Start:s.End], want)
			return false
		}
		return true
	}
	if d.Claims == nil {
		t.Errorf("Claims is nil; the report contract wants [] for no claims")
	}
	for _, e := range d.Excluded {
		span("excluded "+e.Kind, e.Span, e.Text, true)
	}
	prevEnd := 0
	ids := map[string]bool{}
	for i, c := range d.Claims {
		if !span("claim "+c.ID, c.Span, c.Text, true) {
			continue
		}
		if c.Span.Start < prevEnd {
			t.Errorf("claim %s %v starts before the previous claim ends at %d", c.ID, c.Span, prevEnd)
		}
		if c.Span.Len() == 0 {
			t.Errorf("claim %s is empty", c.ID)
		}
		prevEnd = c.Span.End
		if ids[c.ID] {
			t.Errorf("claim id %s repeats", c.ID)
		}
		ids[c.ID] = true
		if c.RepeatOf != "" && !ids[c.RepeatOf] {
			t.Errorf("claim %s repeats %q, which is not an earlier claim", c.ID, c.RepeatOf)
		}
		_ = i
		inClaim := func(what string, s extract.Span) {
			t.Helper()
			if !c.Span.Contains(s) {
				t.Errorf("%s %v lies outside its claim %s %v", what, s, c.ID, c.Span)
			}
		}
		for _, e := range c.Entities {
			if span("entity", e.Span, e.Text, true) {
				inClaim("entity "+e.Text, e.Span)
			}
			if e.Key == "" {
				t.Errorf("entity %q has no key", e.Text)
			}
		}
		for _, n := range c.Numbers {
			if span("number", n.Span, n.Text, true) {
				inClaim("number "+n.Text, n.Span)
			}
		}
		for _, dt := range c.Dates {
			if span("date", dt.Span, dt.Text, true) {
				inClaim("date "+dt.Text, dt.Span)
			}
		}
		for _, m := range c.Markers {
			if span("marker "+m.Kind, m.Span, m.Text, true) {
				inClaim("marker "+m.Kind, m.Span)
			}
			if m.Voice != extract.VoiceOutlet && m.Voice != extract.VoiceQuoted && m.Voice != extract.VoiceReported {
				t.Errorf("marker %q has voice %q", m.Text, m.Voice)
			}
		}
		for _, q := range c.Quotes {
			if span("quote", q.Span, "", false) && !q.Span.Overlaps(c.Span) {
				t.Errorf("quote %v does not touch its claim %v", q.Span, c.Span)
			}
			// The quoted words lie inside the marks.
			if k := strings.Index(text[q.Span.Start:q.Span.End], q.Text); q.Text != "" && k < 0 {
				t.Errorf("quote text %q is not inside the quote's span %q", q.Text, text[q.Span.Start:q.Span.End])
			}
		}
		if a := c.Attribution; a != nil {
			if span("attribution", a.Span, "", false) {
				inClaim("attribution", a.Span)
				if !strings.Contains(text[a.Span.Start:a.Span.End], a.Source) {
					t.Errorf("attribution source %q not inside its span %q", a.Source, text[a.Span.Start:a.Span.End])
				}
			}
		}
		for _, tk := range c.Tokens {
			if span("token", tk.Span, tk.Text, true) {
				inClaim("token "+tk.Text, tk.Span)
			}
		}
	}
	if _, err := json.Marshal(d); err != nil {
		t.Errorf("the document does not marshal to JSON: %v", err)
	}
}
