#!/usr/bin/env bash
# Browser test of the HTML report: renders the seeds' report and a hostile
# report in headless Chromium (Debian's package, installed when missing),
# checks the rendered DOM, then checks the layout at desktop and phone sizes
# and for print with playwright-core (.ci/browser-layout.mjs, from the npm
# registry; it drives Debian's Chromium, downloads no browser), and keeps
# screenshots as test artefacts (/tmp, or $ARTIFACTS): claimdiff-report.png
# (the seeds), report-desktop.png and report-phone.png (the election_protest
# set, our own writing). With SCREENSHOT_DIR=docs the desktop screenshot is
# also copied to docs/report.png, the one the README shows.
# Idempotent; exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

need=""
[ -x /usr/bin/chromium ] || need="chromium"
command -v python3 >/dev/null || need="$need python3"
command -v npm >/dev/null || need="$need npm"
if [ -n "$need" ]; then
	echo "browser: installing $need from Debian"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shot=${ARTIFACTS:-/tmp}/claimdiff-report.png
mkdir -p "$(dirname "$shot")"

go build -o "$work/claimdiff" ./cmd/claimdiff
"$work/claimdiff" --published 2025-11-21 --format html testdata/seeds/*.txt >"$work/seeds.html"
"$work/claimdiff" --published 2025-11-21 --format json testdata/seeds/*.txt >"$work/seeds.json"
"$work/claimdiff" --format html testdata/html/coastline_courier.html testdata/html/hostile.txt testdata/html/hostile.html >"$work/hostile.html"
"$work/claimdiff" --format html testdata/html/coastline_courier.html testdata/html/meridian_daily.html >"$work/pages.html"
"$work/claimdiff" --format json testdata/html/coastline_courier.html testdata/html/meridian_daily.html >"$work/pages.json"
"$work/claimdiff" --format html testdata/sets/election_protest/*.txt testdata/sets/election_protest/*.json >"$work/report.html"
"$work/claimdiff" --format json testdata/sets/election_protest/*.txt testdata/sets/election_protest/*.json >"$work/report.json"
"$work/claimdiff" --format html --group-by event --out "$work/site" testdata/sets.jsonl

# chromium FILE ARGS...: headless, offline, a fresh profile every run.
chrome() {
	local file=$1; shift
	timeout 60 /usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-quic --disable-component-update --disable-sync \
		--disable-extensions --hide-scrollbars --user-data-dir="$(mktemp -d -p "$work")" \
		"$@" "file://$file" 2>>"$work/chromium.log"
}
chrome "$work/seeds.html" --dump-dom >"$work/seeds.dom"
chrome "$work/hostile.html" --dump-dom >"$work/hostile.dom"
chrome "$work/pages.html" --dump-dom >"$work/pages.dom"
rm -f "$shot"
chrome "$work/seeds.html" --screenshot="$shot" --window-size=1400,1800 >/dev/null

python3 - "$work" "$shot" <<'PY'
import json, os, sys
from html.parser import HTMLParser

work, shot = sys.argv[1], sys.argv[2]

class DOM(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.tags, self.docs, self.text = [], [], set(), []
        self.title, self._in_title = "", False
        self._in_tag = False  # a marker's kind in words (<sup class="tag">), not the article's text
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "sup" and "tag" in (a.get("class") or "").split():
            self._in_tag = True
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "th" and a.get("data-doc"):
            self.docs.add(a["data-doc"])
        self._in_title = tag == "title"
    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "sup":
            self._in_tag = False
    def handle_data(self, data):
        if self._in_tag:
            return
        if self._in_title:
            self.title += data
        self.text.append(data)

def load(name):
    d = DOM()
    d.feed(open(os.path.join(work, name), encoding="utf-8").read())
    d.text = "".join(d.text)
    return d

passed = failed = 0
def check(name, problems):
    global passed, failed
    if problems:
        failed += 1
        print(f"FAIL {name}:")
        for p in problems[:20]:
            print("   ", p)
    else:
        passed += 1
        print(f"ok   {name}")

def report_checks(label, dom_name, json_name):
    dom, rep = load(dom_name), json.load(open(os.path.join(work, json_name)))
    probs = []
    ids = set(dom.ids)
    for g in rep["groups"]:
        if g["id"] not in ids:
            probs.append(f"group {g['id']} has no element with its id")
    for d in rep["documents"]:
        if d["id"] not in dom.docs:
            probs.append(f"document {d['id']} has no column")
        for c in d["claims"]:
            if c["id"] not in ids:
                probs.append(f"claim {c['id']} has no element with its id")
    dup = sorted({i for i in dom.ids if dom.ids.count(i) > 1})
    if dup:
        probs.append(f"duplicate element ids: {dup[:10]}")
    if not rep["groups"]:
        probs.append("the report has no groups")
    if "script" in dom.tags:
        probs.append("the page has a <script> element")
    check(f"{label}: {len(rep['groups'])} groups, {len(rep['documents'])} outlet columns, every claim anchored", probs)

report_checks("seeds report", "seeds.dom", "seeds.json")
report_checks("two saved HTML pages", "pages.dom", "pages.json")

h = load("hostile.dom")
probs = []
if "PWNED" in h.title or not h.title.startswith("claimdiff"):
    probs.append(f"document.title was changed: {h.title!r}")
for tag in ("script", "img", "svg", "iframe", "object", "embed", "style-injected"):
    if tag in h.tags:
        probs.append(f"the hostile page's DOM has a <{tag}> element")
for t in h.tags:
    if t.startswith("pwned"):
        probs.append(f"an injected element <{t}> was added")
if "pwned-markup" in h.ids:
    probs.append("injected markup became an element (id=pwned-markup)")
if h.tags.count("h1") != 1:
    probs.append(f"expected one <h1>, found {h.tags.count('h1')}")
for needle in ("<script>document.title='PWNED'", "onerror=", "javascript:document.title", '<h1 id="pwned-markup">'):
    if needle not in h.text:
        probs.append(f"hostile text {needle!r} is not shown as text")
check("hostile article: shown as text, nothing ran", probs)

probs = []
if not os.path.exists(shot):
    probs.append(f"no screenshot at {shot}")
else:
    with open(shot, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        probs.append("the screenshot is not a PNG")
    elif int.from_bytes(head[16:20], "big") != 1400:
        probs.append("the screenshot is not 1400 pixels wide")
    elif os.path.getsize(shot) < 50_000:
        probs.append(f"the screenshot is suspiciously small ({os.path.getsize(shot)} bytes): blank page?")
check(f"screenshot {shot}", probs)

print(f"browser: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
echo "== layout at desktop and phone sizes, and print (playwright-core driving Debian's Chromium)"
cp .ci/browser-layout.mjs "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund --no-save playwright-core@1.64.1 >/dev/null)
shots=${ARTIFACTS:-/tmp}
node "$work/browser-layout.mjs" "$work" "$shots"
if [ -n "${SCREENSHOT_DIR:-}" ]; then
	cp "$shots/report-desktop.png" "$SCREENSHOT_DIR/report.png"
fi
echo "browser: done in $(( $(date +%s) - start ))s; screenshot $shot"
