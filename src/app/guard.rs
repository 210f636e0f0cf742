//! The guards of `core::origin` in the browser: the app refuses to run inside another
//! site's frame, and says so when its address shares its storage with other sites.

use crate::core::i18n::{Lang, Text};
use crate::core::origin;

/// Whether the app may run in this window: not inside a frame of another site. The
/// framing page's origin can only be read when it is this page's own.
pub fn may_run() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let top = window.top().ok().flatten();
    let framed = top
        .as_ref()
        .is_some_and(|top| !js_sys::Object::is(top, &window));
    let own = window.location().origin().unwrap_or_default();
    let top_origin = top.and_then(|top| top.location().origin().ok());
    origin::may_run(framed, &own, top_origin.as_deref())
}

/// Shows, instead of the app, why it does not run here, in French then English, with a
/// link that opens it in a tab of its own. Text only: nothing of the framing page is read.
pub fn refuse() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let href = window.location().href().unwrap_or_default();
    let Ok(main) = document.create_element("main") else {
        return;
    };
    main.set_id("framed");
    main.set_class_name("page framed");
    for lang in [Lang::Fr, Lang::En] {
        let parts = [
            ("h1", Text::FramedTitle.get(lang)),
            ("p", Text::FramedBody.get(lang)),
            ("a", Text::FramedOpen.get(lang)),
        ];
        for (tag, text) in parts {
            let Ok(element) = document.create_element(tag) else {
                continue;
            };
            element.set_text_content(Some(text));
            if tag == "a" {
                let _ = element.set_attribute("href", &href);
                let _ = element.set_attribute("target", "_blank");
                let _ = element.set_attribute("rel", "noopener noreferrer");
            }
            if lang == Lang::En {
                let _ = element.set_attribute("lang", "en");
            }
            let _ = main.append_child(&element);
        }
    }
    let _ = body.append_child(&main);
}

/// Whether the page runs at an address whose storage other sites share (GitHub Pages).
pub fn shared_origin() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .is_some_and(|host| origin::shares_storage_with_other_sites(&host))
}
