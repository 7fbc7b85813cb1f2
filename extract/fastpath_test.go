// The tests of this file check short cuts of the name, quote and speaker
// passes against the plain rules they stand for.

package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestNoNameStart checks findEntities' first-byte pass over words against
// its plain rule: a word it passes over is one no name starts at
// (namePartAt false) and no party tag opens (first byte D, R or I).
func TestNoNameStart(t *testing.T) {
	for _, w := range []string{"", "a", "z", "the", "said", "0", "9th", "-", "(", "“", "al-Hayya", "al-hayya", "el-Sisi",
		"ad-Din", "x-ray", "co-founder", "Al-Hayya", "Ümit", "émile", "Émile", "D-Calif.", "R", "I", "iPhone", "eBay",
		"de", "van", "o'Brien", "[UNSC]", "'s", "’s", "mid-March", "pro-Trump", "ash-Sham", "an-Nahar", "at-Tall", "@", "~"} {
		f := &wordFacts{hyphen: strings.Contains(lowerKey(w), "-")}
		if noNameStart(w, f) && (namePartAt(w, f) || strings.ContainsAny(w[:min(1, len(w))], "DRI")) {
			t.Errorf("%q is passed over, yet a name or a party tag may start there", w)
		}
	}
}

// TestIsPartyTagAtPlain checks isPartyTagAt's byte loop against its plain
// rule: the text after the spaces opens with a bracket or a comma, and
// after it and more spaces comes a tag partyTagRE matches, all within 16
// bytes.
func TestIsPartyTagAtPlain(t *testing.T) {
	plain := func(text string, pos int) bool {
		rest := strings.TrimLeft(text[pos:min(len(text), pos+16)], " ")
		if !strings.HasPrefix(rest, "(") && !strings.HasPrefix(rest, ",") {
			return false
		}
		rest = strings.TrimLeft(rest[1:], " ")
		return partyTagRE().MatchString(rest)
	}
	for _, text := range []string{"", " ", "(", ",", "Pelosi (D-Calif.) said", "Ryan, R-Wis., said", "Sanders (I) said",
		"Sanders (I)", "Roe ( D-Ohio)", "Roe  ,  R-Tex.", "Roe said", "Roe (Democrat)", "Roe,D-N.Y.", "Roe              (D-Calif.)",
		"Roe (d-calif.)", "Roe — (R-Wis.)", "Roe (“R-Wis.”)", "Roe ,", "Roe (", "Roe (R-"} {
		for pos := 0; pos <= len(text); pos++ {
			if got, want := isPartyTagAt(text, pos), plain(text, pos); got != want {
				t.Errorf("isPartyTagAt(%q, %d) = %v, want %v", text, pos, got, want)
			}
		}
	}
}

// TestIsAcronymShapeRunes checks isAcronymShape's byte path against the
// rule it stands for: no lower-case rune and two upper-case ones or more.
func TestIsAcronymShapeRunes(t *testing.T) {
	plain := func(w string) bool {
		n := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsUpper(r) {
				n++
			}
		}
		return n >= 2
	}
	words := []string{"", "A", "AB", "Ab", "aB", "WHO", "IDF", "U.S.", "U.S", "N.Y.", "G7", "G-7", "3M", "ÉU", "ÉTA", "Éta",
		"ÖSTERREICH", "Straße", "STRASSE", "ǅ", "ǅA", "ΑΒ", "Αβ", "AΒ", "bad\xffAB", "AB\xff", "\xc3A", "A\u00a0B", "AÿB", "ÀÁ", "ªA", "ºAB"}
	for c := 0; c < 0x250; c += 7 {
		words = append(words, "A"+string(rune(c)), string(rune(c))+"B", "AB"+string(rune(c)))
	}
	for _, w := range words {
		if got, want := isAcronymShape(w), plain(w); got != want {
			t.Errorf("isAcronymShape(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestByteSetFirsts checks unifyKeys' filter against its plain rule: a
// key it passes over opens with a byte no key added opens with.
func TestByteSetFirsts(t *testing.T) {
	added := []string{"gaddafi", "Zed", "émile", "\xff", "1st"}
	var s byteSet
	for _, k := range added {
		s.addFirst(k)
	}
	for c := 0; c < 256; c++ {
		key := string([]byte{byte(c), 'x'})
		plain := false
		for _, k := range added {
			plain = plain || k[0] == key[0]
		}
		if s.mayHoldFirst(key) != plain {
			t.Errorf("mayHoldFirst(%q) = %v, want %v", key, s.mayHoldFirst(key), plain)
		}
	}
	if !s.mayHoldFirst("") {
		t.Error("the empty key is passed over")
	}
	s.addFirst("")
	if !s.mayHoldFirst("q") {
		t.Error("after an empty key, a key is passed over")
	}
}

// TestSpeakerFromFacts checks findSpeaker's reading of the words before
// a quote from their facts (speechAt, phraseBeforeSpan with facts)
// against the look-ups by spelling it stands for.
func TestSpeakerFromFacts(t *testing.T) {
	x := &extractor{lex: DefaultLexicon()}
	for _, text := range []string{
		"The minister, who took office in May, said on Monday that the plan",
		"Sen. Ann Ruiz (D-Calif.) told reporters the U.S. would not",
		"“We will win,” SAID the President’s spokesman, adding that the White House",
		"He SAYS the company's chief executive officer, Jane O'Neil, has claimed",
		"Officials in Kyiv were quoted as saying the strikes, described as",
	} {
		toks := tokenize(text, 0, len(text))
		facts := make([]*wordFacts, len(toks))
		for k, tk := range toks {
			facts[k] = x.lex.word(tk.text).facts
		}
		for k := range toks {
			if got, want := x.speechAt(toks, facts, k), x.isSpeechWord(toks[k].text); got != want {
				t.Errorf("%q: speechAt %q = %v, isSpeechWord %v", text, toks[k].text, got, want)
			}
			for n := 1; n <= 7; n++ {
				gs, gok := phraseBeforeSpan(text, toks[:k], facts[:k], n, x.lex)
				ws, wok := phraseBeforeSpan(text, toks[:k], nil, n, x.lex)
				if gs != ws || gok != wok {
					t.Errorf("%q: phraseBeforeSpan of %d words, %d back, with facts %v %v, without %v %v", text, k, n, gs, gok, ws, wok)
				}
			}
		}
	}
}

// TestPlainRunPlain: plainRun's searches and word tests end a run where a
// byte-by-byte scan does (the first quote, backslash or control byte),
// gather its bytes alike, and refuse it exactly when a control byte ends
// it, also for a line read run after run as str reads it.
func TestPlainRunPlain(t *testing.T) {
	special := []byte{0, 0x01, 0x1f, 0x20, '"', '\\', 0x7f, 0x80, 0xc2, 0xe2, 0xff, 'a', ' '}
	r := rand.New(rand.NewPCG(21, 22))
	for range 20000 {
		b := make([]byte, r.IntN(80))
		for i := range b {
			if r.IntN(8) == 0 {
				b[i] = special[r.IntN(len(special))]
			} else {
				b[i] = byte(0x20 + r.IntN(0x5f))
			}
		}
		d := articleDecoder{b: b, quote: -1}
		for d.i < len(b) {
			end, high, ok := d.plainRun()
			want, wantHigh := d.i, uint64(0)
			for want < len(b) && b[want] >= 0x20 && b[want] != '"' && b[want] != '\\' {
				wantHigh |= uint64(b[want])
				want++
			}
			wantOK := want == len(b) || b[want] >= 0x20
			if ok != wantOK || ok && (end != want || (high&swarHighs != 0) != (wantHigh&0x80 != 0)) {
				t.Fatalf("plainRun(%q from %d) = %d, %#x, %v; want %d, %#x, %v", b, d.i, end, high, ok, want, wantHigh, wantOK)
			}
			if !ok {
				break
			}
			d.i = want + 1 // past the quote or the backslash
		}
	}
}

// TestAnyDigitFact checks wordFacts.anyDigit, which findEntities reads for
// a token, against hasDigit of the token's own spelling.
func TestAnyDigitFact(t *testing.T) {
	l := DefaultLexicon()
	text := "F-16s, the G7’s B2B and U.S. 3.5 K9 Mk.II 2nd ٣ Ⅻ ＃1 Route-66's A1’ x.5 ½ Café42 ÀÉ9. COVID-19 MP3s \xff9"
	for _, tk := range tokenize(text, 0, len(text)) {
		if got, want := l.word(tk.text).facts.anyDigit, hasDigit(tk.text); got != want {
			t.Errorf("%q: anyDigit %v, hasDigit %v", tk.text, got, want)
		}
	}
}

// TestSpeechWordFromRows checks speechWord, which reads the attribution
// entries from a form's rows of Lexicon.starts and namingVerbs and
// quoteVerbs from one set, against the look-ups it stands for.
func TestSpeechWordFromRows(t *testing.T) {
	l := DefaultLexicon()
	plain := func(lw, st string) bool {
		if namingVerbs[st] || quoteVerbs[st] || strings.HasPrefix(lw, "characteriz") || strings.HasPrefix(lw, "characteris") {
			return true
		}
		for _, k := range []string{st, lw} {
			for _, e := range l.first[LexAttribution][k] {
				if e.Speech && len(e.Words) == 1 {
					return true
				}
			}
		}
		return false
	}
	words := []string{"said", "says", "say", "told", "tells", "wrote", "called", "calls", "characterized", "characterises",
		"denied", "claimed", "reported", "according", "noted", "the", "minister", "quipped", "continued", "x", ""}
	for _, vs := range []map[string]bool{namingVerbs, quoteVerbs} {
		for w := range vs {
			words = append(words, w)
		}
	}
	for _, es := range l.entries {
		for _, e := range es {
			words = append(words, e.Words...)
		}
	}
	for _, w := range words {
		f := l.newFacts(w)
		if got, want := f.speech, plain(f.low, f.stem); got != want {
			t.Errorf("%q (stem %q): speechWord %v, plain rule %v", w, f.stem, got, want)
		}
	}
}

// TestMarkerTokens checks the tokens findMarkers records for a match
// (markerTokens) against tokenBounds of the marker's span, which they
// stand for: a match's span runs from its first token's start to its last
// token's end, and every other span is searched for.
func TestMarkerTokens(t *testing.T) {
	for _, text := range []string{
		"The minister, who took office in May, said on Monday that the plan “will not work,” according to Reuters.",
		"Sen. Ann Ruiz (D-Calif.) told reporters the U.S. would not—as she put it—“back down”; officials denied it.",
		"Officials in Kyiv were quoted as saying the strikes, described as 'retaliation', hit 3.5 km from al-Hayya's home…",
	} {
		name := text[:12]
		toks := tokenize(text, 0, len(text))
		x := &extractor{scratch: new(scratch)}
		for s := range toks {
			for e := s + 1; e <= len(toks) && e <= s+8; e++ {
				span := Span{toks[s].span.Start, toks[e-1].span.End}
				x.mk.attrs = append(x.mk.attrs[:0], markerToks{span, s, e})
				k0, k1 := x.markerTokens(toks, span)
				w0, w1 := tokenBounds(toks, span)
				if k0 != w0 || k1 != w1 {
					t.Fatalf("%s: tokens [%d, %d) %v: recorded %d, %d, tokenBounds %d, %d", name, s, e, span, k0, k1, w0, w1)
				}
				other := Span{span.Start + 1, span.End}
				k0, k1 = x.markerTokens(toks, other)
				w0, w1 = tokenBounds(toks, other)
				if k0 != w0 || k1 != w1 {
					t.Fatalf("%s: span %v not recorded: %d, %d, tokenBounds %d, %d", name, other, k0, k1, w0, w1)
				}
			}
		}
	}
}

// TestFieldFact checks wordFacts.field, which entityKey reads for a name's
// word, against plainField of the word's lower-case form (lows[k]).
func TestFieldFact(t *testing.T) {
	l := DefaultLexicon()
	text := "Al-Hayya met U.S. Sen. O’Neil, Smith-Jones, el-Sisi and Café Müller’s B2B CEO at Ash-Sham's Jr. HQ"
	for _, tk := range tokenize(text, 0, len(text)) {
		f := l.word(tk.text).facts
		if got, want := f.field, plainField(lowerKey(tk.text)); got != want || f.low != lowerKey(tk.text) {
			t.Errorf("%q: field %v, plainField %v (form %q)", tk.text, got, want, f.low)
		}
	}
}
