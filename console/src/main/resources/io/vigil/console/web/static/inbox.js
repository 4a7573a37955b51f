// Keeps the inbox current without disturbing the reader. Rows are rendered only by the server (rows.jte):
// this script never builds a row itself.
//
// Every 10 seconds it asks /api/alerts/ids which alerts match the filters as applied (not whatever is typed
// in the search box but not yet submitted). That answer holds ids only, so it is not a read of alert content.
// New alerts are announced in a polite live region ("3 new alerts — Show") and shown when the reader asks;
// new imminent-risk (severity 5) alerts are fetched at once and added above the existing rows, which are never
// replaced or reordered under the reader, so focus, text selection and scroll position stay where they were.
(function () {
  'use strict';
  var REFRESH_MS = 10000;
  var table = document.getElementById('alerts');
  var body = document.getElementById('alert-rows');
  var region = document.getElementById('new-alerts');
  if (!table || !body || !region) { return; }

  var query = table.getAttribute('data-query') || '';
  var firstPage = table.getAttribute('data-first-page') === 'true';
  var knownTotal = Number(table.getAttribute('data-total')) || 0;
  var known = new Set((table.getAttribute('data-known') || '').split(' ').filter(Boolean));
  // A row may stand for several alerts (repeats of one pupil's concern grouped under it): all of them are known.
  function remember(tr) {
    known.add(tr.getAttribute('data-id'));
    (tr.getAttribute('data-repeats') || '').split(' ').filter(Boolean).forEach(function (id) { known.add(id); });
  }
  body.querySelectorAll('tr[data-id]').forEach(remember);
  var announced = 0;

  // X-Vigil-Background: a timed request is not activity, so an unattended inbox still locks when idle.
  function fetchQuietly(url) {
    return fetch(url, {credentials: 'same-origin', headers: {'X-Vigil-Background': 'refresh'}})
      .then(function (response) {
        if (response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response : null;
      });
  }

  function parseRows(html) {
    var holder = document.createElement('template');
    holder.innerHTML = html; // server-rendered by rows.jte, every value escaped there
    return Array.prototype.slice.call(holder.content.querySelectorAll('tr[data-id]'));
  }

  function say(count) {
    if (count === announced) { return; } // unchanged: do not make screen readers repeat it
    announced = count;
    region.replaceChildren();
    if (count === 0) { return; }
    var text = document.createElement('span');
    text.textContent = count + (count === 1 ? ' new alert — ' : ' new alerts — ');
    var show = document.createElement('button');
    show.type = 'button';
    show.className = 'link';
    show.id = 'show-new';
    show.textContent = 'show';
    show.addEventListener('click', showNew);
    region.append(text, show);
  }

  // Urgent alerts do not wait for the reader: they go above the rows already on screen.
  function addUrgent(ids) {
    fetchQuietly('/inbox/rows?' + query).then(function (response) {
      return response ? response.text() : null;
    }).then(function (html) {
      if (html === null) { return; }
      var rows = parseRows(html).filter(function (tr) { return ids.indexOf(tr.getAttribute('data-id')) >= 0; });
      rows.reverse().forEach(function (tr) {
        tr.classList.add('is-new');
        body.insertBefore(tr, body.firstChild);
        remember(tr);
      });
      knownTotal += rows.length;
    }).catch(function () { /* try again on the next tick */ });
  }

  // The reader asked: now the first page may be redrawn in urgency order.
  function showNew() {
    if (!firstPage) { window.location.assign('/inbox' + (query ? '?' + query : '')); return; }
    fetch('/inbox/rows?' + query, {credentials: 'same-origin'}).then(function (response) {
      if (response.status === 401) { window.location.reload(); return null; }
      return response.ok ? response : null;
    }).then(function (response) {
      if (!response) { return; }
      var total = Number(response.headers.get('X-Vigil-Total'));
      return response.text().then(function (html) {
        var rows = parseRows(html);
        body.replaceChildren.apply(body, rows);
        rows.forEach(remember);
        knownTotal = total;
        var summary = document.getElementById('summary');
        summary.textContent = total === 0 ? 'No alerts match.'
          : 'Showing 1–' + rows.length + ' of ' + total + ' alerts, most urgent first.';
        say(0);
        summary.focus();
      });
    }).catch(function () { /* the button stays; the reader can try again */ });
  }

  function check() {
    fetchQuietly('/api/alerts/ids?' + query).then(function (response) {
      return response ? response.json() : null;
    }).then(function (data) {
      if (!data) { return; }
      var urgent = data.urgent.filter(function (id) { return !known.has(id); });
      if (urgent.length > 0) { addUrgent(urgent); }
      var fresh = data.ids.filter(function (id) { return !known.has(id) && urgent.indexOf(id) < 0; }).length;
      say(Math.max(fresh, data.total - knownTotal - urgent.length));
    }).catch(function () { /* offline for a moment: try again on the next tick */ });
  }

  // Imminent risk, whatever the filters: every 5 seconds, ask which new (unacknowledged workflow) severity-5 alerts
  // exist. Ids only, so no alert content is read. The first answer is the baseline; any id after it raises the
  // banner, changes the page title (seen from another tab) and is announced assertively, once per alert.
  var URGENT_MS = 5000;
  var banner = document.getElementById('urgent-banner');
  var links = document.getElementById('urgent-links');
  var live = document.getElementById('urgent-live');
  var baseTitle = document.title;
  var seenUrgent = null;
  var raised = [];

  function raise(ids) {
    ids.forEach(function (id) { raised.push(id); });
    links.replaceChildren();
    raised.forEach(function (id, i) {
      var a = document.createElement('a');
      a.href = '/alerts/' + encodeURIComponent(id);
      a.className = 'urgent-open';
      a.textContent = raised.length === 1 ? 'Open the alert' : 'Open alert ' + (i + 1);
      if (i > 0) { links.append(' '); }
      links.append(a);
    });
    banner.hidden = false;
    document.title = '(' + raised.length + ') Imminent risk alert · ' + baseTitle;
    live.textContent = ids.length === 1 ? 'Imminent risk: a new alert has arrived. It is at the top of the page.'
      : 'Imminent risk: ' + ids.length + ' new alerts have arrived. They are at the top of the page.';
  }

  function checkUrgent() {
    fetchQuietly('/api/alerts/ids?minSeverity=5&status=new&limit=20').then(function (response) {
      return response ? response.json() : null;
    }).then(function (data) {
      if (!data) { return; }
      if (seenUrgent === null) {
        seenUrgent = new Set(data.ids);
        banner.setAttribute('data-watching', 'true'); // tests wait for this before sending an alert
        return;
      }
      var fresh = data.ids.filter(function (id) { return !seenUrgent.has(id); });
      fresh.forEach(function (id) { seenUrgent.add(id); });
      if (fresh.length > 0) { raise(fresh); }
    }).catch(function () { /* try again on the next tick */ });
  }

  if (banner && links && live) {
    document.getElementById('urgent-dismiss').addEventListener('click', function () {
      banner.hidden = true;
      raised = [];
      document.title = baseTitle;
      live.textContent = '';
    });
    checkUrgent();
    setInterval(checkUrgent, URGENT_MS);
  }
  setInterval(check, REFRESH_MS);
}());
