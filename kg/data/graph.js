/* The kg graph page. Every piece of text from the data is written with textContent,
   never innerHTML: article text may contain markup and must stay text.

   Layout: the view the page opens on is laid out once, then physics stops and every
   node keeps the place it was given (stored in the DataSet as x, y). Filters only hide
   and show nodes; a node drawn for the first time (full view, a search hit) is laid out
   with every placed node held fixed, so nothing already on screen moves. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var INFO = DATA.info;
  var EDGE_INFO = DATA.edgeInfo;
  var DOCS = DATA.documents;
  var STYLE = {};
  DATA.kinds.forEach(function (k) { STYLE[k.kind] = k; });
  var MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  // How many of the most connected nodes keep a label however far out the view is zoomed.
  var HUB_LABELS = 30, HUB_PIXELS = 13;
  // The smallest label, in screen pixels, the view the page opens on draws; it grows labels
  // at most this much to get there, and only on graphs of at most this many nodes drawn.
  var LEGIBLE = 11, MAX_LABEL_GROWTH = 1.6, LEGIBLE_NODES = 200;
  var timing = { start: performance.now() };
  var root = document.documentElement;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function monthIndex(lexical) {
    var parts = String(lexical).split("-");
    return Number(parts[0]) * 12 + (parts.length > 1 ? Number(parts[1]) - 1 : 0);
  }

  function monthName(index) {
    return MONTH_NAMES[index % 12] + " " + Math.floor(index / 12);
  }

  function shortDate(lexical) {
    var parts = String(lexical).split("-");
    if (parts.length === 1) return parts[0];
    var month = MONTH_NAMES[Number(parts[1]) - 1] + " " + parts[0];
    return parts.length === 3 ? Number(parts[2]) + " " + month : month;
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
    document.getElementById("kg-summary").textContent = parts.join(" \u00b7 ");
    if (m.reduced) {
      var note = document.getElementById("kg-reduced");
      note.textContent = "Large graph: showing the " + m.coreNodes + " most connected people and events. " +
        "Search still finds every node; \u201cShow all people and events\u201d draws them all (slow).";
      note.hidden = false;
      document.getElementById("kg-show-all").hidden = false;
    }
  })();

  /* ---------- the time axis: each event's span in months ---------- */
  var TIMELINE = DATA.meta.timeline || {};
  var FIRST = TIMELINE.first ? monthIndex(TIMELINE.first) : 0;
  var LAST = TIMELINE.last ? monthIndex(TIMELINE.last) : 0;
  var SPAN = {};
  Object.keys(INFO).forEach(function (id) {
    var info = INFO[id];
    if (!info.event || !info.date) return;
    var start = monthIndex(info.date);
    SPAN[id] = [start, info.date.length === 4 ? start + 11 : start];
  });

  /* ---------- state and filtering ---------- */
  var state = {
    kinds: new Set(DATA.kinds.map(function (k) { return k.kind; })),
    statuses: new Set(DATA.statuses),
    doc: "",
    hideEvents: false,
    full: false,
    reduced: DATA.meta.reduced,
    from: FIRST,
    to: LAST,
    undated: true,
    pinned: new Set(),
    focus: null
  };
  var visible = new Set();

  function nodeShown(id) {
    if (state.pinned.has(id)) return true;
    var info = INFO[id];
    if (!state.kinds.has(info.kind)) return false;
    if (info.event && state.hideEvents) return false;
    if (info.status && !state.statuses.has(info.status)) return false;
    if (state.doc !== "" && info.docs.indexOf(Number(state.doc)) < 0) return false;
    if (!state.full && (!info.people || (state.reduced && !info.core))) return false;
    if (info.event) {
      var span = SPAN[id];
      if (!span) return state.undated;
      if (span[1] < state.from || span[0] > state.to) return false;
    }
    return true;
  }

  function edgeShown(e) {
    if (!visible.has(e.from) || !visible.has(e.to)) return false;
    if (e.projected) return state.hideEvents;
    return state.full || Boolean(EDGE_INFO[e.id] && EDGE_INFO[e.id].people) ||
      state.pinned.has(e.from) || state.pinned.has(e.to);
  }

  function computeVisible() {
    visible = new Set();
    DATA.nodes.forEach(function (n) { if (nodeShown(n.id)) visible.add(n.id); });
  }
  computeVisible();

  var nodes = new vis.DataSet(DATA.nodes);
  var allEdges = new vis.DataSet(DATA.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(allEdges, { filter: edgeShown });
  var graphEdges = new vis.DataView(allEdges, { filter: function (e) { return !e.projected; } });

  // Neighbours over the graph's own edges, to seed where a newly drawn node goes.
  var NEIGHBOURS = {};
  DATA.edges.forEach(function (e) {
    if (e.projected) return;
    (NEIGHBOURS[e.from] = NEIGHBOURS[e.from] || []).push(e.to);
    (NEIGHBOURS[e.to] = NEIGHBOURS[e.to] || []).push(e.from);
  });
  var ORIGINAL = { nodes: {}, edges: {} };
  DATA.nodes.forEach(function (n) { ORIGINAL.nodes[n.id] = n; });
  DATA.edges.forEach(function (e) { ORIGINAL.edges[e.id] = e; });

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  var loading = document.getElementById("kg-loading");
  var tooltip = document.getElementById("kg-tooltip");
  var placed = {};
  var laying = null;   // the nodes held fixed while new ones are laid out
  var settled = [];    // what waits for the layout to finish

  function hideTooltip() { tooltip.hidden = true; }

  function whenSettled(fn) {
    if (laying) settled.push(fn); else fn();
  }

  /* Where every drawn node now is becomes where it stays. */
  function keepPlaces(ids) {
    var positions = network.getPositions(ids);
    var updates = [];
    Object.keys(positions).forEach(function (id) {
      placed[id] = positions[id];
      updates.push({ id: id, x: positions[id].x, y: positions[id].y });
    });
    nodes.update(updates);
  }

  function physicsOff() {
    network.setOptions({ physics: { enabled: false } });
    loading.hidden = true;
    var fixed = laying;
    laying = null;
    keepPlaces(nodeView.getIds());
    if (fixed && fixed.length) nodes.update(fixed.map(function (id) { return { id: id, fixed: false }; }));
    showDrawn();
    var waiting = settled;
    settled = [];
    waiting.forEach(function (fn) { fn(); });
    if (!timing.stabilized) {
      legible();
      timing.stabilized = performance.now();
      openFromHash();
      root.setAttribute("data-kg-ready", "1");
    }
  }
  network.once("afterDrawing", function () { timing.firstDraw = performance.now(); });
  network.on("stabilizationProgress", function (p) {
    loading.hidden = false;
    loading.textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.on("startStabilizing", hideTooltip);
  network.on("stabilizationIterationsDone", physicsOff);
  laying = [];
  if (nodeView.length === 0) physicsOff();

  /* Labels at fit-to-screen no smaller than LEGIBLE px where the graph is small enough for
     all of them to show (a large one keeps its hubs' labels, below). */
  function legible() {
    var label = DATA.options.nodes.scaling.label;
    var grow = Math.min(MAX_LABEL_GROWTH, LEGIBLE / (label.min * network.getScale()));
    if (grow > 1 && nodeView.length <= LEGIBLE_NODES) {
      // Per node: vis-network sizes a drawn node's label by the options it was made with.
      var scaling = { label: { min: label.min * grow, max: label.max * grow } };
      nodes.update(nodes.getIds().map(function (id) { return { id: id, scaling: scaling }; }));
      network.fit();
    }
  }

  /* New nodes start beside a placed neighbour, then settle with every placed node fixed. */
  function layOut(fresh) {
    var seeds = fresh.map(function (id, i) {
      var near = (NEIGHBOURS[id] || []).filter(function (n) { return placed[n]; });
      var x = 0, y = 0;
      near.forEach(function (n) { x += placed[n].x; y += placed[n].y; });
      if (near.length) { x /= near.length; y /= near.length; }
      var angle = i * 2.39996, radius = near.length ? 60 : 40 * Math.sqrt(i + 1);
      return { id: id, x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) };
    });
    nodes.update(seeds);
    return seeds;
  }

  function showDrawn() {
    var drawn = document.getElementById("kg-drawn");
    drawn.textContent = "Drawn: " + nodeView.length + " nodes, " + edgeView.length + " edges";
    root.setAttribute("data-kg-nodes-drawn", String(nodeView.length));
    root.setAttribute("data-kg-edges-drawn", String(edgeView.length));
    pickHubs();
  }

  function refresh() {
    hideTooltip();
    computeVisible();
    var fresh = [];
    visible.forEach(function (id) { if (!placed[id]) fresh.push(id); });
    if (fresh.length) layOut(fresh);
    nodeView.refresh();
    edgeView.refresh();
    if (fresh.length && !laying) {
      var keep = nodeView.getIds().filter(function (id) { return placed[id]; });
      laying = keep;
      nodes.update(keep.map(function (id) { return { id: id, fixed: true }; }));
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(DATA.options.physics.stabilization.iterations);
    }
    applyFocus();
    showDrawn();
  }

  /* ---------- labels: the most connected nodes keep theirs at any zoom ---------- */
  var hubs = [];
  function pickHubs() {
    hubs = nodeView.getIds().sort(function (a, b) { return INFO[b].degree - INFO[a].degree; })
      .slice(0, HUB_LABELS);
  }
  var threshold = DATA.options.nodes.scaling.label.drawThreshold;

  /* The drawn nodes whose labels show at the present zoom at least `pixels` high (by
     default: at all): vis-network's own, or a hub's. */
  function labelled(pixels) {
    var least = pixels || threshold - 1;
    var scale = network.getScale();
    var hubSet = new Set(hubs);
    return nodeView.getIds().filter(function (id) {
      var node = network.body.nodes[id];
      var size = node ? node.labelModule.fontOptions.size * scale : 0;
      return size >= least || (hubSet.has(id) && size < threshold - 1 && HUB_PIXELS >= least);
    });
  }
  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale();
    var size = HUB_PIXELS / scale;
    ctx.save();
    ctx.font = size + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineWidth = 4 / scale;
    ctx.strokeStyle = "#ffffff";
    hubs.forEach(function (id) {
      var node = network.body.nodes[id];
      if (!node || !node.labelModule) return;
      // vis-network leaves out labels it would draw smaller than its threshold.
      if (node.labelModule.fontOptions.size * scale >= threshold - 1) return;
      var text = String(node.options.label || "").split("\n")[0];
      var y = node.y + (node.shape.height || 2 * (node.shape.radius || 10)) / 2 + 2 / scale;
      ctx.fillStyle = state.focus && dimmed.nodes.has(id) ? "rgba(60,60,60,0.25)" : "#1d1d1d";
      ctx.strokeText(text, node.x, y);
      ctx.fillText(text, node.x, y);
    });
    ctx.restore();
  });

  /* ---------- focus: a node's neighbourhood stays, the rest fades ---------- */
  var dimmed = { nodes: new Set(), edges: new Set() };
  var DIM_TEXT = "rgba(80,80,80,0.25)";

  function neighbourhood(id) {
    var hood = new Set([id]);
    network.getConnectedNodes(id).forEach(function (n) {
      hood.add(n);
      // Through an event to the others who took part in it.
      if (INFO[n] && INFO[n].event && !INFO[id].event) {
        network.getConnectedNodes(n).forEach(function (m) { hood.add(m); });
      }
    });
    return hood;
  }

  function applyFocus() {
    var hood = state.focus && visible.has(state.focus) ? neighbourhood(state.focus) : null;
    var wantNodes = new Set(), wantEdges = new Set();
    if (hood) {
      nodeView.getIds().forEach(function (id) { if (!hood.has(id)) wantNodes.add(id); });
      edgeView.get().forEach(function (e) { if (!hood.has(e.from) || !hood.has(e.to)) wantEdges.add(e.id); });
    }
    var nodeUpdates = [], edgeUpdates = [];
    dimmed.nodes.forEach(function (id) {
      if (wantNodes.has(id)) return;
      var font = ORIGINAL.nodes[id].font || { color: DATA.options.nodes.font.color };
      nodeUpdates.push({ id: id, opacity: 1, font: font });
    });
    wantNodes.forEach(function (id) {
      if (dimmed.nodes.has(id)) return;
      var font = Object.assign({}, ORIGINAL.nodes[id].font || {}, { color: DIM_TEXT });
      nodeUpdates.push({ id: id, opacity: 0.15, font: font });
    });
    dimmed.edges.forEach(function (id) {
      if (wantEdges.has(id)) return;
      var e = ORIGINAL.edges[id];
      edgeUpdates.push({ id: id, color: e.color, font: e.font || { color: DATA.options.edges.font.color } });
    });
    wantEdges.forEach(function (id) {
      if (dimmed.edges.has(id)) return;
      var e = ORIGINAL.edges[id];
      var colour = (e.color && e.color.color) || "#8a8a8a";
      edgeUpdates.push({ id: id, color: { color: colour, opacity: 0.08 },
                         font: Object.assign({}, e.font || {}, { color: DIM_TEXT }) });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) allEdges.update(edgeUpdates);
    dimmed = { nodes: wantNodes, edges: wantEdges };
    root.setAttribute("data-kg-focus", hood ? state.focus : "");
  }

  function resolveId(text) {
    if (INFO[text]) return text;
    var ids = Object.keys(INFO);
    for (var i = 0; i < ids.length; i++) {
      if (ids[i].slice(-text.length - 1) === "/" + text) return ids[i];
    }
    return null;
  }

  /* Show a node, its neighbourhood lit, its panel open; drawn first if it was not. */
  function focus(id, zoom) {
    id = resolveId(id);
    if (!id) return;
    hideTooltip();
    if (!visible.has(id)) {
      state.pinned.add(id);
      refresh();
    }
    whenSettled(function () {
      state.focus = id;
      applyFocus();
      network.selectNodes([id]);
      if (zoom !== false) network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
      showNode(id);
    });
  }

  function unfocus() {
    state.focus = null;
    applyFocus();
  }

  function hashId() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (err) { return ""; }
  }

  function openFromHash() {
    var id = hashId();
    if (id) focus(id); else unfocus();
  }
  window.addEventListener("hashchange", openFromHash);

  function setHash(id) {
    history.replaceState(null, "", id ? "#" + encodeURIComponent(id) : location.pathname + location.search);
  }

  /* ---------- legend: one colour and shape per kind, doubling as the kind filter ---------- */
  var SVG = "http://www.w3.org/2000/svg";
  function svgElement(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (a) { node.setAttribute(a, attributes[a]); });
    return node;
  }

  function swatch(kind) {
    var s = STYLE[kind];
    var svg = svgElement("svg", { width: "18", height: "18", viewBox: "0 0 18 18" });
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
    var shape = svgElement(spec[0], spec[1]);
    shape.setAttribute("fill", s.colour);
    svg.appendChild(shape);
    return svg;
  }

  function checkbox(attribute, value, onChange) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute(attribute, value);
    box.addEventListener("change", function () { onChange(box.checked); refresh(); });
    return box;
  }

  var legend = document.getElementById("kg-legend");
  DATA.kinds.forEach(function (k) {
    var li = el("li");
    var label = el("label", null, "kg-toggle");
    label.appendChild(checkbox("data-kind", k.kind, function (on) {
      if (on) state.kinds.add(k.kind); else state.kinds.delete(k.kind);
    }));
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
    label.appendChild(checkbox("data-status", s, function (on) {
      if (on) state.statuses.add(s); else state.statuses.delete(s);
    }));
    label.appendChild(el("span", s));
    li.appendChild(label);
    statuses.appendChild(li);
  });

  var article = document.getElementById("kg-article");
  DOCS.forEach(function (d, i) {
    var title = d.title || d.id;
    var option = el("option", d.published ? title + " (" + d.published + ")" : title);
    option.value = String(i);
    article.appendChild(option);
  });
  article.addEventListener("change", function () { state.doc = article.value; refresh(); });

  document.getElementById("kg-hide-events").addEventListener("change", function (e) {
    state.hideEvents = e.target.checked;
    refresh();
  });
  document.getElementById("kg-full-view").addEventListener("change", function (e) {
    state.full = e.target.checked;
    refresh();
  });
  document.getElementById("kg-show-all").addEventListener("click", function (e) {
    state.reduced = false;
    e.target.hidden = true;
    document.getElementById("kg-reduced").textContent = "Showing every person and event.";
    refresh();
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit(); });

  /* ---------- the time axis: a month range and the undated events' toggle ---------- */
  var fromInput = document.getElementById("kg-from");
  var toInput = document.getElementById("kg-to");
  var rangeText = document.getElementById("kg-range");
  var strip = document.getElementById("kg-strip");
  var undatedBox = document.getElementById("kg-undated");
  var months = LAST - FIRST + 1;
  var perMonth = [];
  (function timeAxis() {
    document.getElementById("kg-undated-label").textContent =
      "Undated events (" + (TIMELINE.undated || 0) + ")";
    if (!TIMELINE.first) {
      document.getElementById("kg-time").hidden = true;
      return;
    }
    [fromInput, toInput].forEach(function (input) {
      input.max = String(months - 1);
    });
    fromInput.value = "0";
    toInput.value = String(months - 1);
    for (var i = 0; i < months; i++) perMonth.push(0);
    Object.keys(SPAN).forEach(function (id) {
      for (var m = SPAN[id][0]; m <= SPAN[id][1]; m++) perMonth[m - FIRST] += 1;
    });
    var most = Math.max.apply(null, perMonth.concat([1]));
    strip.setAttribute("viewBox", "0 0 " + months + " 28");
    perMonth.forEach(function (count, i) {
      if (!count) return;
      var height = Math.max(2, 28 * count / most);
      var bar = svgElement("rect", { x: i + 0.1, y: 28 - height, width: 0.8, height: height });
      bar.appendChild(svgElement("title", {})).textContent = monthName(FIRST + i) + ": " + count;
      strip.appendChild(bar);
    });
  })();

  function showRange() {
    rangeText.textContent = state.from === state.to ? monthName(state.from)
      : monthName(state.from) + " \u2013 " + monthName(state.to);
    Array.prototype.forEach.call(strip.querySelectorAll("rect"), function (bar) {
      var month = FIRST + Math.floor(Number(bar.getAttribute("x")));
      bar.setAttribute("class", month < state.from || month > state.to ? "kg-out" : "");
    });
  }

  function moveRange(source) {
    var from = Number(fromInput.value), to = Number(toInput.value);
    if (from > to) {
      if (source === fromInput) to = from; else from = to;
      fromInput.value = String(from);
      toInput.value = String(to);
    }
    state.from = FIRST + from;
    state.to = FIRST + to;
    showRange();
    refresh();
  }
  fromInput.addEventListener("input", function () { moveRange(fromInput); });
  toInput.addEventListener("input", function () { moveRange(toInput); });
  undatedBox.addEventListener("change", function () { state.undated = undatedBox.checked; refresh(); });
  if (TIMELINE.first) showRange();

  /* ---------- details panel ---------- */
  var panel = document.getElementById("kg-panel");

  function nodeLink(id) {
    var a = el("a", INFO[id] ? INFO[id].name : id);
    a.href = "#" + encodeURIComponent(id);
    a.setAttribute("data-node", id);
    return a;
  }

  /* An article as cited: its title (or, untitled, its id), date and source link; the
     title is left out where it is written beside the citation already. */
  function citation(index, untitled) {
    var doc = DOCS[index];
    var cite = el("cite");
    if (!doc) { cite.textContent = "unknown article"; return cite; }
    var facts = untitled ? [] : [doc.title || doc.id];
    if (doc.published) facts.push(shortDate(doc.published));
    cite.appendChild(document.createTextNode(facts.join(" \u00b7 ")));
    // Only a web address is a link: a "javascript:" url from the metadata must not run.
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      if (facts.length) cite.appendChild(document.createTextNode(" \u00b7 "));
      var a = el("a", "source");
      a.href = doc.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      cite.appendChild(a);
    }
    return cite;
  }

  function marked(text, marks) {
    var quote = el("blockquote");
    var at = 0;
    for (var i = 0; i + 1 < marks.length; i += 2) {
      quote.appendChild(document.createTextNode(text.slice(at, marks[i])));
      quote.appendChild(el("mark", text.slice(marks[i], marks[i + 1])));
      at = marks[i + 1];
    }
    quote.appendChild(document.createTextNode(text.slice(at)));
    return quote;
  }

  /* Sentences under their article, cited once: title, date and source link. */
  function evidenceList(items, more) {
    var wrap = el("section");
    var total = items.length + more;
    wrap.appendChild(el("h3", "Evidence (" + total + (total === 1 ? " sentence)" : " sentences)")));
    if (!total) wrap.appendChild(el("p", "No sentence of the articles names both ends.", "kg-muted"));
    var list = null, doc = null;
    items.forEach(function (item) {
      if (list === null || item[0] !== doc) {
        doc = item[0];
        var source = el("div", null, "kg-source");
        source.appendChild(citation(doc));
        wrap.appendChild(source);
        list = el("ol", null, "kg-evidence");
        wrap.appendChild(list);
      }
      var li = el("li");
      li.appendChild(marked(item[1], item[2] || []));
      list.appendChild(li);
    });
    if (more > 0) wrap.appendChild(el("p", "\u2026 and " + more + " more.", "kg-muted"));
    return wrap;
  }

  function row(dl, term, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", term));
    var dd = el("dd");
    if (Array.isArray(value)) {
      value.forEach(function (id, i) {
        if (i) dd.appendChild(document.createTextNode("; "));
        dd.appendChild(nodeLink(id));
      });
    } else {
      dd.textContent = String(value);
    }
    dl.appendChild(dd);
  }

  function links(title, ids) {
    var wrap = el("section");
    wrap.appendChild(el("h3", title + " (" + ids.length + ")"));
    var list = el("ul", null, "kg-links");
    ids.forEach(function (id) {
      var li = el("li");
      li.appendChild(nodeLink(id));
      list.appendChild(li);
    });
    wrap.appendChild(list);
    return wrap;
  }

  function articles(indices) {
    var wrap = el("section");
    wrap.appendChild(el("h3", "Articles (" + indices.length + ")"));
    var list = el("ul", null, "kg-links");
    indices.forEach(function (i) {
      var li = el("li");
      var button = el("button", DOCS[i].title || DOCS[i].id, "kg-article");
      button.type = "button";
      button.title = "Show only what this article tells";
      button.addEventListener("click", function () {
        article.value = String(i);
        state.doc = article.value;
        refresh();
      });
      li.appendChild(button);
      li.appendChild(citation(i, true));
      list.appendChild(li);
    });
    wrap.appendChild(list);
    return wrap;
  }

  function showNode(id) {
    var info = INFO[id];
    if (!info) return;
    var style = STYLE[info.kind] || { colour: "#999", name: info.kind };
    panel.replaceChildren();
    panel.removeAttribute("data-edge");
    panel.setAttribute("data-node", id);
    var kind = el("span", style.name, "kg-kind");
    kind.style.background = style.colour;
    panel.appendChild(kind);
    panel.appendChild(el("h2", info.name));
    var dl = el("dl");
    var f = info.facts;
    if (info.aliases.length) {
      dl.appendChild(el("dt", "Aliases"));
      dl.appendChild(el("dd", info.aliases.join("; ")));
    }
    row(dl, "Date", info.date ? shortDate(info.date) + " (" + info.date + ")" : undefined);
    row(dl, "Status", info.status);
    row(dl, "Place", f.place);
    row(dl, "Participants", f.participants);
    row(dl, "Traveller", f.traveller);
    row(dl, "Destination", f.destination);
    row(dl, "Issues", f.issues);
    row(dl, "Mode", info.mode);
    row(dl, "Offices", f.offices);
    row(dl, "Former offices", f["former offices"]);
    row(dl, "Held by", f["held by"]);
    row(dl, "Formerly held by", f["formerly held by"]);
    row(dl, "Office of", f["office of"]);
    row(dl, "Country", f.country);
    row(dl, "Connections", String(info.degree));
    panel.appendChild(dl);
    if (f.events && f.events.length) panel.appendChild(links("Events", f.events));
    if (info.docs.length) panel.appendChild(articles(info.docs));
    panel.appendChild(evidenceList(info.evidence, info.more));
  }

  function showEdge(id) {
    var edge = allEdges.get(id);
    if (!edge) return;
    panel.replaceChildren();
    panel.removeAttribute("data-node");
    panel.setAttribute("data-edge", id);
    panel.appendChild(el("span", "Relation", "kg-kind")).style.background = "#777";
    var info = EDGE_INFO[id];
    var heading = el("h2");
    heading.appendChild(nodeLink(edge.from));
    heading.appendChild(document.createTextNode(" \u2192 " + (info ? info.relation : edge.label).replace(/_/g, " ") +
                                                " \u2192 "));
    heading.appendChild(nodeLink(edge.to));
    panel.appendChild(heading);
    if (info) {
      // Picked sentences are the source node's, written once for both.
      var items = info.picks ? info.picks.map(function (pick) {
        var sentence = INFO[edge.from].evidence[pick[0]];
        return [sentence[0], sentence[1], pick[1]];
      }) : info.evidence;
      panel.appendChild(evidenceList(items, info.more || 0));
    } else {
      panel.appendChild(el("p", "Stands for an event; show events to see it and its evidence.", "kg-muted"));
    }
  }

  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) {
      setHash(params.nodes[0]);
      focus(params.nodes[0], false);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      setHash("");
      unfocus();
    }
  });

  /* ---------- hover tooltip ---------- */
  network.on("hoverNode", function (params) {
    var info = INFO[params.node];
    tooltip.replaceChildren();
    tooltip.appendChild(el("strong", info.event ? String(nodes.get(params.node).label).replace("\n", " \u00b7 ")
                                                : info.name));
    var sub = (STYLE[info.kind] || { name: info.kind }).name;
    if (info.date) sub += " \u00b7 " + shortDate(info.date);
    if (info.status) sub += " \u00b7 " + info.status;
    if (info.aliases.length) sub += " \u00b7 also: " + info.aliases.slice(0, 4).join(", ");
    tooltip.appendChild(el("div", sub, "kg-muted"));
    tooltip.style.left = (params.pointer.DOM.x + 14) + "px";
    tooltip.style.top = (params.pointer.DOM.y + 14) + "px";
    tooltip.hidden = false;
  });
  network.on("blurNode", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

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
      button.addEventListener("click", function () { setHash(hit.id); focus(hit.id); });
      li.appendChild(button);
      results.appendChild(li);
    });
  }
  searchBox.addEventListener("input", renderResults);
  searchBox.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var hits = search(searchBox.value);
      if (hits.length) { setHash(hits[0].id); focus(hits[0].id); }
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
    showNode: showNode,
    showEdge: showEdge,
    settled: function () { return laying === null; },
    labelled: labelled
  };
})();
