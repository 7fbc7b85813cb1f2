package extract_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdiff/claimdiff/extract"
)

// TestRelatives: a document that names two people of one family name keys
// each by the given name, a pet form as its full name; a bare family name
// goes to the person named most by the given name (the first named among
// equals); one person named two ways stays one; and a document that names
// one person of the name keeps the family name alone.
func TestRelatives(t *testing.T) {
	type ent struct{ Text, Key string }
	tests := []struct {
		name, text string
		want       []ent
	}{
		{"two of one family", "The vote was close on Monday, said Mara Quillfeather. Her husband, Bill Quillfeather, stayed home. On Tuesday, Quillfeather said the plan would pass. The crowd cheered for Mara Quillfeather.",
			[]ent{{"Mara Quillfeather", "mara quillfeather"}, {"Bill Quillfeather", "william quillfeather"}, {"Quillfeather", "mara quillfeather"}, {"Mara Quillfeather", "mara quillfeather"}}},
		{"a sentence-opening pet form", "The couple came late on Friday.\n\nTed Dornbury arrived with his wife, Heidi Dornbury. On Saturday, Dornbury said no.",
			[]ent{{"Dornbury", "edward dornbury"}, {"Heidi Dornbury", "heidi dornbury"}, {"Dornbury", "edward dornbury"}}},
		{"one person named two ways", "The bill passed on Monday, said Sen. Chuck Pelworth. The author, Charles E. Pelworth, has served since 1981. On Friday, Mr. Pelworth left.",
			[]ent{{"Sen. Chuck Pelworth", "pelworth"}, {"Charles E. Pelworth", "pelworth"}, {"Mr. Pelworth", "pelworth"}}},
		{"a name written short", "The race was close, said Ben Arvane. The mayor, Benjamin Arvane, left.",
			[]ent{{"Ben Arvane", "arvane"}, {"Benjamin Arvane", "arvane"}}},
		{"titles, places and parties are no given names", "The bill passed, said Avelian Republican Rep. Duncan Mordell. On Friday, Congressman Mordell left.",
			[]ent{{"Avelian Republican Rep. Duncan Mordell", "mordell"}, {"Congressman Mordell", "mordell"}}},
		{"one of the family", "The bill passed, said Hillary Varnell. On Friday, Varnell left.",
			[]ent{{"Hillary Varnell", "varnell"}, {"Varnell", "varnell"}}},
		{"the rarer honorific is the other person", "The race tightened, said Ted Dornbury. His wife, Heidi Dornbury, spoke. On Friday, Mr. Dornbury won. Then Mr. Dornbury left, and Mrs. Dornbury stayed.",
			[]ent{{"Ted Dornbury", "edward dornbury"}, {"Heidi Dornbury", "heidi dornbury"}, {"Mr. Dornbury", "edward dornbury"}, {"Mr. Dornbury", "edward dornbury"}, {"Mrs. Dornbury", "heidi dornbury"}}},
		{"a courtesy title names the one person of its sex", "The race tightened, said Ted Dornbury. His wife, Heidi Dornbury, spoke. On Friday, Mrs. Dornbury left.",
			[]ent{{"Ted Dornbury", "edward dornbury"}, {"Heidi Dornbury", "heidi dornbury"}, {"Mrs. Dornbury", "heidi dornbury"}}},
		{"a tie of Mr. and Mrs. is told by sex", "The race tightened, said Heidi Dornbury. Her husband, Ted Dornbury, spoke. On Friday, Mr. Dornbury won, and Mrs. Dornbury cheered.",
			[]ent{{"Heidi Dornbury", "heidi dornbury"}, {"Ted Dornbury", "edward dornbury"}, {"Mr. Dornbury", "edward dornbury"}, {"Mrs. Dornbury", "heidi dornbury"}}},
		{"one honorific alone says no one of two of its sex", "The race tightened, said Ted Dornbury. His brother, Paul Dornbury, spoke. On Friday, Mr. Dornbury left.",
			[]ent{{"Ted Dornbury", "edward dornbury"}, {"Paul Dornbury", "paul dornbury"}, {"Mr. Dornbury", "dornbury"}}},
		{"a name's generation tells the son without his given name", "On Monday, Donald Varnell spoke. His son, Donald Varnell Jr., replied. On Friday, Varnell Jr. said yes. Varnell said no.",
			[]ent{{"Donald Varnell", "donald varnell"}, {"Donald Varnell Jr", "donald jr varnell"}, {"Varnell Jr", "donald jr varnell"}, {"Varnell", "donald varnell"}}},
		{"names of different sexes are no short forms", "On Monday, Paul Dornbury spoke. His sister, Paula Dornbury, replied. Dornbury said no.",
			[]ent{{"Paul Dornbury", "paul dornbury"}, {"Paula Dornbury", "paula dornbury"}, {"Dornbury", "paul dornbury"}}},
		{"a description takes the person whose mentions give its role", "On Monday, Mara Quillfeather spoke about the plan. Former Governor Bill Quillfeather joined her on stage. The former governor said the plan would work. Later, Mara Quillfeather agreed.",
			[]ent{{"Mara Quillfeather", "mara quillfeather"}, {"Governor Bill Quillfeather", "william quillfeather"}, {"The former governor", "william quillfeather"}, {"Mara Quillfeather", "mara quillfeather"}}},
		{"a courtesy title tells no one beside a name the list does not know", "On Monday, Jeb Varnell spoke. His brother, George Varnell, replied. On Friday, Mr. Varnell left.",
			[]ent{{"Jeb Varnell", "jeb varnell"}, {"George Varnell", "george varnell"}, {"Mr. Varnell", "varnell"}}},
		{"an abbreviated title gives the role", "On Monday, Mara Quillfeather spoke about the plan. Former Rep. Bill Quillfeather joined her on stage. The former representative said the plan would work. Later, Mara Quillfeather agreed.",
			[]ent{{"Mara Quillfeather", "mara quillfeather"}, {"Rep. Bill Quillfeather", "william quillfeather"}, {"The former representative", "william quillfeather"}, {"Mara Quillfeather", "mara quillfeather"}}},
		{"a function word opening a question is no given name", "On Monday, Donald Varnell spoke. Will Varnell fire the director? Varnell said he will decide soon.",
			[]ent{{"Donald Varnell", "varnell"}, {"Varnell", "varnell"}, {"Varnell", "varnell"}}},
		{"a given name another mention gives wins over an epithet", "The ad mocked Crooked Mara Quillfeather. Her rival, Bill Quillfeather, spoke. The crowd cheered for Mara Quillfeather.",
			[]ent{{"Crooked Mara Quillfeather", "mara quillfeather"}, {"Bill Quillfeather", "william quillfeather"}, {"Mara Quillfeather", "mara quillfeather"}}},
		{"given names joined by and (known wrong: the first given name keys alone, \"mara\")", "The gala was hosted by Mara and Bill Quillfeather. On Friday, Quillfeather said no, and the crowd cheered for Mara Quillfeather.",
			[]ent{{"Mara", "mara"}, {"Bill Quillfeather", "william quillfeather"}, {"Quillfeather", "mara quillfeather"}, {"Mara Quillfeather", "mara quillfeather"}}},
		{"trap: a place joined by and", "The bridge was opened by Mayor Tom Harrow of Ohio and Senator Mitch Quillfeather of Avelia. On Friday, Quillfeather spoke.",
			[]ent{{"Mayor Tom Harrow of Ohio", "harrow"}, {"Senator Mitch Quillfeather of Avelia", "quillfeather"}, {"Quillfeather", "quillfeather"}}},
		{"a family in the plural", "The race tightened, said Ted Dornbury. His wife, Heidi Dornbury, spoke. The Dornburys left.",
			[]ent{{"Ted Dornbury", "edward dornbury"}, {"Heidi Dornbury", "heidi dornbury"}, {"Dornburys", "dornbury"}}},
		{"father and son", "The rally was led by Rev. Jesse Arvane. His son, Jesse Arvane Jr., spoke.",
			[]ent{{"Rev. Jesse Arvane", "jesse arvane"}, {"Jesse Arvane Jr", "jesse jr arvane"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extract.Extract(tt.text)
			var got []ent
			for _, c := range d.Claims {
				for _, e := range c.Entities {
					got = append(got, ent{e.Text, e.Key})
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("entities (-want +got):\n%s", d)
			}
		})
	}
}

// TestCanonicalKeysOnePerson: across documents a family name joins one
// person's given-name key, the most frequent, never two relatives'.
func TestCanonicalKeysOnePerson(t *testing.T) {
	tests := []struct {
		counts map[string]int
		want   map[string]string
	}{
		{map[string]int{"varnell": 8, "hillary varnell": 5, "william varnell": 3}, map[string]string{"hillary varnell": "varnell"}},
		{map[string]int{"varnell": 2, "hillary varnell": 5, "william varnell": 3}, map[string]string{"varnell": "hillary varnell"}},
		{map[string]int{"varnell": 2, "hillary varnell": 5}, map[string]string{"varnell": "hillary varnell"}},
		{map[string]int{"quentin": 3, "varnell": 2, "quentin varnell": 1}, map[string]string{"quentin varnell": "varnell"}},
		// A given name used alone, named less than its person, is that
		// person ("Melania" / "Melania Trump").
		{map[string]int{"quentin": 1, "varnell": 2, "quentin varnell": 3}, map[string]string{"quentin": "quentin varnell", "varnell": "quentin varnell"}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, extract.CanonicalKeys(tt.counts)); d != "" {
			t.Errorf("CanonicalKeys(%v) (-want +got):\n%s", tt.counts, d)
		}
	}
}
