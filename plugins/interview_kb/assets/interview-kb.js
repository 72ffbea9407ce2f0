// interview-kb: two things Material's pages leave out, done after each page
// load (Material's `document$` when there is one, so instant loading too).
(function () {
  "use strict";

  // A table wider than the screen scrolls inside Material's wrapper: give the
  // wrapper a place in the tab order, as Material does for a wide code block,
  // so that a keyboard can scroll it (WCAG 2.1.1). Wrappers that fit are left
  // out of the tab order.
  function scrollersFocusable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  // Material's search is a dialog without a name (WCAG 4.1.2).
  function nameSearch() {
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Search");
    }
  }

  function onPage() {
    nameSearch();
    // After Material has wrapped the tables of the page.
    window.requestAnimationFrame(scrollersFocusable);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
  window.addEventListener("resize", scrollersFocusable);
})();
