// renderer-vis.js: draws the graph with vis-network (inlined from pyvis),
// behind the page's renderer interface (docs/page.md, "Renderer interface").
//
// The only module that touches vis-network. It makes the page's documented
// globals `network` (the vis.Network), `nodes` and `edges` (its DataSets, as
// pyvis pages have them), lays the graph out (live physics on small pages,
// positions from Python on large ones), draws the labels of large pages
// itself (and those of small pages zoomed out, where vis-network's would be
// under 11 px), draws emphasis over a veil, switches the level of detail with
// the zoom, skips edges outside the view, counts a click within 12 px of an
// actor's centre as on it, and makes the PNG. With --merge-pairs it draws one
// line per pair of actors, as the WebGL page does.
//
// Needs: data, meta, dark, INK, PAPER, EDGE_INK, element, edgeById, byId,
// compare, status, container (base.js); nodeTooltip, edgeTooltip (tooltips.js).
// Gives: renderer, with start(onStable), onClick(handler), select(id),
// unselect(), selected(), emphasise(nodeIds, edgeIds), emphasised(),
// setHidden(nodeIds, edgeIds), focus(id, minScale, duration), zoom(factor),
// pan(dx, dy), fit(duration), onceDrawn(callback), toPng(ratio), point(id),
// scale(), pairOf(edgeId), restyle(leaning).

const renderer = (function () {
  let network = null;
  let nodes = null;
  let edges = null;
  let clicked = () => {};

  // --merge-pairs: one line per pair of actors, as on WebGL pages: its width
  // by the number of relations, its sign's colour and dashes (ochre and solid
  // when the pair has relations of more than one sign). The relations stay
  // the page's items (panel, filters, paths); only the drawing is merged.
  const pairById = new Map(); // "p<N>" -> drawn item, with its relations
  const pairOfEdge = new Map(); // relation id -> pair id
  if (meta.mergePairs) {
    const byEnds = new Map();
    for (const edge of data.edges) {
      const key = edge.from < edge.to ? edge.from + "\u0000" + edge.to : edge.to + "\u0000" + edge.from;
      if (!byEnds.has(key)) {
        const id = "p" + byEnds.size;
        byEnds.set(key, { id: id, from: edge.from, to: edge.to, relations: [], signs: new Set() });
      }
      const pair = byEnds.get(key);
      pair.relations.push(edge);
      pair.signs.add(edge.sign);
      pairOfEdge.set(edge.id, pair.id);
    }
    for (const pair of byEnds.values()) {
      const look = pair.signs.size === 1 ? data.signs[[...pair.signs][0]] : data.signs.mixed;
      pairById.set(pair.id, {
        id: pair.id,
        from: pair.from,
        to: pair.to,
        relations: pair.relations.map((edge) => edge.id),
        width: 1 + 1.5 * Math.log2(pair.relations.length),
        color: { color: look.color, highlight: look.color, hover: look.color },
        dashes: look.dashes,
        // The marks of the relations when every one of the pair has them (see data.py's _mark_style).
        arrows: pair.relations.every((edge) => edge.hedged) ? "middle" : "",
        smooth: false,
      });
      if (pair.relations.every((edge) => edge.state !== "verified")) {
        const drawn = pairById.get(pair.id);
        drawn.background = { enabled: true, color: "rgba(120, 120, 120, 0.35)", size: drawn.width + 8 };
        drawn.smooth = { enabled: true, type: "curvedCW", roundness: 0 };
      }
    }
  }
  const drawnById = meta.mergePairs ? pairById : edgeById; // what vis-network draws as edges
  // The drawn edges of a set of relation ids.
  const drawnOf = (ids) => (meta.mergePairs ? new Set([...ids].map((id) => pairOfEdge.get(id)).filter(Boolean)) : ids);
  function pairTooltip(pair) {
    const box = element("div");
    box.append(edgeTooltip(edgeById.get(pair.relations[0])));
    if (pair.relations.length > 1) box.append(element("div", "meta", "and " + (pair.relations.length - 1) + " more between these two: click for all"));
    return box;
  }

  // vis-network animates a move in a fixed number of frames, however long
  // each takes: on large graphs the view jumps instead.
  const glide = (duration) => (meta.physics ? { duration: duration } : false);

  // Draws the page's data, laid out and fitted; calls onStable once the
  // fitted view is drawn (at once when there is nothing to draw).
  function start(onStable) {
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
    edges = new vis.DataSet(
      meta.mergePairs
        ? [...pairById.values()].map((pair) => Object.assign({}, pair, { title: pairTooltip(pair) }))
        : data.edges.map((edge) => Object.assign({}, edge, { title: edgeTooltip(edge) }))
    );
    window.nodes = nodes;
    window.edges = edges;

    // -- the network; events are bound before the data arrives, so none is missed --
    const options = data.options;
    options.nodes.font = Object.assign({}, options.nodes.font, {
      color: INK,
      strokeColor: PAPER,
    });
    options.edges.font = Object.assign({}, options.edges.font, { color: EDGE_INK, strokeColor: PAPER });
    // The page's keys (controls.js) pan and zoom through the renderer: vis-network's own move 7 px.
    options.interaction.keyboard = { enabled: false };
    // vis-network measures a label where it draws it: the view is fitted after
    // the first frame with the final positions, and the page is stable once the
    // fitted frame is drawn.
    function fitOnceDrawn() {
      network.once("afterDrawing", () => {
        network.once("afterDrawing", onStable);
        network.fit();
      });
    }
    network = new vis.Network(container, {}, options);
    window.network = network;
    if (data.nodes.length === 0) {
      status.textContent = "No actors to draw.";
      onStable();
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
    const drawing = network.renderer;
    if (!meta.physics && drawing && drawing._drawEdges && drawing._drawArrows) {
      let cached = null;
      drawing._drawEdges = function (ctx) {
        cached = visibleEdges();
        for (const edge of cached) edge.draw(ctx);
      };
      drawing._drawArrows = function (ctx) {
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
    network.on("afterDrawing", drawOver);
    network.on("click", (event) => {
      const node = event.nodes.length ? event.nodes[0] : nodeNear(event.pointer.DOM);
      const edge = node === null && event.edges.length ? event.edges[0] : null;
      if (edge !== null && meta.mergePairs) {
        const shown = pairById.get(edge).relations.filter((id) => !edgesHidden.has(id));
        clicked({ node: null, edge: shown.length ? shown[0] : null, pair: shown });
      } else {
        clicked({ node: node, edge: edge });
      }
    });
  }
  // A tap target is at least 24 px across: a click within TAP_PX of an
  // actor's centre (the nearest one) is on it, however small it is drawn.
  const TAP_PX = 12;
  function nodeNear(point) {
    const at = network.DOMtoCanvas(point);
    const scale = network.getScale();
    let best = null;
    let bestDistance = Infinity;
    for (const id of network.body.nodeIndices) {
      const node = network.body.nodes[id];
      const distance = Math.hypot(node.x - at.x, node.y - at.y) * scale;
      if (distance <= Math.max(TAP_PX, node.options.size * scale) && distance < bestDistance) {
        best = id;
        bestDistance = distance;
      }
    }
    return best;
  }

  // Large graphs seen whole: arrows a pixel wide and dashes shorter than a
  // pixel cost most of a frame and show nothing, so below LOD_SCALE edges are
  // drawn without arrows and with dashes of a constant length on screen. The
  // switch sets vis-network's drawing options of each edge in place (a
  // DataSet update of thousands of edges would be a long task).
  const LOD_SCALE = 0.5;
  let coarse = false;
  let coarseScale = 1;
  function look(ids) {
    const body = network.body;
    for (const id of ids) {
      const drawn = body.edges[id];
      const edge = drawnById.get(id);
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
    look(drawnById.keys());
    network.body.emitter.emit("_requestRedraw");
  }
  // vis-network culls nodes outside the view but draws every edge: zoomed
  // into a large graph, the page skips edges whose two ends lie on one side
  // outside the view (a curve bends at most a quarter of its length out).
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
  // Small pages: vis-network draws the labels from LABEL_PX on screen (data.py's
  // drawThreshold); zoomed out further, the page draws them at LABEL_PX, the
  // most important first, leaving out any that would overlap another or cross
  // the edge of the view.
  const byRank = data.nodes.slice().sort((a, b) => compare([a.rank || Infinity, a.id], [b.rank || Infinity, b.id]));
  function readableLabels(ctx, corner, far, scale, only) {
    const font = data.options.nodes.font.size;
    if (font * scale >= LABEL_PX) return; // vis-network draws them
    ctx.save();
    labelStyle(ctx, scale);
    const placed = [];
    const row = (LABEL_PX * 1.3) / scale;
    for (const node of byRank) {
      if (only && !only.has(node.id)) continue;
      const at = network.body.nodes[node.id];
      if (!at || at.options.hidden) continue;
      const half = ctx.measureText(node.label).width / 2 + 2 / scale;
      const top = at.y + at.options.size + 3 / scale;
      const box = [at.x - half, top, at.x + half, top + row];
      if (box[0] < corner.x || box[2] > far.x || box[3] > far.y) continue;
      if (placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
      placed.push(box);
      drawLabel(ctx, node, scale);
    }
    ctx.restore();
  }
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
  function drawOver(ctx) {
    const corner = network.DOMtoCanvas({ x: 0, y: 0 });
    const far = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    const scale = network.getScale();
    if (!meta.physics) drawLabels(ctx, corner, far, scale);
    else readableLabels(ctx, corner, far, scale, null);
    if (!emphasis) return;
    const body = network.body;
    ctx.save();
    ctx.globalAlpha = 0.78;
    ctx.fillStyle = PAPER;
    ctx.fillRect(corner.x, corner.y, far.x - corner.x, far.y - corner.y);
    ctx.restore();
    const shown = (item) => item && item.options.hidden !== true;
    const lines = drawnOf(emphasis.edges);
    for (const id of lines) {
      const edge = body.edges[id];
      if (shown(edge) && edge.connected) edge.draw(ctx);
    }
    for (const id of lines) {
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
    } else {
      readableLabels(ctx, corner, far, scale, emphasis.nodes);
    }
  }
  function emphasise(nodeIds, edgeIds) {
    emphasis = nodeIds ? { nodes: new Set(nodeIds), edges: new Set(edgeIds) } : null;
    // Drawn in the next animation frame: the event that asked returns at once.
    network.body.emitter.emit("_requestRedraw");
  }

  // -- what the filters hide ------------------------------------------------------
  // Only what changes is touched, and in place: a DataSet update re-reads
  // every option of every item it names (2,700 edges: about 0.3 s), and
  // vis-network then redoes its physics set-up and value ranges, while
  // visibility is one flag. The flag is set on the DataSet's stored item (so
  // nodes.get() and edges.get() tell it) and on vis-network's drawn item, then
  // vis-network recounts what is visible, once.
  let nodesHidden = new Set();
  let edgesHidden = new Set();
  function hide(dataset, drawn, id, value) {
    const stored = dataset._data.get(id);
    if (stored) stored.hidden = value;
    if (drawn[id]) drawn[id].options.hidden = value;
  }
  function setHidden(nodeIds, edgeIds) {
    let changes = 0;
    for (const node of data.nodes) {
      if (nodeIds.has(node.id) !== nodesHidden.has(node.id)) {
        hide(nodes, network.body.nodes, node.id, nodeIds.has(node.id));
        changes++;
      }
    }
    if (meta.mergePairs) {
      // A line is hidden when every relation it stands for is.
      for (const pair of pairById.values()) {
        const now = pair.relations.every((id) => edgeIds.has(id));
        if (now !== pair.relations.every((id) => edgesHidden.has(id))) {
          hide(edges, network.body.edges, pair.id, now);
          changes++;
        }
      }
    } else {
      for (const edge of data.edges) {
        if (edgeIds.has(edge.id) !== edgesHidden.has(edge.id)) {
          hide(edges, network.body.edges, edge.id, edgeIds.has(edge.id));
          changes++;
        }
      }
    }
    if (changes) {
      // What vis-network does itself after such a change, less the physics,
      // value ranges and edge reconnection it would redo for nothing.
      network._updateVisibleIndices();
      network.body.emitter.emit("_requestRedraw");
    }
    nodesHidden = nodeIds;
    edgesHidden = edgeIds;
  }

  // -- the view ---------------------------------------------------------------------
  function focus(id, minScale, duration) {
    if (!network.body.nodes[id]) return; // not drawn (left out for size)
    network.focus(id, { scale: Math.max(network.getScale(), minScale), locked: false, animation: glide(duration) });
    levelOfDetail();
  }
  function zoom(factor) {
    network.moveTo({ scale: network.getScale() * factor, animation: glide(150) });
    levelOfDetail();
  }
  // Moves the drawing by dx, dy screen pixels (dx > 0: it moves right).
  function pan(dx, dy) {
    const scale = network.getScale();
    const at = network.getViewPosition();
    network.moveTo({ position: { x: at.x - dx / scale, y: at.y - dy / scale }, animation: glide(150) });
  }
  function fit(duration) {
    if (duration === undefined) network.fit();
    else network.fit({ animation: glide(duration) });
    levelOfDetail();
  }
  // The view as drawn, on the page's background, as a PNG data URL, at
  // `ratio` pixels per CSS pixel (default: the screen's): the canvas is
  // drawn once at that resolution, copied, and drawn again as it was.
  function toPng(ratio) {
    const surface = network.canvas;
    const canvas = surface.frame.canvas;
    const was = [surface.pixelRatio, canvas.width, canvas.height];
    if (ratio && ratio !== was[0]) {
      surface.pixelRatio = ratio;
      canvas.width = Math.round(canvas.clientWidth * ratio);
      canvas.height = Math.round(canvas.clientHeight * ratio);
      network.renderer._redraw();
    }
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d");
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    if (canvas.width !== was[1]) {
      [surface.pixelRatio, canvas.width, canvas.height] = was;
      network.renderer._redraw();
    }
    return copy.toDataURL("image/png");
  }

  // The nodes' colours and sizes as the page's items now hold them (switches.js),
  // and the actors leaning to a camp drawn with a dashed border.
  function restyle(leaning) {
    if (!nodes) return;
    nodes.update(
      data.nodes.map((node) => ({
        id: node.id,
        color: dark ? { background: node.color, border: "#b8b8b8", highlight: { background: node.color, border: "#ffffff" } } : node.color,
        size: node.size,
        title: nodeTooltip(node),
        borderWidth: leaning.has(node.id) ? 3 : node.onPath ? 4 : node.focus ? 5 : 1,
        shapeProperties: { borderDashes: leaning.has(node.id) ? [4, 3] : false },
      }))
    );
  }
  return {
    restyle,
    start,
    onClick: (handler) => (clicked = handler),
    select: (id) => (network.body.nodes[id] ? network.selectNodes([id]) : network.unselectAll()),
    unselect: () => network.unselectAll(),
    selected: () => {
      const [id] = network.getSelectedNodes();
      return id === undefined ? null : id;
    },
    emphasise,
    emphasised: () => emphasis,
    setHidden,
    focus,
    zoom,
    pan,
    fit,
    onceDrawn: (callback) => network.once("afterDrawing", callback),
    toPng,
    point: (id) => (network.body.nodes[id] ? network.canvasToDOM(network.getPositions([id])[id]) : null),
    scale: () => network.getScale(),
    pairOf: (id) => (meta.mergePairs && pairOfEdge.has(id) ? pairById.get(pairOfEdge.get(id)).relations.slice() : [id]),
  };
})();
