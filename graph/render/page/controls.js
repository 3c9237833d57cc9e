// controls.js: the view controls (zoom in, zoom out, Fit, Reset), the
// keyboard on the graph (arrows pan a fifth of the view, + and − zoom as the
// buttons do, Tab and Shift+Tab walk the actors by importance, Enter opens
// one), Escape closing the innermost thing only, and the re-fit when the
// window changes size.
//
// Needs: data, $, nameOf, rankOf, compare, status, container (base.js); ready,
// pathShown, kindShown, typeShown, signShown, dateLimit, nodeHidden (state.js);
// renderer (renderer-vis.js); clearSelection, select, details (panel.js);
// kindBoxes, typeBoxes, signBoxes, applyFilters, setLonely, resetMarks
// (filters.js);
// slider (slider.js); search (search.js); tipsShown, hideTips (tooltips.js);
// resetExplore (explore.js).
// Gives: reset() (all filters off, no selection, fitted).

const ZOOM_STEP = 1.3;
const PAN_STEP = 0.2; // of the view's width or height
$("zoom-in").addEventListener("click", () => renderer.zoom(ZOOM_STEP));
$("zoom-out").addEventListener("click", () => renderer.zoom(1 / ZOOM_STEP));
$("fit").addEventListener("click", () => renderer.fit(200));
$("reset").addEventListener("click", () => reset());
function reset() {
  for (const box of [...kindBoxes, ...typeBoxes, ...signBoxes]) box.checked = true;
  for (const shown of [kindShown, typeShown, signShown]) for (const key of shown.keys()) shown.set(key, true);
  setLonely(false);
  resetMarks();
  dateLimit = null;
  if (data.dates.length) {
    slider.value = slider.max;
    slider.dispatchEvent(new Event("input"));
  }
  pathShown = null;
  $("path-result").replaceChildren();
  search.value = "";
  status.textContent = "";
  resetExplore();
  applyFilters();
  clearSelection();
  renderer.fit();
}
// Tab walks the actors by importance while the graph has focus (in an order
// made on the first Tab: sorting 20,000 actors cost the first frame 0.1 s).
let byImportance = null;
let walking = -1;
container.addEventListener("keydown", (event) => {
  if (event.key === "Tab" && !event.altKey && !event.ctrlKey) {
    if (!byImportance) byImportance = data.nodes.slice().sort((a, b) => compare([rankOf(a.id), a.id], [rankOf(b.id), b.id]));
    const visible = byImportance.filter((node) => !nodeHidden.has(node.id));
    const next = walking + (event.shiftKey ? -1 : 1);
    if (next < 0 || next >= visible.length) {
      walking = -1;
      return; // leaves the graph
    }
    event.preventDefault();
    walking = next;
    const id = visible[next].id;
    renderer.select(id);
    renderer.focus(id, 1, 150);
    status.textContent = nameOf(id) + " (" + (next + 1) + " of " + visible.length + "): Enter for details";
  } else if (event.key === "Enter") {
    const id = renderer.selected();
    if (id !== null) select(id, false);
  } else if (event.altKey || event.ctrlKey || event.metaKey) {
    return;
  } else if (PAN_KEYS[event.key]) {
    event.preventDefault();
    const [x, y] = PAN_KEYS[event.key];
    renderer.pan(x * PAN_STEP * container.clientWidth, y * PAN_STEP * container.clientHeight);
  } else if (["+", "=", "PageUp"].includes(event.key)) {
    event.preventDefault();
    renderer.zoom(ZOOM_STEP);
  } else if (["-", "_", "−", "PageDown"].includes(event.key)) {
    event.preventDefault();
    renderer.zoom(1 / ZOOM_STEP);
  }
});
// An arrow shows more of the graph on its side: the drawing moves the other way.
const PAN_KEYS = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
// Escape closes the innermost thing only: a tooltip, else the details panel
// (the focus stays where it is), else the actor marked by Tab on the graph,
// else it leaves the graph. A search box with text clears itself first.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  const active = document.activeElement;
  if (active && active.type === "search" && active.value) return;
  const onGraph = container.contains(active);
  if (tipsShown()) {
    hideTips();
  } else if (!details.hidden) {
    const inside = details.contains(active);
    clearSelection();
    walking = -1;
    if (inside) search.focus(); // its button is gone
  } else if (onGraph && renderer.selected() !== null) {
    renderer.unselect();
    walking = -1;
    status.textContent = "";
  } else if (onGraph) {
    walking = -1;
    $("zoom-in").focus();
  } else {
    return;
  }
  event.preventDefault();
});
let resizing = null;
let fittedFor = null; // the graph's size (whole pixels) its view was last fitted for
new ResizeObserver((entries) => {
  const box = entries[entries.length - 1].contentRect;
  const size = Math.round(box.width) + "x" + Math.round(box.height);
  // The first report is the size the page started with, which the first view
  // was fitted for: a new fit (another whole frame to draw) only on a change.
  const first = fittedFor === null;
  if (first || !ready) fittedFor = size;
  if (first || !ready || size === fittedFor) return;
  fittedFor = size;
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    renderer.fit();
    renderer.onceDrawn(() => (window.graphRefits = (window.graphRefits || 0) + 1));
  }, 150);
}).observe(container);
