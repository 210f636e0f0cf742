//! Where the app runs, as far as the person's data is concerned. Pure: the browser side
//! (`app::guard`) reads the address and the frame, and asks here what they mean.
//!
//! - A browser keeps a site's storage per *origin* (scheme, host, port), never per path.
//!   GitHub Pages serves every repository of an account from one host, `user.github.io`:
//!   every site published there reads the same localStorage, so any of them could read the
//!   person's cases. The page says so when it runs there.
//! - A page framed by another site can be dressed up as something else (clickjacking); a
//!   `<meta>` CSP cannot set `frame-ancestors`, and GitHub Pages sends no
//!   `X-Frame-Options`, so the app refuses to run inside another site's frame.

/// Whether a site served from `host` shares its origin, so its storage, with other sites:
/// any host of GitHub Pages' shared domain (`user.github.io`, whatever the path after it).
pub fn shares_storage_with_other_sites(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host.strip_suffix(".github.io")
        .is_some_and(|user| !user.is_empty() && !user.contains('.'))
}

/// What the app does in a frame: run (not framed, or framed by a page of its own origin)
/// or refuse. `top_origin` is the framing page's origin when the browser lets this page
/// read it (same origin), `None` when it does not (another site).
pub fn may_run(framed: bool, own_origin: &str, top_origin: Option<&str>) -> bool {
    !framed || top_origin == Some(own_origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_pages_hosts_share_their_storage_and_others_do_not() {
        for host in ["ana.github.io", "Ana.GitHub.io", "ana.github.io."] {
            assert!(shares_storage_with_other_sites(host), "{host}");
        }
        for host in [
            "github.io",
            ".github.io",
            "contestel.fr",
            "127.0.0.1",
            "localhost",
            "ana.github.io.example.com",
            "a.b.github.io",
            "notgithub.io",
        ] {
            assert!(!shares_storage_with_other_sites(host), "{host}");
        }
    }

    #[test]
    fn only_another_site_s_frame_is_refused() {
        let own = "https://contestel.fr";
        assert!(may_run(false, own, None));
        assert!(may_run(true, own, Some(own)));
        assert!(!may_run(true, own, None));
        assert!(!may_run(true, own, Some("https://evil.example")));
    }
}
