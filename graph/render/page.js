// The page's behaviour. Every text from the dataset is shown with textContent
// (or drawn on the canvas), never parsed as HTML. `network`, `nodes` and
// `edges` stay page globals, as in pyvis pages, so the page can be scripted;
// `graphView` holds the page's own state and actions (docs/page.md).
"use strict";

var network, nodes, edges, graphView;

(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const meta = data.meta;
  const $ = (id) => document.getElementById(id);
  const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  const INK = dark ? "#e8e8e8" : "#222222";
  const PAPER = dark ? "#1b1d21" : "#fcfcfc";
  const EDGE_INK = dark ? "#c8c8c8" : "#555555";

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = String(text);
    return made;
  }
  function button(text, label, action) {
    const made = element("button", null, text);
    made.type = "button";
    if (label) made.setAttribute("aria-label", label);
    made.addEventListener("click", action);
    return made;
  }
  const plural = (count, one, many) => count.toLocaleString("en") + " " + (count === 1 ? one : many);

  // -- lookups ------------------------------------------------------------------
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const edgeById = new Map(data.edges.map((edge) => [edge.id, edge]));
  const nameOf = (id) => (byId.has(id) ? byId.get(id).name : id);
  const position = (edge) => Number(edge.id.slice(1)); // r12 -> 12, the file order
  const touching = new Map(data.nodes.map((node) => [node.id, []]));
  for (const edge of data.edges) {
    touching.get(edge.from).push(edge);
    if (edge.to !== edge.from) touching.get(edge.to).push(edge);
  }
  const dateStart = new Map(data.dates.map((stop) => [stop.date, stop.start]));

  // -- heading ---------------------------------------------------------------
  document.title = meta.title;
  $("title").textContent = meta.title;
  function heading(shownActors, shownRelations) {
    const facts = ["Dataset: " + meta.dataset];
    const filtered = shownActors !== data.nodes.length || shownRelations !== data.edges.length;
    facts.push(
      plural(shownActors, "actor", "actors") + (filtered ? " of " + data.nodes.length.toLocaleString("en") : "")
    );
    facts.push(
      plural(shownRelations, "relation", "relations") +
        (filtered ? " of " + data.edges.length.toLocaleString("en") : "") +
        (filtered ? " shown" : "")
    );
    if (meta.focus) {
      const steps = meta.focus.depth === 1 ? " relation" : " relations";
      facts.push("within " + meta.focus.depth + steps + " of " + meta.focus.name);
    }
    if (meta.path) {
      facts.push(
        meta.path.count
          ? "highlighted: " + meta.path.count + " shortest path(s) of " + meta.path.hops +
              " hop(s) from " + meta.path.source + " to " + meta.path.target
          : "no path from " + meta.path.source + " to " + meta.path.target
      );
    }
    if (meta.colorBy !== "kind") facts.push("colours: " + meta.colorBy);
    $("subtitle").textContent = facts.join(" · ");
  }
  if (meta.omitted) {
    const o = meta.omitted;
    $("omitted").textContent =
      "Too large to draw whole: the " + data.nodes.length.toLocaleString("en") +
      " most important of " + o.totalActors.toLocaleString("en") + " actors (by " + meta.sizeBy +
      ") and " + data.edges.length.toLocaleString("en") + " of " + o.totalRelations.toLocaleString("en") +
      " relations are drawn; " + plural(o.actors, "actor", "actors") + " and " +
      plural(o.relations, "relation", "relations") + " are left out. Use --max-actors N or --focus ACTOR.";
  }
  // Sources fold after the first few: a corpus has hundreds of documents.
  const sources = $("sources");
  const SOURCES_SHOWN = 3;
  const describe = (d) => d.key + " (" + d.file + ")";
  if (!meta.documents.length) {
    sources.textContent = "Sources: none declared (evidence quotes not checked against documents)";
  } else {
    sources.append("Sources: " + meta.documents.slice(0, SOURCES_SHOWN).map(describe).join(", "));
    if (meta.documents.length > SOURCES_SHOWN) {
      const more = element("details");
      more.append(
        element("summary", null, "and " + (meta.documents.length - SOURCES_SHOWN) + " more"),
        element("span", null, meta.documents.slice(SOURCES_SHOWN).map(describe).join(", "))
      );
      sources.append(" ", more);
    }
  }
  $("size-by").textContent = meta.sizeBy + " centrality";

  // -- tooltips: a short preview; the details panel holds the evidence -----------
  function tooltip(lines) {
    const box = element("div", "tip");
    for (const [className, text] of lines) {
      if (text !== undefined && text !== null && text !== "") box.appendChild(element("div", className, text));
    }
    return box;
  }
  function nodeTooltip(node) {
    return tooltip([
      ["heading", node.name],
      ["meta", "kind: " + node.kind],
      ["description", node.description],
      ["meta", node.aliases.length ? "also called: " + node.aliases.join(", ") : ""],
      ["meta", meta.sizeBy + " centrality " + node.score + (node.rank ? " (rank " + node.rank + ")" : "")],
      ["meta", "click for every relation and quote"],
    ]);
  }
  function edgeTooltip(edge) {
    const arrow = edge.symmetric ? " ↔ " : " → ";
    return tooltip([
      ["heading", nameOf(edge.from) + arrow + nameOf(edge.to)],
      ["meta", edge.type + " (" + edge.sign + (edge.symmetric ? ", both ways" : "") + ")"],
      ["meta", edge.date ? "date: " + edge.date : "undated"],
      ["quote", edge.evidence],
      ["meta", edge.document ? "source: " + edge.document : ""],
      ["meta", edge.weight !== 1 ? "weight: " + edge.weight : ""],
      ["meta", edge.frustrated ? "frustrated: goes against the camps" : ""],
    ]);
  }

  // Physics lays nodes out at one size, so positions never depend on --size-by;
  // the real sizes are set once the layout has settled.
  const MID_SIZE = 25;
  nodes = new vis.DataSet(
    data.nodes.map((node) =>
      Object.assign(
        {},
        node,
        { title: nodeTooltip(node) },
        meta.physics ? { size: MID_SIZE } : {},
        // Dark kind colours would sink into a dark page: a light rim keeps every shape seen.
        dark ? { color: { background: node.color, border: "#b8b8b8", highlight: { background: node.color, border: "#ffffff" } } } : {}
      )
    )
  );
  edges = new vis.DataSet(data.edges.map((edge) => Object.assign({}, edge, { title: edgeTooltip(edge) })));

  // -- the network; events are bound before the data arrives, so none is missed --
  const status = $("status");
  const container = $("mynetwork");
  const options = data.options;
  options.nodes.font = Object.assign({}, options.nodes.font, {
    color: INK,
    strokeColor: PAPER,
  });
  options.edges.font = Object.assign({}, options.edges.font, { color: EDGE_INK, strokeColor: PAPER });
  options.interaction.keyboard = { enabled: true, bindToWindow: false, autoFocus: false };
  let ready = false;
  function stable() {
    status.textContent = "";
    ready = true;
    applyFragment();
    window.graphStable = true;
    document.dispatchEvent(new CustomEvent("graph-stable"));
  }
  // vis-network measures a label where it draws it: the view is fitted after
  // the first frame with the final positions, and the page is stable once the
  // fitted frame is drawn.
  function fitOnceDrawn() {
    network.once("afterDrawing", () => {
      network.once("afterDrawing", stable);
      network.fit();
    });
  }
  network = new vis.Network(container, {}, options);
  if (data.nodes.length === 0) {
    status.textContent = "No actors to draw.";
    stable();
  } else if (meta.physics) {
    status.textContent = "Laying out the graph…";
    network.on("stabilizationProgress", (progress) => {
      status.textContent =
        "Laying out the graph… " + Math.round((100 * progress.iterations) / progress.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      // Freeze the picture: a still graph is easier to read and costs no CPU.
      network.setOptions({ physics: { enabled: false } });
      nodes.update(data.nodes.map((node) => ({ id: node.id, size: node.size })));
      fitOnceDrawn();
    });
  } else {
    fitOnceDrawn();
  }
  network.setData({ nodes: nodes, edges: edges });
  // Large graphs seen whole: arrows a pixel wide and dashes shorter than a
  // pixel cost most of a frame and show nothing, so below LOD_SCALE edges are
  // drawn without arrows and with dashes of a constant length on screen. The
  // switch sets vis-network's drawing options of each edge in place (a
  // DataSet update of thousands of edges would be a long task); edges the
  // page updates later get it again (see applyFilters).
  const LOD_SCALE = 0.5;
  let coarse = false;
  let coarseScale = 1;
  function look(ids) {
    const body = network.body;
    for (const id of ids) {
      const drawn = body.edges[id];
      const edge = edgeById.get(id);
      if (!drawn) continue;
      const arrows = drawn.options.arrows;
      arrows.to.enabled = !coarse && /to/.test(edge.arrows);
      arrows.from.enabled = !coarse && /from/.test(edge.arrows);
      drawn.options.dashes = coarse && edge.dashes ? edge.dashes.map((d) => d / coarseScale) : edge.dashes;
    }
  }
  function levelOfDetail() {
    if (meta.physics) return;
    const rough = network.getScale() < LOD_SCALE;
    if (rough === coarse && (!rough || Math.abs(network.getScale() / coarseScale - 1) < 0.5)) return;
    coarse = rough;
    coarseScale = network.getScale();
    look(edgeById.keys());
    network.body.emitter.emit("_requestRedraw");
  }
  // vis-network culls nodes outside the view but draws every edge: zoomed
  // into a large graph, the page skips edges whose two ends lie on one side
  // outside the view (a curve bends at most a quarter of its length out).
  const renderer = network.renderer;
  function visibleEdges() {
    const corner = network.DOMtoCanvas({ x: 0, y: 0 });
    const far = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    const body = network.body;
    const shown = [];
    for (const id of body.edgeIndices) {
      const edge = body.edges[id];
      if (!edge.connected) continue;
      const a = edge.from;
      const b = edge.to;
      const slack = (Math.abs(a.x - b.x) + Math.abs(a.y - b.y)) / 4 + 10;
      if (
        Math.max(a.x, b.x) + slack < corner.x ||
        Math.min(a.x, b.x) - slack > far.x ||
        Math.max(a.y, b.y) + slack < corner.y ||
        Math.min(a.y, b.y) - slack > far.y
      ) {
        continue;
      }
      shown.push(edge);
    }
    return shown;
  }
  if (!meta.physics && renderer && renderer._drawEdges && renderer._drawArrows) {
    let cached = null;
    renderer._drawEdges = function (ctx) {
      cached = visibleEdges();
      for (const edge of cached) edge.draw(ctx);
    };
    renderer._drawArrows = function (ctx) {
      for (const edge of cached || visibleEdges()) edge.drawArrows(ctx);
    };
  }
  network.on("zoom", levelOfDetail);
  network.on("animationFinished", levelOfDetail);
  network.once("afterDrawing", levelOfDetail);
  // vis-network's own frame takes the focus and the keys (arrows pan, + and - zoom).
  const frame = container.querySelector(".vis-network");
  frame.setAttribute("role", "application");
  frame.setAttribute("aria-roledescription", "graph");
  frame.setAttribute(
    "aria-label",
    "graph of actors and relations: arrows pan, plus and minus zoom, Tab walks the actors " +
      "by importance, Enter opens one, Escape leaves"
  );

  // -- emphasis: a neighbourhood or a path in colour, the rest behind a veil ------
  // Nothing is updated item by item: after vis-network draws the graph, the
  // page veils it and draws the emphasised items again on top (one frame,
  // whatever the graph's size).
  let emphasis = null; // {nodes: Set, edges: Set}
  // Labels on graphs without physics: drawn by the page at a constant size on
  // screen, each from its node's labelScale (data.py: label_scales), so the
  // drawn labels never overlap; the most important first.
  const byLabelScale = meta.physics ? [] : data.nodes.slice().sort((a, b) => a.labelScale - b.labelScale);
  const LABEL_PX = 13;
  function drawLabel(ctx, node, scale) {
    const at = network.body.nodes[node.id];
    if (!at || at.options.hidden) return;
    ctx.strokeText(node.label, at.x, at.y + at.options.size + 3 / scale);
    ctx.fillText(node.label, at.x, at.y + at.options.size + 3 / scale);
  }
  function labelStyle(ctx, scale) {
    ctx.font = LABEL_PX / scale + 'px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = PAPER;
    ctx.fillStyle = INK;
    ctx.lineJoin = "round";
  }
  function drawLabels(ctx, corner, far, scale) {
    ctx.save();
    labelStyle(ctx, scale);
    for (const node of byLabelScale) {
      if (node.labelScale > scale) break;
      const at = network.body.nodes[node.id];
      if (at.x < corner.x - 400 / scale || at.x > far.x + 400 / scale || at.y < corner.y - 50 / scale || at.y > far.y) continue;
      drawLabel(ctx, node, scale);
    }
    ctx.restore();
  }
  network.on("afterDrawing", (ctx) => {
    const corner = network.DOMtoCanvas({ x: 0, y: 0 });
    const far = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    const scale = network.getScale();
    if (!meta.physics) drawLabels(ctx, corner, far, scale);
    if (!emphasis) return;
    const body = network.body;
    ctx.save();
    ctx.globalAlpha = 0.78;
    ctx.fillStyle = PAPER;
    ctx.fillRect(corner.x, corner.y, far.x - corner.x, far.y - corner.y);
    ctx.restore();
    const shown = (item) => item && item.options.hidden !== true;
    for (const id of emphasis.edges) {
      const edge = body.edges[id];
      if (shown(edge) && edge.connected) edge.draw(ctx);
    }
    for (const id of emphasis.edges) {
      const edge = body.edges[id];
      if (shown(edge) && edge.connected) edge.drawArrows(ctx);
    }
    const labels = [];
    for (const id of emphasis.nodes) {
      const node = body.nodes[id];
      if (!shown(node)) continue;
      const drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
    }
    labels.forEach((draw) => draw());
    if (!meta.physics) {
      ctx.save();
      labelStyle(ctx, scale);
      for (const id of emphasis.nodes) drawLabel(ctx, byId.get(id), scale);
      ctx.restore();
    }
  });
  // vis-network animates a move in a fixed number of frames, however long
  // each takes: on large graphs the view jumps instead.
  const glide = (duration) => (meta.physics ? { duration: duration } : false);

  function emphasise(nodeIds, edgeIds) {
    emphasis = nodeIds ? { nodes: new Set(nodeIds), edges: new Set(edgeIds) } : null;
    // Drawn in the next animation frame: the event that asked returns at once.
    network.body.emitter.emit("_requestRedraw");
  }
  function neighbourhood(id) {
    const near = new Set([id]);
    const around = [];
    for (const edge of touching.get(id)) {
      if (edgeHidden.has(edge.id)) continue;
      around.push(edge.id);
      near.add(edge.from);
      near.add(edge.to);
    }
    return [near, around];
  }

  // -- the details panel ------------------------------------------------------
  const details = $("details");
  const detailsBody = $("details-body");
  function copyButton(text) {
    return button("Copy", "copy the quote", (event) => {
      const done = () => (event.target.textContent = "Copied");
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text) && done());
      } else if (fallbackCopy(text)) {
        done();
      }
    });
  }
  function fallbackCopy(text) {
    const area = element("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
  function quoteBlock(edge) {
    const block = element("div", "evidence");
    const quote = element("blockquote", "quote", edge.evidence);
    block.append(quote, copyButton(edge.evidence));
    const facts = [edge.date ? edge.date : "undated"];
    if (edge.document) facts.push("source: " + edge.document);
    if (edge.weight !== 1) facts.push("weight " + edge.weight);
    if (edge.frustrated) facts.push("frustrated (against the camps)");
    block.append(element("div", "meta", facts.join(" · ")));
    return block;
  }
  function actorLink(id) {
    const link = button(nameOf(id), null, () => select(id, true));
    link.className = "actor-link";
    return link;
  }
  function openDetails(title) {
    detailsBody.replaceChildren();
    $("details-title").textContent = title;
    details.hidden = false;
  }
  function showActor(id) {
    const node = byId.get(id);
    openDetails(node.name);
    const facts = element("p", "meta", "kind: " + node.kind + " · " + meta.sizeBy + " " + node.score +
      (node.rank ? " (rank " + node.rank + ")" : ""));
    detailsBody.append(facts);
    if (node.description) detailsBody.append(element("p", null, node.description));
    if (node.aliases.length) detailsBody.append(element("p", "meta", "also called: " + node.aliases.join(", ")));
    const mine = touching.get(id);
    detailsBody.append(element("p", "meta", plural(mine.length, "relation", "relations") + ", by type:"));
    const groups = new Map();
    for (const edge of mine) {
      if (!groups.has(edge.type)) groups.set(edge.type, []);
      groups.get(edge.type).push(edge);
    }
    // Every relation is listed; a hub's hundreds are built in slices of
    // SLICE between frames, so the page never stalls while the panel fills.
    const pending = [];
    for (const [type, list] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const section = element("section", "relation-group");
      section.append(element("h3", "sign-" + list[0].sign, type + " (" + list[0].sign + ") · " + list.length));
      const items = element("ul", "relations");
      section.append(items);
      detailsBody.append(section);
      for (const edge of list) pending.push([items, edge]);
    }
    const SLICE = 60;
    const shown = ++panelBuild;
    const fill = () => {
      if (shown !== panelBuild) return; // another actor was opened meanwhile
      for (const [items, edge] of pending.splice(0, SLICE)) {
        const item = element("li");
        item.dataset.edge = edge.id;
        const line = element("div", "ends");
        const out = edge.from === id;
        line.append(element("span", "arrow", edge.symmetric ? "↔ " : out ? "→ " : "← "));
        line.append(actorLink(out ? edge.to : edge.from));
        item.append(line, quoteBlock(edge));
        items.append(item);
      }
      if (pending.length) setTimeout(fill, 0);
      else details.dataset.complete = "true";
    };
    details.dataset.complete = "false";
    fill();
  }
  let panelBuild = 0;
  function showRelation(id) {
    const edge = edgeById.get(id);
    openDetails(edge.type + " (" + edge.sign + ")");
    const line = element("p", "ends");
    line.append(actorLink(edge.from), element("span", "arrow", edge.symmetric ? " ↔ " : " → "), actorLink(edge.to));
    detailsBody.append(line, quoteBlock(edge));
  }
  function closeDetails() {
    details.hidden = true;
    detailsBody.replaceChildren();
  }
  $("details-close").addEventListener("click", () => clearSelection());

  let selected = null; // an actor id
  let selectedEdge = null;
  function select(id, move) {
    selected = id;
    selectedEdge = null;
    network.selectNodes([id]);
    const [near, around] = neighbourhood(id);
    emphasise(near, around);
    showActor(id);
    if (move) {
      // Large pages keep their zoom: zoomed in on a hub, its hundreds of
      // dashed relations run thousands of pixels and one frame takes a second.
      const scale = meta.physics ? Math.max(network.getScale(), 1.2) : network.getScale();
      network.focus(id, { scale: scale, locked: false, animation: glide(300) });
      levelOfDetail();
    }
    saveFragment();
  }
  function selectEdge(id) {
    selected = null;
    selectedEdge = id;
    const edge = edgeById.get(id);
    emphasise([edge.from, edge.to], [id]);
    showRelation(id);
    saveFragment();
  }
  function clearSelection() {
    selected = null;
    selectedEdge = null;
    network.unselectAll();
    emphasise(pathShown ? pathShown.nodes : null, pathShown ? pathShown.edges : null);
    closeDetails();
    saveFragment();
  }
  network.on("click", (event) => {
    if (event.nodes.length) select(event.nodes[0], false);
    else if (event.edges.length) selectEdge(event.edges[0]);
    else clearSelection();
  });

  // -- filters: kinds, types, signs and the date, built as the legend -----------
  // Maps, not objects: a kind or type may be named "__proto__" or "constructor".
  const kindShown = new Map(data.kinds.map((kind) => [kind.name, true]));
  const typeShown = new Map(data.types.map((type) => [type.name, true]));
  const SIGNS = ["cooperative", "hostile", "neutral"];
  const signShown = new Map(SIGNS.map((sign) => [sign, true]));
  let dateLimit = null; // the last day shown, or null for every date
  let nodeHidden = new Set();
  let edgeHidden = new Set();
  const SYMBOLS = {
    dot: "●", square: "■", diamond: "◆", triangle: "▲", triangleDown: "▼", hexagon: "⬢", star: "★",
  };
  const counters = []; // [element, count()] pairs updated after each filter change

  function legend(listId, entries, shown, swatch, count) {
    const list = $(listId);
    const boxes = [];
    for (const entry of entries) {
      const item = element("li");
      if (entry.description) item.title = entry.description;
      const label = element("label");
      const box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.name = entry.name;
      box.addEventListener("change", () => {
        shown.set(entry.name, box.checked);
        applyFilters();
      });
      boxes.push(box);
      const counter = element("span", "count", entry.count);
      counters.push([counter, () => count(entry.name)]);
      label.append(box, swatch(entry), element("span", "name", entry.name), counter);
      const only = button("only", "show only " + entry.name, () => {
        for (const other of boxes) other.checked = other === box;
        for (const key of shown.keys()) shown.set(key, key === entry.name);
        applyFilters();
      });
      only.className = "only";
      item.append(label, only);
      list.appendChild(item);
    }
    const setAll = (value) => () => {
      for (const box of boxes) box.checked = value;
      for (const key of shown.keys()) shown.set(key, value);
      applyFilters();
    };
    const bar = list.previousElementSibling.querySelector(".all-none");
    bar.append(button("all", "show every " + listId.slice(7), setAll(true)), button("none", "hide every " + listId.slice(7), setAll(false)));
    return boxes;
  }
  function lineSwatch(color, dashes) {
    const line = element("span", "line");
    line.style.borderTopStyle = !dashes ? "solid" : dashes[0] <= 2 ? "dotted" : "dashed";
    line.style.borderTopColor = color;
    return line;
  }
  const kindBoxes = legend("legend-kinds", data.kinds, kindShown, (kind) => {
    const symbol = element("span", "symbol", SYMBOLS[kind.shape] || "●");
    symbol.setAttribute("aria-hidden", "true");
    symbol.style.color = meta.colorBy === "kind" ? kind.color : INK;
    return symbol;
  }, (name) => data.nodes.filter((n) => n.kind === name && !nodeHidden.has(n.id)).length);
  const typeBoxes = legend("legend-types", data.types, typeShown, (type) => lineSwatch(type.color, type.dashes),
    (name) => data.edges.filter((e) => e.type === name && !edgeHidden.has(e.id)).length);
  const signEntries = SIGNS.map((sign) => ({
    name: sign,
    count: data.edges.filter((e) => e.sign === sign).length,
    description: { cooperative: "solid line", hostile: "long dashes", neutral: "dotted line" }[sign],
  }));
  const SIGN_LOOK = data.signs;
  const signBoxes = legend("legend-signs", signEntries, signShown, (sign) =>
    lineSwatch(SIGN_LOOK[sign.name].color, SIGN_LOOK[sign.name].dashes),
    (name) => data.edges.filter((e) => e.sign === name && !edgeHidden.has(e.id)).length);
  for (const [li, entry] of [...$("legend-signs").children].map((li, n) => [li, signEntries[n]])) {
    li.querySelector(".name").textContent = entry.name + " (" + entry.description + ")";
  }
  if (data.groups.length) {
    $("groups").hidden = false;
    $("groups-title").textContent = meta.colorBy === "camp" ? "Camps (colours)" : "Communities (colours)";
    for (const group of data.groups) {
      const item = element("li");
      const dot = element("span", "symbol", "●");
      dot.style.color = group.color;
      dot.setAttribute("aria-hidden", "true");
      item.append(dot, element("span", "name", group.name), element("span", "count", group.count));
      $("legend-groups").append(item);
    }
    if (meta.colorBy === "camp") {
      const frustrated = data.edges.filter((e) => e.frustrated).length;
      $("legend-groups").append(element("li", "meta", plural(frustrated, "frustrated relation", "frustrated relations") + " glow purple"));
    }
  }

  // The date slider: the relations known by a date (undated ones always).
  const dates = $("dates");
  const slider = $("date-slider");
  if (data.dates.length) {
    dates.hidden = false;
    slider.max = String(data.dates.length);
    slider.value = slider.max;
    const say = () => {
      const index = Number(slider.value);
      $("date-value").textContent = index === data.dates.length ? "all dates" : "as of " + data.dates[index].date;
      slider.setAttribute("aria-valuetext", $("date-value").textContent);
    };
    say();
    slider.addEventListener("input", () => {
      const index = Number(slider.value);
      dateLimit = index === data.dates.length ? null : data.dates[index].end;
      say();
      applyFilters();
    });
  }

  function setHidden(dataset, drawn, id, value) {
    const stored = dataset._data.get(id);
    if (stored) stored.hidden = value;
    if (drawn[id]) drawn[id].options.hidden = value;
  }

  function applyFilters() {
    const hidden = new Set();
    for (const node of data.nodes) if (!kindShown.get(node.kind)) hidden.add(node.id);
    const gone = new Set();
    for (const edge of data.edges) {
      if (
        !typeShown.get(edge.type) ||
        !signShown.get(edge.sign) ||
        hidden.has(edge.from) ||
        hidden.has(edge.to) ||
        (dateLimit !== null && edge.date && dateStart.get(edge.date) > dateLimit)
      ) {
        gone.add(edge.id);
      }
    }
    // Only what changes is touched, and in place: a DataSet update re-reads
    // every option of every item it names (2,700 edges: about 0.3 s), and
    // vis-network then redoes its physics set-up and value ranges, while
    // visibility is one flag. The flag is set on the DataSet's stored item
    // (so nodes.get() and edges.get() tell it) and on vis-network's drawn
    // item, then vis-network recounts what is visible, once.
    let changes = 0;
    for (const node of data.nodes) {
      if (hidden.has(node.id) !== nodeHidden.has(node.id)) {
        setHidden(nodes, network.body.nodes, node.id, hidden.has(node.id));
        changes++;
      }
    }
    for (const edge of data.edges) {
      if (gone.has(edge.id) !== edgeHidden.has(edge.id)) {
        setHidden(edges, network.body.edges, edge.id, gone.has(edge.id));
        changes++;
      }
    }
    if (changes) {
      // What vis-network does itself after such a change, less the physics,
      // value ranges and edge reconnection it would redo for nothing.
      network._updateVisibleIndices();
      network.body.emitter.emit("_requestRedraw");
    }
    nodeHidden = hidden;
    edgeHidden = gone;
    for (const [counter, count] of counters) counter.textContent = count();
    heading(data.nodes.length - hidden.size, data.edges.length - gone.size);
    if (selected !== null && !hidden.has(selected)) {
      const [near, around] = neighbourhood(selected);
      emphasise(near, around);
    }
    saveFragment();
  }
  heading(data.nodes.length, data.edges.length);

  // -- search: exact, then prefix, then anywhere; by importance within each --------
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  const folded = data.search.map(([text, id]) => [fold(text), id]);
  const rankOf = (id) => byId.get(id).rank || Infinity;
  const names = $("actor-names");
  for (const [text, id] of data.search) {
    const option = element("option");
    option.value = text;
    if (text !== nameOf(id)) option.label = text + " (" + nameOf(id) + ")";
    names.appendChild(option);
  }
  function find(query) {
    const wanted = fold(query);
    if (!wanted) return null;
    let best = null;
    let bestKey = null;
    for (const [text, id] of folded) {
      const tier = text === wanted ? 0 : text.startsWith(wanted) ? 1 : text.includes(wanted) ? 2 : -1;
      if (tier < 0) continue;
      const key = [tier, rankOf(id), text.length, id];
      if (bestKey === null || compare(key, bestKey) < 0) {
        best = id;
        bestKey = key;
      }
    }
    return best;
  }
  function compare(a, b) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return 0;
  }
  const search = $("search");
  function go() {
    const id = find(search.value);
    if (id === null) {
      // Nothing found: no earlier selection stays emphasised as if it were the answer.
      clearSelection();
      status.textContent = search.value.trim() ? "No actor matches “" + search.value.trim() + "”." : "";
      return;
    }
    status.textContent = nodeHidden.has(id) ? nameOf(id) + " is hidden by a filter." : "";
    select(id, true);
  }
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") go();
  });
  search.addEventListener("input", (event) => {
    // Picking a suggestion from the list (no typing) searches at once.
    if (!event.inputType || event.inputType === "insertReplacementText") go();
  });

  // -- shortest paths between two actors, as `graph path` finds them -------------
  // Undirected, over the relations shown; every shortest path, sorted by its
  // sequence of ids; each hop names its first relation in file order and the
  // others linking the same two actors under "also".
  const MAX_PATHS = 50;
  let pathShown = null;
  function shortestPaths(source, target) {
    const links = new Map();
    const near = (id) => links.get(id) || [];
    for (const edge of data.edges) {
      if (edgeHidden.has(edge.id) || edge.from === edge.to) continue;
      for (const [a, b] of [[edge.from, edge.to], [edge.to, edge.from]]) {
        if (!links.has(a)) links.set(a, new Set());
        links.get(a).add(b);
      }
    }
    const distance = new Map([[source, 0]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const at = queue[head];
      for (const next of near(at)) {
        if (!distance.has(next)) {
          distance.set(next, distance.get(at) + 1);
          queue.push(next);
        }
      }
    }
    if (!distance.has(target)) return [];
    const paths = [];
    const walk = (trail) => {
      if (paths.length >= MAX_PATHS) return;
      const last = trail[trail.length - 1];
      if (last === source) {
        paths.push(trail.slice().reverse());
        return;
      }
      const before = [...near(last)].filter((n) => distance.get(n) === distance.get(last) - 1).sort();
      for (const previous of before) walk(trail.concat([previous]));
    };
    walk([target]);
    return paths.sort(compare).map((actors) => ({ actors, hops: hops(actors) }));
  }
  function hops(actors) {
    const result = [];
    for (let i = 0; i + 1 < actors.length; i++) {
      const [a, b] = [actors[i], actors[i + 1]];
      const linking = touching.get(a)
        .filter((e) => !edgeHidden.has(e.id) && ((e.from === a && e.to === b) || (e.from === b && e.to === a)))
        .sort((x, y) => position(x) - position(y))
        .map((e) => ({
          id: e.id, source: e.from, type: e.type, target: e.to, evidence: e.evidence,
          direction: e.symmetric ? "both" : e.from === a ? "forward" : "backward",
        }));
      result.push(Object.assign({}, linking[0], { also: linking.slice(1) }));
    }
    return result;
  }
  const arrowOf = (hop) =>
    ({ forward: ["—", "→"], backward: ["←", "—"], both: ["←", "→"] }[hop.direction].join(hop.type));
  function showPath(from, to) {
    showPathBetween(find(from), find(to), from, to);
  }
  function showPathBetween(source, target, from, to) {
    const out = $("path-result");
    out.replaceChildren();
    if (source === null || target === null) {
      out.append(element("p", "meta", "No actor matches “" + (source === null ? from : to) + "”."));
      return;
    }
    if (source === target) {
      out.append(element("p", "meta", "Pick two different actors."));
      return;
    }
    const paths = shortestPaths(source, target);
    graphView.paths = paths;
    if (!paths.length) {
      pathShown = null;
      out.append(element("p", "meta", "No path between " + nameOf(source) + " and " + nameOf(target) + "."));
      emphasise(null);
      saveFragment([source, target]);
      return;
    }
    const onPath = new Set();
    const onPathEdges = new Set();
    const list = element("ol", "paths");
    paths.forEach((found) => {
      found.actors.forEach((id) => onPath.add(id));
      const item = element("li");
      let line = nameOf(found.actors[0]);
      found.hops.forEach((hop, n) => {
        line += " " + arrowOf(hop) + " " + nameOf(found.actors[n + 1]);
        onPathEdges.add(hop.id);
        hop.also.forEach((other) => onPathEdges.add(other.id));
      });
      item.append(element("div", "path-line", line));
      const steps = element("ul", "relations");
      for (const hop of found.hops) {
        for (const link of [hop, ...hop.also]) {
          const step = element("li");
          step.append(element("div", "ends", nameOf(link.source) + " " + arrowOf({ type: link.type, direction: link.symmetric ? "both" : "forward" }) + " " + nameOf(link.target)));
          step.append(quoteBlock(edgeById.get(link.id)));
          steps.append(step);
        }
      }
      item.append(steps);
      list.append(item);
    });
    out.append(
      element("p", "meta", plural(paths.length, "shortest path", "shortest paths") + " of " +
        plural(paths[0].hops.length, "hop", "hops") + (paths.length >= MAX_PATHS ? " (the first " + MAX_PATHS + ")" : "")),
      list
    );
    pathShown = { nodes: onPath, edges: onPathEdges, ends: [source, target] };
    emphasise(onPath, onPathEdges);
    saveFragment();
  }
  $("path-form").addEventListener("submit", (event) => {
    event.preventDefault();
    showPath($("path-from").value, $("path-to").value);
  });
  $("path-clear").addEventListener("click", () => {
    pathShown = null;
    graphView.paths = [];
    $("path-result").replaceChildren();
    emphasise(null);
    saveFragment();
  });

  // -- zoom, fit, reset; keyboard; re-fit on resize ------------------------------
  function zoom(factor) {
    network.moveTo({ scale: network.getScale() * factor, animation: glide(150) });
    levelOfDetail();
  }
  $("zoom-in").addEventListener("click", () => zoom(1.3));
  $("zoom-out").addEventListener("click", () => zoom(1 / 1.3));
  $("fit").addEventListener("click", () => {
    network.fit({ animation: glide(200) });
    levelOfDetail();
  });
  $("reset").addEventListener("click", () => reset());
  function reset() {
    for (const box of [...kindBoxes, ...typeBoxes, ...signBoxes]) box.checked = true;
    for (const shown of [kindShown, typeShown, signShown]) for (const key of shown.keys()) shown.set(key, true);
    dateLimit = null;
    if (data.dates.length) {
      slider.value = slider.max;
      slider.dispatchEvent(new Event("input"));
    }
    pathShown = null;
    $("path-result").replaceChildren();
    search.value = "";
    status.textContent = "";
    applyFilters();
    clearSelection();
    network.fit();
  }
  // Tab walks the actors by importance while the graph has focus; Escape
  // hands Tab back to the page.
  const byImportance = data.nodes.slice().sort((a, b) => compare([rankOf(a.id), a.id], [rankOf(b.id), b.id]));
  let walking = -1;
  container.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !event.altKey && !event.ctrlKey) {
      const visible = byImportance.filter((node) => !nodeHidden.has(node.id));
      const next = walking + (event.shiftKey ? -1 : 1);
      if (next < 0 || next >= visible.length) {
        walking = -1;
        return; // leaves the graph
      }
      event.preventDefault();
      walking = next;
      const id = visible[next].id;
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1), locked: false, animation: glide(150) });
      levelOfDetail();
      status.textContent = nameOf(id) + " (" + (next + 1) + " of " + visible.length + "): Enter for details";
    } else if (event.key === "Enter") {
      const [id] = network.getSelectedNodes();
      if (id !== undefined) select(id, false);
    } else if (event.key === "Escape") {
      walking = -1;
      clearSelection();
      $("zoom-in").focus();
    }
  });
  let resizing = null;
  new ResizeObserver(() => {
    if (!ready) return;
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      network.fit();
      levelOfDetail();
      network.once("afterDrawing", () => (window.graphRefits = (window.graphRefits || 0) + 1));
    }, 150);
  }).observe(container);

  // -- downloads: the view as PNG, the shown relations as CSV ----------------------
  function download(name, url) {
    const link = element("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  $("download-png").addEventListener("click", () => {
    const canvas = container.querySelector("canvas");
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d");
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    download("graph.png", copy.toDataURL("image/png"));
  });
  // A text cell a spreadsheet could run as a formula gets a leading "'"
  // (the CLI's CSV rule, graph.cells): so does one already starting with "'",
  // so that removing one leading "'" always gives the text back. Numbers are
  // written as they are.
  function cell(value) {
    if (value === null || value === undefined) return "";
    let text = String(value);
    if (typeof value !== "number" && /^[=+\-@\t\r']/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function relationsCsv() {
    const rows = [["source", "source_name", "type", "sign", "target", "target_name", "date", "evidence", "document", "weight"]];
    for (const e of data.edges) {
      if (edgeHidden.has(e.id)) continue;
      rows.push([e.from, nameOf(e.from), e.type, e.sign, e.to, nameOf(e.to), e.date, e.evidence, e.document, e.weight]);
    }
    return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
  }
  $("download-csv").addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([relationsCsv()], { type: "text/csv;charset=utf-8" }));
    download("relations.csv", url);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  // -- the view in the URL fragment: a link reopens it ---------------------------
  let restoring = false;
  function saveFragment(pathEnds) {
    if (!ready || restoring) return;
    const params = new URLSearchParams();
    for (const [key, shown] of [["hideKind", kindShown], ["hideType", typeShown], ["hideSign", signShown]]) {
      for (const [name, on] of shown) if (!on) params.append(key, name);
    }
    if (data.dates.length && Number(slider.value) < data.dates.length) params.set("asOf", data.dates[Number(slider.value)].date);
    if (selected !== null) params.set("actor", selected);
    if (selectedEdge !== null) params.set("relation", selectedEdge);
    const ends = pathEnds || (pathShown && pathShown.ends);
    if (ends) params.set("path", JSON.stringify(ends));
    const text = params.toString();
    history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  }
  function applyFragment() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (![...params.keys()].length) {
      // --highlight-path: its hops listed in the panel, with their quotes.
      if (meta.path && meta.path.count) {
        $("path-from").value = meta.path.source;
        $("path-to").value = meta.path.target;
        restoring = true;
        showPathBetween(meta.path.sourceId, meta.path.targetId);
        restoring = false;
      }
      return;
    }
    restoring = true;
    for (const [key, shown, boxes] of [["hideKind", kindShown, kindBoxes], ["hideType", typeShown, typeBoxes], ["hideSign", signShown, signBoxes]]) {
      for (const name of params.getAll(key)) {
        if (!shown.has(name)) continue;
        shown.set(name, false);
        boxes.find((box) => box.dataset.name === name).checked = false;
      }
    }
    const asOf = params.get("asOf");
    const stop = data.dates.findIndex((d) => d.date === asOf);
    if (stop >= 0) {
      slider.value = String(stop);
      slider.dispatchEvent(new Event("input"));
    }
    applyFilters();
    try {
      const ends = JSON.parse(params.get("path") || "null");
      if (Array.isArray(ends) && ends.length === 2 && byId.has(ends[0]) && byId.has(ends[1])) {
        $("path-from").value = nameOf(ends[0]);
        $("path-to").value = nameOf(ends[1]);
        showPathBetween(ends[0], ends[1]);
      }
    } catch (error) {
      // a hand-edited link: ignore what cannot be read
    }
    const actor = params.get("actor");
    const relation = params.get("relation");
    if (actor !== null && byId.has(actor)) select(actor, false);
    else if (relation !== null && edgeById.has(relation)) selectEdge(relation);
    restoring = false;
    saveFragment();
  }

  graphView = {
    select: (id) => select(id, false),
    selectEdge,
    clear: clearSelection,
    find,
    showPath: (source, target) => showPathBetween(source, target, source, target),
    paths: [],
    reset,
    relationsCsv,
    emphasised: () =>
      emphasis ? { nodes: [...emphasis.nodes].sort(), edges: [...emphasis.edges].sort() } : null,
    hidden: () => ({ nodes: [...nodeHidden].sort(), edges: [...edgeHidden].sort() }),
    selected: () => selected,
  };
})();
