package compare_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

// TestDetailPairsLargeGroup checks which pairs of documents a group lists
// added detail for: every pair up to 8 documents, each document with the
// first beyond (docs/report.md, "A group").
func TestDetailPairsLargeGroup(t *testing.T) {
	extras := []string{"crowded harbour", "wooden pier", "northern quarry", "frozen canal", "narrow tunnel",
		"copper mine", "stone bridge", "rusty crane", "empty warehouse", "distant lighthouse"}
	for _, n := range []int{3, 8, 9, 10} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var docs []*extract.Document
			for i := range n {
				text := fmt.Sprintf("Firefighters from Dalby rescued twelve miners trapped near the %s on Tuesday.", extras[i])
				docs = append(docs, extract.Extract(text, extract.WithOutlet(fmt.Sprintf("Outlet %d", i+1))))
			}
			r := compare.Compare(docs)
			if len(r.Groups) != 1 || len(r.Groups[0].Claims) != n {
				t.Fatalf("want one group of %d claims, got %+v", n, r.Groups)
			}
			var got []string
			for _, d := range r.Groups[0].Differences {
				if d.Kind != "detail" {
					continue
				}
				var pair []string
				for id := range d.Values {
					pair = append(pair, strings.Split(id, ".")[0])
				}
				if len(pair) != 2 {
					t.Fatalf("detail entry with %d sides: %+v", len(pair), d.Values)
				}
				if pair[0] > pair[1] {
					pair[0], pair[1] = pair[1], pair[0]
				}
				got = append(got, strings.Join(pair, "-"))
			}
			var want []string
			for x := 1; x <= n; x++ {
				for y := x + 1; y <= n; y++ {
					if x == 1 || n <= 8 {
						p := []string{fmt.Sprintf("d%d", x), fmt.Sprintf("d%d", y)}
						if p[0] > p[1] {
							p[0], p[1] = p[1], p[0]
						}
						want = append(want, strings.Join(p, "-"))
					}
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("detail pairs (-want +got):\n%s", diff)
			}
		})
	}
}
