// The page's behaviour. Every text from the dataset is shown with textContent
// (or drawn on the canvas), never parsed as HTML. `network`, `nodes` and
// `edges` stay page globals, as in pyvis pages, so the page can be scripted.
"use strict";

var network, nodes, edges;

(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const meta = data.meta;
  const DIMMED = "#d9d9d9";
  const FADED_TEXT = "rgba(0,0,0,0.2)";

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = String(text);
    return made;
  }

  // -- heading ---------------------------------------------------------------
  document.title = meta.title;
  document.getElementById("title").textContent = meta.title;
  const facts = [
    "Dataset: " + meta.dataset,
    meta.actors + " actors",
    meta.relations + " relations",
  ];
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
  document.getElementById("subtitle").textContent = facts.join(" · ");
  document.getElementById("sources").textContent = meta.documents.length
    ? "Sources: " + meta.documents.map((d) => d.key + " (" + d.file + ")").join(", ")
    : "Sources: none declared (evidence quotes not checked against documents)";
  document.getElementById("size-by").textContent = meta.sizeBy + " centrality";

  // -- tooltips: elements built from text, which vis-network shows as they are --
  function tooltip(lines) {
    const box = element("div", "tip");
    for (const [className, text] of lines) {
      if (text !== undefined && text !== null && text !== "") {
        box.appendChild(element("div", className, text));
      }
    }
    return box;
  }

  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  // `label` is the name as drawn, cut short if long (LABEL_LENGTH in data.py); `name` is all of it.
  const nameOf = (id) => (byId.has(id) ? byId.get(id).name : id);

  function nodeTooltip(node) {
    return tooltip([
      ["heading", node.name],
      ["meta", "kind: " + node.kind],
      ["description", node.description],
      ["meta", node.aliases.length ? "also called: " + node.aliases.join(", ") : ""],
      ["meta", meta.sizeBy + " centrality " + node.score + (node.rank ? " (rank " + node.rank + ")" : "")],
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
    ]);
  }

  nodes = new vis.DataSet(data.nodes.map((node) => Object.assign({}, node, { title: nodeTooltip(node) })));
  edges = new vis.DataSet(data.edges.map((edge) => Object.assign({}, edge, { title: edgeTooltip(edge) })));

  // -- the network; events are bound before the data arrives, so none is missed --
  const status = document.getElementById("status");
  function stable() {
    status.textContent = "";
    window.graphStable = true;
    document.dispatchEvent(new CustomEvent("graph-stable"));
  }
  // vis-network measures a label where it draws it: until the first frame
  // with the final positions, fit() would frame the labels where they were
  // before the layout (or nowhere), so the view is fitted after that frame,
  // and the page is stable once the fitted frame is drawn.
  function fitOnceDrawn() {
    network.once("afterDrawing", () => {
      network.once("afterDrawing", stable);
      network.fit();
    });
  }
  network = new vis.Network(document.getElementById("mynetwork"), {}, data.options);
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
      fitOnceDrawn();
    });
  } else {
    fitOnceDrawn();
  }
  network.setData({ nodes: nodes, edges: edges });

  // -- click a node: its neighbourhood in colour, the rest dimmed --------------
  // Only items whose state changes are updated: each update redraws the graph,
  // which is what costs time on large graphs.
  let dimmedNodes = new Set();
  let dimmedEdges = new Set();
  const nodeLook = (node, dim) =>
    dim
      ? { id: node.id, color: DIMMED, font: { color: FADED_TEXT } }
      : { id: node.id, color: node.color, font: { color: "#222222" } };
  const edgeLook = (edge, dim) =>
    dim
      ? {
          id: edge.id,
          color: { color: DIMMED, highlight: DIMMED, hover: DIMMED },
          font: { color: "rgba(0,0,0,0)", strokeColor: "rgba(0,0,0,0)" },
        }
      : { id: edge.id, color: edge.color, font: { color: "#555555", strokeColor: "#ffffff" } };

  function dim(nodeIds, edgeIds) {
    nodes.update(
      data.nodes
        .filter((node) => nodeIds.has(node.id) !== dimmedNodes.has(node.id))
        .map((node) => nodeLook(node, nodeIds.has(node.id)))
    );
    edges.update(
      data.edges
        .filter((edge) => edgeIds.has(edge.id) !== dimmedEdges.has(edge.id))
        .map((edge) => edgeLook(edge, edgeIds.has(edge.id)))
    );
    dimmedNodes = nodeIds;
    dimmedEdges = edgeIds;
  }

  function showNeighbourhood(id) {
    const near = new Set(network.getConnectedNodes(id));
    near.add(id);
    dim(
      new Set(data.nodes.filter((node) => !near.has(node.id)).map((node) => node.id)),
      new Set(data.edges.filter((edge) => edge.from !== id && edge.to !== id).map((edge) => edge.id))
    );
  }

  function showAll() {
    dim(new Set(), new Set());
  }

  network.on("click", (event) => {
    if (event.nodes.length) {
      showNeighbourhood(event.nodes[0]);
    } else if (!event.edges.length) {
      showAll();
    }
  });

  // -- filters: one checkbox per kind and per type, built as the legend -------
  // Maps, not objects: a kind or type may be named "__proto__" or "constructor".
  const kindShown = new Map();
  const typeShown = new Map();
  const SYMBOLS = {
    dot: "●", square: "■", diamond: "◆", triangle: "▲", triangleDown: "▼", hexagon: "⬢", star: "★",
  };

  function legendEntry(list, entry, shown, swatch) {
    shown.set(entry.name, true);
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
    label.append(box, swatch, element("span", "name", entry.name), element("span", "count", entry.count));
    item.appendChild(label);
    list.appendChild(item);
  }

  function lineSwatch(color, dashed) {
    const line = element("span", "line");
    line.style.borderTopStyle = dashed ? "dashed" : "solid";
    line.style.borderTopColor = color;
    return line;
  }

  const kindList = document.getElementById("legend-kinds");
  for (const kind of data.kinds) {
    const symbol = element("span", "symbol", SYMBOLS[kind.shape] || "●");
    symbol.style.color = kind.color;
    legendEntry(kindList, kind, kindShown, symbol);
  }
  const typeList = document.getElementById("legend-types");
  for (const type of data.types) {
    legendEntry(typeList, type, typeShown, lineSwatch(type.color, Boolean(type.dashes)));
  }
  const signList = document.getElementById("legend-signs");
  const signs = [
    ["#2e7d32", false, "cooperative relation"],
    ["#c62828", false, "hostile relation"],
    ["#78909c", true, "neutral relation (dashed)"],
  ];
  for (const [color, dashed, text] of signs) {
    const item = element("li");
    const label = element("label");
    label.append(lineSwatch(color, dashed), element("span", "name", text));
    item.appendChild(label);
    signList.appendChild(item);
  }
  for (const text of ["→ one way: source acts on target", "↔ symmetric type: one edge, both ways"]) {
    signList.appendChild(element("li", "name", text));
  }

  function applyFilters() {
    const hidden = new Set(data.nodes.filter((node) => !kindShown.get(node.kind)).map((node) => node.id));
    nodes.update(data.nodes.map((node) => ({ id: node.id, hidden: hidden.has(node.id) })));
    edges.update(
      data.edges.map((edge) => ({
        id: edge.id,
        hidden: !typeShown.get(edge.type) || hidden.has(edge.from) || hidden.has(edge.to),
      }))
    );
  }

  // -- search by name or alias, ignoring case and accents ---------------------
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  const names = document.getElementById("actor-names");
  for (const [text, id] of data.search) {
    const option = element("option");
    option.value = text;
    if (text !== nameOf(id)) option.label = text + " (" + nameOf(id) + ")";
    names.appendChild(option);
  }

  function find(query) {
    const wanted = fold(query);
    if (!wanted) return null;
    const exact = data.search.find(([text]) => fold(text) === wanted);
    if (exact) return exact[1];
    const partial = data.search.find(([text]) => fold(text).includes(wanted));
    return partial ? partial[1] : null;
  }

  const search = document.getElementById("search");
  function go() {
    const id = find(search.value);
    if (id === null) {
      // Nothing found: no earlier selection stays dimmed as if it were the answer.
      network.unselectAll();
      showAll();
      status.textContent = search.value.trim() ? "No actor matches “" + search.value.trim() + "”." : "";
      return;
    }
    const node = nodes.get(id);
    status.textContent = node.hidden ? nameOf(id) + " is hidden by a filter." : "";
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    showNeighbourhood(id);
  }
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") go();
  });
  search.addEventListener("input", (event) => {
    // Picking a suggestion from the list (no typing) searches at once.
    if (!event.inputType || event.inputType === "insertReplacementText") go();
  });
})();
