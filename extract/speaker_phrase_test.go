package extract

import (
	"strings"
	"testing"
)

// TestCleanSpeaker checks the speaker phrases read around quotes: the
// words that name the speaker stay, the rest of the sentence goes, and a
// phrase that names no one gives "". Cases after the kinds met on real
// news, in our own words.
func TestCleanSpeaker(t *testing.T) {
	x := &extractor{lex: DefaultLexicon()}
	tests := []struct{ in, want string }{
		// Names, with what follows them in the sentence.
		{"Ortega in an interview on Radio Sur", "Ortega"},
		{"Mayor Ines Ramos on Friday", "Mayor Ines Ramos"},
		{"Ramos quickly", "Ramos"},
		{"Ramos later", "Ramos"},
		{"Councillor Ada Brandt earlier", "Councillor Ada Brandt"},
		{"Governor Lena Marsh said Tuesday Ortega's", "Governor Lena Marsh"},
		{"And Ortega himself", "Ortega"},
		{"But Ortega", "Ortega"},
		{"Ortega was quoted as", "Ortega"},
		// Names that hold lower-case words.
		{"Senator Dana Whitfield of Ohio", "Senator Dana Whitfield of Ohio"},
		{"Friends of the Valley Trust", "Friends of the Valley Trust"},
		{"League for Clean Rivers director Omar Tell", "League for Clean Rivers director Omar Tell"},
		{"Ramos campaign spokeswoman Ida Kern", "Ramos campaign spokeswoman Ida Kern"},
		{"Ortega's lawyer", "Ortega's lawyer"},
		// Descriptions.
		{"the minister", "the minister"},
		{"a spokesman for the port authority", "a spokesman for the port authority"},
		{"The city council report disputed", "The city council report"},
		{"his lawyers have", "his lawyers"},
		{"A statement from the", "A statement"},
		{"military officials", "military officials"},
		{"union leader Omar Tell", "union leader Omar Tell"},
		{"she", "she"},
		{"And he", "he"},
		// No one.
		{"the", ""},
		{"2019", ""},
		{"in order to win the vote", ""},
		{"including", ""},
		{"telling", ""},
		{"indirectly", ""},
		{"we have to stop", ""},
		{"he defended his plan", ""},
		{"said the figures", ""},
		{"Asked whether he was", ""},
		{"Speaking to", ""},
		{"budget the city must pass", ""},
		{"", ""},
		// The review's cases.
		{"the first lady", "the first lady"},
		{"he told", "he"},
		{"He repeatedly", "He"},
		{"Also Al Ortega", "Al Ortega"},
		{"NOW President Ines Ramos", "NOW President Ines Ramos"},
		{"Fleming", "Fleming"},
		{"Manning told", "Manning"},
	}
	for _, tt := range tests {
		if got := x.cleanSpeaker(tt.in); got != tt.want {
			t.Errorf("cleanSpeaker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFieldsOf: the words fieldsOf finds, and their offsets, are those of
// strings.Fields, on every kind of space it tells apart (ASCII, beyond
// ASCII, invalid UTF-8).
func TestFieldsOf(t *testing.T) {
	for _, s := range []string{
		"", "  ", "Trump", " said  the\tminister\n", "a\vb\fc\rd",
		"Zoë\u00a0Brontë\u0085spoke", "x\u2003y\u3000z", "bad\xffbyte \xc3", "„quoted“  words ",
	} {
		got := fieldsOf(nil, s)
		want := strings.Fields(s)
		if len(got) != len(want) {
			t.Fatalf("%q: %d fields, want %d", s, len(got), len(want))
		}
		for k, f := range got {
			if f.text != want[k] || s[f.start:f.end] != f.text {
				t.Errorf("%q: field %d is %q at %d:%d, want %q", s, k, f.text, f.start, f.end, want[k])
			}
		}
	}
}
