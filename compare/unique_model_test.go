package compare

import (
	"context"
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
		{"too few weights", `{"features":` + names + `,"mean":` + zero + `,"scale":` + one + `,"weights":` + short + `}`, "want 16"},
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
	m := &uniqueModel{Threshold: DefaultThreshold, Features: uniqueFeatureNames, Mean: make([]float64, nUnique), Scale: make([]float64, nUnique), Weights: make([]float64, nUnique), Bias: 20, Cut: 0.5}
	for i := range m.Scale {
		m.Scale[i] = 1
	}
	return m
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
		where := map[string]string{}
		put := func(id, place string) {
			if prev, ok := where[id]; ok && prev != place && prev != "group" {
				t.Errorf("%s is in %s and in %s", id, prev, place)
			}
			if _, ok := where[id]; !ok {
				where[id] = place
			}
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
				t.Errorf("%s: probability %v, coverage %v", k.Claim, k.Probability, k.Coverage)
			}
			if k.Best != "" && (docOf(k.Best) == docOf(k.Claim) || r.Claim(k.Best) == nil) {
				t.Errorf("%s: best partner %q is not a claim of another document", k.Claim, k.Best)
			}
			if k.Document != "" && (k.Document == docOf(k.Claim) || r.Document(k.Document) == nil) {
				t.Errorf("%s: covered by %q", k.Claim, k.Document)
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
						t.Errorf("%s is nowhere", c.ID)
					}
					n[0]++ // a repeat of a grouped claim
				}
			}
			if got := [3]int{p.Shared, p.Unique, p.Carried}; got != n || p.Claims != p.Shared+p.Unique+p.Carried {
				t.Errorf("%s: profile shared/unique/carried %v of %d, want %v", d.ID, got, p.Claims, n)
			}
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
			off := Compare(docs, optionFunc(func(c *config) { c.omitOff = true }))
			check(t, off)
			all := Compare(docs, optionFunc(func(c *config) { c.omit = always() }))
			check(t, all)
			if len(off.LikelyCarried) != 0 {
				t.Errorf("model off: %d likely carried", len(off.LikelyCarried))
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
