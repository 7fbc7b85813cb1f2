package compare_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// goldSet is one article set of testdata/sets with its hand-made gold.
type goldSet struct {
	name   string
	docs   []*extract.Document
	files  []string // file of each document, in order
	align  [][4]string
	unique [][2]string
	verd   [][5]string
}

func loadGoldSet(t testing.TB, dir string) goldSet {
	t.Helper()
	gs := goldSet{name: filepath.Base(dir)}
	f, err := os.Open(filepath.Join(dir, "gold.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	need := map[string]bool{}
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		switch {
		case c[0] == "align" && len(c) == 5:
			gs.align = append(gs.align, [4]string{c[1], c[2], c[3], c[4]})
			need[c[1]], need[c[3]] = true, true
		case c[0] == "unique" && len(c) == 3:
			gs.unique = append(gs.unique, [2]string{c[1], c[2]})
			need[c[1]] = true
		case c[0] == "verdict" && len(c) == 6:
			gs.verd = append(gs.verd, [5]string{c[1], c[2], c[3], c[4], c[5]})
		default:
			t.Fatalf("%s: bad gold row %q", dir, line)
		}
	}
	var files []string
	for f := range need {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, name := range files {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			p = filepath.Join("..", "testdata", "seeds", name) // the seeds' gold names the real articles
		}
		var opts []extract.Option
		ds, err := extract.ReadFile(p, opts...)
		if err != nil {
			t.Fatal(err)
		}
		d := ds[0]
		if d.Published == "" {
			// The seed without a date line was published with the other
			// (2025-11-21); resolve its dates against that.
			d = extract.Extract(d.Text, extract.WithSource(d.Source), extract.WithOutlet(d.Outlet), extract.WithTitle(d.Title), extract.WithPublished("2025-11-21"))
		}
		gs.docs = append(gs.docs, d)
		gs.files = append(gs.files, name)
	}
	return gs
}

// claimOf finds the claim of file whose text holds snippet.
func claimOf(r *compare.Report, gs goldSet, file, snippet string) (string, bool) {
	for i, f := range gs.files {
		if f != file {
			continue
		}
		for _, c := range r.Documents[i].Claims {
			if strings.Contains(c.Text, snippet) {
				return c.ID, true
			}
		}
	}
	return "", false
}

type prf struct{ tp, fp, fn int }

func (p prf) precision() float64 { return ratio(p.tp, p.tp+p.fp) }
func (p prf) recall() float64    { return ratio(p.tp, p.tp+p.fn) }
func (p prf) f1() float64 {
	pr, rc := p.precision(), p.recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}
func (p prf) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p.precision(), p.recall(), p.f1(), p.tp, p.fp, p.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "|" + b
}

// evalGold scores the report of one set against its gold: aligned pairs,
// unique claims and verdicts.
func evalGold(t testing.TB, gs goldSet, r *compare.Report) (align, uniq prf, verdOK, verdN int) {
	gold := map[string]bool{}
	for _, a := range gs.align {
		ca, oka := claimOf(r, gs, a[0], a[1])
		cb, okb := claimOf(r, gs, a[2], a[3])
		if !oka || !okb {
			t.Errorf("%s: gold snippet not found in any claim: %q / %q", gs.name, a[1], a[3])
			continue
		}
		gold[pairKey(ca, cb)] = true
	}
	pred := map[string]string{} // pair → verdict between the two documents
	for _, g := range r.Groups {
		if g.Verdict == compare.VerdictRelated {
			continue
		}
		for i := range g.Claims {
			for j := i + 1; j < len(g.Claims); j++ {
				da, db := strings.SplitN(g.Claims[i], ".", 2)[0], strings.SplitN(g.Claims[j], ".", 2)[0]
				if da != db {
					pred[pairKey(g.Claims[i], g.Claims[j])] = g.VerdictBetween(da, db)
				}
			}
		}
	}
	for p := range pred {
		if gold[p] {
			align.tp++
		} else {
			align.fp++
		}
	}
	for p := range gold {
		if _, ok := pred[p]; !ok {
			align.fn++
			if testing.Verbose() && os.Getenv("CLAIMDIFF_GOLD_DEBUG") != "" {
				a, b, _ := strings.Cut(p, "|")
				t.Logf("%s: missed %s ~ %s\n    %s\n    %s", gs.name, a, b, r.Claim(a).Text, r.Claim(b).Text)
			}
		}
	}
	if testing.Verbose() && os.Getenv("CLAIMDIFF_GOLD_DEBUG") != "" {
		for p := range pred {
			if !gold[p] {
				a, b, _ := strings.Cut(p, "|")
				t.Logf("%s: extra %s ~ %s\n    %s\n    %s", gs.name, a, b, r.Claim(a).Text, r.Claim(b).Text)
			}
		}
	}
	goldUnique := map[string]bool{}
	for _, u := range gs.unique {
		c, ok := claimOf(r, gs, u[0], u[1])
		if !ok {
			t.Errorf("%s: gold unique snippet not found: %q", gs.name, u[1])
			continue
		}
		goldUnique[c] = true
	}
	predUnique := map[string]bool{}
	for _, id := range r.Unique {
		predUnique[id] = true
	}
	// Precision of "unique" is judged on the claims the gold speaks about.
	for id := range predUnique {
		if goldUnique[id] {
			uniq.tp++
		} else {
			for p := range gold {
				if strings.HasPrefix(p, id+"|") || strings.HasSuffix(p, "|"+id) {
					uniq.fp++
					break
				}
			}
		}
	}
	for id := range goldUnique {
		if !predUnique[id] {
			uniq.fn++
		}
	}
	for _, v := range gs.verd {
		ca, oka := claimOf(r, gs, v[1], v[2])
		cb, okb := claimOf(r, gs, v[3], v[4])
		if !oka || !okb {
			continue
		}
		got, ok := pred[pairKey(ca, cb)]
		if !ok {
			continue // the pair was not aligned; alignment recall counts that
		}
		verdN++
		if got == v[0] {
			verdOK++
		} else if testing.Verbose() {
			var why []string
			for _, g := range r.Groups {
				for _, id := range g.Claims {
					if id == ca {
						for _, d := range g.Differences {
							if d.Kind != "detail" {
								why = append(why, d.Explain)
							}
						}
					}
				}
			}
			t.Logf("%s: verdict %s, gold %s: %s ~ %s\n    %s", gs.name, got, v[0], ca, cb, strings.Join(why, "\n    "))
		}
	}
	return align, uniq, verdOK, verdN
}

// TestGold measures alignment, omission and verdict quality on the hand-made
// gold of testdata/sets (four fictional sets written for tests, and the two
// real seeds). It fails if quality drops below the level reached when the
// floors were set; raise them as the matcher improves.
func TestGold(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "sets", "*", "gold.tsv"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no gold sets: %v", err)
	}
	var all, allU prf
	vOK, vN := 0, 0
	for _, g := range dirs {
		gs := loadGoldSet(t, filepath.Dir(g))
		r := compare.Compare(gs.docs, goldOpts()...)
		a, u, ok, n := evalGold(t, gs, r)
		t.Logf("%-17s align %s | unique %s | verdicts %d/%d", gs.name, a, u, ok, n)
		all.tp, all.fp, all.fn = all.tp+a.tp, all.fp+a.fp, all.fn+a.fn
		allU.tp, allU.fp, allU.fn = allU.tp+u.tp, allU.fp+u.fp, allU.fn+u.fn
		vOK, vN = vOK+ok, vN+n
	}
	t.Logf("ALL               align %s | unique %s | verdicts %d/%d = %.3f", all, allU, vOK, vN, ratio(vOK, vN))
	floors := []struct {
		name      string
		got, want float64
	}{
		{"alignment precision", all.precision(), alignPrecisionFloor},
		{"alignment recall", all.recall(), alignRecallFloor},
		{"unique F1", allU.f1(), uniqueF1Floor},
		{"verdict accuracy", ratio(vOK, vN), verdictFloor},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s %.3f fell below its floor %.3f", f.name, f.got, f.want)
		}
	}
}

// Floors: the level reached when they were last set (see README,
// "Accuracy"), rounded down.
const (
	alignPrecisionFloor = 0.80
	alignRecallFloor    = 0.58
	// 0.76 since names stopped sharing a head noun ("Foreign Ministry" and
	// "Defense Ministry" both keyed "ministry" and joined two claims that
	// state different facts, which kept both out of the unique list).
	uniqueF1Floor = 0.78
	verdictFloor  = 0.70
)

// goldOpts lets a calibration run try other settings:
// CLAIMDIFF_THRESHOLD=0.3 go test ./compare -run TestGold -v
func goldOpts() []compare.Option {
	var t float64
	if _, err := fmt.Sscanf(os.Getenv("CLAIMDIFF_THRESHOLD"), "%g", &t); err == nil && t > 0 {
		return []compare.Option{compare.Threshold(t)}
	}
	return nil
}
