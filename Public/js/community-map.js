// Draws the listed service stations on a small map (positions scaled to the canvas; no tiles from outside).
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("cs-map");
    if (!canvas || !canvas.getContext) { return; }
    var points = Array.prototype.map.call(document.querySelectorAll(".cs-station"), function (card) {
      return { lat: parseFloat(card.dataset.lat), lon: parseFloat(card.dataset.lon), name: (card.querySelector("h2") || {}).textContent || "" };
    }).filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
    var context = canvas.getContext("2d");
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = "#f4f6f8";
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (points.length === 0) { return; }
    var lats = points.map(function (p) { return p.lat; }), lons = points.map(function (p) { return p.lon; });
    var minLat = Math.min.apply(null, lats), maxLat = Math.max.apply(null, lats);
    var minLon = Math.min.apply(null, lons), maxLon = Math.max.apply(null, lons);
    var spanLat = Math.max(maxLat - minLat, 0.002), spanLon = Math.max(maxLon - minLon, 0.002), pad = 40;
    context.font = "13px sans-serif";
    points.forEach(function (p) {
      var x = pad + (p.lon - minLon) / spanLon * (canvas.width - 2 * pad);
      var y = canvas.height - pad - (p.lat - minLat) / spanLat * (canvas.height - 2 * pad);
      context.fillStyle = "#c62828";
      context.beginPath();
      context.arc(x, y, 6, 0, 2 * Math.PI);
      context.fill();
      context.fillStyle = "#1f2933";
      context.fillText(p.name, x + 9, y + 4);
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
