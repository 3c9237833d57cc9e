// renderer-webgl.js: draws the graph with WebGL, through sigma.js 3 over a
// graphology graph (both inlined from graph/render/vendor/), behind the page's
// renderer interface (docs/page.md, "Renderer interface").
//
// The only module that touches sigma and graphology. Positions come from
// Python (no layout runs here: no worker, no Blob URL). One line per pair of
// actors, its width by how many relations link them, its colour by their
// sign (a pair with relations of more than one sign has a colour of its own);
// the panel lists every relation. Communities collapse into clusters and open
// on a click (the "Clusters" button; `graphClusters`). Labels are placed by the page at every
// frame, the most important first, under, beside or above their actor, never
// over one another. Emphasis (a selection, a path) is a veil and an overlay
// over sigma's layers: sigma re-processes its items only when what is shown
// changes (filters, colours, clusters). Makes the
// globals `sigma` (the Sigma instance), `graph` (its graphology graph) and
// `drawnLabels` (the labels of the last frame, with their boxes).
//
// Needs: data, meta, INK, PAPER, element, byId, status, container (base.js);
// nodeTooltip, edgeTooltip (tooltips.js).
// Gives: renderer, with start(onStable), onClick(handler), select(id),
// unselect(), selected(), emphasise(nodeIds, edgeIds), emphasised(),
// setHidden(nodeIds, edgeIds), focus(id, minScale, duration), zoom(factor),
// pan(dx, dy), fit(duration), onceDrawn(callback), toPng(ratio), point(id),
// scale(), pairOf(edgeId), restyle(looks).
//
// Marks without dashes (WebGL lines have none): a pair whose shown relations
// are all hedged is drawn at half its width, one with none verified
// half-transparent; an actor leaning to a camp is drawn at 0.7 of its size,
// its label followed by " (leaning)". The tooltip and the panel say them in words.

const renderer = (function () {
  let sigma = null;
  let graph = null;
  let clicked = () => {};
  let marked = null; // the selected actor (Tab, Enter)
  let emphasis = null; // {nodes: Set, edges: Set}
  let nodesHidden = new Set();
  let edgesHidden = new Set();

  // -- one edge per pair of actors ----------------------------------------------
  const pairs = new Map(); // pair id -> {id, from, to, relations: [edge], signs: Set}
  // relation id -> pair id, kept by the relation's place in data.edges: its id
  // gives it where the page draws every relation in order, a map made on first
  // use where not (no map of 200,000 ids before the first frame).
  const pairAt = new Array(data.edges.length);
  let placeOf = null;
  const edgePlace = (id) => {
    const n = typeof id === "string" ? Number(id.slice(1)) : NaN;
    if (data.edges[n] !== undefined && data.edges[n].id === id) return n;
    if (placeOf === null) placeOf = new Map(data.edges.map((edge, place) => [edge.id, place]));
    return placeOf.get(id);
  };
  const pairOfEdge = { has: (id) => edgePlace(id) !== undefined, get: (id) => pairAt[edgePlace(id)] };
  {
    // A pair's key is a number made of its actors' places (no string built per relation).
    const place = new Map(data.nodes.map((node, number) => [node.id, number]));
    const count = data.nodes.length;
    const byEnds = new Map();
    for (let n = 0; n < data.edges.length; n++) {
      const edge = data.edges[n];
      const [i, j] = [place.get(edge.from), place.get(edge.to)];
      const key = i < j ? i * count + j : j * count + i;
      let pair = byEnds.get(key);
      if (!pair) {
        const [a, b] = edge.from < edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
        pair = { id: "p" + pairs.size, from: a, to: b, relations: [], signs: new Set() };
        byEnds.set(key, pair);
        pairs.set(pair.id, pair);
      }
      pair.relations.push(edge);
      pair.signs.add(edge.sign);
      pairAt[n] = pair.id;
    }
  }
  // -- communities as clusters: collapsed into one node, opened by a click ----------
  // The groups the layout placed together (node.cluster, from Python) of at
  // least 3 actors. A collapsed cluster is one node (its size by its members);
  // the lines of its members to the rest are summed into one line per
  // neighbour. Clicking it opens it.
  const CLUSTER = "cluster\u0000"; // no actor id starts so: ids are a dataset's text
  const AGGREGATE = "sum\u0000";
  const clusterMembers = new Map();
  for (const node of data.nodes) {
    if (node.cluster === undefined) continue;
    if (!clusterMembers.has(node.cluster)) clusterMembers.set(node.cluster, []);
    clusterMembers.get(node.cluster).push(node);
  }
  for (const [number, members] of [...clusterMembers]) if (members.length < 3) clusterMembers.delete(number);
  const collapsed = new Set();
  const clusterLabels = new Map(); // number -> "its leading actor and N more"
  const clusterOf = (id) => {
    const number = byId.get(id).cluster;
    return number !== undefined && collapsed.has(number) ? number : null;
  };
  const signColor = (pair) => (pair.signs.size === 1 ? data.signs[[...pair.signs][0]].color : data.signs.mixed.color);
  // A line's width on screen: 1 px for one relation, thicker by the log of the count.
  const pairWidth = (count) => 1.5 + 1.5 * Math.log2(count);

  // Colours behind the veil: the item's colour mixed 78% towards the paper
  // (a page has a handful of colours: each mixed once, not once an item).
  const veils = new Map();
  function veiled(color) {
    if (!veils.has(color)) veils.set(color, mixed(color));
    return veils.get(color);
  }
  function mixed(color) {
    const hex = (text) => parseInt(text, 16);
    const [r, g, b] = [1, 3, 5].map((at) => hex(color.slice(at, at + 2)));
    const [pr, pg, pb] = [1, 3, 5].map((at) => hex(PAPER.slice(at, at + 2)));
    const mix = (x, p) => Math.round(x * 0.22 + p * 0.78).toString(16).padStart(2, "0");
    return "#" + mix(r, pr) + mix(g, pg) + mix(b, pb);
  }

  let nodeScale = 1; // screen pixels per unit of the page's sizes, at the fitted zoom

  // -- what the reducers draw: hidden, veiled, emphasised ---------------------------
  const pairShown = new Map(); // pair id -> shown relations
  const pairHedged = new Set(); // pairs whose shown relations are all hedged
  const pairUnverified = new Set(); // pairs with no shown relation verified
  // Actors leaning to a camp, while the nodes are coloured by camp (restyle).
  let leaning = new Set(meta.colorBy === "camp" ? data.nodes.filter((node) => node.standing === "leaning").map((node) => node.id) : []);
  const labelOf = (node) => (leaning.has(node.id) ? node.label + " (leaning)" : node.label);
  const pairEmphasised = new Set();
  // The reducers draw what the filters show, in the items' own colours; the
  // emphasis (a selection, a path) is no business of theirs: it is a veil and
  // an overlay over sigma's layers (drawEmphasis), so selecting never makes
  // sigma re-process and re-draw the whole scene.
  function nodeReducer(id, attributes) {
    if (attributes.count) {
      const number = Number(id.slice(CLUSTER.length));
      const open = !collapsed.has(number) || clusterMembers.get(number).every((node) => nodesHidden.has(node.id));
      return { x: attributes.x, y: attributes.y, size: attributes.size, color: attributes.color, label: null, hidden: open };
    }
    return {
      x: attributes.x,
      y: attributes.y,
      size: leaning.has(id) ? attributes.size * 0.7 : attributes.size,
      color: attributes.color,
      label: null,
      hidden: nodesHidden.has(id) || clusterOf(id) !== null,
    };
  }
  function edgeReducer(id, attributes) {
    if (attributes.sum) {
      return { size: pairWidth(attributes.sum), color: attributes.color, hidden: false };
    }
    const pair = pairs.get(id);
    if (collapsed.size && (clusterOf(pair.from) !== null || clusterOf(pair.to) !== null)) return { hidden: true };
    const count = pairShown.get(id);
    const shown = { size: pairWidth(count || 1), color: attributes.color, hidden: !count };
    if (pairHedged.has(id)) shown.size = Math.max(1, shown.size / 2);
    if (pairUnverified.has(id)) shown.color = shown.color + "80";
    return shown;
  }
  function countShown() {
    for (const pair of pairs.values()) {
      let count = 0;
      let hedged = 0;
      let verified = 0;
      for (const edge of pair.relations) {
        if (edgesHidden.has(edge.id)) continue;
        count++;
        if (edge.hedged) hedged++;
        if (edge.state === "verified") verified++;
      }
      pairShown.set(pair.id, count);
      if (count && hedged === count) pairHedged.add(pair.id);
      else pairHedged.delete(pair.id);
      if (count && !verified) pairUnverified.add(pair.id);
      else pairUnverified.delete(pair.id);
    }
  }

  // -- the drawing --------------------------------------------------------------------
  const STAGE_PADDING = 40;
  // The screen pixels per unit of the positions that sigma will draw its first
  // view at (its getGraphToViewportRatio() at the default camera, as sigma
  // 3.0's camera matrix makes it: the positions' box scaled into the element
  // less the padding). Known before sigma is made, the actors get their sizes
  // on screen before sigma's first frame: sized after, they cost a second
  // whole frame (seconds on large pages, SwiftShader drawing on the CPU).
  function firstViewScale() {
    if (!data.nodes.length) return 1;
    let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const node of data.nodes) {
      if (node.x < left) left = node.x;
      if (node.x > right) right = node.x;
      if (node.y < top) top = node.y;
      if (node.y > bottom) bottom = node.y;
    }
    const [width, height] = [container.offsetWidth, container.offsetHeight];
    const box = { width: right - left || 1, height: bottom - top || 1 };
    const spread = Math.max(right - left, bottom - top) || 1;
    const [view, shape] = [height / width, box.height / box.width];
    const correction = (view < 1 && shape > 1) || (view > 1 && shape < 1) ? 1 : Math.min(Math.max(shape, 1 / shape), Math.max(1 / view, view));
    return ((Math.min(width, height) - 2 * STAGE_PADDING) * correction) / spread;
  }
  function start(onStable) {
    graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: true });
    // The page's sizes (radii of 10 to 40 of its units) hold at the fitted zoom,
    // but never below 3 to 12 screen pixels: every actor is seen.
    nodeScale = Math.max(firstViewScale(), 0.3);
    for (const node of data.nodes) {
      // The page's y grows downwards, sigma's upwards.
      graph.addNode(node.id, { x: node.x, y: -node.y, size: node.size * nodeScale, color: node.color, veiled: veiled(node.color) });
    }
    for (const pair of pairs.values()) {
      const color = signColor(pair);
      graph.addEdgeWithKey(pair.id, pair.from, pair.to, { color: color, veiled: veiled(color) });
    }
    for (const [number, members] of clusterMembers) {
      const x = members.reduce((sum, node) => sum + node.x, 0) / members.length;
      const y = members.reduce((sum, node) => sum + node.y, 0) / members.length;
      const size = Math.min(40, 4 + 2 * Math.sqrt(members.length));
      graph.addNode(CLUSTER + number, { x: x, y: -y, size: size, color: "#6f6f6f", veiled: veiled("#6f6f6f"), count: members.length });
      const leader = members.reduce((best, node) => ((node.rank || Infinity) < (best.rank || Infinity) ? node : best));
      clusterLabels.set(number, leader.label + " and " + (members.length - 1).toLocaleString("en") + " more");
    }
    countShown();
    window.graph = graph;
    if (data.nodes.length === 0) {
      status.textContent = "No actors to draw.";
      onStable();
      return;
    }
    status.textContent = "Drawing " + data.nodes.length.toLocaleString("en") + " actors…";
    sigma = new Sigma(graph, container, {
      itemSizesReference: "screen",
      zoomToSizeRatioFunction: Math.sqrt,
      renderLabels: false, // the page places them: see drawLabels
      renderEdgeLabels: false,
      enableEdgeEvents: true,
      hideEdgesOnMove: false,
      zIndex: false, // what is emphasised is drawn on top by drawEmphasis
      minEdgeThickness: 1,
      stagePadding: STAGE_PADDING,
      defaultDrawNodeHover: () => {}, // the tooltip shows the name instead
      nodeReducer: nodeReducer,
      edgeReducer: edgeReducer,
      minCameraRatio: 0.002,
      maxCameraRatio: 20,
    });
    window.sigma = sigma;
    // sigma drew its first view when it was made: if its scale is not the one
    // foreseen, the actors are sized again (and drawn again).
    const foreseen = nodeScale;
    nodeScale = Math.max(sigma.getGraphToViewportRatio(), 0.3);
    const sized = Math.abs(nodeScale - foreseen) <= 1e-6 * nodeScale;
    if (!sized) {
      graph.updateEachNodeAttributes((id, attributes) => {
        if (!attributes.count) attributes.size = byId.get(id).size * nodeScale;
        return attributes;
      }, { attributes: ["size"] });
    }
    emphasisLayers();
    pickEdgesWhenStill();
    sigma.on("afterRender", drawTop);
    sigma.getCamera().on("updated", cameraMoved);
    sigma.on("clickNode", (event) => {
      if (event.node.startsWith(CLUSTER)) openCluster(Number(event.node.slice(CLUSTER.length)));
      else clicked({ node: event.node, edge: null });
    });
    sigma.on("clickEdge", (event) => {
      if (event.edge.startsWith(AGGREGATE)) return;
      const shown = pairs.get(event.edge).relations.filter((edge) => !edgesHidden.has(edge.id));
      clicked({ node: null, edge: shown.length ? shown[0].id : null, pair: shown.map((edge) => edge.id) });
    });
    sigma.on("clickStage", () => clicked({ node: null, edge: null }));
    tooltips();
    keyboard();
    clusterButton();
    fit(); // sigma's own first view when nothing is hidden: then nothing is drawn again
    if (sized && !nodesHidden.size) {
      // The frame sigma drew when made is the fitted view: its labels, and
      // stable once that frame is shown, without drawing the graph twice.
      drawTop();
      requestAnimationFrame(() => onStable());
    } else {
      onceDrawn(onStable);
    }
  }

  // The lines of collapsed clusters: one per cluster and neighbour, summing
  // the shown relations of the pairs it stands for.
  function aggregate() {
    graph.forEachEdge((key) => {
      if (key.startsWith(AGGREGATE)) graph.dropEdge(key);
    });
    if (!collapsed.size) return;
    const sums = new Map();
    for (const pair of pairs.values()) {
      const count = pairShown.get(pair.id);
      if (!count) continue;
      const [a, b] = [pair.from, pair.to].map((id) => (clusterOf(id) !== null ? CLUSTER + clusterOf(id) : id));
      if (a === b || (a === pair.from && b === pair.to)) continue;
      const key = AGGREGATE + (a < b ? a + "\u0000" + b : b + "\u0000" + a);
      if (!sums.has(key)) sums.set(key, [a, b, 0]);
      sums.get(key)[2] += count;
    }
    for (const [key, [a, b, sum]] of sums) {
      graph.addEdgeWithKey(key, a, b, { sum: sum, color: "#9a9a9a", veiled: veiled("#9a9a9a") });
    }
  }
  function openCluster(number) {
    collapsed.delete(number);
    aggregate();
    sigma.refresh();
    clusterToggle.setAttribute("aria-pressed", String(collapsed.size > 0));
  }
  function collapseAll(collapse) {
    collapsed.clear();
    if (collapse) for (const number of clusterMembers.keys()) collapsed.add(number);
    aggregate();
    sigma.refresh();
    clusterToggle.setAttribute("aria-pressed", String(collapse));
  }
  let clusterToggle = null;
  function clusterButton() {
    if (!clusterMembers.size) return;
    clusterToggle = element("button", null, "Clusters");
    clusterToggle.type = "button";
    clusterToggle.title = "collapse each community into one node (click one to open it); again to open all";
    clusterToggle.setAttribute("aria-pressed", "false");
    clusterToggle.addEventListener("click", () => collapseAll(!collapsed.size));
    const bar = document.getElementById("controls");
    if (bar) bar.append(clusterToggle);
    window.graphClusters = {
      collapse: () => collapseAll(true),
      openAll: () => collapseAll(false),
      open: openCluster,
      collapsed: () => [...collapsed].sort((a, b) => a - b),
      members: (number) => (clusterMembers.get(number) || []).map((node) => node.id),
    };
  }

  // -- hover previews -----------------------------------------------------------------
  const tip = element("div", "graph-tooltip");
  tip.hidden = true;
  tip.setAttribute("role", "tooltip");
  Object.assign(tip.style, { position: "absolute", pointerEvents: "none", zIndex: 5 });
  function tooltips() {
    container.append(tip);
    let timer = null;
    const show = (content, event) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        tip.replaceChildren(content);
        tip.hidden = false;
        const left = Math.min(event.x + 12, container.clientWidth - tip.offsetWidth - 4);
        const top = Math.min(event.y + 12, container.clientHeight - tip.offsetHeight - 4);
        tip.style.left = Math.max(0, left) + "px";
        tip.style.top = Math.max(0, top) + "px";
      }, 150);
    };
    const hide = () => {
      clearTimeout(timer);
      tip.hidden = true;
    };
    sigma.on("enterNode", (event) => {
      if (!event.node.startsWith(CLUSTER)) {
        show(nodeTooltip(byId.get(event.node)), event.event);
        return;
      }
      const members = clusterMembers.get(Number(event.node.slice(CLUSTER.length)));
      const box = element("div", "tip");
      box.append(element("div", "heading", "A cluster of " + members.length.toLocaleString("en") + " actors"));
      const first = members.slice().sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity)).slice(0, 5);
      box.append(element("div", "meta", "led by " + first.map((node) => node.name).join(", ")));
      box.append(element("div", "meta", "click to open it"));
      show(box, event.event);
    });
    sigma.on("enterEdge", (event) => {
      if (event.edge.startsWith(AGGREGATE)) return;
      const shown = pairs.get(event.edge).relations.filter((edge) => !edgesHidden.has(edge.id));
      if (!shown.length) return;
      const box = element("div");
      box.append(edgeTooltip(shown[0]));
      if (shown.length > 1) box.append(element("div", "meta", "and " + (shown.length - 1) + " more between these two: click for all"));
      show(box, event.event);
    });
    sigma.on("leaveNode", hide);
    sigma.on("leaveEdge", hide);
    sigma.getCamera().on("updated", hide);
  }

  // -- the keyboard: the graph takes the focus; its keys are controls.js's ----------
  function keyboard() {
    container.tabIndex = 0;
    container.setAttribute("role", "application");
    container.setAttribute("aria-roledescription", "graph");
    container.setAttribute(
      "aria-label",
      "graph of actors and relations: arrows pan, plus and minus zoom, Tab walks the actors " +
        "by importance, Enter opens one, Escape leaves"
    );
  }

  // -- labels: by importance, never over one another, at every frame ---------------
  const LABEL_PX = 13;
  const LABEL_FONT = LABEL_PX + 'px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  const byRank = data.nodes.slice().sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity) || (a.id < b.id ? -1 : 1));
  const widths = new Map();
  let drawnLabels = [];
  // While the view moves (camera updates less than MOVING_MS apart: a drag,
  // a wheel zoom), a frame places at most MOVING_LABELS labels among the
  // MOVING_SCAN most important actors; MOVING_MS after the last move the
  // view is drawn again with every label. A single move (a fit, a click on
  // Reset) is drawn whole at once.
  const MOVING_MS = 150;
  const MOVING_LABELS = 40;
  const MOVING_SCAN = 4000;
  let lastMove = -Infinity;
  let moving = false;
  let settle = null;
  function cameraMoved() {
    const now = performance.now();
    moving = now - lastMove < MOVING_MS;
    lastMove = now;
    clearTimeout(settle);
    if (moving) {
      settle = setTimeout(() => {
        moving = false;
        sigma.scheduleRender();
      }, MOVING_MS);
    }
  }
  // A label's box (w x h) around an actor of this radius, as offsets of its
  // top left corner from the actor's centre, in the order they are tried:
  // below (the usual place), right, left, above, then the four corners.
  function placements(radius, w, h, count) {
    const gap = 2;
    const corner = radius * 0.71;
    if (count === 1) return [[-w / 2, radius + gap]];
    return [
      [-w / 2, radius + gap],
      [radius + gap, -h / 2],
      [-radius - gap - w, -h / 2],
      [-w / 2, -radius - gap - h],
      [corner, corner],
      [-corner - w, corner],
      [corner, -corner - h],
      [-corner - w, -corner - h],
    ];
  }
  // Whether a box overlaps one already placed (boxes kept in a grid of cells).
  const CELL = 64;
  function taken(grid, box) {
    for (let cx = Math.floor(box.left / CELL); cx <= Math.floor(box.right / CELL); cx++) {
      for (let cy = Math.floor(box.top / CELL); cy <= Math.floor(box.bottom / CELL); cy++) {
        for (const other of grid.get(cx * 65536 + cy) || []) {
          if (box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom) return true;
        }
      }
    }
    return false;
  }
  // With edge events on, sigma draws every line twice a frame: once to be
  // seen, once into its picking buffer (which line is under the pointer).
  // While the view moves nobody points at a line, so the second pass waits
  // for the camera to stop: the frame drawn MOVING_MS after the last move
  // has it again.
  function pickEdgesWhenStill() {
    for (const program of Object.values(sigma.edgePrograms)) {
      const render = program.render;
      program.render = function (params) {
        const picking = this.pickProgram;
        if (moving) this.pickProgram = null;
        try {
          render.call(this, params);
        } finally {
          this.pickProgram = picking;
        }
      };
    }
  }
  function drawLabels() {
    const ctx = sigma.canvasContexts.labels;
    const width = sigma.getDimensions().width;
    const height = sigma.getDimensions().height;
    ctx.save();
    ctx.font = LABEL_FONT;
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.lineWidth = 3;
    ctx.lineJoin = "round";
    ctx.strokeStyle = PAPER;
    ctx.fillStyle = INK;
    // A label takes its box plus a margin.
    const grid = new Map();
    const placed = [];
    // At most one label per 140 x 40 pixels of the view: a page of names is not a picture.
    const whole = Math.max(30, Math.floor((width * height) / (140 * 40)));
    const budget = moving ? Math.min(whole, MOVING_LABELS) : whole;
    let scan = moving ? MOVING_SCAN : Infinity;
    let candidates = byRank; // the actors by importance, or:
    if (collapsed.size || emphasis) {
      candidates = [];
      for (const number of collapsed) candidates.push({ id: CLUSTER + number, label: clusterLabels.get(number) });
      if (emphasis) {
        if (marked && emphasis.nodes.has(marked)) candidates.push(byId.get(marked));
        for (const node of byRank) if (emphasis.nodes.has(node.id) && node.id !== marked) candidates.push(node);
      } else {
        for (const node of byRank) candidates.push(node);
      }
    }
    // Framed graph coordinates to the view's pixels: an affine map (no rotation),
    // found once a frame from two points, then two multiply-adds a node.
    const origin = sigma.framedGraphToViewport({ x: 0, y: 0 });
    const unit = sigma.framedGraphToViewport({ x: 1, y: 1 });
    const [ax, ay] = [unit.x - origin.x, unit.y - origin.y];
    const sizeRatio = sigma.scaleSize(1);
    // Once the view is full, the rest would only be tried and refused: at
    // most 10 tries a label, counting only actors in the view.
    let tries = budget * 10;
    for (const node of candidates) {
      if (placed.length >= budget || tries <= 0 || scan-- <= 0) break;
      if (nodesHidden.has(node.id)) continue;
      const shown = sigma.getNodeDisplayData(node.id);
      if (!shown || shown.hidden) continue;
      const x = origin.x + ax * shown.x;
      const y = origin.y + ay * shown.y;
      if (x < -200 || x > width + 200 || y < -40 || y > height + 20) continue;
      tries--;
      let textWidth = widths.get(node.id);
      if (textWidth === undefined) {
        textWidth = ctx.measureText(labelOf(node)).width;
        widths.set(node.id, textWidth);
      }
      const radius = shown.size * sizeRatio;
      // Under the actor first; where that is taken, beside it, above it, then
      // at its corners: a label is dropped only when none of these is free.
      // While the view moves, under it only (a frame's text costs more than
      // its placing: the labels are placed again once the camera stops).
      let box = null;
      for (const [dx, dy] of placements(radius, textWidth + 6, LABEL_PX + 4, moving ? 1 : 8)) {
        const left = x + dx;
        const top = y + dy;
        const tried = { left: left, right: left + textWidth + 6, top: top, bottom: top + LABEL_PX + 4 };
        if (tried.right < 0 || tried.left > width || tried.bottom < 0 || tried.top > height) continue;
        if (!taken(grid, tried)) {
          box = tried;
          break;
        }
      }
      if (!box) continue;
      for (let cx = Math.floor(box.left / CELL); cx <= Math.floor(box.right / CELL); cx++) {
        for (let cy = Math.floor(box.top / CELL); cy <= Math.floor(box.bottom / CELL); cy++) {
          const key = cx * 65536 + cy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(box);
        }
      }
      placed.push({ id: node.id, box: box });
      ctx.strokeText(labelOf(node), box.left + 3, box.top + 2);
      ctx.fillText(labelOf(node), box.left + 3, box.top + 2);
    }
    ctx.restore();
    drawnLabels = placed;
    window.drawnLabels = placed;
  }

  // -- emphasis: a veil and an overlay, never a re-processed scene ---------------------
  // Emphasising (a selection, a path, a camp) changes no item of sigma's: a
  // layer of paper at 78% opacity is shown over sigma's WebGL layers (so
  // every item under it looks 22% of its colour on the paper, as the veil
  // always looked), and the emphasised lines and actors are drawn over it on
  // a 2D canvas from sigma's positions and sizes, at every frame
  // (afterRender) and at once when the emphasis changes. The labels are
  // above both. sigma re-processes its items only when what is shown changes
  // (setHidden, restyle, clusters).
  const VEIL_OPACITY = 0.78;
  let veil = null;
  let overlay = null;
  function emphasisLayers() {
    veil = sigma.createLayer("veil", "div", {
      beforeLayer: "labels",
      style: { background: PAPER, opacity: String(VEIL_OPACITY), display: "none", pointerEvents: "none" },
    });
    sigma.createCanvasContext("emphasis", { beforeLayer: "labels", style: { pointerEvents: "none" } });
    overlay = sigma.canvasContexts.emphasis;
    // Sized as sigma's resize sizes its layers, but only these two: resizing
    // the others would clear the frame sigma has drawn already.
    const ratio = sigma.pixelRatio;
    for (const element of [veil, overlay.canvas]) {
      element.style.width = sigma.width + "px";
      element.style.height = sigma.height + "px";
    }
    overlay.canvas.setAttribute("width", sigma.width * ratio + "px");
    overlay.canvas.setAttribute("height", sigma.height * ratio + "px");
    if (ratio !== 1) overlay.scale(ratio, ratio);
  }
  // The frame's overlays: the emphasised items, then the labels.
  function drawTop() {
    drawEmphasis();
    drawLabels();
  }
  // Again outside a frame of sigma's (the emphasis or the mark changed).
  function redrawTop() {
    if (!sigma) return;
    const { width, height } = sigma.getDimensions();
    sigma.canvasContexts.labels.clearRect(0, 0, width, height);
    drawTop();
  }
  let veiling = false;
  let overlayDrawn = false; // an untouched canvas costs the compositor nothing
  function drawEmphasis() {
    if (!overlay) return;
    const { width, height } = sigma.getDimensions();
    if (overlayDrawn) overlay.clearRect(0, 0, width, height);
    overlayDrawn = false;
    if (veiling !== Boolean(emphasis)) {
      veiling = Boolean(emphasis);
      veil.style.display = veiling ? "" : "none";
      // The hovered actor sigma brings to the front would show through the veil.
      sigma.getCanvases().hoverNodes.style.visibility = veiling ? "hidden" : "";
    }
    if (!emphasis && marked === null) return;
    overlayDrawn = true;
    const origin = sigma.framedGraphToViewport({ x: 0, y: 0 });
    const unit = sigma.framedGraphToViewport({ x: 1, y: 1 });
    const [ax, ay] = [unit.x - origin.x, unit.y - origin.y];
    const sizeRatio = sigma.scaleSize(1);
    const at = (shown) => [origin.x + ax * shown.x, origin.y + ay * shown.y];
    // One path a colour and width: thousands of lines in a few strokes.
    const strokes = new Map();
    const fills = new Map();
    const disc = (shown, color) => {
      const [x, y] = at(shown);
      const radius = shown.size * sizeRatio;
      if (x + radius < 0 || x - radius > width || y + radius < 0 || y - radius > height) return;
      if (!fills.has(color)) fills.set(color, new Path2D());
      const path = fills.get(color);
      path.moveTo(x + radius, y);
      path.arc(x, y, radius, 0, 2 * Math.PI);
    };
    if (emphasis) {
      for (const id of pairEmphasised) {
        const shown = sigma.getEdgeDisplayData(id);
        if (!shown || shown.hidden) continue;
        const pair = pairs.get(id);
        const [from, to] = [sigma.getNodeDisplayData(pair.from), sigma.getNodeDisplayData(pair.to)];
        if (from.hidden || to.hidden) continue;
        // sigma's lines are max(size on screen, minEdgeThickness) pixels wide.
        const key = shown.color + " " + Math.max(shown.size * sizeRatio, 1);
        if (!strokes.has(key)) strokes.set(key, new Path2D());
        const path = strokes.get(key);
        path.moveTo(...at(from));
        path.lineTo(...at(to));
      }
      for (const id of emphasis.nodes) {
        if (id === marked || !graph.hasNode(id)) continue;
        const shown = sigma.getNodeDisplayData(id);
        if (shown && !shown.hidden) disc(shown, shown.color);
      }
    }
    overlay.save();
    for (const [key, path] of strokes) {
      const [color, lineWidth] = key.split(" ");
      overlay.strokeStyle = color;
      overlay.lineWidth = Number(lineWidth);
      overlay.stroke(path);
    }
    for (const [color, path] of fills) {
      overlay.fillStyle = color;
      overlay.fill(path);
    }
    // The selected actor on top of the rest (behind the veil if not emphasised).
    if (marked !== null) {
      const shown = sigma.getNodeDisplayData(marked);
      if (shown && !shown.hidden) {
        fills.clear();
        disc(shown, emphasis && !emphasis.nodes.has(marked) ? veiled(shown.color) : shown.color);
        for (const [color, path] of fills) {
          overlay.fillStyle = color;
          overlay.fill(path);
        }
      }
    }
    overlay.restore();
  }

  // -- emphasis and filters -------------------------------------------------------------
  function emphasise(nodeIds, edgeIds) {
    emphasis = nodeIds ? { nodes: new Set(nodeIds), edges: new Set(edgeIds) } : null;
    pairEmphasised.clear();
    if (emphasis) for (const id of emphasis.edges) if (pairOfEdge.has(id)) pairEmphasised.add(pairOfEdge.get(id));
    redrawTop();
  }
  function setHidden(nodeIds, edgeIds) {
    const changed = nodeIds.size !== nodesHidden.size || edgeIds.size !== edgesHidden.size ||
      [...nodeIds].some((id) => !nodesHidden.has(id)) || [...edgeIds].some((id) => !edgesHidden.has(id));
    nodesHidden = nodeIds;
    edgesHidden = edgeIds;
    if (!changed) return;
    countShown();
    if (collapsed.size) aggregate();
    if (sigma) sigma.refresh();
  }
  function mark(id) {
    marked = byId.has(id) && graph && graph.hasNode(id) ? id : null;
    redrawTop();
  }

  // -- the view -------------------------------------------------------------------------
  // Pixels on screen per unit of the page's positions (vis-network's "scale").
  const scale = () => (sigma ? sigma.getGraphToViewportRatio() : 1);
  function animateTo(state, duration) {
    const camera = sigma.getCamera();
    if (duration) camera.animate(state, { duration: duration });
    else camera.setState(state);
  }
  function focus(id, minScale, duration) {
    if (!sigma || !graph.hasNode(id)) return;
    const shown = sigma.getNodeDisplayData(id);
    const ratio = sigma.getCamera().getState().ratio;
    const wanted = minScale ? Math.min(ratio, (ratio * scale()) / minScale) : ratio;
    animateTo({ x: shown.x, y: shown.y, ratio: wanted }, duration);
  }
  function zoom(factor) {
    if (!sigma) return;
    const camera = sigma.getCamera();
    camera.animate({ ratio: camera.getState().ratio / factor }, { duration: 150 });
  }
  // Moves the drawing by dx, dy screen pixels (dx > 0: it moves right).
  function pan(dx, dy) {
    if (!sigma) return;
    const camera = sigma.getCamera();
    const centre = { x: container.clientWidth / 2, y: container.clientHeight / 2 };
    const target = sigma.viewportToFramedGraph({ x: centre.x - dx, y: centre.y - dy });
    camera.animate({ x: target.x, y: target.y }, { duration: 150 });
  }
  // Every shown actor in the view: the whole graph, or the box of those shown.
  function fit(duration) {
    if (!sigma) return;
    const shown = data.nodes.filter((node) => !nodesHidden.has(node.id));
    if (!shown.length || shown.length === data.nodes.length) {
      animateTo({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, duration);
      return;
    }
    let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const node of shown) {
      const at = sigma.getNodeDisplayData(node.id);
      left = Math.min(left, at.x);
      right = Math.max(right, at.x);
      top = Math.min(top, at.y);
      bottom = Math.max(bottom, at.y);
    }
    // In sigma's framed coordinates the whole graph spans 1 at ratio 1.
    const ratio = Math.min(1, Math.max(right - left, bottom - top, 0.02) * 1.1);
    animateTo({ x: (left + right) / 2, y: (top + bottom) / 2, ratio: ratio, angle: 0 }, duration);
  }
  function onceDrawn(callback) {
    if (!sigma) {
      setTimeout(callback);
      return;
    }
    sigma.once("afterRender", () => callback());
    sigma.scheduleRender();
  }
  // The canvases as drawn (edges, nodes, labels), on the page's background, as
  // a PNG at `ratio` pixels per CSS pixel (default: the screen's). sigma reads
  // its resolution from window.devicePixelRatio at every frame, so the page
  // lends it `ratio` for one frame, copies it in the same task (WebGL keeps no
  // buffer), and gives the screen's back.
  function toPng(ratio) {
    const lent = ratio && ratio !== window.devicePixelRatio;
    const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
    if (lent) Object.defineProperty(window, "devicePixelRatio", { value: ratio, configurable: true });
    try {
      sigma.resize(true);
      sigma.render();
      const canvases = sigma.getCanvases();
      const copy = document.createElement("canvas");
      copy.width = canvases.edges.width;
      copy.height = canvases.edges.height;
      const ctx = copy.getContext("2d");
      ctx.fillStyle = PAPER;
      ctx.fillRect(0, 0, copy.width, copy.height);
      for (const name of ["edges", "nodes", "emphasis", "labels", "hoverNodes", "hovers"]) {
        if (!canvases[name] || canvases[name].style.visibility === "hidden") continue;
        if (name === "emphasis" && emphasis) {
          // The veil, as the page composes it.
          ctx.globalAlpha = VEIL_OPACITY;
          ctx.fillRect(0, 0, copy.width, copy.height);
          ctx.globalAlpha = 1;
        }
        ctx.drawImage(canvases[name], 0, 0, copy.width, copy.height);
      }
      return copy.toDataURL("image/png");
    } finally {
      if (lent) {
        // The screen's own again.
        if (own) Object.defineProperty(window, "devicePixelRatio", own);
        else delete window.devicePixelRatio;
        sigma.resize(true);
        sigma.render();
      }
    }
  }
  // Where an actor's centre is, in pixels of the graph's element (null if not drawn).
  function point(id) {
    if (!sigma || !graph.hasNode(id)) return null;
    return sigma.framedGraphToViewport(sigma.getNodeDisplayData(id));
  }

  // The nodes' colours and sizes as the page's items now hold them
  // (switches.js), and the actors leaning to a camp (smaller, labelled so).
  function restyle(leaningNow) {
    leaning = leaningNow;
    widths.clear();
    if (!graph) return;
    graph.updateEachNodeAttributes((id, attributes) => {
      if (attributes.count) return attributes;
      const node = byId.get(id);
      attributes.color = node.color;
      attributes.veiled = veiled(node.color);
      attributes.size = node.size * nodeScale;
      return attributes;
    });
    if (sigma) sigma.refresh();
  }
  return {
    restyle,
    start,
    onClick: (handler) => (clicked = handler),
    select: mark,
    unselect: () => mark(null),
    selected: () => marked,
    emphasise,
    emphasised: () => emphasis,
    setHidden,
    focus,
    zoom,
    pan,
    fit,
    onceDrawn,
    toPng,
    point,
    scale,
    pairOf: (id) => (pairOfEdge.has(id) ? pairs.get(pairOfEdge.get(id)).relations.map((edge) => edge.id) : []),
  };
})();
