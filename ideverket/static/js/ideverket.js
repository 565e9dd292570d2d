// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Put keyboard focus on the error summary after a failed submit, so it is announced.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // Auto-submit filter forms when a select changes (the submit button stays for no-JS users).
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (el) {
    el.addEventListener("change", function () { el.form.requestSubmit(); });
  });
});
// After an htmx swap, move focus to the element marked for it (keeps keyboard users oriented).
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target.querySelector("[data-focus-after-swap]");
  if (target) { target.focus(); }
});
// The menu's "Uppföljning" group is a <details>: close it on Escape or a click elsewhere.
document.addEventListener("click", function (event) {
  document.querySelectorAll(".nav-group__details[open]").forEach(function (details) {
    if (!details.contains(event.target)) { details.removeAttribute("open"); }
  });
});
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") { return; }
  document.querySelectorAll(".nav-group__details[open]").forEach(function (details) {
    var hadFocus = details.contains(document.activeElement);
    details.removeAttribute("open");
    if (hadFocus) { details.querySelector("summary").focus(); }
  });
});
