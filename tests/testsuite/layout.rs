//! The demo site's pages in a real browser, on a phone and on a desktop, in
//! light and dark: right-to-left, Arabic words in right-to-left order, titles
//! starting at the right edge, the self-hosted Naskh font in use, nothing wider
//! than the screen. Screenshots go to target/tmp/screenshots for people to
//! look at.

use serde_json::Value;

use crate::browser::*;
use crate::harness::*;

const PAGES: [(&str, &str); 8] = [
    ("home", ""),
    ("article", "articles/2024-07-25-alhurra-62f0/"),
    ("index", "people/"),
    ("ranked", "places/most-mentioned.html"),
    ("entity", "people/putin/"),
    ("search", "search/?q=%D9%84%D9%85%D9%88%D8%B3%D9%83%D9%88"),
    ("stories", "stories/"),
    ("story", "stories/2024-07-25-4625/"),
];

/// Measures the page; every figure is checked by `check_layout`.
const MEASURE: &str = r#"
const root = document.documentElement;
const main = document.querySelector("main");
// The home page's title is the masthead's; every other page's is in main.
const h1 = document.querySelector("h1");
const title = document.createRange();
title.selectNodeContents(h1);
// The first run of two Arabic words on one line, to see which way they flow.
let flow = null;
const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node && !flow; node = walker.nextNode()) {
  const match = /([\u0621-\u064A]{2,}) ([\u0621-\u064A]{2,})/.exec(node.data);
  if (!match) continue;
  const word = (start, length) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + length);
    return range.getBoundingClientRect();
  };
  const first = word(match.index, match[1].length);
  const second = word(match.index + match[1].length + 1, match[2].length);
  if (Math.abs(first.top - second.top) < 4) {
    flow = { words: match[0], firstLeft: first.left, secondRight: second.right };
  }
}
const wide = [...document.body.querySelectorAll("*")]
  .filter((el) => !el.closest(".skip-link"))
  .filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.right > root.clientWidth + 1 || box.left < -1);
  })
  .map((el) => el.tagName + "." + el.className);
const naskh = [...document.fonts].filter((f) => f.family.includes("Noto Naskh Arabic") && f.status === "loaded");
return {
  direction: getComputedStyle(root).direction,
  viewport: root.clientWidth,
  overflow: root.scrollWidth - root.clientWidth,
  wide: wide,
  titleGap: h1.getBoundingClientRect().right - title.getBoundingClientRect().right,
  flow: flow,
  naskhLoaded: naskh.length,
  letterSpacing: getComputedStyle(main).letterSpacing,
  dark: matchMedia("(prefers-color-scheme: dark)").matches,
  background: getComputedStyle(root).backgroundColor,
};
"#;

fn brightness(rgb: &str) -> u32 {
    rgb.trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .take(3)
        .map(|part| part.trim().parse::<u32>().expect("a colour channel"))
        .sum()
}

fn check_layout(page: &str, width: u32, scheme: Scheme, m: &Value) {
    let at = format!("{page} at {width}px, {scheme:?}");
    assert_eq!(m["direction"], "rtl", "{at}");
    assert_eq!(m["viewport"], width, "{at}: the browser window has the asked width");
    assert!(m["overflow"].as_i64() == Some(0), "{at}: the page scrolls sideways by {}", m["overflow"]);
    assert_eq!(m["wide"], serde_json::json!([]), "{at}: elements wider than the screen");
    let gap = m["titleGap"].as_f64().expect("a number");
    assert!(gap.abs() < 2.0, "{at}: the title starts {gap}px from the right edge");
    let flow = &m["flow"];
    assert!(flow.is_object(), "{at}: no two Arabic words on one line");
    assert!(
        flow["firstLeft"].as_f64() >= flow["secondRight"].as_f64().map(|right| right - 1.0),
        "{at}: '{}' does not read right to left: {flow}",
        flow["words"]
    );
    assert!(m["naskhLoaded"].as_u64() >= Some(1), "{at}: the Naskh font is not in use");
    assert_eq!(m["letterSpacing"], "normal", "{at}: letter-spacing on Arabic");
    assert_eq!(m["dark"], scheme == Scheme::Dark, "{at}: the browser's colour scheme");
    let light = brightness(m["background"].as_str().expect("a colour")) > 600;
    assert_eq!(light, scheme == Scheme::Light, "{at}: background {}", m["background"]);
}

async fn pages_read_right_to_left(width: u32, height: u32, scheme: Scheme) {
    let browser = browser(width, height, scheme).await;
    let server = serve(&demo(), "/");
    let client = &browser.client;
    for (page, path) in PAGES {
        goto(client, &format!("{}{path}", server.url)).await;
        let what = format!("the fonts of {path}");
        wait_for(client, "return document.readyState === 'complete' && document.fonts.status === 'loaded'", &what)
            .await;
        let measured = eval(client, MEASURE).await;
        let device = if width < 600 { "phone" } else { "desktop" };
        screenshot(client, &format!("{page}-{device}-{scheme:?}").to_lowercase()).await;
        check_layout(page, width, scheme, &measured);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn phone_light() {
    pages_read_right_to_left(390, 844, Scheme::Light).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn phone_dark() {
    pages_read_right_to_left(390, 844, Scheme::Dark).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn desktop_light() {
    pages_read_right_to_left(1280, 900, Scheme::Light).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn desktop_dark() {
    pages_read_right_to_left(1280, 900, Scheme::Dark).await;
}

/// A Latin name inside an Arabic sentence keeps its place in the sentence
/// (between the Arabic words around it, in right-to-left order) and reads
/// left to right within itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn a_latin_name_sits_in_the_arabic_line() {
    let browser = browser(1280, 900, Scheme::Light).await;
    let site = copy_fixture("basic");
    let article = site.path().join("content/articles/tartus-base.md");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(&article, format!("{text}\nقالت فرقة Weekend Warriors إن الحفل تأجل.\n")).expect("write");
    let server = serve(site.path(), "/");
    let client = &browser.client;
    goto(client, &format!("{}articles/tartus-base/", server.url)).await;
    let boxes = eval(
        client,
        r#"
        const p = [...document.querySelectorAll("main p")].find((p) => p.textContent.includes("Weekend"));
        const node = p.firstChild;
        const box = (word) => {
          const range = document.createRange();
          const start = node.data.indexOf(word);
          range.setStart(node, start);
          range.setEnd(node, start + word.length);
          const r = range.getBoundingClientRect();
          return [r.left, r.right];
        };
        return ["فرقة", "Weekend", "Warriors", "إن"].map(box);
        "#,
    )
    .await;
    let edges: Vec<(f64, f64)> = serde_json::from_value(boxes).expect("four boxes");
    let [firqa, weekend, warriors, inna] = edges[..] else { panic!("four boxes") };
    assert!(firqa.0 > warriors.1, "فرقة comes before (right of) the name: {edges:?}");
    assert!(weekend.1 <= warriors.0 + 1.0, "Weekend Warriors reads left to right: {edges:?}");
    assert!(weekend.0 > inna.1, "إن comes after (left of) the name: {edges:?}");
    screenshot(client, "latin-name-in-line").await;
}

/// Mentions read as part of the text (the text's colour, a thick accent
/// underline), under a base path too; a link the author wrote to another
/// article of the archive keeps the look of a link.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn an_authors_link_into_the_archive_does_not_look_like_a_mention() {
    let browser = browser(1280, 900, Scheme::Light).await;
    let site = copy_fixture("basic");
    let article = site.path().join("content/articles/tartus-base.md");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(&article, format!("{text}\nاقرأ أيضا [خبر الزيارة](/articles/assad-visit/).\n")).expect("write");
    let server = serve(site.path(), "/fihris/");
    let client = &browser.client;
    goto(client, &format!("{}articles/tartus-base/", server.url)).await;
    let looks = eval(
        client,
        r#"
        const look = (a) => {
          const style = getComputedStyle(a);
          return { href: a.getAttribute("href"), thickness: style.textDecorationThickness, color: style.color };
        };
        const links = [...document.querySelectorAll(".article-body a")];
        return {
          body: getComputedStyle(document.querySelector(".article-body")).color,
          mention: look(links.find((a) => /\/(people|places|sources)\//.test(a.getAttribute("href")))),
          authored: look(links.find((a) => a.getAttribute("href").includes("/articles/"))),
        };
        "#,
    )
    .await;
    assert_eq!(looks["mention"]["thickness"], "2px", "{looks}");
    assert_eq!(looks["mention"]["color"], looks["body"], "a mention takes the text's colour: {looks}");
    assert_ne!(looks["authored"]["thickness"], "2px", "{looks}");
    assert_ne!(looks["authored"]["color"], looks["body"], "an authored link keeps the link colour: {looks}");
}

/// An entity's page in the browser (issue 17): its timeline is drawn, with
/// a name, a sentence and a table of its numbers for screen readers; each
/// article shows the sentence that names the entity, the name marked; the
/// facts and co-mentions stand beside the articles on a desktop and after
/// them on a phone.
async fn entity_page_at(width: u32, height: u32) {
    let browser = browser(width, height, Scheme::Light).await;
    let server = serve(&demo(), "/");
    let client = &browser.client;
    goto(client, &format!("{}people/putin/", server.url)).await;
    wait_for(client, "return document.readyState === 'complete'", "the page").await;
    let m = eval(
        client,
        r#"
        const svg = document.querySelector("figure.chart svg");
        const box = svg.getBoundingClientRect();
        const name = document.getElementById(svg.getAttribute("aria-labelledby")).textContent;
        const summary = document.getElementById(svg.getAttribute("aria-describedby")).textContent;
        const table = document.querySelector("figure.chart table");
        const tableBox = table.closest(".visually-hidden").getBoundingClientRect();
        const marks = [...document.querySelectorAll(".excerpt mark")].map((m) => m.textContent);
        const excerpts = document.querySelectorAll(".article-list > li .excerpt").length;
        const items = document.querySelectorAll(".entity-articles .article-list > li").length;
        const main = document.querySelector(".entity-main").getBoundingClientRect();
        const aside = document.querySelector(".entity-aside").getBoundingClientRect();
        return {
          svgWidth: box.width, svgHeight: box.height, role: svg.getAttribute("role"), name, summary,
          rows: table.querySelectorAll("tbody tr").length, tableWidth: tableBox.width,
          marks, excerpts, items,
          asideBeside: aside.right <= main.left + 1, asideAfter: aside.top >= main.bottom - 1,
        };
        "#,
    )
    .await;
    let at = format!("people/putin/ at {width}px");
    assert!(m["svgWidth"].as_f64() > Some(100.0) && m["svgHeight"].as_f64() > Some(50.0), "{at}: chart drawn: {m}");
    assert_eq!(m["role"], "img", "{at}");
    assert!(m["name"].as_str().is_some_and(|n| n.contains("فلاديمير بوتين")), "{at}: the chart's name: {m}");
    assert!(m["summary"].as_str().is_some_and(|s| s.contains("مقالات بين")), "{at}: the chart's sentence: {m}");
    assert!(m["rows"].as_u64() >= Some(2), "{at}: the numbers in a table: {m}");
    assert!(m["tableWidth"].as_f64() <= Some(1.0), "{at}: the table is for screen readers only: {m}");
    let marks: Vec<String> = serde_json::from_value(m["marks"].clone()).expect("marks");
    assert_eq!(marks.len() as u64, m["items"].as_u64().expect("items"), "{at}: an excerpt per article: {m}");
    assert!(marks.iter().all(|mark| mark.contains("بوتين") || mark.contains("بوتن")), "{at}: {marks:?}");
    if width >= 1024 {
        assert_eq!(m["asideBeside"], true, "{at}: facts beside the articles: {m}");
    } else {
        assert_eq!(m["asideAfter"], true, "{at}: facts after the articles: {m}");
    }
    screenshot(client, &format!("entity-details-{width}")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn entity_page_on_a_phone() {
    entity_page_at(390, 844).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn entity_page_on_a_desktop() {
    entity_page_at(1280, 900).await;
}
