/* The kg graph page. Every piece of text from the data is written with textContent,
   never innerHTML: article text may contain markup and must stay text. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var INFO = DATA.info;
  var EDGE_INFO = DATA.edgeInfo;
  var DOCS = DATA.documents;
  var STYLE = {};
  DATA.kinds.forEach(function (k) { STYLE[k.kind] = k; });
  var timing = { start: performance.now() };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  /* ---------- header ---------- */
  (function header() {
    var m = DATA.meta;
    var parts = [
      m.articles + (m.articles === 1 ? " article" : " articles"),
      m.people + (m.people === 1 ? " person" : " people"),
      m.events + (m.events === 1 ? " event" : " events"),
      m.nodes + " nodes, " + m.edges + " edges"
    ];
    if (m.dates && m.dates.from) {
      var range = m.dates.from === m.dates.to ? m.dates.from : m.dates.from + " to " + m.dates.to;
      parts.push((m.dates.source === "events" ? "events dated " : "articles published ") + range);
    }
    document.getElementById("kg-summary").textContent = parts.join(" · ");
    if (m.reduced) {
      var note = document.getElementById("kg-reduced");
      note.textContent = "Large graph: showing the " + m.coreNodes + " most connected of " + m.nodes +
        " nodes to keep the page responsive. Search still finds every node; \u201cShow every node\u201d draws them all (slow).";
      note.hidden = false;
      document.getElementById("kg-show-all").hidden = false;
    }
  })();

  /* ---------- state and filtering ---------- */
  var state = {
    kinds: new Set(DATA.kinds.map(function (k) { return k.kind; })),
    statuses: new Set(DATA.statuses),
    doc: "",
    hideEvents: false,
    reduced: DATA.meta.reduced,
    pinned: new Set()
  };
  var visible = new Set();

  function nodeShown(id) {
    if (state.pinned.has(id)) return true;
    var info = INFO[id];
    if (!state.kinds.has(info.kind)) return false;
    if (info.event && state.hideEvents) return false;
    if (info.status && !state.statuses.has(info.status)) return false;
    if (state.doc !== "" && info.docs.indexOf(Number(state.doc)) < 0) return false;
    if (state.reduced && !info.core) return false;
    return true;
  }

  function computeVisible() {
    visible = new Set();
    DATA.nodes.forEach(function (n) { if (nodeShown(n.id)) visible.add(n.id); });
  }
  computeVisible();

  var nodes = new vis.DataSet(DATA.nodes);
  var allEdges = new vis.DataSet(DATA.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(allEdges, {
    filter: function (e) {
      if (!visible.has(e.from) || !visible.has(e.to)) return false;
      return e.projected ? state.hideEvents : true;
    }
  });
  var graphEdges = new vis.DataView(allEdges, { filter: function (e) { return !e.projected; } });

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  var loading = document.getElementById("kg-loading");

  function physicsOff() {
    network.setOptions({ physics: { enabled: false } });
    loading.hidden = true;
    if (!timing.stabilized) {
      timing.stabilized = performance.now();
      document.documentElement.setAttribute("data-kg-ready", "1");
    }
    showDrawn();
  }
  network.once("afterDrawing", function () { timing.firstDraw = performance.now(); });
  network.on("stabilizationProgress", function (p) {
    loading.textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.on("stabilizationIterationsDone", physicsOff);
  if (nodeView.length === 0) physicsOff();

  function showDrawn() {
    var drawn = document.getElementById("kg-drawn");
    drawn.textContent = "Drawn: " + nodeView.length + " nodes, " + edgeView.length + " edges";
    document.documentElement.setAttribute("data-kg-nodes-drawn", String(nodeView.length));
    document.documentElement.setAttribute("data-kg-edges-drawn", String(edgeView.length));
  }

  function refresh() {
    var before = network.getPositions();
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    var added = false;
    nodeView.getIds().forEach(function (id) {
      if (before[id]) network.moveNode(id, before[id].x, before[id].y);
      else added = true;
    });
    showDrawn();
    if (added || state.hideEvents) {
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(DATA.options.physics.stabilization.iterations);
    }
  }

  /* ---------- legend: one colour and shape per kind, doubling as the kind filter ---------- */
  var SVG = "http://www.w3.org/2000/svg";
  function swatch(kind) {
    var s = STYLE[kind];
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("viewBox", "0 0 18 18");
    var shapes = {
      dot: ["circle", { cx: 9, cy: 9, r: 7 }],
      square: ["rect", { x: 2, y: 2, width: 14, height: 14 }],
      hexagon: ["polygon", { points: "9,1 16,5 16,13 9,17 2,13 2,5" }],
      triangle: ["polygon", { points: "9,1 17,16 1,16" }],
      triangleDown: ["polygon", { points: "1,2 17,2 9,17" }],
      star: ["polygon", { points: "9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7" }],
      box: ["rect", { x: 1, y: 4, width: 16, height: 10, rx: 2 }],
      ellipse: ["ellipse", { cx: 9, cy: 9, rx: 8, ry: 5 }],
      diamond: ["polygon", { points: "9,1 17,9 9,17 1,9" }],
      circle: ["circle", { cx: 9, cy: 9, r: 8 }]
    };
    var spec = s.points ? ["polygon", { points: s.points }] : shapes[s.shape] || shapes.dot;
    var shape = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (a) { shape.setAttribute(a, spec[1][a]); });
    shape.setAttribute("fill", s.colour);
    svg.appendChild(shape);
    return svg;
  }

  var legend = document.getElementById("kg-legend");
  DATA.kinds.forEach(function (k) {
    var li = el("li");
    var label = el("label", null, "kg-toggle");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kind", k.kind);
    box.addEventListener("change", function () {
      if (box.checked) state.kinds.add(k.kind); else state.kinds.delete(k.kind);
      refresh();
    });
    label.appendChild(box);
    label.appendChild(swatch(k.kind));
    label.appendChild(el("span", k.name));
    li.appendChild(label);
    li.appendChild(el("span", k.count, "kg-count"));
    legend.appendChild(li);
  });

  var statuses = document.getElementById("kg-statuses");
  if (DATA.statuses.length === 0) statuses.appendChild(el("li", "No events in this graph.", "kg-muted"));
  DATA.statuses.forEach(function (s) {
    var li = el("li");
    var label = el("label", null, "kg-toggle");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-status", s);
    box.addEventListener("change", function () {
      if (box.checked) state.statuses.add(s); else state.statuses.delete(s);
      refresh();
    });
    label.appendChild(box);
    label.appendChild(el("span", s));
    li.appendChild(label);
    statuses.appendChild(li);
  });

  var article = document.getElementById("kg-article");
  DOCS.forEach(function (d, i) {
    var option = el("option", d.published ? d.title + " (" + d.published + ")" : d.title);
    option.value = String(i);
    article.appendChild(option);
  });
  article.addEventListener("change", function () { state.doc = article.value; refresh(); });

  document.getElementById("kg-hide-events").addEventListener("change", function (e) {
    state.hideEvents = e.target.checked;
    refresh();
  });
  document.getElementById("kg-show-all").addEventListener("click", function (e) {
    state.reduced = false;
    e.target.hidden = true;
    document.getElementById("kg-reduced").textContent = "Showing every node (" + DATA.meta.nodes + ").";
    refresh();
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit(); });

  /* ---------- details panel ---------- */
  var panel = document.getElementById("kg-panel");

  function evidenceList(items, more) {
    var wrap = el("section");
    wrap.appendChild(el("h3", "Evidence (" + (items.length + more) + (items.length + more === 1 ? " sentence)" : " sentences)")));
    var list = el("ol", null, "kg-evidence");
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(el("blockquote", item[1]));
      var doc = DOCS[item[0]];
      li.appendChild(el("cite", doc ? doc.title + " \u2014 " + doc.id : "unknown article"));
      list.appendChild(li);
    });
    wrap.appendChild(list);
    if (more > 0) wrap.appendChild(el("p", "\u2026 and " + more + " more.", "kg-muted"));
    return wrap;
  }

  function row(dl, term, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", Array.isArray(value) ? value.join("; ") : value));
  }

  function showNode(id) {
    var info = INFO[id];
    if (!info) return;
    var style = STYLE[info.kind] || { colour: "#999", name: info.kind };
    panel.replaceChildren();
    panel.setAttribute("data-node", id);
    var kind = el("span", style.name, "kg-kind");
    kind.style.background = style.colour;
    panel.appendChild(kind);
    panel.appendChild(el("h2", info.name));
    var dl = el("dl");
    var f = info.facts;
    row(dl, "Aliases", info.aliases);
    row(dl, "Date", info.date ? info.date + (info.date_precision && info.date_precision !== "day" ? " (" + info.date_precision + ")" : "") : undefined);
    row(dl, "Status", info.status);
    row(dl, "Place", f.place);
    row(dl, "Participants", f.participants);
    row(dl, "Traveller", f.traveller);
    row(dl, "Destination", f.destination);
    row(dl, "Issues", f.issues);
    row(dl, "Mode", info.mode);
    row(dl, "Offices", f.offices);
    row(dl, "Held by", f["held by"]);
    row(dl, "Office of", f["office of"]);
    row(dl, "Country", f.country);
    row(dl, "Events", f.events);
    row(dl, "Connections", String(info.degree));
    row(dl, "Articles", info.docs.map(function (i) { return DOCS[i].title; }));
    panel.appendChild(dl);
    panel.appendChild(evidenceList(info.evidence, info.more));
  }

  function showEdge(id) {
    var edge = allEdges.get(id);
    if (!edge) return;
    panel.replaceChildren();
    panel.setAttribute("data-edge", id);
    panel.appendChild(el("span", "Relation", "kg-kind")).style.background = "#777";
    panel.appendChild(el("h2", INFO[edge.from].name + " \u2192 " + edge.label + " \u2192 " + INFO[edge.to].name));
    var info = EDGE_INFO[id];
    if (info) panel.appendChild(evidenceList(info.evidence, info.more));
    else panel.appendChild(el("p", "Stands for an event; show events to see it and its evidence.", "kg-muted"));
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  /* ---------- hover tooltip ---------- */
  var tooltip = document.getElementById("kg-tooltip");
  network.on("hoverNode", function (params) {
    var info = INFO[params.node];
    tooltip.replaceChildren();
    tooltip.appendChild(el("strong", info.name));
    var sub = (STYLE[info.kind] || { name: info.kind }).name;
    if (info.date) sub += " \u00b7 " + info.date;
    if (info.status) sub += " \u00b7 " + info.status;
    if (info.aliases.length) sub += " \u00b7 also: " + info.aliases.slice(0, 4).join(", ");
    tooltip.appendChild(el("div", sub, "kg-muted"));
    tooltip.style.left = (params.pointer.DOM.x + 14) + "px";
    tooltip.style.top = (params.pointer.DOM.y + 14) + "px";
    tooltip.hidden = false;
  });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { tooltip.hidden = true; });

  /* ---------- search by name and alias ---------- */
  var index = DATA.nodes.map(function (n) {
    var info = INFO[n.id];
    return { id: n.id, name: fold(info.name), aliases: info.aliases.map(function (a) { return [fold(a), a]; }) };
  });

  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var hits = [];
    index.forEach(function (entry) {
      var rank = entry.name === q ? 0 : entry.name.indexOf(q) === 0 ? 1 : entry.name.indexOf(q) > 0 ? 2 : -1;
      var via = null;
      entry.aliases.forEach(function (a) {
        var r = a[0] === q ? 1 : a[0].indexOf(q) >= 0 ? 3 : -1;
        if (r >= 0 && (rank < 0 || r < rank)) { rank = r; via = a[1]; }
      });
      if (rank >= 0) hits.push({ id: entry.id, rank: rank, via: via });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || INFO[b.id].degree - INFO[a.id].degree ||
        INFO[a.id].name.localeCompare(INFO[b.id].name);
    });
    return hits.slice(0, 25);
  }

  function focus(id) {
    if (!visible.has(id)) {
      state.pinned.add(id);
      refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    showNode(id);
  }

  var results = document.getElementById("kg-search-results");
  var searchBox = document.getElementById("kg-search");
  function renderResults() {
    results.replaceChildren();
    var hits = search(searchBox.value);
    if (searchBox.value.trim() && !hits.length) results.appendChild(el("li", "No match.", "kg-muted"));
    hits.forEach(function (hit) {
      var li = el("li");
      var button = el("button");
      button.type = "button";
      button.setAttribute("data-node", hit.id);
      button.appendChild(el("span", INFO[hit.id].name));
      var note = (STYLE[INFO[hit.id].kind] || { name: INFO[hit.id].kind }).name;
      if (hit.via) note += " \u00b7 alias \u201c" + hit.via + "\u201d";
      button.appendChild(el("div", note, "kg-alias"));
      button.addEventListener("click", function () { focus(hit.id); });
      li.appendChild(button);
      results.appendChild(li);
    });
  }
  searchBox.addEventListener("input", renderResults);
  searchBox.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var hits = search(searchBox.value);
      if (hits.length) focus(hits[0].id);
    }
  });

  showDrawn();
  window.kgGraph = {
    nodes: nodes,
    edges: graphEdges,
    drawn: { nodes: nodeView, edges: edgeView },
    network: network,
    timing: timing,
    search: search,
    focus: focus,
    showNode: showNode
  };
})();
