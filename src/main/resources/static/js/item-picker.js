// The record form's item picker: filters the grouped items by name or code as the clerk types. Without scripts the
// search form asks the server (?q=), which filters the same way.
(function () {
  'use strict';
  var input = document.getElementById('item-q');
  if (!input) {
    return;
  }
  var groups = Array.prototype.slice.call(document.querySelectorAll('.picker-group'));
  var none = document.getElementById('picker-none');
  var status = document.getElementById('item-count');

  function filter() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    groups.forEach(function (group) {
      var inGroup = 0;
      group.querySelectorAll('li[data-search]').forEach(function (item) {
        var match = !q || item.getAttribute('data-search').toLowerCase().indexOf(q) >= 0;
        item.hidden = !match;
        if (match) {
          inGroup++;
        }
      });
      group.hidden = inGroup === 0;
      group.querySelector('.picker-group-count').textContent = inGroup;
      if (q && inGroup > 0) {
        group.open = true;
      }
      shown += inGroup;
    });
    none.hidden = shown > 0;
    status.textContent = q ? '找到' + shown + '个相符的事项。' : '';
  }

  input.addEventListener('input', filter);
  // Enter picks the only match instead of sending the form.
  input.form.addEventListener('submit', function (event) {
    var visible = document.querySelectorAll('.picker-group li[data-search]:not([hidden]) a');
    if (visible.length === 1) {
      event.preventDefault();
      window.location.href = visible[0].href;
    }
  });
})();
