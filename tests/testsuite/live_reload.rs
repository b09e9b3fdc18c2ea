//! The preview server in a real browser: an edited article shows its new text
//! without a reload by hand, with the scroll position kept; broken front
//! matter shows an overlay naming the file and line; fixing it brings the page
//! back. At the root and under a sub-path, as GitHub Pages serves a project.

use crate::browser::*;
use crate::harness::*;

async fn edit_and_recover(base_path: &str) {
    let browser = browser(600, 500, Scheme::Light).await;
    let site = copy_fixture("basic");
    let server = serve(site.path(), base_path);
    let client = &browser.client;
    let article = site.path().join("content/articles/putin-assad-moscow.md");
    let original = std::fs::read_to_string(&article).expect("read");

    goto(client, &format!("{}articles/putin-assad-moscow/", server.url)).await;
    wait_for(client, "return document.querySelector('h1') !== null", "the article").await;
    eval(client, "window.scrollTo(0, 300); return true").await;
    wait_for(client, "return window.scrollY > 250", "the page to scroll").await;
    wait_for(client, "return document.documentElement.dataset.fihrisLive === 'open'", "the event stream").await;

    std::fs::write(&article, format!("{original}\nفقرة أضيفت أثناء المعاينة.\n")).expect("write");
    wait_for(client, "return document.body.innerText.includes('فقرة أضيفت أثناء المعاينة')", "the edited text").await;
    let scroll = eval(client, "return window.scrollY").await.as_f64().unwrap_or_default();
    assert!((scroll - 300.0).abs() < 60.0, "the scroll position is kept, got {scroll}");

    std::fs::write(&article, "---\ntitle: [مكسور\ndate: 2024-07-25\n---\n\nنص.\n").expect("write");
    wait_for(client, "return document.getElementById('fihris-errors') !== null", "the error overlay").await;
    let overlay = text_of(client, "#fihris-errors").await;
    assert!(
        overlay.contains("content/articles/putin-assad-moscow.md:2:"),
        "the overlay names the file and line: {overlay}"
    );
    screenshot(client, &format!("overlay{}", base_path.replace('/', "-"))).await;

    std::fs::write(&article, format!("{original}\nعادت الصفحة من تلقاء نفسها.\n")).expect("write");
    wait_for(
        client,
        "return document.getElementById('fihris-errors') === null && document.body.innerText.includes('عادت الصفحة من تلقاء نفسها')",
        "the page to come back",
    )
    .await;
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn live_reload_at_the_root() {
    edit_and_recover("/").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); cargo test -- --include-ignored runs it"]
async fn live_reload_under_a_sub_path() {
    edit_and_recover("/fihris/").await;
}
