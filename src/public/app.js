// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
  // Modules add their own behaviour by listening for this event.
  document.dispatchEvent(new CustomEvent('wegweiser:ready'));
})();
