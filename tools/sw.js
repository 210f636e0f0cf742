// Contestel's service worker: after one visit, the app loads and reads bills offline.
//
// tools/postbuild.py writes dist/sw.js from this file after every build, with FILES (every
// file Trunk wrote, hashed names included) and VERSION (derived from their contents), so
// any change to the site is a new service worker.
//
// - install: every file of this build goes into this version's cache. A file whose name
//   carries Trunk's content hash may come from the HTTP cache (the page has just
//   downloaded it: no second download); the others (index.html, the worker's files, the
//   icons…) keep their name across versions and are fetched afresh. A new version then
//   WAITS: the page tells the person ("Nouvelle version disponible — recharger") and posts
//   "skip-waiting" when they choose to, so a page never runs half of one build and half of
//   another.
// - activate: the caches of earlier versions of this scope are removed (only ours: sites
//   on a shared origin share Cache Storage), then the open pages are taken over, so that
//   the first visit already works offline.
// - fetch: cache first for the app's own files; any request to another origin is refused,
//   including the parse worker's, which the page's CSP <meta> does not cover.
"use strict";

const VERSION = "__CONTESTEL_VERSION__";
const FILES = __CONTESTEL_FILES__;
const PREFIX = "contestel:" + self.registration.scope + ":";
const CACHE = PREFIX + VERSION;
const SCOPE_PATH = new URL(self.registration.scope).pathname;
// Trunk's file hash: `app-1e0874e919ebb917_bg.wasm`, `main-3b71f90849bd9310.css`.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(
          FILES.map((file) => new Request(file, { cache: HASHED.test(file) ? "default" : "reload" })),
        ),
      ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    event.respondWith(Response.error());
    return;
  }
  if (request.method !== "GET" || !url.pathname.startsWith(SCOPE_PATH)) {
    return;
  }
  const path = url.pathname.slice(SCOPE_PATH.length);
  const file = path === "" ? "index.html" : path;
  if (!FILES.includes(file)) {
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(file))
      .then((cached) => cached || fetch(request)),
  );
});
