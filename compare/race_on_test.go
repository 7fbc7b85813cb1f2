//go:build race

package compare

// raceEnabled: the race detector is on, and slow numeric tests skip.
const raceEnabled = true
