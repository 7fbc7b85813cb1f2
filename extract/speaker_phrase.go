package extract

import (
	"slices"
	"strings"
	"unicode"
)

// The words around a quote are read for its speaker by position ("…,” said
// X", "X said “…”"), and news syntax puts more than the speaker there:
// "said Trump in an interview on NBC", "And Trump himself lashed out",
// "Cruz quickly said", "…, including being called a “compromise”". A
// researcher reads the speaker field as who spoke, so cleanSpeaker keeps
// the noun phrase that names the speaker and gives up a phrase that names
// no one, rather than show a fragment of the sentence.

// speakerOpeners are conjunctions and sentence adverbs that open the words
// before a verb of saying without being part of the speaker ("And Trump
// said", "But also the mayor said").
var speakerOpeners = map[string]bool{"and": true, "but": true, "or": true, "so": true, "yet": true, "also": true,
	"then": true, "still": true, "now": true, "meanwhile": true}

// speakerDeterminers open a description of a speaker ("the minister", "a
// spokesman for the agency", "two officials", "his lawyer").
var speakerDeterminers = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "this": true, "that": true, "these": true, "those": true, "one": true, "two": true,
	"three": true, "some": true, "many": true, "several": true, "both": true, "each": true, "another": true,
	"other": true, "most": true, "all": true, "few": true, "every": true}

// speakerTimeWords follow a speaker's name without being part of it
// ("Nielsen earlier told", "Clinton first said"); the stop words and -ly
// adverbs are found by rule.
var speakerTimeWords = map[string]bool{"earlier": true, "later": true, "first": true, "last": true, "today": true,
	"yesterday": true, "tonight": true}

// nameJoiners join two capitalised parts of an organisation's name
// ("National Organization for Women", "Health and Human Services").
var nameJoiners = map[string]bool{"for": true, "and": true, "&": true}

// endsSpeaker reports a lower-case word that cannot continue a speaker's
// phrase: an -ly adverb, a past or present participle (five letters or
// more: "red", "ring" are no forms), a word of time (when time is set:
// "Nielsen earlier", not "the first lady") or a verb of saying in a finite
// form ("said", "tells", "wrote"; not the nouns "reporter",
// "report" that share its stem).
func (x *extractor) endsSpeaker(lw string, time bool) bool {
	return strings.HasSuffix(lw, "ly") || len(lw) > 4 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")) ||
		time && speakerTimeWords[lw] || saidForms[lw] || strings.HasSuffix(lw, "s") && x.isSpeechWord(lw)
}

// auxiliaries end a description before its verb ("his lawyers have").
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "may": true, "might": true, "must": true,
	"should": true, "does": true, "did": true, "do": true}

// saidForms are the irregular past forms of verbs of saying.
var saidForms = map[string]bool{"said": true, "told": true, "wrote": true, "spoke": true, "thought": true, "felt": true}

// cleanSpeaker returns the part of a speaker phrase that names the
// speaker, or "" when it names no one:
//   - an opening conjunction goes ("And Trump" → "Trump");
//   - a phrase that opens with a name ends before the first lower-case
//     word that is a function word, an -ly adverb, a verb of saying, a
//     participle or a word of time ("Trump in an interview", "Cruz
//     quickly", "Stone on Friday", "McConnell said Tuesday", "Nielsen
//     earlier" → the name), and keeps the role nouns between names ("Obama
//     campaign spokeswoman Lis Smith", "Stone's attorney") and "of the"
//     inside one ("Humane Society of the United States"); one that opens
//     with a participle before lower-case words ("Asked whether he was",
//     "Speaking to") names no one;
//   - a lower-case phrase names a speaker when it opens with a determiner
//     ("the minister", "a spokesman for the agency"), is a pronoun alone,
//     holds a name ("actor Ashton Kutcher"), or is a short group of
//     content words ("military officials"); a preposition, conjunction,
//     participle or adverb first ("in order to …", "including",
//     "telling", "indirectly"), a clause ("we have to …", "said the …")
//     or no letter at all ("2017") names no one.
func (x *extractor) cleanSpeaker(s string) string {
	lex := x.lex
	var buf [8]field
	words := fieldsOf(buf[:0], s)
	for len(words) > 1 && inLowerSet(speakerOpeners, words[0].text) && !allUpper(words[0].text) {
		words = words[1:] // "And Trump", not NOW (the organisation)
	}
	if len(words) == 0 || !hasLetter(words[0].text) {
		return ""
	}
	w0 := words[0].text
	// Mostly a capitalised name: lowered on the stack, not copied.
	var lb [maxLowered]byte
	first := string(lowerBytes(&lb, w0))
	if isCapitalized(w0) && !speakerDeterminers[first] && (!lex.Has(LexStopword, first) || allUpper(w0) && len(w0) > 1) {
		if len(words) > 1 && lex.Has(LexStopword, words[1].text) && isLowerWord(words[1].text) &&
			(strings.HasSuffix(first, "ed") || strings.HasSuffix(first, "ing")) && len(first) > 4 {
			// "Asked whether …", "Speaking to …": an opening participle
			// before a function word, not a name ("Fleming said").
			return ""
		}
		end := 1
		for ; end < len(words); end++ {
			w := words[end].text
			// A capitalised word or one without a letter never ends the
			// name: only the others are lowered (a copy of every name
			// word was most of cleanSpeaker's garbage).
			if isCapitalized(w) || !hasLetter(w) {
				continue
			}
			lw := strings.ToLower(strings.Trim(w, ",;:"))
			joins := isNameParticle(lw) || lw == "the" && words[end-1].text == "of" ||
				nameJoiners[lw] && end+1 < len(words) && isCapitalized(words[end+1].text)
			if !joins && (lex.Has(LexStopword, lw) || x.endsSpeaker(lw, true)) {
				break
			}
		}
		for end > 1 && (isNameParticle(strings.ToLower(words[end-1].text)) || strings.EqualFold(words[end-1].text, "the")) {
			end--
		}
		return phraseOf(s, words[:end])
	}
	if isPronoun(w0) {
		// "he told", "He repeatedly": the pronoun before its verb.
		if len(words) == 1 || len(words) == 2 && (auxiliaries[strings.ToLower(words[1].text)] || x.endsSpeaker(strings.ToLower(words[1].text), false)) {
			return w0
		}
		return ""
	}
	if speakerDeterminers[first] {
		// A description runs to a verb or adverb after it: "The White
		// House report disputed" is the report; "the first lady" keeps
		// its "first".
		end := 1
		for end < len(words) {
			w := words[end].text
			lw := strings.ToLower(strings.Trim(w, ",;:"))
			if !isCapitalized(w) && (x.endsSpeaker(lw, false) || auxiliaries[lw]) {
				break
			}
			end++
		}
		for end > 1 && lex.Has(LexStopword, strings.ToLower(words[end-1].text)) {
			end-- // "a statement from the"
		}
		if end == 1 {
			return "" // "the" alone
		}
		return phraseOf(s, words[:end])
	}
	if k := slices.IndexFunc(words, func(f field) bool { return isCapitalized(f.text) }); k > 0 {
		// Role nouns before a name ("actor Ashton Kutcher", "show host
		// Meredith Vieira"), the name last; not a clause that holds a
		// name ("war the United States must win").
		for _, f := range words[:k] {
			if lw := strings.ToLower(f.text); lex.Has(LexStopword, lw) || x.endsSpeaker(lw, true) {
				return ""
			}
		}
		for _, f := range words[k:] {
			if !isCapitalized(f.text) && hasLetter(f.text) && !isNameParticle(strings.ToLower(f.text)) {
				return ""
			}
		}
		return phraseOf(s, words)
	}
	if lex.Has(LexStopword, first) || strings.HasSuffix(first, "ly") || strings.HasSuffix(first, "ing") || strings.HasSuffix(first, "ed") || len(words) > 3 {
		return ""
	}
	for _, f := range words {
		if lex.Has(LexStopword, strings.ToLower(f.text)) {
			return ""
		}
	}
	return phraseOf(s, words)
}

// field is a word of a speaker phrase and where it stands in the phrase.
type field struct {
	text       string
	start, end int
}

// fieldsOf appends the words of s to out, split at white space as
// strings.Fields does, keeping each word's offsets. A speaker phrase is a
// few words: the caller's array on the stack holds them.
func fieldsOf(out []field, s string) []field {
	for start, end := nextField(s, 0); start < end; start, end = nextField(s, end) {
		out = append(out, field{s[start:end], start, end})
	}
	return out
}

// allUpper reports a word of capital letters only ("NOW", "AARP").
func allUpper(w string) bool {
	return hasLetter(w) && strings.ToUpper(w) == w
}

// phraseOf returns the text of s from the first of words to the end of
// the last, consecutive fields of s, with a trailing comma left off.
func phraseOf(s string, words []field) string {
	return strings.TrimRight(s[words[0].start:words[len(words)-1].end], ",;:")
}

// hasLetter reports a word with at least one letter.
func hasLetter(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}
