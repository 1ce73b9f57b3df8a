// Servicepoint: live call display (Server-Sent Events) and print buttons. Progressive enhancement only:
// without JavaScript the display reloads itself (meta refresh in <noscript>) and printing uses the browser menu.
(function () {
  'use strict';

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  var display = document.querySelector('[data-display]');
  if (!display || !window.EventSource) return;
  var current = display.querySelector('[data-current]');
  var earlier = display.querySelector('[data-earlier]');
  var waiting = display.querySelector('[data-waiting]');
  var chimeButton = display.querySelector('[data-chime]');
  var counterLabel = display.getAttribute('data-label-counter') || '';
  var noneLabel = display.getAttribute('data-label-none') || '';
  var lastKey = null;
  var audio = null;

  // Browsers allow sound only after a user gesture: the chime is switched on once with this button.
  if (chimeButton) {
    chimeButton.hidden = false;
    chimeButton.addEventListener('click', function () {
      var on = chimeButton.getAttribute('aria-pressed') !== 'true';
      chimeButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      var Ctx = window.AudioContext || window.webkitAudioContext;
      audio = on && Ctx ? new Ctx() : null;
    });
  }

  function chime() {
    if (!audio) return;
    [660, 880].forEach(function (freq, i) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.value = 0.2;
      osc.connect(gain);
      gain.connect(audio.destination);
      var start = audio.currentTime + i * 0.35;
      osc.start(start);
      osc.stop(start + 0.3);
    });
  }

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = value;
    return el;
  }

  function render(state) {
    var first = state.calls[0];
    current.textContent = '';
    if (first) {
      var number = text('span', 'sp-display__number', first.number);
      number.setAttribute('data-number', '');
      current.appendChild(number);
      var arrow = text('span', 'sp-display__arrow', ' \u2192 ');
      arrow.setAttribute('aria-hidden', 'true');
      current.appendChild(arrow);
      current.appendChild(text('span', 'sp-display__counter', counterLabel + ' ' + first.counter));
    } else {
      current.appendChild(text('span', 'sp-display__empty', noneLabel));
    }
    earlier.textContent = '';
    state.calls.slice(1).forEach(function (c) {
      earlier.appendChild(text('li', '', c.number + ' \u2192 ' + counterLabel + ' ' + c.counter));
    });
    waiting.textContent = state.waiting;
    var key = first ? first.number + '|' + first.counter + '|' + first.at : '';
    if (lastKey !== null && key && key !== lastKey) {
      current.classList.remove('sp-flash');
      void current.offsetWidth;
      current.classList.add('sp-flash');
      chime();
    }
    lastKey = key;
  }

  var source = new EventSource(display.getAttribute('data-events'));
  source.addEventListener('state', function (event) {
    try {
      render(JSON.parse(event.data));
    } catch {
      // A malformed message is skipped; the next one brings the whole state again.
    }
  });
})();
