package extract

import "testing"

// BenchmarkDefaultLexicon measures reading the embedded lists, which every
// process pays once before its first article (a script that runs the
// command once per event pays it per event).
func BenchmarkDefaultLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadDefaultLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}
