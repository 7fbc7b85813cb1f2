package extract

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Span is a half-open byte range [Start, End) into a document's original
// text. It marshals to JSON as a two-element array, as the report contract
// requires, so a researcher can slice the source with it directly.
type Span struct {
	Start, End int
}

// Len reports the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// MarshalJSON writes the span as [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, ']'), nil
}

// UnmarshalJSON reads a [start, end] array.
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Document is one article from one outlet: its metadata, its original text
// (never modified), the parts of that text that are not claims, and the
// annotated claims. Every span in a Document points into Text, but those of
// a headline given as metadata (Claim.SpanOf "title").
type Document struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // ISO date YYYY-MM-DD when known
	// PublishedInferred is true when the article gave no date and Published
	// was taken from the other articles of a comparison (see InferPublished).
	PublishedInferred bool       `json:"published_inferred,omitempty"`
	URL               string     `json:"url,omitempty"`
	Source            string     `json:"source,omitempty"` // where the text came from: a file name, file:line, or the input's own id
	Excluded          []Excluded `json:"excluded,omitempty"`
	// Headline is the claim the title makes (Role "headline", id "d1.h"),
	// kept apart from the body's claims; nil when there is no title.
	Headline *Claim  `json:"headline,omitempty"`
	Claims   []Claim `json:"claims"`
	// Notes records what was repaired or degraded while reading (invalid
	// UTF-8 replaced, an unclosed quote cut at its paragraph), so that no
	// repair is silent.
	Notes []string `json:"notes,omitempty"`

	// Text is the article text exactly as given; spans index into it.
	// It is not part of the JSON report (spans are enough to quote it and
	// the input is the researcher's own), but renderers use it.
	Text string `json:"-"`
	// KeptText repeats Text in the report when the spans do not index the
	// input's own bytes: for a web page they index the extracted text.
	KeptText string `json:"text,omitempty"`
}

// Excluded kinds: parts of the text that are kept out of the claims.
const (
	ExcludedHeadline    = "headline"
	ExcludedByline      = "byline"
	ExcludedDateline    = "dateline"
	ExcludedBoilerplate = "boilerplate"
)

// Excluded is a part of the text that is not a claim: a headline, a byline,
// a dateline or syndication boilerplate.
type Excluded struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Claim is the smallest statement claimdiff aligns: a sentence of the
// article with its annotations.
type Claim struct {
	ID          string       `json:"id"`
	Text        string       `json:"text"`
	Span        Span         `json:"span"`
	Attribution *Attribution `json:"attribution,omitempty"`
	Entities    []Entity     `json:"entities,omitempty"`
	Numbers     []Number     `json:"numbers,omitempty"`
	Dates       []Date       `json:"dates,omitempty"`
	Quotes      []Quote      `json:"quotes,omitempty"`
	Markers     []Marker     `json:"markers,omitempty"`
	// RepeatOf names an earlier claim of the same document that says the
	// same thing (a teaser lead repeated in the body). Comparison treats
	// the two as one.
	RepeatOf string `json:"repeat_of,omitempty"`
	// Role is "headline" for Document.Headline, empty for the body's claims.
	Role string `json:"role,omitempty"`
	// SpanOf is "title" when the spans of a headline index Document.Title
	// (a title given as metadata, not part of the text); empty when they
	// index the text, as every other span does.
	SpanOf string `json:"span_of,omitempty"`

	// Tokens are the words of the claim with their matching keys; they are
	// the raw material of comparison and too bulky for the report.
	Tokens []Token `json:"-"`
}

// Token is one word or number of a claim.
type Token struct {
	Text string // as in the source
	// Key is the matching form: lower case, apostrophes folded, possessive
	// stripped, stemmed unless the token is part of a name.
	Key    string
	Span   Span
	Entity bool // part of a named entity (never stemmed)
	Number bool // a numeral
	Stop   bool // a function word
	Quoted bool // inside a direct quote
}

// Entity is a name found in a claim. Key is shared by the variants of one
// name ("Khalil al-Hayya", "al-Hayya" and "Hayya" all key to "hayya"), and
// by a defined or common acronym and its expansion. A person keys by the
// family name, except where the document names two people of one family:
// then each keys "given family" ("hillary clinton", "william clinton"; a
// son "donald jr trump"), a bare "Clinton" or "Mrs. Clinton" takes the key
// of the person it means, and one the text leaves open keeps the family
// name.
//
// ResolvedFrom is set on an entity the text does not name where it stands
// but refers to: a description ("the governor", "the bureau") or a bare
// title ("the President") that the same document names elsewhere ("Gov.
// Jane Roe", "the F.B.I."). Text and Span are then the description's, Key
// the key of the name it refers to, and ResolvedFrom says which it was
// ("description" or "title"), so that outlets that name the actor in
// different ways still share its key.
type Entity struct {
	Text         string `json:"text"`
	Key          string `json:"key"`
	Span         Span   `json:"span"`
	ResolvedFrom string `json:"resolved_from,omitempty"`
}

// How a resolved entity was referred to.
const (
	ResolvedDescription = "description"
	ResolvedTitle       = "title"
)

// Number is a quantity found in a claim, with the noun it counts when that
// can be read ("20 remaining living hostages" counts hostages). A vague
// count is a range ("several thousand" is 3,000 to 9,000), a time of day
// has Unit UnitTime, and a year written as a number ("the 2016
// election") is none.
type Number struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	// Max is set for ranges ("10 to 15"): Value is the low end.
	Max  float64 `json:"max,omitempty"`
	Unit string  `json:"unit,omitempty"`
	Span Span    `json:"span"`
}

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Date is a date expression resolved against the publication date.
// Value is ISO 8601 at the given precision: 2025-09-09, 2025-W46, 2025-10,
// 2011. When the year cannot be known it is written XXXX (XXXX-09-09); when
// a relative date has no publication date to resolve against, Value is empty.
type Date struct {
	Text      string `json:"text"`
	Value     string `json:"value,omitempty"`
	Precision string `json:"precision"`
	Span      Span   `json:"span"`
	// Inferred is true when Value rests on a publication date the article
	// did not give (Document.PublishedInferred): "Friday" or "Sept. 9"
	// resolved against the date of the other articles compared.
	Inferred bool `json:"inferred,omitempty"`
}

// Quote is a direct quotation with its speaker and speech verb when the
// text names them. Span covers the quotation marks.
//
// Speaker is the name of who speaks when the document gives it: a pronoun
// ("she said") or a description ("the governor said") is resolved to the
// person the document names before, and SpeakerRef then keeps the words
// the text itself uses. A quote that continues a speaker's quote (“…,” she
// said. “…”; a paragraph opening with a quote after a quoted paragraph)
// carries that speaker.
type Quote struct {
	Text       string `json:"text"`
	Speaker    string `json:"speaker,omitempty"`
	SpeakerRef string `json:"speaker_ref,omitempty"`
	Verb       string `json:"verb,omitempty"`
	Span       Span   `json:"span"`
}

// Attribution says who a claim is attributed to and with which verb
// ("The New York Times reported", "according to regional media").
type Attribution struct {
	Source string `json:"source"`
	Verb   string `json:"verb"`
	Stance string `json:"stance,omitempty"`
	Span   Span   `json:"span"`
}

// Marker kinds.
const (
	KindLabel       = "label"
	KindScareQuote  = "scare_quote"
	KindDistancing  = "distancing"
	KindAttribution = "attribution"
	KindHedge       = "hedge"
	KindIntensifier = "intensifier"
	KindAgentless   = "agentless"
)

// MarkerKinds lists the marker kinds in the order reports show them.
var MarkerKinds = []string{KindLabel, KindScareQuote, KindDistancing, KindAttribution, KindHedge, KindIntensifier, KindAgentless}

// Voices: whose words a marker is in.
const (
	// VoiceOutlet is the outlet's own narration: the only voice that
	// framing differences and outlet profiles count.
	VoiceOutlet = "outlet"
	// VoiceQuoted is inside a direct quotation; Speaker names who speaks
	// when the text gives it.
	VoiceQuoted = "quoted"
	// VoiceReported is inside indirect speech: the complement of a
	// reporting verb with a named or described source ("The agency said
	// the plan may fail", "according to officials, …"); Speaker is that
	// source as the text words it. The reporting verb itself stays the
	// outlet's.
	VoiceReported = "reported"
)

// Attribution stances.
const (
	StanceNeutral    = "neutral"
	StanceDistancing = "distancing"
	StanceEndorsing  = "endorsing"
	StanceDenial     = "denial"
	// StanceLoaded is a verb that reports speech or an act with the
	// writer's verdict on it (slammed, derided, mocked, lashed out): a
	// report verb with a charged stance (Recasens et al. 2013), framing in
	// the outlet's voice.
	StanceLoaded = "loaded"
)

// Marker is one framing signal found in a claim, with the voice it is said
// in: the outlet's own words, a quoted speaker's, or a source's whose
// words the outlet reports in indirect speech.
type Marker struct {
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Stance  string `json:"stance,omitempty"`
	Voice   string `json:"voice"`
	Speaker string `json:"speaker,omitempty"`
	// RefersTo is what a label names when it can be read ("Hamas is a …
	// terrorist organization" labels Hamas).
	RefersTo string `json:"refers_to,omitempty"`
	// Rule names the lexicon entry or rule that fired, so a flag explains
	// itself ("hedge.txt:12", "scare-quote").
	Rule string `json:"rule,omitempty"`
	Span Span   `json:"span"`
}

// OutletVoice reports whether the marker is in the outlet's own voice.
func (m Marker) OutletVoice() bool { return m.Voice == VoiceOutlet }
