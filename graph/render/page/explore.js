// explore.js: reading a large graph by its structure: actors with at least N
// relations, a k-core, the largest connected group only, and the
// neighbourhood of one actor, expanded outward a step at a time (hiding the
// actors left with no shown relation is the legend's "lonely" box,
// filters.js). Each is a filter like the legend's: applyFilters asks
// structureHides(id) for every actor; the view in the address keeps them
// (exploreParams, applyExplore).
//
// Needs: data, $, element, button, nameOf, status (base.js); applyFilters
// (filters.js); find (search.js); saveFragment (state.js).
// Gives: structureHides(id), exploreParams(params), applyExplore(params),
// resetExplore().

const explore = { minDegree: 0, core: 0, largest: false, around: null, depth: 1 };
// The drawn relations as a simple undirected graph: actor id -> Set of neighbours.
let neighbours = null;
let relationCount = null;
let coreOf = null;
let largestGroup = null;
function structure() {
  if (neighbours) return;
  neighbours = new Map(data.nodes.map((node) => [node.id, new Set()]));
  relationCount = new Map(data.nodes.map((node) => [node.id, 0]));
  for (const edge of data.edges) {
    relationCount.set(edge.from, relationCount.get(edge.from) + 1);
    if (edge.to !== edge.from) {
      relationCount.set(edge.to, relationCount.get(edge.to) + 1);
      neighbours.get(edge.from).add(edge.to);
      neighbours.get(edge.to).add(edge.from);
    }
  }
}
// Core numbers (Batagelj and Zaversnik): peel the actors of fewest neighbours
// first; an actor's core number is the degree at which it is peeled.
function cores() {
  structure();
  if (coreOf) return coreOf;
  const degree = new Map();
  let most = 0;
  for (const [id, near] of neighbours) {
    degree.set(id, near.size);
    most = Math.max(most, near.size);
  }
  const buckets = Array.from({ length: most + 1 }, () => new Set());
  for (const [id, d] of degree) buckets[d].add(id);
  coreOf = new Map();
  let d = 0;
  while (coreOf.size < degree.size) {
    while (!buckets[d].size) d++;
    const [id] = buckets[d];
    buckets[d].delete(id);
    coreOf.set(id, d);
    for (const other of neighbours.get(id)) {
      if (coreOf.has(other)) continue;
      const was = degree.get(other);
      if (was > d) {
        buckets[was].delete(other);
        degree.set(other, was - 1);
        buckets[was - 1].add(other);
      }
    }
  }
  return coreOf;
}
function largest() {
  structure();
  if (largestGroup) return largestGroup;
  const seen = new Set();
  let best = new Set();
  for (const node of data.nodes) {
    if (seen.has(node.id)) continue;
    const group = new Set([node.id]);
    const queue = [node.id];
    seen.add(node.id);
    for (let head = 0; head < queue.length; head++) {
      for (const other of neighbours.get(queue[head])) {
        if (!seen.has(other)) {
          seen.add(other);
          group.add(other);
          queue.push(other);
        }
      }
    }
    if (group.size > best.size) best = group;
  }
  largestGroup = best;
  return best;
}
let nearby = null; // the actors within explore.depth of explore.around
function reach() {
  structure();
  nearby = new Map([[explore.around, 0]]);
  const queue = [explore.around];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    if (nearby.get(at) >= explore.depth) continue;
    for (const other of neighbours.get(at)) {
      if (!nearby.has(other)) {
        nearby.set(other, nearby.get(at) + 1);
        queue.push(other);
      }
    }
  }
}

// -- the filters' hooks -------------------------------------------------------------
function structureHides(id) {
  if (explore.minDegree) {
    structure();
    if (relationCount.get(id) < explore.minDegree) return true;
  }
  if (explore.core && cores().get(id) < explore.core) return true;
  if (explore.largest && !largest().has(id)) return true;
  if (explore.around !== null && !nearby.has(id)) return true;
  return false;
}

// -- the controls ---------------------------------------------------------------------
const exploreSection = element("section");
exploreSection.id = "explore";
exploreSection.append(element("h2", null, "Explore the structure"));
function numberField(label, key, max) {
  const line = element("p", "explore-line");
  const input = element("input");
  input.type = "number";
  input.min = "0";
  input.max = String(max);
  input.value = "0";
  input.id = "explore-" + key;
  const text = element("label", null, label + " ");
  text.htmlFor = input.id;
  input.addEventListener("change", () => {
    explore[key] = Math.max(0, Math.floor(Number(input.value) || 0));
    applyFilters();
  });
  line.append(text, input);
  exploreSection.append(line);
  return input;
}
function checkField(label, key) {
  const line = element("p", "explore-line");
  const text = element("label");
  const box = element("input");
  box.type = "checkbox";
  box.id = "explore-" + key;
  box.addEventListener("change", () => {
    explore[key] = box.checked;
    applyFilters();
  });
  text.append(box, " " + label);
  line.append(text);
  exploreSection.append(line);
  return box;
}
const degreeInput = numberField("Actors with at least this many relations:", "minDegree", data.edges.length);
const coreInput = numberField("k-core: actors with at least k neighbours inside it:", "core", data.nodes.length);
const largestBox = checkField("the largest connected group only", "largest");
const aroundLine = element("form", "explore-line");
const aroundInput = element("input");
aroundInput.id = "explore-around";
aroundInput.setAttribute("list", "actor-names");
aroundInput.autocomplete = "off";
const aroundLabel = element("label", null, "Around ");
aroundLabel.htmlFor = aroundInput.id;
const depthText = element("span", "meta");
function showAround(id) {
  explore.around = id;
  if (id === null) {
    nearby = null;
    depthText.textContent = "";
  } else {
    reach();
    depthText.textContent = " within " + explore.depth + (explore.depth === 1 ? " relation" : " relations") +
      ": " + nearby.size + " actors";
  }
  applyFilters();
}
aroundLine.append(
  aroundLabel,
  aroundInput,
  " ",
  button("Show", "show only the actors around this one", (event) => {
    event.preventDefault();
    const id = find(aroundInput.value);
    if (id === null || !neighboursOf(id)) {
      status.textContent = "No drawn actor matches “" + aroundInput.value.trim() + "”.";
      return;
    }
    explore.depth = 1;
    aroundInput.value = nameOf(id);
    showAround(id);
  }),
  button("Expand", "one relation further out", (event) => {
    event.preventDefault();
    if (explore.around === null) return;
    explore.depth += 1;
    showAround(explore.around);
  }),
  button("All", "show every actor again", (event) => {
    event.preventDefault();
    aroundInput.value = "";
    showAround(null);
  }),
  depthText
);
aroundLine.addEventListener("submit", (event) => event.preventDefault());
exploreSection.append(aroundLine);
$("path").after(exploreSection);
function neighboursOf(id) {
  structure();
  return neighbours.get(id);
}

// -- the view in the address, and Reset --------------------------------------------------
function exploreParams(params) {
  if (explore.minDegree) params.set("minDegree", explore.minDegree);
  if (explore.core) params.set("core", explore.core);
  if (explore.largest) params.set("largest", "1");
  if (explore.around !== null) {
    params.set("around", explore.around);
    params.set("depth", explore.depth);
  }
}
function applyExplore(params) {
  explore.minDegree = Math.max(0, Math.floor(Number(params.get("minDegree")) || 0));
  explore.core = Math.max(0, Math.floor(Number(params.get("core")) || 0));
  explore.largest = params.get("largest") === "1";
  degreeInput.value = String(explore.minDegree);
  coreInput.value = String(explore.core);
  largestBox.checked = explore.largest;
  const id = params.get("around");
  if (id !== null && neighboursOf(id)) {
    explore.depth = Math.max(1, Math.floor(Number(params.get("depth")) || 1));
    aroundInput.value = nameOf(id);
    explore.around = id;
    reach();
  }
}
function resetExplore() {
  applyExplore(new URLSearchParams());
  explore.around = null;
  nearby = null;
  aroundInput.value = "";
  depthText.textContent = "";
  saveFragment();
}
