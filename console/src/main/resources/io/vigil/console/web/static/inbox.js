// Refreshes the inbox table every 10 seconds from /api/alerts with the filters in the form.
// Values are written with textContent only, never innerHTML, so alert text cannot inject markup.
(function () {
  'use strict';
  var REFRESH_MS = 10000;
  var LABELS = {5: 'Imminent risk', 4: 'Serious', 3: 'Concerning', 2: 'Low', 1: 'Information'};
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function formatTime(iso) {
    var d = new Date(iso);
    return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear() + ' '
      + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC';
  }

  function cell(text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    return td;
  }

  function row(a) {
    var tr = document.createElement('tr');
    tr.className = 'sev-row-' + a.severity;
    var sev = document.createElement('td');
    var badge = document.createElement('span');
    badge.className = 'badge sev-' + a.severity;
    badge.textContent = a.severity + ' ' + (LABELS[a.severity] || '');
    sev.appendChild(badge);
    tr.appendChild(sev);
    tr.appendChild(cell(a.categoryName || a.category));
    var snippet = cell(a.snippet);
    snippet.className = 'snippet';
    if (a.window) {
      var ctx = document.createElement('span');
      ctx.className = 'context';
      ctx.textContent = 'in ' + a.window;
      snippet.appendChild(ctx);
    }
    tr.appendChild(snippet);
    tr.appendChild(cell(a.user));
    tr.appendChild(cell(a.device));
    var when = document.createElement('td');
    var time = document.createElement('time');
    time.setAttribute('datetime', a.occurredAt);
    time.textContent = formatTime(a.occurredAt);
    when.appendChild(time);
    tr.appendChild(when);
    tr.appendChild(cell((a.status || '').replace('_', ' ')));
    return tr;
  }

  function refresh() {
    var form = document.getElementById('filters');
    var body = document.getElementById('alert-rows');
    if (!form || !body) { return; }
    var params = new URLSearchParams(new FormData(form));
    // X-Vigil-Background: a timed refresh is not activity, so an unattended inbox still signs out when idle.
    fetch('/api/alerts?' + params.toString(), {credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-Vigil-Background': 'refresh'}})
      .then(function (response) {
        if (response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data) { return; }
        var rows = document.createDocumentFragment();
        data.alerts.forEach(function (a) { rows.appendChild(row(a)); });
        body.replaceChildren(rows);
        var summary = document.getElementById('summary');
        var text = data.total === 0 ? 'No alerts match.'
          : 'Showing ' + data.alerts.length + ' of ' + data.total + ' alerts, most urgent first.';
        // Only announce to screen readers when something changed.
        if (summary && summary.textContent !== text) { summary.textContent = text; }
      })
      .catch(function () { /* offline for a moment: try again on the next tick */ });
  }

  setInterval(refresh, REFRESH_MS);
}());
