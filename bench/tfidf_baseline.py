#!/usr/bin/python3
"""The Python pipeline claimdiff's corpus mode is measured against (README, "Speed and memory").

It does the core of the same job the plain way: read JSON lines of articles with an "event"
field, split each text into sentences with a regular expression, and for every pair of articles
of an event score all sentence pairs with scikit-learn's TF-IDF cosine (the vectoriser fitted on
the event's sentences) and pair them one to one with scipy's Hungarian algorithm
(linear_sum_assignment); pairs at or above the threshold are written as one JSON line per event.
It extracts no names, numbers, dates, quotes or framing markers, so it does less than claimdiff.

    /usr/bin/python3 bench/tfidf_baseline.py corpus.jsonl > pairs.jsonl

Needs python3-sklearn and python3-scipy (Debian packages of those names)."""
import json
import re
import sys

from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import TfidfVectorizer

SENTENCE = re.compile(r'(?<=[.!?])["”’]?\s+(?=["“‘]?[A-Z0-9])')
THRESHOLD = 0.32


def sentences(text):
    return [s.strip() for s in SENTENCE.split(text) if s.strip()]


def compare(event, arts):
    sents = [sentences(a.get('text', '')) for a in arts]
    flat = [s for ss in sents for s in ss]
    out = {'event': event, 'pairs': []}
    if len(flat) < 2:
        return out
    vec = TfidfVectorizer(sublinear_tf=True)
    m = vec.fit_transform(flat)  # rows are L2-normalised: a dot product is the cosine
    start = [0]
    for ss in sents:
        start.append(start[-1] + len(ss))
    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            a, b = m[start[i]:start[i + 1]], m[start[j]:start[j + 1]]
            if a.shape[0] == 0 or b.shape[0] == 0:
                continue
            sim = (a @ b.T).toarray()
            rows, cols = linear_sum_assignment(-sim)
            for r, c in zip(rows, cols):
                if sim[r, c] >= THRESHOLD:
                    out['pairs'].append([i, int(r), j, int(c), round(float(sim[r, c]), 3)])
    return out


def main():
    events, order = {}, []
    for path in sys.argv[1:]:
        with open(path, encoding='utf-8') as f:
            for line in f:
                if not line.strip():
                    continue
                a = json.loads(line)
                e = a['event']
                if e not in events:
                    events[e] = []
                    order.append(e)
                events[e].append(a)
    w = sys.stdout
    for e in order:
        w.write(json.dumps(compare(e, events[e])) + '\n')


if __name__ == '__main__':
    main()
