// The operations console of a GeoServer Cluster node. Everything shown comes from the node's REST
// API with the credentials typed into the login form; server strings only ever reach the page as
// text (textContent, text nodes), never as markup.
'use strict';

(() => {
  const REST = '/geoserver/rest';
  const POLL_MILLIS = 2000;
  const AUTHORIZATION_KEY = 'geoserver-console.authorization';

  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ page building

  /** An element with attributes ('className', 'hidden', else setAttribute) and children (strings become text). */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'className') {
        element.className = value;
      } else if (name === 'hidden') {
        element.hidden = value;
      } else if (value !== undefined && value !== null) {
        element.setAttribute(name, value);
      }
    }
    for (const child of children) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function setText(element, text) {
    if (element.textContent !== text) {
      element.textContent = text;
    }
  }

  function field(element, name) {
    return element.querySelector(`[data-field="${name}"]`);
  }

  /**
   * Makes the container's children one element per item, in the items' order. Elements of items
   * already shown are kept and updated, so that a live update keeps focus, open details and what
   * a test or a person holds on to.
   */
  function reconcile(container, items, keyOf, create, update) {
    const shown = new Map();
    for (const child of Array.from(container.children)) {
      shown.set(child.dataset.key, child);
    }
    let previous = null;
    for (const item of items) {
      const key = keyOf(item);
      let element = shown.get(key);
      if (element) {
        shown.delete(key);
      } else {
        element = create(item);
        element.dataset.key = key;
      }
      update(element, item);
      const expected = previous ? previous.nextElementSibling : container.firstElementChild;
      if (element !== expected) {
        container.insertBefore(element, expected);
      }
      previous = element;
    }
    for (const gone of shown.values()) {
      gone.remove();
    }
  }

  // ------------------------------------------------------------------ GeoServer's JSON

  /** A list from GeoServer's JSON: an array, a single object, or "" / absent for none. */
  function listOf(value) {
    if (value === undefined || value === null || value === '') {
      return [];
    }
    return Array.isArray(value) ? value : [value];
  }

  /** The list under a key of a container that may itself be "" (GeoServer's empty list). */
  function listIn(container, key) {
    return container && typeof container === 'object' ? listOf(container[key]) : [];
  }

  /** Values arrive as JSON strings or as booleans and numbers. */
  const isTrue = (value) => String(value) === 'true';
  const numberOf = (value) => {
    const number = Number(value);
    return value === '' || value === null || value === undefined || !Number.isFinite(number) ? 0 : number;
  };
  const commaList = (value) => (value === undefined || value === null ? [] : String(value).split(',').map((s) => s.trim()).filter(Boolean));
  const textOf = (value) => (value === undefined || value === null ? '' : String(value));

  function nodeOf(raw) {
    return {
      name: textOf(raw.instanceName),
      self: isTrue(raw.self),
      master: isTrue(raw.master),
      slave: isTrue(raw.slave),
      readOnly: isTrue(raw.readOnly),
      sameConfiguration: isTrue(raw.sameConfiguration),
      differingTypes: commaList(raw.differingTypes),
      differingObjects: commaList(raw.differingObjects),
      digest: textOf(raw.digest),
      outbox: numberOf(raw.outbox),
      deferred: numberOf(raw.deferred),
      failed: numberOf(raw.failed),
      behindEvents: numberOf(raw.behindEvents),
      behindSeconds: numberOf(raw.behindSeconds),
      lastHeard: textOf(raw.lastHeard),
      lastHeardSeconds: numberOf(raw.lastHeardSeconds),
    };
  }

  /** The overview's nodes: an array, one object, "" for none, or GeoServer's {"node": [...]} wrapping. */
  function nodesOf(overview) {
    const nodes = overview.nodes && typeof overview.nodes === 'object' && !Array.isArray(overview.nodes) && 'node' in overview.nodes
      ? overview.nodes.node : overview.nodes;
    return listOf(nodes).map(nodeOf).sort((a, b) => (a.self === b.self ? a.name.localeCompare(b.name) : a.self ? -1 : 1));
  }

  const path = (...segments) => segments.map((segment) => '/' + encodeURIComponent(segment)).join('');

  // ------------------------------------------------------------------ REST calls

  let authorization = sessionStorage.getItem(AUTHORIZATION_KEY);

  class HttpError extends Error {
    constructor(status, message) {
      super(status ? `HTTP ${status}: ${message}` : message);
      this.status = status;
    }
  }

  /** Basic credentials, UTF-8 encoded as browsers and Jetty read them. */
  function basic(user, password) {
    const bytes = new TextEncoder().encode(`${user}:${password}`);
    return 'Basic ' + btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  }

  /**
   * One call of the REST API; its text, else an HttpError with the server's one-line message.
   * 'omit' keeps the browser's own login prompt and password cache out: the page sends the header.
   */
  async function call(method, apiPath, accept, credentials = authorization) {
    let response;
    try {
      response = await fetch(REST + apiPath, {
        method, credentials: 'omit', cache: 'no-store', headers: {Authorization: credentials, Accept: accept},
      });
    } catch (error) {
      throw new HttpError(0, `the node does not answer (${error.message})`);
    }
    const text = await response.text();
    if (!response.ok) {
      const message = text.trim().split('\n')[0].slice(0, 500) || response.statusText || 'no message';
      throw new HttpError(response.status, message);
    }
    return text;
  }

  const getJson = async (apiPath) => JSON.parse(await call('GET', apiPath + '.json', 'application/json'));

  /** Shows an error where it belongs; a refused login (401) ends the session instead. */
  function report(error, element) {
    if (error instanceof HttpError && error.status === 401) {
      endSession(`Log in again: ${error.message}`);
      return;
    }
    if (!(error instanceof HttpError)) {
      console.error(error);
    }
    if (element) {
      element.hidden = false;
      setText(element, error.message);
    }
  }

  function clearError(element) {
    element.hidden = true;
    setText(element, '');
  }

  // ------------------------------------------------------------------ status line and dialogs

  /** The answer to an action, in the toast at the bottom until the next one or its dismissal. */
  function announce(message, outcome) {
    $('toast').hidden = false;
    $('toast').dataset.outcome = outcome;
    $('status').replaceChildren(el('time', {}, new Date().toLocaleTimeString()), ' ', message);
  }

  function dismiss() {
    $('toast').hidden = true;
    $('status').replaceChildren();
  }

  /** Resolves true when the user confirms; Cancel and Escape resolve false. */
  function confirmAction(title, text, okLabel) {
    const dialog = $('confirm-dialog');
    setText($('confirm-title'), title);
    setText($('confirm-text'), text);
    setText($('confirm-ok'), okLabel);
    const opener = document.activeElement;
    return new Promise((resolve) => {
      const done = (confirmed) => {
        $('confirm-ok').onclick = null;
        $('confirm-cancel').onclick = null;
        dialog.oncancel = null;
        dialog.close();
        if (opener && opener.isConnected) {
          opener.focus();
        }
        resolve(confirmed);
      };
      $('confirm-ok').onclick = () => done(true);
      $('confirm-cancel').onclick = () => done(false);
      dialog.oncancel = (event) => { event.preventDefault(); done(false); };
      dialog.showModal();
      $('confirm-cancel').focus();
    });
  }

  /** Shows a text (a payload, a definition, a style's file) with optional fields above it. */
  function showText(title, loadText) {
    const dialog = $('text-dialog');
    setText($('text-title'), title);
    $('text-fields').replaceChildren();
    clearError($('text-error'));
    setText($('text-body'), 'Loading…');
    dialog.dataset.state = 'loading';
    const opener = document.activeElement;
    dialog.onclose = () => {
      if (opener && opener.isConnected) {
        opener.focus();
      }
    };
    dialog.showModal();
    $('text-close').focus();
    loadText().then(({fields = [], text}) => {
      $('text-fields').replaceChildren(...fields.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, textOf(value))]));
      setText($('text-body'), text);
      dialog.dataset.state = 'shown';
    }, (error) => {
      setText($('text-body'), '');
      dialog.dataset.state = 'failed';
      report(error, $('text-error'));
    });
  }

  // ------------------------------------------------------------------ session

  let session = 0; // the number of the running session; a poll of an ended one stops
  let wakePoll = () => {};
  let lastDigest = null; // this node's digest at the last poll: a change reloads the configuration view

  function sleep(millis) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, millis);
      wakePoll = () => { clearTimeout(timer); resolve(); };
    });
  }

  async function logIn(event) {
    event.preventDefault();
    const user = $('login-user').value.trim();
    const password = $('login-password').value;
    const error = $('login-error');
    if (!user || !password) {
      error.hidden = false;
      setText(error, 'Enter a user and a password.');
      (user ? $('login-password') : $('login-user')).focus();
      return;
    }
    const credentials = basic(user, password);
    $('login-submit').disabled = true;
    try {
      await call('GET', '/about/version.json', 'application/json', credentials);
      authorization = credentials;
      sessionStorage.setItem(AUTHORIZATION_KEY, credentials);
      $('login-password').value = '';
      clearError(error);
      startSession();
    } catch (failure) {
      error.hidden = false;
      setText(error, failure.status === 401 ? `Wrong user name or password (${failure.message})` : failure.message);
      $('login-password').focus();
    } finally {
      $('login-submit').disabled = false;
    }
  }

  function startSession() {
    session += 1;
    $('login').hidden = true;
    $('console').hidden = false;
    $('session').hidden = false;
    poll(session);
    loadConfiguration();
    $('main').focus();
  }

  /** Back to the login form, with nothing of the cluster left in the page. */
  function endSession(message) {
    session += 1;
    wakePoll();
    authorization = null;
    sessionStorage.removeItem(AUTHORIZATION_KEY);
    for (const dialog of document.querySelectorAll('dialog[open]')) {
      dialog.close();
    }
    for (const id of ['nodes', 'kept-rows', 'workspaces', 'layers', 'layergroups', 'styles']) {
      $(id).replaceChildren();
    }
    for (const id of ['this-node', 'updated', 'cluster-summary', 'workspaces-count', 'layers-count', 'layergroups-count', 'styles-count']) {
      setText($(id), '');
    }
    for (const id of ['cluster-error', 'kept-error', 'configuration-error']) {
      clearError($(id));
    }
    dismiss();
    $('kept-table').hidden = true;
    $('kept-empty').hidden = false;
    lastDigest = null;
    $('node-label').hidden = true;
    $('console').hidden = true;
    $('session').hidden = true;
    $('login').hidden = false;
    const error = $('login-error');
    error.hidden = !message;
    setText(error, message || '');
    $('login-user').focus();
  }

  async function poll(id) {
    while (id === session) {
      await refresh(id);
      if (id === session) {
        await sleep(POLL_MILLIS);
      }
    }
  }

  async function refresh(id) {
    const [overview, kept] = await Promise.allSettled([getJson('/cluster/overview'), getJson('/cluster/kept')]);
    if (id !== session) {
      return;
    }
    if (overview.status === 'fulfilled') {
      clearError($('cluster-error'));
      showOverview(overview.value.overview || {});
    } else {
      report(overview.reason, $('cluster-error'));
    }
    if (id !== session) {
      return;
    }
    if (kept.status === 'fulfilled') {
      clearError($('kept-error'));
      showKept(listIn(kept.value.keptEvents, 'keptEvent'));
    } else {
      report(kept.reason, $('kept-error'));
    }
  }

  // ------------------------------------------------------------------ cluster at a glance

  function showOverview(overview) {
    const nodes = nodesOf(overview);
    setText($('this-node'), textOf(overview.instanceName));
    $('node-label').hidden = !overview.instanceName;
    const time = overview.time ? new Date(overview.time) : new Date();
    setText($('updated'), `updated ${Number.isNaN(time.getTime()) ? textOf(overview.time) : time.toLocaleTimeString()}`);
    reconcile($('nodes'), nodes, (node) => node.name, nodeCard, updateNodeCard);
    const differing = nodes.filter((node) => !node.self && !node.sameConfiguration).length;
    const behind = nodes.filter((node) => node.behindEvents > 0).length;
    setText($('cluster-summary'), `${nodes.length} ${nodes.length === 1 ? 'node' : 'nodes'}; `
      + (differing === 0 ? 'all with the same configuration' : `${differing} with a configuration different from this node's`)
      + (behind === 0 ? '; none behind.' : `; ${behind} behind.`));
    const self = nodes.find((node) => node.self);
    if (self && self.digest !== lastDigest) {
      if (lastDigest !== null) {
        loadConfiguration();
      }
      lastDigest = self.digest;
    }
  }

  let nextId = 0;

  function nodeCard(node) {
    const titleId = `node-title-${nextId += 1}`;
    const card = el('article', {className: 'node', 'aria-labelledby': titleId},
      el('header', {},
        el('h3', {id: titleId}, el('span', {'data-field': 'name'}), ' ', el('span', {className: 'badge self', 'data-field': 'self'}, 'this node'))),
      el('ul', {className: 'roles', 'aria-label': 'Roles'},
        el('li', {'data-role': 'master', title: 'master: publishes the changes made on it'}),
        el('li', {'data-role': 'slave', title: "slave: applies the other nodes' changes"}),
        el('li', {'data-role': 'readOnly', title: "read-only: keeps the other nodes' changes in memory only"})),
      el('dl', {className: 'fields'},
        el('dt', {}, 'Configuration'), el('dd', {'data-field': 'configuration'}),
        el('dt', {}, 'Digest'), el('dd', {'data-field': 'digest', className: 'digest'}),
        el('dt', {}, 'Behind'), el('dd', {'data-field': 'behind'}),
        el('dt', {}, 'Outbox'), el('dd', {'data-field': 'outbox'}),
        el('dt', {}, 'Deferred'), el('dd', {'data-field': 'deferred'}),
        el('dt', {}, 'Failed'), el('dd', {'data-field': 'failed'}),
        el('dt', {}, 'Last heard'), el('dd', {'data-field': 'lastHeard'})),
      el('div', {className: 'actions'},
        el('button', {type: 'button', 'data-action': 'master'}),
        el('button', {type: 'button', 'data-action': 'slave'}),
        el('button', {type: 'button', 'data-action': 'resync'}, 'Resync')));
    card.querySelector('[data-action="master"]').addEventListener('click', () => switchRole(card.node, 'master'));
    card.querySelector('[data-action="slave"]').addEventListener('click', () => switchRole(card.node, 'slave'));
    card.querySelector('[data-action="resync"]').addEventListener('click', () => resync(card.node));
    return card;
  }

  function updateNodeCard(card, node) {
    card.node = node;
    card.dataset.node = node.name;
    card.dataset.self = String(node.self);
    card.dataset.same = String(node.sameConfiguration);
    card.dataset.behindEvents = String(node.behindEvents);
    setText(field(card, 'name'), node.name);
    field(card, 'self').hidden = !node.self;
    for (const [role, on, label] of [['master', node.master, 'master'], ['slave', node.slave, 'slave'], ['readOnly', node.readOnly, 'read-only']]) {
      const item = card.querySelector(`[data-role="${role}"]`);
      item.dataset.on = String(on);
      setText(item, `${label}: ${on ? 'on' : 'off'}`);
    }

    const configuration = field(card, 'configuration');
    configuration.dataset.same = String(node.sameConfiguration);
    if (node.self) {
      setText(configuration, "this node's");
    } else if (node.sameConfiguration) {
      setText(configuration, "same as this node's");
    } else {
      const types = node.differingTypes.length ? node.differingTypes.join(', ') : 'not known yet';
      const parts = [el('span', {}, `differs: ${types}`)];
      if (node.differingObjects.length) {
        parts.push(el('ul', {className: 'objects', 'aria-label': 'Differing objects'}, ...node.differingObjects.map((object) => el('li', {}, object))));
      }
      configuration.replaceChildren(...parts);
    }

    const digest = field(card, 'digest');
    setText(digest, node.digest.slice(0, 12));
    digest.title = node.digest;

    const behind = field(card, 'behind');
    behind.dataset.events = String(node.behindEvents);
    behind.dataset.seconds = String(node.behindSeconds);
    setText(behind, node.behindEvents === 0 ? 'up to date'
      : `${node.behindEvents} ${node.behindEvents === 1 ? 'event' : 'events'}, ${node.behindSeconds.toFixed(1)} s`);
    for (const name of ['outbox', 'deferred', 'failed']) {
      const value = field(card, name);
      value.dataset.count = String(node[name]);
      setText(value, String(node[name]));
    }
    const heard = field(card, 'lastHeard');
    if (node.self) {
      setText(heard, 'now (this node)');
    } else {
      setText(heard, `${node.lastHeardSeconds.toFixed(1)} s ago`);
      heard.title = node.lastHeard;
    }
    card.classList.toggle('attention', !node.sameConfiguration || node.failed > 0);

    for (const role of ['master', 'slave']) {
      const button = card.querySelector(`[data-action="${role}"]`);
      const target = node[role] ? 'off' : 'on';
      button.dataset.state = target;
      setText(button, `Switch ${role} ${target}`);
    }
    card.querySelector('[data-action="resync"]').setAttribute('aria-label', `Resync ${node.name}`);
  }

  const ROLE_EFFECT = {
    master: {on: 'It publishes its changes again.', off: 'Its changes wait in its outbox until master is switched on again.'},
    slave: {on: "It applies the other nodes' changes again, and catches up.", off: "It stops applying the other nodes' changes; the broker keeps them."},
  };

  async function switchRole(node, role) {
    const state = node[role] ? 'off' : 'on';
    const what = `Switch ${role} ${state} for ${node.name}`;
    if (await confirmAction(`${what}?`, ROLE_EFFECT[role][state], `Switch ${role} ${state}`)) {
      act(what, 'POST', `${path('cluster', 'nodes', node.name, 'toggle')}?role=${role}&state=${state}`);
    }
  }

  async function resync(node) {
    const what = `Resync ${node.name}`;
    const text = `${node.name} installs a snapshot of the configuration most nodes share (from another node), replacing what differs in its own.`;
    if (await confirmAction(`${what}?`, text, 'Resync')) {
      act(what, 'POST', path('cluster', 'nodes', node.name, 'resync'));
    }
  }

  /**
   * Runs a confirmed action, reports the server's answer and refreshes at once. An answer of 2xx
   * is a success unless outcomeOf judges its text otherwise (a retried event that failed again).
   */
  async function act(what, method, apiPath, outcomeOf = () => 'ok') {
    announce(`${what}…`, 'pending');
    try {
      const answer = (await call(method, apiPath, 'text/plain')).trim();
      announce(`${what}: ${answer || 'done'}`, outcomeOf(answer));
    } catch (error) {
      if (error.status === 401) {
        report(error);
        return;
      }
      announce(`${what} failed: ${error.message}`, 'error');
    }
    wakePoll();
  }

  // ------------------------------------------------------------------ kept events

  function showKept(events) {
    $('kept-table').hidden = events.length === 0;
    $('kept-empty').hidden = events.length > 0;
    reconcile($('kept-rows'), events, (event) => textOf(event.id), keptRow, updateKeptRow);
  }

  function keptRow() {
    const row = el('tr', {},
      el('td', {'data-label': 'Kind'}, el('span', {className: 'badge', 'data-field': 'kind'})),
      el('td', {'data-label': 'Kept at', 'data-field': 'keptAt'}),
      el('td', {'data-label': 'From', 'data-field': 'origin'}),
      el('td', {'data-label': 'Change', 'data-field': 'change'}),
      el('td', {'data-label': 'Reason', 'data-field': 'reason', className: 'reason'}),
      el('td', {className: 'actions'},
        el('button', {type: 'button', 'data-action': 'show'}, 'Show'),
        el('button', {type: 'button', 'data-action': 'retry'}, 'Retry'),
        el('button', {type: 'button', 'data-action': 'discard', className: 'danger'}, 'Discard')));
    row.querySelector('[data-action="show"]').addEventListener('click', () => showKeptEvent(row.event));
    row.querySelector('[data-action="retry"]').addEventListener('click', () => retry(row.event));
    row.querySelector('[data-action="discard"]').addEventListener('click', () => discard(row.event));
    return row;
  }

  function updateKeptRow(row, event) {
    row.event = event;
    row.dataset.keptId = textOf(event.id);
    row.dataset.kind = textOf(event.kind);
    setText(field(row, 'kind'), textOf(event.kind).toLowerCase());
    field(row, 'kind').dataset.kind = textOf(event.kind);
    setText(field(row, 'keptAt'), event.keptAt ? new Date(event.keptAt).toLocaleString() : '');
    setText(field(row, 'origin'), `${textOf(event.origin)} #${textOf(event.sequence)}`);
    setText(field(row, 'change'), `${textOf(event.operation)} ${textOf(event.objectType)} ${textOf(event.objectId)}`);
    setText(field(row, 'reason'), textOf(event.reason));
    for (const [action, label] of [['show', 'Show'], ['retry', 'Retry'], ['discard', 'Discard']]) {
      row.querySelector(`[data-action="${action}"]`).setAttribute('aria-label', `${label} event ${textOf(event.id)}`);
    }
  }

  const describe = (event) => `${textOf(event.operation)} of ${textOf(event.objectType)} ${textOf(event.objectId)} from ${textOf(event.origin)}`;

  const KEPT_EVENT_FIELDS = {
    kind: 'Kind', keptAt: 'Kept at', reason: 'Reason', origin: 'From node', sequence: 'Sequence', operation: 'Operation',
    objectType: 'Object type', objectId: 'Object id', changedProperties: 'Changed properties', styleFileBytes: 'Style file (bytes)',
  };

  function showKeptEvent(event) {
    showText(`Event ${textOf(event.id)}`, async () => {
      const full = (await getJson(path('cluster', 'kept', textOf(event.id)))).keptEvent || {};
      return {
        fields: Object.entries(KEPT_EVENT_FIELDS).filter(([name]) => full[name] !== undefined && full[name] !== '').map(([name, label]) => [label, full[name]]),
        text: textOf(full.payload),
      };
    });
  }

  async function retry(event) {
    const id = textOf(event.id);
    if (await confirmAction(`Retry event ${id}?`, `The ${describe(event)} is applied again now; it stays kept if it still cannot apply.`, 'Retry')) {
      act(`Retry event ${id}`, 'POST', path('cluster', 'kept', id, 'retry'), (answer) => (answer.endsWith(': APPLIED') ? 'ok' : 'error'));
    }
  }

  async function discard(event) {
    const id = textOf(event.id);
    if (await confirmAction(`Discard event ${id}?`, `The ${describe(event)} is deleted and never applied on this node.`, 'Discard')) {
      act(`Discard event ${id}`, 'DELETE', path('cluster', 'kept', id));
    }
  }

  // ------------------------------------------------------------------ configuration

  const WORKSPACE_PARTS = [
    {title: 'Data stores', segment: 'datastores', list: 'dataStores', item: 'dataStore'},
    {title: 'Coverage stores', segment: 'coveragestores', list: 'coverageStores', item: 'coverageStore'},
    {title: 'WMS stores', segment: 'wmsstores', list: 'wmsStores', item: 'wmsStore'},
    {title: 'WMTS stores', segment: 'wmtsstores', list: 'wmtsStores', item: 'wmtsStore'},
    {title: 'Styles', segment: 'styles', list: 'styles', item: 'style'},
    {title: 'Layer groups', segment: 'layergroups', list: 'layerGroups', item: 'layerGroup'},
  ];

  const namesIn = (json, list, item) => listIn(json[list], item).map((entry) => textOf(entry && typeof entry === 'object' ? entry.name : entry)).filter(Boolean);

  let configurationLoad = null;
  let configurationStale = false;

  /** Reloads the configuration view; a reload asked for while one runs follows it. */
  function loadConfiguration() {
    if (configurationLoad) {
      configurationStale = true;
      return;
    }
    const id = session;
    configurationLoad = readConfiguration(id).finally(() => {
      configurationLoad = null;
      if (configurationStale && id === session) {
        configurationStale = false;
        loadConfiguration();
      }
    });
  }

  async function readConfiguration(id) {
    const lists = [
      {id: 'workspaces', apiPath: '/workspaces', list: 'workspaces', item: 'workspace'},
      {id: 'layers', apiPath: '/layers', list: 'layers', item: 'layer'},
      {id: 'layergroups', apiPath: '/layergroups', list: 'layerGroups', item: 'layerGroup'},
      {id: 'styles', apiPath: '/styles', list: 'styles', item: 'style'},
    ];
    const results = await Promise.allSettled(lists.map((list) => getJson(list.apiPath)));
    if (id !== session) {
      return;
    }
    let failure = null;
    results.forEach((result, index) => {
      const list = lists[index];
      if (result.status === 'rejected') {
        failure = failure || result.reason;
        return;
      }
      const names = namesIn(result.value, list.list, list.item);
      setText($(`${list.id}-count`), `(${names.length})`);
      if (list.id === 'workspaces') {
        reconcile($('workspaces'), names, (name) => name, workspaceItem, () => {});
      } else {
        const kind = list.id === 'styles' ? {segment: 'styles', item: 'style'} : {segment: list.id, item: list.item};
        reconcile($(list.id), names, (name) => name, (name) => objectItem(kind, [], name), () => {});
      }
    });
    if (failure) {
      report(failure, $('configuration-error'));
    } else {
      clearError($('configuration-error'));
    }
    await Promise.all(Array.from($('workspaces').querySelectorAll('details[open]'), (details) => loadWorkspace(details.parentElement, id)));
  }

  function workspaceItem(name) {
    const contents = el('div', {className: 'contents', 'data-field': 'contents'});
    const details = el('details', {}, el('summary', {}, name), contents);
    const item = el('li', {'data-workspace': name}, details);
    details.addEventListener('toggle', () => {
      if (details.open) {
        loadWorkspace(item, session);
      }
    });
    return item;
  }

  /** The stores, styles and layer groups of an opened workspace. */
  async function loadWorkspace(item, id) {
    const workspace = item.dataset.workspace;
    const contents = field(item, 'contents');
    if (!contents.firstChild) {
      contents.append(el('p', {className: 'muted'}, 'Loading…'));
    }
    const results = await Promise.allSettled(WORKSPACE_PARTS.map((part) => getJson(path('workspaces', workspace, part.segment))));
    if (id !== session) {
      return;
    }
    const parts = [];
    results.forEach((result, index) => {
      const part = WORKSPACE_PARTS[index];
      if (result.status === 'rejected') {
        report(result.reason);
        parts.push(el('p', {className: 'error'}, `${part.title}: ${result.reason.message}`));
        return;
      }
      const names = namesIn(result.value, part.list, part.item);
      if (names.length) {
        parts.push(el('h4', {}, part.title),
          el('ul', {className: 'names', 'data-part': part.segment}, ...names.map((name) => objectItem(part, ['workspaces', workspace], name))));
      }
    });
    contents.replaceChildren(...(parts.length ? parts : [el('p', {className: 'muted'}, 'Nothing in this workspace yet.')]));
  }

  /** One catalog object as a button showing its definition (a style: with its file). */
  function objectItem(kind, parent, name) {
    const button = el('button', {type: 'button', className: 'link'}, name);
    button.addEventListener('click', () => (kind.segment === 'styles' ? showStyle(parent, name) : showDefinition(kind, parent, name)));
    return el('li', {'data-name': name, 'data-kind': kind.item}, button);
  }

  function showDefinition(kind, parent, name) {
    showText(`${kind.item} ${name}`, async () => ({text: JSON.stringify(await getJson(path(...parent, kind.segment, name)), null, 2)}));
  }

  function showStyle(parent, name) {
    showText(`Style ${name}`, async () => {
      const stylePath = path(...parent, 'styles', name);
      const style = (await getJson(stylePath)).style || {};
      const file = await call('GET', `${stylePath}.sld`, 'application/vnd.ogc.sld+xml');
      const workspace = style.workspace && typeof style.workspace === 'object' ? style.workspace.name : style.workspace;
      const fields = [['Format', style.format], ['Version', style.languageVersion && style.languageVersion.version], ['File', style.filename], ['Workspace', workspace]];
      return {fields: fields.filter(([, value]) => value !== undefined && value !== null && value !== ''), text: file};
    });
  }

  // ------------------------------------------------------------------ start

  $('login-form').addEventListener('submit', logIn);
  $('logout').addEventListener('click', () => endSession('Logged out.'));
  $('configuration-reload').addEventListener('click', loadConfiguration);
  $('text-close').addEventListener('click', () => $('text-dialog').close());
  $('status-dismiss').addEventListener('click', dismiss);
  if (authorization) {
    startSession();
  } else {
    $('login').hidden = false;
    $('login-user').focus();
  }
})();
