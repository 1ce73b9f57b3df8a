// Servicepoint day view without page loads. Progressive enhancement: every form stays an ordinary POST and the
// page works without this script. With it:
// - forms marked data-desk are sent with fetch and the two live parts of the page are replaced in place,
//   keeping scroll position and the keyboard focus (buttons carry data-focus-key);
// - data-undo forms (done, no-show) are sent only after UNDO_SECONDS; "Rückgängig" or Z takes them back;
//   a call is taken back by putting the number back into the queue;
// - the list updates itself when the call display's event stream reports a change (check-ins, calls, walk-ins);
// - shortcuts N (call next), E (done), X (no-show), Z (undo) while no input field has the focus.
(function () {
  'use strict';

  var UNDO_SECONDS = 5;
  var live = document.querySelector('[data-desk-live="top"]');
  if (!live || !window.fetch || !window.DOMParser) return;
  var bar = document.querySelector('[data-undo-bar]');
  var shortcuts = document.querySelector('[data-shortcuts]');
  if (shortcuts) shortcuts.hidden = false;
  var label = function (name) { return bar.getAttribute('data-label-' + name) || ''; };
  var pending = null; // { timer, send, cancel }
  var lastUndo = null; // function that takes back the last call
  var busy = false;
  var again = false;

  function fill(template, values) {
    return template.replace(/\{\{(\w+)\}\}/g, function (_, key) { return values[key] === undefined ? '' : String(values[key]); });
  }

  function say(text, undo) {
    bar.textContent = '';
    if (!text) return;
    var p = document.createElement('p');
    p.className = 'kern-body';
    p.textContent = text + ' ';
    bar.appendChild(p);
    if (undo) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'kern-btn kern-btn--secondary';
      button.setAttribute('aria-keyshortcuts', 'z');
      var span = document.createElement('span');
      span.className = 'kern-label';
      span.textContent = label('undo');
      button.appendChild(span);
      button.addEventListener('click', undo);
      p.appendChild(button);
    }
  }

  /** Replaces the live parts with those of `doc`; the focused button (by its key) keeps the focus. */
  function swap(doc) {
    var active = document.activeElement;
    var key = active && active.getAttribute ? active.getAttribute('data-focus-key') : null;
    var inLive = active && active.closest && active.closest('[data-desk-live]');
    document.querySelectorAll('[data-desk-live]').forEach(function (part) {
      var fresh = doc.querySelector('[data-desk-live="' + part.getAttribute('data-desk-live') + '"]');
      if (fresh) part.innerHTML = fresh.innerHTML;
    });
    // The notice is read out from the status line above; the copy in the page would say it twice.
    document.querySelectorAll('[data-desk-live] [data-notice]').forEach(function (n) { n.remove(); });
    var errors = doc.querySelector('[data-error-summary]');
    var summary = document.querySelector('[data-error-summary]');
    if (summary) summary.remove();
    if (errors) {
      live.parentNode.insertBefore(document.importNode(errors, true), live.parentNode.firstChild);
      document.querySelector('[data-error-summary]').focus();
      return;
    }
    if (!inLive) return;
    var same = key && document.querySelector('[data-focus-key="' + key + '"]');
    (same || document.querySelector('[data-focus-key="call"]') || live).focus();
  }

  function parse(html) { return new window.DOMParser().parseFromString(html, 'text/html'); }

  /** Reads the page as it is now (with the filters of the address bar) and swaps it in. */
  function refresh() {
    if (busy || pending) { again = true; return Promise.resolve(); }
    busy = true;
    return fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(new Error(String(res.status))); })
      .then(function (html) { swap(parse(html)); })
      .catch(function () { /* the next event tries again */ })
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }

  /** Sends a form; the answer (the page after the redirect) gives the notice, the list comes from refresh. */
  function send(form) {
    busy = true;
    return fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new window.URLSearchParams(new FormData(form)).toString(),
    })
      .then(function (res) {
        if (res.status >= 500 || res.status === 403 || res.status === 409) throw new Error(String(res.status));
        return res.text().then(function (html) { return { doc: parse(html), ok: res.ok }; });
      })
      .then(function (answer) {
        busy = false;
        var notice = answer.doc.querySelector('[data-notice]');
        if (!answer.ok || location.search === '') swap(answer.doc);
        else return refresh().then(function () { return notice; });
        return notice;
      })
      .catch(function () {
        busy = false;
        say(label('failed'));
        setTimeout(function () { location.reload(); }, 1500);
      });
  }

  function afterCall(notice) {
    var text = notice ? notice.textContent.trim() : '';
    var number = /\b(\d{3,4})\b/.exec(text);
    var requeue = number && document.querySelector('.sp-current__visit[data-ticket="' + number[1] + '"] [data-desk="requeue"]');
    lastUndo = requeue ? function () { lastUndo = null; say(label('undone')); send(requeue); } : null;
    say(text, lastUndo);
  }

  function flushPending() {
    if (!pending) return;
    var p = pending;
    pending = null;
    clearTimeout(p.timer);
    p.send();
  }

  function delayed(form) {
    flushPending();
    var seconds = UNDO_SECONDS;
    var values = { action: form.getAttribute('data-undo'), who: form.getAttribute('data-undo-who') || '', seconds: seconds };
    var row = form.closest('tr, .sp-current__visit');
    if (row) row.classList.add('sp-pending');
    var cancel = function () {
      if (!pending) return;
      clearTimeout(pending.timer);
      pending = null;
      if (row) row.classList.remove('sp-pending');
      lastUndo = null;
      say(label('undone'));
      if (again) { again = false; refresh(); }
    };
    pending = {
      form: form,
      timer: setTimeout(function () { flushPending(); }, seconds * 1000),
      send: function () { say(''); send(form).then(function (notice) { if (notice) say(notice.textContent.trim()); }); },
    };
    lastUndo = cancel;
    say(fill(label('pending'), values), cancel);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof window.HTMLFormElement) || !form.hasAttribute('data-desk') || form.method.toLowerCase() !== 'post') return;
    event.preventDefault();
    if (form.hasAttribute('data-undo')) return delayed(form);
    flushPending();
    var kind = form.getAttribute('data-desk');
    send(form).then(function (notice) {
      if (kind === 'call') afterCall(notice);
      else { lastUndo = null; say(notice ? notice.textContent.trim() : ''); }
    });
  });

  // Leaving the page sends what is still waiting for its undo time (it was decided, not taken back).
  window.addEventListener('pagehide', function () {
    if (!pending || !navigator.sendBeacon) return;
    clearTimeout(pending.timer);
    navigator.sendBeacon(pending.form.action, new window.URLSearchParams(new FormData(pending.form)));
    pending = null;
  });

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var key = event.key.toLowerCase();
    if (key === 'z') {
      if (lastUndo) { event.preventDefault(); lastUndo(); }
      return;
    }
    var button = document.querySelector('[data-desk-live] [data-shortcut="' + key + '"]');
    if (!button) return;
    event.preventDefault();
    button.focus();
    button.click();
  });

  var events = live.getAttribute('data-events');
  if (events && window.EventSource) {
    var first = true;
    var source = new EventSource(events);
    source.addEventListener('state', function () {
      if (first) { first = false; return; }
      refresh();
    });
  }
})();
