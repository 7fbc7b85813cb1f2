package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/claimdiff/claimdiff/extract"
)

// modulePath is the module whose version the report names.
const modulePath = "github.com/claimdiff/claimdiff"

// Run records what made a report, so that a reader can make it again: the
// tool's version, the options that change the result and a hash of the
// lexicons that found the markers.
type Run struct {
	// Tool is the module that made the report and its version as the Go
	// toolchain stamped it: a release tag, a pseudo-version of the commit,
	// "(devel) COMMIT" for a build from a checkout, or "(devel)" for a
	// build that carries neither (go test, go run).
	Tool    string `json:"tool"`
	Version string `json:"version"`
	// Threshold and RelatedThreshold are the scores used for aligned and
	// related groups.
	Threshold        float64 `json:"threshold"`
	RelatedThreshold float64 `json:"related_threshold"`
	// NameMatcher is "default" (extract.SameName) or "custom".
	NameMatcher string `json:"name_matcher"`
	// Lexicon is "sha256:" and the hash of every lexicon entry, category
	// by category in file order (see LexiconHash).
	Lexicon string `json:"lexicon"`
	// Embedder and SemanticWeight are set when a comparison used an
	// Embedder (embed.go): what it was, by its String method when it has
	// one (the command, for package embedproc), else "custom"; and the
	// weight of the semantic score.
	Embedder       string   `json:"embedder,omitempty"`
	SemanticWeight *float64 `json:"semantic_weight,omitempty"`
	// OmissionModel says what decided Unique: the omission model
	// (unique_model.go) with its cut and fitted file, or Off and why (then
	// alignment alone). Reports made before the model have none.
	OmissionModel *OmissionRun `json:"omission_model,omitempty"`
	// PairModel says what decided the pairs of claims compared without
	// context (pairmodel.go): the pair model with its cut and fitted file,
	// or Off and the reason (one of the PairOff constants), in which case
	// the threshold alone. Reports made before the model have none.
	PairModel *ModelRun `json:"pair_model,omitempty"`
}

// ModelRun records in a report's run whether a fitted model decided
// part of it: either its cut and the hash of the fitted model's file
// ("custom" for a model a test of this package set: no option replaces
// the embedded files), or Off and the reason it did not run.
type ModelRun struct {
	Off    string  `json:"off,omitempty"`
	Cut    float64 `json:"cut,omitempty"`
	Fitted string  `json:"fitted,omitempty"`
}

func newRun(cfg *config) Run {
	r := Run{Tool: modulePath, Version: toolVersion(), Threshold: round4(cfg.threshold),
		RelatedThreshold: round4(cfg.related), NameMatcher: "custom"}
	if !cfg.customNames {
		r.NameMatcher = "default"
	}
	lex := cfg.lexicon
	if lex == nil {
		lex = extract.DefaultLexicon()
	}
	r.Lexicon = LexiconHash(lex)
	r.Embedder, r.SemanticWeight = embedderRun(cfg) // embed.go
	return r
}

func round4(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return v
}

var (
	versionOnce sync.Once
	version     string
)

// toolVersion reads the module's version from the build information: the
// main module's when the claimdiff command is running, the dependency's
// when another program imports the library.
func toolVersion() string {
	versionOnce.Do(func() {
		version = "(devel)"
		bi, ok := debug.ReadBuildInfo()
		if !ok {
			return
		}
		if bi.Main.Path == modulePath {
			if bi.Main.Version != "" {
				version = bi.Main.Version
			}
			if version == "(devel)" {
				// A build from a checkout without a tag: name its commit.
				var rev, dirty string
				for _, s := range bi.Settings {
					switch {
					case s.Key == "vcs.revision":
						rev = s.Value
					case s.Key == "vcs.modified" && s.Value == "true":
						dirty = "+dirty"
					}
				}
				if rev != "" {
					version = "(devel) " + rev + dirty
				}
			}
			return
		}
		for _, d := range bi.Deps {
			if d.Path == modulePath && d.Version != "" {
				version = d.Version
			}
		}
	})
	return version
}

var (
	lexHashes sync.Map // *extract.Lexicon → string
	lexHashMu sync.Mutex
)

// lexiconHashLine appends what fmt.Sprintf("%q %q %q %q %q %t %t %t %t %q
// %q %q %q %q %q\n", e.Phrase, e.Words, e.Stance, e.Sub, e.Kind,
// e.Speech, e.Exact, e.Lower, e.Number, e.NotNext, e.NotPrev, e.Expand,
// e.Marker, e.Prev, e.Where) makes (TestLexiconHashLine): a string quoted
// by strconv, a list of them as [a b], a bool as true or false. Every
// attribute a marker depends on is in it, and the source line a marker
// names (its rule).
func lexiconHashLine(b []byte, e *extract.Entry) []byte {
	// Field by field without loops over little arrays of them: most
	// fields are empty, and the line is made for every entry of every run.
	b = appendQuote(b, e.Phrase)
	b = appendQuoteList(append(b, ' '), e.Words)
	b = appendQuote(append(b, ' '), e.Stance)
	b = appendQuote(append(b, ' '), e.Sub)
	b = appendQuote(append(b, ' '), e.Kind)
	b = appendBool(b, e.Speech)
	b = appendBool(b, e.Exact)
	b = appendBool(b, e.Lower)
	b = appendBool(b, e.Number)
	b = appendQuoteList(append(b, ' '), e.NotNext)
	b = appendQuoteList(append(b, ' '), e.NotPrev)
	b = appendQuote(append(b, ' '), e.Expand)
	b = appendQuote(append(b, ' '), e.Marker)
	b = appendQuoteList(append(b, ' '), e.Prev)
	b = appendQuote(append(b, ' '), e.Where)
	return append(b, '\n')
}

// appendQuoteList appends l as fmt's %q writes a list of strings: [a b].
func appendQuoteList(b []byte, l []string) []byte {
	b = append(b, '[')
	for i, w := range l {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendQuote(b, w)
	}
	return append(b, ']')
}

// appendBool appends a space and f as %t writes it.
func appendBool(b []byte, f bool) []byte {
	if f {
		return append(b, " true"...)
	}
	return append(b, " false"...)
}

// appendQuote is strconv.AppendQuote, which looks each rune up in its
// tables of printable characters; nearly every string of a lexicon is
// printable ASCII without a quote or backslash, which it quotes as it is.
// Every run of the command hashes the default lexicon (thousands of
// entries, fifteen strings each) before its first report.
func appendQuote(b []byte, s string) []byte {
	if s == "" {
		// Most of an entry's strings: here, where the call inlines.
		return append(b, '"', '"')
	}
	return appendQuoted(b, s)
}

// appendQuoted is appendQuote of a string that is not empty.
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !quotedAsIs[s[i]] {
			return strconv.AppendQuote(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// quotedAsIs holds the bytes strconv.Quote writes as they are: printable
// ASCII but the quote and the backslash. One load a byte, where testing
// the four bounds was most of appendQuote's cost.
var quotedAsIs = func() (t [256]bool) {
	for c := ' '; c <= '~'; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// LexiconHash returns "sha256:" and the hex SHA-256 of a lexicon's
// entries: every category in extract.LexiconCategories order, every entry
// in file order with its phrase, attributes and source line. Two lexicons
// with the same hash find the same markers. A lexicon is immutable, so the
// hash is computed once per lexicon.
func LexiconHash(l *extract.Lexicon) string {
	if h, ok := lexHashes.Load(l); ok {
		return h.(string)
	}
	// One goroutine computes it (corpus mode starts on the default
	// lexicon's while the first events are read); the others wait for it.
	lexHashMu.Lock()
	defer lexHashMu.Unlock()
	if h, ok := lexHashes.Load(l); ok {
		return h.(string)
	}
	s := sha256.New()
	// The lines are those of fmt's "%q %q %q %q %q %t %t %t %t %q %q %q
	// %q %q %q\n" (lexiconHashLine), made without fmt: formatting them was a tenth of
	// the command's start on a small corpus.
	// The lines go to the hash some kilobytes at a time, not one by one:
	// each Write has a cost of its own.
	const flushAt = 16 << 10
	b := make([]byte, 0, flushAt+1024)
	for _, cat := range extract.LexiconCategories {
		b = append(append(append(b, '['), cat...), "]\n"...)
		for _, e := range l.Entries(cat) {
			b = lexiconHashLine(b, e)
			if len(b) >= flushAt {
				s.Write(b)
				b = b[:0]
			}
		}
	}
	s.Write(b)
	h := "sha256:" + hex.EncodeToString(s.Sum(nil))
	lexHashes.Store(l, h)
	return h
}
