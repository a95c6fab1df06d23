// Draws the listed service stations on a small map (positions scaled to the canvas; no tiles from outside).
(function () {
  "use strict";
  function draw() {
    let canvas = document.getElementById("cs-map");
    if (!canvas || !canvas.getContext) { return; }
    let points = Array.prototype.map.call(document.querySelectorAll(".cs-station"), function (card) {
      return { lat: parseFloat(card.dataset.lat), lon: parseFloat(card.dataset.lon), name: (card.querySelector("h2") || {}).textContent || "" };
    }).filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
    let context = canvas.getContext("2d");
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = "#f4f6f8";
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (points.length === 0) { return; }
    let lats = points.map(function (p) { return p.lat; }), lons = points.map(function (p) { return p.lon; });
    let minLat = Math.min.apply(null, lats), maxLat = Math.max.apply(null, lats);
    let minLon = Math.min.apply(null, lons), maxLon = Math.max.apply(null, lons);
    let spanLat = Math.max(maxLat - minLat, 0.002), spanLon = Math.max(maxLon - minLon, 0.002), pad = 40;
    context.font = "13px sans-serif";
    points.forEach(function (p) {
      let x = pad + (p.lon - minLon) / spanLon * (canvas.width - 2 * pad);
      let y = canvas.height - pad - (p.lat - minLat) / spanLat * (canvas.height - 2 * pad);
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
