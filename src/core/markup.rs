//! Text as it may stand in HTML or SVG markup: every character that could open a tag, an
//! entity or end an attribute's quotes is written as an entity, and control characters
//! become spaces. Used wherever untrusted text (a bill's, or what the person typed) is
//! written into markup: the drawing of a page, the dossier file. Pure.

/// `text`, escaped for markup content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_can_open_a_tag_an_entity_or_leave_an_attribute() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&amp;\u{7}</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp; &lt;/a&gt;"
        );
        assert_eq!(escape("Frais de résiliation"), "Frais de résiliation");
    }
}
