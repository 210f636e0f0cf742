//! Questions the browser asks for the app: a confirmation before what cannot be undone.

/// Asks `question` with OK and Cancel; `true` when the person confirmed.
pub fn confirm(question: &str) -> bool {
    gloo::dialogs::confirm(question)
}
