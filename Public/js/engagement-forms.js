// Lianxin — engagement pages: forms marked .api-form send their fields as JSON to the API named in data-api,
// show the problems it answers next to the form, then reload (or go to data-redirect with {id} filled in).
// Without this script the same forms post to the API as page forms (PageFormBridgeMiddleware); the fields
// whose names start with "_" serve that path only.
(function () {
  "use strict";

  function csrfToken() {
    let field = document.getElementById("eng-csrf") || document.querySelector("input[name=_csrf]");
    return field ? field.value : "";
  }

  // "parties.0.name" sets body.parties[0].name; numeric segments make arrays.
  function put(target, path, value) {
    let keys = path.split(".");
    let node = target;
    for (let i = 0; i < keys.length - 1; i++) {
      let key = /^\d+$/.test(keys[i]) ? Number(keys[i]) : keys[i];
      if (node[key] === undefined) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[key];
    }
    let last = keys[keys.length - 1];
    node[/^\d+$/.test(last) ? Number(last) : last] = value;
  }

  // Objects that stayed empty (an optional row left blank) and array holes are dropped.
  function prune(value) {
    if (Array.isArray(value)) {
      return value.map(prune).filter(function (item) { return item !== undefined; });
    }
    if (value && typeof value === "object") {
      let out = {};
      let any = false;
      Object.keys(value).forEach(function (key) {
        let item = prune(value[key]);
        if (item !== undefined) { out[key] = item; any = true; }
      });
      return any ? out : undefined;
    }
    return value;
  }

  // A side-only row ({side: "applicant"}) is still blank: hidden inputs alone do not make a row.
  function isBlankRow(form, prefix) {
    let visible = form.querySelectorAll("[name^='" + prefix + ".']:not([type=hidden])");
    for (let i = 0; i < visible.length; i++) if (visible[i].value.trim() !== "") return false;
    return visible.length > 0;
  }

  function body(form) {
    let data = {};
    let fields = form.querySelectorAll("input[name], select[name], textarea[name]");
    for (let i = 0; i < fields.length; i++) {
      let field = fields[i];
      if (field.name.charAt(0) === "_") continue;
      let raw = field.value.trim();
      if (raw === "") continue;
      let prefix = field.name.split(".").slice(0, 2).join(".");
      if (field.type === "hidden" && field.name.indexOf(".") > 0 && isBlankRow(form, prefix)) continue;
      let type = field.getAttribute("data-type");
      let value = raw;
      if (type === "int") value = Number(raw);
      else if (type === "bool") value = raw === "true";
      else if (type === "list") value = raw.split(/[,，、;；\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
      else if (type === "datetime") value = raw.length === 16 ? raw + ":00+08:00" : raw;
      put(data, field.name, value);
    }
    return prune(data) || {};
  }

  function showErrors(form, problem) {
    let box = form.querySelector(".form-errors");
    // The answer is in the page's language, one message per field, without the field's pointer.
    let errors = problem.errors || [];
    let lines = errors.length ? [] : [problem.detail || problem.title || ""];
    errors.forEach(function (error) {
      lines.push(error.detail || error.message);
      let name = (error.pointer || error.field || "").replace(/^\//, "").split("/").join(".");
      let input = form.querySelector("[name='" + name + "']");
      if (input) input.setAttribute("aria-invalid", "true");
    });
    if (box) {
      box.textContent = lines.join("\n");
      box.hidden = false;
      if (window.lianxinShowFirstProblem) window.lianxinShowFirstProblem();
    } else {
      window.alert(lines.join("\n"));
    }
  }

  // The unmask answers replace the masked lines on the page.
  function show(form, result) {
    let what = form.getAttribute("data-show");
    if (what === "parties") {
      let list = document.querySelector("[data-parties]");
      if (!list) return;
      list.textContent = "";
      (result.parties || []).forEach(function (party) {
        let item = document.createElement("li");
        item.textContent = party.name + " " + (party.phone || "");
        list.appendChild(item);
      });
    } else if (what === "petitioner") {
      let cell = document.querySelector("[data-petitioner]");
      if (cell) cell.textContent = result.petitionerName + " " + (result.petitionerPhone || "");
    }
  }

  document.addEventListener("submit", function (event) {
    let form = event.target;
    if (!form.classList || !form.classList.contains("api-form")) return;
    event.preventDefault();
    let button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    form.querySelectorAll("[aria-invalid]").forEach(function (input) { input.removeAttribute("aria-invalid"); });
    fetch(form.getAttribute("data-api"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrfToken() },
      body: JSON.stringify(body(form))
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (button) button.disabled = false;
        if (!response.ok) { showErrors(form, json); return; }
        if (form.hasAttribute("data-show")) { show(form, json); return; }
        let next = form.getAttribute("data-redirect");
        if (next) window.location.assign(next.replace("{id}", json.id || ""));
        else window.location.reload();
      });
    }).catch(function () {
      if (button) button.disabled = false;
      showErrors(form, { detail: document.documentElement.lang === "en" ? "Network error, try again" : "网络错误，请重试" });
    });
  });
})();
