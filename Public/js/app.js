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
    const alert = document.querySelector(".alert.error, .form-errors:not([hidden])");
    const target = field || alert;
    if (!target || document.activeElement && document.activeElement !== document.body && !field) return;
    if (!field && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }
  window.lianxinShowFirstProblem = showFirstProblem;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showFirstProblem);
  else showFirstProblem();
})();
