//! The parsed page: reading elements' names and attributes, walking a
//! subtree with parts left out, and parsing a page unless it nests too deep.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::Unreadable;

/// The element's tag name, lower case.
pub(crate) fn tag<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(element) => Some(element.name()),
        _ => None,
    }
}

pub(crate) fn attr<'a>(node: &NodeRef<'a, Node>, name: &str) -> Option<&'a str> {
    match node.value() {
        Node::Element(element) => element.attr(name),
        _ => None,
    }
}

/// A walk through a subtree, opening and closing each node, that can leave
/// out what lies inside a node: after [`Walk::leave_out`] on a node just opened,
/// its contents and its closing are not visited.
pub(crate) struct Walk<'a> {
    edges: ego_tree::iter::Traverse<'a, Node>,
    skipping: Option<NodeId>,
}

impl<'a> Walk<'a> {
    pub(crate) fn new(root: NodeRef<'a, Node>) -> Walk<'a> {
        Walk { edges: root.traverse(), skipping: None }
    }

    /// Leaves out the rest of `node`, which was just opened.
    pub(crate) fn leave_out(&mut self, node: &NodeRef<'a, Node>) {
        self.skipping = Some(node.id());
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Edge<'a, Node>;

    fn next(&mut self) -> Option<Edge<'a, Node>> {
        loop {
            let edge = self.edges.next()?;
            match (self.skipping, &edge) {
                (None, _) => return Some(edge),
                (Some(id), Edge::Close(node)) if node.id() == id => self.skipping = None,
                (Some(_), _) => {}
            }
        }
    }
}

/// Elements nested deeper than this make a page refused: an HTML parser
/// checks the open elements for each new one, so time grows with the square
/// of the depth, and no real page comes near it.
pub(super) const MAX_DEPTH: usize = 5_000;

/// How deep elements nest at most, counted on the tags as written (elements
/// that close themselves or are void do not count).
pub(super) fn nesting_depth(html: &str) -> usize {
    const UNNESTED: &[&str] = &[
        "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype", "!--",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        at += offset + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let start = if closing { at + 1 } else { at };
        let end = bytes[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!' || *b == b'-'))
            .map_or(bytes.len(), |e| start + e);
        let name = html.get(start..end).unwrap_or("").to_ascii_lowercase();
        if name.is_empty() || UNNESTED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Parses a page, unless it nests too deep.
pub(super) fn parse(text: &str) -> Result<Html, Unreadable> {
    if nesting_depth(text) > MAX_DEPTH {
        return Err(Unreadable::TooDeep(MAX_DEPTH));
    }
    Ok(Html::parse_document(text))
}
