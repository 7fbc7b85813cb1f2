#!/usr/bin/env python3
import json, glob, sys, random
g = json.load(open(sys.argv[1])); t = g['triplet']
lev = sys.argv[2] if len(sys.argv) > 2 else None
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
S = {}
for f in glob.glob('../shared/dev/basil/articles/*.json'):
    a = json.load(open(f))
    if a['triplet-uuid'] == t:
        S[a['source'].lower()] = [s for p in a['body-paragraphs'] for s in p]
ps = [p for p in g['pairs'] if lev is None or p['level'] == lev]
random.seed(7)
for p in random.sample(ps, min(n, len(ps))):
    print('%s %s%d-%s%d %s' % (p['level'], p['a'], p['ai'], p['b'], p['bi'], p['relation']))
    print('   A:', S[p['a']][p['ai']][:230]); print('   B:', S[p['b']][p['bi']][:230])
