/*
 * Search boxes as Chinese users type (progressive enhancement: without this script every box is a plain GET form).
 *
 * Suggestions: every input[data-suggest] (the value is the address of the suggestions API) becomes an ARIA 1.2
 * combobox with a listbox popup. Down and Up move through the list, Enter opens the chosen suggestion (with none
 * chosen it sends the form as before), Escape closes the list and, pressed again, clears the box; a tap opens a
 * suggestion. A request starts after a pause in typing and aborts the one before, so a late answer never replaces a
 * newer one. While an input method is composing, its keys are left to it.
 *
 * Search page: the facets come before the results in the page so that on a phone they sit above them; there they, and
 * the advanced options in use, are folded when there are results to read (details[data-fold-narrow]).
 */
(function () {
  'use strict';

  var PAUSE_MS = 200;
  var MIN_LENGTH = 2;

  function enhance(input) {
    var endpoint = input.getAttribute('data-suggest');
    var listId = input.id + '-suggestions';
    var wrap = document.createElement('div');
    wrap.className = 'suggest';
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '搜索建议');
    list.hidden = true;
    wrap.appendChild(list);
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    wrap.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var shownFor = null;

    function open() {
      if (items.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    }

    function close() {
      choose(-1);
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }

    function choose(i) {
      if (active >= 0 && list.children[active]) {
        list.children[active].setAttribute('aria-selected', 'false');
      }
      active = i;
      if (i >= 0) {
        var option = list.children[i];
        option.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', option.id);
        if (option.scrollIntoView) {
          option.scrollIntoView({ block: 'nearest' });
        }
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function go(i) {
      close();
      window.location.assign(items[i].url);
    }

    function part(className, text) {
      var span = document.createElement('span');
      span.className = className;
      span.textContent = text;
      return span;
    }

    function show(answer, q) {
      // An answer for more of the same words may keep the suggestion chosen so far.
      var chosen = active >= 0 ? items[active].url : null;
      choose(-1);
      items = answer && answer.suggestions ? answer.suggestions : [];
      list.setAttribute('data-for', q || '');
      list.textContent = '';
      items.forEach(function (s, i) {
        var option = document.createElement('li');
        option.id = listId + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.appendChild(part('suggestion-type', s.typeLabel));
        option.appendChild(part('suggestion-text', s.text));
        if (s.note) {
          option.appendChild(part('suggestion-note', s.note));
        }
        option.addEventListener('click', function () { go(i); });
        list.appendChild(option);
      });
      status.textContent = items.length ? items.length + '条建议，可用上下方向键选择' : '';
      if (items.length && document.activeElement === input) {
        open();
        for (var i = 0; i < items.length; i++) {
          if (items[i].url === chosen) {
            choose(i);
          }
        }
      } else {
        close();
      }
    }

    function ask() {
      var q = input.value.trim();
      if (pending) {
        pending.abort();
        pending = null;
      }
      if (q === shownFor) {
        open();
        return;
      }
      if (q.length < MIN_LENGTH) {
        shownFor = null;
        show(null);
        return;
      }
      var request = new AbortController();
      pending = request;
      fetch(endpoint + '?q=' + encodeURIComponent(q), {
        signal: request.signal,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('suggestions: ' + response.status);
        }
        return response.json();
      }).then(function (answer) {
        if (pending === request) {
          pending = null;
          shownFor = q;
          show(answer, q);
        }
      }).catch(function (e) {
        // Aborted for a newer request, or failed: the box works on as a plain form.
        if (pending === request) {
          pending = null;
          show(null);
        }
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, PAUSE_MS);
    });

    input.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) {
        return;
      }
      switch (e.key) {
        case 'ArrowDown':
        case 'Down':
          if (items.length) {
            e.preventDefault();
            if (list.hidden) {
              open();
              choose(0);
            } else {
              choose(active + 1 < items.length ? active + 1 : 0);
            }
          }
          break;
        case 'ArrowUp':
        case 'Up':
          if (items.length) {
            e.preventDefault();
            if (list.hidden) {
              open();
              choose(items.length - 1);
            } else {
              choose(active > 0 ? active - 1 : items.length - 1);
            }
          }
          break;
        case 'Enter':
          clearTimeout(timer);
          if (!list.hidden && active >= 0) {
            e.preventDefault();
            go(active);
          } else {
            close();
          }
          break;
        case 'Escape':
        case 'Esc':
          if (!list.hidden) {
            e.preventDefault();
            close();
          } else if (input.value) {
            e.preventDefault();
            input.value = '';
            shownFor = null;
            show(null);
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    // A press on the list keeps the focus in the box, so that the tap or click that follows still finds the list.
    list.addEventListener('mousedown', function (e) { e.preventDefault(); });
    input.addEventListener('blur', function () { close(); });
    input.addEventListener('focus', function () {
      if (items.length && input.value.trim() === shownFor) {
        open();
      }
    });
  }

  function foldOnNarrowScreens() {
    if (window.matchMedia && !window.matchMedia('(min-width: 60rem)').matches) {
      Array.prototype.forEach.call(document.querySelectorAll('details[data-fold-narrow]'), function (fold) {
        fold.open = false;
      });
    }
  }

  function start() {
    if (window.fetch && window.AbortController) {
      Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest][id]'), enhance);
    }
    foldOnNarrowScreens();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
