// Unit tests of the SMART Connect host (smart-connect-host.js, with our jschannel) in Node: the launch URL
// and origin rules, the handshake with a framed app of another origin, API calls routed from the frame to
// the host's handle_api and back, the checks that refuse foreign windows, wrong origins and bad calls,
// and Frame UI apps calling only as the instances they launched. The browser tests cover the real page.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const {portalPage, handshake, settle} = require('./fake-browser');

const RECORD_APP = {id: 'meds@apps.example', name: 'Meds', index: 'https://app.example/meds/index.html', scope: 'record'};
const CONTAINER_APP = {id: 'admin@apps.example', name: 'Admin', index: 'https://app.example/admin/', scope: 'container'};
const FRAME_UI_APP = {id: 'frame@apps.example', name: 'Frame', index: 'https://frame.example/ui.html', scope: 'container', mode: 'frame_ui'};
const CONTEXT = {user: {id: 'nurse', full_name: 'Nurse N'}, record: {id: 'r 1', full_name: 'Ann Lee'}};

/** A page with a host whose hooks record what happens; API calls answer with `answer(instance, call)`. */
function hostOnPage(answer) {
    const page = portalPage();
    const host = new page.window.SMART_CONNECT_HOST();
    const seen = {calls: [], ready: [], failed: [], destroyed: []};
    host.get_api_base = (instance, callback) => callback('https://portal.example/api');
    host.get_iframe = (instance, callback) => callback(page.document.createElement('iframe'));
    host.handle_api = (instance, call, success, error) => {
        seen.calls.push({instance, call});
        const a = answer ? answer(instance, call) : {status: 200, contentType: 'application/rdf+xml', data: '<rdf:RDF/>'};
        if (a.status < 300) {
            success({contentType: a.contentType, data: a.data});
        } else {
            error(a.status, {contentType: 'text/plain', data: a.data});
        }
    };
    host.on_app_ready = (instance) => seen.ready.push(instance);
    host.on_app_launch_failed = (instance, reason) => seen.failed.push(reason);
    host.on_app_destroyed = (instance) => seen.destroyed.push(instance);
    return {page, host, seen};
}

/** Launches a manifest and plays the framed app through the handshake. */
async function launched(h, manifest, context) {
    const instance = h.host.launch_app(manifest, context || CONTEXT, {});
    await settle();
    const app = h.page.lastApp();
    const shake = await handshake(app);
    return {instance, app, uuid: shake && shake.uuid, ready: shake && shake.ready};
}

/** A value of the page's realm as a plain value of ours (deepStrictEqual compares prototypes). */
function plain(value) {
    return JSON.parse(JSON.stringify(value));
}

/** Sends an api_call from the app and returns the host's answer. */
async function apiCall(app, uuid, id, call) {
    app.post({id, method: uuid + '::api_call', params: call});
    await settle();
    return app.response(id);
}

// ---------------------------------------------------------------- launch URL and origins

test('the launch URL adds api_base and record_id, keeping the index query and fragment', () => {
    const {page} = hostOnPage();
    const launchUrl = page.window.SMART_CONNECT_HOST.launch_url;
    assert.strictEqual(launchUrl('https://app.example/i.html', 'https://c.example/api', 'r 1'),
        'https://app.example/i.html?api_base=https%3A%2F%2Fc.example%2Fapi&record_id=r%201');
    assert.strictEqual(launchUrl('https://app.example/i.html?mode=x#top', 'https://c.example/api', null),
        'https://app.example/i.html?mode=x&api_base=https%3A%2F%2Fc.example%2Fapi#top');
    assert.strictEqual(launchUrl('https://app.example/i.html', null, null), 'https://app.example/i.html');
});

test('an origin is what the browser reports: lower case, no default port, only for http(s)', () => {
    const {page} = hostOnPage();
    const origin = page.window.SMART_CONNECT_HOST.extract_origin;
    assert.strictEqual(origin('HTTPS://App.Example:443/x'), 'https://app.example');
    assert.strictEqual(origin('http://app.example:8080/x'), 'http://app.example:8080');
    assert.strictEqual(origin('/sample-apps/x.html'), 'https://portal.example');
    assert.strictEqual(origin('javascript:alert(1)'), null);
    assert.strictEqual(origin('data:text/html,hi'), null);
    assert.strictEqual(origin('http://[bad'), null);
});

// ---------------------------------------------------------------- the handshake

test('a record app is framed with api_base and its record, learns its uuid and gets ready with the context', async () => {
    const h = hostOnPage();
    const {instance, app, uuid, ready} = await launched(h, RECORD_APP);
    assert.strictEqual(h.page.frames[0].src,
        'https://app.example/meds/index.html?api_base=https%3A%2F%2Fportal.example%2Fapi&record_id=r%201');
    assert.strictEqual(uuid, instance.uuid);
    assert.match(uuid, /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    assert.strictEqual(app.received[0].origin, 'https://portal.example');
    assert.deepStrictEqual(ready.context, CONTEXT);
    assert.strictEqual(ready.manifest.id, RECORD_APP.id);
    assert.deepStrictEqual(h.seen.ready, [instance]);
    assert.deepStrictEqual(app.dropped, []);
    assert.deepStrictEqual([...new Set(app.received.map((m) => m.targetOrigin))], ['https://app.example'],
        'the host addresses every message to the app\'s origin, never "*"');
});

test('a container app is framed without the record', async () => {
    const h = hostOnPage();
    await launched(h, CONTAINER_APP);
    assert.strictEqual(h.page.frames[0].src, 'https://app.example/admin/?api_base=https%3A%2F%2Fportal.example%2Fapi');
});

test('procure_channel from a window that is not one of the host\'s frames gets no answer', async () => {
    const h = hostOnPage();
    h.host.launch_app(RECORD_APP, CONTEXT, {});
    await settle();
    const stranger = h.page.document.createElement('iframe');
    stranger.src = 'https://evil.example/x.html';
    stranger.app.post('"procure_channel"');
    await settle();
    assert.deepStrictEqual(stranger.app.received, []);
    assert.deepStrictEqual(h.page.lastApp().received, [], 'nor does the real app hear of it');
});

test('an app whose index is not http(s) is never framed', async () => {
    const h = hostOnPage();
    h.host.launch_app({id: 'x@apps', index: 'javascript:alert(1)'}, CONTEXT, {});
    await settle();
    assert.deepStrictEqual(h.page.frames, []);
    assert.strictEqual(h.seen.failed.length, 1);
    assert.deepStrictEqual(Object.keys(h.host.running_apps), []);
});

test('launch_app refuses a manifest without an id', () => {
    const {host} = hostOnPage();
    assert.throws(() => host.launch_app({index: 'https://app.example/'}, CONTEXT, {}), /manifest with an id/);
});

test('an instance closed while its credentials were fetched is not framed', async () => {
    const h = hostOnPage();
    let proceed;
    h.host.get_api_base = (instance, callback) => { proceed = () => callback('https://portal.example/api'); };
    const instance = h.host.launch_app(RECORD_APP, CONTEXT, {});
    h.host.destroy_app_instance(instance);
    proceed();
    await settle();
    assert.deepStrictEqual(h.page.frames, []);
});

// ---------------------------------------------------------------- API calls from the frame

test('an api_call from the frame reaches handle_api with its instance and the answer goes back to the frame', async () => {
    const h = hostOnPage();
    const {instance, app, uuid} = await launched(h, RECORD_APP);
    const call = {func: '/records/r%201/medications/', method: 'GET', params: {limit: 5}, contentType: 'application/x-www-form-urlencoded'};
    const answer = await apiCall(app, uuid, 11, call);
    assert.strictEqual(h.seen.calls.length, 1);
    assert.strictEqual(h.seen.calls[0].instance, instance);
    assert.deepStrictEqual(plain(h.seen.calls[0].call), call);
    assert.deepStrictEqual(answer, {id: 11, result: {contentType: 'application/rdf+xml', data: '<rdf:RDF/>'}});
});

test('a refused API call comes back to the frame as an error with the HTTP status and body', async () => {
    const h = hostOnPage(() => ({status: 403, data: 'Forbidden'}));
    const {app, uuid} = await launched(h, RECORD_APP);
    const answer = await apiCall(app, uuid, 12, {func: '/records/other/demographics', method: 'GET'});
    assert.deepStrictEqual(answer, {id: 12, error: 403, message: {contentType: 'text/plain', data: 'Forbidden'}});
});

test('calls that leave the API base or the path are refused with 400 before handle_api', async () => {
    const h = hostOnPage();
    const {app, uuid} = await launched(h, RECORD_APP);
    const bad = ['http://evil.example/records/1/demographics', '//evil.example/records', 'records/1', '/records/1/../2/demographics',
        '/records/1/%2e%2e/2/demographics', '/records/1\\..\\2', '/records/1/demographics\n', '/records/./1'];
    let id = 100;
    for (const func of bad) {
        const answer = await apiCall(app, uuid, ++id, {func, method: 'GET'});
        assert.strictEqual(answer.error, 400, func);
    }
    assert.strictEqual((await apiCall(app, uuid, ++id, {func: '/manifest', method: 'PATCH'})).error, 400);
    assert.strictEqual((await apiCall(app, uuid, ++id, {func: '/manifest', params: [1]})).error, 400);
    assert.strictEqual((await apiCall(app, uuid, ++id, {func: '/manifest', contentType: 'text/plain\r\nX-Evil: 1'})).error, 400);
    assert.strictEqual((await apiCall(app, uuid, ++id, 'GET /manifest')).error, 400);
    assert.strictEqual(h.seen.calls.length, 0);
});

test('the host checks calls on its own: what call_problem accepts and refuses', () => {
    const {page} = hostOnPage();
    const problem = page.window.SMART_CONNECT_HOST.call_problem;
    assert.strictEqual(problem({func: '/records/1/medications/', method: 'GET', params: {limit: 5}}), null);
    assert.strictEqual(problem({func: '/records/1/apps/a/scratchpad', method: 'PUT', params: 'text', contentType: 'text/plain'}), null);
    assert.match(problem({func: '/x', params: 'y'.repeat(1024 * 1024)}), /too large/);
    assert.match(problem(null), /object/);
});

test('more than 50 calls a second from one instance get 429', async () => {
    const h = hostOnPage();
    const {app, uuid} = await launched(h, RECORD_APP);
    for (let i = 0; i < 51; i++) {
        app.post({id: 1000 + i, method: uuid + '::api_call', params: {func: '/manifest', method: 'GET'}});
    }
    await settle();
    assert.strictEqual(h.seen.calls.length, 50);
    assert.strictEqual(app.response(1050).error, 429);
});

test('a message from the frame with another origin (the frame navigated away) is not answered', async () => {
    const h = hostOnPage();
    const {app, uuid} = await launched(h, RECORD_APP);
    app.origin = 'https://evil.example';
    app.post({id: 77, method: uuid + '::api_call', params: {func: '/records/r%201/demographics', method: 'GET'}});
    await settle();
    assert.strictEqual(h.seen.calls.length, 0);
    assert.strictEqual(app.response(77), undefined);
});

test('a message with another instance\'s uuid is not routed to that instance', async () => {
    const h = hostOnPage();
    const first = await launched(h, RECORD_APP);
    const second = await launched(h, CONTAINER_APP);
    second.app.post({id: 5, method: first.uuid + '::api_call', params: {func: '/records/r%201/demographics', method: 'GET'}});
    await settle();
    assert.strictEqual(h.seen.calls.length, 0);
    assert.strictEqual(second.app.response(5), undefined);
    assert.strictEqual(first.app.response(5), undefined);
});

test('an app-to-host notification reaches the registered handler with its instance', async () => {
    const h = hostOnPage();
    const asked = [];
    h.host.on('request_fullscreen', (instance, params) => asked.push([instance, params]));
    assert.throws(() => h.host.on('request_fullscreen', () => {}), /exists/);
    const {instance, app, uuid} = await launched(h, RECORD_APP);
    app.post({method: uuid + '::request_fullscreen', params: {}});
    await settle();
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0][0], instance);
    assert.deepStrictEqual(plain(asked[0][1]), {});
});

// ---------------------------------------------------------------- closing

test('a new patient closes the record apps (they hear "destroyed") and keeps container apps', async () => {
    const h = hostOnPage();
    const record = await launched(h, RECORD_APP);
    const container = await launched(h, CONTAINER_APP);
    h.host.record_context_changed();
    await settle();
    assert.strictEqual(record.app.calls('destroyed').length, 1);
    assert.strictEqual(container.app.calls('destroyed').length, 0);
    assert.deepStrictEqual(Object.keys(h.host.running_apps), [container.uuid]);
    assert.deepStrictEqual(h.seen.destroyed, [record.instance]);
    record.app.post({id: 9, method: record.uuid + '::api_call', params: {func: '/manifest', method: 'GET'}});
    await settle();
    assert.strictEqual(h.seen.calls.length, 0, 'a closed instance makes no more calls');
});

// ---------------------------------------------------------------- Frame UI apps

test('a Frame UI app calls only as an instance it launched, and never learns a token', async () => {
    const h = hostOnPage();
    h.host.get_api_base = (instance, callback) => {
        instance.credentials = {app_id: instance.manifest.id, connect_token: 'secret-token-' + instance.uuid};
        callback('https://portal.example/api');
    };
    const {app, uuid} = await launched(h, FRAME_UI_APP);
    const nested = '0BADF00D-0000-4000-8000-000000000001';
    const call = {func: '/records/r%201/demographics', method: 'GET', params: {}};

    app.post({id: 1, method: uuid + '::api_call_delegated', params: {app_instance: {uuid: nested}, call_info: call}});
    await settle();
    assert.strictEqual(app.response(1).error, 403, 'no calls for an instance it did not launch');

    app.post({id: 2, method: uuid + '::launch_app_delegated', params: {uuid: nested, manifest: RECORD_APP, context: CONTEXT}});
    await settle();
    const launch = app.response(2).result;
    assert.strictEqual(launch.uuid, nested);
    assert.deepStrictEqual(launch.credentials, {app_id: RECORD_APP.id, api_base: 'https://portal.example/api'});
    assert.ok(!JSON.stringify(launch).includes('secret-token'), 'the Frame UI app gets no token');

    app.post({id: 3, method: uuid + '::api_call_delegated', params: {app_instance: {uuid: nested}, call_info: call}});
    await settle();
    assert.strictEqual(app.response(3).result.contentType, 'application/rdf+xml');
    assert.strictEqual(h.seen.calls[0].instance.uuid, nested, 'the call runs with the launched instance\'s credentials');
    assert.strictEqual(h.seen.calls[0].instance.parent_uuid, uuid);

    app.post({id: 4, method: uuid + '::launch_app_delegated', params: {uuid: 'not-a-uuid', manifest: RECORD_APP}});
    await settle();
    assert.strictEqual(app.response(4).error, 400);
});

test('a ui app cannot use the Frame UI methods', async () => {
    const h = hostOnPage();
    const {app, uuid} = await launched(h, RECORD_APP);
    app.post({id: 8, method: uuid + '::launch_app_delegated', params: {uuid: '0BADF00D-0000-4000-8000-000000000002', manifest: RECORD_APP}});
    await settle();
    assert.strictEqual(app.response(8).error, 'method_not_found');
});
