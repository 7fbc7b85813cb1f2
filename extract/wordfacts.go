package extract

import (
	"strings"
	"sync"
)

// wordFacts is what extraction asks about one lower-case word form at
// every token: its stem, whether it is a stop word or a number word, and
// which lexicon entries can start at it, by category. They are looked up
// once per word form for the process (per lexicon) and then read with one
// map look-up per token, where each was a look-up of its own.
type wordFacts struct {
	stem    string
	stop    bool
	numWord bool
	// The date words findDates reads: the month a month name stands
	// for (0: none; every month is ≥ 1), the weekday (time.Weekday, 0
	// also for a word that is none), and whether the word speaks of the
	// future.
	month, weekday int
	future         bool
	// byKey and byLow are the lexicon's starts for the stem and, when it
	// differs, for the form itself (Lexicon.starts); nil when none.
	byKey, byLow [][]*Entry
}

// wordTable memoises wordFacts for one lexicon. Past maxStemCache forms
// (text in another language, random tokens) it starts over rather than
// grow.
type wordTable struct {
	sync.RWMutex
	m map[string]*wordFacts
}

// facts returns the facts of the lower-case word form low.
func (l *Lexicon) facts(low string) *wordFacts {
	t := l.table
	if t == nil {
		// A Lexicon made as a literal, not by NewLexicon: it has no
		// entries to index and no table; answer without memoising.
		return l.newFacts(low)
	}
	t.RLock()
	f, ok := t.m[low]
	t.RUnlock()
	if ok {
		return f
	}
	f = l.newFacts(low)
	t.Lock()
	if len(t.m) >= maxStemCache {
		t.m = make(map[string]*wordFacts, maxStemCache/4)
	}
	// low may point into a whole article: keep a copy, not the article.
	t.m[strings.Clone(low)] = f
	t.Unlock()
	return f
}

// newFacts works out the facts of the lower-case word form low.
func (l *Lexicon) newFacts(low string) *wordFacts {
	f := &wordFacts{stem: strings.Clone(cachedStem(low)), numWord: numberWords[low] > 0,
		month: monthNames[low], weekday: weekdays[low], future: futureWords[low]}
	f.stop = l.Has(LexStopword, low)
	f.byKey = l.starts[f.stem]
	if low != f.stem {
		f.byLow = l.starts[low]
	}
	return f
}
