package extract_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimdiff/claimdiff/extract"
)

const pub = "2025-11-21" // a Friday

func claimTexts(d *extract.Document) []string {
	out := []string{}
	for _, c := range d.Claims {
		out = append(out, c.Text)
	}
	return out
}

// claimWith returns the first claim containing sub.
func claimWith(t *testing.T, d *extract.Document, sub string) extract.Claim {
	t.Helper()
	for _, c := range d.Claims {
		if strings.Contains(c.Text, sub) {
			return c
		}
	}
	t.Fatalf("no claim contains %q; claims: %q", sub, claimTexts(d))
	return extract.Claim{}
}

func TestSegmentation(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations", "The U.S. Senate voted 52-48 on Tuesday. Lawmakers left for recess.",
			[]string{"The U.S. Senate voted 52-48 on Tuesday.", "Lawmakers left for recess."}},
		{"acronym ends sentence", "The talks were hosted by the U.S. The next round is in Oslo.",
			[]string{"The talks were hosted by the U.S.", "The next round is in Oslo."}},
		{"title abbreviations", "Gen. Mark Milley testified before the panel. Mr. Alvarez, the No. 2 official at the agency, resigned. Dr. Osei disagreed.",
			[]string{"Gen. Mark Milley testified before the panel.", "Mr. Alvarez, the No. 2 official at the agency, resigned.", "Dr. Osei disagreed."}},
		{"month abbreviations", "The ceasefire began on Oct. 10 and was extended in Sept. The talks resumed.",
			[]string{"The ceasefire began on Oct. 10 and was extended in Sept.", "The talks resumed."}},
		{"month abbreviation before day", "He was arrested on Sept. 9. Prosecutors filed charges in Nov. 2024.",
			[]string{"He was arrested on Sept. 9.", "Prosecutors filed charges in Nov. 2024."}},
		{"decimals and money", "Inflation slowed to 3.2 percent. Shares rose 1.5% to $18.20 on the news. Bonds fell.",
			[]string{"Inflation slowed to 3.2 percent.", "Shares rose 1.5% to $18.20 on the news.", "Bonds fell."}},
		{"initials", "The novel was written by J. R. R. Tolkien in the 1930s. It sold millions. John F. Kennedy was elected in 1960.",
			[]string{"The novel was written by J. R. R. Tolkien in the 1930s.", "It sold millions.", "John F. Kennedy was elected in 1960."}},
		{"glued after lower case", "Rescue crews reached the village on Saturday.Officials said 12 people were missing.",
			[]string{"Rescue crews reached the village on Saturday.", "Officials said 12 people were missing."}},
		{"glued after a date", "The strike hit Doha on Sept. 9.By nightfall the fires were out.",
			[]string{"The strike hit Doha on Sept. 9.", "By nightfall the fires were out."}},
		{"glued after closing quote", "Critics said the deal was “a surrender”.The minister resigned.",
			[]string{"Critics said the deal was “a surrender”.", "The minister resigned."}},
		{"glued acronym is no boundary", "The U.S.President spoke first.",
			[]string{"The U.S.President spoke first."}},
		{"quote ends sentence and goes on", "“We will not back down,” the governor said. “The state will appeal.” The court has not responded.",
			[]string{"“We will not back down,” the governor said.", "“The state will appeal.”", "The court has not responded."}},
		{"question inside quote", "She asked, “Is this the end?” Nobody answered.",
			[]string{"She asked, “Is this the end?”", "Nobody answered."}},
		{"question and exclamation", "Is the bridge safe? Engineers say yes! Repairs start soon.",
			[]string{"Is the bridge safe?", "Engineers say yes!", "Repairs start soon."}},
		{"ellipsis", "The talks stalled… Negotiators went home.",
			[]string{"The talks stalled…", "Negotiators went home."}},
		{"comma-separated number is no boundary", "Nearly 1,200 homes and 3.5 million acres burned.",
			[]string{"Nearly 1,200 homes and 3.5 million acres burned."}},
		{"paragraphs", "Storms hit the coast on Monday.\n\nPower was restored on Tuesday.\n\n\nSchools reopened.",
			[]string{"Storms hit the coast on Monday.", "Power was restored on Tuesday.", "Schools reopened."}},
		{"soft-wrapped line", "The council approved the budget after a long\ndebate on Monday.\n",
			[]string{"The council approved the budget after a long\ndebate on Monday."}},
		{"line break ends a sentence", "The council approved the budget.\nThe mayor signed it.",
			[]string{"The council approved the budget.", "The mayor signed it."}},
		{"CRLF", "Oil prices rose on Monday.\r\n\r\nGold fell.\r\n",
			[]string{"Oil prices rose on Monday.", "Gold fell."}},
		{"lower-case after dot is no boundary", "The drug, sold as e.g. tablets, was recalled.",
			[]string{"The drug, sold as e.g. tablets, was recalled."}},
		{"subhead is not a claim", "The vote passed easily.\n\nWhat happens next\n\nThe bill goes to the Senate.",
			[]string{"The vote passed easily.", "The bill goes to the Senate."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			if diff := cmp.Diff(tt.want, claimTexts(d)); diff != "" {
				t.Errorf("claims of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExcludedParts(t *testing.T) {
	type ex struct{ Kind, Text string }
	tests := []struct {
		name, text               string
		excluded                 []ex
		claims                   []string
		title, outlet, published string
	}{
		{name: "byline alone",
			text:     "By Maria Lopez and Tom Reed\n\nThe city council approved the budget on Monday.\n",
			excluded: []ex{{"byline", "By Maria Lopez and Tom Reed"}},
			claims:   []string{"The city council approved the budget on Monday."}},
		{name: "byline with comma list",
			text:     "By Staff, Agencies\n\nThe talks ended.",
			excluded: []ex{{"byline", "By Staff, Agencies"}},
			claims:   []string{"The talks ended."}},
		{name: "byline with a capital inside a surname",
			text:     "By Kevin McCarthy\n\nThe mayor spoke.",
			excluded: []ex{{"byline", "By Kevin McCarthy"}},
			claims:   []string{"The mayor spoke."}},
		{name: "byline DiMaggio",
			text:     "By Anna DiMaggio\n\nThe vote passed.",
			excluded: []ex{{"byline", "By Anna DiMaggio"}},
			claims:   []string{"The vote passed."}},
		{name: "glued byline before U.S.",
			text:     "By JNSU.S. President Donald Trump met Gulf leaders on Tuesday.",
			excluded: []ex{{"byline", "By JNS"}},
			claims:   []string{"U.S. President Donald Trump met Gulf leaders on Tuesday."}},
		{name: "glued byline of a person before U.S.",
			text:     "By Sam LeeU.S. troops left the base on Friday.",
			excluded: []ex{{"byline", "By Sam Lee"}},
			claims:   []string{"U.S. troops left the base on Friday."}},
		{name: "glued byline before U.K.",
			text:     "By BBCU.K. ministers met on Friday.",
			excluded: []ex{{"byline", "By BBC"}},
			claims:   []string{"U.K. ministers met on Friday."}},
		{name: "glued byline before The",
			text:     "By Jane DoeThe mayor spoke on Monday.",
			excluded: []ex{{"byline", "By Jane Doe"}},
			claims:   []string{"The mayor spoke on Monday."}},
		{name: "glued byline of a surname with an inner capital",
			text:     "By Kevin McCarthyThe mayor spoke on Monday.",
			excluded: []ex{{"byline", "By Kevin McCarthy"}},
			claims:   []string{"The mayor spoke on Monday."}},
		{name: "glued agency byline",
			text:     "By AFPThe death toll from the floods rose to 41 on Thursday.",
			excluded: []ex{{"byline", "By AFP"}},
			claims:   []string{"The death toll from the floods rose to 41 on Thursday."}},
		{name: "glued byline before a common word",
			text:     "By Jane DoeResidents fled the town.",
			excluded: []ex{{"byline", "By Jane Doe"}},
			claims:   []string{"Residents fled the town."}},
		{name: "byline on the line of the first sentence",
			text:     "By Reuters Staff The talks in Geneva ended without a deal.",
			excluded: []ex{{"byline", "By Reuters Staff"}},
			claims:   []string{"The talks in Geneva ended without a deal."}},
		{name: "By that is no byline",
			text:   "By the time the rescuers arrived, the fire was out. By 2030, the city plans to ban gas boilers. By Friday, most roads had reopened.",
			claims: []string{"By the time the rescuers arrived, the fire was out.", "By 2030, the city plans to ban gas boilers.", "By Friday, most roads had reopened."}},
		{name: "date line with title",
			text:      "date 2024-03-05 Flooding Hits Coastal Towns\n\nHeavy rain flooded dozens of homes on Monday.\n",
			excluded:  []ex{{"dateline", "date 2024-03-05 "}, {"headline", "Flooding Hits Coastal Towns"}},
			claims:    []string{"Heavy rain flooded dozens of homes on Monday."},
			title:     "Flooding Hits Coastal Towns",
			published: "2024-03-05"},
		{name: "date line with leading space",
			text:      " date 2023-07-14 Heatwave Grips Southern Europe\n\nTemperatures passed 44C in Sicily.",
			excluded:  []ex{{"dateline", "date 2023-07-14 "}, {"headline", "Heatwave Grips Southern Europe"}},
			claims:    []string{"Temperatures passed 44C in Sicily."},
			title:     "Heatwave Grips Southern Europe",
			published: "2023-07-14"},
		{name: "date line only on the first line",
			text:   "The report came out.\ndate 2024-03-05 is the day it was filed.",
			claims: []string{"The report came out.", "date 2024-03-05 is the day it was filed."}},
		{name: "WordPress footer",
			text:     "Heavy rain flooded dozens of homes.\n\nThe post Flooding Hits Coastal Towns appeared first on Coastal Herald.\n",
			excluded: []ex{{"boilerplate", "The post Flooding Hits Coastal Towns appeared first on Coastal Herald."}},
			claims:   []string{"Heavy rain flooded dozens of homes."},
			title:    "Flooding Hits Coastal Towns", outlet: "Coastal Herald"},
		{name: "WordPress footer glued to the last sentence",
			text:     "Heavy rain flooded dozens of homes.The post Floods in Kent appeared first on Kent Today.",
			excluded: []ex{{"boilerplate", "The post Floods in Kent appeared first on Kent Today."}},
			claims:   []string{"Heavy rain flooded dozens of homes."},
			title:    "Floods in Kent", outlet: "Kent Today"},
		{name: "wire dateline",
			text:     "LONDON (Reuters) - British inflation fell to 2.1% in June, official data showed.",
			excluded: []ex{{"dateline", "LONDON (Reuters) - "}},
			claims:   []string{"British inflation fell to 2.1% in June, official data showed."}},
		{name: "wire dateline with date",
			text:     "GAZA CITY, Nov. 21 (AP) — Aid trucks crossed the border on Friday.",
			excluded: []ex{{"dateline", "GAZA CITY, Nov. 21 (AP) — "}},
			claims:   []string{"Aid trucks crossed the border on Friday."}},
		{name: "boilerplate lines",
			text:     "The bridge reopened on Monday.\n\nRead more: Bridge closures across the region\n\n(Reporting by Ana Ruiz; Editing by Tom Hale)",
			excluded: []ex{{"boilerplate", "Read more: Bridge closures across the region"}, {"boilerplate", "(Reporting by Ana Ruiz; Editing by Tom Hale)"}},
			claims:   []string{"The bridge reopened on Monday."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			var got []ex
			for _, e := range d.Excluded {
				got = append(got, ex{e.Kind, e.Text})
			}
			if diff := cmp.Diff(tt.excluded, got); diff != "" {
				t.Errorf("excluded parts of %q (-want +got):\n%s", tt.text, diff)
			}
			if diff := cmp.Diff(tt.claims, claimTexts(d)); diff != "" {
				t.Errorf("claims of %q (-want +got):\n%s", tt.text, diff)
			}
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if d.Outlet != tt.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tt.outlet)
			}
			if d.Published != tt.published {
				t.Errorf("Published = %q, want %q", d.Published, tt.published)
			}
		})
	}
}

// TestTitleRepeated: a text that opens with the title given with it (as
// scraped pages do) has that line as its headline, however long, and not
// as a claim of the body too; a long first line that is not the title, or
// the title's words later in the body, stay claims.
func TestTitleRepeated(t *testing.T) {
	long := "State Lawmakers Vote to Extend the Emergency Rent Relief Program for Another Six Months Despite Budget Fears"
	body := "The state senate voted 31-8 on Tuesday to extend the program."
	tests := []struct {
		name, text, title string
		excluded          []string
		claims            []string
	}{
		{"long title repeated", long + "\n\n" + body, long, []string{long}, []string{body}},
		{"with spaces around", "  " + long + " \n\n" + body, long, []string{long}, []string{body}},
		{"a padded title", long + "\n\n" + body, " " + long + "\n", []string{long}, []string{body}},
		{"another first line", long + "\n\n" + body, "Rent relief extended", nil, []string{long, body}},
		{"title later in the body", body + "\n\n" + long, long, nil, []string{body, long}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text, extract.WithTitle(tt.title))
			checkDoc(t, d)
			var got []string
			for _, e := range d.Excluded {
				if e.Kind == extract.ExcludedHeadline {
					got = append(got, e.Text)
				}
			}
			if diff := cmp.Diff(tt.excluded, got); diff != "" {
				t.Errorf("excluded headlines (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.claims, claimTexts(d)); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
			if len(tt.excluded) > 0 && (d.Headline == nil || d.Headline.SpanOf != "" || d.Headline.Text != long ||
				d.Text[d.Headline.Span.Start:d.Headline.Span.End] != long) {
				t.Errorf("headline %+v: want the title's line, its spans indexing the text", d.Headline)
			}
		})
	}
}

// TestOptionsOverrideText checks that options win over metadata found in the
// text.
func TestOptionsOverrideText(t *testing.T) {
	text := "date 2024-03-05 Floods Hit Kent\n\nRain fell.\n\nThe post Floods Hit Kent appeared first on Kent Today.\n"
	d := extract.Extract(text, extract.WithPublished("2024-03-06"), extract.WithTitle("Kent floods"), extract.WithOutlet("Kent Gazette"), extract.WithID("d7"))
	got := []string{d.Published, d.Title, d.Outlet, d.Claims[0].ID}
	if diff := cmp.Diff([]string{"2024-03-06", "Kent floods", "Kent Gazette", "d7.c1"}, got); diff != "" {
		t.Errorf("metadata (-want +got):\n%s", diff)
	}
}

type ent struct{ Text, Key string }

func entities(c extract.Claim) []ent {
	var out []ent
	for _, e := range c.Entities {
		out = append(out, ent{e.Text, e.Key})
	}
	return out
}

func TestEntities(t *testing.T) {
	tests := []struct {
		name, text string
		want       []ent
	}{
		{"person with title", "Chancellor Olaf Scholz spoke in Berlin on Monday.",
			[]ent{{"Olaf Scholz", "scholz"}, {"Berlin", "berlin"}}},
		{"organisation keeps its whole name", "Data from the Bank of Lithuania surprised traders.",
			[]ent{{"Bank of Lithuania", "bank of lithuania"}}},
		{"lexicon expansion keys to its acronym", "The European Central Bank held rates steady.",
			[]ent{{"European Central Bank", "ecb"}}},
		{"lexicon acronym and expansion share a key", "The Israel Defense Forces said the IDF had opened an inquiry.",
			[]ent{{"Israel Defense Forces", "idf"}, {"IDF", "idf"}}},
		{"acronym defined in parentheses", "The Independent Election Commission (IEC) said the IEC would publish results on Friday.",
			[]ent{{"Independent Election Commission", "independent election commission"}, {"IEC", "independent election commission"}, {"IEC", "independent election commission"}}},
		{"acronym defined in brackets", "The Ukrainian Grain Association [UGA] said the UGA expects a smaller harvest.",
			[]ent{{"Ukrainian Grain Association", "ukrainian grain association"}, {"UGA", "ukrainian grain association"}, {"UGA", "ukrainian grain association"}}},
		{"Arabic article dropped", "Khalil al-Hayya met Egyptian mediators in Cairo.",
			[]ent{{"Khalil al-Hayya", "hayya"}, {"Egyptian", "egyptian"}, {"Cairo", "cairo"}}},
		{"name particle", "Crowds gathered at the Khalid bin al-Walid mosque.",
			[]ent{{"Khalid bin al-Walid", "khalid bin walid"}}},
		{"Korean name spaced", "State media said Kim Jong Un inspected a missile factory.",
			[]ent{{"Kim Jong Un", "kim jong un"}}},
		{"Korean name hyphenated", "State media said Kim Jong-un inspected a missile factory.",
			[]ent{{"Kim Jong-un", "kim jong un"}}},
		{"Korean name with hyphenated syllable, title at sentence start dropped", "President Moon Jae-in welcomed the delegation.",
			[]ent{{"Moon Jae-in", "moon jae in"}}},
		{"trap: sentence-initial name that is also a common word", "Trump signed the order on Monday.",
			nil},
		{"hyphenated adjective is no name", "Hamas is a U.S.-designated terrorist group, and the Iranian-backed Houthis agree.",
			[]ent{{"Hamas", "hamas"}, {"Houthis", "houthis"}}},
		{"possessive ends a name", "He met Trump’s Special Envoy in Doha.",
			[]ent{{"Trump’s", "trump"}, {"Special Envoy", "envoy"}, {"Doha", "doha"}}},
		{"corporate suffix dropped from key", "Microsoft Corp. said Microsoft would cut 1,000 jobs.",
			[]ent{{"Microsoft Corp", "microsoft"}, {"Microsoft", "microsoft"}}},
		{"leading The dropped", "The New York Times reported the story first.",
			[]ent{{"New York Times", "nyt"}}},
		{"trap: sentence-initial participle", "Citing two sources, the report gave no date.",
			nil},
		{"trap: opening adverb", "Afterward, officials left the building.",
			nil},
		{"trap: months and weekdays", "On Monday the court adjourned until March.",
			nil},
		{"trap: pronoun I", "I was there when the bridge fell.",
			nil},
		{"title and state of a senator dropped from the key", "On Friday, Senator Dana Whitfield of Ohio opposed the plan.",
			[]ent{{"Senator Dana Whitfield of Ohio", "whitfield"}}},
		{"office before a name", "On Friday, Senate Majority Leader Ruth Calloway blocked the bill.",
			[]ent{{"Senate Majority Leader Ruth Calloway", "calloway"}}},
		{"secretary of state before a name", "The talks were led by Secretary of State Paul Imbert in Rome.",
			[]ent{{"Secretary of State Paul Imbert", "imbert"}, {"Rome", "rome"}}},
		{"a title of the body before a name", "The plan was blocked by Speaker of the Assembly Ruth Calloway on Friday.",
			[]ent{{"Speaker of the Assembly Ruth Calloway", "calloway"}}},
		{"a title of the body without a name", "The plan went to the Secretary of the Navy and the President of the Avelian Republic.",
			[]ent{{"Navy", "navy"}, {"Avelian Republic", "avelian republic"}}},
		{"a common word opens a body's name", "White House officials declined to comment.",
			[]ent{{"White House", "white house"}}},
		{"trap: a count before a body", "Two Defense Department officials were hurt.",
			[]ent{{"Defense Department", "defense department"}}},
		{"trap: a date word before a body", "Last Senate session ended in March.",
			[]ent{{"Senate", "senate"}}},
		{"a middle initial joins the name", "The bill was opposed by Rep. Ida M. Stone on Friday.",
			[]ent{{"Rep. Ida M. Stone", "stone"}}},
		{"a generation is no name", "The ruling was written by Judge Paul Imbert Jr. in Rome.",
			[]ent{{"Judge Paul Imbert Jr", "imbert"}, {"Rome", "rome"}}},
		{"a person's ordinal is no name, a war's is", "Officials said Robert S. Quillfeather III cited World War II.",
			[]ent{{"Robert S. Quillfeather III", "quillfeather"}, {"World War II", "world war ii"}}},
		{"a title's body of two words before a person", "Officials said Chairman of the Federal Reserve Ines Quillfeather spoke.",
			[]ent{{"Chairman of the Federal Reserve Ines Quillfeather", "quillfeather"}}},
		{"a letter after a common word is no initial", "The team took Vitamin D. Researchers said it helped.",
			[]ent{{"Vitamin D", "vitamin d"}, {"Researchers", "researchers"}}},
		{"a letter after a given name that is a common word is", "Officials said Mark S. Quillfeather spoke.",
			[]ent{{"Mark S. Quillfeather", "quillfeather"}}},
		{"an article's numeral of one letter is no initial", "The delegates invoked Article V on Monday, not Article II.",
			[]ent{{"Article V", "article v"}, {"Article II", "article ii"}}},
		{"any roman ordinal after a titled name goes", "Officials said Pope Quillan XII and King Arvane VIII met.",
			[]ent{{"Pope Quillan XII", "quillan"}, {"King Arvane VIII", "arvane"}}},
		{"a claim's opener before a longer body name is no name's word", "Senior Justice Department officials said the plan failed.",
			[]ent{{"Justice Department", "doj"}}},
		{"trap: a letter's full stop before a function word", "The council chose Option B. The mayor agreed.",
			[]ent{{"Option B", "option b"}}},
		{"abbreviated honorifics join the name", "The bill was opposed by Mrs. Okafor and Dr. Lin.",
			[]ent{{"Mrs. Okafor", "okafor"}, {"Dr. Lin", "lin"}}},
		{"party-state tags are no names", "Rep. Tom Hale (D-Calif.) and Sen. Ann Ruiz, R-Wis., wrote the letter with Gov. Joe Marsh (R).",
			[]ent{{"Rep. Tom Hale", "hale"}, {"Sen. Ann Ruiz", "ruiz"}, {"Gov. Joe Marsh", "marsh"}}},
		{"dotted state in a party tag", "The measure was sponsored by Rep. Ida Stone (D-N.Y.) last year.",
			[]ent{{"Rep. Ida Stone", "stone"}}},
		{"a title alone is no name", "The plan, the President said, was sound.",
			nil},
		{"trap: D-Day is a name", "Veterans marked D-Day in Normandy.",
			[]ent{{"D-Day", "day"}, {"Normandy", "normandy"}}},
		{"trap: organisation after a title word stays whole", "The Justice Department opened a case.",
			[]ent{{"Justice Department", "doj"}}},
		{"a place opened by a compass word keys whole", "Talks between North Avelia and South Avelia were held in San Corvo.",
			[]ent{{"North Avelia", "north avelia"}, {"South Avelia", "south avelia"}, {"San Corvo", "san corvo"}}},
		{"a place's abbreviated opening word joins the name", "Buses ran from St. Corvo and Ft. Ostrava to Mt. Tessel on Elm St. in Brennick.",
			[]ent{{"St. Corvo", "st corvo"}, {"Ft. Ostrava", "ft ostrava"}, {"Mt. Tessel", "mt tessel"}, {"Elm St", "elm st"}, {"Brennick", "brennick"}}},
		{"trap: a person's given name that opens like a place, after a title", "Sen. Sierra Marden met Coach Rio Tavares and Dr. Santa Orlo.",
			[]ent{{"Sen. Sierra Marden", "marden"}, {"Coach Rio Tavares", "tavares"}, {"Dr. Santa Orlo", "orlo"}}},
		{"place prefixes: new, fort, mount, los", "The convoy left New Brennick for Fort Ostrava, Mount Tessel and Los Palmeros.",
			[]ent{{"New Brennick", "new brennick"}, {"Fort Ostrava", "fort ostrava"}, {"Mount Tessel", "mount tessel"}, {"Los Palmeros", "los palmeros"}}},
		{"trap: a compass word as a surname keys the person", "The report was written by Dana North and Ivo West.",
			[]ent{{"Dana North", "north"}, {"Ivo West", "west"}}},
		{"trap: surnames that are common words keep the family name", "The memo went from Lisa Page to Carl Price and Mona White.",
			[]ent{{"Lisa Page", "page"}, {"Carl Price", "price"}, {"Mona White", "white"}}},
		{"a law, an index and a firm key whole", "The Harbor Safety Act lifted the Tarvek Composite Index and Ellory Systems.",
			[]ent{{"Harbor Safety Act", "harbor safety act"}, {"Tarvek Composite Index", "tarvek composite index"}, {"Ellory Systems", "ellory systems"}}},
		{"a plural head noun before \"of\" is no person's name", "The National Institutes of Avelia and the Tarvek Forces of Brennick agreed.",
			[]ent{{"National Institutes of Avelia", "national institutes of avelia"}, {"Tarvek Forces of Brennick", "tarvek forces of brennick"}}},
		{"a plural head noun keys whole, an exact one's plural is a surname", "Ryland Heights cheered Tomas Banks.",
			[]ent{{"Ryland Heights", "ryland heights"}, {"Tomas Banks", "banks"}}},
		{"an adviser's title before a name with an organisation word", "The plan came from National Security Adviser Nell Varga.",
			[]ent{{"National Security Adviser Nell Varga", "varga"}}},
		{"a hyphenated adjective inside a name ends it", "Port Calder-based Vensa Labs hired 40 engineers.",
			[]ent{{"Vensa Labs", "vensa labs"}}},
		{"trap: a hyphenated adjective leaves no piece of the place before it", "Staff at New Brennick-based Tarlo Group and Sgt. Ivo Marsh of Fort Calder-based units said so.",
			[]ent{{"Tarlo Group", "tarlo group"}, {"Sgt. Ivo Marsh", "marsh"}}},
		{"trap: a hyphenated adjective at the sentence start", "Lake Orlen-born Mira Tasko won.",
			[]ent{{"Mira Tasko", "tasko"}}},
		{"trap: a long name after a place keeps the person's key", "On Friday, West Avelia Democrat Jo Marsh voted no.",
			[]ent{{"West Avelia Democrat Jo Marsh", "marsh"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			if len(d.Claims) != 1 {
				t.Fatalf("want one claim, got %q", claimTexts(d))
			}
			if diff := cmp.Diff(tt.want, entities(d.Claims[0])); diff != "" {
				t.Errorf("entities of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestEntityKeysAcrossDocument checks that variants of one name in
// different sentences of a document share a key, and different names do not.
func TestEntityKeysAcrossDocument(t *testing.T) {
	tests := []struct {
		name, text string
		same       [][2]string // entity texts that must share a key
		differ     [][2]string // entity texts that must not
	}{
		{"surname variants", "President Joe Biden arrived in Warsaw. Polish leaders met Biden.",
			[][2]string{{"Joe Biden", "Biden"}}, [][2]string{{"Biden", "Warsaw"}}},
		{"Arabic article variants", "Khalil al-Hayya led the delegation. Al-Hayya later met Witkoff. Hayya declined to comment.",
			[][2]string{{"Khalil al-Hayya", "Al-Hayya"}, {"Al-Hayya", "Hayya"}}, [][2]string{{"Hayya", "Witkoff"}}},
		{"acronym defined once, used later", "The World Food Programme (WFP) suspended deliveries. WFP trucks were turned back at the border.",
			[][2]string{{"World Food Programme", "WFP"}}, nil},
		{"acronym defined in brackets, used later", "The UN Security Council’s [UNSC] vote came late. Diplomats said the UNSC would meet again.",
			[][2]string{{"UN Security Council’s", "UNSC"}}, nil},
		{"Kim Jong Un spellings", "Kim Jong Un oversaw the launch. State media said Kim Jong-un was pleased.",
			[][2]string{{"Kim Jong Un", "Kim Jong-un"}}, nil},
		{"one-letter spelling variant", "Libya was ruled by Qaddafi for four decades. Crowds loyal to Qadhafi gathered in Sirte.",
			[][2]string{{"Qaddafi", "Qadhafi"}}, nil},
		{"lexicon expansion", "The Israel Defense Forces withdrew. An IDF spokesman confirmed it.",
			[][2]string{{"Israel Defense Forces", "IDF"}}, nil},
		{"short names never merge", "Li met Lu in Beijing. Lu later met Li again.",
			nil, [][2]string{{"Li", "Lu"}}},
		{"short names never merge", "Officials from Iran and Iraq met in Baghdad. Iran later left.",
			nil, [][2]string{{"Iran", "Iraq"}}},
		{"two places one compass word apart stay apart", "North Avelia fired a missile. South Avelia condemned the launch. Lisbon called for calm.",
			nil, [][2]string{{"North Avelia", "South Avelia"}}},
		{"an index meets its short name", "The Tarvek Composite Index fell. Tarvek shares led the decline.",
			[][2]string{{"Tarvek Composite Index", "Tarvek"}}, nil},
		{"a team named after a place meets its short name", "The New Brennick Comets won on Sunday. Fans said the Comets deserved it.",
			[][2]string{{"New Brennick Comets", "Comets"}}, nil},
		{"trap: a team named after a place is not the place", "The New Brennick Comets won in New Brennick on Sunday. New Brennick cheered.",
			nil, [][2]string{{"New Brennick Comets", "New Brennick"}}},
		{"a place and its city meet, a person named like its last word does not", "Flights to New Brennick resumed. New Brennick City reopened its port. It was welcomed by Tara Brennick.",
			[][2]string{{"New Brennick", "New Brennick City"}}, [][2]string{{"New Brennick", "Tara Brennick"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			keys := map[string]string{}
			for _, c := range d.Claims {
				for _, e := range c.Entities {
					keys[e.Text] = e.Key
				}
			}
			key := func(name string) string {
				k, ok := keys[name]
				if !ok {
					t.Fatalf("no entity %q in %q; entities: %v", name, tt.text, keys)
				}
				return k
			}
			for _, p := range tt.same {
				if a, b := key(p[0]), key(p[1]); a != b {
					t.Errorf("%q keys to %q, %q to %q: want one key", p[0], a, p[1], b)
				}
			}
			for _, p := range tt.differ {
				if a, b := key(p[0]), key(p[1]); a == b {
					t.Errorf("%q and %q share key %q", p[0], p[1], a)
				}
			}
		})
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"hayya", "hayya", true},
		{"lexmark", "lexmark international", true},
		{"qaddafi", "qadhafi", true},
		{"kadhafi", "gaddafi", false},
		{"new", "new york", false},
		{"brennick", "new brennick", false},
		{"avelia", "south avelia", false},
		{"new brennick", "new brennick city", true},
		{"comets", "new brennick comets", true},
		{"new brennick", "new brennick comets", false},
		{"new brennick", "new brennick county", true},
		// A body named after a place of several words is not the place.
		{"new brennick", "new brennick times", false},
		{"new brennick", "new brennick police department", false},
		{"port avel", "port avel union-tribune", false},
		{"house judiciary", "house judiciary committee", true},
		{"brennick comets", "new brennick comets", false},
		{"tarvo vale", "east tarvo vale", false},
		{"vale", "east tarvo vale", true},
		{"brennick cross hospital", "new brennick cross hospital", true},
		{"north avelia", "south avelia", false},
		{"barack obama", "barak obama", true},
		{"kim jong un", "kim jongun", true},
		{"li", "lu", false},
		{"sanders", "saunders", true},
		{"iran", "iraq", false},
		// A one-word key is not the short form of a name it only opens
		// as an adjective (LexDemonym), of a body or work named after it
		// (sub=body), and a chamber is not a longer name around it
		// (sub=chamber); firms and parties keep their short forms.
		{"american", "american jobs act", false},
		{"catholic", "conference of catholic bishops", false},
		{"democratic", "democratic national convention", false},
		{"brennick", "brennick post", false},
		{"brennick", "brennick foundation", false},
		{"brennick", "brennick forces", false},
		{"brennick", "council of brennick", false},
		{"brennick", "brennick holdings", true},
		{"brennick", "brennick party", true},
		{"brennick", "brennick university", true},
		{"committee", "brennick committee", true},
		{"house", "white house", false},
		{"house", "house republicans", false},
		{"senate", "brennick senate", false},
		{"house", "house of representatives", true},
		{"senate", "us senate", true},
		{"house", "uk house", true},
		{"senate", "republican senate", true},
		{"senate", "republican senate majority", false},
		{"brennick", "brennick alliance", false},
		// Initials: a one-word key of three letters or more that spells
		// the longer key's words, function words left out.
		{"bfc", "brennick football club", true},
		{"brennick football club", "bfc", true},
		{"bfi", "brennick federation of industry", true},
		{"usbc", "us brennick council", true},
		{"ubc", "us brennick council", true},
		{"bfx", "brennick football club", false},
		{"bf", "brennick football", false},
		{"bfc", "brennick football club league", false},
		{"bfc1", "brennick football club", false},
		// A name that opens with an acronym's expansion is the one that
		// opens with the acronym (acronym.txt: us, United States).
		{"united states brennick council", "us brennick council", true},
		{"us brennick council", "united states brennick council", true},
		{"united states brennick council", "us brennick board", false},
		{"brennick", "oklahoma republican party", false},
		{"oklahoma", "oklahoma republican party", false},
		{"arabia", "kingdom of saudi arabia", true},
	}
	for _, tt := range tests {
		if got := extract.SameName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

type num struct {
	Text       string
	Value, Max float64
	Unit       string
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []num
	}{
		{"The storm damaged 1,200 homes and cut power to 80,000 customers.",
			[]num{{"1,200", 1200, 0, "homes"}, {"80,000", 80000, 0, "customers"}}},
		{"Twenty-two miners were rescued after 40 hours underground.",
			[]num{{"Twenty-two", 22, 0, "miners"}, {"40", 40, 0, "hours"}}},
		{"Forty-one people were hurt and seven are missing.",
			[]num{{"Forty-one", 41, 0, "people"}, {"seven", 7, 0, ""}}},
		{"Unemployment rose to 4.1% in October, up from 3.9 per cent.",
			[]num{{"4.1%", 4.1, 0, "percent"}, {"3.9 per cent", 3.9, 0, "percent"}}},
		{"Turnout reached 62 percent, officials said.",
			[]num{{"62 percent", 62, 0, "percent"}}},
		{"The company raised $2.5 billion from investors.",
			[]num{{"$2.5 billion", 2.5e9, 0, "usd"}}},
		{"The fund lost €300 million and £40m in a single quarter.",
			[]num{{"€300 million", 3e8, 0, "eur"}, {"£40m", 4e7, 0, "gbp"}}},
		{"Tickets cost $US3.95 each.",
			[]num{{"$US3.95", 3.95, 0, "usd"}}},
		{"Most of it, $US51 billion, went to the troops.",
			[]num{{"$US51 billion", 51e9, 0, "usd"}}},
		{"The deal is worth 41bn dollars over ten years.",
			[]num{{"41bn dollars", 41e9, 0, "usd"}, {"ten", 10, 0, "years"}}},
		{"Police said between 10 and 15 protesters were detained.",
			[]num{{"10 and 15", 10, 15, "protesters"}}},
		{"Officials expect 200 to 300 troops to arrive.",
			[]num{{"200 to 300", 200, 300, "troops"}}},
		{"Forecasters predict 10-15 centimetres of snow.",
			[]num{{"10-15", 10, 15, "centimetres"}}},
		{"Andrew died at age 22 from an overdose.",
			[]num{{"22", 22, 0, "age"}}},
		{"Polls are open from 8 a.m. to 5 p.m. on Tuesday.",
			[]num{{"8 a.m.", 480, 0, "time"}, {"5 p.m.", 300, 0, "time"}}},
		{"A relative called police at 3:22 p.m. and the fire started at 14:30.",
			[]num{{"3:22 p.m.", 202, 0, "time"}, {"14:30", 150, 0, "time"}}},
		{"The score was 3:2 after he scored 5 amazing goals.",
			[]num{{"3", 3, 0, ""}, {"2", 2, 0, ""}, {"5", 5, 0, "goals"}}},
		{"Her 2014 federal tax rate was 35.72 after the 2016 election, and 2000 people paid more.",
			[]num{{"35.72", 35.72, 0, ""}, {"2000", 2000, 0, "people"}}},
		{"Several hundred thousand protesters marched on Sunday.",
			[]num{{"Several hundred thousand", 300_000, 900_000, "protesters"}}},
		{"The polls stay open from 8 to 10 p.m. tonight.",
			[]num{{"8 to 10", 8, 10, ""}}},
		{"Dozens of patients were treated in corridors.",
			[]num{{"Dozens", 24, 143, "patients"}}},
		{"Police broke up a crowd of several thousand demonstrators.",
			[]num{{"several thousand", 3000, 9000, "demonstrators"}}},
		{"A few hundred rioters threw stones.",
			[]num{{"few hundred", 200, 500, "rioters"}}},
		{"Thousands of protesters marched.",
			[]num{{"Thousands", 2000, 999_999, "protesters"}}},
		{"Tens of thousands of people fled the floods.",
			[]num{{"Tens of thousands", 20_000, 99_999, "people"}}},
		{"Hundreds of millions of dollars were lost.",
			[]num{{"Hundreds of millions", 2e8, 999_999_999, "usd"}}},
		{"The ceasefire freed the 20 remaining living hostages.",
			[]num{{"20", 20, 0, "hostages"}}},
		{"The bank cut its rate by .5 percent and the index fell .75 points.",
			[]num{{".5 percent", 0.5, 0, "percent"}, {".75", 0.75, 0, "points"}}},
		{"Shares rose $.50 to close at $12 (.25 above the open).",
			[]num{{"$.50", 0.5, 0, "usd"}, {"$12", 12, 0, "usd"}, {".25", 0.25, 0, ""}}},
		{"trap: Exhibit No.5 lists Jan.5 and the 2010.5 release...5 of them.",
			[]num{{"5", 5, 0, "lists"}, {"2010.5", 2010.5, 0, "release"}, {"5", 5, 0, ""}}},
		{"trap: one of the topics was trade, and no one objected.", nil},
		{"trap: The 1e308 billion figure and 0x10 code are not quantities.", nil},
		{"trap: The score was 3-1 after ninety minutes.", []num{{"ninety", 90, 0, "minutes"}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := extract.Extract(strings.TrimPrefix(tt.text, "trap: "))
			checkDoc(t, d)
			var got []num
			for _, c := range d.Claims {
				for _, n := range c.Numbers {
					got = append(got, num{n.Text, n.Value, n.Max, n.Unit})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("numbers (-want +got):\n%s", diff)
			}
		})
	}
}

type date struct{ Text, Value, Precision string }

func TestDates(t *testing.T) {
	tests := []struct {
		text, pub string
		want      []date
	}{
		{"The summit was held on Sept. 9.", pub, []date{{"Sept. 9", "2025-09-09", "day"}}},
		{"Delegates met again on September 9.", pub, []date{{"September 9", "2025-09-09", "day"}}},
		{"The strike came on 9 September, officials said.", pub, []date{{"9 September", "2025-09-09", "day"}}},
		{"The vote is set for March 3, 2026.", pub, []date{{"March 3, 2026", "2026-03-03", "day"}}},
		{"Talks are planned for Jan. 5.", pub, []date{{"Jan. 5", "2026-01-05", "day"}}},
		{"Witkoff met al-Hayya in October.", pub, []date{{"October", "2025-10", "month"}}},
		{"The plant opened in 2011 and closed in October 2019.", pub, []date{{"2011", "2011", "year"}, {"October 2019", "2019-10", "month"}}},
		{"The agency will publish its findings on Wednesday.", pub, []date{{"Wednesday", "2025-11-26", "day"}}},
		{"The agency published its findings on Wednesday.", pub, []date{{"Wednesday", "2025-11-19", "day"}}},
		{"The envoy is expected to arrive on Monday.", pub, []date{{"Monday", "2025-11-24", "day"}}},
		{"Prices climbed last week and fell this month.", pub, []date{{"last week", "2025-W46", "week"}, {"this month", "2025-11", "month"}}},
		{"Exports rose next year, the forecast says, after falling last year.", pub, []date{{"next year", "2026", "year"}, {"last year", "2024", "year"}}},
		{"The bridge closed yesterday and reopens tomorrow.", pub, []date{{"yesterday", "2025-11-20", "day"}, {"tomorrow", "2025-11-22", "day"}}},
		{"The report is dated 2024-02-29.", pub, []date{{"2024-02-29", "2024-02-29", "day"}}},
		// Without a publication date: the year is unknown, relative dates unresolved.
		{"The summit was held on Sept. 9.", "", []date{{"Sept. 9", "XXXX-09-09", "day"}}},
		{"Witkoff met al-Hayya in October.", "", []date{{"October", "XXXX-10", "month"}}},
		{"The agency published its findings on Wednesday.", "", []date{{"Wednesday", "", "day"}}},
		{"Prices climbed last week.", "", []date{{"last week", "", "week"}}},
		{"The plant opened in 2011.", "", []date{{"2011", "2011", "year"}}},
		{"The minister spoke on “This Week” on Sunday, as he did last week.", pub, []date{{"Sunday", "2025-11-16", "day"}, {"last week", "2025-W46", "week"}}},
		// Traps.
		{"Analysts say rates may rise, and a march was planned.", pub, nil},
		{"The 2011 figure was revised.", pub, nil},
		{"In March protesters will fill the square again.", pub, []date{{"March", "2026-03", "month"}}},
		{"Protests are planned in May.", "", []date{{"May", "XXXX-05", "month"}}},
		{"The law took effect in June.", pub, []date{{"June", "2025-06", "month"}}},
		{"The ministry may delay the vote.", pub, nil},
	}
	for _, tt := range tests {
		t.Run(tt.pub+" "+tt.text, func(t *testing.T) {
			d := extract.Extract(tt.text, extract.WithPublished(tt.pub))
			checkDoc(t, d)
			var got []date
			for _, c := range d.Claims {
				for _, x := range c.Dates {
					got = append(got, date{x.Text, x.Value, x.Precision})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("dates (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSameDateTwoSpellings checks that Sept. 9 and September 9 in one
// document resolve to one value.
func TestSameDateTwoSpellings(t *testing.T) {
	d := extract.Extract("The strike hit Doha on Sept. 9. His son died in the strike on September 9.", extract.WithPublished(pub))
	checkDoc(t, d)
	if len(d.Claims) != 2 || len(d.Claims[0].Dates) != 1 || len(d.Claims[1].Dates) != 1 {
		t.Fatalf("want one date in each of two claims, got %+v", d.Claims)
	}
	if a, b := d.Claims[0].Dates[0].Value, d.Claims[1].Dates[0].Value; a != b || a != "2025-09-09" {
		t.Errorf("Sept. 9 → %q, September 9 → %q; want both 2025-09-09", a, b)
	}
}

func TestBadPublishedDate(t *testing.T) {
	d := extract.Extract("The bridge reopened yesterday.", extract.WithPublished("21/11/2025"))
	checkDoc(t, d)
	if len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "not YYYY-MM-DD") {
		t.Errorf("want a note about the published date, got %q", d.Notes)
	}
	if v := d.Claims[0].Dates[0].Value; v != "" {
		t.Errorf("yesterday resolved to %q against an unreadable date", v)
	}
}

type quote struct{ Text, Speaker, Verb string }

func TestQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string][]quote // claim substring → its quotes
		notes      bool               // a repair note is expected
	}{
		{name: "speaker after, inverted",
			text: "“We are not leaving,” said Maria Santos, a nurse at the clinic.",
			want: map[string][]quote{"nurse": {{"We are not leaving", "Maria Santos", "said"}}}},
		{name: "speaker after, with title",
			text: "“This is a dark day for our city,” Mayor Tom Bradley told reporters.",
			want: map[string][]quote{"dark day": {{"This is a dark day for our city", "Mayor Tom Bradley", "told"}}}},
		{name: "speaker before with colon, multi-sentence quote",
			text: "The minister said: “The border will stay open. Trade must continue.” Officials agreed.",
			want: map[string][]quote{
				"The minister": {{"The border will stay open. Trade must continue", "The minister", "said"}},
				"Trade must":   {{"The border will stay open. Trade must continue", "The minister", "said"}},
				"Officials":    nil,
			}},
		{name: "question mark before the speaker",
			text: "“Who will pay for this?” asked Councillor Priya Nair.",
			want: map[string][]quote{"pay": {{"Who will pay for this?", "Councillor Priya Nair", "asked"}}}},
		{name: "pronoun resolved to the name before",
			text: "Doctors at Al-Shifa described the night. “It was chaos,” Dr. Marwan Sultan said. “Nobody knew where to go,” he said.",
			want: map[string][]quote{"Nobody": {{"Nobody knew where to go", "Marwan Sultan", "said"}}}},
		{name: "participle speaks for the subject",
			text: "Hamas swiftly condemned the vote, saying it imposed “an international trusteeship on the Gaza Strip”.",
			want: map[string][]quote{"Hamas": {{"an international trusteeship on the Gaza Strip", "Hamas", "saying"}}}},
		{name: "characterised as",
			text: "The president slammed the ruling as “an attack on democracy”.",
			want: map[string][]quote{"ruling": {{"an attack on democracy", "The president", "slammed"}}}},
		{name: "scare quote is not a quotation",
			text: "Talks covered the “Israeli” withdrawal from the city.",
			want: map[string][]quote{"Talks": nil}},
		{name: "title of a show is not a quotation",
			text: "He told CBS’s “60 Minutes” that the talks would continue.",
			want: map[string][]quote{"talks": nil}},
		{name: "unbalanced quote stops at its sentence",
			text:  "The spokesman said “no comment and walked off.\n\nThe next paragraph is ordinary prose. Rain is expected.",
			want:  map[string][]quote{"spokesman": {{"no comment and walked off", "The spokesman", "said"}}, "ordinary prose": nil, "Rain": nil},
			notes: true},
		{name: "unbalanced quote in a paragraph of several sentences",
			text:  "Residents said “they had been abandoned. The water rose fast. Help came late.",
			want:  map[string][]quote{"Residents": {{"they had been abandoned", "Residents", "said"}}, "water": nil, "Help": nil},
			notes: true},
		{name: "according to after letters whose lower case is longer",
			text: "The plan is a “betrayal of the valley” in İskele, according to the regional roads office.",
			want: map[string][]quote{"betrayal": {{"betrayal of the valley", "the regional roads office", ""}}}},
		{name: "straight quotes",
			text: `"We will rebuild," the mayor said.`,
			want: map[string][]quote{"rebuild": {{"We will rebuild", "the mayor", "said"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			for sub, want := range tt.want {
				c := claimWith(t, d, sub)
				var got []quote
				for _, q := range c.Quotes {
					got = append(got, quote{q.Text, q.Speaker, q.Verb})
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("quotes of claim %q (-want +got):\n%s", c.Text, diff)
				}
			}
			if hasNote := len(d.Notes) > 0; hasNote != tt.notes {
				t.Errorf("notes = %q, want notes: %v", d.Notes, tt.notes)
			}
		})
	}
}

// TestQuotedVoice checks that markers inside a direct quote are the
// speaker's, and outside it the outlet's.
func TestQuotedVoice(t *testing.T) {
	d := extract.Extract("“These terrorists must be stopped,” the minister said, as the so-called militia regrouped.")
	checkDoc(t, d)
	type mk struct{ Kind, Text, Voice, Speaker string }
	var got []mk
	for _, m := range d.Claims[0].Markers {
		got = append(got, mk{m.Kind, m.Text, m.Voice, m.Speaker})
	}
	want := []mk{
		{"label", "These terrorists", "quoted", "the minister"},
		{"attribution", "said", "outlet", ""},
		{"distancing", "so-called", "outlet", ""},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreSliceElements(func(m mk) bool { return m.Kind == "agentless" || m.Kind == "intensifier" })); diff != "" {
		t.Errorf("markers (-want +got):\n%s", diff)
	}
}

type attr struct{ Source, Verb, Stance string }

func TestAttribution(t *testing.T) {
	tests := []struct {
		text string
		want *attr
	}{
		{"The New York Times reported on Saturday that talks were planned.", &attr{"The New York Times", "reported", "neutral"}},
		{"According to regional media, the agenda is expected to cover reconstruction.", &attr{"regional media", "According to", "neutral"}},
		{"Talks will resume next week, said a senior diplomat.", &attr{"a senior diplomat", "said", "neutral"}},
		{"Lebanon’s health ministry confirmed that 13 people died.", &attr{"Lebanon’s health ministry", "confirmed", "neutral"}},
		{"The minister admitted that the figures were wrong.", &attr{"The minister", "admitted", "endorsing"}},
		{"Hamas denied having any military infrastructure in the camps.", &attr{"Hamas", "denied", "denial"}},
		{"The Lebanese National News Agency said the strike hit a vehicle.", &attr{"The Lebanese National News Agency", "said", "neutral"}},
		{"Microsoft Corp. said it would cut 1,000 jobs.", &attr{"Microsoft Corp", "said", "neutral"}},
		{"The Independent Election Commission [IEC] said turnout was high.", &attr{"IEC", "said", "neutral"}},
		{"trap: Prices rose sharply in October.", nil},
		{"trap: Citing security concerns, the embassy closed.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := extract.Extract(strings.TrimPrefix(tt.text, "trap: "))
			checkDoc(t, d)
			var got *attr
			if a := d.Claims[0].Attribution; a != nil {
				got = &attr{a.Source, a.Verb, a.Stance}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("attribution (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEmptyText(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\t\n", "\ufeff"} {
		d := extract.Extract(text)
		checkDoc(t, d)
		if d.Claims == nil || len(d.Claims) != 0 {
			t.Errorf("Extract(%q).Claims = %#v, want an empty, non-nil slice", text, d.Claims)
		}
		if d.ID != "d1" {
			t.Errorf("Extract(%q).ID = %q, want d1", text, d.ID)
		}
	}
}

// TestInvalidUTF8 checks the documented handling: bytes that are not UTF-8
// separate words, a note counts them, and spans index the original bytes.
func TestInvalidUTF8(t *testing.T) {
	text := "Caf\xe9 owners protested on Monday.\xa0The mayor said \xc3the rent is too high."
	d := extract.Extract(text, extract.WithPublished(pub))
	checkDoc(t, d)
	if d.Text != text {
		t.Fatalf("Text was changed")
	}
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "3 bytes that are not UTF-8") {
		t.Errorf("notes = %q, want one note counting 3 bad bytes", d.Notes)
	}
	if diff := cmp.Diff([]string{"Caf\xe9 owners protested on Monday.", "The mayor said \xc3the rent is too high."}, claimTexts(d)); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
	c := claimWith(t, d, "Monday")
	if len(c.Dates) != 1 || c.Dates[0].Value != "2025-11-17" {
		t.Errorf("dates = %+v, want Monday 2025-11-17", c.Dates)
	}
	// The bad byte separates "Caf" from "owners".
	if c.Tokens[0].Text != "Caf" {
		t.Errorf("first token = %q, want Caf", c.Tokens[0].Text)
	}
}

// TestLongLine checks that a line with no sentence end is cut into claims
// of bounded size, on spaces when there are spaces, and that the cut is
// noted.
func TestLongLine(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"words", strings.Repeat("lorem ipsum dolor ", 20000)},
		{"no spaces", strings.Repeat("x", 100000)},
		{"multibyte no spaces", strings.Repeat("ж", 50000)},
		{"continuation bytes", strings.Repeat("\x80", 10000)},
		{"quotation marks", strings.Repeat("“a ", 20000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			checkDoc(t, d)
			if len(d.Claims) < len(tt.text)/3000 && tt.name != "continuation bytes" {
				t.Errorf("%d claims for %d bytes: the line was not cut", len(d.Claims), len(tt.text))
			}
			for _, c := range d.Claims {
				if c.Span.Len() > 3000 {
					t.Fatalf("claim %s is %d bytes, more than 3000", c.ID, c.Span.Len())
				}
				if tt.name == "words" && (c.Span.Start > 0 && tt.text[c.Span.Start-1] != ' ' || c.Span.End < len(tt.text) && tt.text[c.Span.End] != ' ') {
					t.Fatalf("claim %s %v was cut inside a word: %q…%q", c.ID, c.Span, c.Text[:10], c.Text[len(c.Text)-10:])
				}
			}
			found := false
			for _, n := range d.Notes {
				found = found || strings.Contains(n, "was cut into pieces")
			}
			if !found {
				t.Errorf("no note says the line was cut: %q", d.Notes)
			}
		})
	}
}

func TestRepeatOf(t *testing.T) {
	lead := "Witkoff met senior Hamas official Khalil al-Hayya in Istanbul on Wednesday to discuss the next stage of the Gaza plan."
	d := extract.Extract(lead + "\n\nOther news followed.\n\nIn Istanbul on Wednesday, Witkoff met senior Hamas official Khalil al-Hayya to discuss the next stage of the Gaza plan.")
	checkDoc(t, d)
	if len(d.Claims) != 3 {
		t.Fatalf("claims: %q", claimTexts(d))
	}
	if d.Claims[2].RepeatOf != "d1.c1" || d.Claims[1].RepeatOf != "" {
		t.Errorf("RepeatOf = %q, %q; want \"\", d1.c1", d.Claims[1].RepeatOf, d.Claims[2].RepeatOf)
	}
}

func TestDetectorOutsideClaimDropped(t *testing.T) {
	bad := extract.DetectorFunc(func(s extract.Sentence) []extract.Marker {
		return []extract.Marker{{Kind: "x", Span: extract.Span{Start: s.Claim.Span.End, End: s.Claim.Span.End + 5}}}
	})
	d := extract.Extract("The river rose. Streets flooded.", extract.WithDetector(bad))
	checkDoc(t, d)
	for _, c := range d.Claims {
		for _, m := range c.Markers {
			if m.Kind == "x" {
				t.Errorf("marker outside its claim kept: %+v", m)
			}
		}
	}
	if len(d.Notes) != 2 {
		t.Errorf("want a note for each dropped marker, got %q", d.Notes)
	}
}

// TestResolvedBugs keeps the bugs found while writing these tests, each a
// case that failed before its fix.
func TestResolvedBugs(t *testing.T) {
	t.Run("a title after an acronym starts the next name", func(t *testing.T) {
		d := extract.Extract("U.S. President Donald Trump met the envoy in Doha.")
		var got []string
		for _, e := range d.Claims[0].Entities {
			got = append(got, e.Text+"="+e.Key)
		}
		if diff := cmp.Diff([]string{"U.S.=us", "President Donald Trump=trump", "Doha=doha"}, got); diff != "" {
			t.Errorf("entities (-want +got):\n%s", diff)
		}
	})
	t.Run("a common noun opening a sentence is no name", func(t *testing.T) {
		for _, text := range []string{"Traders were surprised by data from the Bank of Lithuania.", "Supporters of Qadhafi gathered in Sirte."} {
			d := extract.Extract(text)
			for _, e := range d.Claims[0].Entities {
				if strings.HasPrefix(e.Text, "Traders") || strings.HasPrefix(e.Text, "Supporters") {
					t.Errorf("%q: entity %q", text, e.Text)
				}
			}
		}
	})
	t.Run("a month in a past-tense sentence resolves to the past", func(t *testing.T) {
		d := extract.Extract("In March protesters filled the square.", extract.WithPublished(pub))
		if v := d.Claims[0].Dates[0].Value; v != "2025-03" {
			t.Errorf("March → %q, want 2025-03", v)
		}
	})
	t.Run("a weekday after a reporting verb is in the past", func(t *testing.T) {
		d := extract.Extract("Witkoff is planning a meeting, The New York Times reported on Saturday.", extract.WithPublished(pub))
		if v := d.Claims[0].Dates[0].Value; v != "2025-11-15" {
			t.Errorf("reported on Saturday → %q, want 2025-11-15", v)
		}
	})
	t.Run("the counted noun is the plural noun", func(t *testing.T) {
		d := extract.Extract("Citing two anonymous sources familiar with the plans, the report gave no date. Miners were rescued after 40 hours underground.")
		var units []string
		for _, c := range d.Claims {
			for _, n := range c.Numbers {
				units = append(units, n.Unit)
			}
		}
		if diff := cmp.Diff([]string{"sources", "hours"}, units); diff != "" {
			t.Errorf("units (-want +got):\n%s", diff)
		}
	})
	t.Run("Qaddafi and Gaddafi are variants", func(t *testing.T) {
		if !extract.SameName("qaddafi", "gaddafi") {
			t.Errorf("SameName(qaddafi, gaddafi) = false")
		}
	})
	t.Run("a relative clause between subject and said", func(t *testing.T) {
		d := extract.Extract("The mayor, who took office in May, said the budget was balanced.")
		if a := d.Claims[0].Attribution; a == nil || a.Source != "The mayor" {
			t.Errorf("attribution = %+v, want source The mayor", a)
		}
	})
	t.Run("a defined acronym that spells a stop word", func(t *testing.T) {
		d := extract.Extract("The World Health Organization (WHO) warned that WHO staff could not reach the clinic.")
		n := 0
		for _, e := range d.Claims[0].Entities {
			if e.Key == "who" || e.Text == "WHO" {
				n++
			}
		}
		if n < 2 {
			t.Errorf("entities %+v: want the organisation and WHO with one key", d.Claims[0].Entities)
		}
	})
}

func TestNumberCounts(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Twenty hostages were freed.", true},
		{"The firm paid $43 million.", false},
		{"The firm paid 5 million euros.", false},
		{"Turnout was 61 percent.", false},
		{"The vote was 97.", false},
	}
	for _, tc := range tests {
		d := extract.Extract(tc.text)
		if len(d.Claims) != 1 || len(d.Claims[0].Numbers) != 1 {
			t.Fatalf("%q: want one claim with one number, got %+v", tc.text, d.Claims)
		}
		if n := d.Claims[0].Numbers[0]; n.Counts() != tc.want {
			t.Errorf("%q: %q (unit %q) Counts() = %v, want %v", tc.text, n.Text, n.Unit, n.Counts(), tc.want)
		}
	}
}
