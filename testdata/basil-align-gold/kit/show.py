#!/usr/bin/env python3
"""show.py TRIPLET: print the three BASIL articles of one event with their sentence numbers.
Sentences are the entries of body-paragraphs flattened in order, from 0 (the title is not counted).
Outlets: fox (Fox News), nyt (The New York Times), hpo (HuffPost)."""
import json, glob, sys
t = sys.argv[1]
arts = {}
for f in glob.glob('../shared/dev/basil/articles/*.json'):
    a = json.load(open(f))
    if a['triplet-uuid'] == t:
        arts[a['source'].lower()] = a
if set(arts) != {'fox', 'nyt', 'hpo'}:
    sys.exit('no such triplet with three outlets: %s' % t)
for o in ('fox', 'nyt', 'hpo'):
    a = arts[o]
    print('=' * 100)
    print('%s   title (not numbered): %s   date %s' % (o, a['title'], a.get('date')))
    k = 0
    for p, para in enumerate(a['body-paragraphs']):
        for s in para:
            print('%s%-3d %s' % (o, k, s))
            k += 1
        print()
