package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// plainCounted is eachCounted's rule as first written: each line cut at
// its newline and its first tab, the count read by strconv.
func plainCounted(file string, f func(w string, count int)) {
	for rest := file; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		w, c, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(c)
		if err != nil {
			continue
		}
		f(w, n)
	}
}

// plainDecodeStem is decodeStem's rule with strconv reading the number.
func plainDecodeStem(w, line string) string {
	switch {
	case line == "":
		return w
	case line[0] == '=':
		return line[1:]
	}
	n, err := strconv.Atoi(line)
	if err != nil || n <= 0 || n > len(w) {
		return ""
	}
	return w[:n]
}

// TestEachCounted checks the background list's reader against the plain
// rule on the embedded list and on lines of every odd shape.
func TestEachCounted(t *testing.T) {
	lines := []string{"", "#", "# c\tomment 5", "the\t123", "a\t0", "\t7", "b\t", "c", "d\t+5", "e\t-5",
		"f\t007", "g\t12x", "h\t1\t2", "i\t12\r", "j\t999999999999999999", "k\t9999999999999999999",
		"l\t99999999999999999999999", "m\t123456789012345678", "n\t 5", "ö\t5", "#x\t5", " \t5"}
	files := []string{backgroundFile, "", "\n", "\n\n", "a\t1", "a\t1\n", "a\t1\n\n"}
	for _, a := range lines {
		for _, b := range lines {
			files = append(files, a+"\n"+b, a+"\n"+b+"\n", b+"\n"+a)
		}
	}
	for _, file := range files {
		var got, want strings.Builder
		eachCounted(file, func(w string, at, n int) {
			fmt.Fprintf(&got, "%q %d\n", w, n)
			if file[at:at+len(w)] != w {
				t.Errorf("file %q: %q is not at %d", file[:min(len(file), 80)], w, at)
			}
		})
		plainCounted(file, func(w string, n int) { fmt.Fprintf(&want, "%q %d\n", w, n) })
		if got, want := got.String(), want.String(); got != want {
			t.Errorf("file %q: got\n%s\nwant\n%s", file[:min(len(file), 80)], got, want)
		}
	}
}

// TestDecodeStemPlain checks decodeStem against the plain rule.
func TestDecodeStemPlain(t *testing.T) {
	for _, w := range []string{"", "a", "running", "abcdefghijklmnopqrstuvwxyz"} {
		for _, line := range []string{"", "=", "=run", "0", "1", "3", "7", "07", "+3", "-3", "26", "27",
			"99999999999999999999", "3x", " 3", "3\r"} {
			got, own := decodeStem(w, line)
			// Own: the word or its start, not a stem the line spells.
			wantOwn := line == "" || line[0] != '=' && got != ""
			if want := plainDecodeStem(w, line); got != want || own != wantOwn {
				t.Errorf("decodeStem(%q, %q) = %q, %t; want %q", w, line, got, own, want)
			}
		}
	}
}

// TestLexParserWords checks the parser's split of a phrase against the
// plain rule: strings.Fields, each word through strings.ToLower, the
// phrase the words as written joined by single spaces.
func TestLexParserWords(t *testing.T) {
	heads := []string{"", " ", "  ", "a", "A", "a b", "A B", "a  b", " a", "a ", " a b ", "a\vb", "a\fb", "a\rb", "a\nb",
		"a\tb", "*", "a * b", "New York", "naïve x", "ÜBER alles", "x\u00a0y", "x\u2003y", "U.S. Army", "a b c d e f g h"}
	p := newLexParser(LexHedge, "t.txt", 0, 0)
	for _, h := range heads {
		ws := strings.Fields(h)
		want := make([]string, len(ws))
		for i, w := range ws {
			want[i] = strings.ToLower(w)
		}
		words, phrase := p.words(h)
		if fmt.Sprintf("%q", words) != fmt.Sprintf("%q", want) || phrase != strings.Join(ws, " ") || cap(words) != len(words) {
			t.Errorf("words(%q) = %q, phrase %q; want %q, phrase %q", h, words, phrase, want, strings.Join(ws, " "))
		}
	}
}

// TestParseLexiconText checks the default lexicon's parser, which reads a
// file held whole, against the reader's on every embedded file and on
// files with errors, and its map by phrase against the entries.
func TestParseLexiconText(t *testing.T) {
	type file struct{ cat, text string }
	var files []file
	for _, cat := range LexiconCategories {
		b, err := lexiconFS.ReadFile("lexicon/" + cat + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file{cat, string(b)})
	}
	for _, text := range []string{"", "\n", "a\nb\n", "a\r\nb\r\n", "# c\n  # d\n\na\n", "a\na\n", "a\n\tsub=x\n", "a\tbad\n",
		"a\tsub=x\t\tkind=y \n", "A  B\n*\n", "x\ny\n  x  \n", "a\tprev=is, was\tnot_next=The\n", "a\r\r\n", "é\nÉ\n"} {
		files = append(files, file{LexHedge, text}, file{LexAcronym, strings.ReplaceAll(text, "\n", "\texpansion=E x\n")})
	}
	show := func(es []*Entry, err error) string {
		var sb strings.Builder
		for _, e := range es {
			fmt.Fprintf(&sb, "%+v\n", *e)
		}
		if err != nil {
			sb.WriteString(err.Error())
		}
		return sb.String()
	}
	for _, f := range files {
		es, words, err := parseLexiconText(f.cat, f.cat+".txt", f.text)
		wantEs, wantErr := parseLexicon(f.cat, f.cat+".txt", strings.NewReader(f.text))
		if got, want := show(es, err), show(wantEs, wantErr); got != want {
			t.Errorf("%s %q:\n got %s\nwant %s", f.cat, f.text[:min(len(f.text), 60)], got, want)
			continue
		}
		if err != nil {
			continue
		}
		lines := strings.Split(f.text, "\n")
		want := map[string]*Entry{}
		for _, e := range es {
			want[e.Phrase] = e
			if e.Where != fmt.Sprintf("%s.txt:%d", f.cat, e.line) || strings.Fields(lines[e.line-1])[0] != strings.Fields(e.Phrase)[0] {
				t.Errorf("%s: entry %q at %s (line %d)", f.cat, e.Phrase, e.Where, e.line)
			}
		}
		if len(words) != len(want) {
			t.Errorf("%s: %d phrases, want %d", f.cat, len(words), len(want))
		}
		for p, e := range want {
			if words[p] != e {
				t.Errorf("%s: phrase %q is not its last entry", f.cat, p)
			}
		}
	}
}

// TestParseLexiconDuplicate: a duplicate names the line of the first.
func TestParseLexiconDuplicate(t *testing.T) {
	_, _, err := parseLexiconText(LexHedge, "h.txt", "# x\na\nb\n\na\n")
	if want := `lexicon: h.txt:5: duplicate entry "a" (first on line 2)`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestStartCats: the categories matched from a first word (findMarkers'
// and the attribution rules') are the first startCats, the ones
// Lexicon.starts indexes.
func TestStartCats(t *testing.T) {
	for _, ci := range append([]int{ciAttribution}, lexiconKindIndex...) {
		if ci < 0 || ci >= startCats {
			t.Errorf("category %d is matched from its first word but not in starts (%d categories)", ci, startCats)
		}
	}
	if framingCats>>startCats != 0 {
		t.Errorf("framingCats %b has categories past startCats", framingCats)
	}
}

// TestLexiconStarts checks Lexicon.starts and first against the plain
// rule: for each category matched from a first word, its entries by first
// key in file order, longer phrases first.
func TestLexiconStarts(t *testing.T) {
	ext, err := DefaultLexicon().Extend(LexHedge, "x.txt", strings.NewReader("perhaps so\nperhaps\nmaybe not\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []*Lexicon{DefaultLexicon(), ext} {
		keys := 0
		for ci, cat := range LexiconCategories[:startCats] {
			want := map[string][]*Entry{}
			for _, e := range l.Entries(cat) {
				want[e.keys[0]] = append(want[e.keys[0]], e)
			}
			for k, es := range want {
				slices.SortStableFunc(es, func(a, b *Entry) int { return len(b.Words) - len(a.Words) })
				if got := l.starts[k][ci]; !slices.Equal(got, es) {
					t.Errorf("%s %q: starts %d entries, want %d", cat, k, len(got), len(es))
				}
				if cat == LexAttribution && !slices.Equal(l.first[LexAttribution][k], es) {
					t.Errorf("first[attribution][%q] is not its entries", k)
				}
			}
			for k, row := range l.starts {
				if len(row[ci]) > 0 && want[k] == nil {
					t.Errorf("%s %q: starts has entries the category lacks", cat, k)
				}
			}
			if cat == LexAttribution && len(l.first[LexAttribution]) != len(want) {
				t.Errorf("first[attribution]: %d keys, want %d", len(l.first[LexAttribution]), len(want))
			}
			keys += len(want)
		}
		if keys < len(l.starts) {
			t.Errorf("starts has %d keys, the categories %d", len(l.starts), keys)
		}
	}
}

// TestBackgroundEntries checks the packed background table against the
// plain one: every word of the list with its count and its stem as the
// stems file gives it, then the file's other words with count 0.
func TestBackgroundEntries(t *testing.T) {
	want := map[string]bgWord{}
	stems := newStemLines(stemsFile)
	eachBackgroundWord(func(w string, n int) {
		st, _ := stems.next(w)
		want[w] = bgWord{count: n, stem: st}
	})
	stems.others(func(w, st string) {
		if _, ok := want[w]; !ok {
			want[w] = bgWord{stem: st}
		}
	})
	bgOnce.Do(loadBackground)
	if len(bgWords) != len(want) {
		t.Errorf("%d words, want %d", len(bgWords), len(want))
	}
	for w, bw := range want {
		if got := backgroundWord(w); got != bw {
			t.Errorf("backgroundWord(%q) = %+v, want %+v", w, got, bw)
		}
	}
	// Stems of every form, of words of the list (at: where its line is)
	// and of stems.txt (at -1).
	for _, tc := range []struct {
		w, stem     string
		inList, own bool
	}{{"running", "run", true, true}, {"running", "running", true, true}, {"happy", "happi", true, false}, {"the", "th", true, true},
		{"the", "thee", true, false}, {"cats", "cat", false, true}, {"cats", "cat", false, false}, {"x", "", true, false}} {
		at := -1
		if tc.inList {
			at = strings.Index(backgroundFile, "\n"+tc.w+"\t") + 1
		}
		if got := newBgEntry(tc.w, at, 7, tc.stem, tc.own).word(); got.stem != tc.stem || got.count != 7 {
			t.Errorf("newBgEntry(%q, %d, 7, %q) reads back as %+v", tc.w, at, tc.stem, got)
		}
	}
}

// TestEntryLine checks entryLine against the plain rule: trailing spaces
// and carriage returns trimmed, and no entry on a line blank or starting
// with '#' once trimmed of every space.
func TestEntryLine(t *testing.T) {
	for _, line := range []string{"", " ", "\r", "\t", "#", "# x", " #x", "a", "a ", "a\r", " a", "\ta", "a\tsub=x",
		"a\tsub=x \r", "\u00a0a", "a\u00a0", "\u2003", "é", "aé", "\x01a", "a\x01", "#\u00a0", "\u00a0#", "a#", "\va\v", "a \r \r"} {
		plain := strings.TrimRight(line, " \r")
		tr := strings.TrimSpace(plain)
		wantOK := tr != "" && tr[0] != '#'
		got, ok := entryLine(line)
		if ok != wantOK || ok && got != plain {
			t.Errorf("entryLine(%q) = %q, %t; want %q, %t", line, got, ok, plain, wantOK)
		}
	}
}

// TestEntryKeys checks every entry's match keys against the plain rule:
// the word itself for an exact entry, a wildcard or a given name, else its
// stem.
func TestEntryKeys(t *testing.T) {
	for _, cat := range LexiconCategories {
		for _, e := range DefaultLexicon().Entries(cat) {
			if len(e.keys) != len(e.Words) {
				t.Fatalf("%s: %d keys for %d words", e.Where, len(e.keys), len(e.Words))
			}
			for i, w := range e.Words {
				want := w
				if !e.Exact && w != "*" && cat != LexGivenName {
					want = stem(w)
				}
				if e.keys[i] != want {
					t.Errorf("%s: key %q of %q, want %q", e.Where, e.keys[i], w, want)
				}
			}
		}
	}
}
