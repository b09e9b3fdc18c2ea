// Runs queries against a built site's search index with the search page's
// own script: node run-queries.js SCRIPT INDEX_DIR QUERIES_JSON
"use strict";
const fs = require("fs");
const path = require("path");

const [script, indexDir, queriesFile] = process.argv.slice(2);
const { createSearch } = require(path.resolve(script));
const engine = createSearch((file) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(indexDir, file), "utf8"))));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));

(async () => {
  const answers = [];
  for (const { query, filters } of queries) {
    // `typing`: the last word is still being typed.
    const { typing, ...chosen } = filters || {};
    const answer = await engine.search(query, chosen, Boolean(typing));
    const details = await engine.details(answer.results.map((r) => r.doc));
    const stories = await engine.stories(answer.results, 3);
    // What the first person the query names said, as the page shows it.
    const person = answer.entities.find((e) => e.kind === "people" && e.quotes > 0);
    const quotes = person ? (await engine.quotesOf(person.index)).map((q) => q.url) : [];
    answers.push({ query, urls: details.map((d) => d.url), entities: answer.entities.map((e) => e.url), stories: stories.map((s) => s.url), quotes });
  }
  process.stdout.write(JSON.stringify(answers));
})().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
