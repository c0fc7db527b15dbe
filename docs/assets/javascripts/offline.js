/* Reading offline, on the page's side: registers the manual's service worker (sw.js, at the site's root; see
   hooks/manual/outputs/templates/sw.js.j2) and tells the reader when the copy they have is not the newest.

   - Every page load asks the server for the worker again, so a new deploy is found on the next page opened.
   - When a new version has been saved and waits, a notice says "A new version of the manual is available",
     with a Reload button that lets the new version take over and reloads the page. The notice is a status
     message (role="status") in the page's main content: read out, never taking the focus, never covering it.
   - Offline, the same place says that the page is the copy saved on this device, and the date the manual was
     published, so the reader knows what they are reading. "Offline" is the browser's word for it, or the check
     for a new version failing: a phone on a network that reaches nothing still calls itself online.
   - Under `mkdocs serve` (live preview) nothing is registered, and a worker left from an earlier visit is
     removed: each edit would otherwise be a new version, saved whole and announced.

   The script tag carries data-service-worker (the worker's address from this page) and data-published (the
   manual's date, YYYY-MM-DD). */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var worker = new URL(script.getAttribute("data-service-worker"), location.href);
  var scope = new URL("./", worker);
  var published = script.getAttribute("data-published") || "";
  var container = navigator.serviceWorker;
  var region = null;
  var waiting = null;
  var asked = false; // the reader pressed Reload: the new version's taking over reloads the page
  var registered = null;
  var unreachable = false; // the last check for a new version could not reach the site

  function ukDate(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) return "";
    return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" })
      .format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
  }

  /* The status region, made empty when the page loads (a region that exists before its message is read out
     when the message arrives), at the top of the page's main content. */
  function makeRegion() {
    var content = document.querySelector(".md-content__inner") || document.querySelector("main") || document.body;
    region = document.createElement("div");
    region.className = "manual-offline-notice";
    region.setAttribute("role", "status");
    region.setAttribute("data-offline-notice", "");
    content.insertBefore(region, content.firstChild);
  }

  function say(build) {
    if (!region) return;
    var paragraph = document.createElement("p");
    build(paragraph);
    region.replaceChildren(paragraph);
  }

  function showNewVersion() {
    say(function (paragraph) {
      var words = document.createElement("strong");
      words.textContent = "A new version of the manual is available.";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "manual-offline-notice__button";
      button.textContent = "Reload";
      button.addEventListener("click", takeNewVersion);
      paragraph.append(words, " ", button);
    });
  }

  function showOffline() {
    if (document.querySelector("[data-offline-asked]")) return; // the offline page says it all itself
    var date = ukDate(published);
    say(function (paragraph) {
      var words = document.createElement("strong");
      words.textContent = "You are offline, or the manual's website cannot be reached.";
      paragraph.append(words, " This is the copy of the manual saved on this device" +
        (date ? ", as published on " + date : "") + ".");
    });
  }

  function refresh() {
    if (waiting) showNewVersion();
    else if ((!navigator.onLine || unreachable) && container.controller) showOffline(); // a saved copy is read
    else if (region) region.replaceChildren();
  }

  /* Is there a new version? Asked of the server on every page load (register() asks only the first time). */
  function check() {
    if (!registered) return;
    registered.update().then(function () {
      unreachable = false;
      refresh();
    }, function () {
      unreachable = true;
      refresh();
    });
  }

  function takeNewVersion() {
    asked = true;
    if (waiting && waiting.state === "installed") waiting.postMessage({ type: "skip-waiting" });
    else location.reload(); // another tab has let it take over already
  }

  /* A version waits when it is saved whole while an older one serves this page. */
  function watch(registration) {
    function found(candidate) {
      if (candidate && container.controller) {
        waiting = candidate;
        refresh();
      }
    }
    function follow(installing) {
      if (!installing) return;
      installing.addEventListener("statechange", function () {
        if (installing.state === "installed") found(installing);
      });
    }
    found(registration.waiting);
    follow(registration.installing); // the browser's own check may have found it before this page asked
    registration.addEventListener("updatefound", function () { follow(registration.installing); });
  }

  /* The page asked on the offline page: named, and linked for when the reader is back online. Only an address
     inside this site is shown; it is written as text, never as markup. */
  function nameAskedPage() {
    var holder = document.querySelector("[data-offline-asked]");
    var link = document.querySelector("[data-offline-asked-link]");
    var wanted = new URLSearchParams(location.search).get("page");
    if (!holder || !link || !wanted) return;
    var target;
    try { target = new URL(wanted, location.href); } catch (error) { return; }
    if (target.origin !== scope.origin || target.href.indexOf(scope.href) !== 0) return;
    var name = target.pathname.slice(scope.pathname.length);
    try { name = decodeURIComponent(name); } catch (error) { /* not UTF-8: shown as it was written */ }
    link.href = target.href;
    link.textContent = name || "the home page";
    holder.hidden = false;
  }

  function start() {
    if (typeof window.livereload === "function") { // mkdocs serve's live reload script is on the page
      container.getRegistration(scope.href).then(function (registration) {
        if (registration) registration.unregister();
      });
      return;
    }
    makeRegion();
    nameAskedPage();
    refresh();
    window.addEventListener("online", function () {
      refresh();
      check(); // back online: has the manual changed?
    });
    window.addEventListener("offline", refresh);
    container.addEventListener("controllerchange", function () {
      if (asked) location.reload();
    });
    container.register(worker.href, { scope: scope.href, updateViaCache: "none" }).then(function (registration) {
      registered = registration;
      watch(registration);
      check();
    }).catch(function () {
      // A browser that refuses workers here (a private window, say): the page reads as it is.
    });
  }

  // After the whole page: live preview's script is the page's last, and Material's content is in place.
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
