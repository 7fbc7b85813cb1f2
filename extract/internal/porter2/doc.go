// Package porter2 is the English (Porter2) stemmer of
// github.com/kljensen/snowball v0.10.0, copied so that its suffix tests
// compare a suffix's bytes instead of converting the suffix to runes on
// every try (snowballword.go, hasSuffixIn): claimdiff stems every lexicon
// entry at start-up and every new word it reads, and the conversions were
// most of the stemmer's time and a third of the instructions of a small
// run's start. Stem gives the library's stems exactly
// (TestStemMatchesSnowball compares them).
//
// The copied files keep the library's code, apart from the package names,
// hasSuffixIn and what staticcheck asked of them (a redundant return,
// comparisons to false, an unused helper). The library's MIT licence is in
// the LICENSE file beside this one, as it asks.
package porter2
