package extract

import "strings"

// WordKey returns the form a word that is not part of a name is matched
// in, as Token.Key holds it for such a word: lower case, apostrophes
// folded, possessive stripped, acronym dots removed, stemmed. It lets a
// comparison key a part of a token the same way ("double" of
// "double-dip" and the token "double").
func WordKey(w string) string {
	return cachedStem(lowerKey(w))
}

// KnownWord reports whether w, in any case, is a word of the background
// list (see BackgroundCount) once a possessive or an inflection (-s, -es,
// -ed, -ing) is taken off, so that a comparison knows "fundraisers" and
// "fundraiser's" as forms of a word of English. It looks up a few forms
// rather than stemming the list, which would cost every process a tenth of
// a second.
func KnownWord(w string) bool {
	w = strings.ToLower(w)
	for _, p := range []string{"'s", "\u2019s", "'", "\u2019"} {
		w = strings.TrimSuffix(w, p)
	}
	if BackgroundCount(w) > 0 {
		return true
	}
	for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 && BackgroundCount(b) > 0 {
			return true
		}
	}
	return false
}
