// fihris search: reads the index the build wrote under search/ and answers
// queries in the page, with no server. The normalization table and the
// proclitic letters come from the index (generated from the Rust rules of
// docs/arabic.md §7), so that a query meets the words as the build keyed them.
// The core (createSearch) also runs under Node, for the tests.
(function (root) {
  "use strict";

  var WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;
  // A word being typed is completed from at most this many shards.
  var MAX_PREFIX_SHARDS = 4;
  // A completed word counts less than one typed in full.
  var PREFIX_WEIGHT = 0.6;

  function createSearch(load) {
    var manifest = null;
    var shards = {};
    var chunks = {};
    var entityDocs = {};
    var dates = null;

    function ready() {
      if (!manifest) {
        manifest = load("index.json").then(function (m) {
          m.shardSet = new Set(m.shards);
          m.stopSet = new Set(m.stop);
          m.digitValue = {};
          Array.from(m.digits).forEach(function (c, i) { m.digitValue[c] = i; });
          return m;
        });
      }
      return manifest;
    }

    function key(m, text) {
      var out = "";
      for (var ch of text.normalize("NFKC")) {
        var folded = m.fold[ch];
        out += folded === undefined ? ch.toLowerCase() : folded;
      }
      return out;
    }

    function letters(text) {
      return Array.from(text).length;
    }

    // The forms of a word key with a proclitic chain removed, as
    // tokens::proclitic_variants makes them: [و|ف]? then لل (read ل + ال) or ب/ل/ك.
    function variants(m, word) {
      var c = m.clitics;
      var out = [];
      var bases = c.conjunctions.some(function (p) { return word.startsWith(p); }) ? [0, 1] : [0];
      bases.forEach(function (base) {
        var rest = Array.from(word).slice(base).join("");
        if (base > 0) out.push(rest);
        if (rest.startsWith(c.lam_lam)) out.push(c.article + Array.from(rest).slice(2).join(""));
        if (c.prepositions.some(function (p) { return rest.startsWith(p); })) out.push(Array.from(rest).slice(1).join(""));
      });
      return out.filter(function (v) { return letters(v) >= c.min_letters; });
    }

    // A function word, also after و or ف, as stopwords::is_function_word has it.
    function isStop(m, k) {
      if (m.stopSet.has(k)) return true;
      return m.clitics.conjunctions.some(function (c) {
        var rest = k.slice(c.length);
        return k.startsWith(c) && letters(rest) >= 2 && m.stopSet.has(rest);
      });
    }

    // The query's words: each a list of [term, weight], the word itself first.
    function queryWords(m, query) {
      var words = [];
      (query.match(WORD) || []).forEach(function (raw) {
        var k = key(m, raw);
        if (letters(k) < m.min_term || isStop(m, k)) return;
        var forms = [[k, 1]];
        variants(m, k).forEach(function (v) {
          if (!isStop(m, v)) forms.push([v, 0.7]);
        });
        words.push(forms);
      });
      return words;
    }

    function shardOf(m, term) {
      var chars = Array.from(term);
      for (var n = Math.min(chars.length, m.max_prefix); n >= 1; n--) {
        var name = chars.slice(0, n).join("");
        if (m.shardSet.has(name)) return name;
      }
      return null;
    }

    function fileName(name) {
      return Array.from(name).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
    }

    function loadShard(name) {
      if (!shards[name]) shards[name] = load("t/" + fileName(name) + ".json");
      return shards[name];
    }

    // The posting lists of every term that begins with `prefix`, for a word
    // still being typed; none when that would mean fetching many shards.
    function prefixPostings(m, prefix) {
      var names = m.shards.filter(function (name) { return prefix.startsWith(name) || name.startsWith(prefix); });
      if (!names.length || names.length > MAX_PREFIX_SHARDS) return Promise.resolve([]);
      return Promise.all(names.map(loadShard)).then(function (loaded) {
        var lists = [];
        loaded.forEach(function (shard) {
          Object.keys(shard).forEach(function (term) {
            if (term.startsWith(prefix) && term !== prefix) lists.push(decodePostings(m, shard[term]));
          });
        });
        return lists;
      });
    }

    function postings(m, term) {
      var name = shardOf(m, term);
      if (name === null) return Promise.resolve(null);
      return loadShard(name).then(function (shard) { return shard[term] ? decodePostings(m, shard[term]) : null; });
    }

    // A posting list as search::encode_postings writes it, read into
    // [distance from the previous document, weight, …]: numbers in base 32
    // (a digit of the manifest's second half is followed by more), each
    // document's distance doubled, plus 1 when a weight other than 1 follows.
    function decodePostings(m, text) {
      var out = [];
      var n = 0;
      var weighted = false;
      for (var i = 0; i < text.length; i++) {
        var digit = m.digitValue[text[i]];
        n = n * 32 + (digit % 32);
        if (digit >= 32) continue;
        if (weighted) {
          out.push(n + 2);
          weighted = false;
        } else {
          out.push(Math.floor(n / 2));
          weighted = n % 2 === 1;
          if (!weighted) out.push(1);
        }
        n = 0;
      }
      return out;
    }

    function undelta(list) {
      var out = [];
      var doc = 0;
      for (var i = 0; i < list.length; i++) { doc += list[i]; out.push(doc); }
      return out;
    }

    function loadChunk(n) {
      if (!chunks[n]) chunks[n] = load("d/" + n + ".json");
      return chunks[n];
    }

    var storyChunks = {};
    function loadStoryChunk(n) {
      if (!storyChunks[n]) storyChunks[n] = load("s/" + n + ".json");
      return storyChunks[n];
    }

    // The stories that hold the first of `results`, most results first (then
    // the best ranked): a story page compares the outlets of a result.
    function storiesFor(results, limit) {
      return ready().then(function (m) {
        var first = results.slice(0, 20).map(function (r) { return r.doc; });
        return Promise.all(first.map(function (doc) {
          return loadChunk(Math.floor(doc / m.chunk)).then(function (chunk) { return chunk[doc % m.chunk][6]; });
        })).then(function (ids) {
          var counts = new Map();
          ids.forEach(function (id) { if (id >= 0) counts.set(id, (counts.get(id) || 0) + 1); });
          var chosen = Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a); }).slice(0, limit);
          return Promise.all(chosen.map(function (id) {
            return loadStoryChunk(Math.floor(id / m.chunk)).then(function (chunk) {
              var entry = chunk[id % m.chunk];
              return { title: entry[0], url: entry[1], outlets: entry[2] };
            });
          }));
        });
      });
    }

    function docsOfEntity(index) {
      if (!entityDocs[index]) {
        entityDocs[index] = load("e/" + index + ".json").then(function (list) { return new Set(undelta(list)); });
      }
      return entityDocs[index];
    }

    function loadDates() {
      if (!dates) dates = load("dates.json");
      return dates;
    }

    // The entities a query names: every word of a spelling found, or the query one of its spellings.
    function entitiesFor(m, query) {
      var q = (query.match(WORD) || []).map(function (w) { return key(m, w); });
      if (!q.length) return [];
      var qForms = q.map(function (w) { return [w].concat(variants(m, w)); });
      var joined = q.join(" ");
      var found = [];
      m.entities.forEach(function (entity, index) {
        var exact = entity[3].some(function (spelling) { return spelling === joined; });
        var named = entity[3].some(function (spelling) {
          var words = spelling.split(" ");
          return words.every(function (w) {
            return qForms.some(function (forms) { return forms.indexOf(w) >= 0; });
          });
        });
        if (exact || named) {
          found.push({ index: index, name: entity[0], url: entity[1], kind: entity[2], exact: exact, quotes: entity[4] || 0 });
        }
      });
      found.sort(function (a, b) { return (b.exact - a.exact) || (a.name.length - b.name.length); });
      return found.slice(0, 5);
    }

    // "YYYY-MM-DD" as the number YYYYMMDD; a month "YYYY-MM" as its day
    // `day` (00 for its start, 99 for its end).
    function dayNumber(date, day) {
      return Number((date.length === 7 ? date + "-" + day : date).replace(/-/g, ""));
    }

    // Answers `query` with `filters` ({people, places, sources: entity index or "",
    // from, to: "YYYY-MM", "YYYY-MM-DD" or ""}): the entities it names, and the articles
    // that have every word, best first. With `typing`, the last word may be
    // the beginning of a longer one.
    function search(query, filters, typing) {
      filters = filters || {};
      return ready().then(function (m) {
        var words = queryWords(m, query);
        var entities = entitiesFor(m, query);
        if (!words.length) return { entities: entities, results: [], total: 0 };
        var lookups = words.map(function (forms, w) {
          var exact = forms.map(function (form) {
            return postings(m, form[0]).then(function (list) { return list ? [[list, form[1]]] : []; });
          });
          var completed = typing && w === words.length - 1 ? forms.map(function (form) {
            return prefixPostings(m, form[0]).then(function (lists) {
              return lists.map(function (list) { return [list, form[1] * PREFIX_WEIGHT]; });
            });
          }) : [];
          return Promise.all(exact.concat(completed)).then(function (groups) {
            var scores = new Map();
            [].concat.apply([], groups).forEach(function (entry) {
              var list = entry[0];
              var weight = entry[1];
              var df = list.length / 2;
              var idf = Math.log(1 + m.docs / df);
              var doc = 0;
              for (var j = 0; j < list.length; j += 2) {
                doc += list[j];
                var score = weight * idf * (1 + Math.log(list[j + 1]));
                if (!(scores.get(doc) >= score)) scores.set(doc, score);
              }
            });
            return scores;
          });
        });
        var wanted = ["people", "places", "sources"].filter(function (k) { return filters[k] !== undefined && filters[k] !== ""; });
        var filterSets = Promise.all(wanted.map(function (k) { return docsOfEntity(Number(filters[k])); }));
        var needDates = Boolean(filters.from || filters.to);
        return Promise.all([Promise.all(lookups), filterSets, needDates ? loadDates() : null]).then(function (all) {
          var perWord = all[0];
          var sets = all[1];
          var dateList = all[2];
          var from = filters.from ? dayNumber(filters.from, "00") : 0;
          var to = filters.to ? dayNumber(filters.to, "99") : 99999999;
          perWord.sort(function (a, b) { return a.size - b.size; });
          var results = [];
          perWord[0].forEach(function (score, doc) {
            var total = score;
            for (var w = 1; w < perWord.length; w++) {
              var s = perWord[w].get(doc);
              if (s === undefined) return;
              total += s;
            }
            if (!sets.every(function (set) { return set.has(doc); })) return;
            if (dateList && (dateList[doc] < from || dateList[doc] > to || dateList[doc] === 0)) return;
            results.push({ doc: doc, score: total });
          });
          // Best first; among equals, the newer (documents are numbered newest first).
          results.sort(function (a, b) { return (b.score - a.score) || (a.doc - b.doc); });
          return { entities: entities, results: results, total: results.length };
        });
      });
    }

    // Title, URL, date, source name and summary of result documents.
    function details(docs) {
      return ready().then(function (m) {
        return Promise.all(docs.map(function (doc) {
          return loadChunk(Math.floor(doc / m.chunk)).then(function (chunk) {
            var entry = chunk[doc % m.chunk];
            var source = entry[4] >= 0 ? m.entities[entry[4]] : null;
            return {
              doc: doc, title: entry[0], url: entry[1], date: entry[2], dateText: entry[3],
              source: source ? source[0] : "", sourceUrl: source ? source[1] : "", summary: entry[5]
            };
          });
        }));
      });
    }

    // Splits `text` into pieces, marking the words that match the query.
    function highlight(query, text) {
      return ready().then(function (m) {
        var terms = new Set();
        queryWords(m, query).forEach(function (forms) { forms.forEach(function (f) { terms.add(f[0]); }); });
        var pieces = [];
        var last = 0;
        var match;
        WORD.lastIndex = 0;
        while ((match = WORD.exec(text)) !== null) {
          var k = key(m, match[0]);
          var hit = terms.has(k) || variants(m, k).some(function (v) { return terms.has(v); });
          if (!hit) continue;
          if (match.index > last) pieces.push({ text: text.slice(last, match.index), mark: false });
          pieces.push({ text: match[0], mark: true });
          last = match.index + match[0].length;
        }
        if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
        return pieces;
      });
    }

    // What a person said, newest first: text, URL of the quotation, article
    // title, date, date as shown, source name and URL, whether in their words.
    function quotesOf(index) {
      return ready().then(function (m) {
        if (!(m.entities[index] && m.entities[index][4] > 0)) return [];
        return load("q/" + index + ".json").then(function (list) {
          return list.map(function (q) {
            var source = q[5] >= 0 ? m.entities[q[5]] : null;
            return {
              text: q[0], url: q[1], title: q[2], date: q[3], dateText: q[4],
              source: source ? source[0] : "", sourceUrl: source ? source[1] : "", direct: q[6] === 1
            };
          });
        });
      });
    }

    function entityList(kind) {
      return ready().then(function (m) {
        return m.entities.map(function (e, index) { return { index: index, name: e[0], kind: e[2] }; })
          .filter(function (e) { return e.kind === kind; });
      });
    }

    return {
      search: search, details: details, stories: storiesFor, highlight: highlight, entityList: entityList, quotesOf: quotesOf,
      ready: ready
    };
  }


  // The search page: results as you type, filters, ?q= in the address.
  function initPage(document) {
    var form = document.getElementById("search-form");
    if (!form) return;
    var base = form.getAttribute("data-index");
    var engine = createSearch(function (path) {
      return fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      });
    });
    var input = form.elements.q;
    var kinds = ["people", "places", "sources"];
    var status = document.getElementById("search-status");
    var entityBox = document.getElementById("search-entities");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    // Optional: a site's own search page may leave it out.
    var quoteBox = document.getElementById("search-quotes");
    var params = new URLSearchParams(window.location.search);
    var pending = [];
    kinds.forEach(function (kind) {
      var select = form.elements[kind];
      pending.push(engine.entityList(kind).then(function (entities) {
        entities.sort(function (a, b) { return a.name.localeCompare(b.name, "ar"); });
        entities.forEach(function (e) {
          var option = document.createElement("option");
          option.value = String(e.index);
          option.textContent = e.name;
          select.appendChild(option);
        });
        select.value = params.get(kind) || "";
      }));
    });
    input.value = params.get("q") || "";
    form.elements.from.value = params.get("from") || "";
    form.elements.to.value = params.get("to") || "";

    var token = 0;
    var current = null;
    var shown = 0;

    function filters() {
      var f = { from: form.elements.from.value, to: form.elements.to.value };
      kinds.forEach(function (kind) { f[kind] = form.elements[kind].value; });
      return f;
    }

    function remember(query, f) {
      var next = new URLSearchParams();
      if (query) next.set("q", query);
      Object.keys(f).forEach(function (k) { if (f[k]) next.set(k, f[k]); });
      var text = next.toString();
      window.history.replaceState(null, "", text ? "?" + text : window.location.pathname);
    }

    function marked(parent, pieces) {
      pieces.forEach(function (piece) {
        if (piece.mark) {
          var mark = document.createElement("mark");
          mark.textContent = piece.text;
          parent.appendChild(mark);
        } else {
          parent.appendChild(document.createTextNode(piece.text));
        }
      });
    }

    // The first sentence of the article's text that has a query word.
    function betterSnippet(item, query, paragraph, my) {
      fetch(item.url).then(function (r) { return r.text(); }).then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var body = page.querySelector(".article-body");
        if (!body || my !== token) return;
        var sentences = body.textContent.split(/(?<=[.!؟?])\s+/);
        (function next(i) {
          if (i >= sentences.length || my !== token) return;
          engine.highlight(query, sentences[i].trim()).then(function (pieces) {
            if (!pieces.some(function (p) { return p.mark; })) return next(i + 1);
            paragraph.textContent = "";
            marked(paragraph, pieces);
          });
        })(0);
      }).catch(function () { /* the summary stays */ });
    }

    // A link to an entity's page, its name isolated from the text around it.
    function nameLink(url, name) {
      var a = document.createElement("a");
      a.href = url;
      var bdi = document.createElement("bdi");
      bdi.textContent = name;
      a.appendChild(bdi);
      return a;
    }

    function showItem(item, query, my) {
      // The structure of the pages' article lists, which the stylesheet styles without classes.
      var li = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = item.url;
      link.dir = "auto";
      heading.appendChild(link);
      li.appendChild(heading);
      var meta = document.createElement("p");
      if (item.date) {
        var time = document.createElement("time");
        time.dateTime = item.date;
        time.textContent = item.dateText;
        meta.appendChild(time);
      }
      if (item.source) {
        if (item.date) meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(nameLink(item.sourceUrl, item.source));
      }
      li.appendChild(meta);
      var summary = document.createElement("p");
      summary.className = "summary";
      summary.dir = "auto";
      li.appendChild(summary);
      list.appendChild(li);
      engine.highlight(query, item.title).then(function (pieces) { marked(link, pieces); });
      engine.highlight(query, item.summary).then(function (pieces) {
        marked(summary, pieces);
        if (!pieces.some(function (p) { return p.mark; })) betterSnippet(item, query, summary, my);
      });
    }

    // The newest quotations of the first person the query names.
    var QUOTES_SHOWN = 3;
    function showQuotes(entities, my) {
      if (!quoteBox) return;
      var person = entities.filter(function (e) { return e.kind === "people" && e.quotes > 0; })[0];
      if (!person) return;
      engine.quotesOf(person.index).then(function (quotes) {
        if (my !== token || !quotes.length) return;
        var heading = document.createElement("h2");
        heading.appendChild(document.createTextNode("ما قاله "));
        heading.appendChild(nameLink(person.url, person.name));
        quoteBox.appendChild(heading);
        var list = document.createElement("ol");
        list.className = "quote-list";
        quotes.slice(0, QUOTES_SHOWN).forEach(function (q) {
          var li = document.createElement("li");
          li.className = "quote-item";
          var block = document.createElement("blockquote");
          block.className = q.direct ? "quote-text" : "quote-text reported";
          block.cite = q.url;
          var p = document.createElement("p");
          p.dir = "auto";
          p.textContent = q.direct ? "«" + q.text + "»" : q.text;
          block.appendChild(p);
          li.appendChild(block);
          var meta = document.createElement("p");
          meta.className = "meta";
          if (q.date) {
            var time = document.createElement("time");
            time.dateTime = q.date;
            time.textContent = q.dateText;
            meta.appendChild(time);
            meta.appendChild(document.createTextNode(" · "));
          }
          if (q.source) {
            meta.appendChild(nameLink(q.sourceUrl, q.source));
            meta.appendChild(document.createTextNode(" · "));
          }
          var link = document.createElement("a");
          link.href = q.url;
          link.appendChild(document.createTextNode("في المقال: "));
          var title = document.createElement("bdi");
          title.textContent = q.title;
          link.appendChild(title);
          meta.appendChild(link);
          li.appendChild(meta);
          list.appendChild(li);
        });
        quoteBox.appendChild(list);
        if (quotes.length > QUOTES_SHOWN) {
          var all = document.createElement("p");
          all.appendChild(nameLink(person.url + "#quotes-heading", "كل ما قاله (" + quotes.length + ")"));
          quoteBox.appendChild(all);
        }
        quoteBox.hidden = false;
      }).catch(function () { /* the results stand without the quotations */ });
    }

    function showMore(query, my) {
      var next = current.results.slice(shown, shown + 10);
      shown += next.length;
      return engine.details(next.map(function (r) { return r.doc; })).then(function (items) {
        if (my !== token) return;
        items.forEach(function (item) { showItem(item, query, my); });
        more.hidden = shown >= current.total;
      });
    }

    function run(typing) {
      var my = ++token;
      var query = input.value.trim();
      var f = filters();
      remember(query, f);
      list.textContent = "";
      entityBox.textContent = "";
      more.hidden = true;
      if (quoteBox) {
        quoteBox.textContent = "";
        quoteBox.hidden = true;
      }
      if (!query) {
        status.textContent = "";
        return;
      }
      engine.search(query, f, typing === true && !/\s$/.test(input.value)).then(function (answer) {
        if (my !== token) return;
        current = answer;
        shown = 0;
        answer.entities.forEach(function (e) {
          var li = document.createElement("li");
          li.appendChild(nameLink(e.url, e.name));
          entityBox.appendChild(li);
        });
        showQuotes(answer.entities, my);
        status.textContent = answer.total ? "عدد النتائج: " + answer.total : "لا نتائج لهذا البحث.";
        engine.stories(answer.results, 3).then(function (stories) {
          if (my !== token) return;
          stories.forEach(function (story) {
            var li = document.createElement("li");
            li.appendChild(document.createTextNode("قصة: "));
            li.appendChild(nameLink(story.url, story.title));
            li.appendChild(document.createTextNode(" (" + story.outlets + ")"));
            entityBox.appendChild(li);
          });
        });
        return showMore(query, my);
      }).catch(function (error) {
        status.textContent = "تعذّر البحث: " + error.message;
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(true); }, 150);
    });
    form.addEventListener("change", function (event) {
      if (event.target !== input) run();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    more.addEventListener("click", function () { showMore(input.value.trim(), token); });
    Promise.all(pending).then(function () {
      document.documentElement.dataset.searchReady = "yes";
      if (input.value) run();
    });
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { initPage(document); });
    } else {
      initPage(document);
    }
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { createSearch: createSearch };
  }
  root.fihrisSearch = { createSearch: createSearch };
})(typeof window !== "undefined" ? window : globalThis);
