//! Why a file could not be read, in words a person understands.
//!
//! Errors are data (`Clone + PartialEq + Serialize`) so that they cross the worker
//! boundary and live in the UI state like any other value.

use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// What went wrong while reading a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadErrorKind {
    /// The bytes are not a PDF at all (no `%PDF-` header).
    NotPdf,
    /// The file is empty.
    Empty,
    /// The file is larger than the reader accepts; checked before reading.
    TooLarge {
        /// Size of the file, in bytes.
        size: u64,
        /// The limit, in bytes.
        max: u64,
    },
    /// The PDF is damaged or cut short.
    Corrupt,
    /// The PDF needs a password to be opened.
    PasswordProtected,
    /// The PDF has no text layer: a scan or a photo.
    NoText,
    /// The PDF's structure is beyond what the reader allows (nesting, sizes, bombs).
    TooComplex,
    /// Reading took longer than the time limit and was stopped.
    Timeout {
        /// The limit, in seconds.
        seconds: u32,
    },
    /// The reader stopped unexpectedly on this file.
    Crashed,
}

/// A read error with where it happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadError {
    /// What went wrong.
    #[serde(flatten)]
    pub kind: ReadErrorKind,
    /// The 1-based page where it happened, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl ReadError {
    /// An error not tied to a page.
    pub fn new(kind: ReadErrorKind) -> Self {
        ReadError { kind, page: None }
    }

    /// The message a person sees.
    pub fn message(&self, lang: Lang) -> String {
        use ReadErrorKind::*;
        match (&self.kind, lang) {
            (NotPdf, Lang::Fr) => "Ce fichier n'est pas un PDF.".into(),
            (NotPdf, Lang::En) => "This file is not a PDF.".into(),
            (Empty, Lang::Fr) => "Ce fichier est vide.".into(),
            (Empty, Lang::En) => "This file is empty.".into(),
            (TooLarge { size, max }, Lang::Fr) => format!(
                "Ce fichier est trop volumineux ({} Mo) : une facture fait moins de {} Mo.",
                mebibytes(*size),
                mebibytes(*max)
            ),
            (TooLarge { size, max }, Lang::En) => format!(
                "This file is too large ({} MB): a bill is smaller than {} MB.",
                mebibytes(*size),
                mebibytes(*max)
            ),
            (Corrupt, Lang::Fr) => "Ce PDF est endommagé ou incomplet : essayez de le télécharger à nouveau depuis votre espace client.".into(),
            (Corrupt, Lang::En) => "This PDF is damaged or incomplete: try downloading it again from your customer area.".into(),
            (PasswordProtected, Lang::Fr) => "Ce PDF est protégé par un mot de passe : ouvrez-le, puis enregistrez-le sans mot de passe.".into(),
            (PasswordProtected, Lang::En) => "This PDF is protected by a password: open it, then save it without one.".into(),
            (NoText, Lang::Fr) => "Ce PDF ne contient pas de texte (c'est sans doute un scan ou une photo) : téléchargez la facture d'origine depuis votre espace client.".into(),
            (NoText, Lang::En) => "This PDF has no text (it is probably a scan or a photo): download the original bill from your customer area.".into(),
            (TooComplex, Lang::Fr) => "Ce PDF est trop complexe pour être lu sans risque.".into(),
            (TooComplex, Lang::En) => "This PDF is too complex to be read safely.".into(),
            (Timeout { seconds }, Lang::Fr) => format!("La lecture de ce PDF a dépassé {seconds} seconde{} et a été arrêtée.", if *seconds > 1 { "s" } else { "" }),
            (Timeout { seconds }, Lang::En) => format!("Reading this PDF took more than {seconds} second{} and was stopped.", if *seconds == 1 { "" } else { "s" }),
            (Crashed, Lang::Fr) => "La lecture de ce PDF a échoué. Les autres fichiers ne sont pas touchés.".into(),
            (Crashed, Lang::En) => "Reading this PDF failed. Other files are not affected.".into(),
        }
    }
}

fn mebibytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + (1 << 19)) / (1 << 20);
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_message_gives_sizes_in_megabytes() {
        let e = ReadError::new(ReadErrorKind::TooLarge {
            size: 31 * 1024 * 1024 + 400_000,
            max: 30 << 20,
        });
        assert_eq!(
            e.message(Lang::Fr),
            "Ce fichier est trop volumineux (31,4 Mo) : une facture fait moins de 30 Mo."
        );
    }

    #[test]
    fn errors_serialize_flat_with_their_kind() {
        let e = ReadError {
            kind: ReadErrorKind::Timeout { seconds: 10 },
            page: Some(3),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"kind":"timeout","seconds":10,"page":3}"#);
        assert_eq!(serde_json::from_str::<ReadError>(&json).unwrap(), e);
    }
}
