/*
 * A record's page: the 打印 button, and the metadata folded on a phone. Without this script the page still shows
 * everything (the metadata stays open) and the browser's own print uses the same print styles.
 * Plain ES5, no library.
 */
(function () {
  'use strict';

  var button = document.getElementById('print-record');
  if (button && typeof window.print === 'function') {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  }

  // Title, date and body first on a phone: the metadata below them opens with one tap.
  var meta = document.getElementById('record-meta');
  if (meta && window.matchMedia && window.matchMedia('(max-width: 40rem)').matches) {
    meta.open = false;
  }

  // A closed <details> prints nothing of its content: open them all for printing, then put them back.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    var all = document.querySelectorAll('main details');
    closed = [];
    for (var i = 0; i < all.length; i++) {
      if (!all[i].open) {
        closed.push(all[i]);
        all[i].open = true;
      }
    }
  });
  window.addEventListener('afterprint', function () {
    for (var i = 0; i < closed.length; i++) {
      closed[i].open = false;
    }
    closed = [];
  });
}());
