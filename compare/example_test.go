package compare_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// Two outlets report one event: the same facts, told with a different
// attribution verb and a label.
func ExampleCompare() {
	a := extract.Extract("The army said its drones struck a depot used by militants near Oster on Tuesday.",
		extract.WithOutlet("Northwind Wire"), extract.WithPublished("2026-05-14"))
	b := extract.Extract("The army claimed its drones struck a depot used by terrorists near Oster on Tuesday.",
		extract.WithOutlet("Eastgate Herald"), extract.WithPublished("2026-05-14"))
	r := compare.Compare([]*extract.Document{a, b})
	for _, g := range r.Groups {
		fmt.Println(g.ID, g.Claims, g.Verdict)
		for _, d := range g.Differences {
			a, _ := d.Side("d1")
			b, _ := d.Side("d2")
			fmt.Printf("  %s: %q vs %q\n", d.Kind, compare.Texts(a), compare.Texts(b))
		}
	}
	// Output:
	// g1 [d1.c1 d2.c1] framing
	//   label: ["militants"] vs ["terrorists"]
	//   attribution: ["said"] vs ["claimed"]
}

// A stricter threshold aligns only near-identical claims.
func ExampleThreshold() {
	a := extract.Extract("Fire crews fought the blaze at the Zelwice chemical plant for six hours.")
	b := extract.Extract("The blaze at the Zelwice plant took hours to contain, a fire official said.")
	for _, t := range []float64{0.2, 0.6} {
		r := compare.Compare([]*extract.Document{a, b}, compare.Threshold(t))
		fmt.Printf("threshold %.1f: %d groups, %d unique\n", t, len(r.Groups)-countRelated(r), len(r.Unique))
	}
	// Output:
	// threshold 0.2: 1 groups, 0 unique
	// threshold 0.6: 0 groups, 2 unique
}

func countRelated(r *compare.Report) int {
	n := 0
	for _, g := range r.Groups {
		if g.Verdict == compare.VerdictRelated {
			n++
		}
	}
	return n
}

// A researcher's sentence-embedding model plugs in as an Embedder. This
// stand-in knows two concepts, each word of one concept counting on one
// axis; a real model (a subprocess with package embedproc, a server, ONNX)
// returns hundreds of dimensions. The pair shares no word, so the lexical
// score alone misses it.
func ExampleWithEmbedder() {
	axis := map[string]int{"envoy": 0, "diplomat": 0, "quit": 1, "resigned": 1}
	model := compare.EmbedderFunc(func(_ context.Context, texts []string) ([][]float32, error) {
		out := make([][]float32, len(texts))
		for i, t := range texts {
			out[i] = make([]float32, 2)
			for _, w := range strings.Fields(strings.ToLower(strings.TrimSuffix(t, "."))) {
				if a, ok := axis[w]; ok {
					out[i][a]++
				}
			}
		}
		return out, nil
	})
	docs := []*extract.Document{extract.Extract("The envoy quit."), extract.Extract("The diplomat resigned.")}
	fmt.Println("lexical only:", len(compare.Compare(docs).Groups), "groups")
	r, err := compare.CompareContext(context.Background(), docs, compare.WithEmbedder(model))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range r.Groups {
		fmt.Printf("%s %v score %.2f: lexical %.2f, semantic %.2f\n", g.ID, g.Claims, g.Score, *g.Evidence.Lexical, *g.Evidence.Semantic)
	}
	// Output:
	// lexical only: 0 groups
	// g1 [d1.c1 d2.c1] score 0.50: lexical 0.00, semantic 1.00
}

// Two lone sentences have no context to go by, so the pair model decides
// them: the second repeats the first and adds a clause of new facts,
// which the model, fitted on pairs of news sentences people judged, takes
// for another claim. Turned off, the threshold alone aligns them.
func ExamplePairModel() {
	a := extract.Extract("The bridge in Telford closed on Monday for repairs.")
	b := extract.Extract("The bridge in Telford closed on Monday for repairs after engineers found cracks in two of its steel supports during an inspection last week.")
	for _, on := range []bool{true, false} {
		r := compare.Compare([]*extract.Document{a, b}, compare.PairModel(on))
		g := r.Groups[0]
		if p := g.Evidence.PairModel; p != nil {
			fmt.Printf("pair model on: %s, score %.2f, probability %.2f (cut %.2f)\n", g.Verdict, g.Score, *p, r.Run.PairModel.Cut)
		} else {
			fmt.Printf("pair model off (%s): %s, score %.2f\n", r.Run.PairModel.Off, g.Verdict, g.Score)
		}
	}
	// Output:
	// pair model on: related, score 0.57, probability 0.02 (cut 0.55)
	// pair model off (option): agree, score 0.57
}
