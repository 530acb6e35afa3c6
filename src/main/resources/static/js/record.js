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

  // Tables written into the body read as cards on a phone, as the record's own table does: each cell is given its
  // column's heading. Without this script they scroll sideways inside the body.
  var tables = document.querySelectorAll('main .body table');
  for (var t = 0; t < tables.length; t++) {
    var table = tables[t];
    var head = table.tHead ? table.tHead.rows[0] : null;
    if (!head && table.rows.length > 1) {
      var first = table.rows[0];
      head = first.querySelectorAll('td').length === 0 ? first : null;
    }
    if (!head) {
      continue;
    }
    var labels = [];
    for (var h = 0; h < head.cells.length; h++) {
      labels.push((head.cells[h].textContent || '').replace(/\s+/g, ' ').trim());
    }
    for (var r = 0; r < table.rows.length; r++) {
      var row = table.rows[r];
      if (row === head) {
        row.className += ' head';
        continue;
      }
      for (var c = 0; c < row.cells.length && c < labels.length; c++) {
        if (labels[c] && row.cells[c].tagName === 'TD') {
          row.cells[c].setAttribute('data-label', labels[c]);
        }
      }
    }
    table.className += ' stack';
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
