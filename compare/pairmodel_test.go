package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/claimdiff/claimdiff/internal/toyembed"
	"github.com/google/go-cmp/cmp"
)

func TestPairModelParses(t *testing.T) {
	if _, err := parseLogistic(pairModelJSON, pairFeatureNames); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, json string }{
		{"too few", `{"features":["score"],"mean":[0],"scale":[1],"weights":[1]}`},
		{"renamed", strings.Replace(string(pairModelJSON), `"order_min"`, `"order"`, 1)},
		{"zero scale", strings.Replace(string(pairModelJSON), `"scale": [`, `"scale": [0, `, 1)},
		{"not finite", strings.Replace(string(pairModelJSON), `"bias": `, `"bias": 1e999, "x": `, 1)},
	} {
		if _, err := parseLogistic([]byte(c.json), pairFeatureNames); err == nil {
			t.Errorf("%s: parsed", c.name)
		}
	}
}

// TestPairModelDecides: two claims compared without context are decided
// by the model whatever their score (a model that refuses everything
// leaves a pair above the threshold "related"; one that accepts
// everything aligns a pair under it), and it is never asked about two
// articles with context, nor under another threshold or with it off.
func TestPairModelDecides(t *testing.T) {
	a := "Police arrested the suspect at his home in Fort Worth early on Friday, officials said."
	b := "The suspect was arrested at his home in Fort Worth on Friday, officials said."
	other := []string{"The city council will vote on the new budget next month.", "Schools reopened after the storm passed through the region.", "A local bakery won a national award for its bread."}
	lone := []*extract.Document{extract.Extract(a), extract.Extract(b)}
	verdicts := func(r *Report) []string {
		var v []string
		for _, g := range r.Groups {
			v = append(v, g.Verdict)
		}
		return v
	}
	with := func(cut float64) Option {
		m := *defaultPairModel
		m.Cut = cut
		return optionFunc(func(c *config) { c.pair = &m })
	}
	plain := Compare(lone, PairModel(false))
	if len(plain.Groups) != 1 || plain.Groups[0].Score < DefaultThreshold || plain.Groups[0].Verdict == VerdictRelated {
		t.Fatalf("the pair should align at the threshold: %+v", plain.Groups)
	}
	if v := verdicts(Compare(lone, with(1.01))); !cmp.Equal(v, []string{VerdictRelated}) {
		t.Errorf("a model that refuses: verdicts %v, want related", v)
	}
	r := Compare(lone)
	if len(r.Groups) != 1 || r.Groups[0].Evidence.PairModel == nil || r.Run.PairModel.Fitted != pairModelHash {
		t.Fatalf("default: groups %+v, run %+v", r.Groups, r.Run.PairModel)
	}
	if p := *r.Groups[0].Evidence.PairModel; p < defaultPairModel.Cut || p > 1 || r.Groups[0].Verdict == VerdictRelated {
		t.Errorf("default: probability %v, verdict %s", p, r.Groups[0].Verdict)
	}
	weak := []*extract.Document{extract.Extract("The suspect was arrested in Fort Worth."), extract.Extract("Officials in Fort Worth said the search for a gunman went on through the weekend.")}
	if s := Compare(weak, PairModel(false)); len(s.Groups) != 1 || s.Groups[0].Verdict != VerdictRelated {
		t.Fatalf("the weak pair should be related by the threshold: %+v", s.Groups)
	}
	if v := verdicts(Compare(weak, with(0))); len(v) != 1 || v[0] == VerdictRelated {
		t.Errorf("a model that accepts: verdicts %v, want an aligned group", v)
	}
	asked := 0
	count := optionFunc(func(c *config) { c.pairSeen = func(a, b *claimFeatures, x [nPair]float64) { asked++ } })
	articles := []*extract.Document{
		extract.Extract(strings.Join(append([]string{a}, other...), " ")),
		extract.Extract(strings.Join(append([]string{b}, other[:2]...), " ")),
	}
	for _, c := range []struct {
		name string
		r    *Report
		off  string
	}{
		{"articles with context", Compare(articles, count), ""},
		{"another threshold", Compare(lone, count, Threshold(0.5)), PairOffThreshold},
		{"turned off", Compare(lone, count, PairModel(false)), PairOffOption},
	} {
		if asked != 0 || c.r.Run.PairModel.Off != c.off {
			t.Errorf("%s: the model was asked %d times, run %+v", c.name, asked, c.r.Run.PairModel)
		}
		for _, g := range c.r.Groups {
			if g.Evidence.PairModel != nil {
				t.Errorf("%s: evidence has the model's probability", c.name)
			}
		}
	}
	Compare(lone, count)
	if asked != 1 {
		t.Errorf("two lone claims: the model was asked %d times, want 1", asked)
	}
}

// TestPairModelSplit: a sentence that another document says in two
// sentences aligns with both when the two documents are compared without
// context, as within articles and as with the threshold alone, though the
// pair model refuses each half on its own (each leaves a clause of the
// long sentence unsaid); two claims that merely restate each other are
// not taken for two halves.
func TestPairModelSplit(t *testing.T) {
	long := extract.Extract("The council approved the budget on Monday, and the mayor resigned after a long debate over the new stadium.")
	halves := extract.Extract("The council approved the budget on Monday. The mayor resigned after a long debate over the new stadium.")
	if len(long.Claims) != 1 || len(halves.Claims) != 2 {
		t.Fatalf("want one claim and two, got %d and %d", len(long.Claims), len(halves.Claims))
	}
	claims := func(r *Report) [][]string {
		var out [][]string
		for _, g := range r.Groups {
			if g.Verdict != VerdictRelated {
				out = append(out, g.Claims)
			}
		}
		return out
	}
	docs := []*extract.Document{long, halves}
	plain := Compare(docs, PairModel(false))
	want := [][]string{{plain.Documents[0].Claims[0].ID, plain.Documents[1].Claims[0].ID, plain.Documents[1].Claims[1].ID}}
	if got := claims(plain); !cmp.Equal(got, want) {
		t.Fatalf("the threshold alone: aligned %v, want %v", got, want)
	}
	r := Compare(docs)
	if got := claims(r); !cmp.Equal(got, want) {
		t.Errorf("with the pair model: aligned %v, want %v", got, want)
	}
	// The model did refuse the halves one by one: the split is what
	// aligned them.
	for _, g := range r.Groups {
		if p := g.Evidence.PairModel; p == nil || *p >= defaultPairModel.Cut {
			t.Errorf("group %v: pair model %v, want a probability under the cut", g.Claims, p)
		}
	}
	// A restatement is no second half: the same claim twice in one
	// document against a longer one takes one partner.
	twice := extract.Extract("The council approved the budget on Monday. The council passed the budget on Monday.")
	if got := claims(Compare([]*extract.Document{long, twice})); len(got) > 0 && len(got[0]) > 2 {
		t.Errorf("a restatement taken for a second half: %v", got)
	}
}

// TestPairModelLede: the pair model decides only where both documents
// are short of context, as the sentence pairs it was fitted on: a lone
// sentence against a whole article is left to the threshold (there the
// model was worse on both counts, TestPairModelOnBasilLedes), and the
// group says nothing of the model.
func TestPairModelLede(t *testing.T) {
	lede := extract.Extract("Police arrested the suspect at his home in Fort Worth early on Friday, officials said.")
	article := extract.Extract("The suspect was arrested at his home in Fort Worth on Friday, officials said. " +
		"The city council will vote on the new budget next month. Schools reopened after the storm passed through the region.")
	if len(article.Claims) < mutualContext {
		t.Fatalf("the article has %d claims, want at least %d", len(article.Claims), mutualContext)
	}
	asked := 0
	count := optionFunc(func(c *config) { c.pairSeen = func(a, b *claimFeatures, x [nPair]float64) { asked++ } })
	r := Compare([]*extract.Document{lede, article}, count)
	if asked != 0 {
		t.Errorf("the pair model was asked %d times about a lede against an article", asked)
	}
	if len(r.Groups) == 0 || r.Groups[0].Evidence.PairModel != nil || r.Groups[0].Verdict == VerdictRelated {
		t.Errorf("groups %+v, want the first aligned by the threshold, without the model's probability", r.Groups)
	}
	// Two short documents are the model's to decide.
	brief := extract.Extract("The suspect was arrested at his home in Fort Worth on Friday, officials said. The city council will vote on the budget.")
	asked = 0
	if r := Compare([]*extract.Document{lede, brief}, count); asked == 0 || len(r.Groups) == 0 || r.Groups[0].Evidence.PairModel == nil {
		t.Errorf("two short documents: the model was asked %d times, groups %+v", asked, r.Groups)
	}
}

// TestPairRun: the run records the pair model as it ran (its cut and the
// hash of its file, "custom" for a model given in code, or off and why),
// the JSON report writes that record as the schema's two shapes, and a
// group's evidence holds the model's probability exactly when it ran, as
// text, Markdown and HTML show it.
func TestPairRun(t *testing.T) {
	lone := []*extract.Document{
		extract.Extract("The bridge in Telford closed on Monday for repairs."),
		extract.Extract("Telford's bridge was closed on Monday for repair work."),
	}
	custom := optionFunc(func(c *config) { m := *defaultPairModel; c.pair = &m })
	on := ModelRun{Cut: defaultPairModel.Cut, Fitted: pairModelHash}
	for _, c := range []struct {
		name string
		opts []Option
		want ModelRun
	}{
		{"default", nil, on},
		{"a model given in code", []Option{custom}, ModelRun{Cut: defaultPairModel.Cut, Fitted: "custom"}},
		{"turned off", []Option{custom, PairModel(false)}, ModelRun{Off: PairOffOption}},
		{"turned on again", []Option{PairModel(false), PairModel(true)}, on},
		{"an embedder", []Option{WithEmbedder(EmbedderFunc(toyembed.EmbedAll))}, ModelRun{Off: PairOffEmbedder}},
		{"another threshold", []Option{custom, Threshold(0.3)}, ModelRun{Off: PairOffThreshold}},
		{"the default threshold given", []Option{Threshold(DefaultThreshold)}, on},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := CompareContext(context.Background(), lone, c.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(&c.want, r.Run.PairModel); d != "" {
				t.Errorf("run.pair_model (-want +got):\n%s", d)
			}
			var b bytes.Buffer
			if err := r.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			var got struct {
				Run struct {
					PairModel map[string]any `json:"pair_model"`
				}
				Groups []struct {
					Evidence struct {
						PairModel *float64 `json:"pair_model"`
					}
				}
			}
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			want := map[string]any{"off": c.want.Off}
			if c.want.Off == "" {
				want = map[string]any{"cut": c.want.Cut, "fitted": c.want.Fitted}
			}
			if d := cmp.Diff(want, got.Run.PairModel); d != "" {
				t.Errorf("JSON run.pair_model (-want +got):\n%s", d)
			}
			if len(got.Groups) != 1 || (got.Groups[0].Evidence.PairModel != nil) != (c.want.Off == "") {
				t.Fatalf("groups %+v: want one, with evidence.pair_model only when the model ran", got.Groups)
			}
			// The renderers show the probability after the score.
			shown := ""
			if p := r.Groups[0].Evidence.PairModel; p != nil {
				shown = fmt.Sprintf("pair model %.2f", *p)
			}
			for _, w := range []struct {
				name  string
				write func(io.Writer) error
			}{{"text", r.WriteText}, {"Markdown", r.WriteMarkdown}, {"HTML", r.WriteHTML}} {
				var out bytes.Buffer
				if err := w.write(&out); err != nil {
					t.Fatal(err)
				}
				if has := strings.Contains(out.String(), "pair model"); has != (shown != "") || !strings.Contains(out.String(), shown) {
					t.Errorf("%s: shows the pair model %v, want %q", w.name, has, shown)
				}
			}
		})
	}
}
