// Progressive enhancement of the upload forms: progress while the files are sent and a disabled button, so nobody
// sends twice or leaves early. Without this file the form posts as usual (the page says it may take a moment).
(function () {
  'use strict';
  var form = document.querySelector('form[data-upload-form]');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var box = form.querySelector('[data-upload-progress]');
  var bar = box && box.querySelector('progress');
  var status = box && box.querySelector('[data-upload-status]');
  var button = form.querySelector('button[type=submit], button:not([type])');
  // The texts come from the page, in its language; '%' in data-progress is replaced by the number.
  function text(name) {
    return (box && box.getAttribute('data-' + name)) || '';
  }
  var lastAnnounced = -1;

  function say(message) {
    if (status) status.textContent = message;
  }

  function busy(on) {
    if (!button) return;
    button.disabled = on;
    button.setAttribute('aria-disabled', on ? 'true' : 'false');
  }

  form.addEventListener('submit', function (event) {
    if (!box || !bar) return;
    event.preventDefault();
    busy(true);
    box.hidden = false;
    bar.value = 0;
    say(text('sending'));
    var request = new window.XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.floor((e.loaded / e.total) * 100);
      bar.value = percent;
      // Announce in steps of 25 %, not on every event.
      var step = Math.floor(percent / 25);
      if (step !== lastAnnounced) {
        lastAnnounced = step;
        say(text('progress').replace('%', String(percent) + ' %'));
      }
    });
    request.upload.addEventListener('load', function () {
      bar.value = 100;
      say(text('checking'));
    });
    request.addEventListener('load', function () {
      // Success ends on the receipt (the redirect was followed): go there as a normal page.
      if (request.status === 200 && request.responseURL && request.responseURL !== form.action) {
        window.location.assign(request.responseURL);
        return;
      }
      // A refusal is the form again with its messages (and the files already received): show it as the page.
      var next = new window.DOMParser().parseFromString(request.responseText, 'text/html');
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      var again = document.createElement('script');
      again.src = '/assets/unterlagen.js';
      document.body.appendChild(again);
      var summary = document.querySelector('[data-error-summary]');
      if (summary) summary.focus();
    });
    request.addEventListener('error', function () {
      busy(false);
      say(text('failed'));
    });
    request.send(new FormData(form));
  });
})();
