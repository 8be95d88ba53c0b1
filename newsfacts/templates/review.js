(function () {
  "use strict";
  var kind = document.getElementById("f-kind");
  var city = document.getElementById("f-city");
  var text = document.getElementById("f-text");
  var hide = document.getElementById("f-hide");
  var count = document.getElementById("f-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.fact-row"));
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  // The marks of each fact (a fact cut in pieces has several), found once.
  var marksOf = {};
  Array.prototype.forEach.call(document.querySelectorAll("mark[data-fact]"), function (mark) {
    var id = mark.getAttribute("data-fact");
    (marksOf[id] = marksOf[id] || []).push(mark);
  });

  // The cities of the facts, for the city filter.
  var cities = {};
  rows.forEach(function (row) { cities[row.getAttribute("data-city")] = true; });
  Object.keys(cities).sort(function (a, b) { return a.localeCompare(b, "ru"); }).forEach(function (name) {
    var option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    city.appendChild(option);
  });

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (params.has("kind")) kind.value = params.get("kind");
    if (params.has("city")) {
      var wanted = params.get("city");
      if (!cities[wanted]) {  // a city with no fact: keep it selectable
        var option = document.createElement("option");
        option.value = wanted;
        option.textContent = wanted;
        city.appendChild(option);
      }
      city.value = wanted;
    }
    if (params.has("q")) text.value = params.get("q");
  }

  function writeHash() {
    var params = new URLSearchParams();
    if (kind.value) params.set("kind", kind.value);
    if (city.value) params.set("city", city.value);
    if (text.value) params.set("q", text.value);
    var hash = params.toString();
    try {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    } catch (error) { /* some browsers refuse it on file:// pages; the filter still works */ }
  }

  function apply() {
    var k = kind.value, c = city.value, q = text.value.trim().toLowerCase();
    var shown = 0;
    var matching = {};
    rows.forEach(function (row) {
      var section = row.closest("section.doc");
      var haystack = (section.getAttribute("data-doc") + " " + row.textContent).toLowerCase();
      var ok = (!k || row.getAttribute("data-kind") === k) &&
               (!c || row.getAttribute("data-city") === c) &&
               (!q || haystack.indexOf(q) >= 0);
      row.hidden = !ok;
      (marksOf[row.getAttribute("data-fact")] || []).forEach(function (m) { m.classList.toggle("dim", !ok); });
      if (ok) { shown += 1; matching[section.id] = true; }
    });
    var filtered = Boolean(k || c || q);
    var docsShown = 0;
    docs.forEach(function (section) {
      var visible = !filtered || !hide.checked || matching[section.id] === true ||
        (!k && !c && q && section.getAttribute("data-doc").toLowerCase().indexOf(q) >= 0);
      section.hidden = !visible;
      if (visible) docsShown += 1;
    });
    count.textContent = shown + " of " + rows.length + " facts, " + docsShown + " of " + docs.length + " documents";
    document.body.setAttribute("data-shown-facts", String(shown));
  }

  // Hovering a fact row lights its mark in the text, and the other way round.
  function light(id, on) {
    document.querySelectorAll('[data-fact="' + id + '"]').forEach(function (el) { el.classList.toggle("active", on); });
  }
  document.addEventListener("mouseover", function (event) {
    var el = event.target.closest && event.target.closest("[data-fact]");
    if (el) light(el.getAttribute("data-fact"), true);
  });
  document.addEventListener("mouseout", function (event) {
    var el = event.target.closest && event.target.closest("[data-fact]");
    if (el) light(el.getAttribute("data-fact"), false);
  });

  [kind, city, hide].forEach(function (el) { el.addEventListener("change", function () { apply(); writeHash(); }); });
  text.addEventListener("input", function () { apply(); writeHash(); });
  window.addEventListener("hashchange", function () {
    if (/^#d\d+(-f\d+)?$/.test(location.hash)) return;  // a jump to a document or a fact, not a filter
    readHash(); apply();
  });
  if (!/^#d\d+(-f\d+)?$/.test(location.hash)) readHash();
  apply();
  document.body.setAttribute("data-ready", "1");
})();
