// Browser half of bench/search_compare.py: runs fihris's search.js and Pagefind
// in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core;
// no browser is downloaded) against a site served on 127.0.0.1.
//
//   node search_compare_browser.mjs CONFIG.json   (prints one JSON object)
//
// CONFIG: {base, mode: "answers" | "bytes", queries: [...], chromium, page}
//   answers: one page of the site (CONFIG.page, e.g. "/search/"); every query,
//            both engines, all result URLs.
//   bytes:   for each query and engine a new browser context (empty cache) on a
//            blank page; counts what was fetched until the first result's details
//            were in hand: Performance API entries of the page (main thread only)
//            and every response the browser saw (page and its workers, via CDP).
// playwright-core is resolved from PLAYWRIGHT_DIR (a folder with node_modules).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const require = createRequire(path.join(process.env.PLAYWRIGHT_DIR || process.cwd(), "noop.js"));
const { chromium } = require("playwright-core");

const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

// Playwright refuses --user-data-dir in args for launch(); it gives every launch a
// fresh temporary profile of its own, and every new context its own empty cache.
const browser = await chromium.launch({
  executablePath: config.chromium || "/usr/bin/chromium",
  headless: true,
  args: ARGS,
});

async function fihrisAll(page, q) {
  return page.evaluate(async (q) => {
    const t0 = performance.now();
    const s = window.fihrisSearch.createSearch((p) => fetch("/search/" + p).then((r) => r.json()));
    const answer = await s.search(q);
    const items = await s.details(answer.results.map((r) => r.doc));
    return {
      urls: items.map((i) => i.url),
      entities: answer.entities.map((e) => e.url),
      ms: performance.now() - t0,
    };
  }, q);
}

async function pagefindAll(page, q) {
  return page.evaluate(async (q) => {
    const t0 = performance.now();
    const pagefind = await import("/pagefind/pagefind.js");
    const r = await pagefind.search(q);
    const data = await Promise.all(r.results.map((x) => x.data()));
    return { urls: data.map((d) => d.url), ms: performance.now() - t0 };
  }, q);
}

async function answers() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(config.base + config.page, { waitUntil: "load" });
  await page.waitForFunction(() => window.fihrisSearch !== undefined);
  const out = [];
  for (const q of config.queries) {
    out.push({ query: q, fihris: await fihrisAll(page, q), pagefind: await pagefindAll(page, q) });
  }
  await context.close();
  return out;
}

// First result only: search, then the details of results[0].
const FIRST = {
  fihris: async (q) => {
    await new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = "/search.js";
      s.onload = resolve;
      s.onerror = () => reject(new Error("search.js did not load"));
      document.head.appendChild(s);
    });
    const engine = window.fihrisSearch.createSearch((p) => fetch("/search/" + p).then((r) => r.json()));
    const answer = await engine.search(q);
    if (!answer.results.length) return { total: 0, first: null };
    const [item] = await engine.details([answer.results[0].doc]);
    return { total: answer.total, first: item.url, title: item.title };
  },
  pagefind: async (q) => {
    const pagefind = await import("/pagefind/pagefind.js");
    const r = await pagefind.search(q);
    if (!r.results.length) return { total: 0, first: null };
    const data = await r.results[0].data();
    return { total: r.results.length, first: data.url, title: data.meta && data.meta.title };
  },
};

async function bytes() {
  const out = [];
  for (const q of config.queries) {
    for (const engine of ["fihris", "pagefind"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(config.base + config.page, { waitUntil: "load" });
      const seen = [];
      let counting = false;
      context.on("requestfinished", (request) => { if (counting) seen.push(request); });
      context.on("requestfailed", (request) => { if (counting) seen.push(request); });
      await page.evaluate(() => performance.clearResourceTimings());
      counting = true;
      const t0 = Date.now();
      const result = await page.evaluate(FIRST[engine], q);
      const ms = Date.now() - t0;
      // Responses finish before the promise that used them resolves; give the
      // event loop a moment to deliver the last events.
      await page.waitForTimeout(200);
      counting = false;
      const perf = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => ({
        url: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize,
        decodedBodySize: e.decodedBodySize,
      })));
      const network = [];
      for (const request of seen) {
        const sizes = await request.sizes().catch(() => null);
        const response = await request.response().catch(() => null);
        network.push({
          url: request.url(),
          status: response ? response.status() : null,
          responseBodySize: sizes ? sizes.responseBodySize : null,
          responseHeadersSize: sizes ? sizes.responseHeadersSize : null,
        });
      }
      out.push({ query: q, engine, result, ms, perf, network });
      await context.close();
    }
  }
  return out;
}

try {
  const result = config.mode === "bytes" ? await bytes() : await answers();
  process.stdout.write(JSON.stringify(result));
} finally {
  await browser.close();
}
