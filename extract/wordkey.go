package extract

// WordKey returns the form a word that is not part of a name is matched
// in, as Token.Key holds it for such a word: lower case, apostrophes
// folded, possessive stripped, acronym dots removed, stemmed. It lets a
// comparison key a part of a token the same way ("double" of
// "double-dip" and the token "double").
func WordKey(w string) string {
	return cachedStem(lowerKey(w))
}
