// state.js: the state of the view that several modules share, and the view in
// the URL fragment (`#hideSign=neutral&actor=uk`): a link reopens it.
//
// Needs: data, meta, $, byId, edgeById, nameOf (base.js); kindBoxes,
// typeBoxes, signBoxes, stateBoxes, applyFilters, setLonely, setRoles,
// setHedged (filters.js); switchParams, applySwitches (switches.js); slider (slider.js);
// select, selectEdge (panel.js); showPathBetween (paths.js); exploreParams,
// applyExplore (explore.js).
// Gives: ready, selected, selectedEdge, pathShown, kindShown, typeShown, SIGNS,
// signShown, STATES, stateShown, rolesShown, hedgedShown, dateLimit, lonelyHidden, nodeHidden, edgeHidden,
// saveFragment(pathEnds), applyFragment().

let ready = false; // the first fitted view is drawn
let selected = null; // an actor id
let selectedEdge = null; // a relation id
let pathShown = null; // {nodes: Set, edges: Set, ends: [source, target]}
// What the filters show. Maps, not objects: a kind or type may be named
// "__proto__" or "constructor".
const kindShown = new Map(data.kinds.map((kind) => [kind.name, true]));
const typeShown = new Map(data.types.map((type) => [type.name, true]));
const SIGNS = ["cooperative", "hostile", "neutral"];
const signShown = new Map(SIGNS.map((sign) => [sign, true]));
// Commentary and affiliations are not drawn until asked for; hedged relations are.
let rolesShown = false;
let hedgedShown = true;
const STATES = ["verified", "located", "asserted"];
const stateShown = new Map(STATES.map((state) => [state, true]));
let dateLimit = null; // the last day shown, or null for every date
let lonelyHidden = false; // actors with no shown relation are hidden
let nodeHidden = new Set();
let edgeHidden = new Set();

// -- the view in the URL fragment: a link reopens it ---------------------------
let restoring = false; // applying a fragment: nothing is saved meanwhile
function saveFragment(pathEnds) {
  if (!ready || restoring) return;
  const params = new URLSearchParams();
  for (const [key, shown] of [["hideKind", kindShown], ["hideType", typeShown], ["hideSign", signShown], ["hideState", stateShown]]) {
    for (const [name, on] of shown) if (!on) params.append(key, name);
  }
  if (rolesShown) params.set("roles", "show");
  if (!hedgedShown) params.set("hedged", "hide");
  switchParams(params);
  if (lonelyHidden) params.set("lonely", "hide");
  if (data.dates.length && Number(slider.value) < data.dates.length) params.set("asOf", data.dates[Number(slider.value)].date);
  exploreParams(params);
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
  for (const [key, shown, boxes] of [["hideKind", kindShown, kindBoxes], ["hideType", typeShown, typeBoxes], ["hideSign", signShown, signBoxes], ["hideState", stateShown, stateBoxes]]) {
    for (const name of params.getAll(key)) {
      if (!shown.has(name)) continue;
      shown.set(name, false);
      boxes.find((box) => box.dataset.name === name).checked = false;
    }
  }
  applySwitches(params);
  if (params.get("roles") === "show") setRoles(true);
  if (params.get("hedged") === "hide") setHedged(false);
  applyExplore(params);
  if (params.get("lonely") === "hide") setLonely(true);
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
