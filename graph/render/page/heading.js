// heading.js: the page's heading: title, dataset, counts (following the
// filters), focus, path, colouring, what was left out, and the sources.
//
// Needs: data, meta, $, element, button, plural, offstage, rankOf (base.js);
// select (panel.js).
// Gives: heading(shownActors, shownRelations), called by filters.js.

document.title = meta.title;
$("title").textContent = meta.title;
function heading(shownActors, shownRelations) {
  const facts = ["Dataset: " + meta.dataset];
  const filtered = shownActors !== data.nodes.length || shownRelations !== data.edges.length;
  facts.push(
    plural(shownActors, "actor", "actors") + (filtered ? " of " + data.nodes.length.toLocaleString("en") : "")
  );
  facts.push(
    plural(shownRelations, "relation", "relations") +
      (filtered ? " of " + data.edges.length.toLocaleString("en") : "") +
      (filtered ? " shown" : "")
  );
  if (meta.focus) {
    const steps = meta.focus.depth === 1 ? " relation" : " relations";
    facts.push("within " + meta.focus.depth + steps + " of " + meta.focus.name);
  }
  if (meta.path) {
    facts.push(
      meta.path.count
        ? "highlighted: " + meta.path.count + " shortest path(s) of " + meta.path.hops +
            " hop(s) from " + meta.path.source + " to " + meta.path.target
        : "no path from " + meta.path.source + " to " + meta.path.target
    );
  }
  if (meta.colorBy !== "kind") facts.push("colours: " + meta.colorBy);
  $("subtitle").textContent = facts.join(" · ");
}
if (meta.omitted) {
  const o = meta.omitted;
  $("omitted").textContent =
    "Too large to draw whole: the " + data.nodes.length.toLocaleString("en") +
    " most important of " + o.totalActors.toLocaleString("en") + " actors (by " + meta.sizeBy +
    ") and " + data.edges.length.toLocaleString("en") + " of " + o.totalRelations.toLocaleString("en") +
    " relations are drawn; " + plural(o.actors, "actor", "actors") + " and " +
    plural(o.relations, "relation", "relations") + " are left out. Use --renderer webgl, --max-actors N or --focus ACTOR." +
    (offstage.nodes.length ? " Search finds every actor; each actor's panel lists all its relations, drawn or not." : "");
  if (offstage.nodes.length) {
    // The actors left out, by importance: each opens its panel. Built when opened.
    const list = element("details", "offstage");
    list.append(element("summary", null, "List the " + plural(offstage.nodes.length, "actor", "actors") + " not drawn"));
    list.addEventListener("toggle", () => {
      if (!list.open || list.querySelector("ol")) return;
      const items = element("ol");
      for (const node of offstage.nodes.slice().sort((a, b) => rankOf(a.id) - rankOf(b.id) || (a.id < b.id ? -1 : 1))) {
        const item = element("li");
        item.append(button(node.name, null, () => select(node.id, true)));
        items.append(item);
      }
      list.append(items);
    });
    $("omitted").after(list);
  }
}
// Sources fold after the first few: a corpus has hundreds of documents.
const sources = $("sources");
const SOURCES_SHOWN = 3;
const describe = (d) => d.key + " (" + d.file + ")";
if (!meta.documents.length) {
  sources.textContent = "Sources: none declared (evidence quotes not checked against documents)";
} else {
  sources.append("Sources: " + meta.documents.slice(0, SOURCES_SHOWN).map(describe).join(", "));
  if (meta.documents.length > SOURCES_SHOWN) {
    const more = element("details");
    more.append(
      element("summary", null, "and " + (meta.documents.length - SOURCES_SHOWN) + " more"),
      element("span", null, meta.documents.slice(SOURCES_SHOWN).map(describe).join(", "))
    );
    sources.append(" ", more);
  }
}
$("size-by").textContent = meta.sizeBy + " centrality";
