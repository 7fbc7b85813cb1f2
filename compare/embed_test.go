package compare_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
	"github.com/claimdiff/claimdiff/internal/toyembed"
	"github.com/google/go-cmp/cmp"
)

// embedDocs are two short reports of one day: a pair told in the same words
// (the highway), a pair that shares no word but means the same (the envoy),
// and one claim each that the other does not carry.
func embedDocs() []*extract.Document {
	a := extract.Extract("Floods closed the northern highway near Velmar on Sunday. The envoy quit. Schools will reopen next week.",
		extract.WithOutlet("Northwind Wire"), extract.WithPublished("2026-03-02"))
	b := extract.Extract("Heavy rain shut the northern highway near Velmar on Sunday. The diplomat resigned. The central bank kept interest rates unchanged.",
		extract.WithOutlet("Eastgate Herald"), extract.WithPublished("2026-03-02"))
	return []*extract.Document{a, b}
}

// aligned lists a report's non-related groups as "claim+claim" strings.
func aligned(r *compare.Report) []string {
	var out []string
	for _, g := range r.Groups {
		if g.Verdict != compare.VerdictRelated {
			out = append(out, strings.Join(g.Claims, "+"))
		}
	}
	return out
}

func TestWithEmbedder(t *testing.T) {
	lex := compare.Compare(embedDocs())
	if diff := cmp.Diff([]string{"d1.c1+d2.c1"}, aligned(lex)); diff != "" {
		t.Fatalf("lexical groups (-want +got):\n%s", diff)
	}
	r, err := compare.CompareContext(context.Background(), embedDocs(), compare.WithEmbedder(compare.EmbedderFunc(toyembed.EmbedAll)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"d1.c1+d2.c1", "d1.c2+d2.c2"}, aligned(r)); diff != "" {
		t.Fatalf("with an embedder the envoy pair aligns (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"d1.c3", "d2.c3"}, r.Unique); diff != "" {
		t.Errorf("unique (-want +got):\n%s", diff)
	}
	for _, g := range r.Groups {
		ev := g.Evidence
		if ev.Lexical == nil || ev.Semantic == nil {
			t.Fatalf("%s: evidence without lexical and semantic parts: %+v", g.ID, ev)
		}
		want := math.Round((0.5**ev.Lexical+0.5**ev.Semantic)*1000) / 1000
		if g.Score != want {
			t.Errorf("%s: score %v, want (lexical %v + semantic %v) / 2 = %v", g.ID, g.Score, *ev.Lexical, *ev.Semantic, want)
		}
	}
	g := r.Groups[1]
	if *g.Evidence.Lexical != 0 || *g.Evidence.Semantic != 1 || len(g.Evidence.Shared) != 0 {
		t.Errorf("envoy pair: lexical %v, semantic %v, shared %q; want 0, 1, none", *g.Evidence.Lexical, *g.Evidence.Semantic, g.Evidence.Shared)
	}
	b, err := json.Marshal(g.Evidence)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"lexical":0,"semantic":1`) {
		t.Errorf("JSON evidence lacks its parts: %s", b)
	}
}

func TestWithoutEmbedderEvidenceUnchanged(t *testing.T) {
	b, err := json.Marshal(compare.Compare(embedDocs()))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `"semantic"`) || strings.Contains(string(b), `"lexical"`) {
		t.Errorf("a report without an embedder shows semantic evidence: %s", b)
	}
}

func TestSemanticWeight(t *testing.T) {
	e := compare.WithEmbedder(compare.EmbedderFunc(toyembed.EmbedAll))
	for _, c := range []struct {
		w    float64
		part func(compare.Evidence) float64
	}{
		{0, func(ev compare.Evidence) float64 { return *ev.Lexical }},
		{-2, func(ev compare.Evidence) float64 { return *ev.Lexical }},
		{1, func(ev compare.Evidence) float64 { return *ev.Semantic }},
		{7, func(ev compare.Evidence) float64 { return *ev.Semantic }},
		{math.NaN(), func(ev compare.Evidence) float64 { return math.Round((*ev.Lexical+*ev.Semantic)/2*1000) / 1000 }},
	} {
		r, err := compare.CompareContext(context.Background(), embedDocs(), e, compare.SemanticWeight(c.w), compare.RelatedThreshold(0))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Groups) == 0 {
			t.Fatalf("weight %v: no groups", c.w)
		}
		for _, g := range r.Groups {
			if got := c.part(g.Evidence); g.Score != got {
				t.Errorf("weight %v, %s: score %v, want %v", c.w, g.ID, g.Score, got)
			}
		}
	}
}

// recorder is an Embedder that keeps every batch it is given.
type recorder struct{ batches [][]string }

func (r *recorder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	r.batches = append(r.batches, append([]string(nil), texts...))
	return toyembed.EmbedAll(ctx, texts)
}

func TestEmbedderBatches(t *testing.T) {
	// 150 distinct claims in each document, the second document repeating
	// 100 of the first's and a claim repeated inside the first.
	var a, b strings.Builder
	var want []string
	for i := range 150 {
		s := fmt.Sprintf("Station %d reported %d millimetres of rain.", i, 3*i+1)
		a.WriteString(s + " ")
		want = append(want, s)
	}
	a.WriteString("Station 7 reported 22 millimetres of rain.")
	for i := 50; i < 200; i++ {
		s := fmt.Sprintf("Station %d reported %d millimetres of rain.", i, 3*i+1)
		b.WriteString(s + " ")
		if i >= 150 {
			want = append(want, s)
		}
	}
	docs := []*extract.Document{extract.Extract(a.String()), extract.Extract(strings.TrimSpace(b.String()))}
	rec := &recorder{}
	if _, err := compare.CompareContext(context.Background(), docs, compare.WithEmbedder(rec)); err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, batch := range rec.batches {
		if len(batch) > compare.EmbedBatch || (i < len(rec.batches)-1 && len(batch) != compare.EmbedBatch) {
			t.Errorf("batch %d has %d texts; want %d except the last", i, len(batch), compare.EmbedBatch)
		}
		got = append(got, batch...)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("texts embedded: each distinct text once, in document order (-want +got):\n%s", diff)
	}
}

func TestEmbedderErrors(t *testing.T) {
	errModel := errors.New("model not loaded")
	vec := func(n int, x float32) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = x
		}
		return v
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name  string
		ctx   context.Context
		embed func(texts []string) ([][]float32, error)
		want  string
	}{
		{"error", nil, func([]string) ([][]float32, error) { return nil, errModel }, "compare: embedder: texts 1–6 of 6: model not loaded"},
		{"too few vectors", nil, func(ts []string) ([][]float32, error) { return [][]float32{vec(3, 1)}, nil }, "returned 1 vectors for 6 texts"},
		{"dimension", nil, func(ts []string) ([][]float32, error) {
			out := [][]float32{}
			for i := range ts {
				out = append(out, vec(3+i/4, 1))
			}
			return out, nil
		}, "dimension 4 for text 5 of 6; the first had dimension 3"},
		{"empty vector", nil, func(ts []string) ([][]float32, error) { return make([][]float32, len(ts)), nil }, "an empty vector for text 1 of 6"},
		{"NaN", nil, func(ts []string) ([][]float32, error) {
			out := [][]float32{}
			for range ts {
				out = append(out, []float32{1, float32(math.NaN())})
			}
			return out, nil
		}, "a non-finite value (NaN at index 1) in the vector of text 1 of 6"},
		{"infinity", nil, func(ts []string) ([][]float32, error) {
			out := [][]float32{}
			for range ts {
				out = append(out, []float32{float32(math.Inf(-1))})
			}
			return out, nil
		}, "a non-finite value (-Inf at index 0)"},
		{"cancelled", cancelled, toyembedTexts, "context canceled"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := c.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			e := compare.EmbedderFunc(func(_ context.Context, ts []string) ([][]float32, error) { return c.embed(ts) })
			r, err := compare.CompareContext(ctx, embedDocs(), compare.WithEmbedder(e))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if r != nil {
				t.Errorf("a failed comparison returned a report")
			}
			if c.name == "error" && !errors.Is(err, errModel) {
				t.Errorf("the embedder's error is not wrapped: %v", err)
			}
		})
	}
}

func toyembedTexts(ts []string) ([][]float32, error) {
	return toyembed.EmbedAll(context.Background(), ts)
}

func TestComparePanicsOnEmbedderError(t *testing.T) {
	defer func() {
		if p := recover(); p == nil || !strings.Contains(fmt.Sprint(p), "use CompareContext") {
			t.Errorf("Compare with a failing embedder: recovered %v, want a panic naming CompareContext", p)
		}
	}()
	compare.Compare(embedDocs(), compare.WithEmbedder(compare.EmbedderFunc(func(context.Context, []string) ([][]float32, error) {
		return nil, errors.New("no model")
	})))
}

// BenchmarkCompareEmbed compares the two seed articles with the toy
// embedder: every cross-document pair is scored, and the embedder's own
// time (tiny here) is included.
func BenchmarkCompareEmbed(b *testing.B) {
	docs := seeds(b)
	opt := compare.WithEmbedder(compare.EmbedderFunc(toyembed.EmbedAll))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compare.CompareContext(context.Background(), docs, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareLargeEmbed compares two 300-claim articles of
// near-identical sentences with the toy embedder: 90,000 pairs scored.
func BenchmarkCompareLargeEmbed(b *testing.B) {
	mk := func(o int) *extract.Document {
		var sb strings.Builder
		for i := 0; i < 300; i++ {
			fmt.Fprintf(&sb, "Officials in Town%d said %d people were hurt when fire broke out at warehouse %d on Tuesday, outlet %d reported. ", i, i+o, i*7, o)
		}
		return extract.Extract(sb.String())
	}
	docs := []*extract.Document{mk(1), mk(2)}
	opt := compare.WithEmbedder(compare.EmbedderFunc(toyembed.EmbedAll))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compare.CompareContext(context.Background(), docs, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// Headlines are compared by meaning too, and embedded before their
// document's claims.
func TestEmbedderHeadlines(t *testing.T) {
	docs := []*extract.Document{
		extract.Extract("date 2026-03-02 Envoy quits\n\nThe envoy left the talks on Monday."),
		extract.Extract("date 2026-03-02 Diplomat resigns\n\nFloods closed the northern highway."),
	}
	if docs[0].Headline == nil || docs[1].Headline == nil {
		t.Fatal("no headlines extracted")
	}
	rec := &recorder{}
	r, err := compare.CompareContext(context.Background(), docs, compare.WithEmbedder(rec))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Envoy quits", "The envoy left the talks on Monday.", "Diplomat resigns", "Floods closed the northern highway."}}
	if diff := cmp.Diff(want, rec.batches); diff != "" {
		t.Errorf("batches (-want +got):\n%s", diff)
	}
	if len(r.Groups) == 0 || r.Groups[0].ID != "h1" {
		t.Fatalf("no headline group: %+v", r.Groups)
	}
	h := r.Groups[0]
	if h.Verdict == compare.VerdictRelated || h.Evidence.Semantic == nil || *h.Evidence.Semantic != 1 || *h.Evidence.Lexical != 0 {
		t.Errorf("headline group %s (%v): evidence %+v; want aligned by meaning, lexical 0, semantic 1", h.ID, h.Verdict, h.Evidence)
	}
}
