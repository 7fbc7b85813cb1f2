package compare_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// CompareContext reports what Compare quietly works around: a nil
// document, an option out of range.
func ExampleCompareContext() {
	a := extract.Extract("The mayor of Telford resigned on Monday, officials said.")
	_, err := compare.CompareContext(context.Background(), []*extract.Document{a, nil})
	fmt.Println(errors.Is(err, compare.ErrNilDocument))
	_, err = compare.CompareContext(context.Background(), []*extract.Document{a}, compare.Threshold(-3))
	fmt.Println(err)
	r := compare.Compare([]*extract.Document{a, nil}, compare.Threshold(-3))
	fmt.Println(len(r.Documents), "document")
	// Output:
	// true
	// compare: invalid option: Threshold(-3) is outside (0, 1]
	// 1 document
}
