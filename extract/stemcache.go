package extract

import (
	"strings"
	"sync"
)

// maxStemCache bounds the process-wide stem cache: English news uses a
// few tens of thousands of word forms, and past the bound (text in
// another language, random tokens) the cache starts over rather than grow.
const maxStemCache = 1 << 18

// stemCache memoises Snowball stems for the whole process: every article
// repeats the words of the ones before it, and stemming was a fifth of
// extraction when each document kept its own memo.
var stemCache = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// cachedStem is stem(w), memoised across documents and goroutines.
func cachedStem(w string) string {
	if numeral(w) {
		// "2,500", "1990", "9-11": the stemmer takes off letters and
		// apostrophes only (TestNumeralStem), and numbers are a
		// stream of new forms the memo would keep.
		return w
	}
	if s := backgroundStem(w); s != "" {
		// A common word: its stem is in the background list's
		// stems file, a look-up the count's needs anyway.
		return s
	}
	stemCache.RLock()
	s, ok := stemCache.m[w]
	stemCache.RUnlock()
	if ok {
		return s
	}
	s = stem(w)
	stemCache.Lock()
	if len(stemCache.m) >= maxStemCache {
		stemCache.m = make(map[string]string, maxStemCache/4)
	}
	// w may point into a whole article: keep a copy, not the article.
	stemCache.m[strings.Clone(w)] = strings.Clone(s)
	stemCache.Unlock()
	return s
}

// numeral reports a word of ASCII digits, commas, dots and hyphens,
// which stem leaves as it is.
func numeral(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('0' <= c && c <= '9' || c == ',' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}
