#!/usr/bin/env python3
"""Run claimdiff's corpus mode and print a per-outlet table, from research code.

Standard library only; with pandas installed it also shows the two lines
that load the CSV into a DataFrame. CI runs it (.ci/run).

    go build -o claimdiff ./cmd/claimdiff
    python3 examples/python/outlet_table.py --claimdiff ./claimdiff testdata/sets.jsonl

It runs `claimdiff --format jsonl --group-by event` and `--format csv
--group-by event` on the corpus, reads both, prints one row per outlet
(claims, the share others also carry, conflicts, framing markers in the
outlet's own voice per 100 claims) and checks that the two formats agree:
every marker of the JSON is one row of the CSV. Exit status 1 when they do
not.
"""
import argparse
import collections
import csv
import io
import json
import subprocess
import sys

KINDS = ["label", "scare_quote", "distancing", "attribution", "hedge", "intensifier", "loaded", "agentless"]


def run(claimdiff, *args):
    return subprocess.run([claimdiff, *args], check=True, capture_output=True, text=True).stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claimdiff", default="claimdiff", help="path of the claimdiff command")
    ap.add_argument("corpus", help="JSON lines of articles with an \"event\" field")
    a = ap.parse_args()

    # JSON: one report per event per line (schema/report.schema.json).
    reports = []
    for line in run(a.claimdiff, "--format", "jsonl", "--group-by", "event", a.corpus).splitlines():
        r = json.loads(line)
        if "error" in r:  # an event too large to compare
            print(f"skipped event {r['event']}: {r['error']}", file=sys.stderr)
            continue
        reports.append(r)

    per = collections.defaultdict(lambda: collections.Counter())
    markers_json = collections.Counter()
    for r in reports:
        name = {d["id"]: d.get("outlet") or d.get("source") or d["id"] for d in r["documents"]}
        for doc_id, p in r["outlets"].items():
            o = per[name[doc_id]]
            o["events"] += 1
            o["claims"] += p["claims"]
            o["shared"] += p["shared"]
            for k in KINDS:
                o[k] += p["markers"].get(k, 0)
        # Every marker, in the body's claims and in the headline (which the
        # outlet profiles leave out), for the check against the CSV.
        for d in r["documents"]:
            for c in d["claims"] + ([d["headline"]] if "headline" in d else []):
                markers_json[name[d["id"]]] += len(c.get("markers", []))
        # A conflict: a fact difference naming the pair of documents.
        for g in r["groups"]:
            for d in g.get("differences", []):
                for x, y in d.get("conflicts", []):
                    per[name[x]]["conflicts"] += 1
                    per[name[y]]["conflicts"] += 1

    # CSV: one row per marker and per entry of a difference (docs/csv.md).
    table = run(a.claimdiff, "--format", "csv", "--group-by", "event", a.corpus)
    rows = list(csv.DictReader(io.StringIO(table)))
    markers_csv = collections.Counter(row["outlet"] for row in rows if row["row"] == "marker")

    print(f"{len(reports)} events, {len(rows)} CSV rows\n")
    head = f"{'outlet':<22} {'events':>6} {'claims':>6} {'shared':>7} {'conflicts':>9}  " + " ".join(f"{k[:11]:>11}" for k in KINDS)
    print(head)
    print(f"{'':<22} {'':>6} {'':>6} {'':>7} {'':>9}  " + " ".join(f"{'per 100':>11}" for _ in KINDS))
    for outlet in sorted(per):
        o = per[outlet]
        share = o["shared"] / o["claims"] if o["claims"] else 0
        rates = " ".join(f"{100 * o[k] / o['claims'] if o['claims'] else 0:>11.1f}" for k in KINDS)
        print(f"{outlet[:22]:<22} {o['events']:>6} {o['claims']:>6} {share:>7.0%} {o['conflicts']:>9}  {rates}")

    try:
        import pandas as pd
    except ImportError:
        print("\n(pandas is not installed: the DataFrame lines are skipped)")
    else:
        df = pd.read_csv(io.StringIO(table))
        print("\npandas:", df.shape, "— own-voice markers by outlet and kind:")
        own = df[(df["row"] == "marker") & (df["voice"] == "outlet")]
        print(own.pivot_table(index="outlet", columns="kind", values="claim", aggfunc="count", fill_value=0).to_string())

    if markers_csv != markers_json:
        print(f"\nFAIL: markers per outlet differ between JSON {dict(markers_json)} and CSV {dict(markers_csv)}", file=sys.stderr)
        return 1
    print(f"\nok: the CSV has one row per marker of the JSON ({sum(markers_json.values())} markers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
