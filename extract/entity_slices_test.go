package extract_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/extract"
)

// TestEntitySlicesApart: the claims' entities are cut from one array per
// document; each claim's slice ends at its own length (an append makes a
// copy rather than write over the next claim's), and a claim without
// names has none.
func TestEntitySlicesApart(t *testing.T) {
	text := "Mayor Ana Ruiz met Governor Tom Hale in Carden City. " +
		"It rained all day. " +
		"Hale said the Carden River Authority would meet again on Friday."
	doc := extract.Extract(text)
	if len(doc.Claims) != 3 {
		t.Fatalf("%d claims, want 3", len(doc.Claims))
	}
	for i, c := range doc.Claims {
		if cap(c.Entities) != len(c.Entities) {
			t.Errorf("claim %d: %d entities with capacity %d", i, len(c.Entities), cap(c.Entities))
		}
	}
	if doc.Claims[1].Entities != nil {
		t.Errorf("claim 1 has entities %v, want none", doc.Claims[1].Entities)
	}
	if len(doc.Claims[0].Entities) == 0 || len(doc.Claims[2].Entities) == 0 {
		t.Fatalf("entities %v and %v: want some in each", doc.Claims[0].Entities, doc.Claims[2].Entities)
	}
	first := doc.Claims[2].Entities[0]
	_ = append(doc.Claims[0].Entities, extract.Entity{Key: "added"})
	if doc.Claims[2].Entities[0] != first {
		t.Errorf("an append to claim 0's entities changed claim 2's: %v", doc.Claims[2].Entities[0])
	}
}
