// The report's print button (a PDF is one "save as PDF" away in the print dialog).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('dash-print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
});
