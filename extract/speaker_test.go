package extract_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/extract"
)

// spk is a quote as the speaker tests see it.
type spk struct{ Text, Speaker, Ref string }

// TestSpeakers checks who speaks each quote once the whole document is
// read: continuing quotes, quotes across paragraphs, honorifics,
// appositives, party tags, pronouns that resolve only to people, and
// descriptions the document names elsewhere. Each case is a bug met on real
// news, told in our own words.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		claim      string // a substring of the claim to check
		want       []spk
	}{
		{"second quote of a paragraph continues the first",
			"“The fence will not stop anyone,” Ramos told reporters. “It is money thrown away.”",
			"money thrown", []spk{{"It is money thrown away", "Ramos", ""}}},
		{"paragraph opening with a quote after a quoted paragraph",
			"Former mayor Ines Ramos spoke on Monday.\n\n“We were ready,” she added.\n\n“Nobody asked us.”",
			"Nobody", []spk{{"Nobody asked us", "Ines Ramos", ""}}},
		{"quote running across paragraphs",
			"Councillor Ada Brandt defended the budget.\n\n“We cut what we could. The parks stay open.\n\n“The pools close in winter,” Brandt said.",
			"parks stay", []spk{{"We cut what we could. The parks stay open", "Brandt", ""}}},
		{"honorific before the name",
			"“I asked the agency to publish the files,” Mrs. Okafor wrote in a post.",
			"publish", []spk{{"I asked the agency to publish the files", "Mrs. Okafor", ""}}},
		{"appositive between name and verb",
			"“This is alarming,” Senator Dana Whitfield of Ohio, the senior Republican on the panel, said on Tuesday.",
			"alarming", []spk{{"This is alarming", "Senator Dana Whitfield of Ohio", ""}}},
		{"question mark before the attribution sentence",
			"“Who will pay for the bridge?” Ortega asked.",
			"bridge", []spk{{"Who will pay for the bridge?", "Ortega", ""}}},
		{"pronoun skips groups, openers and outlets for a person",
			"Senator Ana Ruiz spoke after the vote. Republicans blocked the bill, CNN reported. “We will be back,” she said.",
			"back", []spk{{"We will be back", "Ana Ruiz", "she"}}},
		{"pronoun skips names inside quotes",
			"Lena Voss criticised the plan. “Mr. Hale promised schools and built a car park,” she said.",
			"car park", []spk{{"Mr. Hale promised schools and built a car park", "Lena Voss", "she"}}},
		{"pronoun of the other gender is skipped",
			"Mr. Cole met Mrs. Diaz on Friday. “We agreed on nothing,” she said.",
			"agreed", []spk{{"We agreed on nothing", "Diaz", "she"}}},
		{"a pronoun far from the name continues the same pronoun's speaker",
			"Judge Mara Olsen gave a rare interview on Monday. The first case was about water. The second was about land. " +
				"The third was about schools. Each took years. “The court is tired,” she said. Lawyers filed hundreds of briefs. " +
				"The rulings came late. Appeals followed. Costs rose. Staff left. “We cannot work like this,” she said.",
			"work like this", []spk{{"We cannot work like this", "Mara Olsen", "she"}}},
		{"trap: a woman named nearer than the chain takes the pronoun",
			"Judge Mara Olsen gave a rare interview on Monday. The first case was about water. The second was about land. " +
				"The third was about schools. Each took years. “The court is tired,” she said. Lawyers filed hundreds of briefs. " +
				"The rulings came late. Appeals followed. Costs rose. Staff left. Mayor Ida Kern disagreed. “We cannot work like this,” she said.",
			"work like this", []spk{{"We cannot work like this", "Ida Kern", "she"}}},
		{"a pronoun refers back from where it stands, not from its participle",
			"Mayor Lena Brandt spoke on Monday. She criticised Governor Paul Ortiz over the budget, saying “the cuts hurt schools.”",
			"criticised", []spk{{"the cuts hurt schools", "Lena Brandt", "She"}}},
		{"a name after a sentence's subject pronoun is no subject",
			"Mayor Lena Brandt spoke on Monday. She said Governor Paul Ortiz had failed. Of the budget, she said, “It is empty.”",
			"empty", []spk{{"It is empty", "Lena Brandt", "she"}}},
		{"an opening participle is no subject",
			"Asked whether Governor Paul Ortiz had killed the plan, Mayor Ines Ramos did not give in, saying “we will try again.”",
			"try again", []spk{{"we will try again", "Mayor Ines Ramos", ""}}},
		{"a common given name tells the gender the text does not",
			"Governor Paul Ortiz criticised Senator Ruth Ames on Friday. “It is wrong,” she said.",
			"wrong", []spk{{"It is wrong", "Ruth Ames", "she"}}},
		{"a name as common for women as for men tells nothing",
			"Governor Terry Ortiz criticised Senator Paul Ames on Friday. “It is wrong,” she said.",
			"wrong", []spk{{"It is wrong", "Terry Ortiz", "she"}}},
		{"words that name no one give the sentence's subject", "Senator Ana Ruiz, the ranking Democrat on the panel, said on Friday that the panel is ready to use “whatever process we need.”",
			"whatever process", []spk{{"whatever process we need", "Ana Ruiz", ""}}},
		{"a description of someone brought in unnamed stays a description", "Senator Ana Ruiz spoke on Monday. A spokesperson for the senator's rival fired back. “She is wrong,” the spokesperson said.",
			"wrong", []spk{{"She is wrong", "the spokesperson", ""}}},
		{"description resolved to the name given before",
			"Gov. Lena Marsh signed the bill on Friday. “It protects every family,” the governor said.",
			"protects", []spk{{"It protects every family", "Lena Marsh", "the governor"}}},
		{"description from an appositive",
			"Mr. Varga, the party’s nominee, toured the port. “Jobs come first,” the nominee said.",
			"Jobs", []spk{{"Jobs come first", "Varga", "the nominee"}}},
		{"participle after an opening phrase speaks for the subject",
			"Asked about the delay, Mr. Ortega shrugged, saying “we are close to a deal.”",
			"delay", []spk{{"we are close to a deal", "Mr. Ortega", ""}}},
		{"nested quote belongs to the outer one",
			"“They called it a “reform,” but it was a cut,” Ruiz said.",
			"reform", []spk{{"They called it a “reform,” but it was a cut", "Ruiz", ""}}},
		{"a short quote that makes a sentence is speech",
			"“Our town deserves better,” the mayor said. “Enough.”",
			"Enough", []spk{{"Enough", "the mayor", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			c := claimWith(t, d, tt.claim)
			var got []spk
			for _, q := range c.Quotes {
				got = append(got, spk{q.Text, q.Speaker, q.SpeakerRef})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("quotes of %q (-want +got):\n%s", c.Text, diff)
			}
		})
	}
}

// TestScareQuotesAndReportedSpeech checks that a quoted word is a scare
// quote only when the outlet holds it at a distance with no speaker: not a
// word a named speaker said, not a name or a title, not a sentence of its
// own.
func TestScareQuotesAndReportedSpeech(t *testing.T) {
	tests := []struct {
		name, text string
		scare      []string // the scare quotes, marks included
	}{
		{"outlet's own distance", "The agency’s “temporary” fix lasted a decade.", []string{"“temporary”"}},
		{"word of a speaker the sentence names", "The mayor told the council the plan was “reckless.”", nil},
		{"word of a speaker inside a phrase", "Ms. Lund said it “undermines” the whole settlement.", nil},
		{"speaker named after the sentence's quote", "His condition went from “grave” to “stable” overnight, a hospital spokesman said.", nil},
		{"according to", "The fund spent the money on “outreach,” according to the audit.", nil},
		{"name of a law", "Lawmakers passed the “Clean Rivers Act” on Monday.", nil},
		{"title of a book", "Her book “Salt and Stone” sold well.", nil},
		{"title before the name of a show's star", "“Night Desk” host Ira Stone left the network.", nil},
		{"coordinated quotes after as", "She described the cuts as “cruel” and “pointless.”", nil},
		{"a whole short sentence", "He paused. “God help us.” The room went quiet.", nil},
		{"first-person words", "Marchers chanted as “we will not move” became their slogan.", nil},
		{"name a speaker gives", "The senator branded it the “Tax Grab Act” in every speech.", nil},
		{"nickname before a name", "Fans cheered for “Iron” Mike Dorsey in Dorsey’s last fight.", nil},
		{"kind of vote", "The nominee needs 60 “yes” votes to pass.", nil},
		{"outlet's habit survives reported speech", "The “Northern” army shelled the town. Officials said the “Northern” units withdrew.",
			[]string{"“Northern”", "“Northern”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			var got []string
			for _, c := range d.Claims {
				for _, m := range c.Markers {
					if m.Kind == extract.KindScareQuote {
						got = append(got, m.Text)
					}
				}
			}
			if diff := cmp.Diff(tt.scare, got); diff != "" {
				t.Errorf("scare quotes of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestResolvedEntities checks that a description or bare title the
// document names elsewhere joins the claim's entities with the key of that
// name, marked resolved_from, and that variants of one name meet.
func TestResolvedEntities(t *testing.T) {
	type rent struct{ Text, Key, From string }
	tests := []struct {
		name, text, claim string
		want              []rent
	}{
		{"the bureau is the FBI", "The Federal Bureau of Investigation opened a file. The bureau declined to comment.",
			"declined", []rent{{"The bureau", "fbi", "description"}}},
		{"the F.B.I. and FBI meet", "The F.B.I. opened a file. Later the FBI closed it.",
			"Later", []rent{{"FBI", "fbi", ""}}},
		{"the governor is the governor named before", "Gov. Lena Marsh vetoed the bill. Critics said the governor ignored the vote.",
			"Critics", []rent{{"the governor", "marsh", "description"}}},
		{"a bare title", "President Ilse Varga arrived on Monday. Aides said the President was tired.",
			"Aides", []rent{{"the President", "varga", "title"}}},
		{"the group named by an appositive", "Hamid Aziz leads Green Hands, the environmental group, since May. The group sued the city.",
			"sued", []rent{{"The group", "hands", "description"}}},
		{"Ms. Page and Lisa Page meet", "Lisa Page testified on Monday. Ms. Page left early.",
			"left", []rent{{"Ms. Page", "page", ""}}},
		{"trap: a description of someone new stays unresolved", "Gov. Lena Marsh spoke. The president of the club disagreed.",
			"club", nil},
		{"trap: a vice president is no president", "Vice President Omar Tell spoke. The president was abroad.",
			"abroad", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			c := claimWith(t, d, tt.claim)
			var got []rent
			for _, e := range c.Entities {
				if strings.Contains(tt.claim, e.Text) {
					continue // the claim's own words chosen to find it
				}
				got = append(got, rent{e.Text, e.Key, e.ResolvedFrom})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("entities of %q (-want +got):\n%s", c.Text, diff)
			}
		})
	}
}
