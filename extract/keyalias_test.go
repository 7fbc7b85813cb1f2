package extract

import (
	"testing"
	"unsafe"
)

// TestKeysOwnMemory checks that no token key and no number's unit (the
// lower-case forms of words) points into the article's text: a caller may
// keep them (an index of names or quantities over a long stream of
// articles) and drop the documents, and a string that shares the text's
// memory keeps the whole article alive. Token.Text and the other Text
// fields are slices of the text by design; a key or unit is the word
// table's copy, as it was before 2ad6a51 gave plain words their bytes in
// the text as their forms.
func TestKeysOwnMemory(t *testing.T) {
	text := "The Bank of America said on Tuesday that the chief of staff of the Port of Tyne had resigned. " +
		"Officials at the Bank of America declined to comment on the 2024 report by van der Berg, and 40 remaining workers left."
	d := Extract(text)
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	inText := func(s string) bool {
		if s == "" {
			return false
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return p >= start && p < start+uintptr(len(text))
	}
	entities, units := 0, 0
	for _, c := range d.Claims {
		for _, n := range c.Numbers {
			if n.Unit != "" {
				units++
			}
			if inText(n.Unit) {
				t.Errorf("%s: the unit %q of %q points into the text", c.ID, n.Unit, n.Text)
			}
		}
		for _, tk := range c.Tokens {
			if tk.Entity {
				entities++
			}
			if inText(tk.Key) {
				t.Errorf("%s: the key %q of token %q (entity %v) points into the text", c.ID, tk.Key, tk.Text, tk.Entity)
			}
		}
	}
	if entities == 0 || units == 0 {
		t.Fatalf("%d tokens of names, %d units: the test checks too little", entities, units)
	}
}
