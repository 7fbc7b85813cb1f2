// Package corpusgen writes synthetic JSON-lines news corpora for the Beam
// pipeline's tests and benchmarks.
//
// Everything it writes is made up from templates: invented places, people,
// outlets and numbers. It exists so that tests have many events reported by
// several outlets that agree on some claims and disagree on others (numbers,
// attributions, hedges, quotes), plus a few malformed lines. It is not
// realistic news and must not be used as an evaluation set.
//
// Output is deterministic for a given Options value.
package corpusgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"time"
)

// Options says what to generate.
type Options struct {
	Events    int   // number of events (each reported by 3 or 4 outlets)
	Seed      int64 // random seed
	Malformed bool  // add malformed lines (bad JSON, missing event, missing text) and blank lines
	// HotEvent, when > 0, adds one event ("hot-event") reported this many
	// times, to exercise the too-large path.
	HotEvent int
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

type outlet struct {
	Name, Host string
	Style      int // 0 wire, 1 tabloid, 2 cautious, 3 analysis
}

var outlets = []outlet{
	{"Northern Wire", "northernwire.example", 0},
	{"Daily Ledger", "dailyledger.example", 1},
	{"Coastal Herald", "coastalherald.example", 2},
	{"Metro Post", "metropost.example", 3},
}

var places = []string{
	"Valmora", "Kessington", "Port Aldren", "Brennick", "Sarrow Falls", "Oldham Cross",
	"Tirelli", "New Hadley", "Carrowmere", "Essen Vale", "Dunmore Bay", "Larkspur",
	"Marisco", "Greyhaven", "Ostrava Point", "Fenwick", "Halden", "Riverton",
}

var regions = []string{"the northern province", "the coastal district", "the eastern region", "the capital region", "the southern valley"}

var firstNames = []string{"Maria", "Tomas", "Aisha", "Viktor", "Lena", "Samuel", "Ingrid", "Rafael", "Noor", "Daniel", "Elif", "Jonas", "Priya", "Henrik", "Chiara", "Kwame"}
var lastNames = []string{"Okafor", "Lindqvist", "Haddad", "Moreau", "Castellano", "Brandt", "Nakamura", "Petrov", "Achterberg", "Quiroga", "Osei", "Varga", "Delacroix", "Rahman", "Sorensen", "Mbeki"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// kind is one type of event with its own wording.
type kind struct {
	name  string
	unit  string // what the main number counts
	build func(r *rand.Rand, f *facts, o outlet) (title string, sentences []string)
}

// facts are what "really happened"; outlets report them with variations.
type facts struct {
	Place, Region string
	Official      string // a named official
	OfficialRole  string
	Witness       string
	Count         int // the main number
	Second        int // a second number
	Day           time.Time
	Published     time.Time
	Company       string
	Percent       int
	QuoteOfficial string
	QuoteWitness  string
}

func person(r *rand.Rand) string {
	return firstNames[r.Intn(len(firstNames))] + " " + lastNames[r.Intn(len(lastNames))]
}

func lastName(full string) string {
	i := strings.LastIndexByte(full, ' ')
	return full[i+1:]
}

// number the outlet reports: most agree, some round or differ.
func reported(r *rand.Rand, n int, o outlet) int {
	switch {
	case o.Style == 1 && r.Intn(3) == 0:
		return n + 1 + r.Intn(5) // tabloid inflates
	case o.Style == 2 && r.Intn(4) == 0:
		return n - n/5 // cautious outlet has an earlier, lower figure
	}
	return n
}

// q quotes a sentence as the object of a speech verb: "..., " said X.
func q(s string) string { return "\"" + strings.TrimSuffix(s, ".") + ",\"" }

func hedge(r *rand.Rand, o outlet) string {
	if o.Style == 2 {
		return []string{"reportedly ", "apparently ", "allegedly "}[r.Intn(3)]
	}
	return ""
}

func intens(r *rand.Rand, o outlet) string {
	if o.Style == 1 {
		return []string{"devastating ", "shocking ", "massive ", "unprecedented "}[r.Intn(4)]
	}
	return ""
}

func attrib(r *rand.Rand, f *facts, o outlet) string {
	switch o.Style {
	case 0:
		return "officials said"
	case 1:
		return "sources told the Ledger"
	case 2:
		return "according to local media"
	}
	return fmt.Sprintf("%s %s said", f.OfficialRole, lastName(f.Official))
}

func relDay(f *facts) string {
	d := int(f.Published.Sub(f.Day).Hours() / 24)
	switch d {
	case 0:
		return "on " + weekdays[(int(f.Day.Weekday())+6)%7]
	case 1:
		return "yesterday"
	}
	return "on " + f.Day.Format("January 2")
}

func dateline(f *facts, o outlet) string {
	if o.Style == 0 {
		return strings.ToUpper(f.Place) + ", " + f.Published.Format("Jan. 2") + " (Northern Wire) - "
	}
	return ""
}

var kinds = []kind{
	{"quake", "people", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		n := reported(r, f.Count, o)
		mag := 4 + r.Intn(3)
		title := fmt.Sprintf("Magnitude %d.%d earthquake strikes near %s", mag, r.Intn(10), f.Place)
		if o.Style == 1 {
			title = fmt.Sprintf("Terror as quake rocks %s, %d dead", f.Place, n)
		}
		s := []string{
			fmt.Sprintf("%sA %searthquake struck near %s in %s %s, killing at least %d people, %s.", dateline(f, o), intens(r, o), f.Place, f.Region, relDay(f), n, attrib(r, f, o)),
			fmt.Sprintf("Rescue teams %spulled %d survivors from collapsed buildings overnight.", hedge(r, o), f.Second),
			fmt.Sprintf("\"We are still searching street by street,\" said %s, the %s.", f.Official, f.OfficialRole),
			fmt.Sprintf("The quake was felt as far away as %s, about %d kilometres to the west.", places[r.Intn(len(places))], 40+r.Intn(200)),
		}
		if o.Style != 0 {
			s = append(s, fmt.Sprintf("Resident %s told reporters: \"%s\"", f.Witness, f.QuoteWitness))
		}
		if o.Style == 3 {
			s = append(s, fmt.Sprintf("Building codes in %s have not been updated since %d, critics say.", f.Region, 1990+r.Intn(25)))
		}
		return title, s
	}},
	{"fire", "workers", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		n := reported(r, f.Count, o)
		title := fmt.Sprintf("Fire at %s plant in %s injures %d", f.Company, f.Place, n)
		s := []string{
			fmt.Sprintf("%sA %sfire broke out at the %s chemical plant in %s %s, injuring %d workers, %s.", dateline(f, o), intens(r, o), f.Company, f.Place, relDay(f), n, attrib(r, f, o)),
			fmt.Sprintf("Firefighters brought the blaze under control after %d hours.", 2+f.Second%9),
			fmt.Sprintf("%s, the %s, said the cause was %snot yet known.", f.Official, f.OfficialRole, hedge(r, o)),
			fmt.Sprintf("%s %s said.", q(f.QuoteOfficial), lastName(f.Official)),
		}
		if o.Style == 1 {
			s = append(s, fmt.Sprintf("The so-called safety inspection of the site took place only %d weeks ago.", 1+r.Intn(8)))
		}
		if o.Style == 2 {
			s = append(s, fmt.Sprintf("The company said in a statement that production would resume within %d days.", 3+r.Intn(10)))
		}
		return title, s
	}},
	{"election", "votes", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		winner := f.Official
		title := fmt.Sprintf("%s wins mayoral race in %s", winner, f.Place)
		if o.Style == 1 {
			title = fmt.Sprintf("Landslide! %s crushes rivals in %s", lastName(winner), f.Place)
		}
		s := []string{
			fmt.Sprintf("%s%s won the mayoral election in %s %s with %d percent of the vote, %s.", dateline(f, o), winner, f.Place, relDay(f), f.Percent, attrib(r, f, o)),
			fmt.Sprintf("Turnout was %d percent, election officials said.", 40+f.Second%35),
			fmt.Sprintf("%s %s told supporters.", q(f.QuoteOfficial), lastName(winner)),
		}
		if o.Style == 2 {
			s = append(s, fmt.Sprintf("The runner-up, %s, has %sdemanded a recount in %d districts.", f.Witness, hedge(r, o), 2+r.Intn(6)))
		} else {
			s = append(s, fmt.Sprintf("Runner-up %s conceded late in the evening.", f.Witness))
		}
		if o.Style == 3 {
			s = append(s, fmt.Sprintf("The result ends %d years of rule by the incumbent party in %s.", 8+r.Intn(20), f.Region))
		}
		return title, s
	}},
	{"strike", "workers", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		n := reported(r, f.Count*100, o)
		title := fmt.Sprintf("Transit workers strike in %s", f.Place)
		s := []string{
			fmt.Sprintf("%sAbout %d transit workers walked off the job in %s %s, %s.", dateline(f, o), n, f.Place, relDay(f), attrib(r, f, o)),
			fmt.Sprintf("The union is demanding a %d percent pay rise over %d years.", f.Percent%15+3, 2+f.Second%3),
			fmt.Sprintf("%s, the %s, called the strike %sillegal.", f.Official, f.OfficialRole, hedge(r, o)),
			fmt.Sprintf("%s said union leader %s.", q(f.QuoteWitness), f.Witness),
		}
		if o.Style == 1 {
			s = append(s, fmt.Sprintf("Commuters faced %schaos as %d bus lines were cancelled.", intens(r, o), 10+f.Second%40))
		}
		return title, s
	}},
	{"rates", "basis points", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		bp := 25 * (1 + f.Second%3)
		title := fmt.Sprintf("Central bank of %s raises rates by %d basis points", f.Region, bp)
		s := []string{
			fmt.Sprintf("%sThe central bank raised its main interest rate by %d basis points to %d.%d percent %s, %s.", dateline(f, o), bp, 2+f.Percent%5, f.Count%10, relDay(f), attrib(r, f, o)),
			fmt.Sprintf("Governor %s said inflation had %sstayed above target for %d months.", f.Official, hedge(r, o), 6+f.Second%12),
			fmt.Sprintf("%s %s told a news conference.", q(f.QuoteOfficial), lastName(f.Official)),
		}
		if o.Style == 3 {
			s = append(s, fmt.Sprintf("Economists at %s had expected a smaller move of %d basis points.", f.Company, bp-25+5))
		}
		if o.Style == 1 {
			s = append(s, "Homeowners face a brutal squeeze on mortgage payments.")
		}
		return title, s
	}},
	{"recall", "vehicles", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		n := reported(r, f.Count*1000, o)
		title := fmt.Sprintf("%s recalls %d vehicles over brake fault", f.Company, n)
		s := []string{
			fmt.Sprintf("%s%s is recalling %d vehicles because of a brake fault, %s %s.", dateline(f, o), f.Company, n, attrib(r, f, o), relDay(f)),
			fmt.Sprintf("The fault has %sbeen linked to %d minor accidents.", hedge(r, o), f.Second%20),
			fmt.Sprintf("%s said %s, the %s.", q(f.QuoteOfficial), f.Official, f.OfficialRole),
		}
		if o.Style != 0 {
			s = append(s, fmt.Sprintf("Owners in %s can book a free repair from %s.", f.Place, f.Day.AddDate(0, 0, 7).Format("January 2")))
		}
		return title, s
	}},
	{"storm", "homes", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		n := reported(r, f.Count*10, o)
		title := fmt.Sprintf("Storm leaves %d homes without power in %s", n, f.Place)
		s := []string{
			fmt.Sprintf("%sA %sstorm cut power to %d homes in %s %s, %s.", dateline(f, o), intens(r, o), n, f.Region, relDay(f), attrib(r, f, o)),
			fmt.Sprintf("Winds of up to %d kilometres per hour toppled trees in %s.", 90+f.Second%60, f.Place),
			fmt.Sprintf("%s, the %s, urged residents to stay indoors.", f.Official, f.OfficialRole),
			fmt.Sprintf("%s said %s, who lives near the harbour.", q(f.QuoteWitness), f.Witness),
		}
		if o.Style == 2 {
			s = append(s, fmt.Sprintf("One person was %smissing, police said.", hedge(r, o)))
		}
		return title, s
	}},
	{"court", "years", func(r *rand.Rand, f *facts, o outlet) (string, []string) {
		yrs := reported(r, 2+f.Count%12, o)
		title := fmt.Sprintf("Former %s official jailed for %d years", f.Place, yrs)
		s := []string{
			fmt.Sprintf("%sA court in %s sentenced former deputy mayor %s to %d years in prison for corruption %s, %s.", dateline(f, o), f.Place, f.Witness, yrs, relDay(f), attrib(r, f, o)),
			fmt.Sprintf("Prosecutors said %s had %staken bribes worth %d thousand euros.", lastName(f.Witness), hedge(r, o), 50+f.Second),
			fmt.Sprintf("%s said the presiding judge, %s.", q(f.QuoteOfficial), f.Official),
		}
		if o.Style == 1 {
			s = append(s, "The disgraced politician showed no emotion as the verdict was read.")
		}
		if o.Style != 1 {
			s = append(s, fmt.Sprintf("Lawyers for %s said they would appeal.", lastName(f.Witness)))
		}
		return title, s
	}},
}

var officialQuotes = []string{
	"We will publish a full report once the investigation is complete.",
	"This is a difficult day, but the response has been swift.",
	"Our priority is the safety of every resident.",
	"The figures will change as more information comes in.",
	"We acted on the best evidence available to us.",
	"Nobody should draw conclusions before the facts are established.",
}

var witnessQuotes = []string{
	"It was like nothing I have ever seen.",
	"We had no warning at all.",
	"People are angry and they want answers.",
	"Everyone just ran into the street.",
	"We have waited too long for this.",
	"The whole neighbourhood came out to help.",
}

var roles = []string{"regional governor", "fire chief", "police spokesman", "interior minister", "city manager", "health minister"}
var companies = []string{"Arden Motors", "Halvex Chemicals", "Northgate Capital", "Brightwater Industries", "Solace Foods", "Tessaract Steel"}

// Generate writes the corpus to w.
func Generate(w io.Writer, opt Options) error {
	r := rand.New(rand.NewSource(opt.Seed))
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)

	base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	var recs []Record
	for i := 0; i < opt.Events; i++ {
		k := kinds[i%len(kinds)]
		f := &facts{
			Place:         places[r.Intn(len(places))],
			Region:        regions[r.Intn(len(regions))],
			Official:      person(r),
			OfficialRole:  roles[r.Intn(len(roles))],
			Witness:       person(r),
			Count:         3 + r.Intn(60),
			Second:        r.Intn(100),
			Day:           base.AddDate(0, 0, i),
			Company:       companies[r.Intn(len(companies))],
			Percent:       35 + r.Intn(30),
			QuoteOfficial: officialQuotes[r.Intn(len(officialQuotes))],
			QuoteWitness:  witnessQuotes[r.Intn(len(witnessQuotes))],
		}
		event := fmt.Sprintf("%s-%s-%03d", k.name, strings.ToLower(strings.ReplaceAll(f.Place, " ", "-")), i)
		n := 3
		if i%5 == 4 {
			n = 4
		}
		for j := 0; j < n; j++ {
			o := outlets[j]
			f.Published = f.Day.AddDate(0, 0, r.Intn(2))
			title, sents := k.build(r, f, o)
			text := sents[0]
			for _, s := range sents[1:] {
				sep := " "
				if r.Intn(3) == 0 {
					sep = "\n\n"
				}
				text += sep + s
			}
			if o.Style == 1 {
				text = "By " + person(r) + "\n\n" + text
			}
			recs = append(recs, Record{
				Event:     event,
				Outlet:    o.Name,
				Title:     title,
				Published: f.Published.Format("2006-01-02"),
				URL:       fmt.Sprintf("https://%s/%s/%s", o.Host, f.Published.Format("2006/01/02"), event),
				Text:      text,
			})
		}
	}
	// Interleave events the way a crawl would: shuffle within windows so
	// an event's articles are near each other but not adjacent.
	for lo := 0; lo < len(recs); lo += 12 {
		hi := min(lo+12, len(recs))
		r.Shuffle(hi-lo, func(a, b int) { recs[lo+a], recs[lo+b] = recs[lo+b], recs[lo+a] })
	}

	var hot []Record
	for i := 0; i < opt.HotEvent; i++ {
		o := outlets[i%len(outlets)]
		hot = append(hot, Record{
			Event:     "hot-event",
			Outlet:    o.Name,
			Title:     fmt.Sprintf("Live updates, part %d", i+1),
			Published: "2025-06-01",
			URL:       fmt.Sprintf("https://%s/live/%d", o.Host, i+1),
			Text:      fmt.Sprintf("Update %d: crews reported %d new cases in %s, officials said.", i+1, 1+i%17, places[i%len(places)]),
		})
	}

	write := func(rec Record) error { return enc.Encode(rec) }
	for i, rec := range recs {
		if err := write(rec); err != nil {
			return err
		}
		if opt.Malformed {
			switch i {
			case 7:
				bw.WriteString(`{"event": "quake-broken", "outlet": "Daily Ledger", "text": "A truncated line` + "\n")
			case 31:
				bw.WriteString(`{"outlet": "Coastal Herald", "title": "No event here", "text": "This article has no event field."}` + "\n")
			case 64:
				bw.WriteString(`{"event": "storm-missing-text", "outlet": "Metro Post", "title": "No text"}` + "\n")
			case 90:
				bw.WriteString("\n")
			case 120:
				bw.WriteString(`not json at all` + "\n")
			case 151:
				bw.WriteString("   \n")
			case 200:
				bw.WriteString(`["an", "array", "not", "an", "object"]` + "\n")
			}
		}
	}
	for _, rec := range hot {
		if err := write(rec); err != nil {
			return err
		}
	}
	return bw.Flush()
}
