#!/usr/bin/env bash
# Throughput of the Beam pipeline on prism against corpus mode, on the same
# generated corpus. Usage: ./bench.sh [EVENTS] (default 1000).
# Builds both commands, generates the corpus in a temporary directory, times
# each run (wall clock, best of 3) and checks that the outputs are the same set
# of lines. See README.md, "Throughput".
set -euo pipefail
cd "$(dirname "$0")"
events=${1:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/claimdiff-beam" ./cmd/claimdiff-beam
(cd .. && go build -o "$tmp/claimdiff" ./cmd/claimdiff)
go run ./internal/corpusgen/gencorpus -events "$events" -seed 11 -o "$tmp/bench.jsonl"
lines=$(wc -l < "$tmp/bench.jsonl")
bytes=$(wc -c < "$tmp/bench.jsonl")
echo "corpus: $events events, $lines articles, $bytes bytes; $(nproc) cores"

best() { # best wall time of 3 runs of "$@", in seconds
	local b=
	for _ in 1 2 3; do
		local s e
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1
		e=$(date +%s.%N)
		b=$(echo "$s $e ${b:-1e9}" | awk '{t=$2-$1; print (t<$3)?t:$3}')
	done
	echo "$b"
}

tc=$(best "$tmp/claimdiff" --format jsonl --group-by event "$tmp/bench.jsonl")
tb=$(best "$tmp/claimdiff-beam" --input "$tmp/bench.jsonl" --output "$tmp/out-")
echo "corpus mode:     $tc s  $(awk -v n="$lines" -v t="$tc" 'BEGIN{printf "%.0f articles/s", n/t}')"
echo "beam on prism:   $tb s  $(awk -v n="$lines" -v t="$tb" 'BEGIN{printf "%.0f articles/s", n/t}')"

"$tmp/claimdiff" --format jsonl --group-by event "$tmp/bench.jsonl" | sort > "$tmp/a"
sort "$tmp/out-reports.jsonl" > "$tmp/b"
if cmp -s "$tmp/a" "$tmp/b"; then echo "outputs: same $(wc -l < "$tmp/a") lines"; else echo "outputs DIFFER"; exit 1; fi
