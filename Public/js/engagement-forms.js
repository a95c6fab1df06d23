// Lianxin — engagement pages: forms marked .api-form send their fields as JSON to the API named in data-api,
// show the problems it answers next to the form, then reload (or go to data-redirect with {id} filled in).
(function () {
  "use strict";

  function csrfToken() {
    var field = document.getElementById("eng-csrf") || document.querySelector("input[name=_csrf]");
    return field ? field.value : "";
  }

  // "parties.0.name" sets body.parties[0].name; numeric segments make arrays.
  function put(target, path, value) {
    var keys = path.split(".");
    var node = target;
    for (var i = 0; i < keys.length - 1; i++) {
      var key = /^\d+$/.test(keys[i]) ? Number(keys[i]) : keys[i];
      if (node[key] === undefined) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[key];
    }
    var last = keys[keys.length - 1];
    node[/^\d+$/.test(last) ? Number(last) : last] = value;
  }

  // Objects that stayed empty (an optional row left blank) and array holes are dropped.
  function prune(value) {
    if (Array.isArray(value)) {
      return value.map(prune).filter(function (item) { return item !== undefined; });
    }
    if (value && typeof value === "object") {
      var out = {};
      var any = false;
      Object.keys(value).forEach(function (key) {
        var item = prune(value[key]);
        if (item !== undefined) { out[key] = item; any = true; }
      });
      return any ? out : undefined;
    }
    return value;
  }

  // A side-only row ({side: "applicant"}) is still blank: hidden inputs alone do not make a row.
  function isBlankRow(form, prefix) {
    var visible = form.querySelectorAll("[name^='" + prefix + ".']:not([type=hidden])");
    for (var i = 0; i < visible.length; i++) if (visible[i].value.trim() !== "") return false;
    return visible.length > 0;
  }

  function body(form) {
    var data = {};
    var fields = form.querySelectorAll("input[name], select[name], textarea[name]");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.name === "_csrf") continue;
      var raw = field.value.trim();
      if (raw === "") continue;
      var prefix = field.name.split(".").slice(0, 2).join(".");
      if (field.type === "hidden" && field.name.indexOf(".") > 0 && isBlankRow(form, prefix)) continue;
      var type = field.getAttribute("data-type");
      var value = raw;
      if (type === "int") value = Number(raw);
      else if (type === "bool") value = raw === "true";
      else if (type === "list") value = raw.split(/[,，、;；\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
      else if (type === "datetime") value = raw.length === 16 ? raw + ":00+08:00" : raw;
      put(data, field.name, value);
    }
    return prune(data) || {};
  }

  function showErrors(form, problem) {
    var box = form.querySelector(".form-errors");
    var lines = [problem.detail || problem.title || "Error"];
    (problem.errors || []).forEach(function (error) {
      lines.push(error.field + ": " + error.message);
      var name = error.field.replace(/^\//, "").split("/").join(".");
      var input = form.querySelector("[name='" + name + "']");
      if (input) input.setAttribute("aria-invalid", "true");
    });
    if (box) {
      box.textContent = lines.join("\n");
      box.hidden = false;
    } else {
      window.alert(lines.join("\n"));
    }
  }

  // The unmask answers replace the masked lines on the page.
  function show(form, result) {
    var what = form.getAttribute("data-show");
    if (what === "parties") {
      var list = document.querySelector("[data-parties]");
      if (!list) return;
      list.textContent = "";
      (result.parties || []).forEach(function (party) {
        var item = document.createElement("li");
        item.textContent = party.name + " " + (party.phone || "");
        list.appendChild(item);
      });
    } else if (what === "petitioner") {
      var cell = document.querySelector("[data-petitioner]");
      if (cell) cell.textContent = result.petitionerName + " " + (result.petitionerPhone || "");
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("api-form")) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
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
        var next = form.getAttribute("data-redirect");
        if (next) window.location.assign(next.replace("{id}", json.id || ""));
        else window.location.reload();
      });
    }).catch(function () {
      if (button) button.disabled = false;
      showErrors(form, { detail: "网络错误，请重试 / Network error, try again" });
    });
  });
})();
