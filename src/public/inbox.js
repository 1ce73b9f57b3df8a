// Caseworker inboxes: "select all on this page" ticks every row's box at once. Without JavaScript the same
// checkbox is sent with the form and the server takes every row of the page.
(function () {
  'use strict';
  document.querySelectorAll('[data-bulk]').forEach(function (form) {
    var all = form.querySelector('[data-bulk-all]');
    var boxes = form.querySelectorAll('.ww-bulk__check');
    if (!all) return;
    all.addEventListener('change', function () {
      boxes.forEach(function (box) {
        box.checked = all.checked;
      });
    });
    boxes.forEach(function (box) {
      box.addEventListener('change', function () {
        var ticked = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
        all.checked = ticked === boxes.length;
        all.indeterminate = ticked > 0 && ticked < boxes.length;
      });
    });
  });
})();
