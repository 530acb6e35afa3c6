// The back office's record form: the bundled rich-text editor (Trix, vendor/trix-*) in place of the body's textarea,
// and 添加一行 / 删除此行 for the structured rows. Without scripts the textarea takes plain text or HTML (the server
// keeps plain paragraphs) and 再加5行 asks the server for more rows.
(function () {
  'use strict';

  var TOOLBAR =
    '<div class="trix-button-row">' +
    '<span class="trix-button-group trix-button-group--text-tools" data-trix-button-group="text-tools">' +
    button('bold', 'data-trix-attribute="bold" data-trix-key="b"', '加粗') +
    button('italic', 'data-trix-attribute="italic" data-trix-key="i"', '倾斜') +
    button('link', 'data-trix-attribute="href" data-trix-action="link" data-trix-key="k"', '链接') +
    '</span>' +
    '<span class="trix-button-group trix-button-group--block-tools" data-trix-button-group="block-tools">' +
    button('heading-1', 'data-trix-attribute="heading1"', '小标题') +
    button('quote', 'data-trix-attribute="quote"', '引用') +
    button('bullet-list', 'data-trix-attribute="bullet"', '项目列表') +
    button('number-list', 'data-trix-attribute="number"', '编号列表') +
    button('decrease-nesting-level', 'data-trix-action="decreaseNestingLevel"', '减少缩进') +
    button('increase-nesting-level', 'data-trix-action="increaseNestingLevel"', '增加缩进') +
    '</span>' +
    '<span class="trix-button-group-spacer"></span>' +
    '<span class="trix-button-group trix-button-group--history-tools" data-trix-button-group="history-tools">' +
    button('undo', 'data-trix-action="undo" data-trix-key="z"', '撤销') +
    button('redo', 'data-trix-action="redo" data-trix-key="shift+z"', '重做') +
    '</span></div>' +
    '<div class="trix-dialogs" data-trix-dialogs>' +
    '<div class="trix-dialog trix-dialog--link" data-trix-dialog="href" data-trix-dialog-attribute="href">' +
    '<div class="trix-dialog__link-fields">' +
    '<input type="url" name="href" class="trix-input trix-input--dialog" placeholder="输入网址，如 https://www.yichun.gov.cn/"' +
    ' aria-label="链接网址" data-trix-validate-href required data-trix-input>' +
    '<div class="trix-button-group">' +
    '<input type="button" class="trix-button trix-button--dialog" value="设为链接" data-trix-method="setAttribute">' +
    '<input type="button" class="trix-button trix-button--dialog" value="取消链接" data-trix-method="removeAttribute">' +
    '</div></div></div></div>';

  function button(icon, data, label) {
    return '<button type="button" class="trix-button trix-button--icon trix-button--icon-' + icon + '" ' + data +
      ' title="' + label + '">' + label + '</button>';
  }

  function editor() {
    var textarea = document.getElementById('body');
    if (!textarea || !window.Trix) {
      return;
    }
    // Trix keeps no tables or images of its own: a body that has them stays in the plain box, so nothing is lost.
    if (/<(table|img)\b/i.test(textarea.value)) {
      var note = document.createElement('p');
      note.className = 'muted';
      note.textContent = '正文含有表格或图片，为免丢失，仍在下面的框中以 HTML 修改。';
      textarea.parentNode.insertBefore(note, textarea);
      return;
    }
    Object.assign(Trix.config.lang, {
      bold: '加粗', italic: '倾斜', link: '链接', unlink: '取消链接', heading1: '小标题', quote: '引用',
      bullets: '项目列表', numbers: '编号列表', outdent: '减少缩进', indent: '增加缩进', undo: '撤销', redo: '重做',
      url: '链接网址', urlPlaceholder: '输入网址', attachFiles: '附件', captionPlaceholder: '图片说明', remove: '删除',
      strike: '删除线', code: '代码'
    });
    // The sanitiser's headings are h2 and h3 (h1 is the page's title).
    Trix.config.blockAttributes.heading1.tagName = 'h2';
    Trix.config.toolbar.getDefaultHTML = function () { return TOOLBAR; };

    var input = document.createElement('input');
    input.type = 'hidden';
    input.id = 'body-input';
    input.name = 'body';
    input.value = textarea.value;
    var trix = document.createElement('trix-editor');
    trix.setAttribute('input', 'body-input');
    trix.setAttribute('aria-labelledby', 'body-label');
    trix.setAttribute('aria-describedby', 'body-hint');
    trix.className = 'trix-content body-editor';
    textarea.removeAttribute('name');
    textarea.hidden = true;
    textarea.parentNode.insertBefore(input, textarea);
    textarea.parentNode.insertBefore(trix, textarea);
    // Images go up as attachments, with the description they must have; none are pasted into the text.
    trix.addEventListener('trix-file-accept', function (event) { event.preventDefault(); });
    var label = document.getElementById('body-label');
    label.removeAttribute('for');
    label.addEventListener('click', function () { trix.focus(); });
  }

  function rows() {
    var table = document.getElementById('rows');
    if (!table) {
      return;
    }
    var body = table.tBodies[0];
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    table.parentNode.parentNode.insertBefore(status, table.parentNode.nextSibling);

    var head = document.createElement('th');
    head.scope = 'col';
    head.textContent = '操作';
    table.tHead.rows[0].appendChild(head);
    Array.prototype.forEach.call(body.rows, addRemoveButton);

    var more = table.closest('fieldset').querySelector('.rows-more');
    var add = document.createElement('button');
    add.type = 'button';
    add.className = 'secondary add-row';
    add.textContent = '添加一行';
    more.innerHTML = '';
    more.appendChild(add);
    add.addEventListener('click', function () {
      var last = body.rows[body.rows.length - 1];
      var row = last.cloneNode(true);
      clear(row);
      body.appendChild(row);
      row.querySelector('.remove-row').addEventListener('click', function () { remove(row); });
      renumber();
      firstControl(row).focus();
      status.textContent = '已添加第' + body.rows.length + '行。';
    });

    function addRemoveButton(row) {
      var cell = document.createElement('td');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary remove-row';
      button.innerHTML = '删除此行<span class="visually-hidden"></span>';
      button.addEventListener('click', function () { remove(row); });
      cell.appendChild(button);
      row.appendChild(cell);
    }

    // The last row is emptied rather than removed, so there is always a row to type in.
    function remove(row) {
      var index = Array.prototype.indexOf.call(body.rows, row);
      if (body.rows.length === 1) {
        clear(row);
        firstControl(row).focus();
        status.textContent = '已清空第1行。';
        return;
      }
      body.removeChild(row);
      renumber();
      var next = body.rows[Math.min(index, body.rows.length - 1)];
      next.querySelector('.remove-row').focus();
      status.textContent = '已删除第' + (index + 1) + '行，其后各行已重新编号。';
    }

    function clear(row) {
      row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
      row.querySelectorAll('select').forEach(function (select) {
        // A value the list does not hold is the typed row's own, not the new row's.
        Array.prototype.slice.call(select.options, 1).forEach(function (option) {
          if (option.textContent.indexOf('（不在可选范围内）') >= 0) {
            select.removeChild(option);
          }
        });
        select.selectedIndex = 0;
      });
    }

    function firstControl(row) {
      return row.querySelector('input, select');
    }

    // Names are cells[row_column]: rows are numbered from 0 without gaps, so the server reads them in order.
    function renumber() {
      Array.prototype.forEach.call(body.rows, function (row, i) {
        row.querySelector('.row-no').textContent = i + 1;
        Array.prototype.forEach.call(row.querySelectorAll('td'), function (cell, j) {
          var control = cell.querySelector('input, select');
          var label = cell.querySelector('label');
          if (!control || !label) {
            return;
          }
          var column = j - 1;
          control.id = 'd_' + i + '_' + column;
          control.name = 'cells[' + i + '_' + column + ']';
          label.htmlFor = control.id;
          label.textContent = '第' + (i + 1) + '行' + label.getAttribute('data-field');
        });
        row.querySelector('.remove-row span').textContent = '（第' + (i + 1) + '行）';
      });
    }

    renumber();
  }

  editor();
  rows();
})();
