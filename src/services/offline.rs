//! The service worker (`sw.js`, written by `tools/postbuild.py` after each build): registered
//! so the app works offline after one visit, and watched so the person is told when a new
//! version is ready — it waits until they choose to reload. A new version is looked for
//! when the page opens and whenever it comes back to the foreground.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Next to index.html, so its scope is the folder the app is served from (`/<repo>/` on
/// GitHub Pages, `/` on a custom domain).
const SCRIPT: &str = "./sw.js";

/// What the service worker does when told to take over.
const SKIP_WAITING: &str = "skip-waiting";

/// The browser's service worker container, when it has one (not over plain http from
/// another machine, nor in some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.serviceWorker` is absent outside secure contexts: reading it through the
    // binding would throw.
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

/// Registers the service worker and calls `on_update` once a new version is installed and
/// waiting while an older one serves this page. Never on a first visit: a page no service
/// worker served came from the network whole, and the service worker that takes it over
/// (`clients.claim`) does not make a version published since an older one of this page.
/// Failures are silent: the app works online without it.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    if container.controller().is_none() {
        // The first visit (or a reload that bypassed the service worker): registered for
        // the next visits, nothing to announce in this one.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(container.register(SCRIPT)).await;
        });
        return;
    }
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = JsFuture::from(container.register(SCRIPT)).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = value.unchecked_into();
        watch(&container, &registration, on_update);
    });
}

/// A version that is installed while another controls the page is an update (the first
/// visit never gets here: see [`register`]).
fn watch(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_update: Rc<dyn Fn()>,
) {
    let notify: Rc<dyn Fn()> = {
        let container = container.clone();
        Rc::new(move || {
            if container.controller().is_some() {
                on_update()
            }
        })
    };
    if registration.waiting().is_some() {
        notify();
    }
    let found = registration.clone();
    // Kept for the page's lifetime, as the registration is.
    let onupdatefound = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = found.installing() else {
            return;
        };
        let worker = installing.clone();
        let notify = notify.clone();
        let onstatechange = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed {
                notify();
            }
        });
        installing.set_onstatechange(Some(onstatechange.as_ref().unchecked_ref()));
        onstatechange.forget();
    });
    registration.set_onupdatefound(Some(onupdatefound.as_ref().unchecked_ref()));
    onupdatefound.forget();

    // The browser looks for a new version when the page is opened; an installed app may
    // stay open for days, so look again whenever it comes back to the foreground.
    let registration = registration.clone();
    let document = gloo::utils::document();
    gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
        if !gloo::utils::document().hidden() {
            let _ = registration.update();
        }
    })
    .forget();
}

/// Lets the waiting version take over, then reloads the page so that it runs entirely on
/// the new version.
pub fn activate_update() {
    let Some(container) = container() else { return };
    let reloading = Rc::new(Cell::new(false));
    let onchange = Closure::<dyn FnMut()>::new(move || {
        if !reloading.replace(true) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(onchange.as_ref().unchecked_ref()));
    onchange.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let Some(registration) = value.dyn_into::<ServiceWorkerRegistration>().ok() else {
            return;
        };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str(SKIP_WAITING));
            }
            // Already taken over (another tab chose first): reloading is all that is left.
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        }
    });
}
