/**
 * The dashboard's only script, served as /__sandbox/dashboard/app.js (no build step). It listens to
 * GET /__sandbox/events (server-sent events, read with fetch so that it can send X-Sandbox-Tenant), swaps
 * in the server-rendered fragments on every "changed" event, wires the buttons to the control API and
 * counts expiries down from the sandbox time the server sent: remaining = expiresAt - (sandboxNow +
 * time elapsed since the fetch, measured with the monotonic performance.now(); nothing when frozen).
 * Everything it writes into the page is server-escaped HTML or textContent.
 */
export const dashboardScript = String.raw`(function () {
  'use strict';
  var body = document.body;
  var base = body.getAttribute('data-base') || '/__sandbox';
  var tenant = body.getAttribute('data-tenant') || '';
  var notice = document.getElementById('notice');
  var indicator = document.getElementById('live-indicator');
  var clockOut = document.getElementById('sandbox-clock');
  var sandboxNow = 0;
  var fetchedAt = 0;
  var frozen = true;
  var streaming = false;
  var stream = null;

  function headers(accept) {
    var h = { accept: accept };
    if (tenant) h['x-sandbox-tenant'] = tenant;
    return h;
  }

  function say(message, isError) {
    notice.textContent = message;
    notice.className = isError ? 'notice error' : 'notice';
    notice.setAttribute('role', isError ? 'alert' : 'status');
  }

  function describeError(res, err) {
    var detail = err && err.message ? err.message : 'HTTP ' + res.status;
    if (err && Array.isArray(err.problems)) {
      detail += ' ' + err.problems.map(function (p) {
        return (p.path ? p.path + ': ' : '') + p.message;
      }).join('; ');
    }
    return detail;
  }

  function call(method, path, payload) {
    var h = headers('application/json');
    var init = { method: method, headers: h };
    if (payload !== undefined) {
      h['content-type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    return fetch(base + path, init).then(function (res) {
      if (res.ok) return res.status === 204 ? null : res.json();
      return res.json().catch(function () { return null; }).then(function (err) {
        throw new Error(describeError(res, err));
      });
    });
  }

  function text(res) {
    if (!res.ok) {
      return res.text().then(function () { throw new Error('HTTP ' + res.status); });
    }
    return res.text();
  }

  // One request at a time per region; changes during a request make one more afterwards.
  function coalesced(run) {
    var busy = false;
    var again = false;
    return function load() {
      if (busy) { again = true; return; }
      busy = true;
      run().catch(function (e) { say('Could not refresh: ' + e.message, true); }).then(function () {
        busy = false;
        if (again) { again = false; load(); }
      });
    };
  }

  var refreshLive = coalesced(function () {
    return fetch(base + '/dashboard/live', { headers: headers('text/html'), cache: 'no-store' })
      .then(text)
      .then(function (markup) {
        var active = document.activeElement;
        var key = active ? active.getAttribute('data-focus-key') : null;
        document.getElementById('live').innerHTML = markup;
        readClock();
        if (key) {
          var next = document.querySelector('[data-focus-key="' + CSS.escape(key) + '"]');
          if (next) next.focus();
        }
      });
  });

  var refreshJournal = coalesced(function () {
    var query = new URLSearchParams();
    new FormData(document.getElementById('journal-filter')).forEach(function (value, name) {
      if (name !== 'tenant' && typeof value === 'string' && value.trim() !== '') query.set(name, value.trim());
    });
    return fetch(base + '/dashboard/journal?' + query.toString(), { headers: headers('text/html'), cache: 'no-store' })
      .then(text)
      .then(function (markup) {
        var journal = document.getElementById('journal');
        var open = Array.prototype.map.call(journal.querySelectorAll('details[open]'), function (d) {
          return d.getAttribute('data-seq');
        });
        journal.innerHTML = markup;
        open.forEach(function (seq) {
          var d = journal.querySelector('details[data-seq="' + CSS.escape(seq) + '"]');
          if (d) d.open = true;
        });
      });
  });

  function refreshTenants() {
    call('GET', '/tenants').then(function (data) {
      var select = document.getElementById('tenant');
      var ids = [''].concat(data && Array.isArray(data.tenants) ? data.tenants : []);
      if (ids.indexOf(tenant) < 0) ids.push(tenant);
      var shown = Array.prototype.map.call(select.options, function (o) { return o.value; });
      if (shown.join('\n') === ids.join('\n')) return;
      select.textContent = '';
      ids.forEach(function (id) {
        var option = document.createElement('option');
        option.value = id;
        option.textContent = id || 'main sandbox';
        option.selected = id === tenant;
        select.appendChild(option);
      });
    }, function () {});
  }

  function refreshAll() {
    refreshLive();
    refreshJournal();
    refreshTenants();
  }

  function readClock() {
    var state = document.getElementById('live-state');
    if (!state) return;
    sandboxNow = Number(state.getAttribute('data-now'));
    frozen = state.getAttribute('data-frozen') === 'true';
    fetchedAt = performance.now();
    var freeze = document.getElementById('freeze');
    freeze.textContent = frozen ? 'Unfreeze' : 'Freeze';
    freeze.setAttribute('aria-pressed', String(frozen));
    document.getElementById('clock-mode').textContent = frozen ? 'frozen' : 'running';
    tick();
  }

  function currentSandboxTime() {
    return frozen ? sandboxNow : sandboxNow + (performance.now() - fetchedAt);
  }

  function duration(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var days = Math.floor(s / 86400);
    var hours = Math.floor((s % 86400) / 3600);
    var minutes = Math.floor((s % 3600) / 60);
    var seconds = s % 60;
    if (days > 0) return days + 'd ' + hours + 'h';
    if (hours > 0) return hours + 'h ' + minutes + 'm ' + seconds + 's';
    if (minutes > 0) return minutes + 'm ' + seconds + 's';
    return seconds + 's';
  }

  function tick() {
    var now = currentSandboxTime();
    clockOut.textContent = new Date(now).toISOString().slice(0, 19) + 'Z';
    document.querySelectorAll('[data-expires-at]').forEach(function (cell) {
      var left = Number(cell.getAttribute('data-expires-at')) - now;
      cell.textContent = left > 0 ? duration(left) : 'expired ' + duration(left) + ' ago';
      var row = cell.closest('tr');
      if (left <= 0 && row && row.getAttribute('data-status') === 'active') {
        // The countdown ran out on a running clock: the server says so on its next update too.
        row.setAttribute('data-status', 'expired');
        var badge = row.querySelector('[data-role="status"]');
        if (badge) { badge.textContent = 'expired'; badge.className = 'status status-expired'; }
      }
    });
  }

  function setLive(on) {
    streaming = on;
    indicator.textContent = on ? 'live' : 'reconnecting…';
    indicator.className = on ? 'live on' : 'live off';
    indicator.setAttribute('data-live', String(on));
  }

  function handleEvent(block) {
    var name = 'message';
    block.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) name = line.slice(6).trim();
    });
    if (name === 'changed' || name === 'ready') refreshAll();
  }

  function connect() {
    if (stream) stream.abort();
    var mine = new AbortController();
    stream = mine;
    fetch(base + '/events', { headers: headers('text/event-stream'), signal: mine.signal, cache: 'no-store' })
      .then(function (res) {
        if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
        setLive(true);
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, '\n');
            var at = buffer.indexOf('\n\n');
            while (at >= 0) {
              handleEvent(buffer.slice(0, at));
              buffer = buffer.slice(at + 2);
              at = buffer.indexOf('\n\n');
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function () {})
      .then(function () {
        if (stream !== mine) return;
        setLive(false);
        setTimeout(connect, 1000);
      });
  }

  function actionFor(button) {
    var action = button.getAttribute('data-action');
    var ref = button.getAttribute('data-ref');
    if (action === 'advance') {
      return call('POST', '/clock', { advanceSeconds: Number(button.getAttribute('data-seconds')) })
        .then(function (clock) { return 'Sandbox clock advanced to ' + clock.now + '.'; });
    }
    if (action === 'freeze') {
      return call('POST', '/clock', { frozen: !frozen })
        .then(function (clock) { return clock.frozen ? 'Sandbox clock frozen.' : 'Sandbox clock running.'; });
    }
    if (action === 'reset') {
      return call('POST', '/reset').then(function () { return 'Sandbox reset to its scenario.'; });
    }
    if (action === 'revoke') {
      return call('POST', '/dashboard/revoke', { ref: ref }).then(function () { return 'Revoked ' + ref + '.'; });
    }
    if (action === 'expire') {
      return call('POST', '/dashboard/expire', { ref: ref }).then(function () { return 'Expired ' + ref + '.'; });
    }
    if (action === 'block' || action === 'unblock') {
      var user = button.getAttribute('data-user');
      var path = '/users/' + encodeURIComponent(button.getAttribute('data-provider')) + '/' +
        encodeURIComponent(user) + '/' + action;
      return call('POST', path).then(function (r) { return 'User ' + user + ' is now ' + r.status + '.'; });
    }
    if (action === 'delete-fault') {
      var id = button.getAttribute('data-fault');
      return call('DELETE', '/faults/' + encodeURIComponent(id)).then(function () { return 'Deleted ' + id + '.'; });
    }
    if (action === 'clear-faults') {
      return call('DELETE', '/faults').then(function () { return 'All faults cleared.'; });
    }
    return null;
  }

  function settle(run, button) {
    if (button) button.disabled = true;
    run.then(function (message) {
      say(message, false);
      if (!streaming) refreshAll();
    }, function (e) {
      say(e.message, true);
    }).then(function () {
      if (button) button.disabled = false;
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]');
    if (!button) return;
    var run = actionFor(button);
    if (run) settle(run, button);
  });

  document.getElementById('fault-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var spec = {};
    new FormData(event.target).forEach(function (value, name) {
      var v = String(value).trim();
      if (v === '') return;
      spec[name] = name === 'status' || name === 'times' || name === 'delayMs' ? Number(v) : v;
    });
    settle(call('POST', '/faults', spec).then(function (r) { return 'Fault ' + r.id + ' armed.'; }), null);
  });

  var journalForm = document.getElementById('journal-filter');
  journalForm.addEventListener('submit', function (event) {
    event.preventDefault();
    refreshJournal();
  });
  journalForm.addEventListener('change', function () { refreshJournal(); });

  var tenantForm = document.getElementById('tenant-form');
  tenantForm.addEventListener('submit', function (event) { event.preventDefault(); });
  document.getElementById('tenant').addEventListener('change', function (event) {
    tenant = event.target.value;
    body.setAttribute('data-tenant', tenant);
    var url = new URL(window.location.href);
    if (tenant) url.searchParams.set('tenant', tenant); else url.searchParams.delete('tenant');
    window.history.replaceState(null, '', url.toString());
    say(tenant ? 'Showing tenant ' + tenant + '.' : 'Showing the main sandbox.', false);
    connect();
    refreshAll();
  });

  readClock();
  setInterval(tick, 1000);
  connect();
})();
`;
