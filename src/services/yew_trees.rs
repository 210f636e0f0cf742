//! Two Yew trees on one page, one per wasm module (the app's, and the views module's inside
//! it), kept from answering each other's events.
//!
//! Each Yew instance numbers its trees from 1, and the app's tree (the `<body>`) handles,
//! in the capture phase, every event under it whose nearest branded element carries its
//! own id, looking its handler up by a listener id that is also numbered per instance.
//! Were the inner tree numbered like the app's, a click in it would run one of the app's
//! handlers. Ids are taken in order, one per tree: empty trees on a detached element take
//! ids until the next one is none the app uses around the root.

use yew::prelude::*;

/// Renders `C` into `root` as a tree whose id no Yew tree around `root` has.
pub fn render_apart<C>(root: web_sys::Element, props: C::Properties) -> yew::AppHandle<C>
where
    C: BaseComponent,
{
    let taken = outer_tree_ids(&root);
    loop {
        let Ok(detached) = gloo::utils::document().create_element("div") else {
            break;
        };
        let probe = yew::Renderer::<Probe>::with_root(detached.clone()).render();
        probe.destroy();
        match tree_id(&detached) {
            Some(id) if taken.contains(&(id + 1.0)) => continue,
            _ => break,
        }
    }
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    if tree_id(&root).is_some_and(|id| taken.contains(&id)) {
        gloo::console::error!("a Yew tree has the id of one around it");
    }
    handle
}

/// The Yew subtree ids of `root` and the elements around it (Yew brands each host and
/// listening element with its tree's id in `__yew_subtree_id`).
fn outer_tree_ids(root: &web_sys::Element) -> Vec<f64> {
    let mut ids = Vec::new();
    let mut at = Some(root.clone());
    while let Some(element) = at {
        ids.extend(tree_id(&element));
        at = element.parent_element();
    }
    ids
}

/// An empty tree, rendered into a detached element only to take a tree id.
#[function_component(Probe)]
fn probe() -> Html {
    html! {}
}

fn tree_id(element: &web_sys::Element) -> Option<f64> {
    js_sys::Reflect::get(element, &"__yew_subtree_id".into())
        .ok()
        .and_then(|v| v.as_f64())
}
