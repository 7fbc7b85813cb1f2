package compare

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestIndentJSON checks indentJSON against json.Indent on values with
// every kind of token, empty containers and strings that hold JSON's
// punctuation and escapes.
func TestIndentJSON(t *testing.T) {
	for _, src := range []string{
		`{}`, `[]`, `"a"`, `12.5`, `true`, `null`,
		`{"a":[],"b":{},"c":[{}],"d":[[],[1,2]],"e":{"f":{"g":null}}}`,
		`["a,b","c:d","{[","]}","q\"uote","back\\\\slash\\",",","\u00e9\n\t"]`,
		`{"claims":[{"id":"d1.c1","span":[0,12],"tokens":[{"text":"He","key":"he","stop":true}],"markers":[]}],"x":-1e-7}`,
	} {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(src), "    ", "  "); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := indentJSON(nil, []byte(src), "    ", "  "); string(got) != want.String() {
			t.Errorf("indentJSON(%s)\n got %s\nwant %s", src, got, want.String())
		}
	}
}
