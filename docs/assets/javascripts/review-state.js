/* Review state, re-checked against the reader's date (Europe/London).
   The build decides each document's state for the day it ran; a page read weeks later may be out of
   date. This script recomputes the state from the data-next-review and data-on-cycle attributes the
   build writes, and updates the words, the colour and the overdue banner. Without JavaScript the
   build-time state stands. The rules are the same as hooks/manual/review.py. */
(function () {
  "use strict";

  var DAY = 86400000;
  var LABELS = {
    "current": "Current",
    "due-soon": "Review due soon",
    "overdue": "Review overdue",
    "not-reviewed": "Not on the review cycle"
  };

  function londonToday() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date())
      .forEach(function (part) { parts[part.type] = part.value; });
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  }

  function parseIsoDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  }

  function days(n) { return n === 1 ? "1 day" : n + " days"; }

  function ukDate(utcMillis) {
    return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" })
      .format(new Date(utcMillis));
  }

  /* {state, daysLeft, words} for a document due on nextReview (UTC millis or null), as of today. */
  function reviewState(nextReview, onCycle, dueSoonDays, today) {
    if (!onCycle || nextReview === null) {
      return { state: "not-reviewed", daysLeft: null, words: LABELS["not-reviewed"] };
    }
    var left = Math.round((nextReview - today) / DAY);
    if (left < 0) return { state: "overdue", daysLeft: left, words: "Review overdue by " + days(-left) };
    if (left === 0) return { state: "due-soon", daysLeft: 0, words: "Review due today" };
    if (left <= dueSoonDays) return { state: "due-soon", daysLeft: left, words: "Review due in " + days(left) };
    return { state: "current", daysLeft: left, words: LABELS.current };
  }

  function recolour(element, state) {
    var targets = [element].concat(Array.prototype.slice.call(element.querySelectorAll("[class*='manual-state--']")));
    targets.forEach(function (target) {
      if (!/\bmanual-state--/.test(target.className)) return;
      target.className = target.className.replace(/\bmanual-state--[a-z-]+/g, "manual-state--" + state);
    });
  }

  function dueSoonDaysFor(element) {
    var holder = element.closest("[data-due-soon-days]");
    var value = Number(holder ? holder.getAttribute("data-due-soon-days") : NaN);
    return isNaN(value) ? 60 : value;
  }

  function update(element, today) {
    var nextReview = parseIsoDate(element.getAttribute("data-next-review"));
    var onCycle = element.getAttribute("data-on-cycle") === "true";
    var result = reviewState(nextReview, onCycle, dueSoonDaysFor(element), today);
    element.setAttribute("data-state", result.state);
    recolour(element, result.state);
    element.querySelectorAll("[data-review-state]").forEach(function (words) { words.textContent = result.words; });
    return { result: result, nextReview: nextReview };
  }

  /* The document page: the document-control panel and the overdue banner above it. */
  function updateDocumentPage(panel, today) {
    var checked = update(panel, today);
    var banner = document.querySelector("[data-review-banner]");
    if (checked.result.state !== "overdue") {
      if (banner) banner.remove();
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "manual-banner manual-banner--overdue";
      banner.setAttribute("role", "note");
      banner.setAttribute("data-review-banner", "");
      panel.parentNode.insertBefore(banner, panel);
    }
    /* The build's banner, as partials/document-banners.html writes it: the headline always seen, the rest folded
       on a phone (partials/fold-on-phones.html) and open elsewhere. */
    var owner = panel.getAttribute("data-owner-name");
    var fold = document.createElement("details");
    fold.className = "manual-fold";
    fold.setAttribute("data-fold", "");
    var previous = banner.querySelector("details[data-fold]");
    fold.open = previous ? previous.open : !window.matchMedia("(max-width: 59.9375em)").matches;
    var summary = document.createElement("summary");
    var strong = document.createElement("strong");
    strong.textContent = checked.result.words + ".";
    summary.append(strong, " It stays in force until it is replaced.");
    var paragraph = document.createElement("p");
    paragraph.textContent = "This document was due for review on " + ukDate(checked.nextReview) + "." +
      (owner ? " The " + owner + " owns its review." : "");
    fold.append(summary, paragraph);
    banner.replaceChildren(fold);
  }

  function run() {
    var today = londonToday();
    var panel = document.querySelector(".manual-control[data-next-review]");
    if (panel) updateDocumentPage(panel, today);
    var rows = document.querySelectorAll("[data-review-row]");
    rows.forEach(function (row) { update(row, today); });
    var asOf = document.querySelector("[data-schedule-as-of]");
    if (asOf) asOf.textContent = "Review states are as of today, " + ukDate(today) + ".";
    document.dispatchEvent(new CustomEvent("manual:review-state"));
  }

  window.manualReviewState = { reviewState: reviewState, londonToday: londonToday, parseIsoDate: parseIsoDate };

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(run); // Material's instant navigation, when it is turned on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
