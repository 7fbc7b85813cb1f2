package porter2

import (
	"unicode/utf8"
)

// Step 0 is to strip off apostrophes and "s".
func step0(w *snowballWord) bool {
	suffix := w.FirstSuffix("'s'", "'s", "'")
	if suffix == "" {
		return false
	}
	suffixLength := utf8.RuneCountInString(suffix)
	w.RemoveLastNRunes(suffixLength)
	return true
}
