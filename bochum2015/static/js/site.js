// Progressive enhancement only: without this script the navigation is simply always open.
// Whether the menu button shows is decided by the stylesheet (a phone where scripts run), before
// the first paint: changing the layout from here would make the page jump while it loads.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) return;

  var phone = window.matchMedia("(max-width: 47.99em)");

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  function sync() {
    if (!phone.matches) setOpen(false);
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
  phone.addEventListener("change", sync);
  sync();
})();
