// Staff session timeout warning (WCAG 2.2.1): two minutes before the idle timeout a notice offers
// to stay signed in. Progressive enhancement only: without it the next request leads to the login.
(function () {
  'use strict';
  var box = document.querySelector('[data-staff-session]');
  if (!box) return;
  var warnMs = Number(box.getAttribute('data-warn-ms'));
  var button = box.querySelector('[data-extend]');
  var ended = box.querySelector('[data-ended]');
  var text = box.querySelector('#ww-session-warning-text');
  var warnTimer;
  var endTimer;

  function end() {
    // Nothing on the page is thrown away: the person can copy unsaved input before signing in again.
    if (text) text.hidden = true;
    if (button) button.hidden = true;
    if (ended) ended.hidden = false;
    box.hidden = false;
  }

  function schedule(expiresInMs) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = setTimeout(function () {
      box.hidden = false;
      if (button) button.focus();
    }, Math.max(0, expiresInMs - warnMs));
    endTimer = setTimeout(end, expiresInMs);
  }

  if (button) {
    button.addEventListener('click', function () {
      fetch(box.getAttribute('data-extend-url'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-csrf-token': box.getAttribute('data-csrf') || '' },
      })
        .then(function (response) {
          if (!response.ok) throw new Error('session ended');
          return response.json();
        })
        .then(function (body) {
          schedule(body.expiresInMs);
        })
        .catch(end);
    });
  }
  schedule(Number(box.getAttribute('data-idle-ms')));
})();
