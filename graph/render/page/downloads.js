// downloads.js: "Download PNG" (the view as drawn, from the renderer, at
// twice the screen's resolution, with a caption and the key drawn under it)
// and "Download shown relations (CSV)" (the relations the filters leave, with
// the CLI's formula-safe cells, and a UTF-8 byte order mark so that
// spreadsheets read it as UTF-8), both made in the page.
//
// Needs: data, meta, $, INK, PAPER, element, nameOf (base.js); nodeHidden,
// edgeHidden (state.js); renderer (renderer-vis.js); SYMBOLS, FAMILY_PX
// (filters.js).
// Gives: relationsCsv() (the CSV's text, without the mark), keyedPng() (a
// promise of the PNG's data URL).

function download(name, url) {
  const link = element("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
// -- the PNG: the view at PNG_RATIO, then the caption and the key ----------------
const PNG_RATIO = 2;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
function wrapped(ctx, text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    const longer = line ? line + " " + word : word;
    if (line && ctx.measureText(longer).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line) lines.push(line);
  return lines;
}
// The key's entries as [swatch, name]: kinds (or groups), then signs.
function keyEntries() {
  const shownKinds = new Set(data.nodes.filter((n) => !nodeHidden.has(n.id)).map((n) => n.kind));
  const entries = [];
  if (data.groups.length) {
    for (const group of data.groups) entries.push([{ symbol: "●", color: group.color }, group.name]);
  }
  for (const kind of data.kinds) {
    if (!shownKinds.has(kind.name)) continue;
    const color = meta.colorBy === "kind" ? kind.color : INK;
    entries.push([{ symbol: SYMBOLS[kind.shape] || "●", color: color }, kind.name]);
  }
  for (const [name, look] of Object.entries(data.signs)) {
    entries.push([{ line: look, width: FAMILY_PX[name] || 3 }, name]);
  }
  if (data.types.some((type) => type.family === "leading")) {
    entries.push([{ line: data.signs.cooperative, width: FAMILY_PX.leading }, "leading"]);
  }
  return entries;
}
function keyedPng() {
  const view = new Image();
  view.src = renderer.toPng(PNG_RATIO);
  return view.decode().then(() => {
    const r = PNG_RATIO;
    const width = view.width;
    const pad = 12 * r;
    const row = 18 * r;
    const canvas = document.createElement("canvas");
    const ctx = canvas.getContext("2d");
    // Lay the strip out once to measure it, then draw it.
    const layout = (draw) => {
      let y = view.height + pad;
      ctx.textBaseline = "top";
      ctx.font = "600 " + 15 * r + "px " + FONT;
      if (draw) ctx.fillText(meta.title, pad, y);
      y += row + 2 * r;
      ctx.font = 12 * r + "px " + FONT;
      for (const text of [$("subtitle").textContent, $("key-line").textContent]) {
        for (const line of wrapped(ctx, text, width - 2 * pad)) {
          if (draw) ctx.fillText(line, pad, y);
          y += 16 * r;
        }
      }
      y += 4 * r;
      let x = pad;
      for (const [swatch, name] of keyEntries()) {
        const wide = 30 * r + ctx.measureText(name).width + 14 * r;
        if (x + wide > width - pad && x > pad) {
          x = pad;
          y += row;
        }
        if (draw) {
          ctx.save();
          if (swatch.symbol) {
            ctx.font = 15 * r + "px " + FONT;
            ctx.fillStyle = swatch.color;
            ctx.fillText(swatch.symbol, x + 4 * r, y);
          } else {
            ctx.strokeStyle = swatch.line.color;
            ctx.lineWidth = swatch.width * r;
            ctx.setLineDash((swatch.line.dashes || []).map((d) => d * r));
            ctx.beginPath();
            ctx.moveTo(x, y + 8 * r);
            ctx.lineTo(x + 24 * r, y + 8 * r);
            ctx.stroke();
          }
          ctx.restore();
          ctx.fillText(name, x + 30 * r, y);
        }
        x += wide;
      }
      return y + row + pad;
    };
    const height = layout(false);
    canvas.width = width;
    canvas.height = Math.ceil(height);
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(view, 0, 0);
    ctx.fillStyle = INK;
    layout(true);
    return canvas.toDataURL("image/png");
  });
}
$("download-png").addEventListener("click", () => keyedPng().then((url) => download("graph.png", url)));
// A text cell a spreadsheet could run as a formula gets a leading "'"
// (the CLI's CSV rule, graph.cells): so does one already starting with "'",
// so that removing one leading "'" always gives the text back. Numbers are
// written as they are.
function cell(value) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value !== "number" && /^[=+\-@\t\r']/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
function relationsCsv() {
  const rows = [["source", "source_name", "type", "sign", "target", "target_name", "date", "evidence", "document", "weight",
    "role", "hedged", "evidence_state", "locator"]];
  for (const e of data.edges) {
    if (edgeHidden.has(e.id)) continue;
    rows.push([e.from, nameOf(e.from), e.type, e.sign, e.to, nameOf(e.to), e.date, e.evidence, e.document, e.weight,
      e.role, e.hedged ? "true" : "false", e.state, e.locator]);
  }
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
$("download-csv").addEventListener("click", () => {
  // The byte order mark tells spreadsheets the file is UTF-8 ("Türkiye", not
  // "TÃ¼rkiye"); the CLI's --format csv and `graph export` write none.
  const url = URL.createObjectURL(new Blob(["\ufeff" + relationsCsv()], { type: "text/csv;charset=utf-8" }));
  download("relations.csv", url);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});
