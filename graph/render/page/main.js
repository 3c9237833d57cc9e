// main.js: starts the page: the renderer draws the graph, and once the fitted
// view is drawn the page is stable: the view in the address is applied,
// `window.graphStable` is set and `graph-stable` fired on `document`. Sets the
// global graphView (the page's own actions and state, docs/page.md) and closes
// the scope prelude.js opened.
//
// Needs: data, meta, status (base.js); ready, selected, nodeHidden, edgeHidden,
// applyFragment (state.js); applyFilters (filters.js); renderer (renderer-vis.js); select, selectEdge,
// clearSelection (panel.js); find (search.js); showPathBetween (paths.js);
// reset (controls.js); relationsCsv (downloads.js); graphView (prelude.js).
// Gives: graphView's value.

function stable() {
  // Commentary and affiliations start hidden: if the page has any, the
  // filters apply before the view is stable, and the view is fitted again.
  if (data.edges.some((edge) => edge.role !== "action")) {
    applyFilters();
    renderer.fit();
    renderer.onceDrawn(settled);
  } else {
    settled();
  }
}
function settled() {
  status.textContent = "";
  ready = true;
  applyFragment();
  window.graphStable = true;
  document.dispatchEvent(new CustomEvent("graph-stable"));
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
  emphasised: () => {
    const emphasis = renderer.emphasised();
    return emphasis ? { nodes: [...emphasis.nodes].sort(), edges: [...emphasis.edges].sort() } : null;
  },
  hidden: () => ({ nodes: [...nodeHidden].sort(), edges: [...edgeHidden].sort() }),
  selected: () => selected,
  renderer: meta.renderer,
  point: (id) => renderer.point(id),
  scale: () => renderer.scale(),
  pairOf: (id) => renderer.pairOf(id),
};

renderer.start(stable);
})();
