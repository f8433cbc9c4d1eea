// Unit tests of the portal page's side of SMART Connect (launcher.js on smart-connect-host.js) in Node: launch
// credentials from endpoint A with the anti-CSRF header, the frame going where the registered manifest says,
// API calls relayed to the passthrough (endpoint B) with the Connect token, the token never reaching the
// frame, closing and patient changes, and the messages a clinician sees when a launch cannot happen.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const {portalPage, handshake, settle} = require('./fake-browser');

const MEDS = 'meds@apps.example';
const ADMIN = 'admin@apps.example';
const DESKTOP = 'desktop@apps.example';
const TOKEN = 'connect-token-1';

function manifest(id, scope, index) {
    return {id, name: id.split('@')[0], scope, index};
}

const CONFIG = {
    user: {id: 'nurse 1', full_name: 'Nurse N'},
    csrf: 'csrf-123',
    max_open: 3,
    record: {id: 'r1', full_name: 'Ann Lee'},
    apps: [
        {id: MEDS, name: 'Meds', framed: true, manifest: manifest(MEDS, 'record', 'https://app.example/old-meds.html')},
        {id: ADMIN, name: 'Admin', framed: true, manifest: manifest(ADMIN, 'container', 'https://app.example/admin.html')},
        {id: DESKTOP, name: 'Desktop', framed: false, manifest: manifest(DESKTOP, 'record', 'https://desktop.example/')}
    ]
};

/** What endpoint A answers for an app: its credentials, with the manifest as registered (the index moved). */
function credentials(appId) {
    const app = CONFIG.apps.find((a) => a.id === appId);
    const registered = Object.assign({}, app.manifest, {index: app.manifest.index.replace('old-', '')});
    return {app_id: appId, api_base: 'https://portal.example/api', connect_token: TOKEN, origin: 'https://app.example', manifest: registered};
}

/** The portal page with launcher.js; `overrides(url, request)` may answer a request instead of the defaults. */
function portal(overrides, options) {
    const page = portalPage(Object.assign({launcher: true, config: CONFIG, respond: (url, request) => {
        const answer = overrides && overrides(url, request);
        if (answer) {
            return answer;
        }
        const launch = /^\/accounts\/nurse%201\/apps\/([^/?]+)\/launch/.exec(url);
        if (launch && request.method === 'DELETE') {
            return {status: 204, body: ''};
        }
        if (launch) {
            return {status: 200, type: 'application/json', body: credentials(decodeURIComponent(launch[1]))};
        }
        if (url.startsWith('/smart_passthrough/')) {
            return {status: 200, type: 'application/rdf+xml; charset=UTF-8', body: '<rdf:RDF/>'};
        }
        return {status: 404, type: 'text/plain', body: 'not found'};
    }}, options || {}));
    page.portal = page.window.SmartPortal;
    page.message = () => page.document.getElementById('launcher-message');
    page.tab = (appId) => page.document.getElementById('app-tabs').querySelector('[data-app-id=' + appId + ']');
    return page;
}

/** Launches an app on the page and plays its frame through the handshake. */
async function launchAndShake(page, appId) {
    page.portal.launch(appId);
    await settle();
    const app = page.lastApp();
    const shake = await handshake(app);
    return {app, uuid: shake.uuid, ready: shake.ready};
}

async function apiCall(app, uuid, id, call) {
    app.post({id, method: uuid + '::api_call', params: call});
    await settle();
    return app.response(id);
}

// ---------------------------------------------------------------- launching

test('a record app gets its credentials from the launch endpoint and is framed where its registered manifest says', async () => {
    const page = portal();
    const {app, ready} = await launchAndShake(page, MEDS);
    const launch = page.requests[0];
    assert.strictEqual(launch.url, '/accounts/nurse%201/apps/meds%40apps.example/launch?record_id=r1');
    assert.strictEqual(launch.method, 'GET');
    assert.strictEqual(launch.headers['X-SMART-Portal-CSRF'], 'csrf-123');
    assert.strictEqual(page.frames[0].src, 'https://app.example/meds.html?api_base=https%3A%2F%2Fportal.example%2Fapi&record_id=r1');
    assert.strictEqual(page.frames[0].getAttribute('sandbox').includes('allow-top-navigation'), false);
    assert.deepStrictEqual(ready.context, {user: {id: 'nurse 1', full_name: 'Nurse N'}, browser_environment: 'desktop',
        record: {id: 'r1', full_name: 'Ann Lee'}});
    assert.strictEqual(page.tab(MEDS).getAttribute('data-ready'), 'true');
    assert.strictEqual(page.document.getElementById('patients-pane').hidden, true, 'the app is in the foreground');
    assert.ok(!JSON.stringify(app.received).includes(TOKEN), 'the Connect token never reaches the frame');
});

test('a container app is launched without a record', async () => {
    const page = portal();
    const {ready} = await launchAndShake(page, ADMIN);
    assert.strictEqual(page.requests[0].url, '/accounts/nurse%201/apps/admin%40apps.example/launch');
    assert.strictEqual(ready.context.record, undefined);
    assert.strictEqual(page.frames[0].src, 'https://app.example/admin.html?api_base=https%3A%2F%2Fportal.example%2Fapi');
});

test('launching an app that runs already shows it instead of a second instance', async () => {
    const page = portal();
    await launchAndShake(page, MEDS);
    page.portal.launch(MEDS);
    await settle();
    assert.strictEqual(page.frames.length, 1);
    assert.strictEqual(page.requests.filter((r) => r.url.includes('/launch')).length, 1);
});

test('/index.xhtml#app=<id> opens the app at once', async () => {
    const page = portal(null, {hash: '#app=' + encodeURIComponent(ADMIN)});
    await settle();
    assert.strictEqual(page.frames.length, 1);
    assert.ok(page.frames[0].src.startsWith('https://app.example/admin.html?'));
});

// ---------------------------------------------------------------- API calls through the passthrough

test('an API call from the frame goes to the passthrough with the Connect token and comes back to the frame', async () => {
    const page = portal();
    const {app, uuid} = await launchAndShake(page, MEDS);
    const answer = await apiCall(app, uuid, 21, {func: '/records/r1/medications/', method: 'GET', params: {limit: 5, date_from: '2010 01'}});
    const relayed = page.requests.find((r) => r.url.startsWith('/smart_passthrough/'));
    assert.strictEqual(relayed.url, '/smart_passthrough/records/r1/medications/?limit=5&date_from=2010%2001');
    assert.strictEqual(relayed.method, 'GET');
    assert.strictEqual(relayed.headers.Authorization, 'OAuth smart_connect_token="' + TOKEN + '"');
    assert.strictEqual(relayed.headers['X-SMART-Portal-CSRF'], 'csrf-123');
    assert.strictEqual(relayed.body, undefined);
    assert.deepStrictEqual(answer, {id: 21, result: {contentType: 'application/rdf+xml', data: '<rdf:RDF/>'}});
});

test('a PUT sends a text body with its content type, a POST of fields sends them form-encoded', async () => {
    const page = portal();
    const {app, uuid} = await launchAndShake(page, MEDS);
    await apiCall(app, uuid, 22, {func: '/users/nurse%201/apps/meds%40apps.example/preferences', method: 'PUT',
        params: 'zoom=2', contentType: 'text/plain'});
    await apiCall(app, uuid, 23, {func: '/records/r1/clinical_notes/', method: 'POST', params: {title: 'a b', text: 'c&d'}});
    const [put, post] = page.requests.filter((r) => r.url.startsWith('/smart_passthrough/'));
    assert.strictEqual(put.method, 'PUT');
    assert.strictEqual(put.body, 'zoom=2');
    assert.strictEqual(put.headers['Content-Type'], 'text/plain');
    assert.strictEqual(post.url, '/smart_passthrough/records/r1/clinical_notes/');
    assert.strictEqual(post.body, 'title=a%20b&text=c%26d');
    assert.strictEqual(post.headers['Content-Type'], 'application/x-www-form-urlencoded');
});

test('a refusal of the passthrough reaches the frame with its status; an unreachable server is a 502', async () => {
    let reachable = true;
    const page = portal((url) => {
        if (url.startsWith('/smart_passthrough/records/r2')) {
            return {status: 403, type: 'text/plain', body: 'Forbidden'};
        }
        if (url.startsWith('/smart_passthrough/') && !reachable) {
            throw new Error('network down');
        }
        return null;
    });
    const {app, uuid} = await launchAndShake(page, MEDS);
    assert.deepStrictEqual(await apiCall(app, uuid, 31, {func: '/records/r2/demographics', method: 'GET'}),
        {id: 31, error: 403, message: {contentType: 'text/plain', data: 'Forbidden'}});
    reachable = false;
    const down = await apiCall(app, uuid, 32, {func: '/records/r1/demographics', method: 'GET'});
    assert.strictEqual(down.error, 502);
    assert.strictEqual(down.message.data, 'The container could not reach the API');
});

// ---------------------------------------------------------------- closing and patient changes

test('closing an app\'s tab tells it "destroyed" and revokes its Connect token on the server', async () => {
    const page = portal();
    const {app} = await launchAndShake(page, MEDS);
    page.tab(MEDS).querySelector('.app-tab-close').click();
    await settle();
    assert.strictEqual(app.calls('destroyed').length, 1);
    const revoke = page.requests.find((r) => r.method === 'DELETE');
    assert.strictEqual(revoke.url, '/accounts/nurse%201/apps/meds%40apps.example/launch?connect_token=' + TOKEN);
    assert.strictEqual(revoke.headers['X-SMART-Portal-CSRF'], 'csrf-123');
    assert.strictEqual(page.tab(MEDS), null);
    assert.strictEqual(page.document.getElementById('patients-pane').hidden, false, 'back to the patient list');
});

test('a new patient closes the record app and relaunches it for that patient; container apps keep running', async () => {
    const page = portal();
    const admin = await launchAndShake(page, ADMIN);
    const meds = await launchAndShake(page, MEDS);
    const chosen = page.document.createElement('span');
    chosen.id = 'portalPatient';
    chosen.setAttribute('data-record-id', 'r2');
    chosen.setAttribute('data-full-name', 'Bob Ray');
    page.document.body.appendChild(chosen);
    page.portal.patientChanged();
    await settle();
    assert.strictEqual(meds.app.calls('destroyed').length, 1);
    assert.strictEqual(admin.app.calls('destroyed').length, 0);
    assert.strictEqual(page.requests.filter((r) => r.url.endsWith('/launch?record_id=r2')).length, 1);
    const relaunched = await handshake(page.lastApp());
    assert.deepStrictEqual(relaunched.ready.context.record, {id: 'r2', full_name: 'Bob Ray'});
    assert.ok(page.lastApp() !== meds.app);
});

// ---------------------------------------------------------------- what the clinician is told

test('a launch the server refuses leaves no tab and says why', async () => {
    const page = portal((url) => (url.includes('/launch') ? {status: 403, type: 'text/plain', body: 'no'} : null));
    page.portal.launch(MEDS);
    await settle();
    assert.strictEqual(page.message().textContent, 'The app could not be launched (403).');
    assert.strictEqual(page.message().hidden, false);
    assert.strictEqual(page.tab(MEDS), null);
    assert.deepStrictEqual(page.frames, []);
});

test('credentials answered for another app are not used', async () => {
    const page = portal((url) => (url.includes('/launch') ? {status: 200, type: 'application/json', body: credentials(ADMIN)} : null));
    page.portal.launch(MEDS);
    await settle();
    assert.deepStrictEqual(page.frames, []);
    assert.strictEqual(page.message().textContent, 'The app could not be launched (the launch answered for another app).');
});

test('a record app needs a patient, a windowed app cannot be framed, and only max_open apps run at once', async () => {
    const page = portal(null, {config: Object.assign({}, CONFIG, {record: null, max_open: 1})});
    page.portal.launch(MEDS);
    assert.strictEqual(page.message().textContent, 'Please choose a patient before running this app.');
    page.portal.launch(DESKTOP);
    assert.strictEqual(page.message().textContent, 'Desktop runs in its own window; it cannot open inside the portal.');
    assert.strictEqual(page.portal.launch('nobody@apps.example'), null);
    assert.strictEqual(page.message().textContent, 'This app is not enabled for you.');
    assert.deepStrictEqual(page.requests, [], 'no launch was asked for');

    const full = portal(null, {config: Object.assign({}, CONFIG, {max_open: 1})});
    await launchAndShake(full, ADMIN);
    full.portal.launch(MEDS);
    assert.strictEqual(full.message().textContent, 'At most 1 apps can be open at once; close one first.');
    assert.deepStrictEqual(full.requests.filter((r) => r.url.includes('meds%40')), [], 'no launch was asked for');
});
