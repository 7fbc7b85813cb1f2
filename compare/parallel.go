package compare

import (
	"runtime"
	"sync"
)

// large reports a comparison big enough to split across cores (see
// parallelClaims).
func large(feats [][]*claimFeatures) bool {
	n := 0
	for _, d := range feats {
		n += len(d)
	}
	return n >= parallelClaims
}

// each calls do(0) … do(n-1), on all cores when parallel is set. Each call
// must write only its own result, so the output does not depend on which
// worker ran it.
func each(n int, parallel bool, do func(i int)) {
	eachWith(n, parallel, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { do(i) })
}

// eachWith is each with state of its own for every worker (made by state),
// such as buffers that calls on one goroutine may reuse.
func eachWith[S any](n int, parallel bool, state func() S, do func(s S, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if !parallel || workers < 2 {
		s := state()
		for i := 0; i < n; i++ {
			do(s, i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := state()
			for i := range next {
				do(s, i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
