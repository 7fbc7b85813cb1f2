package porter2

// Applies transformations necessary after
// a word has been completely processed.
func postprocess(word *snowballWord) {

	uncapitalizeYs(word)
}
