//! The interface languages. French first; English available. A leaf: every module that
//! speaks to a person takes a `Lang`, and this module takes nothing from them.

use serde::{Deserialize, Serialize};

/// A language of the interface and of every message the core produces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language of a [`Lang::tag`]; French for any other.
    pub fn from_tag(tag: &str) -> Lang {
        if tag == Lang::En.tag() {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// What goes between a label and its value: « Total : 3 € » in French, "Total: 3 €"
    /// in English.
    pub fn colon(self) -> &'static str {
        self.pick(" : ", ": ")
    }

    /// A text quoted as each language quotes: « … » in French, "…" in English.
    pub fn quoted(self, text: &str) -> String {
        match self {
            Lang::Fr => format!("« {text} »"),
            Lang::En => format!("\"{text}\""),
        }
    }

    /// Picks the French or the English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}
