// Lianxin workbench — our own small script: live countdowns, queue refresh, intake suggestions,
// the grid map (pan, zoom, pick a place, grid cards) and phone geolocation. Pages work without it.
(function () {
  "use strict";
  const english = document.documentElement.lang === "en";
  const csrf = () => (document.querySelector('input[name="_csrf"]') || {}).value || "";

  // ---- Live countdowns: every [data-due] shows the time left (or overdue) and its state.
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function left(ms) {
    const overdue = ms < 0;
    let s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400); s -= d * 86400;
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60); s -= m * 60;
    // Two units a person reads at a glance: 2天10小时, 10小时32分, 32分15秒.
    const unit = english ? { d: "d ", h: "h ", m: "m ", s: "s" } : { d: "天", h: "小时", m: "分", s: "秒" };
    const text = (d > 0 ? d + unit.d + h + unit.h : h > 0 ? h + unit.h + m + unit.m : m + unit.m + pad(s) + unit.s).trim();
    return overdue ? (english ? "overdue " : "已超时 ") + text : (english ? "left " : "剩余 ") + text;
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll("[data-due]").forEach((el) => {
      const due = Date.parse(el.getAttribute("data-due"));
      if (isNaN(due)) return;
      el.textContent = left(due - now);
      el.classList.toggle("late", due < now);
    });
  }
  if (document.querySelector("[data-due]") || document.querySelector("[data-refresh]")) { tick(); setInterval(tick, 1000); }

  // ---- Dispatch queue: short polling of the rows (a fragment of the same page).
  const queue = document.querySelector("[data-refresh]");
  if (queue) {
    const status = document.querySelector("[data-live-status]");
    setInterval(() => {
      if (document.hidden || queue.contains(document.activeElement)) return;
      const url = queue.getAttribute("data-refresh") + (queue.getAttribute("data-refresh").includes("?") ? "&" : "?") + "fragment=rows";
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
        .then((html) => {
          const body = queue.querySelector("[data-rows]");
          if (!body) return;
          // What the dispatcher chose or typed in a row (a unit, a reason) survives the refresh of that row.
          const changed = new Map();
          body.querySelectorAll("tr[id] select, tr[id] input:not([type=hidden]), tr[id] textarea").forEach((field) => {
            const dirty = field.tagName === "SELECT"
              ? Array.from(field.options).some((option) => option.selected !== option.defaultSelected)
              : field.value !== field.defaultValue;
            if (dirty) changed.set(field.closest("tr[id]").id + "|" + field.name, field.value);
          });
          body.innerHTML = html;
          changed.forEach((value, key) => {
            const [rowID, name] = key.split("|");
            const row = document.getElementById(rowID);
            const field = row && body.contains(row) ? row.querySelector(`[name="${name}"]`) : null;
            if (field) field.value = value;
          });
          tick();
          if (status) status.dataset.updated = new Date().toISOString();
        })
        .catch(() => {});
    }, 15000);
  }

  // ---- Geolocation buttons fill the nearest latitude/longitude inputs.
  document.querySelectorAll("[data-geo-button]").forEach((button) => {
    button.addEventListener("click", () => {
      const form = button.closest("form");
      const note = form.querySelector("[data-geo-status]");
      if (!navigator.geolocation) { if (note) note.textContent = english ? "This browser cannot locate." : "此浏览器不支持定位。"; return; }
      if (note) note.textContent = english ? "Locating…" : "正在定位…";
      navigator.geolocation.getCurrentPosition((p) => {
        form.querySelector('[data-geo="lat"]').value = p.coords.latitude.toFixed(6);
        form.querySelector('[data-geo="lon"]').value = p.coords.longitude.toFixed(6);
        if (note) note.textContent = (english ? "Located: " : "已定位：") + p.coords.latitude.toFixed(5) + ", " + p.coords.longitude.toFixed(5);
        const map = form.querySelector("[data-map]");
        if (map && map.lianxinPin) map.lianxinPin(p.coords.longitude, p.coords.latitude);
      }, () => { if (note) note.textContent = english ? "Location unavailable; pick the place on the map." : "无法定位，请在地图上点选。"; },
      { enableHighAccuracy: true, timeout: 10000 });
    });
  });

  // ---- The grid map: viewBox pan and zoom, click to pick a place or open a grid's card.
  const SVGNS = "http://www.w3.org/2000/svg";
  document.querySelectorAll("[data-map]").forEach((map) => {
    const svg = map.querySelector("svg");
    const P = {
      minLon: +map.dataset.minLon, maxLat: +map.dataset.maxLat, scale: +map.dataset.scale,
      lonFactor: +map.dataset.lonFactor, width: +map.dataset.width, height: +map.dataset.height,
    };
    let view = { x: 0, y: 0, w: P.width, h: P.height };
    const apply = () => svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
    const zoom = (factor, cx, cy) => {
      const w = Math.min(P.width * 2, Math.max(P.width / 40, view.w * factor));
      const h = w * P.height / P.width;
      cx = cx === undefined ? view.x + view.w / 2 : cx; cy = cy === undefined ? view.y + view.h / 2 : cy;
      view = { x: cx - (cx - view.x) * (w / view.w), y: cy - (cy - view.y) * (h / view.h), w: w, h: h };
      apply();
      svg.style.setProperty("--stroke", (view.w / P.width).toFixed(3));
      fitLabels();
    };
    // Names keep a readable size on the screen (13 px) whatever the zoom and the screen's width.
    const fitLabels = () => {
      const width = svg.getBoundingClientRect().width;
      if (!width) return;
      // Map units per screen pixel as drawn: the viewBox is fitted inside the box ("meet"), so the
      // narrower of width and height decides, which the screen matrix already holds.
      const m = svg.getScreenCTM();
      const unit = m && m.a ? 1 / Math.hypot(m.a, m.b) : view.w / width;
      svg.querySelectorAll(".basemap-labels text").forEach((t) => { t.style.fontSize = (13 * unit).toFixed(2) + "px"; });
      // A grid's name is shown once its grid is wide enough on the screen for it; zooming in reveals it.
      svg.querySelectorAll(".labels text").forEach((t) => { t.style.display = +t.getAttribute("font-size") / unit < 12 ? "none" : ""; });
    };
    fitLabels();
    // Also when the map first gets a size (a folded section opened) or the screen turns.
    if (window.ResizeObserver) new ResizeObserver(fitLabels).observe(svg); else window.addEventListener("resize", fitLabels);
    const toSVG = (evt) => {
      const pt = svg.createSVGPoint(); pt.x = evt.clientX; pt.y = evt.clientY;
      const m = svg.getScreenCTM(); if (!m) return { x: 0, y: 0 };
      const p = pt.matrixTransform(m.inverse()); return { x: p.x, y: p.y };
    };
    map.querySelectorAll("[data-zoom]").forEach((b) => b.addEventListener("click", () => {
      const z = b.dataset.zoom;
      if (z === "in") zoom(0.6); else if (z === "out") zoom(1 / 0.6); else { view = { x: 0, y: 0, w: P.width, h: P.height }; apply(); fitLabels(); }
    }));
    svg.addEventListener("wheel", (e) => { e.preventDefault(); const p = toSVG(e); zoom(e.deltaY < 0 ? 0.8 : 1.25, p.x, p.y); }, { passive: false });
    let drag = null, moved = false;
    svg.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY, view: Object.assign({}, view) }; moved = false; });
    svg.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const rect = svg.getBoundingClientRect();
      const dx = (e.clientX - drag.x) * drag.view.w / rect.width, dy = (e.clientY - drag.y) * drag.view.h / rect.height;
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4) moved = true;
      if (moved) { view = { x: drag.view.x - dx, y: drag.view.y - dy, w: drag.view.w, h: drag.view.h }; apply(); }
    });
    window.addEventListener("pointerup", () => { drag = null; });

    // Dropping a pin where a place was picked (also from geolocation).
    const pinLayer = svg.querySelector('[data-layer="pin"]');
    const pin = (lon, lat) => {
      const x = (lon - P.minLon) * P.lonFactor * P.scale, y = (P.maxLat - lat) * P.scale;
      pinLayer.innerHTML = "";
      const c = document.createElementNS(SVGNS, "circle");
      c.setAttribute("cx", x); c.setAttribute("cy", y); c.setAttribute("r", 6 * view.w / P.width); c.setAttribute("class", "pin");
      pinLayer.appendChild(c);
    };
    map.lianxinPin = pin;
    const form = map.closest("form");
    const picks = form ? { lat: form.querySelector('[data-pick="lat"]'), lon: form.querySelector('[data-pick="lon"]') } : null;
    if (picks && picks.lat && picks.lat.value && picks.lon.value) pin(+picks.lon.value, +picks.lat.value);
    const card = document.querySelector("[data-grid-card]");

    svg.addEventListener("click", (e) => {
      if (moved) return;
      const p = toSVG(e);
      if (picks && picks.lat) {
        const lon = P.minLon + p.x / (P.lonFactor * P.scale), lat = P.maxLat - p.y / P.scale;
        picks.lat.value = lat.toFixed(6); picks.lon.value = lon.toFixed(6);
        pin(lon, lat);
        const status = form.querySelector("[data-pick-status]");
        const target = e.target.closest("[data-code]");
        // People read the grid's name, never coordinates or codes.
        if (status) status.textContent = target
          ? (english ? "Place picked in grid " : "已选位置，所在网格：") + target.getAttribute("data-name")
          : (english ? "Place picked." : "已选位置。");
        form.dispatchEvent(new Event("lianxin:place"));
      } else if (card) {
        const target = e.target.closest("[data-code]");
        if (target) openCard(target);
      }
    });
    map.querySelectorAll("path[data-code]").forEach((path) => path.addEventListener("keydown", (e) => {
      if ((e.key === "Enter" || e.key === " ") && card) { e.preventDefault(); openCard(path); }
    }));
    function openCard(path) {
      map.querySelectorAll("path.selected").forEach((x) => x.classList.remove("selected"));
      path.classList.add("selected");
      fetch("/grid-map/" + encodeURIComponent(path.getAttribute("data-code")) + "/card", { credentials: "same-origin" })
        .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
        .then((html) => { card.innerHTML = html; })
        .catch(() => { card.textContent = english ? "The card could not be loaded." : "加载失败。"; });
    }
  });

  // ---- The intake desk: suggestions while typing, previous requests from the caller, Ctrl+Enter.
  const desk = document.querySelector("[data-desk]");
  if (desk) {
    const box = desk.querySelector("[data-suggestions]");
    const dups = desk.querySelector("[data-duplicates]");
    const category = desk.querySelector("#categoryCode");
    const suggested = desk.querySelector("[data-suggested]");
    let timer = null, last = "";
    const el = (tag, cls, text) => { const x = document.createElement(tag); if (cls) x.className = cls; if (text !== undefined) x.textContent = text; return x; };
    function suggest() {
      const title = desk.querySelector("#title").value.trim(), description = desk.querySelector("#description").value.trim();
      const body = { title: title, description: description, requesterPhone: desk.querySelector("#requesterPhone").value.trim() || null };
      const division = desk.querySelector("select[name=divisionCode]");
      if (division && division.value) body.divisionCode = division.value;
      const lat = desk.querySelector('[data-pick="lat"]').value, lon = desk.querySelector('[data-pick="lon"]').value;
      if (lat && lon) { body.latitude = +lat; body.longitude = +lon; }
      const key = JSON.stringify(body);
      if ((title + description).length < 2 || key === last) return;
      last = key;
      fetch("/api/v1/work-orders/suggestions", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() }, body: key,
      }).then((r) => (r.ok ? r.json() : Promise.reject(r.status))).then(show).catch(() => {});
    }
    function show(s) {
      box.innerHTML = "";
      if (s.categories && s.categories.length) {
        box.appendChild(el("span", "help", english ? "Suggested: " : "推荐分类："));
        s.categories.forEach((c, i) => {
          const b = el("button", i === 0 ? "chip best" : "chip", c.name + " " + Math.round(c.confidence * 100) + "%" + (c.departmentName ? " → " + c.departmentName : ""));
          b.type = "button";
          b.addEventListener("click", () => { category.value = c.code; suggested.value = s.categories[0].code; });
          box.appendChild(b);
        });
        suggested.value = s.categories[0].code;
        if (!category.value) category.value = s.categories[0].code;
      }
      if (s.grid) box.appendChild(el("span", "help", (english ? " Grid: " : " 网格：") + (s.gridName || s.grid)));
      showKnowledge(s.knowledge || []);
      dups.innerHTML = "";
      if (!s.duplicates || !s.duplicates.length) { dups.appendChild(el("p", "help", english ? "No similar open order nearby." : "附近没有相似的在办工单。")); return; }
      const ul = el("ul", "dups");
      s.duplicates.forEach((d) => {
        const li = el("li");
        const a = el("a", null, d.number); a.href = "/orders/" + d.orderId;
        li.appendChild(a);
        li.appendChild(el("span", null, " " + d.title + " "));
        // In words: how alike the texts are, how far apart the places are, whether the same person called.
        const parts = [(english ? "Similarity " : "相似度 ") + Math.round(d.score * 100) + "%"];
        if (d.distanceMeters !== null && d.distanceMeters !== undefined) parts.push((english ? "distance " : "距离 ") + Math.round(d.distanceMeters) + (english ? " m" : " 米"));
        if (d.sameCaller) parts.push(english ? "same caller" : "同一来电人");
        li.appendChild(el("span", "badge", parts.join(english ? ", " : "，")));
        // 并单: file this call as part of the suspected duplicate (submits the desk form with its fields).
        const merge = el("button", "link", english ? "Merge into this order" : "并入此单");
        merge.type = "submit"; merge.name = "mergeInto"; merge.value = d.orderId;
        li.appendChild(merge);
        ul.appendChild(li);
      });
      dups.appendChild(ul);
    }
    // 知识库: the entries matching the call; "use this answer" fills the direct answer (直接办结) with it.
    const knowledge = desk.querySelector("[data-knowledge]");
    const direct = desk.querySelector("[data-direct]");
    function showKnowledge(entries) {
      if (!knowledge) return;
      knowledge.innerHTML = "";
      if (!entries.length) { knowledge.appendChild(el("p", "help", english ? "No knowledge entry matches." : "没有匹配的知识条目。")); return; }
      const ul = el("ul", "kb-matches");
      entries.forEach((k) => {
        const li = el("li");
        const a = el("a", null, k.question); a.href = "/knowledge/" + k.id; a.target = "_blank"; a.rel = "noopener";
        li.appendChild(a);
        li.appendChild(el("span", "badge", (english ? "match " : "匹配度 ") + Math.round(k.score * 100) + "%"));
        li.appendChild(el("p", "kb-answer", k.answer));
        if (direct) {
          const use = el("button", "link", english ? "Answer with this entry" : "用此条答复");
          use.type = "button";
          use.addEventListener("click", () => {
            direct.open = true;
            direct.querySelector("[data-kb-entry]").value = k.id;
            direct.querySelector("[data-kb-chosen]").textContent = (english ? "From the knowledge base: " : "引用知识条目：") + k.question;
            direct.querySelector("#directAnswer").value = k.answer;
            const kind = desk.querySelector("#requestKind"); if (kind) kind.value = "inquiry";
          });
          li.appendChild(use);
        }
        ul.appendChild(li);
      });
      knowledge.appendChild(ul);
    }
    desk.querySelectorAll("[data-suggest-input]").forEach((i) => i.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 350); }));
    desk.addEventListener("lianxin:place", () => { last = ""; suggest(); });
    desk.querySelectorAll("select[name=divisionCode]").forEach((s) => s.addEventListener("change", () => { last = ""; suggest(); }));

    const phone = desk.querySelector("#requesterPhone");
    const previous = desk.querySelector("[data-previous]"), list = desk.querySelector("[data-previous-list]");
    phone.addEventListener("change", () => {
      const q = phone.value.trim();
      if (q.length < 7) { previous.hidden = true; desk.querySelectorAll("[data-marks]").forEach((m) => { m.hidden = true; }); return; }
      fetch("/api/v1/work-orders?limit=5&phone=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
        .then((page) => {
          list.innerHTML = "";
          (page.items || []).forEach((o) => {
            const li = el("li"); const a = el("a", null, o.number); a.href = "/orders/" + o.id;
            li.appendChild(a); li.appendChild(el("span", null, " " + o.title));
            list.appendChild(li);
          });
          previous.hidden = !(page.items && page.items.length);
        }).catch(() => { previous.hidden = true; });
      // Marks in force on the number (来电人标记): shown to the operator, never to roles that may not read them.
      const marks = desk.querySelector("[data-marks]"), markList = desk.querySelector("[data-marks-list]");
      if (!marks) return;
      fetch("/api/v1/requester-marks/check?phone=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
        .then((found) => {
          markList.innerHTML = "";
          found.forEach((m) => {
            const li = el("li", null, m.kindLabel + (m.expiresOn ? " · " + m.expiresOn : "") + " · ");
            const reason = el("span", null, m.reason); reason.setAttribute("data-data", "");
            li.appendChild(reason); markList.appendChild(li);
          });
          marks.hidden = found.length === 0;
        }).catch(() => { marks.hidden = true; });
    });
    desk.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); desk.requestSubmit(); } });
  }
})();
