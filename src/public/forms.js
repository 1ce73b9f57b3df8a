// Progressive enhancement for the form wizard; every page works without this file.
(function () {
  'use strict';
  var form = document.querySelector('[data-flow-form]');
  if (!form) return;
  var changed = false;
  form.addEventListener('input', function () {
    changed = true;
  });
  form.addEventListener('change', function () {
    changed = true;
  });
  // "Back" after typing: save what was typed first (the server keeps even invalid input), then go back.
  var back = document.querySelector('.ww-back a');
  if (back) {
    back.addEventListener('click', function (event) {
      if (!changed) return;
      event.preventDefault();
      var action = document.createElement('input');
      action.type = 'hidden';
      action.name = '_action';
      action.value = 'back';
      form.appendChild(action);
      form.submit();
    });
  }
  // "None of these" checkboxes clear the other answers and the other way round.
  var exclusive = form.querySelectorAll('input[type=checkbox][value=keine]');
  Array.prototype.forEach.call(exclusive, function (none) {
    var group = form.querySelectorAll('input[type=checkbox][name="' + none.name + '"]');
    Array.prototype.forEach.call(group, function (box) {
      box.addEventListener('change', function () {
        if (!box.checked) return;
        Array.prototype.forEach.call(group, function (other) {
          if (other !== box && (box === none || other === none)) other.checked = false;
        });
      });
    });
  });
})();
