// Package compare lines up the claims of several extracted documents about
// one event and builds a Report: which claims say the same thing, where they
// agree, where a fact conflicts, where only the framing differs, and what
// each outlet alone carries.
//
//	r := compare.Compare([]*extract.Document{a, b, c})
//	for _, g := range r.Groups {
//		fmt.Println(g.ID, g.Verdict, g.Claims)
//	}
//	r.WriteJSON(os.Stdout)
//
// Two claims are scored by a weighted overlap of what they say — content
// words weighted by rarity, names by shared key, numbers by value, dates by
// resolved value, near spellings — and the score keeps that evidence.
// Pairs are aligned greedily above a threshold (Threshold; default
// DefaultThreshold, calibrated on real cross-outlet sentence pairs); within
// articles a fitted model decides the pairs just under it from their
// context, and two claims compared without context (two documents of one
// or two claims each) are decided by the pair model, fitted on the same
// judged sentence pairs (PairModel). One claim may take two shorter
// partners, and the aligned pairs of all documents join into groups. Each
// group is diffed kind by kind into Differences with spans, and gets a
// Verdict: agree, framing, conflict, or related (same topic, not the same
// claim). Framing is compared in each outlet's own voice only; a label
// inside a quote is the speaker's.
//
// The JSON form of a Report is the contract of schema/report.schema.json; output is the
// same bytes for the same input. Reports also render as text, Markdown and
// a self-contained HTML page with the outlets side by side.
//
// Similarity is lexical: paraphrases that share few words are missed, and a
// shared topic can look like a shared claim; the README gives measured
// accuracy. A sentence-embedding model adds a semantic score (WithEmbedder,
// CompareContext; package embedproc runs one as a subprocess).
package compare
