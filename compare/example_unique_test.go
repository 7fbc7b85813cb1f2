package compare_test

import (
	"fmt"

	"github.com/claimdiff/claimdiff/compare"
	"github.com/claimdiff/claimdiff/extract"
)

// Two outlets tell one story in the same order. The Courier's last
// sentence aligns with no sentence of the Herald, but the Herald says it
// across two (six weeks; the ferry at Ostrava), next to claims that align:
// at a cut of 0.6 the omission model lists it as likely carried, not as an
// omission (its probability, about 0.64, is just under the stored cut of 0.65:
// the Courier's own earlier sentences repeat its words, so none of them is
// one the Herald's sentences alone share with it). The Herald's last
// sentence, the mayor's promise, is an omission.
func ExampleReport_likelyCarried() {
	courier, herald := keldonBridge()
	r := compare.Compare([]*extract.Document{courier, herald}, compare.OmissionCut(0.6))
	fmt.Println("unique:", r.Unique)
	for _, k := range r.LikelyCarried {
		fmt.Printf("likely carried: %s (p ≥ 0.6: %v), nearest %s, %.0f%% of it in %s\n", k.Claim, k.Probability >= 0.6, k.Best, 100*k.Coverage, k.Document)
	}
	p := r.Outlets["d1"]
	fmt.Printf("d1: %d claims = %d shared + %d unique + %d carried\n", p.Claims, p.Shared, p.Unique, p.Carried)
	// Output:
	// unique: [d2.c6]
	// likely carried: d1.c6 (p ≥ 0.6: true), nearest d2.c3, 76% of it in d2
	// d1: 6 claims = 5 shared + 0 unique + 1 carried
}

// keldonBridge is two outlets' reports of one bridge closure, in the same
// order: the Courier's last sentence the Herald says across two, the
// Herald's last sentence no one else says.
func keldonBridge() (courier, herald *extract.Document) {
	courier = extract.Extract(`The Marrow River bridge in Keldon will close for repairs on Monday, the city's transport office said.

Engineers found cracks in two steel girders during an inspection last week.

The repairs are expected to take six weeks and cost about 4 million dollars.

Buses will run a shuttle across the Ostrava ferry crossing while the bridge is shut.

Shop owners on Quay Street said they feared losing customers during the closure.

For six weeks, the traffic of the bridge will have to use the Ostrava ferry instead.`, extract.WithOutlet("Keldon Courier"))
	herald = extract.Extract(`Keldon's Marrow River bridge is to shut on Monday so that crews can repair it, transport officials announced.

An inspection last week turned up cracks in two of the bridge's steel girders.

Work should last six weeks, at a cost of roughly $4 million.

During the closure, shuttle buses will take travellers over the river by way of the ferry crossing at Ostrava.

Traders along Quay Street, where customers are expected to stay away while the bridge is shut, say the closure could cost them dearly.

The mayor promised to review the city's inspection schedule.`, extract.WithOutlet("Harbour Herald"))
	return courier, herald
}

// A researcher who wants only the omissions the model is surest of sets
// the cut: at 1 the model moves no claim, so every unaligned claim is an
// omission again; a lower cut than the stored one moves more (here the
// Courier's last sentence, at 0.6). The report's run records the cut used.
func ExampleOmissionCut() {
	courier, herald := keldonBridge()
	docs := []*extract.Document{courier, herald}
	def := compare.Compare(docs)
	all := compare.Compare(docs, compare.OmissionCut(1))
	more := compare.Compare(docs, compare.OmissionCut(0.6))
	fmt.Println("stored cut", def.Run.OmissionModel.Cut, "unique:", def.Unique)
	fmt.Println("cut", all.Run.OmissionModel.Cut, "unique:", all.Unique)
	fmt.Println("cut", more.Run.OmissionModel.Cut, "unique:", more.Unique)
	// Output:
	// stored cut 0.65 unique: [d1.c6 d2.c6]
	// cut 1 unique: [d1.c6 d2.c6]
	// cut 0.6 unique: [d2.c6]
}
