//! Quotation marks in the blocks of a body: «…», “…” (or ”…”) and "…",
//! nested marks of the same kind counted, and a quotation that runs over
//! several paragraphs followed as Arabic (and English) news writes it: the
//! paragraph ends without a closing mark and the next one opens again, or
//! closes the quotation without opening it.

/// Which pair of marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Guillemets,
    Curly,
    Straight,
}

fn opens(c: char) -> Option<Kind> {
    match c {
        '«' => Some(Kind::Guillemets),
        '“' | '”' | '„' => Some(Kind::Curly),
        '"' => Some(Kind::Straight),
        _ => None,
    }
}

fn closes(kind: Kind, c: char) -> bool {
    match kind {
        Kind::Guillemets => c == '»',
        Kind::Curly => c == '”',
        Kind::Straight => c == '"',
    }
}

/// The part of a quotation in one block: bytes `open..end` of its text, the
/// marks included; the words between the marks are `inner`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub block: usize,
    pub open: usize,
    pub inner: (usize, usize),
    pub end: usize,
}

/// A quotation in marks, in one block or over several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub pieces: Vec<Piece>,
}

impl Marked {
    pub fn first(&self) -> &Piece {
        &self.pieces[0]
    }

    pub fn last(&self) -> &Piece {
        &self.pieces[self.pieces.len() - 1]
    }

    /// The quoted words, the marks left out, paragraphs joined by a space.
    pub fn text(&self, texts: &[&str]) -> String {
        let parts: Vec<&str> =
            self.pieces.iter().map(|p| texts[p.block][p.inner.0..p.inner.1].trim()).filter(|t| !t.is_empty()).collect();
        parts.join(" ")
    }
}

/// Every quotation in marks of `texts` (the blocks, in order; `joins[n]`
/// says whether block `n` follows block `n - 1` as the next paragraph of the
/// same run of text, so that a quotation may go on into it).
pub fn find(texts: &[&str], joins: &[bool]) -> Vec<Marked> {
    let mut all: Vec<Marked> = Vec::new();
    let mut carried: Option<(Kind, usize)> = None;
    for (block, text) in texts.iter().enumerate() {
        let carry = carried.take().filter(|_| joins.get(block).copied().unwrap_or(false));
        let mut at = 0;
        if let Some((kind, chain)) = carry {
            let start = text.len() - text.trim_start().len();
            let reopens = text[start..].chars().next().and_then(opens) == Some(kind);
            if !reopens && let Some(close) = close_of(kind, text, 0) {
                // It ends in this paragraph without opening again.
                let end = close + text[close..].chars().next().map_or(0, char::len_utf8);
                all[chain].pieces.push(Piece { block, open: 0, inner: (0, close), end });
                at = end;
            } else if reopens {
                let (piece, open) = scan_from(kind, text, block, start);
                all[chain].pieces.push(piece);
                if open {
                    carried = Some((kind, chain));
                    continue;
                }
                at = all[chain].last().end;
            }
        }
        while let Some((offset, kind)) = marks_from(text, at).find_map(|(i, c)| opens(c).map(|k| (i, k))) {
            let (piece, open) = scan_from(kind, text, block, offset);
            at = piece.end;
            all.push(Marked { pieces: vec![piece] });
            if open {
                carried = Some((kind, all.len() - 1));
                break;
            }
        }
    }
    all
}

/// Reads the quotation whose opening mark of `kind` is at `open`: its piece,
/// and whether it is still open at the end of the block.
fn scan_from(kind: Kind, text: &str, block: usize, open: usize) -> (Piece, bool) {
    let inner_start = open + text[open..].chars().next().map_or(0, char::len_utf8);
    match close_of(kind, text, inner_start) {
        Some(close) => {
            let end = close + text[close..].chars().next().map_or(0, char::len_utf8);
            (Piece { block, open, inner: (inner_start, close), end }, false)
        }
        None => {
            let inner_end = text.trim_end().len().max(inner_start);
            (Piece { block, open, inner: (inner_start, inner_end), end: inner_end }, true)
        }
    }
}

/// Where the mark closing a quotation of `kind` stands, from `from` on;
/// nested guillemets are counted.
fn close_of(kind: Kind, text: &str, from: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in marks_from(text, from) {
        if closes(kind, c) {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        } else if kind == Kind::Guillemets && c == '«' {
            depth += 1;
        }
    }
    None
}

/// The characters of `text` from byte `from` on that may be quotation
/// marks, with their offsets: every mark starts with the byte of `"` or the
/// first byte of `«` `»` (C2) or `“` `”` `„` (E2), so the letters between are
/// skipped without being decoded.
fn marks_from(text: &str, from: usize) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        let found = at + text.as_bytes()[at..].iter().position(|b| matches!(b, b'"' | 0xC2 | 0xE2))?;
        let c = text[found..].chars().next()?;
        at = found + c.len_utf8();
        Some((found, c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(texts: &[&str]) -> Vec<String> {
        let joins = vec![true; texts.len()];
        find(texts, &joins).iter().map(|m| m.text(texts)).collect()
    }

    #[test]
    fn marks_of_every_kind() {
        assert_eq!(quoted(&["قال «نص أول» ثم \"نص ثان\" و“نص ثالث” و”رابع”"]), ["نص أول", "نص ثان", "نص ثالث", "رابع"]);
        assert_eq!(quoted(&["«خارج «داخل» خارج»"]), ["خارج «داخل» خارج"]);
        assert_eq!(quoted(&["لا علامات هنا"]), Vec::<String>::new());
    }

    #[test]
    fn every_mark_is_a_candidate() {
        for mark in ['«', '»', '“', '”', '„', '"'] {
            let text = format!("نص{mark}نص ­ ‘’");
            let found: Vec<char> = marks_from(&text, 0).map(|(_, c)| c).filter(|&c| c == mark).collect();
            assert_eq!(found, [mark]);
        }
    }

    #[test]
    fn a_quotation_over_paragraphs() {
        // The paragraph ends open and the next opens again.
        let texts = ["وقال: «الفقرة الأولى", "«والثانية»، ثم سكت.", "بعدها"];
        let found = find(&texts, &[true, true, true]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pieces.len(), 2);
        assert_eq!(found[0].text(&texts), "الفقرة الأولى والثانية");
        // Or closes without opening again.
        let texts = ["«الأولى", "والثانية» قال."];
        assert_eq!(quoted(&texts), ["الأولى والثانية"]);
        // An open quotation before a paragraph that neither reopens nor closes it ends with its paragraph.
        let texts = ["«مفتوح", "فقرة أخرى «مغلق»"];
        assert_eq!(quoted(&texts), ["مفتوح", "مغلق"]);
        // A heading or a list between does not carry it.
        let found = find(&["«مفتوح", "مغلق»"], &[true, false]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pieces.len(), 1);
    }
}
