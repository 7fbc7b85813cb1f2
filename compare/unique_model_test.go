package compare

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

// TestParseUniqueModel: the embedded omission model parses, and a model
// file that does not fit the code is refused with a reason.
func TestParseUniqueModel(t *testing.T) {
	if _, err := parseUniqueModel(uniqueModelJSON); err != nil {
		t.Fatalf("unique_model.json: %v", err)
	}
	list := func(v string, n int) string { return "[" + strings.TrimSuffix(strings.Repeat(v+",", n), ",") + "]" }
	names := `["` + strings.Join(uniqueFeatureNames, `","`) + `"]`
	swapped := strings.Replace(names, `"best","second"`, `"second","best"`, 1)
	zero, one, short := list("0", nUnique), list("1", nUnique), list("0", nUnique-1)
	cases := []struct {
		name, json, want string
	}{
		{"not json", `{`, "unexpected end"},
		{"too few weights", `{"features":` + names + `,"mean":` + zero + `,"scale":` + one + `,"weights":` + short + `}`, "want 17"},
		{"features in another order", `{"features":` + swapped + `,"mean":` + zero + `,"scale":` + one + `,"weights":` + zero + `}`, `is "second", want "best"`},
		{"zero scale", `{"features":` + names + `,"mean":` + zero + `,"scale":` + zero + `,"weights":` + zero + `}`, "scale 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseUniqueModel([]byte(c.json))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// readSet reads the articles of one set of testdata/sets (our own
// writing), in file order; "seeds" is the two real seed articles.
func readSet(t *testing.T, name string) []*extract.Document {
	t.Helper()
	dir := filepath.Join("..", "testdata", "sets", name)
	if name == "seeds" {
		dir = filepath.Join("..", "testdata", "seeds")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var docs []*extract.Document
	for _, f := range files {
		if strings.HasSuffix(f, ".tsv") || strings.HasSuffix(f, ".md") {
			continue
		}
		ds, err := extract.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, ds...)
	}
	return docs
}

// always is a model that takes every claim it is asked about for carried.
func always() *uniqueModel {
	m := &uniqueModel{Threshold: DefaultThreshold, logistic: logistic{Features: uniqueFeatureNames, Mean: make([]float64, nUnique), Scale: make([]float64, nUnique), Weights: make([]float64, nUnique), Bias: 20, Cut: 0.5}}
	for i := range m.Scale {
		m.Scale[i] = 1
	}
	return m
}

// placeProblems says what is wrong with where a report lists its claims:
// every claim is in exactly one place (an aligned group, possibly as a
// repeat; Unique; LikelyCarried), the profiles count them so, and each
// likely-carried claim carries evidence that points into another document.
func placeProblems(r *Report) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	where := map[string]string{}
	// A claim is in one place; only an aligned group may list a
	// claim another group lists too (a claim in two groups).
	put := func(id, place string) {
		if prev, ok := where[id]; ok {
			if prev != "group" || place != "group" {
				bad("%s is in %s and in %s", id, prev, place)
			}
			return
		}
		where[id] = place
	}
	for _, g := range r.Groups {
		if g.Verdict != VerdictRelated && g.Role == "" {
			for _, id := range g.Claims {
				put(id, "group")
			}
		}
	}
	for _, id := range r.Unique {
		put(id, "unique")
	}
	for _, k := range r.LikelyCarried {
		put(k.Claim, "carried")
		if k.Probability < 0 || k.Probability > 1 || k.Coverage < 0 || k.Coverage > 1 {
			bad("%s: probability %v, coverage %v", k.Claim, k.Probability, k.Coverage)
		}
		if docOf(k.Best) == docOf(k.Claim) || r.Claim(k.Best) == nil {
			bad("%s: best partner %q is not a claim of another document", k.Claim, k.Best)
		}
		if k.Score < uniqueFloorShare*r.Run.Threshold {
			bad("%s: partner score %v under %v", k.Claim, k.Score, uniqueFloorShare*r.Run.Threshold)
		}
		if k.Document != "" && (k.Document == docOf(k.Claim) || r.Document(k.Document) == nil) {
			bad("%s: covered by %q", k.Claim, k.Document)
		}
	}
	for _, d := range r.Documents {
		p := r.Outlets[d.ID]
		var n [3]int
		for _, c := range d.Claims {
			switch where[c.ID] {
			case "group":
				n[0]++
			case "unique":
				n[1]++
			case "carried":
				n[2]++
			default:
				if c.RepeatOf == "" {
					bad("%s is nowhere", c.ID)
				}
				n[0]++ // a repeat of a grouped claim
			}
		}
		if got := [3]int{p.Shared, p.Unique, p.Carried}; got != n || p.Claims != p.Shared+p.Unique+p.Carried {
			bad("%s: profile shared/unique/carried %v of %d, want %v", d.ID, got, p.Claims, n)
		}
	}
	return out
}

// TestReviewUnique: every claim of a report is in exactly one place (an
// aligned group, possibly as a repeat; Unique; LikelyCarried), the
// profiles count them so, and each likely-carried claim carries evidence
// that points into another document. Whatever the model says moves claims
// between Unique and LikelyCarried only; with the model off, or with an
// Embedder, nothing is moved.
func TestReviewUnique(t *testing.T) {
	check := func(t *testing.T, r *Report) {
		t.Helper()
		for _, p := range placeProblems(r) {
			t.Error(p)
		}
	}
	ids := func(r *Report) []string {
		out := append([]string(nil), r.Unique...)
		for _, k := range r.LikelyCarried {
			out = append(out, k.Claim)
		}
		slices.Sort(out)
		return out
	}
	for _, set := range []string{"bank_merger", "drone_strike", "election_protest", "plant_explosion", "seeds"} {
		t.Run(set, func(t *testing.T) {
			docs := readSet(t, set)
			def := Compare(docs)
			check(t, def)
			off := Compare(docs, OmissionModel(false))
			check(t, off)
			all := Compare(docs, optionFunc(func(c *config) { c.omit = always() }))
			check(t, all)
			if len(off.LikelyCarried) != 0 || *off.Run.OmissionModel != (OmissionRun{Off: OmissionOffOption}) {
				t.Errorf("model off: %d likely carried, run %+v", len(off.LikelyCarried), off.Run.OmissionModel)
			}
			if *def.Run.OmissionModel != (OmissionRun{Cut: defaultUniqueModel.Cut, Fitted: uniqueModelHash}) {
				t.Errorf("model on: run %+v", def.Run.OmissionModel)
			}
			if len(all.LikelyCarried) == 0 {
				t.Errorf("a model that says carried to every claim moved none")
			}
			// The model decides between unique and likely carried only.
			if d := cmp.Diff(ids(off), ids(def)); d != "" {
				t.Errorf("unique + likely carried differ with and without the model (-off +on):\n%s", d)
			}
			if d := cmp.Diff(ids(off), ids(all)); d != "" {
				t.Errorf("unique + likely carried differ with and without the model (-off +always):\n%s", d)
			}
			if d := cmp.Diff(off.Groups, def.Groups); d != "" {
				t.Errorf("the model changed the groups:\n%s", d)
			}
		})
	}
}

// TestReviewUniqueCheck: the check of TestReviewUnique fails when a claim
// is listed twice (a grouped claim listed again in Unique or
// LikelyCarried), so that it can catch a model that copies instead of
// moving.
func TestReviewUniqueCheck(t *testing.T) {
	docs := readSet(t, "bank_merger")
	r := Compare(docs)
	var grouped string
	for _, g := range r.Groups {
		if g.Verdict != VerdictRelated && g.Role == "" {
			grouped = g.Claims[0]
			break
		}
	}
	if grouped == "" {
		t.Fatal("no aligned group in bank_merger")
	}
	for _, bad := range []func(r *Report){
		func(r *Report) { r.Unique = append(r.Unique, grouped) },
		func(r *Report) { r.LikelyCarried = append(r.LikelyCarried, Carried{Claim: grouped}) },
	} {
		c := Compare(docs)
		bad(c)
		if len(placeProblems(c)) == 0 {
			t.Errorf("a grouped claim listed twice passed the check")
		}
	}
}

// TestReviewUniqueNeedsContext: two lone sentences (a paraphrase pair) and
// a comparison with an Embedder are not reviewed, however sure the model.
func TestReviewUniqueNeedsContext(t *testing.T) {
	sure := optionFunc(func(c *config) { c.omit = always() })
	a := extract.Extract("The harbour authority closed the north pier on Monday.")
	b := extract.Extract("Ferries will sail from the south quay until repairs end.")
	if r := Compare([]*extract.Document{a, b}, sure); len(r.LikelyCarried) != 0 || len(r.Unique) != 2 {
		t.Errorf("two sentences: unique %v, likely carried %v", r.Unique, r.LikelyCarried)
	}
	docs := readSet(t, "bank_merger")
	emb := EmbedderFunc(func(_ context.Context, texts []string) ([][]float32, error) {
		out := make([][]float32, len(texts))
		for i, s := range texts {
			out[i] = []float32{float32(len(s)%7) + 1, 1}
		}
		return out, nil
	})
	r, err := CompareContext(context.Background(), docs, WithEmbedder(emb), sure)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.LikelyCarried) != 0 {
		t.Errorf("with an Embedder: %d likely carried", len(r.LikelyCarried))
	}
}

// firstOfSets is the first article of each of our sets: documents about
// unrelated events, which share nothing but common words.
func firstOfSets(t *testing.T, sets ...string) []*extract.Document {
	t.Helper()
	var docs []*extract.Document
	for _, s := range sets {
		docs = append(docs, readSet(t, s)[0])
	}
	return docs
}

// TestOmissionGate: the model runs only as it was fitted, and the run
// says so; on documents that share nothing no claim moves, whatever their
// number.
func TestOmissionGate(t *testing.T) {
	sure := optionFunc(func(c *config) { c.omit = always() })
	unrelated4 := firstOfSets(t, "bank_merger", "drone_strike", "election_protest", "plant_explosion")
	unrelated5 := append(append([]*extract.Document(nil), unrelated4...), readSet(t, "seeds")[0])
	bank := readSet(t, "bank_merger")
	on := OmissionRun{Cut: defaultUniqueModel.Cut, Fitted: uniqueModelHash}
	cases := []struct {
		name  string
		docs  []*extract.Document
		opts  []Option
		run   OmissionRun
		moved string // "some", "none", or "" for either
	}{
		{"default", bank, nil, on, ""},
		{"sure", bank, []Option{sure}, OmissionRun{Cut: 0.5, Fitted: "custom"}, "some"},
		{"option off", bank, []Option{sure, OmissionModel(false)}, OmissionRun{Off: OmissionOffOption}, "none"},
		{"option on", bank, []Option{OmissionModel(false), OmissionModel(true)}, on, ""},
		{"other threshold", bank, []Option{sure, Threshold(0.25)}, OmissionRun{Off: OmissionOffThreshold}, "none"},
		{"default threshold given", bank, []Option{Threshold(DefaultThreshold)}, on, ""},
		{"four unrelated", unrelated4, nil, on, "none"},
		{"five unrelated", unrelated5, []Option{sure}, OmissionRun{Off: OmissionOffDocuments}, "none"},
		{"one document", bank[:1], []Option{sure}, OmissionRun{Off: OmissionOffDocuments}, "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := CompareContext(context.Background(), c.docs, c.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(&c.run, r.Run.OmissionModel); d != "" {
				t.Errorf("run.omission_model (-want +got):\n%s", d)
			}
			if (c.moved == "some" && len(r.LikelyCarried) == 0) || (c.moved == "none" && len(r.LikelyCarried) > 0) {
				t.Errorf("likely carried %v, want %s", r.LikelyCarried, c.moved)
			}
			for _, p := range placeProblems(r) {
				t.Error(p)
			}
		})
	}
}

// TestUniqueModelNaN: a probability that is not a number never moves a
// claim, and a model file with a number that is not finite is refused.
func TestUniqueModelNaN(t *testing.T) {
	m := always()
	m.Bias = math.NaN()
	x := [nUnique]float64{}
	if p := m.prob(x[:]); !math.IsNaN(p) {
		t.Fatalf("prob %v, want NaN", p)
	}
	docs := readSet(t, "bank_merger")
	if r := Compare(docs, optionFunc(func(c *config) { c.omit = m })); len(r.LikelyCarried) != 0 {
		t.Errorf("a NaN probability moved %d claims", len(r.LikelyCarried))
	}
	// JSON has no NaN or infinity, and a number too large for a float is
	// refused by the decoder; check refuses what gets past it.
	if _, err := parseUniqueModel([]byte(`{"bias":1e999}`)); err == nil {
		t.Errorf("accepted a bias of 1e999")
	}
	for _, c := range []struct {
		name string
		set  func(m *uniqueModel)
	}{
		{"NaN bias", func(m *uniqueModel) { m.Bias = math.NaN() }},
		{"infinite cut", func(m *uniqueModel) { m.Cut = math.Inf(-1) }},
		{"NaN cut", func(m *uniqueModel) { m.Cut = math.NaN() }},
		{"NaN weight", func(m *uniqueModel) { m.Weights[3] = math.NaN() }},
		{"infinite mean", func(m *uniqueModel) { m.Mean[0] = math.Inf(1) }},
		{"NaN scale", func(m *uniqueModel) { m.Scale[5] = math.NaN() }},
		{"infinite scale", func(m *uniqueModel) { m.Scale[5] = math.Inf(1) }},
		{"NaN threshold", func(m *uniqueModel) { m.Threshold = math.NaN() }},
		{"threshold 0", func(m *uniqueModel) { m.Threshold = 0 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := always()
			if err := m.check(); err != nil {
				t.Fatalf("the model before the change: %v", err)
			}
			c.set(m)
			if err := m.check(); err == nil {
				t.Errorf("accepted")
			}
		})
	}
}

// TestOmissionCut: the cut decides as the model's stored cut does. Each
// claim the model decides moves to LikelyCarried exactly when its
// probability reaches the cut, so a lower cut keeps every claim a higher
// one moved and the run records the cut used; a cut of 1 moves only what
// the model is sure of.
func TestOmissionCut(t *testing.T) {
	for _, set := range []string{"bank_merger", "drone_strike", "election_protest", "plant_explosion", "seeds"} {
		t.Run(set, func(t *testing.T) {
			docs := readSet(t, set)
			def := Compare(docs)
			stored := Compare(docs, OmissionCut(defaultUniqueModel.Cut))
			if d := cmp.Diff(def, stored); d != "" {
				t.Errorf("the stored cut given as an option changed the report:\n%s", d)
			}
			var prev []string
			for _, cut := range []float64{1, 0.9, 0.65, 0.5, 0.3, 0.05} {
				r := Compare(docs, OmissionCut(cut))
				for _, p := range placeProblems(r) {
					t.Error(p)
				}
				if got := r.Run.OmissionModel.Cut; got != cut {
					t.Errorf("cut %v: run says %v", cut, got)
				}
				var moved []string
				for _, k := range r.LikelyCarried {
					if k.Probability < round3(cut) {
						t.Errorf("cut %v: %s moved at probability %v", cut, k.Claim, k.Probability)
					}
					moved = append(moved, k.Claim)
				}
				for _, id := range prev {
					if !slices.Contains(moved, id) {
						t.Errorf("cut %v keeps %s unique, which a higher cut moved", cut, id)
					}
				}
				prev = moved
			}
			if len(prev) == 0 {
				t.Errorf("a cut of 0.05 moved no claim")
			}
		})
	}
}

// TestExclusiveWindow: exclusive_window counts the claim's features that
// the claims around its best partner say and that no claim of the
// comparison holds but the claim and one other; a feature a third claim
// also holds (the story's common word) counts for coverage_window only.
func TestExclusiveWindow(t *testing.T) {
	v := &vocab{keys: []featKey{{kindEntity, "alpha"}, {kindWord, "letter"}, {kindWord, "priest"}, {kindWord, "sign"}}}
	claim := func(doc, idx int, ids []int32, weights []float64) *claimFeatures {
		cf := &claimFeatures{doc: doc, idx: idx, ids: ids, weights: weights, claim: &extract.Claim{ID: fmt.Sprintf("d%d.c%d", doc+1, idx+1)}}
		for _, w := range weights {
			cf.total += w
		}
		return cf
	}
	run := func(third []int32) *unalignedClaim {
		a := claim(0, 0, []int32{0, 1, 2, 3}, []float64{1, 0.5, 1.5, 1})
		other := claim(0, 1, third, make([]float64, len(third)))
		for k := range other.weights {
			other.weights[k] = 1
		}
		// The best partner (d2.c2) says alpha; its neighbour d2.c1 says
		// letter and priest; sign is said far from it (d2.c4).
		b := []*claimFeatures{
			claim(1, 0, []int32{1, 2}, []float64{0.5, 1.5}),
			claim(1, 1, []int32{0}, []float64{1}),
			claim(1, 2, nil, nil),
			claim(1, 3, []int32{3}, []float64{1}),
		}
		feats := [][]*claimFeatures{{a, other}, b}
		u := &unalignedClaim{cf: a, covDoc: -1, near: make([]bool, 2), bestIn: []*claimFeatures{nil, b[1]}, bestInValue: []float64{0, 0.3}}
		coverage([]*unalignedClaim{u}, feats, v)
		return u
	}
	// Alone: alpha, letter and priest are the claim's and one other's.
	u := run(nil)
	if want := 3.0 / 4; math.Abs(u.covWindow-want) > 1e-12 || math.Abs(u.exclWindow-want) > 1e-12 {
		t.Errorf("coverage_window %v, exclusive_window %v; want %v and %v", u.covWindow, u.exclWindow, want, want)
	}
	// A third claim holds priest: it stays in the window's coverage, not
	// in its exclusive part.
	u = run([]int32{2})
	if want, excl := 3.0/4, 1.5/4; math.Abs(u.covWindow-want) > 1e-12 || math.Abs(u.exclWindow-excl) > 1e-12 {
		t.Errorf("coverage_window %v, exclusive_window %v; want %v and %v", u.covWindow, u.exclWindow, want, excl)
	}
	feats := [][]*claimFeatures{{u.cf}, {}}
	slots := newClaimSlots(feats)
	noGroups := newAlignedGroups(nil, feats, slots)
	if i := slices.Index(uniqueFeatureNames, "exclusive_window"); i < 0 {
		t.Fatal("exclusive_window is not an input of the model")
	} else if x := u.features(feats, &noGroups, slots, make([]bool, 1)); x[i] != u.exclWindow {
		t.Errorf("input %d is %v, want %v", i, x[i], u.exclWindow)
	}
}

// TestOmissionInputsOnlyForDecided checks the short cut of reviewUnique
// that works out the omission model's inputs only for the claims it
// decides (decided) against the plain rule, every claim's inputs worked
// out: an omitSeen hook makes reviewUnique work them all out. Some claims
// must have gone undecided, or the test checks nothing.
func TestOmissionInputsOnlyForDecided(t *testing.T) {
	// Three short articles, each with a sentence no other says a word of.
	var apart []*extract.Document
	for i, odd := range []string{
		"A violinist from Prague tuned her instrument before dawn.",
		"Orchards near the coast produced record apricot yields.",
		"The chess olympiad opened with a blitz exhibition.",
	} {
		text := "Flooding closed the main bridge in Port Selmar on Monday, officials said. " +
			"Rescue crews evacuated forty families from the river district. " + odd +
			" The mayor said repairs would take several weeks. Schools in the city stayed shut."
		apart = append(apart, extract.Extract(text, extract.WithOutlet(fmt.Sprintf("outlet%d", i+1))))
	}
	undecided := 0
	every := optionFunc(func(c *config) {
		c.omitSeen = func(cf *claimFeatures, x [nUnique]float64) {
			if x[0] < uniqueFloorShare*c.threshold {
				undecided++ // no partner: x[0] is the best score
			}
		}
	})
	sameReports(t, append(shortCutEvents(t), apart), every, "when every claim's inputs are worked out")
	if undecided == 0 {
		t.Fatal("every claim was decided: the test checks nothing")
	}
}

// TestAlignedGroups checks newAlignedGroups against the plain rule: the
// aligned groups (not related, no role) in order, each with its claims
// that have features, and for each claim the groups that hold it, in
// order, once per time a group lists it.
func TestAlignedGroups(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 13))
	for trial := range 300 {
		nd := 1 + rng.IntN(4)
		feats := make([][]*claimFeatures, nd)
		var ids []string
		for d := range feats {
			for c := range rng.IntN(5) {
				id := fmt.Sprintf("d%d.c%d", d+1, c+1)
				feats[d] = append(feats[d], &claimFeatures{doc: d, idx: c, claim: &extract.Claim{ID: id}})
				ids = append(ids, id)
			}
		}
		ids = append(ids, "d9.c1") // no features
		var gs []Group
		for range rng.IntN(6) {
			g := Group{}
			switch rng.IntN(4) {
			case 0:
				g.Verdict = VerdictRelated
			case 1:
				g.Role = extract.RoleHeadline
			}
			for range rng.IntN(5) {
				g.Claims = append(g.Claims, ids[rng.IntN(len(ids))])
			}
			gs = append(gs, g)
		}
		slots := newClaimSlots(feats)
		var members [][]*claimFeatures
		groupOf := make([][]int32, slots.len())
		for _, g := range gs {
			if g.Verdict == VerdictRelated || g.Role != "" {
				continue
			}
			var ms []*claimFeatures
			for _, id := range g.Claims {
				if cf := featOf(feats, id); cf != nil {
					ms = append(ms, cf)
					groupOf[slots.of(cf)] = append(groupOf[slots.of(cf)], int32(len(members)))
				}
			}
			members = append(members, ms)
		}
		x := newAlignedGroups(gs, feats, slots)
		if len(x.members) != len(members) {
			t.Fatalf("trial %d: %d groups, want %d", trial, len(x.members), len(members))
		}
		for g := range members {
			if !slices.Equal(x.members[g], members[g]) {
				t.Errorf("trial %d: group %d is %v, want %v", trial, g, x.members[g], members[g])
			}
		}
		for s := range groupOf {
			if got := x.groupsOf(s); !slices.Equal(got, groupOf[s]) && len(got)+len(groupOf[s]) > 0 {
				t.Errorf("trial %d: slot %d in groups %v, want %v", trial, s, got, groupOf[s])
			}
		}
	}
}
