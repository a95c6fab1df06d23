// Lianxin field app — the service worker, served as /field/sw.js with the scope /field/ (issue 21).
// It keeps the app shell (the page, its styles and scripts; fonts are the phone's own) and the photos of the person's
// orders, so that /field/app opens without signal. Everything goes to the network first; the copy is used only when
// the network fails. Steps and visits are not sent from here: the page's outbox (IndexedDB) sends them.
(function () {
  "use strict";
  const SHELL = "lianxin-field-shell-v1";
  const DATA = "lianxin-field-data";
  // What the phone needs before it loses signal; its size is the app shell's (scripts/browser/offline.py prints it).
  const PRECACHE = ["/field/app", "/css/app.css", "/css/field.css", "/js/app.js", "/js/field.js", "/favicon.svg", "/field/manifest.webmanifest"];
  const PHOTO = /^\/api\/v1\/(work-orders\/[0-9a-fA-F-]+\/attachments\/[0-9a-fA-F-]+|visits\/photos\/[0-9a-fA-F-]+)$/;

  self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(
      caches.keys()
        .then((names) => Promise.all(names.filter((name) => name !== SHELL && name !== DATA).map((name) => caches.delete(name))))
        .then(() => self.clients.claim())
    );
  });

  // Which cache keeps a fresh copy of this path, if any.
  function cacheFor(path) {
    if (PRECACHE.indexOf(path) >= 0) return SHELL;
    if (PHOTO.test(path)) return DATA;
    return null;
  }

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) return;
    const keep = cacheFor(url.pathname);
    if (!keep && request.mode !== "navigate") return;
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Only the app itself is kept: not a sign-in page it was redirected to, not an error.
          if (keep && response.ok && !response.redirected) {
            const copy = response.clone();
            caches.open(keep).then((cache) => cache.put(keep === SHELL ? url.pathname : request, copy));
          }
          return response;
        })
        .catch(() =>
          caches.match(keep === SHELL ? url.pathname : request, { ignoreSearch: keep === SHELL }).then((copy) => copy || Response.error())
        )
    );
  });
})();
