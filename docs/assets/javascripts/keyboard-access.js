/* Keyboard access to wide tables (WCAG 2.1.1). They scroll sideways on narrow screens (WCAG 1.4.10
   allows it for data tables); each scrolling area Material wraps a table in takes focus, so it can be
   scrolled with the arrow keys, and is named as a region. Runs after Material has set up the page. */
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    var caption = wrap.querySelector("caption");
    wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table (scroll sideways to see it all)");
  });
});
