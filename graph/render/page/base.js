// base.js: the page's data, colours, DOM helpers and lookups, used by every module.
//
// Needs: nothing (it reads the page's JSON block, `graph-data`).
// Gives: data, meta, $, dark, INK, PAPER, EDGE_INK, element, button, plural,
// offstage, byId, edgeById, nameOf, position, touching, dateStart,
// rankOf, compare, status, container.

const data = JSON.parse(document.getElementById("graph-data").textContent);
const meta = data.meta;
// WebGL pages carry their relations as columns of numbers
// (graph.render.data.relation_columns) and their quotes in a block of their
// own, `graph-quotes`, read the first time a quote is asked for: the items
// made here are the same as other pages', `evidence` included.
if (data.relations) data.edges = relationItems(data.relations);
function relationItems(columns) {
  let quotes = null;
  const AT = Symbol("position");
  class Relation {
    constructor(at, id, from, to, type, date, source, state) {
      this.id = id;
      this.from = from;
      this.to = to;
      this.type = type.name;
      this.sign = type.sign;
      this.symmetric = type.symmetric;
      this.document = source;
      this.date = date;
      this.weight = 1;
      this.role = type.role;
      this.hedged = false;
      this.state = state;
      this.locator = null;
      this.url = null;
      this[AT] = at;
    }
    get evidence() {
      if (quotes === null) quotes = JSON.parse(document.getElementById("graph-quotes").textContent).edges;
      return quotes[this[AT]];
    }
  }
  const actorIds = data.nodes.map((node) => node.id);
  const { count, ids, ends, type, date, document: source, state } = columns;
  const dateOf = [null].concat(date.values);
  const documentOf = [null].concat(source.values);
  const stateOf = ["verified"].concat(state.values);
  const items = new Array(count);
  for (let n = 0; n < count; n++) {
    items[n] = new Relation(
      n,
      "r" + (ids ? ids[n] : n),
      actorIds[ends[2 * n]],
      actorIds[ends[2 * n + 1]],
      data.types[type[n]],
      dateOf[date.index[n]],
      documentOf[source.index[n]],
      stateOf[state.index[n]]
    );
  }
  columns.weight.at.forEach((n, k) => (items[n].weight = columns.weight.value[k]));
  for (const flag of ["hedged", "frustrated", "onPath"]) for (const n of columns[flag]) items[n][flag] = true;
  for (const [n, fields] of columns.extra) Object.assign(items[n], fields);
  return items;
}
// Relations written as objects (vis pages, and what a page left out) carry
// their marks only when they differ from the defaults: each is made whole here
// (the columns above give whole items).
{
  const typeOf = new Map(data.types.map((type) => [type.name, type]));
  const asObjects = (data.relations ? [] : data.edges).concat(data.offstage ? data.offstage.edges : []);
  for (const edge of asObjects) {
    if (edge.sign === undefined) {
      edge.sign = typeOf.get(edge.type).sign;
      edge.symmetric = typeOf.get(edge.type).symmetric;
    }
    if (edge.weight === undefined) edge.weight = 1;
    if (edge.date === undefined) edge.date = null;
    if (edge.document === undefined) edge.document = null;
    if (edge.role === undefined) edge.role = "action";
    if (edge.hedged === undefined) edge.hedged = false;
    if (edge.state === undefined) edge.state = "verified";
    if (edge.locator === undefined) edge.locator = null;
    if (edge.url === undefined) edge.url = null;
  }
}
const $ = (id) => document.getElementById(id);
const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
const INK = dark ? "#e8e8e8" : "#222222";
const PAPER = dark ? "#1b1d21" : "#fcfcfc";
const EDGE_INK = dark ? "#c8c8c8" : "#555555";

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined && text !== null) made.textContent = String(text);
  return made;
}
function button(text, label, action) {
  const made = element("button", null, text);
  made.type = "button";
  if (label) made.setAttribute("aria-label", label);
  made.addEventListener("click", action);
  return made;
}
const plural = (count, one, many) => count.toLocaleString("en") + " " + (count === 1 ? one : many);

// -- lookups ------------------------------------------------------------------
// What was left out for size (not drawn, but listed in the panel, found by the
// search and named in the heading): `offstage.nodes` and `offstage.edges`,
// each item marked `offstage: true`.
const offstage = data.offstage || { nodes: [], edges: [] };
for (const item of offstage.nodes.concat(offstage.edges)) item.offstage = true;
const byId = new Map(data.nodes.concat(offstage.nodes).map((node) => [node.id, node]));
// A relation's id is `r` + its place in the dataset: on a page whose
// relations are all drawn, in order (WebGL pages that left nothing out), that
// is its place in data.edges too, and no map of 200,000 ids is made before
// the first frame. Other pages have the map (get, has, keys on both).
const edgeById = data.relations && data.relations.ids === null && !offstage.edges.length
  ? {
    get: (id) => {
      const edge = typeof id === "string" ? data.edges[Number(id.slice(1))] : undefined;
      return edge && edge.id === id ? edge : undefined;
    },
    has: (id) => edgeById.get(id) !== undefined,
    keys: () => data.edges.map((edge) => edge.id).values(),
  }
  : new Map(data.edges.concat(offstage.edges).map((edge) => [edge.id, edge]));
const nameOf = (id) => (byId.has(id) ? byId.get(id).name : id);
const position = (edge) => Number(edge.id.slice(1)); // r12 -> 12, the file order
const touching = new Map([...byId.keys()].map((id) => [id, []]));
for (const edge of data.edges.concat(offstage.edges)) {
  touching.get(edge.from).push(edge);
  if (edge.to !== edge.from) touching.get(edge.to).push(edge);
}
const dateStart = new Map(data.dates.map((stop) => [stop.date, stop.start]));
const rankOf = (id) => byId.get(id).rank || Infinity;
// Arrays compared item by item (sort keys such as [tier, rank, length, id]).
function compare(a, b) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

// The status line under the search box, and the element the graph is drawn in.
const status = $("status");
const container = $("mynetwork");
