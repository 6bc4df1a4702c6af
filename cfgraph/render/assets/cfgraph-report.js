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
/* The findings filter: by outcome, check and severity; the count follows. */
(function () {
  "use strict";
  var form = document.getElementById("findings-filter");
  var table = document.getElementById("findings-table");
  if (!form || !table) { return; }
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  function apply() {
    var shown = 0, rows = table.tBodies[0].rows;
    Array.prototype.forEach.call(rows, function (row) {
      var ok = selects.every(function (s) {
        var v = s.value, key = s.getAttribute("data-filter");
        if (!v) { return true; }
        var cell = row.getAttribute("data-" + key) || "";
        return key === "outcome" ? cell.indexOf(" " + v + " ") >= 0 : cell === v;
      });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("findings-shown").textContent = shown + " of " + rows.length + " findings";
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
}());
