// Lianxin: picking a city asset (部件) on the map of a report form (the desk and the resident's report, issue 21). The assets in scope are
// drawn as dots on our own map; tapping one fills the form's asset code and places the report at the asset, so
// nobody types a code (scanning or typing it stays possible in the field itself).
(function () {
  "use strict";
  const SVGNS = "http://www.w3.org/2000/svg";
  const holder = document.getElementById("asset-pick-markers");
  const form = holder ? holder.closest("form") : null;
  const map = form ? form.querySelector("[data-map]") : null;
  if (!holder || !map) { return; }
  const svg = map.querySelector("svg");
  const code = form.querySelector("[data-asset-code]");
  const chosen = form.querySelector("[data-asset-chosen]");
  const lat = form.querySelector("[data-pick=\"lat\"]");
  const lon = form.querySelector("[data-pick=\"lon\"]");
  const P = { minLon: +map.dataset.minLon, maxLat: +map.dataset.maxLat, scale: +map.dataset.scale, lonFactor: +map.dataset.lonFactor };
  let markers = [];
  try { markers = JSON.parse(holder.dataset.markers || "[]"); } catch (e) { markers = []; }
  const layer = document.createElementNS(SVGNS, "g");
  layer.setAttribute("data-layer", "asset-pick");
  // Large enough to tap at 360 px on a county-wide map (the map also zooms).
  const radius = Math.max(8, +map.dataset.width / 60);

  function choose(marker, dot) {
    code.value = marker.code;
    code.removeAttribute("aria-invalid");
    layer.querySelectorAll(".chosen").forEach((other) => other.classList.remove("chosen"));
    dot.classList.add("chosen");
    const x = +marker.x, y = +marker.y;
    const position = { lon: P.minLon + x / (P.lonFactor * P.scale), lat: P.maxLat - y / P.scale };
    lat.value = position.lat.toFixed(6);
    lon.value = position.lon.toFixed(6);
    if (map.lianxinPin) map.lianxinPin(position.lon, position.lat);
    if (chosen) chosen.textContent = (holder.dataset.chosen || "{label}").split("{label}").join(marker.label);
    form.dispatchEvent(new Event("lianxin:place"));
  }

  markers.forEach((marker) => {
    const dot = document.createElementNS(SVGNS, "circle");
    dot.setAttribute("cx", marker.x);
    dot.setAttribute("cy", marker.y);
    dot.setAttribute("r", radius);
    dot.setAttribute("class", "asset-pick" + (marker.code === code.value ? " chosen" : ""));
    dot.setAttribute("data-asset", marker.code);
    dot.setAttribute("tabindex", "0");
    dot.setAttribute("role", "button");
    dot.setAttribute("aria-label", marker.label);
    const title = document.createElementNS(SVGNS, "title");
    title.textContent = marker.label;
    dot.appendChild(title);
    // The map's own click would pick a bare place; the asset's place is the asset's.
    dot.addEventListener("click", (event) => { event.stopPropagation(); choose(marker, dot); });
    dot.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(marker, dot); }
    });
    layer.appendChild(dot);
  });
  svg.insertBefore(layer, svg.querySelector("[data-layer=\"pin\"]"));
})();
