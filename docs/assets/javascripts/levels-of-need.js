/* Levels of Need navigator: filters the indicators on the page by words, level, domain and age.
   Without JavaScript the page is a complete plain list and the filters stay hidden. The count of
   matching indicators is announced through a polite live region. The filters are kept in the
   address (?words=...&domain=...), so a filtered list can be bookmarked or sent to a colleague.
   No network requests. */
(function () {
  "use strict";

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function setUp(navigator) {
    var form = navigator.querySelector("[data-lon-filters]");
    var count = navigator.querySelector("[data-lon-count]");
    var none = navigator.querySelector("[data-lon-none]");
    var keyword = form.querySelector("[data-lon-keyword]");
    var level = form.querySelector("[data-lon-level]");
    var domain = form.querySelector("[data-lon-domain]");
    var age = form.querySelector("[data-lon-age]");
    var items = Array.prototype.slice.call(navigator.querySelectorAll("[data-lon-indicator]"));
    // Innermost groups first, so a level is hidden only after its domains have been decided.
    var groups = Array.prototype.slice.call(navigator.querySelectorAll("[data-lon-group]")).reverse();
    var total = items.length;
    var announceTimer = null;
    var fields = { words: keyword, level: level, domain: domain, age: age };

    function matches(item, wanted) {
      if (wanted.level && item.getAttribute("data-level") !== wanted.level) return false;
      if (wanted.domain && item.getAttribute("data-domain") !== wanted.domain) return false;
      if (wanted.age) {
        var ages = item.getAttribute("data-ages").split(" ");
        if (ages.indexOf("all") === -1 && ages.indexOf(wanted.age) === -1) return false;
      }
      var text = item.getAttribute("data-search");
      for (var i = 0; i < wanted.words.length; i++) {
        if (text.indexOf(wanted.words[i]) === -1) return false;
      }
      return true;
    }

    function message(shown) {
      if (shown === total) return "Showing all " + total + " indicators.";
      if (shown === 1) return "Showing 1 of " + total + " indicators.";
      return "Showing " + shown + " of " + total + " indicators.";
    }

    function apply() {
      var wanted = { words: words(keyword.value), level: level.value, domain: domain.value, age: age.value };
      var shown = 0;
      items.forEach(function (item) {
        var show = matches(item, wanted);
        item.hidden = !show;
        if (show) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-lon-indicator]:not([hidden])");
      });
      none.hidden = shown !== 0;
      remember();
      // The list changes at once; the count is announced once typing pauses.
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(function () {
        count.textContent = message(shown);
      }, 400);
    }

    // The address holds the filters: read them on arrival, write them as they change.
    function remember() {
      if (!window.history || !window.history.replaceState) return;
      var params = new URLSearchParams(window.location.search);
      Object.keys(fields).forEach(function (name) {
        var value = fields[name].value.trim();
        if (value) params.set(name, value);
        else params.delete(name);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function recall() {
      var params = new URLSearchParams(window.location.search);
      Object.keys(fields).forEach(function (name) {
        var value = params.get(name);
        if (value === null) return;
        var field = fields[name];
        if (field.tagName === "SELECT" && !field.querySelector('option[value="' + CSS.escape(value) + '"]')) return;
        field.value = value;
      });
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0); // after the browser has cleared the fields
    });
    form.hidden = false;
    recall();
    apply();
    window.clearTimeout(announceTimer);
    count.textContent = message(items.filter(function (item) { return !item.hidden; }).length);
  }

  function start() {
    var navigators = document.querySelectorAll("[data-lon-navigator]");
    for (var i = 0; i < navigators.length; i++) setUp(navigators[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
