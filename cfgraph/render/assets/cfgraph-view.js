/* cfgraph view page: draws the network from the JSON in #view-data with vis-network.
   Every text from the data goes into the page through textContent, never as markup. */
(function () {
  "use strict";
  var raw = JSON.parse(document.getElementById("view-data").textContent);
  var hiddenKeys = {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function tipElement(tip) {
    var box = el("div", "tip");
    if (!tip) { return box; }
    box.appendChild(el("div", "tip-title", tip.title));
    if (tip.facts && tip.facts.length) {
      var dl = el("dl");
      tip.facts.forEach(function (f) { dl.appendChild(el("dt", null, f[0])); dl.appendChild(el("dd", null, f[1])); });
      box.appendChild(dl);
    }
    if (tip.quote) { box.appendChild(el("blockquote", null, "\u201c" + tip.quote + "\u201d")); }
    if (tip.source) { box.appendChild(el("div", "tip-source", tip.source)); }
    return box;
  }

  raw.nodes.forEach(function (n) { n.title = tipElement(n.tip); });
  raw.edges.forEach(function (e) { e.title = tipElement(e.tip); });
  var nodes = new vis.DataSet(raw.nodes);
  var edges = new vis.DataSet(raw.edges);
  var nodeKind = {};
  raw.nodes.forEach(function (n) { nodeKind[n.id] = n.fk; });
  function nodeShown(id) { return !hiddenKeys["node:" + nodeKind[id]]; }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeShown(n.id); } });
  /* A link is shown when its kind is and both its ends are, so the counts say what is drawn. */
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return !hiddenKeys["edge:" + e.fk] && nodeShown(e.from) && nodeShown(e.to);
  } });
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, raw.options);
  var loading = document.getElementById("loading");

  function ready() {
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    loading.style.display = "none";
    var focused = (raw.focus || []).filter(function (id) { return nodes.get(id); });
    if (focused.length) {
      network.selectNodes(focused);
      showDetails(nodes.get(focused[0]).tip);
    }
    document.body.setAttribute("data-ready", "1");
  }
  if (raw.options.physics && raw.options.physics.enabled && raw.nodes.length) {
    network.once("stabilizationIterationsDone", ready);
  } else {
    window.setTimeout(ready, 0);
  }

  function showDetails(tip) {
    var box = document.getElementById("details");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.appendChild(tipElement(tip));
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(nodes.get(params.nodes[0]).tip); }
    else if (params.edges.length) { showDetails(edges.get(params.edges[0]).tip); }
  });

  Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (box) {
    box.addEventListener("change", function () {
      hiddenKeys[box.getAttribute("data-target") + ":" + box.getAttribute("data-filter")] = !box.checked;
      nodeView.refresh();
      edgeView.refresh();
      updateCounts();
      network.fit({ animation: false });
    });
  });

  function updateCounts() {
    document.getElementById("counts").textContent =
      nodeView.length + " of " + nodes.length + " nodes, " + edgeView.length + " of " + edges.length + " links";
  }

  document.getElementById("reset").addEventListener("click", function () {
    hiddenKeys = {};
    Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (b) { b.checked = true; });
    nodeView.refresh(); edgeView.refresh(); updateCounts();
    network.unselectAll(); network.fit();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });

  var choices = Array.prototype.map.call(document.querySelectorAll("#search-list option"), function (o) {
    return { text: o.value, lower: o.value.toLowerCase(), id: o.getAttribute("data-id") };
  });
  /* The first drawn node whose name starts with the text, else the first that contains it. */
  function findNode(text) {
    var t = text.trim().toLowerCase();
    if (!t) { return null; }
    var drawn = choices.filter(function (c) { return nodeView.get(c.id); });
    var hit = drawn.filter(function (c) { return c.lower === t; })[0] ||
      drawn.filter(function (c) { return c.lower.indexOf(t) === 0; })[0] ||
      drawn.filter(function (c) { return c.lower.indexOf(t) >= 0; })[0];
    return hit ? hit.id : null;
  }
  var search = document.getElementById("search");
  function goTo() {
    var id = findNode(search.value);
    search.setAttribute("data-found", id ? "1" : "0");
    if (!id) { return; }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 400 } });
    showDetails(nodes.get(id).tip);
  }
  search.addEventListener("change", goTo);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); goTo(); } });

  /* Save the current picture: PNG from the canvas, SVG drawn from the positions. Nothing leaves
     the page: the file is made here and handed to the browser as a download. */
  function fileName(ext) {
    var t = document.getElementById("view-title").textContent.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return (t || "view") + "." + ext;
  }
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function pngBlob(done) {
    var source = container.querySelector("canvas");
    var canvas = document.createElement("canvas");
    canvas.width = source.width; canvas.height = source.height;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    canvas.toBlob(done, "image/png");
  }
  function colourOf(c, fallback) {
    if (!c) { return fallback; }
    return typeof c === "string" ? c : (c.background || c.color || fallback);
  }
  function svgText() {
    var NS = "http://www.w3.org/2000/svg";
    var pos = network.getPositions();
    var ids = nodeView.getIds();
    var xs = ids.map(function (id) { return pos[id].x; }), ys = ids.map(function (id) { return pos[id].y; });
    var pad = 80;
    var minX = Math.min.apply(null, xs.concat([0])) - pad, minY = Math.min.apply(null, ys.concat([0])) - pad;
    var w = Math.max.apply(null, xs.concat([0])) + pad - minX, h = Math.max.apply(null, ys.concat([0])) + pad - minY;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("xmlns", NS);
    svg.setAttribute("viewBox", [minX, minY, w, h].join(" "));
    svg.setAttribute("width", String(Math.round(w)));
    svg.setAttribute("height", String(Math.round(h)));
    var bg = document.createElementNS(NS, "rect");
    bg.setAttribute("x", minX); bg.setAttribute("y", minY); bg.setAttribute("width", w); bg.setAttribute("height", h);
    bg.setAttribute("fill", "#ffffff");
    svg.appendChild(bg);
    edgeView.forEach(function (e) {
      if (!pos[e.from] || !pos[e.to]) { return; }
      var line = document.createElementNS(NS, "line");
      line.setAttribute("x1", pos[e.from].x); line.setAttribute("y1", pos[e.from].y);
      line.setAttribute("x2", pos[e.to].x); line.setAttribute("y2", pos[e.to].y);
      line.setAttribute("stroke", colourOf(e.color, "#999999"));
      line.setAttribute("stroke-width", String(e.width || 1));
      if (e.dashes) { line.setAttribute("stroke-dasharray", "6 4"); }
      var title = document.createElementNS(NS, "title");
      title.textContent = e.tip && e.tip.title ? e.tip.title : "";
      line.appendChild(title);
      svg.appendChild(line);
    });
    nodeView.forEach(function (n) {
      var g = document.createElementNS(NS, "g");
      var dot = document.createElementNS(NS, "circle");
      dot.setAttribute("cx", pos[n.id].x); dot.setAttribute("cy", pos[n.id].y);
      dot.setAttribute("r", String(Math.max(6, (n.size || 12) * 0.8)));
      dot.setAttribute("fill", colourOf(n.color, "#009edb"));
      var label = document.createElementNS(NS, "text");
      label.setAttribute("x", pos[n.id].x); label.setAttribute("y", pos[n.id].y + Math.max(6, (n.size || 12)) + 12);
      label.setAttribute("text-anchor", "middle");
      label.setAttribute("font-family", "DejaVu Sans, Arial, sans-serif");
      label.setAttribute("font-size", "12");
      label.textContent = n.label || "";
      g.appendChild(dot); g.appendChild(label);
      svg.appendChild(g);
    });
    return new XMLSerializer().serializeToString(svg);
  }
  document.getElementById("save-png").addEventListener("click", function () {
    pngBlob(function (blob) { download(blob, fileName("png")); });
  });
  document.getElementById("save-svg").addEventListener("click", function () {
    download(new Blob([svgText()], { type: "image/svg+xml" }), fileName("svg"));
  });

  window.cfgraphView = {
    network: network,
    nodeCount: function () { return nodeView.length; },
    edgeCount: function () { return edgeView.length; },
    drawnNodeCount: function () { return Object.keys(network.getPositions()).length; },
    findNode: findNode,
    svgText: svgText
  };
}());
