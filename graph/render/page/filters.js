// filters.js: the legend, which is also the filters: kinds, relation types and
// signs, each a checkbox with its count, "only", "all" and "none"; the key's
// line (what size, colour and line style mean) and size key; "hide actors with
// no shown relation" (an "only" turns it on); the camps or communities that
// colour the nodes; and applyFilters, which applies every filter (these and
// the date) to the drawing, the counts and the heading.
//
// Needs: data, meta, $, INK, element, button, plural, dateStart, touching
// (base.js); heading (heading.js); selected, kindShown, typeShown, SIGNS,
// signShown, STATES, stateShown, rolesShown, hedgedShown, dateLimit,
// nodeHidden, edgeHidden, saveFragment, lonelyHidden (state.js); renderer (renderer-vis.js); neighbourhood (panel.js);
// structureHides (explore.js).
// Gives: kindBoxes, typeBoxes, signBoxes, stateBoxes (the checkboxes),
// applyFilters(), setLonely(on), setRoles(on), setHedged(on), resetMarks(), drawKey(),
// commentators (the actors whose every relation is commentary or affiliation).

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
      // Only these relations: the actors none of them touches go too.
      if (shown !== kindShown) setLonely(true);
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
// A type's swatch is as wide as its edges: 5 px leading, 4 px hostile, 3 px the rest.
const FAMILY_PX = { leading: 5, hostile: 4 };
function lineSwatch(color, dashes, family) {
  const line = element("span", "line");
  line.style.borderTopStyle = !dashes ? "solid" : dashes[0] <= 2 ? "dotted" : "dashed";
  line.style.borderTopColor = color;
  line.style.borderTopWidth = (FAMILY_PX[family] || 3) + "px";
  if (family) line.dataset.family = family;
  return line;
}
const kindBoxes = legend("legend-kinds", data.kinds, kindShown, (kind) => {
  const symbol = element("span", "symbol", SYMBOLS[kind.shape] || "●");
  symbol.setAttribute("aria-hidden", "true");
  symbol.style.color = meta.colorBy === "kind" ? kind.color : INK;
  return symbol;
}, (name) => data.nodes.filter((n) => n.kind === name && !nodeHidden.has(n.id)).length);
const typeBoxes = legend("legend-types", data.types, typeShown, (type) => lineSwatch(type.color, type.dashes, type.family),
  (name) => data.edges.filter((e) => e.type === name && !edgeHidden.has(e.id)).length);
const signEntries = SIGNS.map((sign) => ({
  name: sign,
  count: data.edges.filter((e) => e.sign === sign).length,
  description: { cooperative: "solid line", hostile: "long dashes", neutral: "dotted line" }[sign],
}));
const SIGN_LOOK = data.signs;
const signBoxes = legend("legend-signs", signEntries, signShown, (sign) =>
  lineSwatch(SIGN_LOOK[sign.name].color, SIGN_LOOK[sign.name].dashes, sign.name === "hostile" ? "hostile" : null),
  (name) => data.edges.filter((e) => e.sign === name && !edgeHidden.has(e.id)).length);
for (const [li, entry] of [...$("legend-signs").children].map((li, n) => [li, signEntries[n]])) {
  li.querySelector(".name").textContent = entry.name + " (" + entry.description + ")";
}
// The key's one line: what size, colour and line style mean; the size key; the
// camps or communities that colour the nodes. Drawn again when a switch changes them.
const leading = data.types.filter((type) => type.family === "leading").map((type) => type.name);
function drawKey() {
  $("key-line").textContent =
    "Size: " + meta.sizeBy + " centrality. " +
    (meta.colorBy === "kind" ? "Colour and shape: the actor's kind. " : "Colour: " + meta.colorBy + "; shape: kind. ") +
    "Line: the relation's sign (solid cooperative, dashed hostile, dotted neutral)" +
    (leading.length ? "; thick: leading (" + leading.join(", ") + ")" : "") +
    "; arrow: who acts on whom.";
  const scores = data.nodes.map((node) => node.score);
  if (scores.length) {
    const shown = (score) => score.toLocaleString("en", { maximumFractionDigits: 3 });
    $("size-range").textContent = shown(Math.min(...scores)) + " to " + shown(Math.max(...scores));
  }
  $("size-by").textContent = meta.sizeBy + " centrality";
  for (const symbol of $("legend-kinds").querySelectorAll(".symbol")) {
    symbol.style.color = meta.colorBy === "kind" ? data.kinds.find((kind) => kind.name === symbol.parentElement.querySelector("input").dataset.name).color : INK;
  }
  $("legend-groups").replaceChildren();
  $("groups").hidden = !data.groups.length;
  if (data.groups.length) {
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
      if (frustrated) $("legend-groups").append(element("li", "meta", plural(frustrated, "frustrated relation", "frustrated relations") + " glow purple"));
    }
  }
}
drawKey();
// "Hide actors with no shown relation": set by its checkbox and by an "only".
const lonelyBox = $("hide-lonely");
lonelyBox.addEventListener("change", () => {
  lonelyHidden = lonelyBox.checked;
  applyFilters();
});
function setLonely(on) {
  lonelyHidden = on;
  lonelyBox.checked = on;
}
// -- which relations: commentary and affiliations, hedged, evidence states ------------
// Commentary and affiliations (a type's role) are not drawn until asked for, nor the
// actors with no other relation ("commentators"); the panel lists them all the same.
const commentators = new Set();
for (const [id, mine] of touching) {
  if (mine.length && mine.every((edge) => edge.role !== "action")) commentators.add(id);
}
const rolesBox = $("show-roles");
const hedgedBox = $("show-hedged");
const webglMarks = meta.renderer === "webgl";
const countOf = (test) => () => data.edges.filter((e) => test(e) && !edgeHidden.has(e.id)).length.toLocaleString("en") +
  " of " + data.edges.filter(test).length.toLocaleString("en");
counters.push([$("roles-count"), countOf((e) => e.role !== "action")]);
counters.push([$("hedged-count"), countOf((e) => e.hedged)]);
$("hedged-name").textContent = "hedged (" + (webglMarks ? "a thinner line when all of a pair's are" : "a circle at the middle") + ")";
function setRoles(on) {
  rolesShown = on;
  rolesBox.checked = on;
}
function setHedged(on) {
  hedgedShown = on;
  hedgedBox.checked = on;
}
function resetMarks() {
  setRoles(false);
  setHedged(true);
  for (const box of stateBoxes) box.checked = true;
  for (const state of STATES) stateShown.set(state, true);
}
rolesBox.addEventListener("change", () => {
  rolesShown = rolesBox.checked;
  applyFilters();
});
hedgedBox.addEventListener("change", () => {
  hedgedShown = hedgedBox.checked;
  applyFilters();
});
$("roles-show").addEventListener("click", () => {
  setRoles(true);
  applyFilters();
});
const STATE_LOOK = webglMarks
  ? { verified: "the line as drawn", located: "a translucent line when none of a pair's is verified", asserted: "a translucent line when none of a pair's is verified" }
  : { verified: "the line alone", located: "a grey band along the line", asserted: "a grey band along the line" };
const stateEntries = STATES.map((state) => ({ name: state, count: data.edges.filter((e) => e.state === state).length, description: STATE_LOOK[state] }));
const stateBoxes = legend("legend-states", stateEntries, stateShown, (entry) => {
  const band = element("span", entry.name === "verified" ? "band" : webglMarks ? "band band-faint" : "band band-band");
  band.setAttribute("aria-hidden", "true");
  return band;
}, (name) => data.edges.filter((e) => e.state === name && !edgeHidden.has(e.id)).length);
for (const [li, entry] of [...$("legend-states").children].map((li, n) => [li, stateEntries[n]])) {
  li.querySelector(".name").textContent = entry.name + " (" + entry.description + ")";
}

function applyFilters() {
  const hidden = new Set();
  for (const node of data.nodes) {
    if (!kindShown.get(node.kind) || structureHides(node.id) || (!rolesShown && commentators.has(node.id))) hidden.add(node.id);
  }
  const gone = new Set();
  for (const edge of data.edges) {
    if (
      !typeShown.get(edge.type) ||
      !signShown.get(edge.sign) ||
      (!rolesShown && edge.role !== "action") ||
      (!hedgedShown && edge.hedged) ||
      !stateShown.get(edge.state) ||
      hidden.has(edge.from) ||
      hidden.has(edge.to) ||
      (dateLimit !== null && edge.date && dateStart.get(edge.date) > dateLimit)
    ) {
      gone.add(edge.id);
    }
  }
  if (lonelyHidden) {
    for (const node of data.nodes) {
      if (touching.get(node.id).every((edge) => gone.has(edge.id))) hidden.add(node.id);
    }
  }
  // The renderer touches only the items whose visibility changes.
  renderer.setHidden(hidden, gone);
  nodeHidden = hidden;
  edgeHidden = gone;
  for (const [counter, count] of counters) counter.textContent = count();
  heading(data.nodes.length - hidden.size, data.edges.length - gone.size);
  const unshown = rolesShown ? 0 : data.nodes.filter((node) => commentators.has(node.id)).length;
  $("roles-note").hidden = unshown === 0;
  $("roles-note-text").textContent = plural(unshown, "commentator", "commentators") + " not drawn:";
  if (selected !== null && !hidden.has(selected)) {
    const [near, around] = neighbourhood(selected);
    renderer.emphasise(near, around);
  }
  saveFragment();
}
heading(data.nodes.length, data.edges.length);
