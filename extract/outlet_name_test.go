package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestOutletNameFallback(t *testing.T) {
	const body = "The council approved the budget on Monday. Critics said the vote was rushed."
	for _, tc := range []struct {
		name, file, input string
		want, note        string
	}{
		{"byline", "story.txt", "By Harbor Desk\n" + body, "Harbor Desk", NoteOutletFromByline},
		{"file name", "eastgate_herald.txt", body, "eastgate herald", NoteOutletFromFileName},
		{"given in JSON", "x.json", `{"outlet":"Northwind Wire","text":"` + body + `"}`, "Northwind Wire", ""},
		{"JSON without outlet", "northwind.json", `{"text":"` + body + `"}`, "northwind", NoteOutletFromFileName},
		{"several articles: no file name", "many.jsonl", `{"text":"` + body + `"}` + "\n" + `{"text":"` + body + `"}`, "", ""},
		{"standard input", "stdin.txt", body, "", ""},
		{"a byline too long for a name", "long_name.txt", "By the reporters who were at the scene all night long\n" + body, "long name", NoteOutletFromFileName},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ReadNamed(strings.NewReader(tc.input), tc.file)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				if d.Outlet != tc.want {
					t.Errorf("outlet %q, want %q", d.Outlet, tc.want)
				}
				has := slices.Contains(d.Notes, NoteOutletFromByline) || slices.Contains(d.Notes, NoteOutletFromFileName)
				if tc.note == "" && has || tc.note != "" && !slices.Contains(d.Notes, tc.note) {
					t.Errorf("notes %q, want %q", d.Notes, tc.note)
				}
			}
		})
	}
}
