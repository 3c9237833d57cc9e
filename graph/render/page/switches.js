// switches.js: colour and size switched in the viewer: the nodes coloured by
// kind, camp or community and sized by degree, betweenness or PageRank, as far
// as the page carries them (`data.switches`: every node's `scores` and
// `groupOf`, computed in Python). A switch rewrites each node's colour, size,
// score and rank and the page's `meta.colorBy` / `meta.sizeBy`, asks the
// renderer to restyle, and draws the key again; the address keeps it
// (`color=camp&size=betweenness`, only where it differs from the page as written).
//
// Needs: data, meta, $, element (base.js); renderer (renderer-vis.js); drawKey,
// applyFilters (filters.js).
// Gives: colorSwitch, sizeSwitch (the two selects), switchTo(color, size),
// switchParams(params), applySwitches(params).

const switches = data.switches || { sizes: [meta.sizeBy], colors: [meta.colorBy], groups: {} };
const written = { color: meta.colorBy, size: meta.sizeBy };
const colorSwitch = $("color-switch");
const sizeSwitch = $("size-switch");
for (const [box, offered, current] of [[colorSwitch, switches.colors, meta.colorBy], [sizeSwitch, switches.sizes, meta.sizeBy]]) {
  for (const name of offered) {
    const option = element("option", null, name);
    option.value = name;
    option.selected = name === current;
    box.append(option);
  }
  box.disabled = offered.length < 2;
}
const kindColor = new Map(data.kinds.map((kind) => [kind.name, kind.color]));
function switchTo(color, size) {
  if (!switches.colors.includes(color)) color = meta.colorBy;
  if (!switches.sizes.includes(size)) size = meta.sizeBy;
  if (color === meta.colorBy && size === meta.sizeBy) return;
  meta.colorBy = color;
  meta.sizeBy = size;
  colorSwitch.value = color;
  sizeSwitch.value = size;
  const groupList = color === "kind" ? [] : switches.groups[color];
  const leaning = new Set();
  for (const node of data.nodes) {
    if (color === "kind") {
      node.color = kindColor.get(node.kind);
    } else {
      node.colorGroup = node.groupOf[color];
      const group = groupList.find((entry) => entry.group === node.colorGroup);
      node.color = group ? group.color : "#767676";
    }
    if (color === "camp" && node.standing === "leaning") leaning.add(node.id);
    [node.score, node.rank, node.size] = node.scores[size];
  }
  data.groups = groupList;
  renderer.restyle(leaning);
  drawKey();
  applyFilters();
}
colorSwitch.addEventListener("change", () => switchTo(colorSwitch.value, meta.sizeBy));
sizeSwitch.addEventListener("change", () => switchTo(meta.colorBy, sizeSwitch.value));
function switchParams(params) {
  if (meta.colorBy !== written.color) params.set("color", meta.colorBy);
  if (meta.sizeBy !== written.size) params.set("size", meta.sizeBy);
}
function applySwitches(params) {
  switchTo(params.get("color") || meta.colorBy, params.get("size") || meta.sizeBy);
}
