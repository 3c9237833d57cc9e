// paths.js: the path picker: every shortest path between two actors,
// undirected, over the relations shown, exactly as `graph path` finds them,
// emphasised on the graph and listed in the panel with their quotes.
//
// Needs: data, $, element, plural, nameOf, position, touching, edgeById, compare
// (base.js); pathShown, edgeHidden, saveFragment (state.js); renderer
// (renderer-vis.js); quoteBlock (panel.js); find (search.js); graphView
// (prelude.js, set by main.js).
// Gives: showPath(from, to) (as typed), showPathBetween(source, target, from, to) (ids).

// Undirected, over the relations shown; every shortest path, sorted by its
// sequence of ids; each hop names its first relation in file order and the
// others linking the same two actors under "also".
const MAX_PATHS = 50;
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
      .filter((e) => !e.offstage && !edgeHidden.has(e.id) && ((e.from === a && e.to === b) || (e.from === b && e.to === a)))
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
    renderer.emphasise(null);
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
  renderer.emphasise(onPath, onPathEdges);
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
  renderer.emphasise(null);
  saveFragment();
});
