// Lianxin field app (/field/app, issue 21): today's visits and my orders kept on the phone, and an outbox in
// IndexedDB for visits and order steps done without signal. Each record has an idempotency key and the time it was
// done; when the network returns they are sent one by one, in the order they were done, to POST /api/v1/visits
// (Idempotency-Key) and POST /api/v1/outbox. The outbox is bounded (items and photo bytes, from the page).
(function () {
  "use strict";
  const root = document.getElementById("field");
  if (!root) return;
  const texts = {};
  document.querySelectorAll("#f-texts [data-k]").forEach((span) => { texts[span.getAttribute("data-k")] = span.textContent; });
  const csrf = root.getAttribute("data-csrf");
  const english = root.getAttribute("data-lang") === "en";
  const maxPhoto = Number(root.getAttribute("data-max-photo")) || 10485760;
  const maxItems = Number(root.getAttribute("data-max-items")) || 50;
  const maxBytes = Number(root.getAttribute("data-max-bytes")) || 31457280;
  const MB = 1048576;
  let pack = null;
  let sending = false;

  function say(key, values) {
    let text = texts[key] || key;
    Object.keys(values || {}).forEach((name) => { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }

  // The person's half of a server message worded "English / 中文".
  function ownHalf(message) {
    const parts = String(message || "").split(" / ");
    return parts.length < 2 ? String(message || "") : (english ? parts[0] : parts.slice(1).join(" / "));
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => {
      if (name === "text") node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach((child) => { if (child) node.appendChild(child); });
    return node;
  }

  function beijing(iso) {
    const date = new Date(iso);
    const shifted = new Date(date.getTime() + 8 * 3600000);
    const pad = (n) => String(n).padStart(2, "0");
    return shifted.getUTCFullYear() + "-" + pad(shifted.getUTCMonth() + 1) + "-" + pad(shifted.getUTCDate()) + " " +
      pad(shifted.getUTCHours()) + ":" + pad(shifted.getUTCMinutes());
  }

  // Now, to the second (the server reads ISO 8601 times without fractions).
  function nowISO() { return new Date().toISOString().replace(/\.\d+Z$/, "Z"); }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return "field-" + window.crypto.randomUUID();
    return "field-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  // IndexedDB: "outbox" (records waiting, in the order done) and "pack" (the last data pack).
  let opened = null;
  function database() {
    if (!opened) {
      opened = new Promise((resolve, reject) => {
        const request = indexedDB.open("lianxin-field", 1);
        request.onupgradeneeded = () => {
          request.result.createObjectStore("outbox", { keyPath: "key" });
          request.result.createObjectStore("pack");
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    return opened;
  }

  function run(store, mode, work) {
    return database().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = work(tx.objectStore(store));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }));
  }

  const outbox = {
    all: () => run("outbox", "readonly", (store) => store.getAll()).then((rows) => rows.sort((a, b) => a.seq - b.seq)),
    put: (item) => run("outbox", "readwrite", (store) => store.put(item)),
    remove: (key) => run("outbox", "readwrite", (store) => store.delete(key)),
    // Reads, changes and writes one record in one transaction (`change` returns null to delete it).
    update: (key, change) => database().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction("outbox", "readwrite");
      const store = tx.objectStore("outbox");
      let result = null;
      store.get(key).onsuccess = (event) => {
        if (!event.target.result) return;
        result = change(event.target.result);
        if (result) store.put(result); else store.delete(key);
      };
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }))
  };

  function bytesOf(item) { return (item.photos || []).reduce((sum, photo) => sum + photo.size, 0); }

  // Whether `item` still fits the outbox's bounds; otherwise the message for the person.
  function roomFor(item) {
    return outbox.all().then((items) => {
      const used = items.reduce((sum, row) => sum + bytesOf(row), 0);
      if (items.length + 1 > maxItems || used + bytesOf(item) > maxBytes) {
        return say("full", { items: maxItems, mb: Math.round(maxBytes / MB) });
      }
      return "";
    });
  }

  // --- Network state and readiness -------------------------------------------------------------------------
  const net = document.getElementById("f-net");
  function showNetwork() {
    net.textContent = navigator.onLine ? say("online") : say("offline");
    net.className = navigator.onLine ? "alert ok" : "alert f-offline";
    net.setAttribute("data-online", navigator.onLine ? "yes" : "no");
  }
  window.addEventListener("online", () => { showNetwork(); sendAll(); });
  window.addEventListener("offline", showNetwork);
  showNetwork();

  const ready = document.getElementById("f-ready");
  function showReady() {
    const worker = "serviceWorker" in navigator;
    if (!worker) { ready.textContent = say("no_worker"); return; }
    if (pack && navigator.serviceWorker.controller) {
      ready.textContent = say("ready", { time: pack.madeAt });
      ready.setAttribute("data-ready", "yes");
    } else if (!pack) {
      ready.textContent = say("not_ready");
    }
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/field/sw.js", { scope: "/field/" }).catch(() => undefined);
    navigator.serviceWorker.addEventListener("controllerchange", showReady);
  }

  // --- The data pack: fresh when online, the phone's copy otherwise ------------------------------------------
  function loadPack() {
    return fetch("/api/v1/field/pack", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => {
        if (!response.ok || response.redirected) throw new Error("pack " + response.status);
        return response.json();
      })
      .then((fresh) => run("pack", "readwrite", (store) => store.put(fresh, "pack")).then(() => keepPhotos(fresh)).then(() => fresh))
      .catch(() => run("pack", "readonly", (store) => store.get("pack")))
      .then((kept) => { pack = kept || null; render(); showReady(); });
  }

  // The orders' photos, kept for when there is no signal (the service worker answers from this cache).
  function keepPhotos(fresh) {
    if (!window.caches) return Promise.resolve();
    const urls = [];
    (fresh.orders || []).forEach((order) => (order.photos || []).forEach((url) => urls.push(url)));
    return caches.open("lianxin-field-data").then((cache) => Promise.all(urls.map((url) =>
      cache.match(url).then((hit) => hit || fetch(url, { credentials: "same-origin" }).then((response) => {
        if (response.ok) return cache.put(url, response);
        return undefined;
      }))
    ))).catch(() => undefined);
  }

  // --- Rendering -------------------------------------------------------------------------------------------
  function render() {
    outbox.all().then((items) => {
      renderOutbox(items);
      renderVisits(items);
      renderOrders(items);
    });
  }

  function describe(item) {
    if (item.kind === "patrol") return say("patrol_kind") + " · " + beijing(item.patrol.startedAt) + (item.patrol.endedAt ? " · " + say("patrol_ended_at", { time: beijing(item.patrol.endedAt) }) : "");
    if (item.kind === "visit") return say("kind_visit") + " · " + item.title;
    return say("step_" + item.step.action) + " · " + item.title;
  }

  function renderOutbox(items) {
    const list = document.getElementById("f-outbox-list");
    list.textContent = "";
    items.forEach((item) => {
      const state = el("span", { class: "badge " + (item.state === "waiting" ? "" : "denied"), text: say("state_" + item.state) });
      const li = el("li", { class: "f-item f-" + item.state, "data-key": item.key, "data-kind": item.kind }, [
        el("strong", { text: describe(item) }),
        el("span", { class: "muted", text: say("done_at") + " " + beijing(item.doneAt) + (item.photos && item.photos.length ? " · " + say("photos", { count: item.photos.length }) : "") +
          (item.kind === "patrol" ? " · " + say("patrol_points_waiting", { count: item.points.length }) : "") }),
        state
      ]);
      if (item.message) li.appendChild(el("p", { class: "f-message", role: "alert", text: item.message }));
      if (item.state !== "waiting") {
        const dismiss = el("button", { type: "button", class: "link", text: say("dismiss") });
        dismiss.addEventListener("click", () => outbox.remove(item.key).then(render));
        li.appendChild(dismiss);
      }
      list.appendChild(li);
    });
    const waiting = items.filter((item) => item.state === "waiting").length;
    document.getElementById("f-count").textContent = String(waiting);
    document.getElementById("f-outbox-empty").hidden = items.length > 0;
    document.getElementById("f-send").hidden = waiting === 0;
    const used = items.reduce((sum, row) => sum + bytesOf(row), 0);
    document.getElementById("f-storage").textContent = say("storage", {
      items: maxItems, mb: Math.round(maxBytes / MB), count: items.length, used: used > 0 ? Math.max(0.1, used / MB).toFixed(1) : "0"
    });
  }

  function renderVisits(items) {
    const list = document.getElementById("f-visit-list");
    // A form being filled in is never thrown away by a refresh; the list catches up after it is saved or cancelled.
    if (!list || list.querySelector("form")) return;
    list.textContent = "";
    const visits = pack && pack.visits ? pack.visits : [];
    document.getElementById("f-visits-none").hidden = !pack || visits.length > 0;
    visits.forEach((household) => {
      const pending = items.filter((item) => item.kind === "visit" && item.visit.householdId === household.householdId && item.state === "waiting");
      const facts = say("due_on") + " " + household.dueOn + (household.overdueDays > 0 ? " · " + say("overdue", { days: household.overdueDays }) : "") +
        " · " + say("last_visit") + " " + household.lastVisit;
      const card = el("li", { class: "f-card", "data-household": household.householdId }, [
        el("strong", { text: household.address }),
        household.tags ? el("span", { class: "muted", text: household.tags }) : null,
        el("span", { text: facts }),
        pending.length ? el("span", { class: "badge f-pending", text: say("pending", { steps: say("kind_visit") }) }) : null
      ]);
      const open = el("button", { type: "button", "data-open": "visit", text: say("record_visit") });
      open.addEventListener("click", () => { open.hidden = true; card.appendChild(visitForm(household, () => { open.hidden = false; })); });
      card.appendChild(open);
      list.appendChild(card);
    });
  }

  // The steps left for an order once the steps waiting on the phone are counted.
  function stepsAfter(order, pending) {
    let steps = order.actions.slice();
    pending.forEach((item) => {
      const action = item.step.action;
      if (action === "sign") steps = ["arrive", "addProgressNote", "complete"];
      else if (action === "arrive") steps = ["addProgressNote", "complete"];
      else if (action === "complete") steps = [];
    });
    return steps;
  }

  function renderOrders(items) {
    const list = document.getElementById("f-order-list");
    if (!list || list.querySelector("form")) return;
    list.textContent = "";
    const orders = pack && pack.orders ? pack.orders : [];
    document.getElementById("f-orders-none").hidden = !pack || orders.length > 0;
    orders.forEach((order) => {
      const pending = items.filter((item) => item.kind === "step" && item.orderId === order.id && item.state === "waiting");
      const card = el("li", { class: "f-card", "data-order": order.id }, [
        el("strong", { text: order.number + " · " + order.title }),
        el("span", { class: "badge", text: order.statusTitle }),
        order.address ? el("span", { class: "muted", text: order.address }) : null,
        el("span", { class: "f-desc", text: order.description }),
        order.dueLabel ? el("span", { text: say("deadline") + " " + order.dueLabel }) : null,
        pending.length ? el("span", { class: "badge f-pending", text: say("pending", { steps: pending.map((item) => say("step_" + item.step.action)).join("、") }) }) : null
      ]);
      if (order.photos && order.photos.length) {
        card.appendChild(el("span", { class: "f-photos" }, order.photos.map((url) => el("img", { src: url, alt: "", loading: "lazy", width: "72", height: "72" }))));
      }
      const buttons = el("span", { class: "f-actions" });
      stepsAfter(order, pending).forEach((action) => {
        const button = el("button", { type: "button", "data-step": action, text: say("step_" + action) });
        button.addEventListener("click", () => {
          buttons.hidden = true;
          card.appendChild(stepForm(order, action, () => { buttons.hidden = false; }));
        });
        buttons.appendChild(button);
      });
      card.appendChild(buttons);
      list.appendChild(card);
    });
  }

  // --- Forms (checked on the phone, each problem beside its field, what was typed kept) ----------------------
  let formCount = 0;
  function field(labelText, control, id) {
    control.id = id;
    const error = el("p", { class: "form-error", id: id + "-error", hidden: "hidden" });
    return el("p", { class: "f-field" }, [el("label", { for: id, text: labelText }), control, error]);
  }

  function problem(form, name, message) {
    const control = form.querySelector("[name=\"" + name + "\"]");
    const error = form.querySelector("#" + control.id + "-error");
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", error.id);
    error.textContent = message;
    error.hidden = false;
  }

  function clearProblems(form) {
    form.querySelectorAll("[aria-invalid]").forEach((control) => control.removeAttribute("aria-invalid"));
    form.querySelectorAll(".form-error").forEach((error) => { error.hidden = true; error.textContent = ""; });
  }

  function photoInput() {
    return el("input", { type: "file", name: "photo", accept: "image/*", capture: "environment" });
  }

  function checkPhoto(form) {
    const file = form.querySelector("[name=photo]").files[0];
    if (!file) return true;
    if (!/^image\//.test(file.type)) { problem(form, "photo", say("photo_not_image")); return false; }
    if (file.size > maxPhoto) { problem(form, "photo", say("photo_too_big")); return false; }
    return true;
  }

  function formButtons(form, done) {
    const cancel = el("button", { type: "button", text: say("cancel") });
    cancel.addEventListener("click", () => { form.remove(); done(); render(); });
    return el("p", { class: "f-buttons" }, [el("button", { type: "submit", class: "primary", text: say("save") }), cancel]);
  }

  // Keeps `item` in the outbox (if there is room), then sends what waits when online.
  function keep(form, item, done) {
    return roomFor(item).then((full) => {
      if (full) {
        const alert = form.querySelector(".f-full");
        alert.textContent = full;
        alert.hidden = false;
        return;
      }
      return outbox.put(item).then(() => {
        form.remove();
        document.querySelectorAll(".f-form").forEach((other) => other.remove());
        done();
        flash(say("saved"));
        render();
        sendAll();
      });
    });
  }

  function visitForm(household, done) {
    const n = ++formCount;
    const form = el("form", { class: "f-form", "data-form": "visit", novalidate: "novalidate" }, [
      field(say("note"), el("textarea", { name: "note", rows: "3", maxlength: "2000" }), "fv" + n + "-note"),
      field(say("finding"), el("input", { type: "text", name: "finding", maxlength: "2000" }), "fv" + n + "-finding"),
      field(say("result"), el("input", { type: "text", name: "result", maxlength: "2000" }), "fv" + n + "-result"),
      field(say("photo"), photoInput(), "fv" + n + "-photo"),
      el("p", { class: "alert error f-full", role: "alert", hidden: "hidden" })
    ]);
    form.appendChild(formButtons(form, done));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearProblems(form);
      const note = form.note.value.trim();
      const finding = form.finding.value.trim();
      const result = form.result.value.trim();
      const file = form.querySelector("[name=photo]").files[0];
      let ok = checkPhoto(form);
      if (!note && !finding && !file) { problem(form, "note", say("need_something")); ok = false; }
      if (finding && result.length < 2) { problem(form, "result", say("need_result")); ok = false; }
      if (!ok) return;
      const visit = { householdId: household.householdId, note: note, findings: finding ? [{ description: finding, outcome: "selfHandled", result: result }] : [] };
      keep(form, {
        key: newKey(), seq: Date.now() + Math.random(), kind: "visit", doneAt: nowISO(), state: "waiting",
        title: household.address, visit: visit, photos: file ? [file] : [], photoIds: []
      }, done);
    });
    return form;
  }

  function stepForm(order, action, done) {
    const n = ++formCount;
    const needsNote = action === "addProgressNote" || action === "complete";
    const form = el("form", { class: "f-form", "data-form": action, novalidate: "novalidate" }, [
      needsNote ? field(say("step_note"), el("textarea", { name: "note", rows: "3", maxlength: "2000" }), "fs" + n + "-note") : null,
      needsNote ? field(say("photo"), photoInput(), "fs" + n + "-photo") : null,
      el("p", { class: "alert error f-full", role: "alert", hidden: "hidden" })
    ]);
    form.appendChild(formButtons(form, done));
    form.querySelector("[type=submit]").textContent = needsNote ? say("save") : say("confirm") + " " + say("step_" + action);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearProblems(form);
      const step = { action: action };
      let file = null;
      if (needsNote) {
        const note = form.note.value.trim();
        let ok = checkPhoto(form);
        if (!note) { problem(form, "note", say("need_note")); ok = false; }
        if (!ok) return;
        step.note = note;
        file = form.querySelector("[name=photo]").files[0] || null;
      }
      keep(form, {
        key: newKey(), seq: Date.now() + Math.random(), kind: "step", doneAt: nowISO(), state: "waiting",
        title: order.number + " " + order.title, orderId: order.id, step: step, photos: file ? [file] : [], photoIds: []
      }, done);
    });
    return form;
  }

  function flash(message) {
    const sent = document.getElementById("f-sent");
    sent.textContent = message;
    sent.hidden = false;
  }

  // --- Sending ---------------------------------------------------------------------------------------------
  function post(url, body, type, extra) {
    const headers = Object.assign({ "X-CSRF-Token": csrf, "Content-Type": type, Accept: "application/json" }, extra || {});
    return fetch(url, { method: "POST", credentials: "same-origin", headers: headers, body: body });
  }

  // What a refused answer means: "stop" (signed out, server away: try later) or the message kept on the record.
  function refusal(response) {
    if (response.status === 401 || response.status === 403 || response.status >= 500 || response.redirected) {
      if (response.status === 401 || response.status === 403) flash(say("signed_out"));
      return Promise.resolve(null);
    }
    return response.json().catch(() => ({})).then((body) => {
      const first = body.errors && body.errors[0] ? body.errors[0].message : body.detail;
      return ownHalf(first || String(response.status));
    });
  }

  // Photos first, each id remembered on the record so that a retry does not send a photo twice.
  function sendPhotos(item, url) {
    let chain = Promise.resolve("ok");
    item.photos.forEach((photo, index) => {
      chain = chain.then((state) => {
        if (state !== "ok" || item.photoIds[index]) return state;
        return post(url, photo, photo.type || "application/octet-stream").then((response) => {
          if (response.ok) {
            return response.json().then((body) => { item.photoIds[index] = body.id; return outbox.put(item).then(() => "ok"); });
          }
          // An order out of sight now: the step still goes, and the server names the conflict.
          if (response.status === 404 && item.kind === "step") return "skip";
          return refusal(response).then((message) => (message === null ? "stop" : { message: message }));
        });
      });
    });
    return chain;
  }

  function finish(item, response) {
    if (response.ok) {
      return response.json().then((body) => {
        if (item.kind === "step" && body.outcome === "conflict") {
          item.state = "conflict";
          item.message = body.message;
          return outbox.put(item).then(() => "conflict");
        }
        return outbox.remove(item.key).then(() => "sent");
      });
    }
    return refusal(response).then((message) => {
      if (message === null) return "stop";
      item.state = "refused";
      item.message = message;
      return outbox.put(item).then(() => "refused");
    });
  }

  function sendOne(item) {
    if (item.kind === "patrol") return sendPatrol(item);
    const photosURL = item.kind === "visit"
      ? "/api/v1/visits/photos?household=" + encodeURIComponent(item.visit.householdId)
      : "/api/v1/work-orders/" + encodeURIComponent(item.orderId) + "/attachments?purpose=" + (item.step.action === "complete" ? "completion" : "progress");
    return sendPhotos(item, photosURL).then((state) => {
      if (state === "stop") return "stop";
      if (state && state.message) {
        item.state = "refused";
        item.message = state.message;
        return outbox.put(item).then(() => "refused");
      }
      const ids = item.photoIds.filter((id) => id);
      if (item.kind === "visit") {
        const body = Object.assign({}, item.visit, { visitedAt: item.doneAt, photoIds: ids });
        return post("/api/v1/visits", JSON.stringify(body), "application/json", { "Idempotency-Key": item.key }).then((r) => finish(item, r));
      }
      const step = Object.assign({}, item.step, ids.length ? { photoIds: ids } : {});
      const body = { key: item.key, orderId: item.orderId, doneAt: item.doneAt, step: step };
      return post("/api/v1/outbox", JSON.stringify(body), "application/json").then((r) => finish(item, r));
    });
  }

  // Sends what waits, oldest first, one at a time; stops at the first network failure and tries again later.
  function sendAll() {
    if (sending || !navigator.onLine) return Promise.resolve();
    sending = true;
    let sent = 0;
    return outbox.all()
      .then((items) => items.filter((item) => item.state === "waiting").reduce((chain, item) => chain.then((go) => {
        if (!go) return false;
        return sendOne(item).then((result) => {
          if (result === "sent") sent += 1;
          return result !== "stop";
        });
      }), Promise.resolve(true)))
      .catch(() => false)
      .then(() => {
        sending = false;
        if (sent > 0) { flash(say("sent", { count: sent })); loadPack(); } else render();
      });
  }

  // --- Patrols (巡查): positions kept on the record of the patrol in the outbox, sent with the times they were taken ---
  const patrolBox = document.getElementById("f-patrol");
  const every = patrolBox ? Number(patrolBox.getAttribute("data-every")) * 1000 : 30000;
  const metresApart = patrolBox ? Number(patrolBox.getAttribute("data-metres")) : 50;
  const maxPatrol = patrolBox ? Number(patrolBox.getAttribute("data-max-hours")) * 3600000 : 43200000;
  let patrolKey = null;
  let watcher = null;
  let ticker = null;

  function metresBetween(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function showPatrol(item) {
    if (!patrolBox) return;
    const state = document.getElementById("f-patrol-state");
    const running = !!(item && !item.patrol.endedAt);
    state.textContent = running
      ? say("patrol_running", { start: beijing(item.patrol.startedAt), count: item.noted, km: (item.metres / 1000).toFixed(1) })
      : say("patrol_idle");
    state.setAttribute("data-running", running ? "yes" : "no");
    state.setAttribute("data-noted", running ? String(item.noted) : "0");
    document.getElementById("f-patrol-start").hidden = running;
    document.getElementById("f-patrol-end").hidden = !running;
  }

  // A position from the phone: noted when 30 s have passed or 50 m were walked since the last one noted.
  function notePosition(position) {
    if (!patrolKey) return;
    document.getElementById("f-patrol-geo").hidden = true;
    const fix = { at: nowISO(), latitude: position.coords.latitude, longitude: position.coords.longitude };
    outbox.update(patrolKey, (item) => {
      const last = item.lastFix;
      if (item.patrol.endedAt) return item;
      if (last && Date.parse(fix.at) - Date.parse(last.at) < every && metresBetween(last, fix) < metresApart) return item;
      if (last && fix.at === last.at) return item;
      if (last) item.metres += metresBetween(last, fix);
      item.points.push(fix);
      item.lastFix = fix;
      item.noted += 1;
      return item;
    }).then((item) => { showPatrol(item); render(); sendAll(); });
  }

  function noLocation() {
    const geo = document.getElementById("f-patrol-geo");
    geo.textContent = say("patrol_no_location");
    geo.hidden = false;
  }

  function follow(key) {
    patrolKey = key;
    if (!navigator.geolocation) { noLocation(); return; }
    const options = { enableHighAccuracy: true, maximumAge: 10000, timeout: 20000 };
    watcher = navigator.geolocation.watchPosition(notePosition, noLocation, options);
    // A person standing still is noted too, every 30 s.
    ticker = setInterval(() => navigator.geolocation.getCurrentPosition(notePosition, () => undefined, options), every);
  }

  function stopFollowing() {
    if (watcher !== null && navigator.geolocation) navigator.geolocation.clearWatch(watcher);
    if (ticker !== null) clearInterval(ticker);
    watcher = null;
    ticker = null;
    patrolKey = null;
  }

  function startPatrol() {
    const started = nowISO();
    const item = {
      key: newKey(), seq: Date.now() + Math.random(), kind: "patrol", doneAt: started, state: "waiting", title: "",
      patrol: { startedAt: started, endedAt: null }, points: [], noted: 0, metres: 0, lastFix: null, photos: [], photoIds: []
    };
    return outbox.put(item).then(() => {
      const geo = document.getElementById("f-patrol-geo");
      geo.textContent = say("patrol_locating");
      geo.hidden = false;
      follow(item.key);
      showPatrol(item);
      render();
      sendAll();
    });
  }

  function endPatrol(at) {
    const key = patrolKey;
    stopFollowing();
    if (!key) return Promise.resolve();
    return outbox.update(key, (item) => { item.patrol.endedAt = item.patrol.endedAt || at; return item; })
      .then(() => { showPatrol(null); render(); sendAll(); });
  }

  // The patrol's start, end and the positions not sent yet; the positions sent leave the phone, and the record
  // goes once the patrol is over and everything is sent.
  function sendPatrol(item) {
    const points = item.points.slice();
    const body = { key: item.key, startedAt: item.patrol.startedAt, endedAt: item.patrol.endedAt || undefined, points: points };
    return post("/api/v1/patrols", JSON.stringify(body), "application/json").then((response) => {
      if (!response.ok) return finish(item, response);
      const sentAt = {};
      points.forEach((fix) => { sentAt[fix.at] = true; });
      return outbox.update(item.key, (kept) => {
        kept.points = kept.points.filter((fix) => !sentAt[fix.at]);
        return kept.patrol.endedAt && body.endedAt && kept.points.length === 0 ? null : kept;
      }).then((kept) => (kept ? "kept" : "sent"));
    });
  }

  if (patrolBox) {
    document.getElementById("f-patrol-start").addEventListener("click", () => { if (!patrolKey) startPatrol(); });
    document.getElementById("f-patrol-end").addEventListener("click", () => {
      if (window.confirm(say("patrol_confirm_end"))) endPatrol(nowISO());
    });
    // A patrol still running when the page was closed goes on; one past 12 hours ends at its limit.
    outbox.all().then((items) => {
      const running = items.filter((item) => item.kind === "patrol" && !item.patrol.endedAt)[0];
      if (!running) { showPatrol(null); return; }
      const limit = Date.parse(running.patrol.startedAt) + maxPatrol;
      if (Date.now() >= limit) {
        patrolKey = running.key;
        endPatrol(new Date(limit).toISOString().replace(/\.\d+Z$/, "Z"));
        return;
      }
      follow(running.key);
      showPatrol(running);
    });
  }

  document.getElementById("f-send").addEventListener("click", () => { sendAll(); });
  loadPack().then(() => sendAll());
})();
