package extract

import (
	"fmt"
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
	collect := func(each func(string, func(string, int)), file string) string {
		var sb strings.Builder
		each(file, func(w string, n int) { fmt.Fprintf(&sb, "%q %d\n", w, n) })
		return sb.String()
	}
	for _, file := range files {
		if got, want := collect(eachCounted, file), collect(plainCounted, file); got != want {
			t.Errorf("file %q: got\n%s\nwant\n%s", file[:min(len(file), 80)], got, want)
		}
	}
}

// TestDecodeStemPlain checks decodeStem against the plain rule.
func TestDecodeStemPlain(t *testing.T) {
	for _, w := range []string{"", "a", "running", "abcdefghijklmnopqrstuvwxyz"} {
		for _, line := range []string{"", "=", "=run", "0", "1", "3", "7", "07", "+3", "-3", "26", "27",
			"99999999999999999999", "3x", " 3", "3\r"} {
			if got, want := decodeStem(w, line), plainDecodeStem(w, line); got != want {
				t.Errorf("decodeStem(%q, %q) = %q, want %q", w, line, got, want)
			}
		}
	}
}
