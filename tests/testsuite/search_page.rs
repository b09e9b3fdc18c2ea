//! The search page in a real browser: results as you type, with the query's
//! words marked; the entity a query names offered first; filters; `?q=` in
//! the address, so a search can be linked to; at the root and under a
//! sub-path.

use crate::browser::*;
use crate::harness::*;

async fn count(client: &fantoccini::Client, css: &str) -> u64 {
    eval(client, &format!("return document.querySelectorAll({css:?}).length")).await.as_u64().unwrap_or_default()
}

async fn search_in_the_browser(base_path: &str) {
    let browser = browser(1000, 900, Scheme::Light).await;
    let server = serve(&fixture("search"), base_path);
    let client = &browser.client;
    goto(client, &format!("{}search/", server.url)).await;
    wait_for(client, "return document.documentElement.dataset.searchReady === 'yes'", "the search page").await;

    let input = client.find(fantoccini::Locator::Css("#search-q")).await.expect("the search box");
    input.send_keys("لموسكو").await.expect("typing");
    wait_for(client, "return document.querySelectorAll('#search-results li').length === 6", "six results").await;
    assert!(count(client, "#search-results mark").await >= 6, "the matched words are marked");
    let marked = text_of(client, "#search-results mark").await;
    assert!(marked.contains("موسكو"), "a form of موسكو is marked: {marked}");
    let entity = eval(client, "return document.querySelector('#search-entities a').getAttribute('href')").await;
    assert_eq!(entity, format!("{base_path}places/moscow/"), "the place is offered first");
    let address = eval(client, "return decodeURIComponent(location.search)").await;
    assert_eq!(address, "?q=لموسكو", "the query is in the address");
    screenshot(client, &format!("search{}", base_path.replace('/', "-"))).await;

    eval(
        client,
        "const f = document.getElementById('search-form'); f.elements.from.value = '2024-03'; \
         f.elements.to.value = '2024-03'; f.elements.to.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await;
    wait_for(client, "return document.querySelectorAll('#search-results li').length === 1", "one result in March")
        .await;
    // The months are named as the site names them, by year.
    let month =
        eval(client, "return document.querySelector('select[name=from] option[value=\"2024-03\"]').textContent").await;
    assert_eq!(month, "آذار/مارس 2024");
    let address = eval(client, "return location.search").await;
    assert!(address.as_str().is_some_and(|a| a.contains("from=2024-03&to=2024-03")), "{address}");

    // A link to a search opens with its results.
    goto(client, &format!("{}search/?q=%D8%A8%D9%88%D8%AA%D9%86", server.url)).await;
    wait_for(client, "return document.querySelectorAll('#search-results li').length === 1", "بوتن's one article").await;
    let entity = eval(client, "return document.querySelector('#search-entities a').textContent").await;
    assert_eq!(entity, "فلاديمير بوتين", "بوتن offers Putin's page");
    let href = eval(client, "return document.querySelector('#search-results a').getAttribute('href')").await;
    assert_eq!(href, format!("{base_path}articles/spelling/"));
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn search_at_the_root() {
    search_in_the_browser("/").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn search_under_a_sub_path() {
    search_in_the_browser("/fihris/").await;
}
