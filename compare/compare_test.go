package compare_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

// seeds reads the two real seed articles; the first gives no date, so it
// gets the other's publication date.
func seeds(t testing.TB) []*extract.Document {
	t.Helper()
	var docs []*extract.Document
	for _, name := range []string{"000_f806df4db212c27a.txt", "004_142b436908202848.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, extract.Extract(string(b), extract.WithSource(name), extract.WithPublished("2025-11-21")))
	}
	return docs
}

// groupOf returns the group holding a claim whose text contains snippet in
// document doc, and the claim's id.
func groupOf(r *compare.Report, doc int, snippet string) (*compare.Group, string) {
	for _, c := range r.Documents[doc].Claims {
		if !strings.Contains(c.Text, snippet) {
			continue
		}
		for i := range r.Groups {
			for _, id := range r.Groups[i].Claims {
				if id == c.ID {
					return &r.Groups[i], c.ID
				}
			}
		}
		return nil, c.ID
	}
	return nil, ""
}

func TestSeeds(t *testing.T) {
	r := compare.Compare(seeds(t))
	shareGroup := []struct{ name, a, b string }{
		{"planned meeting", "is planning an in-person meeting", "is expected to meet senior Hamas official"},
		{"son killed in Doha", "who was killed in the Israeli airstrike", "was killed in an"},
		{"Witkoff's son Andrew", "son Andrew died of an opioid overdose", "son Andrew died at age 22"},
	}
	for _, s := range shareGroup {
		ga, ida := groupOf(r, 0, s.a)
		gb, idb := groupOf(r, 1, s.b)
		if ga == nil || gb == nil || ga.ID != gb.ID || ga.Verdict == compare.VerdictRelated {
			t.Errorf("%s: %s and %s should share an aligned group; got %v and %v", s.name, ida, idb, ga, gb)
		}
	}
	if g, _ := groupOf(r, 0, "who was killed in the Israeli airstrike"); g != nil {
		for _, d := range g.Differences {
			if d.Kind == "date" {
				t.Errorf("Sept. 9 and September 9 are one date, got a date difference: %s", d.Explain)
			}
		}
	}
	unique := map[string]bool{}
	for _, id := range r.Unique {
		unique[id] = true
	}
	for _, snip := range []string{"struck what it described as a Hamas facility in southern Lebanon", "Hamas denied having any military infrastructure", "confirmed “13 dead", "The Lebanese National News Agency said", "released video footage of the strike"} {
		_, id := groupOf(r, 1, snip)
		if !unique[id] {
			t.Errorf("Lebanon-strike claim %s (%q) should be unique", id, snip)
		}
	}
	// "terrorist organization" in the first article surfaces as a label difference.
	found := false
	for _, g := range r.Groups {
		for _, d := range g.Differences {
			for _, vs := range d.Values {
				for _, v := range vs {
					if d.Kind == "label" && strings.Contains(v.Text, "terrorist organization") {
						found = true
					}
				}
			}
		}
	}
	if !found {
		t.Error(`"terrorist organization" should show up as a label difference`)
	}
}

func TestDeterministic(t *testing.T) {
	var out [2][]byte
	for i := range out {
		var buf bytes.Buffer
		if err := compare.Compare(seeds(t)).WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		out[i] = buf.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Fatal("two runs over the same input wrote different bytes")
	}
}

// TestJSONContract checks the report against the contract: the fields
// research code reads, ids, and spans that slice the original text.
func TestJSONContract(t *testing.T) {
	docs := seeds(t)
	r := compare.Compare(docs)
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version   int `json:"version"`
		Documents []struct {
			ID     string `json:"id"`
			Claims []struct {
				ID      string `json:"id"`
				Text    string `json:"text"`
				Span    [2]int `json:"span"`
				Markers []struct {
					Kind, Text, Voice string
					Span              [2]int
				} `json:"markers"`
			} `json:"claims"`
		} `json:"documents"`
		Groups []struct {
			ID, Verdict string
			Claims      []string
			Score       float64
			Evidence    struct{ Shared []string }
		} `json:"groups"`
		Unique  []string                   `json:"unique"`
		Outlets map[string]json.RawMessage `json:"outlets"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != compare.ReportVersion || len(got.Documents) != 2 || len(got.Outlets) != 2 {
		t.Fatalf("version %d, %d documents, %d outlets", got.Version, len(got.Documents), len(got.Outlets))
	}
	for di, d := range got.Documents {
		if d.ID != fmt.Sprintf("d%d", di+1) {
			t.Errorf("document id %q", d.ID)
		}
		text := docs[di].Text
		for ci, c := range d.Claims {
			if want := fmt.Sprintf("%s.c%d", d.ID, ci+1); c.ID != want {
				t.Errorf("claim id %q, want %q", c.ID, want)
			}
			if diff := cmp.Diff(text[c.Span[0]:c.Span[1]], c.Text); diff != "" {
				t.Errorf("%s: span does not slice the text (-span +text):\n%s", c.ID, diff)
			}
			for _, m := range c.Markers {
				if text[m.Span[0]:m.Span[1]] != m.Text || (m.Voice != "outlet" && m.Voice != "quoted" && m.Voice != "reported") {
					t.Errorf("%s: marker %+v", c.ID, m)
				}
			}
		}
	}
	// Every other span of the report slices its document's text too.
	for _, d := range r.Documents {
		for _, c := range d.Claims {
			for _, e := range c.Entities {
				checkSpan(t, d.Text, e.Span, e.Text, c.ID+" entity")
			}
			for _, n := range c.Numbers {
				checkSpan(t, d.Text, n.Span, n.Text, c.ID+" number")
			}
			for _, x := range c.Dates {
				checkSpan(t, d.Text, x.Span, x.Text, c.ID+" date")
			}
			for _, q := range c.Quotes {
				checkSpan(t, d.Text, q.Span, "", c.ID+" quote")
				if !strings.Contains(d.Text[q.Span.Start:q.Span.End], q.Text) {
					t.Errorf("%s: quote text %q not inside its span", c.ID, q.Text)
				}
			}
			if a := c.Attribution; a != nil {
				checkSpan(t, d.Text, a.Span, "", c.ID+" attribution")
			}
		}
		for _, x := range d.Excluded {
			checkSpan(t, d.Text, x.Span, x.Text, d.ID+" excluded")
		}
		if h := d.Headline; h != nil {
			src := d.Text
			if h.SpanOf == extract.SpanOfTitle {
				src = d.Title
			}
			checkSpan(t, src, h.Span, h.Text, h.ID)
			for _, e := range h.Entities {
				checkSpan(t, src, e.Span, e.Text, h.ID+" entity")
			}
			for _, tk := range h.Tokens {
				checkSpan(t, src, tk.Span, tk.Text, h.ID+" token")
			}
		}
	}
	for _, g := range r.Groups {
		for _, df := range g.Differences {
			for _, e := range valueSpans(df) {
				id, sp := e.id, e.span
				c := r.Claim(id)
				if c == nil || !c.Span.Contains(sp) {
					t.Errorf("%s %s: span %v outside claim %s", g.ID, df.Kind, sp, id)
				}
			}
		}
	}
	verdicts := map[string]bool{"agree": true, "framing": true, "conflict": true, "related": true}
	for _, g := range got.Groups {
		if !verdicts[g.Verdict] || len(g.Claims) < 2 || g.Score <= 0 || g.Evidence.Shared == nil {
			t.Errorf("group %+v", g)
		}
		seen := map[string]bool{}
		for _, w := range g.Evidence.Shared {
			if seen[w] {
				t.Errorf("%s: %q twice in evidence.shared %q", g.ID, w, g.Evidence.Shared)
			}
			seen[w] = true
		}
	}
}

func TestOneDocument(t *testing.T) {
	r := compare.Compare(seeds(t)[:1])
	if len(r.Groups) != 0 || len(r.Unique) != len(r.Documents[0].Claims) {
		t.Fatalf("one document: %d groups, %d unique of %d claims", len(r.Groups), len(r.Unique), len(r.Documents[0].Claims))
	}
	if p := r.Outlets["d1"]; p.Claims == 0 || p.Markers["label"] == 0 {
		t.Errorf("profile %+v", p)
	}
}

// TestInferredYears: a date whose year neither text writes is no date
// conflict when the two years were inferred apart (one sentence looking
// back and one ahead), nor are the same words ("last week") read from two
// publication dates days apart; a year written on each side, or the same
// words a month apart, still count.
func TestInferredYears(t *testing.T) {
	tests := []struct{ a, pubA, b, pubB, verdict string }{
		{"The mayor of Telford was leaving office in February, the Oster council said.", "2025-12-20",
			"The mayor of Telford will leave office in February, the Oster council said.", "2025-12-20", "agree"},
		{"The Oster council met the mayor of Telford last week to discuss the bridge.", "2025-12-20",
			"The Oster council met the mayor of Telford last week to discuss the bridge.", "2025-12-22", "agree"},
		{"The mayor of Telford was leaving office in Feb., the Oster council said.", "2025-12-20",
			"The mayor of Telford will leave office in February, the Oster council said.", "2025-12-20", "agree"},
		{"The Oster council met the mayor of Telford last week to discuss the bridge.", "2025-12-20",
			"The Oster council met the mayor of Telford last week to discuss the bridge.", "2026-01-20", "conflict"},
		{"The Oster council met the mayor of Telford last week to discuss the bridge.", "2025-12-29",
			"The Oster council met the mayor of Telford last week to discuss the bridge.", "2026-01-05", "agree"},
		{"The Oster council met the mayor of Telford yesterday to discuss the bridge.", "2025-12-20",
			"The Oster council met the mayor of Telford yesterday to discuss the bridge.", "2025-12-23", "conflict"},
		{"The mayor of Telford was leaving office in February 2026, the Oster council said.", "2025-12-20",
			"The mayor of Telford was leaving office in February, the Oster council said.", "2025-12-20", "agree"},
		{"The mayor of Telford was leaving office in February 2025, the Oster council said.", "2025-12-20",
			"The mayor of Telford will leave office in February 2026, the Oster council said.", "2025-12-20", "conflict"},
	}
	for _, tc := range tests {
		r := compare.Compare([]*extract.Document{
			extract.Extract(tc.a, extract.WithPublished(tc.pubA)), extract.Extract(tc.b, extract.WithPublished(tc.pubB))})
		if len(r.Groups) != 1 {
			t.Fatalf("%q / %q: want one group, got %d", tc.a, tc.b, len(r.Groups))
		}
		if g := r.Groups[0]; g.Verdict != tc.verdict {
			t.Errorf("%q / %q: verdict %s, want %s", tc.a, tc.b, g.Verdict, tc.verdict)
		}
	}
}

// TestDifferences checks each fact kind on short claims written for it.
func TestDifferences(t *testing.T) {
	pub := extract.WithPublished("2026-03-10")
	tests := []struct {
		name, a, b string
		want       string // a difference kind that must be found, or "" for none of the facts
		verdict    string
	}{
		{"number", "At least the blast killed 14 workers at the Zelwice plant on Tuesday.", "The blast killed 31 workers at the Zelwice plant on Tuesday.", "number", "conflict"},
		{"lower bound", "At least 17 workers died in the blast at the Zelwice fertilizer plant.", "Fourteen workers died in the blast at the Zelwice fertilizer plant.", "number", "conflict"},
		{"approximation", "About 40 workers were hurt in the blast at the Zelwice fertilizer plant.", "42 workers were hurt in the blast at the Zelwice fertilizer plant.", "", "agree"}, // "about" qualifies the number (facts widen it), it is no hedge of commitment
		{"same number two ways", "Officials said four workers were hurt at the Zelwice plant.", "Officials said 4 workers were hurt at the Zelwice plant.", "", "agree"},
		{"date", "The Zelwice plant reopened on March 3 after the inspection.", "The Zelwice plant reopened on March 5 after the inspection.", "date", "conflict"},
		{"statement dates", "The ministry said on Monday that the Zelwice plant reopened on March 5 after the inspection.", "The Zelwice plant reopened on March 5 after the inspection, the ministry said on Tuesday.", "", "agree"},
		{"dockworkers are workers", "About 1,200 dockworkers walked out at the port of Telford on Monday.", "Some 1,500 port workers walked out at the port of Telford on Monday.", "number", "conflict"},
		{"one shared number hides no conflict", "The blast at the Zelwice plant killed 5 people and injured 20 people on Tuesday.", "The blast at the Zelwice plant killed 7 people and injured 20 people on Tuesday.", "number", "conflict"},
		{"range with a scale", "Between 10 and 15 million people were displaced by the Telford floods.", "12 million people were displaced by the Telford floods.", "", "agree"},
		{"negations counted by presence", "The army said no soldiers were hurt in the Oster attack.", "The army said no soldiers were hurt and no civilians were hurt in the Oster attack.", "", "agree"},
		{"weekday with its date", "The Zelwice plant reopened on Monday, March 3 after the inspection.", "The Zelwice plant reopened on March 10 after the inspection.", "date", "conflict"},
		{"same date two ways", "The Zelwice plant reopened on Sept. 3 after the inspection.", "The Zelwice plant reopened on September 3 after the inspection.", "", "agree"},
		{"place", "Ministers of the two countries met in Vilnius to discuss the pipeline deal.", "Ministers of the two countries met in Riga to discuss the pipeline deal.", "entity", "conflict"},
		{"polarity", "The company acknowledged that it had received the safety warning before the blast.", "The company denied that it had received the safety warning before the blast.", "polarity", "conflict"},
		{"a denial passes through a plan", "The bank said it had no plans to close its branches in Port Alder next year.", "The bank said it would close its branches in Port Alder next year.", "polarity", "conflict"},
		{"a negation of a word the other never states", "The Marenland ministry said it would not comment on the convoy attack near Oster on Friday.", "The Marenland ministry said the convoy attack near Oster on Friday was planned for weeks.", "", "agree"},
		{"both sides negate", "The inspector called the repairs at the Zelwice plant careless without recommending any charges.", "The inspector recommended no charges over the repairs at the Zelwice plant.", "", "framing"},            // "careless" is the first side's intensifier
		{"an answer's no negates nothing", "The mayor of Telford said no, and the council voted on Monday to close the Oster Street library.", "The council voted on Monday to close the Oster Street library in Telford.", "", "framing"}, // the first side's "said"
		{"not only adds", "The Telford storm not only closed the port but also cut power to the Oster district on Monday.", "The Telford storm closed the port and cut power to the Oster district on Monday.", "", "agree"},
		{"has yet to is a negation", "The Marenland ministry has yet to respond to the report on the Oster convoy attack.", "The Marenland ministry did not respond to the report on the Oster convoy attack.", "", "agree"},
		{"a request for comment is no fact", "Kell Mining did not respond to a request for comment on the Varna spill report.", "Kell Mining responded to the regulator's request on the Varna spill report.", "", "agree"},
		{"a statement's date matches the interview's", "Named on Saturday, the Oster minister told Telford Radio on Tuesday that the bridge would reopen.", "In an interview with Telford Radio on Tuesday, the Oster minister said the bridge would reopen.", "", "agree"},
		{"a negation elsewhere in the claim", "The Telford council did not approve the Oster bridge plan on Monday.", "The Telford council approved the Oster bridge plan on Monday, though it has not set a start date.", "polarity", "conflict"},
		{"comments that are a fact", "Kell Mining did not apologize for its comments on the Varna spill report.", "Kell Mining apologized for its comments on the Varna spill report.", "polarity", "conflict"},
		{"a request for comment beside a denial", "Kell Mining approved the Varna spill payout on Monday and did not respond to a request for comment.", "Kell Mining did not approve the Varna spill payout on Monday.", "polarity", "conflict"},
		{"a statement's date is not the event's", "The Zelwice plant reopened on March 3, the ministry said on March 5.", "The Zelwice plant reopened on March 5 after the inspection.", "date", "conflict"},
		{"not only affirms", "The Telford council not only approved the Oster bridge plan but also funded it on Monday.", "The Telford council did not approve the Oster bridge plan on Monday.", "polarity", "conflict"},
		{"no before a bracket still negates", "The Telford unions reached no (formal) deal with the Oster port operator on Monday.", "The Telford unions reached a formal deal with the Oster port operator on Monday.", "polarity", "conflict"},
		{"a statement's date is not the event's, both said", "The Zelwice plant reopened on March 3, the ministry said on March 5.", "The Zelwice plant reopened on March 5 after the inspection, the ministry said.", "date", "conflict"},
		{"a negation of another word of the same claim", "The Telford council did not approve the bridge plan on Monday.", "The Telford council approved the bridge plan on Monday but not the bridge budget.", "polarity", "conflict"},
		{"has still yet to is a negation", "The Marenland ministry has still yet to respond to the report on the Oster convoy attack.", "The Marenland ministry did not respond to the report on the Oster convoy attack.", "", "agree"},
		{"comments made are a fact", "Kell Mining did not apologize for comments its chief made on the Varna spill report.", "Kell Mining apologized for comments its chief made on the Varna spill report.", "polarity", "conflict"},
		{"a comment in another clause", "Kell Mining did not approve the Varna payout, and its chief declined to comment.", "Kell Mining approved the Varna payout, and its chief declined to say more.", "polarity", "conflict"},
		{"a comment that is a fact", "Kell Mining did not apologize for a comment its chief made on the Varna spill report.", "Kell Mining apologized for a comment its chief made on the Varna spill report.", "polarity", "conflict"},
		{"an answer's no before and", "The mayor of Telford said no and the council voted on Monday to close the Oster Street library.", "The council voted on Monday to close the Oster Street library in Telford.", "", "framing"},
		{"a negation of a name is no denial", "The court said the question was not whether Telford Mills broke the law on Monday.", "The court said Telford Mills broke the law on Monday.", "", "agree"},
		{"a denial takes back what follows it", "The Kordan ministry said no live ammunition was used against the crowd on Monday.", "The Kordan ministry denied reports that officers used live ammunition against the crowd on Monday.", "", "framing"},
		{"a negation reaches past the next words", "The Zelwice plant's owner said on Monday it would not comply with the ministry's subpoena for documents.", "The Zelwice plant's owner rejected the ministry's subpoena for documents on Monday.", "", "framing"},
		{"a condition denies nothing", "If the Oster bridge plan is not approved on Monday, the Telford council will meet again.", "The Telford council approved the Oster bridge plan on Monday.", "", "agree"},
		{"an indirect question affirms nothing", "The Telford council will decide on Monday whether it will approve the Oster bridge plan.", "The Telford council will not approve the Oster bridge plan on Monday.", "", "agree"},
		{"a clause after but is its own", "The Telford council did not approve the Oster bridge plan on Monday.", "The Telford council did not delay the vote, but approved the Oster bridge plan on Monday.", "polarity", "conflict"},
		{"a date of another event of the story", "On Wednesday, the mayor of Telford mocked the council's vote to reaffirm the town motto.", "The mayor of Telford mocked the councillors for passing a resolution on Tuesday reaffirming the town motto.", "", "agree"},
		{"a date of the same event", "The Telford council voted on Wednesday to close the Oster Street library.", "The Telford council passed a motion on Tuesday to close the Oster Street library.", "date", "conflict"},
		{"a sum of another thing", "Kell Mining's chief spent $750,000 of company money on himself and his trips to Varna, prosecutors said on Monday.", "Kell Mining's chief spent company money on himself and his trips to Varna, prosecutors said on Monday, including $43,000 for a gold watch.", "", "agree"},
		{"a sum of the same thing", "Kell Mining paid $43 million in federal taxes from 2007 to 2014.", "Kell Mining paid $39 million in federal taxes from 2007 to 2014.", "number", "conflict"},
		{"both sides negate the focus", "The two countries have no diplomatic ties, and their tense relationship has been frayed further by a diplomatic row over the Oster port.", "The two countries have no diplomatic ties, and their tense relationship has been frayed further by the row over the Oster port.", "", "agree"},
		{"nothing negates", "The Marenland government has said nothing in public about the Oster raid.", "The Marenland government has had no public reaction to the Oster raid.", "", "framing"},
		{"declined to negates", "Kell Mining confirmed it ran the Varna mine but declined to give details of the spill.", "Kell Mining confirmed it ran the Varna mine but gave no details of the spill.", "", "agree"},
		{"nobody negates", "Nobody survived the sinking of the Oster ferry on Monday, the coast guard said.", "Some passengers survived the sinking of the Oster ferry on Monday, the coast guard said.", "polarity", "conflict"},
		{"a refusal to negates", "The cardinal's refusal to take part in the Varna survey started the row on Monday.", "The row started on Monday when the cardinal refused to take part in the Varna survey.", "", "agree"},
		{"vague crowds that cannot both be", "Police in Kordan broke up a crowd of several thousand demonstrators in Republic Square on Monday.", "Police in Kordan broke up a crowd of more than 50,000 demonstrators in Republic Square on Monday.", "number", "conflict"},
		{"a vague crowd that can be the figure", "Police in Kordan broke up a crowd of thousands of demonstrators in Republic Square on Monday.", "Police in Kordan broke up a crowd of more than 50,000 demonstrators in Republic Square on Monday.", "", "agree"},
		{"places of two happenings", "The Kell Mining chief landed in Varna on Monday to meet the mines minister.", "The Kell Mining chief met the mines minister on Monday, hours before a speech to investors in Oster.", "", "agree"},
		{"times of day", "The blast hit the storage hall of the Zelwice plant at about 3:40 on Tuesday.", "The blast hit the storage hall of the Zelwice plant at around 4:15 on Tuesday.", "number", "conflict"},
		{"one time of day two ways", "The blast hit the storage hall of the Zelwice plant at about 3:40 p.m. on Tuesday.", "The blast hit the storage hall of the Zelwice plant at 3:45 on Tuesday.", "", "agree"},
		{"a comma ends a negation's reach", "Without a warrant, police searched the house of the Kell mayor on Monday.", "Police did not search the house of the Kell mayor on Monday.", "polarity", "conflict"},
		{"a relative clause ends a negation's reach", "The mayor, who had not been told of the plan, approved the Oster bridge budget on Monday.", "The mayor did not approve the Oster bridge budget on Monday.", "polarity", "conflict"},
		{"declined to a level is a fall", "Profits at Kell Mining declined to their lowest level in a decade last year.", "Profits at Kell Mining fell to their lowest level in a decade last year.", "", "agree"},
		{"nothing less than affirms", "The mayor of Telford called the Kell Mining deal nothing less than a betrayal of the town.", "The mayor of Telford called the Kell Mining deal a betrayal of the town.", "", "agree"},
		{"halves of the day", "The blast hit the storage hall of the Zelwice plant at 3 a.m. on Tuesday.", "The blast hit the storage hall of the Zelwice plant at 3 p.m. on Tuesday.", "number", "conflict"},
		{"a time just past midnight", "The blast hit the storage hall of the Zelwice plant at about 11:55 p.m. after the shift change.", "The blast hit the storage hall of the Zelwice plant at 12:03 a.m. after the shift change.", "", "agree"},
		{"a 24-hour clock", "The blast hit the storage hall of the Zelwice plant at 15:10 on Tuesday.", "The blast hit the storage hall of the Zelwice plant at 3:10 p.m. on Tuesday.", "", "agree"},
		{"a 24-hour morning", "The blast hit the storage hall of the Zelwice plant at 03:10 on Tuesday.", "The blast hit the storage hall of the Zelwice plant at 3:10 p.m. on Tuesday.", "number", "conflict"},
		{"about ten past twelve is no bound", "The blast hit the storage hall of the Zelwice plant at about 12:10 p.m. on Tuesday.", "The blast hit the storage hall of the Zelwice plant at 3 p.m. on Tuesday.", "number", "conflict"},
		{"nearly is not later", "The blast hit the storage hall of the Zelwice plant at nearly 3 p.m. on Tuesday.", "The blast hit the storage hall of the Zelwice plant at 5 p.m. on Tuesday.", "number", "conflict"},
		{"before reaches the morning", "The Telford council voted before 3 p.m. on Monday to delay the Oster bridge plan.", "The Telford council voted at 10 a.m. on Monday to delay the Oster bridge plan.", "", "agree"},
		{"after is not the morning", "The Telford council voted after 3 p.m. on Monday to delay the Oster bridge plan.", "The Telford council voted at 10 a.m. on Monday to delay the Oster bridge plan.", "number", "conflict"},
		{"a deadline names its time", "The Telford council extended the Oster bridge consultation until 6 p.m. on Monday.", "The Telford council extended the Oster bridge consultation until 3 p.m. on Monday.", "number", "conflict"},
		{"times are no time of day", "The Telford council voted three times on Monday to delay the Oster bridge plan.", "The Telford council voted at 3 p.m. on Monday to delay the Oster bridge plan.", "", "agree"},
		{"the saying is no anchor", "The Telford council closed the Oster Street library after a vote on Wednesday, officials said.", "The Telford council closed the Oster Street library, and the mayor gave a speech on Tuesday, officials said.", "", "agree"},
		{"label", "The militants attacked the convoy near the Marenland border town of Oster.", "The terrorists attacked the convoy near the Marenland border town of Oster.", "label", "framing"},
		{"attribution stance", "The army said the convoy near the Marenland town of Oster carried weapons.", "The army claimed the convoy near the Marenland town of Oster carried weapons.", "attribution", "framing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compare.Compare([]*extract.Document{extract.Extract(tc.a, pub), extract.Extract(tc.b, pub)})
			if len(r.Groups) != 1 {
				t.Fatalf("want one group, got %d", len(r.Groups))
			}
			g := r.Groups[0]
			var kinds []string
			for _, d := range g.Differences {
				kinds = append(kinds, d.Kind)
				for _, e := range valueSpans(d) {
					id, s := e.id, e.span
					if c := r.Claim(id); c == nil || !c.Span.Contains(s) {
						t.Errorf("%s difference span %v outside claim %s", d.Kind, s, id)
					}
				}
			}
			has := strings.Contains(" "+strings.Join(kinds, " ")+" ", " "+tc.want+" ")
			if tc.want != "" && !has {
				t.Errorf("want a %s difference, got %v", tc.want, kinds)
			}
			if g.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s (differences %v)", g.Verdict, tc.verdict, kinds)
			}
		})
	}
}

// Two outlets that agree in different words do not conflict with each
// other because a third gives another date.
func TestVerdictBetweenWording(t *testing.T) {
	pub := extract.WithPublished("2025-11-21")
	docs := []*extract.Document{
		extract.Extract("The Oster dam failed on Sept. 9 after days of rain, officials said.", pub),
		extract.Extract("The Oster dam failed on September 9 after days of rain, officials said.", pub),
		extract.Extract("The Oster dam failed on September 12 after days of rain, officials said.", pub),
	}
	r := compare.Compare(docs)
	if len(r.Groups) != 1 {
		t.Fatalf("%d groups", len(r.Groups))
	}
	g := r.Groups[0]
	got := []string{g.Verdict, g.VerdictBetween("d1", "d2"), g.VerdictBetween("d1", "d3"), g.VerdictBetween("d2", "d3")}
	if diff := cmp.Diff([]string{"conflict", "agree", "conflict", "conflict"}, got); diff != "" {
		t.Errorf("verdicts (-want +got):\n%s", diff)
	}
}

// A decimal written with a leading point is the same number as with a
// leading zero: ".5 percent" and "0.5 percent" agree, "5 percent" conflicts.
func TestVerdictLeadingPoint(t *testing.T) {
	pub := extract.WithPublished("2026-03-10")
	docs := []*extract.Document{
		extract.Extract("The central bank raised its benchmark rate by .5 percent on Tuesday.", pub),
		extract.Extract("The central bank raised its benchmark rate by 0.5 percent on Tuesday.", pub),
		extract.Extract("The central bank raised its benchmark rate by 5 percent on Tuesday.", pub),
	}
	r := compare.Compare(docs)
	if len(r.Groups) != 1 {
		t.Fatalf("%d groups", len(r.Groups))
	}
	g := r.Groups[0]
	got := []string{g.VerdictBetween("d1", "d2"), g.VerdictBetween("d1", "d3"), g.VerdictBetween("d2", "d3")}
	if diff := cmp.Diff([]string{"agree", "conflict", "conflict"}, got); diff != "" {
		t.Errorf("verdicts (-want +got):\n%s", diff)
	}
}

// A side with two claims keys each difference span to the claim it lies in.
func TestSpansOfSplitSides(t *testing.T) {
	a := extract.Extract("The rebels attacked the Kessel garrison at dawn and the Marlow fuel depot burned for hours afterwards.")
	b := extract.Extract("The rebels attacked the Kessel garrison at dawn. The Marlow fuel depot never burned, officials insisted.")
	r := compare.Compare([]*extract.Document{a, b})
	n := 0
	for _, g := range r.Groups {
		for _, d := range g.Differences {
			for _, e := range valueSpans(d) {
				id, sp := e.id, e.span
				n++
				if c := r.Claim(id); c == nil || !c.Span.Contains(sp) {
					t.Errorf("%s: span %v is not inside claim %s", d.Kind, sp, id)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no difference spans to check")
	}
}

func TestVerdictBetween(t *testing.T) {
	pub := extract.WithPublished("2026-03-10")
	docs := []*extract.Document{
		extract.Extract("The blast at the Zelwice fertilizer plant killed 14 workers on Tuesday.", pub),
		extract.Extract("The blast at the Zelwice fertilizer plant killed 14 workers on Tuesday.", pub),
		extract.Extract("The blast at the Zelwice fertilizer plant killed 31 workers on Tuesday.", pub),
	}
	r := compare.Compare(docs)
	if len(r.Groups) != 1 {
		t.Fatalf("%d groups", len(r.Groups))
	}
	g := r.Groups[0]
	got := []string{g.Verdict, g.VerdictBetween("d1", "d2"), g.VerdictBetween("d1", "d3"), g.VerdictBetween("d1", "d9")}
	want := []string{"conflict", "agree", "conflict", ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("verdicts (-want +got):\n%s", diff)
	}
}

// checkSpan fails when s is out of range or, if want is given, does not
// slice exactly want.
func checkSpan(t *testing.T, text string, s extract.Span, want, what string) {
	t.Helper()
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		t.Errorf("%s: span %v out of range", what, s)
		return
	}
	if want != "" && text[s.Start:s.End] != want {
		t.Errorf("%s: span %v slices %q, want %q", what, s, text[s.Start:s.End], want)
	}
}

func TestRelatedThreshold(t *testing.T) {
	count := func(r *compare.Report) int {
		n := 0
		for _, g := range r.Groups {
			if g.Verdict == compare.VerdictRelated {
				n++
			}
		}
		return n
	}
	if n := count(compare.Compare(seeds(t))); n == 0 {
		t.Fatal("the seeds should have related groups by default")
	}
	r := compare.Compare(seeds(t), compare.RelatedThreshold(0))
	if n := count(r); n != 0 {
		t.Errorf("RelatedThreshold(0) left %d related groups", n)
	}
	for _, g := range r.Groups {
		// The band model decides pairs from 40% of the threshold
		// (bandFloorShare); nothing under it aligns.
		if g.Score < 0.4*compare.DefaultThreshold {
			t.Errorf("group %s scored %.2f below the band model's floor", g.ID, g.Score)
		}
	}
}

// TestProfileCountsFraming checks that the outlet profile counts what a
// media researcher would: an evaluative adjective, a distancing verb and a
// loaded report verb, not the routine "said" or "confirmed", nor a
// reported denial.
func TestProfileCountsFraming(t *testing.T) {
	doc := extract.Extract("Officials confirmed the closure. The mayor said the plan was ridiculous. "+
		"The company denied the report. The union claimed the figures were out of date. "+
		"Critics slammed the council over the delay.", extract.WithOutlet("Test Wire"))
	r := compare.Compare([]*extract.Document{doc})
	p := r.Outlets["d1"]
	want := map[string]int{extract.KindAttribution: 2, extract.KindIntensifier: 1}
	for k, n := range want {
		if p.Markers[k] != n {
			t.Errorf("profile[%s] = %d, want %d (all: %v)", k, p.Markers[k], n, p.Markers)
		}
	}
}

type idSpan struct {
	id   string
	span extract.Span
}

// valueSpans lists the span of every entry of a difference with the claim
// it is filed under.
func valueSpans(d compare.Difference) []idSpan {
	var out []idSpan
	for id, vs := range d.Values {
		for _, v := range vs {
			out = append(out, idSpan{id, v.Span})
		}
	}
	return out
}

// TestMutualBest: two sentences that score below the threshold align when
// each is the other's best match within two articles, and stay "related"
// when they are compared alone by the threshold (the pair model off),
// with no other claims around them; and a mutual best match that shares
// only names does not align.
func TestMutualBest(t *testing.T) {
	a := "Police arrested the suspect at his home in Fort Worth early on Friday, officials said."
	b := "The 34-year-old suspect was taken into custody at his Fort Worth home before dawn."
	aOther := []string{"The city council will vote on the new budget next month.", "Schools reopened after the storm passed through the region.", "A local bakery won a national award for its bread."}
	bOther := []string{"Heavy rain is forecast for the weekend across the county.", "The museum opened an exhibition of early photographs.", "Ticket prices for the stadium rose by ten percent."}
	verdictOf := func(r *compare.Report) string {
		for _, g := range r.Groups {
			if len(g.Claims) == 2 && g.Claims[0] == r.Documents[0].Claims[0].ID && g.Claims[1] == r.Documents[1].Claims[0].ID {
				return g.Verdict
			}
		}
		return "none"
	}
	alone := compare.Compare([]*extract.Document{extract.Extract(a), extract.Extract(b)}, compare.PairModel(false))
	if len(alone.Groups) != 1 || alone.Groups[0].Score >= compare.DefaultThreshold {
		t.Fatalf("the pair should score below the threshold alone: %+v", alone.Groups)
	}
	if v := verdictOf(alone); v != compare.VerdictRelated {
		t.Errorf("alone: verdict %q, want related", v)
	}
	inArticles := compare.Compare([]*extract.Document{
		extract.Extract(strings.Join(append([]string{a}, aOther...), " ")),
		extract.Extract(strings.Join(append([]string{b}, bOther...), " ")),
	})
	if v := verdictOf(inArticles); v == compare.VerdictRelated || v == "none" {
		t.Errorf("in articles: verdict %q, want an aligned group", v)
	}
	namesOnly := compare.Compare([]*extract.Document{
		extract.Extract(strings.Join(append([]string{"“We will appeal the zoning ruling in court,” Ruiz said."}, aOther...), " ")),
		extract.Extract(strings.Join(append([]string{"“The budget is balanced at last,” Ruiz said."}, bOther...), " ")),
	})
	if v := verdictOf(namesOnly); v != compare.VerdictRelated && v != "none" {
		t.Errorf("names only: verdict %q, want no aligned group", v)
	}
}

// TestInferredPublished: the first seed gives no date; compared with the
// second, its dates resolve against the second's date (marked inferred), so
// the seeds group the same as when the date is given.
func TestInferredPublished(t *testing.T) {
	var undated []*extract.Document
	for i, name := range []string{"000_f806df4db212c27a.txt", "004_142b436908202848.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		d := extract.Extract(string(b), extract.WithSource(name))
		if i == 0 && d.Published != "" {
			t.Fatalf("seed %s should give no date, has %q", name, d.Published)
		}
		undated = append(undated, d)
	}
	groups := func(r *compare.Report) [][]string {
		var out [][]string
		for _, g := range r.Groups {
			out = append(out, append([]string{g.Verdict}, g.Claims...))
		}
		return out
	}
	inferred := compare.Compare(undated)
	given := compare.Compare(seeds(t))
	if diff := cmp.Diff(groups(given), groups(inferred)); diff != "" {
		t.Errorf("groups differ with an inferred date (-given +inferred):\n%s", diff)
	}
	d := inferred.Documents[0]
	if d.Published != undated[1].Published || !d.PublishedInferred {
		t.Errorf("document 1: published %q inferred %v, want %q inferred", d.Published, d.PublishedInferred, undated[1].Published)
	}
	if undated[0].Published != "" {
		t.Error("Compare changed its input document")
	}
	n := 0
	for _, c := range d.Claims {
		for _, dt := range c.Dates {
			if dt.Inferred {
				n++
				if strings.HasPrefix(dt.Value, "XXXX") || dt.Value == "" {
					t.Errorf("%s: inferred date %q has no year", c.ID, dt.Text)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no date marked inferred")
	}
}

// TestHeadlineGroup: the documents' headlines are compared as one group,
// listed first, apart from the body's claims.
func TestHeadlineGroup(t *testing.T) {
	body := "Lawmakers in Springfield voted on the budget on Tuesday. The plan cuts school funding by 4 percent."
	a := extract.Extract(body, extract.WithTitle("Springfield Lawmakers Slash School Funding"))
	b := extract.Extract(body, extract.WithTitle("Springfield lawmakers pass budget that trims school funding"))
	r := compare.Compare([]*extract.Document{a, b})
	if len(r.Groups) == 0 || r.Groups[0].Role != extract.RoleHeadline || r.Groups[0].ID != "h1" {
		t.Fatalf("first group is not the headline group: %+v", r.Groups)
	}
	h := r.Groups[0]
	if diff := cmp.Diff([]string{"d1.h", "d2.h"}, h.Claims); diff != "" {
		t.Errorf("headline group claims (-want +got):\n%s", diff)
	}
	if len(h.Evidence.Members) != 2 || h.Evidence.Members[0].With != "d2.h" {
		t.Errorf("members %+v", h.Evidence.Members)
	}
	for _, g := range r.Groups[1:] {
		for _, id := range g.Claims {
			if strings.HasSuffix(id, ".h") {
				t.Errorf("headline %s in body group %s", id, g.ID)
			}
		}
	}
	if one := compare.Compare([]*extract.Document{a, extract.Extract(body)}); len(one.Groups) > 0 && one.Groups[0].Role != "" {
		t.Errorf("a headline group with one headline: %+v", one.Groups[0])
	}
}
