/*
 * /verify: checks a record against the platform's signed transparency log, in the visitor's browser.
 * Formats: API.md, "The transparency log". Hashing as RFC 6962 §2.1, the inclusion proof verified as
 * RFC 9162 §2.1.3.2, content canonicalised as RFC 8785, the tree head's Ed25519 signature checked with Web Crypto.
 * Only the signed head is trusted: everything else the site sends is recomputed or checked against it.
 *
 * Plain ES5 with Promise, no library and no build step, so that it runs on old phones and anyone can read it.
 */
(function () {
  'use strict';

  var form = document.getElementById('verify-form');
  var fileForm = document.getElementById('verify-file-form');
  if (!form || !fileForm) {
    return;
  }
  var api = form.getAttribute('data-api') || '/api/v1';
  var input = document.getElementById('record');
  var fileInput = document.getElementById('record-file');
  var statusEl = document.getElementById('verify-status');
  var resultEl = document.getElementById('verify-result');
  var summaryEl = document.getElementById('verify-summary');
  var factsEl = document.getElementById('verify-facts');
  var stepsEl = document.getElementById('verify-steps');
  var buttons = document.querySelectorAll('#verify-form button, #verify-file-form button');
  var CLI = '请在电脑上使用本页下方的命令行核验工具。';

  var subtle = window.crypto && window.crypto.subtle;
  if (!subtle || !window.Promise || !window.Uint8Array || !window.XMLHttpRequest) {
    // Web Crypto exists only on HTTPS (and on this computer's own address): say which problem it is.
    say(window.isSecureContext === false
      ? '本页是通过不加密的连接（http）打开的，浏览器不允许在这种页面上做密码学核验。请改用 https:// 开头的网址打开本页，或' + CLI
      : '您的浏览器太旧，不能在网页中核验。请换用新版浏览器，或' + CLI);
    for (var b = 0; b < buttons.length; b++) {
      buttons[b].disabled = true;
    }
    return;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var indexNo = indexNumber(input.value);
    if (!indexNo) {
      say('请输入索引号，或粘贴信息页面的网址。');
      input.focus();
      return;
    }
    if (window.history && history.replaceState) {
      history.replaceState(null, '', form.getAttribute('action') + '?record=' + encodeURIComponent(input.value.trim()));
    }
    run({ indexNo: indexNo });
  });
  fileForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!fileInput.files || !fileInput.files.length) {
      say('请先选择一个已下载的信息文件（.json）。');
      fileInput.focus();
      return;
    }
    run({ file: fileInput.files[0] });
  });
  if (indexNumber(input.value)) {
    run({ indexNo: indexNumber(input.value) });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The run: fetch what is needed, then every check, each reported whatever the others found.

  function run(source) {
    busy(true);
    resultEl.hidden = true;
    summaryEl.removeAttribute('data-result');
    clear(factsEl);
    clear(stepsEl);
    say(source.file ? '正在读取文件……' : '正在从本站获取信息……');
    var recordAsked = source.file ? readFile(source.file)
      : getJson(api + '/records/' + encodeURIComponent(source.indexNo));
    recordAsked.then(function (record) {
      if (!record || typeof record !== 'object' || !record.content || typeof record.content !== 'object'
        || !record.ledger || typeof record.ledger.entry !== 'string') {
        throw problem(source.file && (!record || !record.indexNo)
          ? '所选文件不是本平台的信息文件（缺少内容或日志记录）。'
          : '这条信息没有日志记录，无法核验。刚发布的信息可能要等片刻才记入日志，请稍后再试。');
      }
      say('正在获取签名树头和证明……');
      return getJson(api + '/ledger/sth').then(function (head) {
        var leafIndex = record.ledger.leafIndex;
        var covered = isCount(leafIndex) && isCount(head.treeSize) && leafIndex < head.treeSize;
        var proofAsked = covered
          ? getJson(api + '/ledger/proof/inclusion?leafIndex=' + leafIndex + '&treeSize=' + head.treeSize)
          : Promise.resolve(null);
        return proofAsked.then(function (proof) {
          say('正在核验……');
          return checks(record, head, proof, source.indexNo);
        });
      });
    }).then(function (outcome) {
      show(outcome);
      say('');
    }, function (error) {
      fail(error && error.userMessage ? error.userMessage : '核验时出现意外错误：' + error);
    }).then(function () {
      busy(false);
    });
  }

  function checks(record, head, proof, requested) {
    var ledger = record.ledger;
    var entry = null;
    try {
      entry = JSON.parse(ledger.entry);
    } catch (e) {
      entry = null;
    }
    if (!entry || typeof entry !== 'object') {
      entry = {};
    }
    var steps = [];
    return checkContent(record.content, entry).then(function (step) {
      steps.push(step);
      steps.push(checkEntry(entry, record, requested));
      return checkLeaf(ledger);
    }).then(function (step) {
      steps.push(step.step);
      return checkInclusion(ledger.leafIndex, head, proof, step.leaf);
    }).then(function (step) {
      steps.push(step);
      return checkSignature(head);
    }).then(function (step) {
      steps.push(step);
      return step.result === 'pass' ? checkHistory(head) : null;
    }).then(function (step) {
      if (step) {
        steps.push(step);
      }
      var clean = true;
      for (var i = 0; i < steps.length; i++) {
        clean = clean && steps[i].result === 'pass';
      }
      if (clean) {
        rememberHead(head);
      }
      return { record: record, entry: entry, head: head, steps: steps };
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The log's history as this browser saw it: the last head that checked out is kept (localStorage, this site only),
  // and the next check proves that the log since then only grew (RFC 9162 §2.1.4.2 consistency proof).

  var HEAD_KEY = 'gongkai.verify.lastHead';

  function rememberedHead() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(HEAD_KEY));
      return kept && isCount(kept.treeSize) && fromHex(kept.rootHash) ? kept : null;
    } catch (e) {
      return null;
    }
  }

  function rememberHead(head) {
    try {
      window.localStorage.setItem(HEAD_KEY, JSON.stringify({ treeSize: head.treeSize, rootHash: head.rootHash,
        timestamp: head.timestamp, publicKey: head.publicKey }));
    } catch (e) {
      // Private browsing or storage refused: the next check simply has nothing to compare with.
    }
  }

  function checkHistory(head) {
    var before = rememberedHead();
    if (!before) {
      return Promise.resolve(null);
    }
    var what = '与本浏览器上次核验时看到的日志（共 ' + before.treeSize + ' 条，签发于 ' + beijing(before.timestamp)
      + '）比较，证明日志此后只增加、没有改写或删除。';
    if (before.publicKey !== head.publicKey) {
      return Promise.resolve(step('history', '日志只增不改', 'unknown', what,
        '日志的签名公钥与上次不同（平台可能更换了密钥），本项无法在网页中比较。请向平台核实公钥，或使用命令行核验工具。'));
    }
    if (before.treeSize > head.treeSize) {
      return Promise.resolve(step('history', '日志只增不改', 'fail', what,
        '日志比上次核验时少了 ' + (before.treeSize - head.treeSize) + ' 条：已记入的内容被删除了。'));
    }
    if (before.treeSize === head.treeSize) {
      return Promise.resolve(equal(fromHex(before.rootHash), fromHex(head.rootHash))
        ? step('history', '日志只增不改', 'pass', what, '日志与上次核验时相同，没有改动。')
        : step('history', '日志只增不改', 'fail', what, '日志条数未变而树根不同：已记入的内容被改写了。'));
    }
    return getJson(api + '/ledger/proof/consistency?first=' + before.treeSize + '&second=' + head.treeSize)
      .then(function (answer) {
        var proof = answer && answer.first === before.treeSize && answer.second === head.treeSize
          ? hashes(answer.proof) : null;
        return proof ? consistent(before.treeSize, head.treeSize, fromHex(before.rootHash), fromHex(head.rootHash),
          proof) : false;
      }, function () {
        return false;
      }).then(function (ok) {
        return ok
          ? step('history', '日志只增不改', 'pass', what, '一致性证明成立：自上次核验以来日志新增了 '
            + (head.treeSize - before.treeSize) + ' 条，此前记入的内容一条也没有改动或删除。')
          : step('history', '日志只增不改', 'fail', what,
            '一致性证明不成立：本站无法证明上次核验时的日志是现在日志的开头部分，已记入的内容可能被改写或删除。');
      });
  }

  function checkContent(content, entry) {
    var what = '把信息内容按统一规则（RFC 8785）排成标准格式，重新计算SHA-256摘要，与日志条目记载的摘要比对。';
    return sha256(utf8(canonical(content))).then(function (digest) {
      var computed = hex(digest);
      if (computed === entry.contentSha256) {
        return step('content', '内容比对', 'pass', what,
          '一致：您看到的内容与记入日志时的内容完全相同。', '摘要：' + computed);
      }
      return step('content', '内容比对', 'fail', what,
        '不一致：内容在记入日志之后被改动过（如果核验的是下载的文件，也可能是文件被修改过）。现在的内容不是当初发布并记入日志的内容。',
        '算得的摘要：' + computed + '；日志记载的摘要：' + (entry.contentSha256 || '（无）'));
    });
  }

  function checkEntry(entry, record, requested) {
    var what = '核对日志条目中的索引号和版本号与本信息相同。';
    var content = record.content || {};
    var indexNo = 'indexNo' in record ? record.indexNo : content.indexNo;
    var version = 'version' in record ? record.version : content.version;
    // A draft key (draft-N) keeps resolving after publication; any index number asked for must be the one answered.
    var asked = requested && requested.indexOf('draft-') !== 0 ? requested : null;
    var same = entry.indexNo === indexNo && entry.version === version && (!asked || entry.indexNo === asked);
    if (same) {
      return step('entry', '条目对应', 'pass', what,
        '相同：索引号 ' + entry.indexNo + '，第 ' + entry.version + ' 版（' + action(entry.action) + '，'
        + beijing(Date.parse(entry.at)) + '）。');
    }
    return step('entry', '条目对应', 'fail', what,
      '不同：这条日志记录的是别的信息或别的版本，不能用它证明本信息。',
      '日志条目：' + entry.indexNo + ' 第 ' + entry.version + ' 版；本信息：'
      + (asked && asked !== indexNo ? '所查 ' + asked + '，' : '') + indexNo + ' 第 ' + version + ' 版');
  }

  function checkLeaf(ledger) {
    var what = '按RFC 6962的规则，由日志条目算出它在日志中的指纹（叶子哈希）。';
    return sha256(concat([new Uint8Array([0]), utf8(ledger.entry)])).then(function (leaf) {
      var computed = hex(leaf);
      var given = ledger.leafHash;
      if (given === undefined || given === null || given === computed) {
        return { leaf: leaf, step: step('leaf', '条目指纹', 'pass', what,
          given ? '已算出，与本站给出的相同。' : '已算出。', '叶子哈希：' + computed) };
      }
      return { leaf: leaf, step: step('leaf', '条目指纹', 'fail', what,
        '与本站给出的不同：本站提供的日志数据有误。', '算得：' + computed + '；本站给出：' + given) };
    });
  }

  function checkInclusion(leafIndex, head, proof, leaf) {
    var what = '用本站提供的审计路径，从条目指纹一步步算到日志的树根，与签名树头中的树根比对。';
    if (!isCount(leafIndex) || !isCount(head.treeSize)) {
      return Promise.resolve(step('inclusion', '记入日志的证明', 'fail', what,
        '本站给出的日志位置或日志大小不是有效的数字，无法证明。'));
    }
    if (leafIndex >= head.treeSize) {
      return Promise.resolve(step('inclusion', '记入日志的证明', 'unknown', what,
        '该条目还不在最新的签名树头之内（刚发布的信息可能要等片刻才被签名），现在无法证明，请稍后再核验。'));
    }
    var root = fromHex(head.rootHash);
    var path = proof && proof.leafIndex === leafIndex && proof.treeSize === head.treeSize
      ? hashes(proof.auditPath) : null;
    if (!root || !path) {
      return Promise.resolve(step('inclusion', '记入日志的证明', 'fail', what,
        '本站给出的树根或审计路径格式不对，无法证明这条信息记入了日志。'));
    }
    return rootFromInclusion(leafIndex, head.treeSize, leaf, path).then(function (computed) {
      if (computed && equal(computed, root)) {
        return step('inclusion', '记入日志的证明', 'pass', what,
          '算出的树根与签名树头相同：该条目确实记在日志中编号 ' + leafIndex + ' 的位置（编号从0起，日志共 '
          + head.treeSize + ' 条）。', '审计路径 ' + path.length + ' 步；树根：' + head.rootHash);
      }
      return step('inclusion', '记入日志的证明', 'fail', what,
        '算出的树根与签名树头不同：本站无法证明这条信息记入了它签名的日志。');
    });
  }

  function checkSignature(head) {
    var what = '用日志公钥核验树头（日志条数、树根、签发时间）的Ed25519数字签名。';
    var key = fromBase64(head.publicKey);
    var signature = fromBase64(head.signature);
    if (!key || !signature || !isCount(head.treeSize) || !isCount(head.timestamp) || !fromHex(head.rootHash)) {
      return Promise.resolve(step('signature', '树头签名', 'fail', what,
        '签名树头的格式不对：树头不可信，以上各项比对都不能作为证明。'));
    }
    var message = utf8(head.treeSize + '|' + head.rootHash + '|' + head.timestamp);
    return Promise.all([ed25519(key, signature, message), sha256(key)]).then(function (both) {
      if (both[0]) {
        return step('signature', '树头签名', 'pass', what,
          '签名有效：树头确由持有日志私钥者签发（日志共 ' + head.treeSize + ' 条，签发于 '
          + beijing(head.timestamp) + '）。', '公钥指纹（SHA-256）：' + hex(both[1]) + '，可与本平台公布的日志公钥比对。');
      }
      return step('signature', '树头签名', 'fail', what,
        '签名无效：树头不可信，以上各项比对都不能作为证明。');
    }, function (error) {
      if (error && error.name === 'DataError') {
        return step('signature', '树头签名', 'fail', what, '日志公钥格式不对：树头不可信，以上各项比对都不能作为证明。');
      }
      // NotSupportedError (or any other refusal): this browser cannot check Ed25519 — never report success.
      return step('signature', '树头签名', 'unknown', what,
        '您的浏览器不支持在网页中核验Ed25519签名，本项未能核验，因此不能确认树头可信。请换用新版浏览器（如新版 Chrome、Edge、Firefox、Safari），或' + CLI);
    });
  }

  /**
   * Whether the signature is valid: Web Crypto's Ed25519 where the browser has it, else the page's own
   * implementation (ed25519.js); rejects when neither can check (never a silent success).
   */
  function ed25519(key, signature, message) {
    return new Promise(function (resolve) {
      resolve(subtle.importKey('spki', key, { name: 'Ed25519' }, false, ['verify']));
    }).then(function (imported) {
      return subtle.verify({ name: 'Ed25519' }, imported, signature, message);
    }, function (error) {
      if (error && error.name === 'DataError') {
        throw error;
      }
      if (window.GongkaiEd25519 && window.GongkaiEd25519.available()) {
        return window.GongkaiEd25519.verify(key, signature, message);
      }
      throw error;
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // RFC 6962 / RFC 9162 and RFC 8785

  /** RFC 9162 §2.1.3.2: the root the audit path leads to, or null if the path has the wrong shape. */
  function rootFromInclusion(leafIndex, treeSize, leaf, path) {
    // Plain arithmetic, not bit operators: sizes may pass 2^31.
    var fn = leafIndex;
    var sn = treeSize - 1;
    var r = leaf;
    var i = 0;
    function next() {
      if (i === path.length) {
        return sn === 0 ? r : null;
      }
      if (sn === 0) {
        return null;
      }
      var p = path[i++];
      var hashed;
      if (fn % 2 === 1 || fn === sn) {
        hashed = node(p, r);
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        hashed = node(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
      return hashed.then(function (h) {
        r = h;
        return next();
      });
    }
    return Promise.resolve().then(next);
  }

  /** RFC 9162 §2.1.4.2: whether the proof shows the tree of size first is the start of the tree of size second. */
  function consistent(first, second, firstRoot, secondRoot, proof) {
    if (first < 1 || first >= second || proof.length === 0) {
      return Promise.resolve(false);
    }
    var path = proof.slice();
    if (isPowerOfTwo(first)) {
      path.unshift(firstRoot);
    }
    var fn = first - 1;
    var sn = second - 1;
    while (fn % 2 === 1) {
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    var fr = path[0];
    var sr = path[0];
    var i = 1;
    function next() {
      if (i === path.length) {
        return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
      }
      if (sn === 0) {
        return false;
      }
      var c = path[i++];
      var both;
      if (fn % 2 === 1 || fn === sn) {
        both = Promise.all([node(c, fr), node(c, sr)]).then(function (h) {
          fr = h[0];
          sr = h[1];
        });
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        both = node(sr, c).then(function (h) {
          sr = h;
        });
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
      return both.then(next);
    }
    return Promise.resolve().then(next);
  }

  function isPowerOfTwo(n) {
    while (n > 1 && n % 2 === 0) {
      n = n / 2;
    }
    return n === 1;
  }

  function node(left, right) {
    return sha256(concat([new Uint8Array([1]), left, right]));
  }

  /**
   * RFC 8785 for the values a record holds: keys sorted by UTF-16 code units (the default sort), strings and
   * numbers exactly as JSON.stringify writes them.
   */
  function canonical(value) {
    if (value === null || typeof value !== 'object') {
      return JSON.stringify(value);
    }
    if (Object.prototype.toString.call(value) === '[object Array]') {
      var items = [];
      for (var i = 0; i < value.length; i++) {
        items.push(canonical(value[i]));
      }
      return '[' + items.join(',') + ']';
    }
    var keys = Object.keys(value).sort();
    var members = [];
    for (var k = 0; k < keys.length; k++) {
      members.push(JSON.stringify(keys[k]) + ':' + canonical(value[keys[k]]));
    }
    return '{' + members.join(',') + '}';
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Bytes

  function sha256(bytes) {
    return subtle.digest('SHA-256', bytes).then(function (digest) {
      return new Uint8Array(digest);
    });
  }

  function utf8(text) {
    if (window.TextEncoder) {
      return new TextEncoder().encode(text);
    }
    var binary = unescape(encodeURIComponent(text));
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      out[i] = binary.charCodeAt(i);
    }
    return out;
  }

  function concat(parts) {
    var length = 0;
    for (var i = 0; i < parts.length; i++) {
      length += parts[i].length;
    }
    var out = new Uint8Array(length);
    var at = 0;
    for (var j = 0; j < parts.length; j++) {
      out.set(parts[j], at);
      at += parts[j].length;
    }
    return out;
  }

  function hex(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  /** A hash as the log writes it (64 lowercase hex digits), or null. */
  function fromHex(text) {
    if (typeof text !== 'string' || !/^[0-9a-f]{64}$/.test(text)) {
      return null;
    }
    var out = new Uint8Array(32);
    for (var i = 0; i < 32; i++) {
      out[i] = parseInt(text.substr(i * 2, 2), 16);
    }
    return out;
  }

  function hashes(list) {
    if (Object.prototype.toString.call(list) !== '[object Array]') {
      return null;
    }
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var h = fromHex(list[i]);
      if (!h) {
        return null;
      }
      out.push(h);
    }
    return out;
  }

  function fromBase64(text) {
    try {
      var binary = atob(text);
      var out = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) {
        out[i] = binary.charCodeAt(i);
      }
      return out.length ? out : null;
    } catch (e) {
      return null;
    }
  }

  function equal(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }

  function isCount(n) {
    return typeof n === 'number' && n >= 0 && n % 1 === 0 && n <= 9007199254740991;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Fetching

  function getJson(url) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.timeout = 30000;
      xhr.onload = function () {
        var body = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch (e) {
          body = null;
        }
        if (xhr.status === 200 && body !== null) {
          resolve(body);
        } else if (body && typeof body.detail === 'string') {
          reject(problem(body.detail));
        } else {
          reject(problem('本站未能答复（HTTP ' + xhr.status + '），请稍后再试。'));
        }
      };
      xhr.onerror = xhr.ontimeout = function () {
        reject(problem('无法连接本站，请检查网络后再试。'));
      };
      xhr.send();
    });
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        try {
          resolve(JSON.parse(String(reader.result).replace(/^\uFEFF/, '')));
        } catch (e) {
          reject(problem('所选文件不是本平台的信息文件（无法按JSON读取）。'));
        }
      };
      reader.onerror = function () {
        reject(problem('无法读取所选文件。'));
      };
      reader.readAsText(file, 'UTF-8');
    });
  }

  /** An index number as typed, or taken from a record's address (…/records/ycsjyj%2F2026-00001?…). */
  function indexNumber(text) {
    var value = (text || '').replace(/^\s+|\s+$/g, '');
    var at = value.indexOf('/records/');
    if (at >= 0) {
      value = value.substring(at + '/records/'.length);
    }
    value = value.replace(/[?#].*$/, '').replace(/\/+$/, '');
    try {
      value = decodeURIComponent(value);
    } catch (e) {
      // Not URL-encoded after all: keep it as typed.
    }
    return value;
  }

  function problem(message) {
    var error = new Error(message);
    error.userMessage = message;
    return error;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Showing

  function step(id, title, result, what, meaning, detail) {
    return { id: id, title: title, result: result, what: what, meaning: meaning, detail: detail };
  }

  function show(outcome) {
    var failed = 0;
    var unknown = 0;
    for (var i = 0; i < outcome.steps.length; i++) {
      if (outcome.steps[i].result === 'fail') {
        failed++;
      } else if (outcome.steps[i].result === 'unknown') {
        unknown++;
      }
    }
    var record = outcome.record;
    var content = record.content || {};
    fact('信息名称', record.title || content.title || '（无标题）');
    fact('索引号', record.indexNo || content.indexNo || '—');
    if (outcome.entry.action) {
      fact('日志记录', action(outcome.entry.action) + '第 ' + outcome.entry.version + ' 版，记入时间 '
        + beijing(Date.parse(outcome.entry.at)));
    }
    fact('签名树头', '日志共 ' + outcome.head.treeSize + ' 条，签发于 ' + beijing(outcome.head.timestamp));

    for (var s = 0; s < outcome.steps.length; s++) {
      renderStep(s + 1, outcome.steps[s]);
    }
    if (failed) {
      summary('fail', 'alert error', '✘ 核验未通过：有 ' + failed + ' 项检查不成立，不能证明这条信息是当初发布的样子。请看下方各项说明。');
    } else if (unknown) {
      summary('unknown', 'alert', '？ 未能完成核验：有 ' + unknown + ' 项检查未能完成，不能确认这条信息未被改动。请看下方说明。');
    } else {
      summary('pass', 'alert ok', '✔ 核验通过：这条信息与记入公开日志时完全一致，日志由本平台签名确认。');
    }
    resultEl.hidden = false;
    summaryEl.focus();
  }

  function renderStep(number, s) {
    var li = document.createElement('li');
    li.className = s.result === 'pass' ? 'alert ok' : s.result === 'fail' ? 'alert error' : 'alert';
    li.setAttribute('data-step', s.id);
    li.setAttribute('data-result', s.result);
    var head = document.createElement('strong');
    head.appendChild(document.createTextNode(
      (s.result === 'pass' ? '✔ 通过' : s.result === 'fail' ? '✘ 未通过' : '？ 未能核验') + '：' + s.title));
    li.appendChild(head);
    paragraph(li, '检查：' + s.what, 'muted');
    paragraph(li, s.meaning);
    if (s.detail) {
      var code = document.createElement('code');
      code.className = 'secret';
      code.appendChild(document.createTextNode(s.detail));
      var p = document.createElement('p');
      p.appendChild(code);
      li.appendChild(p);
    }
    stepsEl.appendChild(li);
  }

  function paragraph(parent, text, className) {
    var p = document.createElement('p');
    if (className) {
      p.className = className;
    }
    p.appendChild(document.createTextNode(text));
    parent.appendChild(p);
  }

  function fact(term, value) {
    var dt = document.createElement('dt');
    dt.appendChild(document.createTextNode(term));
    var dd = document.createElement('dd');
    dd.appendChild(document.createTextNode(value));
    factsEl.appendChild(dt);
    factsEl.appendChild(dd);
  }

  function summary(result, className, text) {
    summaryEl.className = className;
    summaryEl.setAttribute('data-result', result);
    clear(summaryEl);
    summaryEl.appendChild(document.createTextNode(text));
  }

  function fail(message) {
    clear(factsEl);
    clear(stepsEl);
    summary('error', 'alert error', message);
    resultEl.hidden = false;
    say('');
    summaryEl.focus();
  }

  function say(text) {
    clear(statusEl);
    statusEl.appendChild(document.createTextNode(text));
  }

  function busy(on) {
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = on;
    }
  }

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
  }

  function action(code) {
    var names = { PUBLISH: '发布', REVISE: '修改', CHANGE: '修改', UPDATE: '修改', WITHDRAW: '撤回' };
    return Object.prototype.hasOwnProperty.call(names, code) ? names[code] : String(code);
  }

  /** An instant (ms since 1970) as Beijing time, which has no daylight saving: UTC+8. */
  function beijing(ms) {
    if (typeof ms !== 'number' || isNaN(ms)) {
      return '（时间不详）';
    }
    var d = new Date(ms + 8 * 3600 * 1000);
    function two(n) {
      return (n < 10 ? '0' : '') + n;
    }
    return d.getUTCFullYear() + '-' + two(d.getUTCMonth() + 1) + '-' + two(d.getUTCDate()) + ' '
      + two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()) + '（北京时间）';
  }
}());
