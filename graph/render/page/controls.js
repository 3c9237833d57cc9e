// controls.js: the view controls (zoom in, zoom out, Fit, Reset), the
// keyboard on the graph (Tab and Shift+Tab walk the actors by importance,
// Enter opens one, Escape leaves; arrows and + / − are the renderer's), and
// the re-fit when the window changes size.
//
// Needs: data, $, nameOf, rankOf, compare, status, container (base.js); ready,
// pathShown, kindShown, typeShown, signShown, dateLimit, nodeHidden (state.js);
// renderer (renderer-vis.js); clearSelection, select (panel.js); kindBoxes,
// typeBoxes, signBoxes, applyFilters (filters.js); slider (slider.js);
// search (search.js); resetExplore (explore.js).
// Gives: reset() (all filters off, no selection, fitted).

$("zoom-in").addEventListener("click", () => renderer.zoom(1.3));
$("zoom-out").addEventListener("click", () => renderer.zoom(1 / 1.3));
$("fit").addEventListener("click", () => renderer.fit(200));
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
  resetExplore();
  applyFilters();
  clearSelection();
  renderer.fit();
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
    renderer.select(id);
    renderer.focus(id, 1, 150);
    status.textContent = nameOf(id) + " (" + (next + 1) + " of " + visible.length + "): Enter for details";
  } else if (event.key === "Enter") {
    const id = renderer.selected();
    if (id !== null) select(id, false);
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
    renderer.fit();
    renderer.onceDrawn(() => (window.graphRefits = (window.graphRefits || 0) + 1));
  }, 150);
}).observe(container);
