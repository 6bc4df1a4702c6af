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
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenKeys["node:" + n.fk]; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return !hiddenKeys["edge:" + e.fk]; } });
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

  var byText = {};
  Array.prototype.forEach.call(document.querySelectorAll("#search-list option"), function (o) {
    byText[o.value] = o.getAttribute("data-id");
  });
  document.getElementById("search").addEventListener("change", function (ev) {
    var id = byText[ev.target.value];
    if (!id || !nodeView.get(id)) { return; }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 400 } });
    showDetails(nodes.get(id).tip);
  });

  window.cfgraphView = {
    network: network,
    nodeCount: function () { return nodeView.length; },
    edgeCount: function () { return edgeView.length; },
    drawnNodeCount: function () { return Object.keys(network.getPositions()).length; }
  };
}());
