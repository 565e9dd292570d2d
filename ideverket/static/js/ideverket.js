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
