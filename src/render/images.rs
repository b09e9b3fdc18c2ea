//! Lead images of articles (`image:`), as pages show them: a file of the
//! site's `static/` folder with its width and height read from its header
//! (so that nothing moves when it loads), or an address on another host,
//! shown only where `remote_images` allows it (every view of a remote image
//! tells its host who reads the archive) and otherwise given as a link.

use std::path::Path;

use serde::Serialize;

use super::assets::STATIC_DIR;
use crate::content::Article;
use crate::diagnostics::Diagnostic;
use crate::urls::Urls;

/// The shape a remote image is shown in, its size being unknown: it is
/// cropped to this frame (16:9), so the page keeps its layout.
const REMOTE_FRAME: (u32, u32) = (1200, 675);

/// `image` of an ArticleCard and an ArticleView.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ImageView {
    /// The address to show, or none when the image is only linked.
    pub src: Option<String>,
    /// An image on another host that is not shown: the link to it.
    pub link: Option<String>,
    pub width: u32,
    pub height: u32,
    /// On another host: its real shape is unknown, so it is cropped to the frame.
    pub remote: bool,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// The lead image of `article`, or a warning when it names a file the site
/// does not have (the page is then made without it).
pub fn lead_image(
    root: &Path,
    urls: &Urls,
    remote_images: bool,
    article: &Article,
) -> Result<Option<ImageView>, Diagnostic> {
    let Some(image) = &article.image else { return Ok(None) };
    let (caption, credit) = (article.image_caption.clone(), article.image_credit.clone());
    if image.contains("://") {
        let (src, link) = if remote_images { (Some(image.clone()), None) } else { (None, Some(image.clone())) };
        let (width, height) = REMOTE_FRAME;
        return Ok(Some(ImageView { src, link, width, height, remote: true, caption, credit }));
    }
    let file = root.join(STATIC_DIR).join(image);
    match imagesize::size(&file) {
        Ok(size) => Ok(Some(ImageView {
            src: Some(urls.url(image)),
            link: None,
            width: size.width.try_into().unwrap_or(u32::MAX),
            height: size.height.try_into().unwrap_or(u32::MAX),
            remote: false,
            caption,
            credit,
        })),
        Err(err) => {
            let why = match err {
                imagesize::ImageError::IoError(err) => err.to_string(),
                _ => "it is not an image fihris can read (JPEG, PNG, GIF, WebP, AVIF, SVG …)".to_owned(),
            };
            Err(Diagnostic::warning(format!(
                "the lead image {} cannot be shown: {why}",
                Path::new(STATIC_DIR).join(image).display()
            ))
            .in_file(&article.path)
            .with_help("put the image in the site's static/ folder, or fix `image:`; the page is made without it"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_article;

    fn article(image: &str) -> Article {
        let text = format!("---\ntitle: x\nimage: {image}\nimage_caption: صورة\n---\nنص\n");
        parse_article(Path::new("content/a.md"), &text).expect("valid").article
    }

    #[test]
    fn local_remote_and_missing_images() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("static/images")).expect("mkdir");
        // A 3×2 PNG header is enough for its size.
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 3, 0, 0, 0,
            2, 8, 2, 0, 0, 0,
        ];
        std::fs::write(dir.path().join("static/images/a.png"), png).expect("write");
        let urls = Urls::new("https://example.org/r/", "/r/");
        let local = lead_image(dir.path(), &urls, false, &article("images/a.png")).expect("read").expect("an image");
        assert_eq!((local.src.as_deref(), local.width, local.height), (Some("/r/images/a.png"), 3, 2));
        assert_eq!(local.caption.as_deref(), Some("صورة"));

        let remote = article("https://cdn.example.com/a.jpg");
        let linked = lead_image(dir.path(), &urls, false, &remote).expect("ok").expect("an image");
        assert_eq!((linked.src, linked.link.as_deref()), (None, Some("https://cdn.example.com/a.jpg")));
        let shown = lead_image(dir.path(), &urls, true, &remote).expect("ok").expect("an image");
        assert_eq!(shown.src.as_deref(), Some("https://cdn.example.com/a.jpg"));

        let missing = lead_image(dir.path(), &urls, false, &article("images/none.png")).expect_err("missing");
        assert!(missing.message.contains("static/images/none.png"), "{missing}");
        assert!(lead_image(dir.path(), &urls, false, &article("x")).is_err());
    }
}
