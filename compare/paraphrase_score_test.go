package compare

import (
	"testing"

	"github.com/claimdiff/claimdiff/extract"
	"github.com/google/go-cmp/cmp"
)

func TestParseParaphrases(t *testing.T) {
	tests := []struct {
		name, data string
		want       map[string][]string
	}{
		{"empty", "", map[string][]string{}},
		{"comments and blanks", "# header\n\n# more\n", map[string][]string{}},
		{"both ways, counts ignored", "attorney\tlawyer\t9\t2\t0.581\n", map[string][]string{"attorney": {"lawyer"}, "lawyer": {"attorney"}}},
		{"several partners sorted, repeats once", "said\ttold\nsaid\tsay\ntold\tsaid\n", map[string][]string{"said": {"say", "told"}, "say": {"said"}, "told": {"said"}}},
		{"one field or a word with itself: skipped", "lonely\nsame\tsame\n", map[string][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, parseParaphrases(tt.data)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestStoredParaphrases checks the embedded table is read: it holds pairs,
// each word has few partners, and every pair holds both ways.
func TestStoredParaphrases(t *testing.T) {
	if len(paraphraseTable) == 0 {
		t.Fatal("paraphrase.txt gave no pairs")
	}
	for w, ps := range paraphraseTable {
		if len(ps) > paraMaxPartners {
			t.Errorf("%s has %d partners, more than %d", w, len(ps), paraMaxPartners)
		}
		for _, p := range ps {
			found := false
			for _, q := range paraphraseTable[p] {
				found = found || q == w
			}
			if !found {
				t.Errorf("%s~%s does not hold both ways", w, p)
			}
		}
	}
}

// claimPair extracts one claim from each text and scores them, with the
// given paraphrase table.
func claimPair(t *testing.T, table map[string][]string, a, b string) pairScore {
	t.Helper()
	withParaphrases(t, table)
	da, db := extract.Extract(a), extract.Extract(b)
	if len(da.Claims) != 1 || len(db.Claims) != 1 {
		t.Fatalf("want one claim each, got %d and %d", len(da.Claims), len(db.Claims))
	}
	return lexicalScore(prepare(0, 0, &da.Claims[0]), prepare(1, 0, &db.Claims[0]), nil)
}

func TestParaphraseMatch(t *testing.T) {
	table := parseParaphrases("attorney\tlawyer\n")
	const (
		a     = "The mayor's lawyer filed an appeal against the ruling of the county court."
		b     = "The mayor's attorney filed an appeal against the ruling of the county court."
		exact = "The mayor's lawyer filed an appeal against the ruling of the county court today."
	)
	plain := claimPair(t, nil, a, b)
	para := claimPair(t, table, a, b)
	same := claimPair(t, table, a, exact)
	if len(plain.Paraphrases) != 0 {
		t.Errorf("without a table: paraphrases %v", plain.Paraphrases)
	}
	if diff := cmp.Diff([]string{"lawyer~attorney"}, para.Paraphrases); diff != "" {
		t.Errorf("paraphrases (-want +got):\n%s", diff)
	}
	if !(plain.Value < para.Value && para.Value < 1) {
		t.Errorf("score %.3f without the table, %.3f with it: want it higher with the table, under 1", plain.Value, para.Value)
	}
	if same.Paraphrases != nil {
		t.Errorf("exact match reported as paraphrase: %v", same.Paraphrases)
	}
	// A paraphrase is weaker than the word itself: a has lawyer exactly.
	aOnly := claimPair(t, table, b, exact)
	if aOnly.Value >= same.Value {
		t.Errorf("paraphrased pair %.3f not under the exact pair %.3f", aOnly.Value, same.Value)
	}
}

// TestParaphraseEvidence checks that a group's evidence names the
// paraphrase pair that matched.
func TestParaphraseEvidence(t *testing.T) {
	withParaphrases(t, parseParaphrases("attorney\tlawyer\n"))
	a := extract.Extract("The mayor's lawyer filed an appeal against the ruling of the county court.", extract.WithOutlet("North"))
	b := extract.Extract("The mayor's attorney filed an appeal against the ruling of the county court.", extract.WithOutlet("South"))
	r := Compare([]*extract.Document{a, b})
	for _, g := range r.Groups {
		if len(g.Claims) == 2 {
			if diff := cmp.Diff([]string{"lawyer~attorney"}, g.Evidence.Paraphrases); diff != "" {
				t.Errorf("evidence paraphrases (-want +got):\n%s", diff)
			}
			return
		}
	}
	t.Fatalf("the two claims were not grouped: %+v", r.Groups)
}
