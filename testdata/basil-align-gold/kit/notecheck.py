#!/usr/bin/env python3
"""notecheck.py FILE...: a note must copy no 6 words in a row of its event's articles, and the
capitalised words it names should be its event's (a note written for another event shows)."""
import json, glob, sys, re
S = {}
for f in glob.glob('../shared/dev/basil/articles/*.json'):
    a = json.load(open(f))
    S.setdefault(a['triplet-uuid'], []).append(' '.join(s for p in a['body-paragraphs'] for s in p) + ' ' + a['title'])
def words(t): return re.findall(r"[a-z0-9]+", t.lower())
for path in sys.argv[1:]:
    g = json.load(open(path)); t = g['triplet']; note = g.get('annotator_note', '')
    text = ' '.join(S[t]); tw = words(text); grams = {tuple(tw[i:i+6]) for i in range(len(tw)-5)}
    nw = words(note); copied = [' '.join(nw[i:i+6]) for i in range(len(nw)-5) if tuple(nw[i:i+6]) in grams]
    caps = set(re.findall(r"\b[A-Z][a-z]{3,}\b", note)) - {'Fox','Times','HuffPost','Second','The','This','That','When','Where','Most','Both','Each','Only','First','Pairs','Hard','Some','These','Those','News','York','Second','Sentences','Background','Different','Their'}
    missing = sorted(c for c in caps if c.lower() not in text.lower())
    flag = 'COPY ' if copied else ''
    flag += 'NAMES? ' if caps and len(missing) > len(caps) / 2 else ''
    print('%-9s %s %s %s' % (t[:8], flag or 'ok', copied[:2], missing[:6]))
