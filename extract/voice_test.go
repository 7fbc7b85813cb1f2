package extract_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/extract"
)

// TestReportedVoice checks whose voice a marker is in when the outlet
// reports speech indirectly, and when a quoted fragment belongs to the
// source the sentence before names.
func TestReportedVoice(t *testing.T) {
	type mk struct{ Kind, Text, Voice, Speaker string }
	tests := []struct {
		name, text string
		claim      int
		want       []mk
	}{
		{"that-complement", "The county clerk said the ballots may have been miscounted.", 0,
			[]mk{{"attribution", "said", "outlet", ""}, {"hedge", "may have", "reported", "The county clerk"}}},
		{"speech set after a colon", "The mayor wrote: the militants apparently fled.", 0,
			[]mk{{"attribution", "wrote", "outlet", ""}, {"label", "the militants", "quoted", "The mayor"}, {"hedge", "apparently", "quoted", "The mayor"}}},
		{"speech after a participle and a colon", "The union answered on Tuesday, saying: the thugs were apparently paid.", 0,
			[]mk{{"attribution", "saying", "outlet", ""}, {"label", "the thugs", "quoted", "The union"}, {"hedge", "apparently", "quoted", "The union"}}},
		{"source after the report", "Two men were beaten in police custody overnight, their lawyers said.", 0,
			[]mk{{"agentless", "were beaten", "reported", "their lawyers"}, {"attribution", "said", "outlet", ""}}},
		{"according to", "According to the port authority, the ship was apparently forced to turn back.", 0,
			[]mk{{"attribution", "According to", "outlet", ""}, {"agentless", "was apparently forced", "reported", "the port authority"}, {"hedge", "apparently", "reported", "the port authority"}}},
		{"aside between commas", "Then, the manager said, the cleaners were accused of sleeping on duty.", 0,
			[]mk{{"attribution", "said", "outlet", ""}, {"agentless", "were accused", "reported", "the manager"}, {"attribution", "accused", "reported", "the manager"}}},
		{"narration after a comma", "“We are ready,” the coach said, as the team apparently rested its captain.", 0,
			[]mk{{"attribution", "said", "outlet", ""}, {"hedge", "apparently", "outlet", ""}}},
		{"coordinated verb stays the outlet's", "The mayor confirmed the closure but insisted the budget may have recovered.", 0,
			[]mk{{"attribution", "confirmed", "outlet", ""}, {"attribution", "insisted", "outlet", ""}, {"hedge", "may have", "reported", "The mayor"}}},
		{"second verb of the subject", "The mayor toured the dam and said the spillway may have cracked.", 0,
			[]mk{{"attribution", "said", "outlet", ""}, {"hedge", "may have", "reported", "The mayor"}}},
		{"wording of a paraphrase is the outlet's", "Witnesses said the thugs had attacked the stall.", 0,
			[]mk{{"attribution", "said", "outlet", ""}, {"label", "the thugs", "outlet", ""}}},
		{"own voice", "The bridge most likely reopens in May.", 0,
			[]mk{{"hedge", "most likely", "outlet", ""}}},
		{"fragment of the previous sentence's speaker", "“We will not retreat,” the mayor said. The plan is “final” for now.", 1,
			nil},
		{"fragment in the next paragraph", "“Costs will rise,” the treasurer said.\n\nThe increase would be “modest” this year.", 1,
			nil},
		{"quotation set as paragraphs, only the last closing", "The group posted a reply on its blog:\n\n“Expect trouble. They will come back.\n\nThe militants apparently fled. Act now.”\n\nThe mayor said nothing.", 2,
			[]mk{{"label", "The militants", "quoted", ""}, {"hedge", "apparently", "quoted", ""}}},
		{"paragraph after a verb of saying and a colon", "The senator railed on social media, saying:\n\nThe judge apparently hates me. Resign!\n\nThe court declined to comment.", 0,
			[]mk{{"hedge", "apparently", "quoted", "The senator"}}},
		{"embedded post before its signature", "The president apparently says the thugs were paid. pic.twitter.com/x1 — Morning Desk (@MorningDesk) May 4, 2019\n\nThe clip spread.", 0,
			[]mk{{"hedge", "apparently", "quoted", "Morning Desk"}, {"attribution", "says", "quoted", "Morning Desk"}, {"label", "the thugs", "quoted", "Morning Desk"}}},
		{"complementizer is no part of the label", "The governor warned that radical groups were recruiting.", 0,
			[]mk{{"attribution", "warned", "outlet", ""}, {"label", "radical groups", "outlet", ""}}},
		{"fragment with no source nearby", "The plan is “final” for now.", 0,
			[]mk{{"scare_quote", "“final”", "outlet", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			var got []mk
			for _, m := range d.Claims[tt.claim].Markers {
				if m.Kind == extract.KindIntensifier || m.Rule != "" && strings.HasPrefix(m.Rule, "loaded.txt") {
					continue
				}
				got = append(got, mk{m.Kind, m.Text, m.Voice, m.Speaker})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("markers (-want +got):\n%s", diff)
			}
		})
	}
}
