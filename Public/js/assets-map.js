(function () {
  "use strict";
  // The city assets (部件) as a layer on our own grid map: one dot per asset, coloured by status, linking to its page.
  const SVGNS = "http://www.w3.org/2000/svg";
  const holder = document.getElementById("asset-markers");
  const map = document.querySelector("[data-map]");
  if (!holder || !map) { return; }
  const svg = map.querySelector("svg");
  let markers = [];
  try { markers = JSON.parse(holder.dataset.markers || "[]"); } catch (e) { markers = []; }
  const layer = document.createElementNS(SVGNS, "g");
  layer.setAttribute("data-layer", "assets");
  const radius = Math.max(6, +map.dataset.width / 90);
  markers.forEach((m) => {
    const link = document.createElementNS(SVGNS, "a");
    link.setAttribute("href", "/assets/" + m.id);
    link.setAttribute("aria-label", m.label);
    const dot = document.createElementNS(SVGNS, "circle");
    dot.setAttribute("cx", m.x); dot.setAttribute("cy", m.y); dot.setAttribute("r", radius);
    dot.setAttribute("class", "asset-marker " + m.status);
    const title = document.createElementNS(SVGNS, "title");
    title.textContent = m.label;
    dot.appendChild(title);
    link.appendChild(dot);
    layer.appendChild(link);
  });
  svg.appendChild(layer);
})();
