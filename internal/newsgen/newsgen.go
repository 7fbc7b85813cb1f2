// Package newsgen writes made-up news corpora with the shape of real ones,
// for benchmarks: JSON lines of articles with an "event" field, each event
// reported by several outlets in articles of about thirty sentences and
// four kilobytes, with names, places, numbers, dates, quotes, attributions
// and hedges. Outlets retell a shared core of facts in their own words
// (synonyms, reordered clauses, other numbers now and then) and add claims
// of their own, so comparison finds agreements, conflicts and unique
// claims in the proportions real coverage has.
//
// Every sentence is built from our own templates and word lists; nothing
// is copied from a real article. The output is deterministic for a seed.
package newsgen

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"strings"
)

// Options says what to write.
type Options struct {
	Events   int   // number of events
	Outlets  int   // articles per event (default 3)
	Claims   int   // sentences per article, about (default 30)
	Seed     int64 // random seed
	MaxBytes int   // stop after this many bytes (0: no limit)
}

// Record is one line of the corpus.
type Record struct {
	Event     string `json:"event"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

var (
	outlets = []string{"Northwind Wire", "Eastgate Herald", "Capital Daily", "Harbor Ledger", "Meridian Post", "Coastline Courier", "Market Pulse", "Kordan Courier"}
	first   = []string{"Ana", "Tomas", "Ingrid", "Karim", "Lena", "Marcus", "Priya", "Jonas", "Elif", "Dmitri", "Sofia", "Rafael", "Amara", "Henrik", "Yusuf", "Clara", "Omar", "Noor", "Pavel", "Greta"}
	last    = []string{"Varga", "Haddad", "Okafor", "Lindqvist", "Moreau", "Castellano", "Brennan", "Nakamura", "Aldana", "Petrov", "Osei", "Kowalski", "Farouk", "Delacroix", "Whitcombe", "Rahimi", "Sorensen", "Mbeki", "Quintero", "Halloran"}
	places  = []string{"Valmora", "Kessington", "Port Aldren", "Brennick", "Sarrow Falls", "Oldham Cross", "Tirelli", "New Hadley", "Carrowmere", "Essen Vale", "Dunmore Bay", "Larkspur", "Marisco", "Greyhaven", "Fenwick", "Halden", "Riverton", "Ostrava Point"}
	orgs    = []string{"the Interior Ministry", "the regional council", "the national rail operator", "the Harbor Authority", "the Health Department", "the central bank", "the Workers' Union", "the Coast Guard", "the Supreme Court", "the Energy Regulator"}
	titles  = []string{"Minister", "Governor", "Mayor", "spokeswoman", "spokesman", "Chief Inspector", "Senator", "director"}
	topics  = []topic{
		{"flood", []string{"floodwaters", "heavy rain", "the river", "evacuation centers", "rescue boats", "the levee", "residents", "homes"}, "people were evacuated"},
		{"strike", []string{"dockworkers", "the port", "wage talks", "picket lines", "cargo ships", "the union", "shipping", "containers"}, "workers walked off the job"},
		{"election", []string{"voters", "polling stations", "the ballot", "the count", "turnout", "the opposition", "the incumbent", "observers"}, "votes were counted"},
		{"fire", []string{"the blaze", "firefighters", "the warehouse", "smoke", "the district", "nearby buildings", "the fire brigade", "investigators"}, "people were hurt"},
		{"merger", []string{"shareholders", "the deal", "regulators", "the bank", "the offer", "analysts", "the board", "market share"}, "jobs will be cut"},
		{"protest", []string{"protesters", "police", "the square", "tear gas", "the march", "organisers", "the capital", "barricades"}, "people were detained"},
		{"outbreak", []string{"hospitals", "patients", "the virus", "vaccines", "clinics", "health workers", "the outbreak", "test results"}, "cases were confirmed"},
		{"trial", []string{"the defendant", "prosecutors", "the jury", "the verdict", "witnesses", "the judge", "the appeal", "the charges"}, "counts were dismissed"},
	}
	verbsSay  = []string{"said", "told reporters", "said in a statement", "confirmed", "claimed", "insisted", "acknowledged", "warned"}
	hedges    = []string{"reportedly", "allegedly", "apparently", "possibly", "it is believed", "according to officials"}
	weekdays  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	adjs      = []string{"severe", "unprecedented", "long-awaited", "controversial", "sweeping", "modest", "sudden", "disputed", "temporary", "costly"}
	synonyms  = map[string][]string{"said": {"stated", "noted"}, "hurt": {"injured", "wounded"}, "cut": {"eliminated", "axed"}, "began": {"started", "got under way"}, "large": {"big", "major"}, "officials": {"authorities", "the government"}}
	connector = []string{"Meanwhile,", "Earlier,", "Separately,", "In a statement,", "Later that day,", "At the same time,"}
)

type topic struct {
	name  string
	nouns []string
	count string // "N <count>"
}

// event holds the facts all outlets of one event draw on.
type event struct {
	id      string
	topic   topic
	place   string
	people  []string
	org     string
	number  int
	day     string
	date    string
	month   string
	core    []string // shared sentences, in the neutral wording
	details []string
}

func (g *gen) pick(s []string) string { return s[g.r.Intn(len(s))] }

type gen struct{ r *rand.Rand }

func (g *gen) person() string { return g.pick(first) + " " + g.pick(last) }

func (g *gen) newEvent(k int) *event {
	t := topics[g.r.Intn(len(topics))]
	e := &event{
		id:    fmt.Sprintf("%s-%s-%04d", t.name, strings.ToLower(strings.ReplaceAll(g.pick(places), " ", "-")), k),
		topic: t, place: g.pick(places), org: g.pick(orgs), number: 3 + g.r.Intn(400),
		day: g.pick(weekdays), month: g.pick(months),
	}
	e.date = fmt.Sprintf("2025-%02d-%02d", 1+g.r.Intn(12), 1+g.r.Intn(28))
	for i := 0; i < 4; i++ {
		e.people = append(e.people, g.person())
	}
	n := func() string { return g.pick(t.nouns) }
	facts := []string{
		fmt.Sprintf("At least %d %s in %s on %s, %s said.", e.number, t.count, e.place, e.day, e.org),
		fmt.Sprintf("%s %s said %s had been %s since early %s.", g.pick(titles), e.people[0], n(), g.pick([]string{"under pressure", "on alert", "closed", "overwhelmed"}), e.month),
		fmt.Sprintf("The %s situation in %s drew %s from across the region.", g.pick(adjs), e.place, n()),
		fmt.Sprintf("“We are doing everything we can to protect %s,” %s said.", n(), e.people[1]),
		fmt.Sprintf("Officials said %s and %s would be reviewed by %s.", n(), n(), e.org),
		fmt.Sprintf("%s had warned about %s as early as %s %d.", e.people[2], n(), e.month, 1+g.r.Intn(28)),
		fmt.Sprintf("The cost was put at $%d million, about %d%% more than last year.", 5+g.r.Intn(900), 2+g.r.Intn(60)),
		fmt.Sprintf("Critics called the response “%s” and demanded an inquiry.", g.pick([]string{"a disgrace", "too little, too late", "chaotic", "a cover-up"})),
		fmt.Sprintf("%s, the head of %s, declined to comment on %s.", e.people[3], e.org, n()),
		fmt.Sprintf("More than %d %s were affected across %d districts, the report said.", 10*e.number, n(), 2+g.r.Intn(12)),
		fmt.Sprintf("Talks between %s and %s began on %s and were expected to last %d days.", n(), e.org, g.pick(weekdays), 2+g.r.Intn(9)),
		fmt.Sprintf("%s %s that %s was not responsible for %s.", e.people[1], g.pick([]string{"denied", "insisted", "argued"}), e.org, n()),
		fmt.Sprintf("Residents of %s said %s had %s for hours.", e.place, n(), g.pick([]string{"gathered outside", "waited in line", "blocked the road", "stayed indoors"})),
		fmt.Sprintf("The last comparable %s in %s, in %d, ended after %d days.", t.name, e.place, 1990+g.r.Intn(34), 2+g.r.Intn(20)),
	}
	g.r.Shuffle(len(facts), func(i, j int) { facts[i], facts[j] = facts[j], facts[i] })
	e.core = facts
	for i := 0; i < 40; i++ {
		e.details = append(e.details, g.detail(e))
	}
	return e
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// clauses lengthen a sentence to the length news sentences have.
var clauses = []string{
	", according to a statement released late in the evening",
	", a claim that could not be independently verified",
	", as pressure mounted on the authorities to explain what had gone wrong",
	", adding that further details would be released in the coming days",
	", in remarks broadcast on national television",
	", although the figures were disputed by local groups",
	", weeks after similar warnings were ignored",
}

func (g *gen) detail(e *event) string {
	s := g.detail1(e)
	if g.r.Intn(3) > 0 && strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "”.") {
		s = s[:len(s)-1] + g.pick(clauses) + "."
	}
	return s
}

func (g *gen) detail1(e *event) string {
	n := func() string { return g.pick(e.topic.nouns) }
	switch g.r.Intn(8) {
	case 0:
		return fmt.Sprintf("%s %s that %s %s %s.", g.person(), g.pick(verbsSay), n(), g.pick([]string{"could", "would", "might"}), g.pick([]string{"take weeks to recover", "face new rules", "need more funding", "be moved elsewhere"}))
	case 1:
		return fmt.Sprintf("“%s,” %s, a %s from %s, said.", g.pick([]string{"Nobody told us anything", "We saw it coming", "This is just the beginning", "It was terrifying"}), g.person(), g.pick([]string{"shopkeeper", "teacher", "nurse", "driver", "student"}), g.pick(places))
	case 2:
		return fmt.Sprintf("%s %d %s were %s on %s.", g.pick([]string{"About", "Nearly", "Some", "Up to"}), 5+g.r.Intn(500), n(), g.pick([]string{"recorded", "reported", "counted", "registered"}), g.pick(weekdays))
	case 3:
		return fmt.Sprintf("A %s plan for %s was %s in %s %d.", g.pick(adjs), n(), g.pick([]string{"approved", "announced", "first proposed", "rejected"}), g.pick(months), 2000+g.r.Intn(26))
	case 4:
		return fmt.Sprintf("%s %s, %s %s.", capitalize(n()), g.pick([]string{"remained a concern", "were a key issue", "drew criticism"}), g.pick(hedges), g.pick([]string{"officials said", "sources said", "a report found"}))
	case 5:
		return fmt.Sprintf("%s the handling of %s was %s by %s.", g.pick(connector), n(), g.pick([]string{"criticized", "praised", "questioned", "investigated"}), g.pick(orgs))
	case 6:
		return fmt.Sprintf("Spending on %s in %s has %s %d%% since %s, %s data showed.", n(), g.pick(places), g.pick([]string{"risen", "fallen", "grown", "dropped"}), 1+g.r.Intn(80), g.pick(months), g.pick([]string{"official", "government", "industry"}))
	}
	return fmt.Sprintf("%s, who %s %s, %s to %s.", g.person(), g.pick([]string{"oversees", "represents", "leads"}), n(), g.pick([]string{"promised", "refused", "declined", "vowed"}), g.pick([]string{"resign", "answer questions", "release the figures", "appeal"}))
}

// retell is an outlet's wording of a shared sentence: a synonym here, a
// hedge there, now and then another number.
func (g *gen) retell(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if alt, ok := synonyms[w]; ok && g.r.Intn(2) == 0 {
			words[i] = g.pick(alt)
		}
	}
	out := strings.Join(words, " ")
	if g.r.Intn(6) == 0 {
		out = strings.Replace(out, " said.", " "+g.pick([]string{"claimed", "reported", "told reporters"})+".", 1)
	}
	if g.r.Intn(10) == 0 {
		for d := '1'; d <= '9'; d++ {
			if i := strings.IndexRune(out, d); i >= 0 {
				out = out[:i] + string(rune('1'+(d-'0')%9)) + out[i+1:]
				break
			}
		}
	}
	return out
}

// Write writes the corpus to w and returns the bytes written.
func Write(w io.Writer, o Options) (int, error) {
	if o.Outlets <= 0 {
		o.Outlets = 3
	}
	if o.Claims <= 0 {
		o.Claims = 30
	}
	g := &gen{rand.New(rand.NewSource(o.Seed))}
	total := 0
	for k := 0; k < o.Events; k++ {
		e := g.newEvent(k)
		for oi := 0; oi < o.Outlets; oi++ {
			rec := g.article(e, oi%len(outlets)+len(outlets)*(oi/len(outlets)), o.Claims)
			b, err := json.Marshal(rec)
			if err != nil {
				return total, err
			}
			b = append(b, '\n')
			n, err := w.Write(b)
			total += n
			if err != nil {
				return total, err
			}
			if o.MaxBytes > 0 && total >= o.MaxBytes && oi == o.Outlets-1 {
				return total, nil
			}
		}
	}
	return total, nil
}

func (g *gen) article(e *event, oi, claims int) Record {
	name := outlets[oi%len(outlets)]
	if oi >= len(outlets) {
		name = fmt.Sprintf("%s %d", name, oi/len(outlets)+1)
	}
	var sents []string
	// Most of the core, in this outlet's words and order.
	for _, s := range e.core {
		if g.r.Intn(5) > 0 {
			sents = append(sents, g.retell(s))
		}
	}
	for _, k := range g.r.Perm(len(e.details)) {
		if len(sents) >= claims {
			break
		}
		sents = append(sents, g.retell(e.details[k]))
	}
	g.r.Shuffle(len(sents)-2, func(i, j int) { sents[i+2], sents[j+2] = sents[j+2], sents[i+2] })
	var b strings.Builder
	fmt.Fprintf(&b, "By %s\n\n", g.person())
	for i, s := range sents {
		b.WriteString(s)
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return Record{
		Event: e.id, Outlet: name,
		Title:     fmt.Sprintf("%s in %s: %s", strings.ToUpper(e.topic.name[:1])+e.topic.name[1:], e.place, e.topic.count),
		Published: e.date,
		URL:       fmt.Sprintf("https://%s.example/%s/%s", strings.ToLower(strings.ReplaceAll(name, " ", "")), e.date, e.id),
		Text:      strings.TrimSpace(b.String()),
	}
}
