/* The "Printed on <date>" line: today's date, in UK style and London time, set just before the page is printed.
   Without JavaScript the line keeps the date the site was built. */
(function () {
  "use strict";
  function printDate() {
    var formatted = new Intl.DateTimeFormat("en-GB", {
      day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London"
    }).format(new Date());
    document.querySelectorAll("[data-print-date]").forEach(function (element) {
      element.textContent = formatted;
    });
  }
  window.addEventListener("beforeprint", printDate);
  if (window.matchMedia) {
    var media = window.matchMedia("print");
    if (media.addEventListener) {
      media.addEventListener("change", function (event) { if (event.matches) { printDate(); } });
    }
  }
})();
