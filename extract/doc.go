// Package extract turns one news article into a Document of annotated
// claims, every annotation pointing at exact bytes of the text it was given.
//
// A claim is a sentence. For each one extract finds its words with matching
// keys, the names in it (with a key that the variants of one name share:
// "Khalil al-Hayya", "al-Hayya" and "Hayya" all key to "hayya"; defined and
// common acronyms key with their expansion), numbers with the noun they
// count, dates resolved against the publication date ("Sept. 9" and
// "September 9" are 2025-09-09 in an article of 2025-11-21), direct quotes
// with their speaker, the claim's attribution ("The New York Times
// reported"), and framing markers — labels, scare quotes, distancing,
// attribution verbs with their stance, hedges, intensifiers, agentless
// passives — each in the outlet's own voice or a quoted speaker's.
//
//	doc := extract.Extract(text, extract.WithOutlet("Northwind Wire"), extract.WithPublished("2026-05-14"))
//	for _, c := range doc.Claims {
//		fmt.Println(c.ID, c.Text, len(c.Markers))
//	}
//
// Readers take plain text (ReadText), JSON or JSON lines (ReadJSON), saved
// web pages (ReadHTML), or a file by its extension (ReadFile). The text is
// never rewritten: glued sentences ("Saturday.Citing"), bylines ("By
// JNSU.S. President …"), date lines, wire datelines and feed footers are
// recognised by position and set aside in Document.Excluded with their
// spans.
//
// Word lists are data (the lexicon directory, embedded), each file naming
// its sources. DefaultLexicon returns them compiled; Lexicon.Extend and
// Lexicon.Replace build a new Lexicon from a researcher's own list, and
// WithLexicon uses it. A new kind of signal plugs in as a Detector.
//
// Extraction does not fail on text: empty text gives no claims, invalid
// UTF-8 bytes separate words (spans still index the original bytes), an
// unclosed quotation mark ends with its sentence, unpunctuated text is cut
// into claims of at most 3,000 bytes, and each such repair is recorded in
// Document.Notes. Only readers fail: on input over MaxInputBytes
// (ErrTooLarge), a JSON article without text (ErrNoText) or bad JSON
// (ErrBadJSON), with the line named for JSON lines. English only.
package extract
