package extract

// carver hands out a document's small slices (a claim's markers, quotes,
// dates and numbers, and its attribution) cut from a few larger arrays of
// its own, capacity capped at length, where each claim grew its own from
// nil: a growslice for each claim that had one, two or more for the many
// with several.
// The arrays belong to one document (an extractor's, never the pooled
// scratch's), since its claims keep them; they double from 8 elements up
// to 64, so that little of the last one goes unused (BenchmarkExtractBasil
// allocates 2% more bytes than with a slice per claim, in 7% fewer
// allocations).
type carver[T any] struct {
	buf []T
}

// copyOf returns a copy of s cut from the carver's array, nil when s is
// empty (as a slice appended to from nil was).
func (c *carver[T]) copyOf(s []T) []T {
	if len(s) == 0 {
		return nil
	}
	if cap(c.buf)-len(c.buf) < len(s) {
		c.buf = make([]T, 0, max(min(2*cap(c.buf), 64), 8, len(s)))
	}
	n := len(c.buf)
	c.buf = append(c.buf, s...)
	return c.buf[n:len(c.buf):len(c.buf)]
}

// one returns a pointer to a copy of v in the carver's array.
func (c *carver[T]) one(v T) *T {
	if len(c.buf) == cap(c.buf) {
		c.buf = make([]T, 0, max(min(2*cap(c.buf), 64), 8))
	}
	c.buf = append(c.buf, v)
	return &c.buf[len(c.buf)-1]
}
