package extract

import "sync"

// WordKey returns the form a word that is not part of a name is matched
// in, as Token.Key holds it for such a word: lower case, apostrophes
// folded, possessive stripped, acronym dots removed, stemmed. It lets a
// comparison key a part of a token the same way ("double" of
// "double-dip" and the token "double").
func WordKey(w string) string {
	return cachedStem(lowerKey(w))
}

// knownKeys holds the keys (WordKey) of the background list's words.
var knownKeys = sync.OnceValue(func() map[string]bool {
	bgOnce.Do(loadBackground)
	m := make(map[string]bool, len(bgCount))
	for w := range bgCount {
		m[stem(lowerKey(w))] = true
	}
	return m
})

// KnownWordKey reports whether some word of the background list (the
// 30,000 most frequent words of SUBTLEX-US, see BackgroundCount) has the
// key k, so that a comparison knows "fundraisers" and "fundraiser's" as
// forms of a word of English by their key "fundrais".
func KnownWordKey(k string) bool {
	return knownKeys()[k]
}
