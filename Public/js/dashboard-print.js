// The report's print button (a PDF is one "save as PDF" away in the print dialog).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("dash-print");
    if (button) { button.addEventListener("click", () => { window.print(); }); }
  });
})();
