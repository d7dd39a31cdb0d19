// The resilience dashboard: polls the public state every second; an admin (token from the login
// form, kept in memory only) gets buttons that inject and heal each stub's faults.
(function () {
  'use strict';
  const POLL_MS = 1000;
  const FAULT_POLL_MS = 5000;
  const FAULTS = {
    error: { mode: 'error', status: 500 },
    hang: { mode: 'hang' },
    slow: { mode: 'slow', latency_ms: 3000 },
    reset: { mode: 'reset' },
    flaky: { mode: 'flaky', probability: 0.5 }
  };
  let token = null;
  let admin = false;
  let chaosServices = [];
  let lastFaultPoll = 0;

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    });
    children.forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return e;
  }

  function when(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    const ago = Math.max(0, Math.round((Date.now() - d.getTime()) / 1000));
    return d.toLocaleTimeString() + ' (' + ago + ' s ago)';
  }

  function message(text, isError) {
    const m = $('message');
    m.textContent = text;
    m.className = isError ? 'error' : '';
  }

  function chaosButtons(key) {
    if (!chaosServices.includes(key)) return el('span', { class: 'muted' }, 'n/a');
    return el('span', {},
      el('button', { id: 'break-' + key, class: 'break', type: 'button', onclick: () => chaos(key, 'PUT') }, 'Break'),
      el('button', { id: 'heal-' + key, class: 'heal', type: 'button', onclick: () => chaos(key, 'DELETE') }, 'Heal'),
      el('span', { id: 'fault-' + key, class: 'fault' }));
  }

  function showConcurrency(cell, c) {
    if (!c || !c.enabled) {
      cell.textContent = 'fixed bulkhead';
      cell.title = 'the adaptive concurrency limit is off';
      return;
    }
    cell.textContent = c.in_flight + ' / ' + c.limit;
    cell.className = c.limit < c.max_limit ? 'limit-lowered' : '';
    cell.title = 'limit between ' + c.min_limit + ' and ' + c.max_limit + ' (' + c.algorithm + ', slow over '
      + c.slow_call_ms + ' ms); ' + c.rejected + ' calls refused at the limit; '
      + c.slow_ignored + ' slow answers ignored (the backend past its own capacity then)';
  }

  function render(s) {
    chaosServices = s.chaos_services || [];
    const banner = $('mode-banner');
    banner.className = 'mode mode-' + s.operation_mode;
    $('mode').textContent = s.operation_mode;
    $('mode-reason').textContent = s.operation_mode_reason + ' (' + s.operation_mode_source + ')';

    const body = $('breakers').tBodies[0];
    Object.entries(s.services).forEach(([key, b]) => {
      let row = $('row-' + key);
      if (!row) {
        row = el('tr', { id: 'row-' + key },
          el('td', {}, el('strong', {}, key), el('div', { class: 'muted' }, b.service)),
          el('td', {}, el('span', { id: 'state-' + key, class: 'state' })),
          el('td', { id: 'failures-' + key }),
          el('td', { id: 'concurrency-' + key }),
          el('td', { id: 'last-failure-' + key }),
          el('td', { id: 'last-change-' + key }),
          el('td', { class: 'admin-only' }, chaosButtons(key)));
        body.append(row);
      }
      const state = $('state-' + key);
      state.textContent = b.state;
      state.className = 'state state-' + b.state;
      $('failures-' + key).textContent = b.failure_count;
      showConcurrency($('concurrency-' + key), b.concurrency);
      $('last-failure-' + key).textContent = when(b.last_failure);
      $('last-change-' + key).textContent = when(b.last_state_change);
    });

    const others = $('other-stubs');
    if (!others.hasChildNodes()) {
      chaosServices.filter((k) => !(k in s.services)).forEach((k) => others.append(el('strong', {}, k + ' '), chaosButtons(k)));
    }

    const tbody = $('transitions').tBodies[0];
    tbody.replaceChildren(...(s.transitions.length ? s.transitions.map((t) => el('tr', {},
      el('td', {}, when(t.at)), el('td', {}, t.service),
      el('td', {}, el('span', { class: 'state state-' + t.state }, t.state))))
      : [el('tr', {}, el('td', { colspan: '3', class: 'muted' }, 'no transition since the backend started'))]));

    $('updated').textContent = 'updated ' + new Date(s.timestamp).toLocaleTimeString();
  }

  async function poll() {
    try {
      const r = await fetch('/v1/api/dashboard/state', { cache: 'no-store' });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      render(await r.json());
      if (admin && Date.now() - lastFaultPoll > FAULT_POLL_MS) refreshFaults();
    } catch (e) {
      $('updated').textContent = 'backend unreachable (' + e.message + '), retrying…';
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (token) headers['Authorization'] = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await r.json().catch(() => ({}));
    if (r.status === 401 && token) logout('session expired: log in again');
    if (!r.ok) throw new Error(json.error || ('HTTP ' + r.status));
    return json;
  }

  function showFault(key, status) {
    const f = $('fault-' + key);
    if (f) f.textContent = status && status.fault ? 'fault: ' + status.fault.mode : 'fault: ?';
  }

  function refreshFaults() {
    lastFaultPoll = Date.now();
    chaosServices.forEach((k) => api('GET', '/v1/api/admin/chaos/' + encodeURIComponent(k))
      .then((st) => showFault(k, st)).catch(() => showFault(k, null)));
  }

  async function chaos(key, method) {
    const fault = FAULTS[$('fault-mode').value];
    try {
      const st = await api(method, '/v1/api/admin/chaos/' + encodeURIComponent(key), method === 'PUT' ? fault : undefined);
      showFault(key, st);
      message(method === 'PUT' ? key + ': ' + fault.mode + ' injected' : key + ' healed', false);
    } catch (e) {
      message(key + ': ' + e.message, true);
    }
  }

  function claims(jwt) {
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(part + '='.repeat((4 - part.length % 4) % 4)));
    } catch (e) {
      return {};
    }
  }

  function logout(text) {
    token = null;
    admin = false;
    document.body.classList.remove('admin');
    $('login-form').hidden = false;
    $('session').hidden = true;
    message(text || '', !!text);
  }

  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const t = await api('POST', '/v1/api/dashboard/login', { username: $('username').value, password: $('password').value });
      token = t.access_token;
      const c = claims(token);
      admin = Array.isArray(c.groups) && c.groups.includes('admin');
      $('password').value = '';
      $('login-form').hidden = true;
      $('session').hidden = false;
      $('who').textContent = c.upn || c.preferred_username || c.sub || $('username').value;
      $('role').textContent = admin ? '(admin: fault injection enabled)' : '(not an admin: read-only)';
      document.body.classList.toggle('admin', admin);
      message('', false);
      if (admin) refreshFaults();
    } catch (e) {
      message('login failed: ' + e.message, true);
    }
  });
  $('logout').addEventListener('click', () => logout());

  poll();
}());
