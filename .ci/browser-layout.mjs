// Layout checks of the HTML report in headless Chromium, driven by
// playwright-core (no browser download: Debian's /usr/bin/chromium).
// Usage: node browser-layout.mjs WORKDIR SHOTDIR
// WORKDIR holds report.html + report.json (one comparison) and site/
// (corpus mode). It checks, at desktop and phone sizes and for print:
// outlets side by side on a desktop and stacked on a 390-pixel phone with
// no sideways scrolling, words only one side says highlighted inside the
// claims, markers labelled in words where there is no hover, header counts
// and reading order as the JSON says, every group and claim anchored, and
// the corpus index. Screenshots go to SHOTDIR. It prints "N passed, M failed".
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [work, shots] = process.argv.slice(2);
const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
let passed = 0, failed = 0;
function check(name, problems) {
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}:`);
    for (const p of problems.slice(0, 15)) console.log('    ' + p);
  } else {
    passed++;
    console.log(`ok   ${name}`);
  }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const url = (f) => 'file://' + join(work, f);

// The words only one side says, by claim, from the JSON.
const only = {};
for (const g of report.groups) for (const d of g.differences || []) {
  if (d.kind !== 'detail') continue;
  for (const [id, vals] of Object.entries(d.values)) for (const v of vals) (only[id] ||= new Set()).add(v.text);
}

// Desktop.
{
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url('report.html'));
  const got = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('tbody.group > tr[id]')];
    const first = rows.find((r) => r.querySelectorAll('td[data-outlet] .claim').length >= 2);
    const cells = first ? [...first.querySelectorAll('td[data-outlet]')].map((td) => td.getBoundingClientRect().toJSON()) : [];
    const hl = {};
    // A word only one side says may carry a fact's or framing's evidence
    // too, which then keeps its bytes: any highlight counts as in place.
    // A claim in two groups is shown twice; only the first copy carries
    // its element id, both name it in their .cid link.
    for (const s of document.querySelectorAll('.claim .hl')) {
      const id = s.closest('.claim').querySelector('.cid').textContent;
      (hl[id] ||= []).push(s.textContent);
    }
    const bg = [...document.querySelectorAll('.claim .hl.k-detail')].map((s) => getComputedStyle(s).backgroundColor);
    return {
      order: rows.map((r) => r.id), cells, hl, bg,
      counts: document.querySelector('.counts')?.textContent || '',
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      tagsShown: [...document.querySelectorAll('.tag')].filter((t) => getComputedStyle(t).display !== 'none').length,
      scroll: document.documentElement.scrollWidth,
    };
  });
  const probs = [];
  const want = report.groups.map((g) => g.id);
  if (JSON.stringify(got.order) !== JSON.stringify(want)) probs.push(`groups not in the report's reading order: ${got.order.slice(0, 8)} vs ${want.slice(0, 8)}`);
  for (let i = 1; i < got.cells.length; i++) {
    if (got.cells[i].left < got.cells[i - 1].right - 1 || Math.abs(got.cells[i].top - got.cells[0].top) > 1) probs.push(`outlet columns are not side by side: ${JSON.stringify(got.cells.map((c) => [c.left, c.top]))}`);
  }
  if (got.cells.length < 2) probs.push('no group with claims from two outlets');
  const ids = new Set(got.ids);
  for (const g of report.groups) if (!ids.has(g.id)) probs.push(`group ${g.id} has no element id`);
  for (const d of report.documents) for (const c of d.claims) if (!ids.has(c.id)) probs.push(`claim ${c.id} has no element id`);
  if (got.tagsShown) probs.push(`${got.tagsShown} marker labels shown on the desktop, where hover explains them`);
  if (got.scroll > 1400) probs.push(`the desktop page scrolls sideways (${got.scroll}px)`);
  check(`desktop: ${got.order.length} groups in reading order, outlets side by side, every group and claim anchored`, probs);

  const aligned = report.groups.filter((g) => !g.role && g.verdict !== 'related').length;
  const related = report.groups.filter((g) => !g.role && g.verdict === 'related').length;
  const m = got.counts.match(/(\d+) aligned groups?, (\d+) related/);
  check(`header says "${m ? m[0] : got.counts.slice(0, 60)}"`,
    !m ? ['no "N aligned groups, M related" in the header'] : (+m[1] !== aligned || +m[2] !== related) ? [`want ${aligned} aligned, ${related} related`] : []);

  const hp = [];
  let entries = 0;
  for (const [id, texts] of Object.entries(only)) {
    const shown = (got.hl[id] || []).join(' ');
    for (const t of texts) {
      entries++;
      // Every word of the entry is marked inside its claim (a marker may cut a run in two).
      for (const w of t.split(/\s+/).filter((w) => w.length > 3)) if (!shown.includes(w)) hp.push(`${id}: "${w}" of "${t}" is not highlighted in place`);
    }
  }
  if (!entries) hp.push('the report has no words only one side says');
  if (got.bg.some((c) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent')) hp.push('a highlight has no background');
  if (!got.bg.length) hp.push('no word is marked as said by one side only');
  check(`in-place highlighting: ${entries} runs of words only one side says (${got.bg.length} marked spans), each marked inside its claim`, hp);
  await page.screenshot({ path: join(shots, 'report-desktop.png') });
  await page.close();
}

// Phone: 390 CSS pixels, as an iPhone 12–15.
{
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(url('report.html'));
  const got = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('tbody.group > tr[id]')];
    const first = rows.find((r) => r.querySelectorAll('td[data-outlet] .claim').length >= 2);
    const cells = first ? [...first.querySelectorAll('td[data-outlet]')].map((td) => ({ ...td.getBoundingClientRect().toJSON(), label: getComputedStyle(td, '::before').content })) : [];
    const claims = [...document.querySelectorAll('.claim')];
    const tags = [...document.querySelectorAll('.tag')];
    return {
      scroll: document.documentElement.scrollWidth, cells,
      overflow: claims.filter((c) => c.scrollWidth > c.clientWidth + 1).length,
      font: Math.min(...claims.map((c) => parseFloat(getComputedStyle(c).fontSize))),
      markers: document.querySelectorAll('.claim .mk').length,
      tags: tags.filter((t) => getComputedStyle(t).display !== 'none' && t.getBoundingClientRect().width > 0).map((t) => t.textContent),
      detail: [...document.querySelectorAll('.claim .hl.k-detail')].filter((s) => s.getBoundingClientRect().width > 0).length,
    };
  });
  const probs = [];
  if (got.scroll > 390) probs.push(`the page is ${got.scroll}px wide on a 390px screen: it scrolls sideways`);
  if (got.cells.length < 2) probs.push('no group with claims from two outlets');
  for (let i = 1; i < got.cells.length; i++) if (got.cells[i].top < got.cells[i - 1].bottom - 1) probs.push('outlets are not stacked');
  for (const c of got.cells) {
    if (c.width < 330) probs.push(`an outlet's cell is only ${Math.round(c.width)}px wide`);
    if (!c.label || c.label === 'none' || c.label === 'normal') probs.push("a stacked cell does not name its outlet");
  }
  if (got.overflow) probs.push(`${got.overflow} claims overflow their box`);
  if (got.font < 14) probs.push(`claim text is ${got.font}px`);
  check(`phone 390px: outlets stacked full width and named, no sideways scrolling, text ${got.font}px`, probs);
  const kinds = ['label', 'scare quote', 'distancing', 'attribution', 'hedge', 'intensifier', 'loaded', 'agentless'];
  const tp = [];
  if (!got.markers) tp.push('no markers on the page');
  if (got.tags.length < 1 || !got.tags.every((t) => kinds.some((k) => t.startsWith(k)))) tp.push(`marker labels shown: ${got.tags.slice(0, 5)}`);
  if (!got.detail) tp.push('no in-place highlight visible on the phone');
  check(`phone 390px: ${got.tags.length} markers labelled in words (no hover needed), ${got.detail} highlights visible`, tp);
  // The phone screenshot shows the first group with claims from two outlets.
  await page.evaluate(() => {
    const r = [...document.querySelectorAll('tbody.group > tr[id]')].find((r) => r.querySelectorAll('td[data-outlet] .claim').length >= 2);
    window.scrollTo(0, r.getBoundingClientRect().top + window.scrollY - 8);
  });
  await page.screenshot({ path: join(shots, 'report-phone.png') });

  await page.goto(url('site/index.html'));
  const idx = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    links: [...document.querySelectorAll('table.events a')].map((a) => a.getAttribute('href')),
    matrix: document.querySelectorAll('table.matrix td').length,
  }));
  const ip = [];
  if (idx.scroll > 390) ip.push(`the index is ${idx.scroll}px wide on a phone`);
  if (idx.links.length < 2) ip.push(`only ${idx.links.length} event links`);
  if (!idx.matrix) ip.push('no agreement matrix');
  for (const l of idx.links) {
    const r = await page.goto(url('site/' + l));
    if (!r || !r.ok()) ip.push(`${l} does not open`);
    else if (!(await page.$('tbody.group'))) ip.push(`${l} is not a report`);
  }
  check(`corpus index: ${idx.links.length} events linked, agreement matrix, fits a phone`, ip);
  await ctx.close();
}

// Print: the page prints (PDF), with markers labelled and the filters gone.
{
  const page = await browser.newPage();
  await page.goto(url('report.html'));
  await page.emulateMedia({ media: 'print' });
  const got = await page.evaluate(() => ({
    filters: getComputedStyle(document.querySelector('.filters')).display,
    tags: [...document.querySelectorAll('.tag')].filter((t) => getComputedStyle(t).display !== 'none').length,
  }));
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const probs = [];
  if (got.filters !== 'none') probs.push('the filters print');
  if (!got.tags) probs.push('markers are not labelled on paper');
  if (pdf.length < 20000 || pdf.subarray(0, 5).toString() !== '%PDF-') probs.push(`the PDF is ${pdf.length} bytes`);
  check(`print: ${pdf.length} bytes of PDF, markers labelled, no filters`, probs);
}

await browser.close();
console.log(`layout: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
