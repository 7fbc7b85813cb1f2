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
		return partyTagRE.MatchString(rest)
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
