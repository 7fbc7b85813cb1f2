package extract_test

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/extract"
)

func ExampleExtract() {
	text := "By Jane Doe\n\n" +
		"The Israel Defense Forces said on Wednesday that 14 people were killed. " +
		"“We are investigating,” a spokesman said."
	d := extract.Extract(text, extract.WithPublished("2025-11-21"))
	fmt.Println(d.Excluded[0].Kind+":", d.Excluded[0].Text)
	for _, c := range d.Claims {
		fmt.Printf("%s %v %s\n", c.ID, c.Span, c.Text)
		for _, e := range c.Entities {
			fmt.Printf("  entity %q key %q\n", e.Text, e.Key)
		}
		for _, n := range c.Numbers {
			fmt.Printf("  number %q = %v %s\n", n.Text, n.Value, n.Unit)
		}
		for _, dt := range c.Dates {
			fmt.Printf("  date %q = %s\n", dt.Text, dt.Value)
		}
		for _, q := range c.Quotes {
			fmt.Printf("  quote %q by %q\n", q.Text, q.Speaker)
		}
		for _, m := range c.Markers {
			fmt.Printf("  %s %q (%s)\n", m.Kind, m.Text, m.Voice)
		}
	}
	// Output:
	// byline: By Jane Doe
	// d1.c1 {13 84} The Israel Defense Forces said on Wednesday that 14 people were killed.
	//   entity "Israel Defense Forces" key "idf"
	//   number "14" = 14 people
	//   date "Wednesday" = 2025-11-19
	//   attribution "said" (outlet)
	// d1.c2 {85 130} “We are investigating,” a spokesman said.
	//   quote "We are investigating" by "a spokesman"
	//   attribution "said" (outlet)
}

func ExampleReadJSON() {
	in := `{"outlet":"Harbour Daily","published":"2024-03-05","text":"Heavy rain flooded 40 homes in Portsmouth on Monday."}
{"outlet":"Coast FM","published":"2024-03-06","text":"Forty homes were flooded, the council said."}
`
	docs, err := extract.ReadJSON(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range docs {
		c := d.Claims[0]
		fmt.Printf("%s (%s): %s\n", d.Outlet, d.Published, c.Text)
		for _, n := range c.Numbers {
			fmt.Printf("  %q = %v %s\n", n.Text, n.Value, n.Unit)
		}
		for _, dt := range c.Dates {
			fmt.Printf("  %q = %s\n", dt.Text, dt.Value)
		}
	}
	// Output:
	// Harbour Daily (2024-03-05): Heavy rain flooded 40 homes in Portsmouth on Monday.
	//   "40" = 40 homes
	//   "Monday" = 2024-03-04
	// Coast FM (2024-03-06): Forty homes were flooded, the council said.
	//   "Forty" = 40 homes
}

// A researcher adds their own label list to the default lexicon. (The
// default list already holds "rogue state"; a researcher's list adds what
// it lacks.)
func ExampleLexicon_Extend() {
	mylabels := "rogue state\tsub=actor\nbanana republic\tsub=place\n"
	lex, err := extract.DefaultLexicon().Extend("label", "mylabels.txt", strings.NewReader(mylabels))
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "The senator described the country as a banana republic during the debate."
	for _, opts := range [][]extract.Option{nil, {extract.WithLexicon(lex)}} {
		d := extract.Extract(text, opts...)
		n := 0
		for _, m := range d.Claims[0].Markers {
			if m.Kind == extract.KindLabel {
				fmt.Printf("%s %q rule %s\n", m.Kind, m.Text, m.Rule)
				n++
			}
		}
		if n == 0 {
			fmt.Println("no label")
		}
	}
	// Output:
	// no label
	// label "a banana republic" rule mylabels.txt:2
}

func ExampleWithDetector() {
	// A detector that flags "unprecedented", a word the researcher studies.
	flagUnprecedented := extract.DetectorFunc(func(s extract.Sentence) []extract.Marker {
		var out []extract.Marker
		c := s.Claim
		for i := 0; ; {
			k := strings.Index(strings.ToLower(c.Text[i:]), "unprecedented")
			if k < 0 {
				return out
			}
			start := c.Span.Start + i + k
			out = append(out, extract.Marker{
				Kind: "buzzword",
				Span: extract.Span{Start: start, End: start + len("unprecedented")},
				Rule: "my-detector",
			})
			i += k + len("unprecedented")
		}
	})
	text := "Officials called the flooding unprecedented. “It is unprecedented,” the mayor said."
	d := extract.Extract(text, extract.WithDetector(flagUnprecedented))
	for _, c := range d.Claims {
		for _, m := range c.Markers {
			if m.Kind == "buzzword" {
				fmt.Printf("%s %q %v voice=%s speaker=%q\n", c.ID, m.Text, m.Span, m.Voice, m.Speaker)
			}
		}
	}
	// Output:
	// d1.c1 "unprecedented" {30 43} voice=outlet speaker=""
	// d1.c2 "unprecedented" {54 67} voice=quoted speaker="the mayor"
}
