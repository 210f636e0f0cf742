//! Content cleaning: each page's content inflated within the budget and parsed once,
//! refused past the content limit, the operation limit or the nesting depth (lopdf's
//! content parser recurses into arrays); only the operators that place or show text kept
//! (pdf-extract's colour-space code still panics on crafted colour spaces); a `Q`
//! without its `q` dropped; forms drawn inline, each parsed once however often it is
//! drawn, and cut when nested too deep or drawing themselves; every font renamed apart
//! and its streams inflated within the budget before pdf-extract reads them.
//!
//! A form drawn inline is copied: what the kept operations hold is counted in bytes
//! (`weight`), every copy again, against `Limits::max_operation_bytes`. The operation
//! count alone bounds how many operations are copied, not how big they are: one string
//! of 1 MiB at the bottom of seven forms each drawing the next ten times is 3 KB of file.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use pdf_extract::content::{Content, Operation};
use pdf_extract::{op, Dictionary, Document, Object, ObjectId};

use super::inflate::stream_data;
use super::pages::{collect_pages, number, resolve, resolve_dict, PageInfo};
use super::raw::depth_exceeds;
use super::{corrupt, too_complex};
use crate::core::error::ReadError;
use crate::core::pdf::{content, fonts, Limits, Work};

/// A page ready for pdf-extract: its content parsed once and cleaned, the fonts it
/// uses (under names of their own), where it sits and how it turns.
pub struct CleanPage {
    /// The page's media box (`[llx, lly, urx, ury]`), inherited if need be.
    pub media_box: [f32; 4],
    /// `/Rotate`, in degrees clockwise: 0, 90, 180 or 270 (pdf-extract ignores it).
    pub rotate: u16,
    /// The resources the operations name: `/Font` only.
    pub resources: Dictionary,
    /// The page's content with its forms drawn inline, text operators only.
    pub operations: Vec<Operation>,
}

/// Walks the page tree and cleans each page's content, making the fonts it uses safe
/// for pdf-extract on the way; pdf-extract then reads the operations as they are. What
/// it inflates and the operations it counts are added to `work`, on error too.
pub fn sanitize(
    doc: &mut Document,
    limits: &Limits,
    work: &mut Work,
) -> Result<Vec<CleanPage>, ReadError> {
    if doc.objects.len() > limits.max_objects {
        return Err(too_complex());
    }
    let pages = collect_pages(doc, limits)?;
    let mut budget = limits.max_decompressed_bytes;
    let mut cleaner = Cleaner {
        limits,
        budget: &mut budget,
        operations: 0,
        operation_bytes: 0,
        forms: HashMap::new(),
        in_progress: Vec::new(),
        fonts: HashSet::new(),
        pages: pages.iter().map(|p| p.id).collect(),
    };
    let cleaned = clean_pages(doc, limits, &pages, &mut cleaner);
    work.operations = work.operations.saturating_add(cleaner.operations);
    work.operation_bytes = work.operation_bytes.saturating_add(cleaner.operation_bytes);
    let inflated = limits.max_decompressed_bytes.saturating_sub(budget);
    work.inflated_bytes = work.inflated_bytes.saturating_add(inflated);
    cleaned
}

/// Each page's content inflated, parsed and cleaned, in page order.
fn clean_pages(
    doc: &mut Document,
    limits: &Limits,
    pages: &[PageInfo],
    cleaner: &mut Cleaner,
) -> Result<Vec<CleanPage>, ReadError> {
    let mut cleaned_pages = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let number = i as u32 + 1;
        let at_page = |e: ReadError| ReadError {
            page: Some(number),
            ..e
        };
        let content = page_content(doc, page.id, cleaner.budget).map_err(at_page)?;
        if content.len() > limits.max_content_bytes {
            return Err(at_page(too_complex()));
        }
        let resources = page.resources.clone().unwrap_or_default();
        let (operations, fonts) = cleaner
            .clean(doc, &content, &resources, 0)
            .map_err(at_page)?;
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        cleaned_pages.push(CleanPage {
            media_box: page.media_box,
            rotate: page.rotate,
            resources,
            operations,
        });
    }
    // Every stream pdf-extract will read is now plain or was never handed to it: page
    // contents and forms are operations; ToUnicode maps, font programs and CMap
    // encodings were inflated within the budget (`fonts`). The others (images, metadata,
    // attachments, unused objects) stay compressed and unread.
    Ok(cleaned_pages)
}

/// A page's content streams, inflated and joined.
fn page_content(doc: &Document, page: ObjectId, budget: &mut usize) -> Result<Vec<u8>, ReadError> {
    let mut content = Vec::new();
    let Some(dict) = doc.objects.get(&page).and_then(|o| o.as_dict().ok()) else {
        return Ok(content);
    };
    let contents = match dict.get(b"Contents").ok().and_then(|c| resolve(doc, c)) {
        Some(Object::Array(items)) => items.iter().collect::<Vec<_>>(),
        Some(o) => vec![o],
        None => return Ok(content),
    };
    for item in contents {
        if let Some(Object::Stream(s)) = resolve(doc, item) {
            content.extend(stream_data(s, budget)?);
            content.push(b'\n');
        }
    }
    Ok(content)
}

/// Parses content streams once and keeps the operators pdf-extract needs for text, with
/// forms drawn inline and fonts renamed apart and prepared.
struct Cleaner<'l, 'b> {
    limits: &'l Limits,
    budget: &'b mut usize,
    operations: usize,
    /// Bytes the kept operations hold, copies of forms included (`weight`).
    operation_bytes: usize,
    /// Forms already cleaned, ready to be drawn inline again.
    forms: HashMap<ObjectId, Rc<InlineForm>>,
    /// Forms being cleaned, innermost last: one met again is a cycle.
    in_progress: Vec<ObjectId>,
    /// Fonts whose streams are inflated already.
    fonts: HashSet<ObjectId>,
    /// The pages: a `/Font` entry naming one is not a font.
    pages: HashSet<ObjectId>,
}

impl Cleaner<'_, '_> {
    /// Counts `bytes` more kept, refused (and not counted) past the limit.
    fn keep(&mut self, bytes: usize) -> Result<(), ReadError> {
        let kept = self.operation_bytes.saturating_add(bytes);
        if kept > self.limits.max_operation_bytes {
            return Err(too_complex());
        }
        self.operation_bytes = kept;
        Ok(())
    }

    /// Keeps `op` in `out`, counting what it holds.
    fn push(&mut self, out: &mut Vec<Operation>, op: Operation) -> Result<(), ReadError> {
        self.keep(weight(&op))?;
        out.push(op);
        Ok(())
    }

    fn clean(
        &mut self,
        doc: &mut Document,
        content: &[u8],
        resources: &Dictionary,
        depth: usize,
    ) -> Result<(Vec<Operation>, Dictionary), ReadError> {
        if depth_exceeds(content, self.limits.max_object_depth, false) {
            return Err(too_complex());
        }
        // Our parser reads the usual syntax in one pass and leaves the rest to lopdf's;
        // either way the operations are lopdf's (`content`).
        let operations = match content::parse(content) {
            Some(operations) => operations,
            None => Content::decode(content).map_err(|_| corrupt())?.operations,
        };
        let mut fonts = resources
            .get(b"Font")
            .ok()
            .and_then(|f| resolve_dict(doc, f))
            .cloned()
            .unwrap_or_default();
        // A font written inside the resources becomes an object of its own, so that it
        // is prepared, renamed and kept by pdf-extract by id like the others.
        for (_, font) in fonts.iter_mut() {
            if let Object::Dictionary(d) = font {
                let id = doc.add_object(Object::Dictionary(std::mem::take(d)));
                *font = Object::Reference(id);
            }
        }
        let xobjects = resources
            .get(b"XObject")
            .ok()
            .and_then(|x| resolve_dict(doc, x))
            .cloned()
            .unwrap_or_default();
        let mut out = Vec::with_capacity(operations.len());
        let mut renamed = Dictionary::new();
        // Each font name of this content and the name it was given: a page sets its few
        // fonts hundreds of times (a 30-page annex, 270 `Tf` a page).
        let mut names: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
        // `q` levels opened in this content and not yet closed.
        let mut open = 0usize;
        for op in operations {
            self.operations += 1;
            if self.operations > self.limits.max_operations {
                return Err(too_complex());
            }
            match op::code(op.operator.as_bytes()) {
                // Text and the state it is placed with. pdf-extract checks their operands
                // itself (one with missing or wrong operands is skipped).
                op::BT
                | op::ET
                | op::T_star
                | op::cm
                | op::Tm
                | op::Td
                | op::TD
                | op::Tc
                | op::Tw
                | op::Tz
                | op::TL
                | op::Ts
                | op::Tj
                | op::TJ
                | op::quote
                | op::dquote => self.push(&mut out, op)?,
                op::q => {
                    open += 1;
                    self.push(&mut out, op)?;
                }
                // A `Q` without its `q` would pop the state of whatever drew this
                // content (a form is drawn inline): dropped.
                op::Q if open > 0 => {
                    open -= 1;
                    self.push(&mut out, op)?;
                }
                op::Tf => {
                    let mut operands = op.operands;
                    let name = operands.first().and_then(|name| name.as_name().ok());
                    let unique = match name.and_then(|name| names.get(name)) {
                        Some(unique) => unique.clone(),
                        None => {
                            let font_id = name
                                .and_then(|name| fonts.get(name).ok())
                                .and_then(|f| f.as_reference().ok())
                                // A page posing as a font would be rewritten by `fonts`
                                // before its own content is read.
                                .filter(|id| !self.pages.contains(id));
                            // A form's /F1 is not the page's /F1: each font gets a name of
                            // its own, from its object number; an unknown font gets the
                            // empty name, which no font has, and pdf-extract then shows
                            // nothing in it.
                            let unique = match font_id {
                                Some(id) => {
                                    if self.fonts.insert(id) {
                                        fonts::prepare(doc, id, self.budget)?;
                                    }
                                    let unique = format!("F{}_{}", id.0, id.1).into_bytes();
                                    renamed.set(unique.clone(), Object::Reference(id));
                                    unique
                                }
                                None => Vec::new(),
                            };
                            if let Some(name) = name {
                                names.insert(name.to_vec(), unique.clone());
                            }
                            unique
                        }
                    };
                    if let Some(name) = operands.first_mut() {
                        *name = Object::Name(unique);
                    }
                    self.push(&mut out, Operation::new("Tf", operands))?;
                }
                op::Do => {
                    let form = op
                        .operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|name| xobjects.get(name).ok())
                        .and_then(|r| r.as_reference().ok());
                    // Drawn inline, inside `q` … `Q` and with its /Matrix, so that its
                    // operations are parsed once however often it is drawn, and its text
                    // lands where the page puts it.
                    if let Some(id) = form {
                        if let Some(inline) = self.form(doc, id, resources, depth + 1)? {
                            self.push(&mut out, Operation::new("q", vec![]))?;
                            if let Some(m) = &inline.matrix {
                                self.push(&mut out, Operation::new("cm", m.clone()))?;
                            }
                            // Counted before it is copied: the copy is what the budget
                            // is for.
                            self.keep(inline.bytes)?;
                            out.extend(inline.operations.iter().cloned());
                            self.push(&mut out, Operation::new("Q", vec![]))?;
                            for (name, font) in inline.fonts.iter() {
                                renamed.set(name.clone(), font.clone());
                            }
                        }
                    }
                }
                // Everything else (paths, colours, images, marked content, graphics
                // state dictionaries) carries no text: left out, which also keeps
                // pdf-extract's colour-space code (still panicking on crafted colour
                // spaces) out of reach.
                _ => {}
            }
        }
        // And a `q` without its `Q` is closed here.
        for _ in 0..open {
            self.push(&mut out, Operation::new("Q", vec![]))?;
        }
        Ok((out, renamed))
    }

    /// Cleans a form XObject for drawing inline; `None` when a `Do` on it draws nothing
    /// (not a form, nested too deep, or drawing itself).
    fn form(
        &mut self,
        doc: &mut Document,
        id: ObjectId,
        parent_resources: &Dictionary,
        depth: usize,
    ) -> Result<Option<Rc<InlineForm>>, ReadError> {
        if let Some(inline) = self.forms.get(&id) {
            // Drawn again: its operations are copied again.
            self.operations += inline.operations.len();
            if self.operations > self.limits.max_operations {
                return Err(too_complex());
            }
            return Ok(Some(Rc::clone(inline)));
        }
        if depth > self.limits.max_nesting || self.in_progress.contains(&id) {
            return Ok(None);
        }
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            return Ok(None);
        };
        let subtype = stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|t| t.as_name().ok());
        if subtype != Some(b"Form") {
            return Ok(None);
        }
        let resources = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve_dict(doc, r))
            .cloned()
            .unwrap_or_else(|| parent_resources.clone());
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| resolve(doc, m))
            .and_then(|m| m.as_array().ok())
            .filter(|m| m.len() == 6 && m.iter().all(|v| number(v).is_some()))
            .cloned();
        let data = stream_data(stream, self.budget)?;
        if data.len() > self.limits.max_content_bytes {
            return Err(too_complex());
        }
        self.in_progress.push(id);
        let cleaned = self.clean(doc, &data, &resources, depth);
        self.in_progress.pop();
        let (operations, fonts) = cleaned?;
        let inline = Rc::new(InlineForm {
            bytes: operations.iter().map(weight).fold(0, usize::saturating_add),
            operations,
            fonts,
            matrix,
        });
        self.forms.insert(id, Rc::clone(&inline));
        Ok(Some(inline))
    }
}

/// A form's content, cleaned, ready to be drawn inline wherever it is used.
struct InlineForm {
    operations: Vec<Operation>,
    /// What its operations hold (`weight`), counted each time they are copied.
    bytes: usize,
    /// Its fonts, under the names its operations use.
    fonts: Dictionary,
    /// Its /Matrix, when it has a valid one.
    matrix: Option<Vec<Object>>,
}

/// The bytes an operation holds, near enough to bound memory by: the operation, its
/// operator's text, and its operands' vector with what each owns (room allocated and
/// unused included).
fn weight(op: &Operation) -> usize {
    let slack = op.operands.capacity().saturating_sub(op.operands.len());
    let operands = op.operands.iter().map(object_weight);
    operands.fold(
        size_of::<Operation>()
            .saturating_add(op.operator.capacity())
            .saturating_add(slack.saturating_mul(size_of::<Object>())),
        usize::saturating_add,
    )
}

/// The bytes an operand holds: the object and what it owns (the content parser's depth
/// limit bounds the recursion).
fn object_weight(object: &Object) -> usize {
    let owned = match object {
        Object::Name(bytes) | Object::String(bytes, _) => bytes.capacity(),
        Object::Array(items) => items
            .iter()
            .map(object_weight)
            .fold(0, usize::saturating_add)
            .saturating_add(
                items
                    .capacity()
                    .saturating_sub(items.len())
                    .saturating_mul(size_of::<Object>()),
            ),
        Object::Dictionary(dict) => dict
            .iter()
            .map(|(key, value)| key.len().saturating_add(object_weight(value)))
            .fold(0, usize::saturating_add),
        Object::Stream(stream) => stream.content.capacity(),
        _ => 0,
    };
    size_of::<Object>().saturating_add(owned)
}
