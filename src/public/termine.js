// Onlineterminierung, progressive enhancement only: every page works without this file.
// 1. Countdown of the reserved time, announced politely two minutes before and at the end.
// 2. Solves the proof-of-work captcha (altcha v2, SHA-256) in the background and hides the fallback question.
(function () {
  'use strict';

  function holdCountdown(box) {
    var expires = Date.parse(box.getAttribute('data-hold-expires'));
    // Use the server's clock: the offset to ours is measured once at load.
    var offset = Date.parse(box.getAttribute('data-hold-now')) - Date.now();
    var remaining = box.querySelector('[data-hold-remaining]');
    var live = box.querySelector('[data-hold-live]');
    var warned = false;
    var over = false;
    function tick() {
      var ms = expires - (Date.now() + offset);
      var minutes = Math.max(0, Math.ceil(ms / 60000));
      if (remaining) {
        remaining.textContent = minutes === 1 ? box.getAttribute('data-msg-one') : box.getAttribute('data-msg-other').replace('{n}', String(minutes));
      }
      if (!warned && ms <= 120000 && ms > 0) {
        warned = true;
        if (live) live.textContent = box.getAttribute('data-msg-soon');
      }
      if (!over && ms <= 0) {
        over = true;
        if (live) live.textContent = box.getAttribute('data-msg-over');
      }
    }
    tick();
    setInterval(tick, 10000);
  }

  function hexToBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }

  function toHex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }

  // SHA-256(salt || nonce || counter as uint32 big-endian) must start with keyPrefix (altcha v2, cost 1).
  function solve(parameters) {
    var salt = hexToBytes(parameters.salt);
    var nonce = hexToBytes(parameters.nonce);
    var prefix = hexToBytes(parameters.keyPrefix);
    var batch = 256;
    function attempt(counter) {
      var data = new Uint8Array(salt.length + nonce.length + 4);
      data.set(salt, 0);
      data.set(nonce, salt.length);
      new DataView(data.buffer).setUint32(salt.length + nonce.length, counter, false);
      return window.crypto.subtle.digest('SHA-256', data).then(function (digest) {
        var key = new Uint8Array(digest);
        for (var i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return null;
        return { counter: counter, derivedKey: toHex(key) };
      });
    }
    function from(start) {
      if (start > 4294967295) return Promise.resolve(null);
      var jobs = [];
      for (var c = start; c < start + batch; c++) jobs.push(attempt(c));
      return Promise.all(jobs).then(function (results) {
        for (var i = 0; i < results.length; i++) if (results[i]) return results[i];
        return from(start + batch);
      });
    }
    return from(0);
  }

  function captcha(box) {
    if (!window.crypto || !window.crypto.subtle) return; // the question stays
    var challenge = JSON.parse(box.getAttribute('data-altcha-challenge'));
    var field = box.querySelector('[data-altcha-field]');
    var question = box.querySelector('[data-captcha-question]');
    var status = box.querySelector('[data-captcha-status]');
    var form = box.closest('form');
    var done = false;
    var waiting = false;
    if (status) status.textContent = box.getAttribute('data-msg-working');
    var solving = solve(challenge.parameters).then(function (solution) {
      if (!solution) return;
      field.value = window.btoa(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution: solution }));
      done = true;
      if (question) {
        var input = question.querySelector('input');
        if (input) {
          input.value = '';
          input.removeAttribute('required');
        }
        question.hidden = true;
      }
      if (status) status.textContent = box.getAttribute('data-msg-done');
    });
    if (form) {
      form.addEventListener('submit', function (event) {
        if (done || waiting) return;
        event.preventDefault();
        waiting = true;
        solving.then(function () {
          form.submit();
        });
      });
    }
  }

  var holds = document.querySelectorAll('[data-hold-expires]');
  for (var i = 0; i < holds.length; i++) holdCountdown(holds[i]);
  var boxes = document.querySelectorAll('[data-altcha-challenge]');
  for (var j = 0; j < boxes.length; j++) captcha(boxes[j]);
})();
