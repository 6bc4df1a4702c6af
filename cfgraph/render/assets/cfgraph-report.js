/* cfgraph report: click a column heading to sort its table (numbers as numbers). */
(function () {
  "use strict";
  function value(cell) {
    var text = cell.textContent.trim();
    var n = Number(text.replace(",", "."));
    return text !== "" && !isNaN(n) ? n : text.toLowerCase();
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var descending = th.getAttribute("aria-sort") !== "descending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    rows.sort(function (a, b) {
      var x = value(a.cells[index]), y = value(b.cells[index]);
      if (x === "" && y !== "") { x = typeof y === "number" ? -Infinity : ""; }
      if (y === "" && x !== "") { y = typeof x === "number" ? -Infinity : ""; }
      var c = (typeof x === typeof y) ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
      return descending ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by this column");
      th.addEventListener("click", function () { sortBy(table, index, th); });
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { sortBy(table, index, th); } });
    });
  });
  document.body.setAttribute("data-ready", "1");
}());
