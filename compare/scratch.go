package compare

import "unsafe"

// scratch is the memory a comparison's prepared claims live in: their
// feature lists and token keys are carved out of a few large chunks,
// which the next comparison to take the same table (featTable) uses
// again. Corpus mode compares a thousand small events; a slice per list
// per claim made most of what scoring allocated and the collector
// scanned. Nothing carved out of it may outlive the comparison: the
// report keeps strings and numbers, never these lists.
type scratch struct {
	uniq  []int32  // intern: the table ids of the comparison
	order []uint64 // claimFeatures.number: one claim's ids in order; sortByKey's integers
	// claimFeatures.number: a set of the comparison's ids, empty between
	// claims, and per id the position of its feature kept.
	seen  []uint64
	best  []int32
	byKey []preID // intern: the comparison's keys in order
	// byKeyTmp is sortByKey's scratch.
	byKeyTmp []preID

	i32 slab[int32]
	f64 slab[float64]
	str slab[string]
	raw slab[rawFeature]
	cfs slab[claimFeatures]
	key slab[featKey]
	lst slab[[]int32]
	// cohesive's clusters, and their lists of claims, joins and weak
	// pairs.
	cls slab[cluster]
	cfp slab[*claimFeatures]
	edg slab[edge]
	wk  slab[[2]*claimFeatures]
}

func (s *scratch) int32s(n int) []int32           { return s.i32.take(n) }
func (s *scratch) float64s(n int) []float64       { return s.f64.take(n) }
func (s *scratch) strings(n int) []string         { return s.str.take(n) }
func (s *scratch) rawFeatures(n int) []rawFeature { return s.raw.take(n) }
func (s *scratch) claimFeature() *claimFeatures   { return &s.cfs.take(1)[0] }

// release makes all of the scratch free again; zeroed, it holds no
// pointer into the finished comparison's documents, which can be freed.
func (s *scratch) release() {
	s.i32.reset()
	s.f64.reset()
	s.str.reset()
	s.raw.reset()
	s.cfs.reset()
	s.key.reset()
	s.lst.reset()
	s.cls.reset()
	s.cfp.reset()
	s.edg.reset()
	s.wk.reset()
}

// slabChunk is the largest size of a chunk, in elements; chunks start
// at slabFirst and double, so that comparing two short articles does not
// take a megabyte.
const (
	slabFirst = 256
	slabChunk = 4096
)

// maxSlabKept is how many bytes of chunks a slab keeps once its
// comparison is over: a large comparison's chunks beyond it are let go,
// so a table holds a few megabytes at most between comparisons.
const maxSlabKept = 2 << 20

// slab hands out slices carved from chunks, each slice with its capacity
// cut to its length, so that an append to one never writes into the next.
type slab[T any] struct {
	chunks [][]T // chunks[:next] are in use, the last of them partly
	next   int
}

// take returns n zero elements.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if s.next > 0 {
		c := &s.chunks[s.next-1]
		if l := len(*c); cap(*c)-l >= n {
			*c = (*c)[:l+n]
			return (*c)[l : l+n : l+n]
		}
	}
	// The next chunk, if one is kept and large enough; else a new one.
	if s.next < len(s.chunks) && cap(s.chunks[s.next]) >= n {
		c := &s.chunks[s.next]
		s.next++
		*c = (*c)[:n]
		return (*c)[:n:n]
	}
	c := make([]T, n, max(n, min(slabChunk, slabFirst<<len(s.chunks))))
	if s.next < len(s.chunks) {
		// Too small for n: the kept chunk makes way for a new one.
		s.chunks[s.next] = c
	} else {
		s.chunks = append(s.chunks, c)
	}
	s.next++
	return c[:n:n]
}

// reset makes every chunk free again, zeroing what was used (take hands
// out zero elements, and the chunks must hold no pointer from the last
// comparison). Chunks beyond maxSlabKept bytes are dropped.
func (s *slab[T]) reset() {
	kept := 0
	var zero T
	size := int(unsafe.Sizeof(zero))
	for i, c := range s.chunks {
		clear(c)
		kept += cap(c) * size
		if kept > maxSlabKept {
			clear(s.chunks[i:])
			s.chunks = s.chunks[:i]
			break
		}
		s.chunks[i] = c[:0]
	}
	s.next = 0
}
