/* The review schedule page: filter the table of all documents by owner, state and "due in the next
   90 days". Without JavaScript the form stays hidden and the whole table shows. */
(function () {
  "use strict";

  var DAY = 86400000;

  function setUp() {
    var form = document.querySelector("[data-schedule-filter]");
    var table = document.querySelector("[data-schedule='all']");
    if (!form || !table || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "yes");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var count = document.querySelector("[data-schedule-count]");
    var window_ = Number(form.getAttribute("data-coming-up-days")) || 90;
    var helpers = window.manualReviewState;

    function comingUp(row) {
      if (!helpers) return true;
      var due = helpers.parseIsoDate(row.getAttribute("data-next-review"));
      if (due === null || row.getAttribute("data-on-cycle") !== "true") return false;
      var left = Math.round((due - helpers.londonToday()) / DAY);
      return left >= 0 && left <= window_;
    }

    function apply() {
      var owner = form.elements.owner.value;
      var state = form.elements.state.value;
      var soon = form.elements["coming-up"].checked;
      var shown = 0;
      rows.forEach(function (row) {
        var match = (!owner || row.getAttribute("data-owner") === owner) &&
          (!state || row.getAttribute("data-state") === state) &&
          (!soon || comingUp(row));
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (count) {
        count.textContent = shown === rows.length
          ? rows.length + " documents."
          : "Showing " + shown + " of " + rows.length + " documents.";
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    document.addEventListener("manual:review-state", apply);
    form.hidden = false;
    apply();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
