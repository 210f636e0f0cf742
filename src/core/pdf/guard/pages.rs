//! The page tree: walked from the catalog with a visited set, a depth limit and a page
//! limit, so that a loop or a shared node is an error rather than a page read twice or a
//! stack overflow (pdf-extract climbs `/Parent` without a cycle check), and `Resources`,
//! `MediaBox` and `/Rotate` inherited onto each page. References are followed a few hops
//! at most.

use std::collections::HashSet;

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::{corrupt, too_complex};
use crate::core::error::ReadError;
use crate::core::pdf::Limits;

/// A page found in the tree, with what it inherits.
pub struct PageInfo {
    /// The page object.
    pub id: ObjectId,
    /// Its media box, inherited if need be.
    pub media_box: [f32; 4],
    /// Its resources, inherited if need be.
    pub resources: Option<Dictionary>,
    /// Its `/Rotate`, inherited if need be.
    pub rotate: u16,
}

/// Follows `o` through references, at most a few hops (a reference to a reference is
/// legal but rare; a loop of them is not).
pub fn resolve<'a>(doc: &'a Document, mut o: &'a Object) -> Option<&'a Object> {
    for _ in 0..8 {
        match o {
            Object::Reference(id) => o = doc.objects.get(id)?,
            _ => return Some(o),
        }
    }
    None
}

pub fn resolve_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, o)? {
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

pub fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A page-tree node to visit: the node, its depth, the inherited resources, media box
/// and rotation.
type TreeVisit<'a> = (
    &'a Object,
    usize,
    Option<&'a Dictionary>,
    Option<[f32; 4]>,
    Option<u16>,
);

/// Walks the page tree from the catalog with a visited set and a depth limit, carrying
/// the inherited `Resources` and `MediaBox` down (pdf-extract climbs `/Parent` without a
/// cycle check).
pub fn collect_pages(doc: &Document, limits: &Limits) -> Result<Vec<PageInfo>, ReadError> {
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|r| resolve_dict(doc, r))
        .ok_or_else(corrupt)?;
    let pages_ref = root.get(b"Pages").map_err(|_| corrupt())?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack: Vec<TreeVisit> = vec![(pages_ref, 0, None, None, None)];
    while let Some((node_ref, depth, resources, media, rotate)) = stack.pop() {
        if depth > limits.max_nesting {
            return Err(too_complex());
        }
        let Object::Reference(id) = node_ref else {
            // Page tree nodes must be indirect objects.
            continue;
        };
        if !seen.insert(*id) {
            // A node met twice: the tree is a graph with a cycle or shared kids.
            return Err(corrupt());
        }
        let Some(node) = doc.objects.get(id).and_then(|o| o.as_dict().ok()) else {
            continue;
        };
        let resources = node
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve_dict(doc, r))
            .or(resources);
        let media = node
            .get(b"MediaBox")
            .ok()
            .and_then(|m| resolve(doc, m))
            .and_then(|m| m.as_array().ok())
            .and_then(|a| media_box(a))
            .or(media);
        let rotate = node
            .get(b"Rotate")
            .ok()
            .and_then(|r| resolve(doc, r))
            .and_then(|r| r.as_i64().ok())
            .map(|r| (r.rem_euclid(360) / 90 * 90) as u16)
            .or(rotate);
        let is_page = node.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Page")
            || node.get(b"Kids").is_err();
        if is_page {
            if out.len() >= limits.max_pages {
                return Err(too_complex());
            }
            out.push(PageInfo {
                id: *id,
                media_box: media.unwrap_or([0.0, 0.0, 595.0, 842.0]),
                resources: resources.cloned(),
                rotate: rotate.unwrap_or(0),
            });
        } else if let Some(kids) = node
            .get(b"Kids")
            .ok()
            .and_then(|k| resolve(doc, k))
            .and_then(|k| k.as_array().ok())
        {
            if kids.len() > limits.max_objects {
                return Err(too_complex());
            }
            // Reversed onto the stack so that pages come out in order.
            for kid in kids.iter().rev() {
                stack.push((kid, depth + 1, resources, media, rotate));
            }
        }
    }
    Ok(out)
}

fn media_box(a: &[Object]) -> Option<[f32; 4]> {
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f32> = a.iter().filter_map(number).collect();
    let [x0, y0, x1, y1] = v[..] else {
        return None;
    };
    let (llx, urx) = (x0.min(x1), x0.max(x1));
    let (lly, ury) = (y0.min(y1), y0.max(y1));
    (urx - llx >= 1.0 && ury - lly >= 1.0).then_some([llx, lly, urx, ury])
}
