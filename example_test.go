package claimdiff_test

import (
	"fmt"
	"log"

	"github.com/claimdiff/claimdiff"
	"github.com/claimdiff/claimdiff/compare"
)

// Compare two outlets' reports of one event and find the first claim they
// share that one tells with a different label.
func ExampleCompareFiles() {
	r, err := claimdiff.CompareFiles("testdata/sets/drone_strike/northwind_wire.json", "testdata/sets/drone_strike/eastgate_herald.json")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Documents[0].Outlet, "vs", r.Documents[1].Outlet)
	for _, g := range r.Groups {
		for _, d := range g.Differences {
			if d.Kind == "label" && g.Verdict == "framing" {
				fmt.Printf("%s: %q vs %q\n", g.Verdict, compare.Texts(d.Values[g.Claims[0]]), compare.Texts(d.Values[g.Claims[1]]))
				return
			}
		}
	}
	// Output:
	// Northwind Wire vs Eastgate Herald
	// framing: ["militants"] vs ["terrorist"]
}
