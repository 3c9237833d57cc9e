// downloads.js: "Download PNG" (the view as drawn, from the renderer) and
// "Download shown relations (CSV)" (the relations the filters leave, with the
// CLI's formula-safe cells), both made in the page.
//
// Needs: data, $, element, nameOf (base.js); edgeHidden (state.js); renderer
// (renderer-vis.js).
// Gives: relationsCsv() (the CSV's text).

function download(name, url) {
  const link = element("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
$("download-png").addEventListener("click", () => download("graph.png", renderer.toPng()));
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
  const rows = [["source", "source_name", "type", "sign", "target", "target_name", "date", "evidence", "document", "weight"]];
  for (const e of data.edges) {
    if (edgeHidden.has(e.id)) continue;
    rows.push([e.from, nameOf(e.from), e.type, e.sign, e.to, nameOf(e.to), e.date, e.evidence, e.document, e.weight]);
  }
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
$("download-csv").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([relationsCsv()], { type: "text/csv;charset=utf-8" }));
  download("relations.csv", url);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});
