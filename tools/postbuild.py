#!/usr/bin/env python3
"""Trunk post-build hook: the Content-Security-Policy and the service worker.

Run by Trunk after it has written the site to its staging folder ($TRUNK_STAGING_DIR) and
before it moves it to dist/, on every build (`trunk build`, `trunk serve`):

1. Puts a Content-Security-Policy <meta> first in <head> (GitHub Pages cannot send
   headers). Scripts: 'self', the sha256 of each inline script (Trunk's bootstrap, which
   changes with every build's hashed file names, and the first screen's script of
   index.html) and 'wasm-unsafe-eval'; everything
   else the app needs comes from its own origin; nothing else is allowed.
2. Writes sw.js from tools/sw.js: the list of every file of this build (hashed names
   included) to precache, and a version derived from their contents.

It fails the build, loudly, whenever the page is not what it expects.
"""

import base64
import hashlib
import json
import os
import re
import sys
from pathlib import Path

SW_TEMPLATE = Path(__file__).resolve().parent / "sw.js"
SW_NAME = "sw.js"
META_MARK = 'http-equiv="Content-Security-Policy"'


def fail(message):
    sys.exit(f"postbuild.py: {message}")


def sha256_source(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_elements(html, tag):
    """The contents of each <tag>…</tag> without a src attribute."""
    found = []
    for match in re.finditer(rf"<{tag}\b([^>]*)>(.*?)</{tag}\s*>", html, re.S | re.I):
        if not re.search(r"\bsrc\s*=", match.group(1), re.I):
            found.append(match.group(2))
    return found


def policy(script_hashes, style_hashes):
    directives = [
        ("default-src", ["'none'"]),
        ("script-src", ["'self'", *script_hashes, "'wasm-unsafe-eval'"]),
        # The wasm and its preloads are fetched from the site itself.
        ("connect-src", ["'self'"]),
        # The parse worker (worker_loader.js) and the service worker.
        ("worker-src", ["'self'"]),
        ("style-src", ["'self'", *style_hashes]),
        ("img-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("base-uri", ["'none'"]),
        ("form-action", ["'none'"]),
        ("object-src", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def add_csp(index):
    html = index.read_text(encoding="utf-8")
    if META_MARK in html:
        fail(f"{index} already has a Content-Security-Policy: was the hook run twice?")
    scripts = inline_elements(html, "script")
    if not scripts:
        fail(f"no inline script in {index}: where is Trunk's bootstrap? (nothing to hash)")
    for script in scripts:
        if ".well-known/trunk/ws" in script:
            fail("Trunk's autoreload script is in the page; the CSP would block it: keep "
                 "`no_autoreload = true` under [serve] in Trunk.toml")
        # Trunk's bootstrap imports the app; the first screen's own script (index.html)
        # keeps what is dropped before the app is there. Nothing else.
        if "import" not in script and "contestelPending" not in script:
            fail(f"an inline script that is neither Trunk's bootstrap nor the first screen's: "
                 f"{script[:120]!r}")
    if re.search(r"<[a-z][^>]*\sstyle\s*=", html, re.I):
        fail(f"a style attribute in {index}: the CSP blocks it, use a class")
    styles = inline_elements(html, "style")
    # Minified, the page has no <head> tag (it is optional): right after <html> is then
    # the head's first place.
    opening = list(re.finditer(r"<head\b[^>]*>", html, re.I)) or list(
        re.finditer(r"<html\b[^>]*>", html, re.I)
    )
    if len(opening) != 1:
        fail(f"expected one <head> or <html> tag in {index}, found {len(opening)}")
    csp = policy([sha256_source(s) for s in scripts], [sha256_source(s) for s in styles])
    meta = f'<meta {META_MARK} content="{csp}">'
    at = opening[0].end()
    html = html[:at] + meta + html[at:]
    # The browser only looks for the encoding in the first 1024 bytes.
    charset = html.find("<meta charset")
    if charset < 0 or len(html[:charset].encode("utf-8")) > 1024 - 30:
        fail("<meta charset> is missing or pushed beyond the first 1024 bytes by the CSP")
    index.write_text(html, encoding="utf-8")
    return csp, len(scripts)


def write_service_worker(staging):
    files = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(staging).parts)
        and p.name != SW_NAME
    )
    if "index.html" not in files or not any(f.endswith(".wasm") for f in files):
        fail(f"expected index.html and the .wasm files in {staging}, found {files}")
    fingerprint = hashlib.sha256()
    for name in files:
        fingerprint.update(name.encode("utf-8") + b"\0")
        fingerprint.update(hashlib.sha256((staging / name).read_bytes()).digest())
    version = fingerprint.hexdigest()[:16]
    template = SW_TEMPLATE.read_text(encoding="utf-8")
    for mark in ("__CONTESTEL_VERSION__", "__CONTESTEL_FILES__"):
        if template.count(mark) != 1:
            fail(f"{SW_TEMPLATE} must hold {mark} exactly once")
    script = template.replace('"__CONTESTEL_VERSION__"', json.dumps(version)).replace(
        "__CONTESTEL_FILES__", json.dumps(files)
    )
    if "__CONTESTEL" in script:
        fail(f"a placeholder was left in {SW_NAME}")
    (staging / SW_NAME).write_text(script, encoding="utf-8")
    return version, files


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        fail("TRUNK_STAGING_DIR is not set: run through Trunk (a post_build hook)")
    staging = Path(staging)
    index = staging / "index.html"
    if not index.is_file():
        fail(f"no {index}")
    csp, count = add_csp(index)
    version, files = write_service_worker(staging)
    print(f"postbuild.py: CSP with {count} inline script hash(es); {SW_NAME} {version} "
          f"precaches {len(files)} files")


if __name__ == "__main__":
    main()
