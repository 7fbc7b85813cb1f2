// Package claimdiff lines up the claims several news outlets make about the
// same event and shows, claim by claim, where they agree, where they
// conflict on a fact, and where they tell the same fact with different
// framing.
//
// Give it two or more articles (plain text, JSON, JSON lines or saved web
// pages) about one event. It returns a report that
//
//   - groups the claims that say the same thing across outlets (one long
//     sentence may match two shorter ones);
//   - gives each group a verdict: agree, framing (same facts, different
//     words), conflict (a number, date, place or yes/no differs) or related
//     (same topic, not the same claim);
//   - names every difference: labels ("terrorist organization" vs "the
//     group"), scare quotes, attribution verbs ("said" vs "claimed"), hedges
//     ("reportedly"), distancing ("so-called"), agentless passives, added
//     detail;
//   - lists what each outlet alone carries, with a framing profile per
//     outlet;
//   - keeps the outlet's own voice apart from words inside quotes: a label
//     in a quoted speaker's mouth is the speaker's;
//   - backs every flag with byte spans into the original text.
//
// The five-line use:
//
//	r, err := claimdiff.CompareFiles("outlet-a.txt", "outlet-b.json")
//	if err != nil {
//		log.Fatal(err)
//	}
//	r.WriteText(os.Stdout) // or WriteJSON, WriteMarkdown, WriteHTML
//
// The work is done by two packages: [extract] turns one article into a
// Document of annotated claims (sentences with their names, numbers, dates,
// quotes and speakers, attribution and framing markers), and [compare]
// aligns the claims of several documents into a Report. The JSON form of a
// Report is a stable contract (schema/report.schema.json) for research code in other
// languages; the claimdiff command writes it.
//
// What claimdiff is not: it reads English, by rules and word lists, not by a
// trained language model (its few fitted models are small logistic
// regressions over its own measures, with their data in the package). Its
// similarity is lexical (rarity-weighted shared words, names, numbers and
// dates, with spelling variants), so paraphrases that share few words are
// missed and a shared topic can look like a shared claim; the README gives
// its measured accuracy. Word lists are data
// (extract/lexicon) that a researcher can extend or replace without
// forking. Bad input degrades instead of failing: invalid UTF-8, unclosed
// quotes and unpunctuated text are read as well as they can be, and every
// repair is recorded in Document.Notes.
package claimdiff

import (
	"errors"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// ErrNoFiles is returned by CompareFiles when it is given no paths.
var ErrNoFiles = errors.New("claimdiff: no files to compare")

// CompareFiles reads article files (.txt, .json, .jsonl, .html) and compares
// them with the default settings. A .json or .jsonl file may hold several
// articles (JSON lines or an array). No paths is an error (ErrNoFiles); so is
// a file that cannot be read or is not text (extract.ErrNotText), and the
// error names the file. Use the extract and compare packages directly for
// options.
func CompareFiles(paths ...string) (*compare.Report, error) {
	if len(paths) == 0 {
		return nil, ErrNoFiles
	}
	var docs []*extract.Document
	for _, p := range paths {
		ds, err := extract.ReadFile(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, ds...)
	}
	return compare.Compare(docs), nil
}
