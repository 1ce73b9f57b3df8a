// Servicepoint day view without page loads. Progressive enhancement: every form stays an ordinary POST and the
// page works without this script. With it:
// - forms marked data-desk are sent with fetch (asking for JSON) and the two live parts of the page are replaced
//   in place, keeping scroll position and the keyboard focus (buttons carry data-focus-key);
// - call, done and no-show are saved at once; the answer carries an undo ticket, and "Rückgängig" (or Z) sends it
//   back while the server still accepts it (doc/adr/0305-desk-undo-on-the-server.md);
// - the list updates itself when the call display's event stream reports a change (check-ins, calls, walk-ins);
// - shortcuts N (call next), E (done), X (no-show), Z (undo) while no input field has the focus.
(function () {
  'use strict';

  var live = document.querySelector('[data-desk-live="top"]');
  if (!live || !window.fetch || !window.DOMParser) return;
  var bar = document.querySelector('[data-undo-bar]');
  var shortcuts = document.querySelector('[data-shortcuts]');
  if (shortcuts) shortcuts.hidden = false;
  var label = function (name) { return bar.getAttribute('data-label-' + name) || ''; };
  var lastUndo = null; // function that sends the undo ticket of the last action
  var undoTimer = null;
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
      button.setAttribute('data-focus-key', 'undo');
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
    var inLive = active && active.closest && active.closest('[data-desk-live], [data-undo-bar]');
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
    if (!inLive || document.activeElement === active && document.contains(active)) return;
    var same = key && document.querySelector('[data-focus-key="' + key + '"]');
    (same || document.querySelector('[data-focus-key="call"]') || live).focus();
  }

  function parse(html) { return new window.DOMParser().parseFromString(html, 'text/html'); }

  /** Reads the page as it is now (with the filters of the address bar) and swaps it in. */
  function refresh() {
    if (busy) { again = true; return Promise.resolve(); }
    busy = true;
    return fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(new Error(String(res.status))); })
      .then(function (html) { swap(parse(html)); })
      .catch(function () { /* the next event tries again */ })
      .then(function () { busy = false; if (again) { again = false; return refresh(); } });
  }

  /** Posts `body` to `url` asking for JSON: { notice, undo }; the list comes from refresh. */
  function post(url, body) {
    busy = true;
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    })
      .then(function (res) {
        var json = (res.headers.get('content-type') || '').indexOf('json') >= 0;
        if (!json || (!res.ok && res.status !== 409)) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (answer) {
        busy = false;
        return refresh().then(function () { return answer; });
      })
      .catch(function () {
        busy = false;
        say(label('failed'));
        setTimeout(function () { location.reload(); }, 1500);
        return null;
      });
  }

  function fields(form) { return new window.URLSearchParams(new FormData(form)); }

  /** Shows the answer's notice; with an undo ticket, "Rückgängig" (and Z) for as long as the server accepts it. */
  function show(answer, csrf) {
    clearTimeout(undoTimer);
    lastUndo = null;
    if (!answer) return;
    var undo = answer.undo;
    if (!undo) return say(answer.notice);
    var text = answer.notice + ' ' + fill(label('seconds'), { seconds: undo.seconds });
    lastUndo = function () {
      clearTimeout(undoTimer);
      lastUndo = null;
      var body = new window.URLSearchParams();
      if (csrf) body.set('_csrf', csrf);
      body.set('undo', undo.token);
      post(undo.url, body).then(function (back) { if (back) say(back.notice); });
    };
    say(text, lastUndo);
    undoTimer = setTimeout(function () { lastUndo = null; say(answer.notice); }, undo.seconds * 1000);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof window.HTMLFormElement) || !form.hasAttribute('data-desk') || form.method.toLowerCase() !== 'post') return;
    event.preventDefault();
    var body = fields(form);
    post(form.action, body).then(function (answer) { show(answer, body.get('_csrf')); });
  });

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var key = event.key.toLowerCase();
    if (key === 'z' && lastUndo) {
      event.preventDefault();
      lastUndo();
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
