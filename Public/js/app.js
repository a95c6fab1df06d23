// Lianxin — small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  document.addEventListener("submit", (event) => {
    const form = event.target;
    const question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // A form sent back with problems: the first field at fault (or, without one, the refusal) gets the focus and
  // comes into view, also on pages whose fields carry no autofocus.
  function showFirstProblem() {
    const field = document.querySelector("form [aria-invalid=\"true\"]");
    const alert = document.querySelector(".form-error, .alert.error, .form-errors:not([hidden])");
    const target = field || alert;
    if (!target || document.activeElement && document.activeElement !== document.body && !field) return;
    if (!field && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }
  window.lianxinShowFirstProblem = showFirstProblem;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showFirstProblem);
  else showFirstProblem();

  // Division pickers: a search box filters the tree by name; a township's name also finds its communities.
  document.querySelectorAll("[data-division-picker]").forEach((picker) => {
    const search = picker.querySelector("[data-picker-search]");
    const select = picker.querySelector("select");
    if (!search || !select) return;
    search.hidden = false;
    const note = document.createElement("p");
    note.className = "help";
    note.hidden = true;
    note.textContent = picker.getAttribute("data-no-match") || "";
    search.after(note);
    search.addEventListener("input", () => {
      const words = search.value.trim();
      let shown = 0;
      Array.from(select.options).forEach((option) => {
        if (!option.value) return;
        const match = !words || (option.textContent + " " + (option.getAttribute("data-path") || "")).includes(words);
        option.hidden = !match;
        if (match) shown += 1;
      });
      select.size = words ? Math.max(2, Math.min(8, shown + 1)) : 0;
      note.hidden = !(words && shown === 0);
    });
  });
})();
