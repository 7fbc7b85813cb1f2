#!/usr/bin/env bash
# CI for the Beam module (github.com/claimdiff/claimdiff/beam); .ci/run calls
# it. Runs vet and the pipeline tests on prism, in-process, inside a network
# namespace whose only interface is loopback (CLAIMDIFF_REQUIRE_NETNS=1 makes
# a machine where that is impossible fail instead of testing with an open
# port). The module cache ($GOMODCACHE) is reused between runs: the first
# run on an empty cache downloads the Beam SDK's dependencies and builds
# them (see README.md, "Cost of the module").
set -euo pipefail
cd "$(dirname "$0")"

# The core module must stay free of Beam.
if grep -q 'apache/beam' ../go.mod; then
	echo "beam/ci.sh: the core module's go.mod mentions Beam" >&2
	exit 1
fi

export CLAIMDIFF_REQUIRE_NETNS=1
start=$(date +%s)
go mod download
echo "beam/ci.sh: module download $(( $(date +%s) - start ))s"
go vet ./...
go test -count=1 ./...
echo "beam/ci.sh: total $(( $(date +%s) - start ))s"
