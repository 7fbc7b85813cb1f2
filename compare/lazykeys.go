package compare

// The keys of a claim's tokens that are not features (function words,
// one-letter keys, the words of a name, number or date) are read only by
// verbatimRun, which the band model asks for a few pairs: looking them up
// in the table when a claim is prepared was most of the table look-ups
// (function words are about half of all tokens) and a sixth of the
// comparison's time in corpus mode. They are looked up when a claim first
// meets verbatimRun instead. The table takes no lock, so this happens
// only where one goroutine uses the table: a comparison large enough to
// score on several cores (large) looks them all up before it scores
// (lookUpAllKeys).

// keyPending marks a token key not looked up yet in claimFeatures.keyID.
const keyPending = -2

// lookUpKeys sets the token keys of the claim that prepare left pending.
// The table must be the claim's and used by no other goroutine.
func (cf *claimFeatures) lookUpKeys() {
	if !cf.keysPending {
		return
	}
	for i, id := range cf.keyID {
		if id == keyPending {
			cf.keyID[i] = cf.table.wordID(tokenKey(&cf.claim.Tokens[i]))
		}
	}
	cf.keysPending = false
}

// lookUpAllKeys sets every pending token key of a comparison whose
// scoring runs on several cores, before it starts.
func lookUpAllKeys(feats [][]*claimFeatures) {
	if !large(feats) {
		return
	}
	for _, d := range feats {
		for _, cf := range d {
			cf.lookUpKeys()
		}
	}
}
