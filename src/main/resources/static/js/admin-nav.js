// The back office's menu folds on a phone, so that a page's own content starts on the first screen; on a wider
// screen it stays open. Loaded right after the menu (not deferred), so a phone never shows it unfolded first.
(function () {
  'use strict';
  var fold = document.querySelector('details.nav-fold');
  if (!fold || !window.matchMedia) {
    return;
  }
  var narrow = window.matchMedia('(max-width: 40rem)');
  function apply() {
    fold.open = !narrow.matches;
  }
  apply();
  if (narrow.addEventListener) {
    narrow.addEventListener('change', apply);
  }
}());
