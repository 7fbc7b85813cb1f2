package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanLines checks the line splitter against strings.SplitAfter on
// lines that fit the reader's buffer, lines that end exactly at its edge,
// lines several buffers long, blank lines and a last line without a
// newline; the callback's copy is what a caller may keep, since raw is
// reused.
func TestScanLines(t *testing.T) {
	const buf = 1 << 16
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"short", "a\nbb\n\nccc"},
		{"blank lines", "\n\n\n"},
		{"buffer edge", strings.Repeat("x", buf-1) + "\n" + strings.Repeat("y", buf) + "\n" + strings.Repeat("z", buf+1) + "\nend\n"},
		{"long lines", strings.Repeat("a", 3*buf+7) + "\nshort\n" + strings.Repeat("b", 5*buf) + "\n" + strings.Repeat("c", 2*buf)},
		{"long then short", strings.Repeat("q", 2*buf) + "\n1\n2\n"},
		{"past the kept buffer", strings.Repeat("m", maxKeptLine+3) + "\n" + strings.Repeat("k", 2*buf) + "\n" + strings.Repeat("j", maxKeptLine+9) + "\nx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			for _, l := range strings.SplitAfter(tt.in, "\n") {
				if l != "" {
					want = append(want, l)
				}
			}
			var got []string
			var nums []int
			err := ScanLines(strings.NewReader(tt.in), func(n int, raw []byte) error {
				got = append(got, string(raw))
				nums = append(nums, n)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%.2000s", diff)
			}
			for i, n := range nums {
				if n != i+1 {
					t.Fatalf("line %d numbered %d", i+1, n)
				}
			}
		})
	}
}

// TestScanLinesStops checks that fn's error ends the reading and comes
// back as it is.
func TestScanLinesStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := ScanLines(bytes.NewReader([]byte("a\nb\nc\n")), func(n int, raw []byte) error {
		calls++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 {
		t.Fatalf("err %v after %d calls, want stop after 2", err, calls)
	}
}
