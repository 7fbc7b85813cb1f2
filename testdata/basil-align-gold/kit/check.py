#!/usr/bin/env python3
"""check.py FILE...: validate gold files and fill in "unique" (every sentence in no pair).
A file: {"triplet", "annotator_note", "pairs": [{"a","ai","b","bi","level","relation"}]}.
Outlet order fox < nyt < hpo: "a" must be the earlier. level must|may; relation same|framing|detail.
Prints counts; rewrites the file with pairs sorted, duplicates refused, and "unique" computed."""
import json, glob, sys
ORDER = {'fox': 0, 'nyt': 1, 'hpo': 2}
n = {}
for f in glob.glob('../shared/dev/basil/articles/*.json'):
    a = json.load(open(f))
    n[(a['triplet-uuid'], a['source'].lower())] = sum(len(p) for p in a['body-paragraphs'])
bad = False
for path in sys.argv[1:]:
    g = json.load(open(path))
    t = g['triplet']
    if not path.endswith(t + '.json'):
        sys.exit('%s: file name must be <triplet>.json' % path)
    if not g.get('annotator_note'):
        print('%s: no annotator_note' % path); bad = True
    seen = {}
    pairs = []
    for p in g['pairs']:
        a, b = p['a'], p['b']
        if ORDER.get(a, 9) > ORDER.get(b, 9):
            p = {'a': b, 'ai': p['bi'], 'b': a, 'bi': p['ai'], 'level': p['level'], 'relation': p['relation']}
            a, b = b, a
        if a not in ORDER or b not in ORDER or a == b:
            print('%s: bad outlets %s' % (path, p)); bad = True; continue
        if not (0 <= p['ai'] < n[(t, a)] and 0 <= p['bi'] < n[(t, b)]):
            print('%s: index out of range %s' % (path, p)); bad = True; continue
        if p['level'] not in ('must', 'may') or p['relation'] not in ('same', 'framing', 'detail'):
            print('%s: bad level/relation %s' % (path, p)); bad = True; continue
        k = (a, p['ai'], b, p['bi'])
        if k in seen:
            print('%s: duplicate pair %s' % (path, p)); bad = True; continue
        seen[k] = True
        pairs.append({'a': a, 'ai': p['ai'], 'b': b, 'bi': p['bi'], 'level': p['level'], 'relation': p['relation']})
    pairs.sort(key=lambda p: (ORDER[p['a']], p['ai'], ORDER[p['b']], p['bi']))
    inpair = {(p['a'], p['ai']) for p in pairs} | {(p['b'], p['bi']) for p in pairs}
    unique = {o: [i for i in range(n[(t, o)]) if (o, i) not in inpair] for o in ('fox', 'nyt', 'hpo')}
    out = {'triplet': t, 'annotator_note': g.get('annotator_note', ''), 'pairs': pairs, 'unique': unique}
    json.dump(out, open(path, 'w'), indent=1)
    must = sum(p['level'] == 'must' for p in pairs)
    print('%s: %d must, %d may, unique %s' % (t, must, len(pairs) - must, {o: len(v) for o, v in unique.items()}))
sys.exit(1 if bad else 0)
