// Lianxin — small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  document.addEventListener("submit", (event) => {
    const form = event.target;
    const question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // A refused form: the first problem (the message at the top of the form or beside a field) is
  // brought into view and its field focused, so a phone user does not have to look for it.
  const problem = document.querySelector(".form-error") || document.querySelector("form .field-error") ||
    document.querySelector(".alert.error[role=alert]");
  if (problem) {
    problem.scrollIntoView({ block: "center" });
    const field = problem.closest("form") && problem.closest("form").querySelector("[aria-invalid=true]");
    if (field) field.focus({ preventScroll: true });
  }

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
