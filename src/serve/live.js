// fihris preview: reloads this page when the site changes, keeps its scroll
// position, and shows build errors over the page until they are fixed.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-base") || "/";
  var scrollKey = "fihris:scroll:" + location.pathname;

  var saved = sessionStorage.getItem(scrollKey);
  if (saved) {
    sessionStorage.removeItem(scrollKey);
    var xy = JSON.parse(saved);
    var restore = function () { window.scrollTo(xy[0], xy[1]); };
    restore();
    window.addEventListener("load", restore);
  }

  function normalize(path) {
    try { path = decodeURI(path); } catch (e) { /* keep it as it is */ }
    return path.replace(/index\.html$/, "").replace(/\.html$/, "");
  }
  var here = normalize(location.pathname);

  function reload() {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  var overlay = null;
  function hideOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function showOverlay(problems) {
    hideOverlay();
    overlay = document.createElement("div");
    overlay.id = "fihris-errors";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "Build error");
    overlay.dir = "ltr";
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,18,16,.97);color:#fff;padding:1.5rem;font:15px/1.5 ui-monospace,monospace;";
    var title = document.createElement("p");
    title.style.cssText = "font:bold 1.2rem/1.6 sans-serif;margin:0;color:#ffb3a8;";
    title.dir = "rtl";
    title.textContent = "خطأ في بناء الموقع. ستتحدث الصفحة من تلقاء نفسها عند إصلاحه.";
    var english = document.createElement("p");
    english.style.cssText = "font:1rem/1.6 sans-serif;margin:0 0 1rem;color:#ffb3a8;";
    english.textContent = "Build error. The page updates by itself once it is fixed.";
    var text = document.createElement("pre");
    text.dir = "ltr";
    text.style.cssText = "white-space:pre-wrap;margin:0;text-align:left;unicode-bidi:plaintext;";
    text.textContent = problems;
    overlay.appendChild(title);
    overlay.appendChild(english);
    overlay.appendChild(text);
    document.body.appendChild(overlay);
  }

  // A browser keeps few connections to one host (six over HTTP/1.1) and may
  // keep a page it leaves alive for the back button; its stream is closed
  // when it is left, and opened again if it comes back.
  var events = null;
  function listen() {
    events = new EventSource(base + "__fihris/events");
    // Lets tests (and the curious) see that the page is listening.
    events.addEventListener("open", function () { document.documentElement.dataset.fihrisLive = "open"; });
    events.addEventListener("reload", function (event) {
      var data = JSON.parse(event.data);
      var wasBroken = overlay !== null;
      hideOverlay();
      var mine = data.all || data.pages.some(function (page) { return normalize(page) === here; });
      if (mine || wasBroken) { reload(); }
    });
    events.addEventListener("problems", function (event) {
      showOverlay(JSON.parse(event.data));
    });
  }
  listen();
  window.addEventListener("pagehide", function () {
    events.close();
    delete document.documentElement.dataset.fihrisLive;
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { listen(); }
  });
})();
