// Unit tests of the SMART Connect client library's core (smart-connect-client-core.js) in Node: the
// wire protocol against a scripted parent window, the generated methods, and the RDF helpers that do
// not need the browser's DOMParser (RDF/XML parsing itself is covered by the browser tests).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const CORE = fs.readFileSync(path.join(__dirname, '../../main/resources/org/smartcontainer/sampleapps/connect/smart-connect-client-core.js'), 'utf8');

/** Loads the library in a fresh window whose parent records what the app posts. */
function framedApp() {
    const posted = [];
    let listener = null;
    const window = {
        setTimeout, clearTimeout, Promise, JSON, console,
        parent: {postMessage: (data, origin) => posted.push({data: JSON.parse(data), origin})},
        addEventListener: (type, fn) => { if (type === 'message') { listener = fn; } }
    };
    vm.runInNewContext(CORE, window);
    const fromHost = (message) => listener({source: window.parent, data: JSON.stringify(message)});
    return {SMART: window.SMART, posted, fromHost, window};
}

const CALLS = [
    {name: 'get_medications', method: 'GET', path: '/records/{record_id}/medications/', params: ['limit', 'offset', 'date_from']},
    {name: 'get_medication', method: 'GET', path: '/records/{record_id}/medications/{medication_id}', params: []},
    {name: 'put_scratchpad_data', method: 'PUT', path: '/records/{record_id}/apps/{smart_app_id}/scratchpad', params: []}
];

test('the app asks for a channel, pings on the UUID scope, answers ready and then becomes ready', async () => {
    const app = framedApp();
    assert.deepStrictEqual(app.posted[0], {data: 'procure_channel', origin: '*'});
    let readyRan = false;
    app.SMART.ready(() => { readyRan = true; });
    app.fromHost('app_instance_uuid=ABC-1');
    assert.deepStrictEqual(app.posted[1].data, {method: 'ABC-1::__ready', params: 'ping'});
    app.fromHost({method: 'ABC-1::__ready', params: 'pong'});
    app.fromHost({id: 7, method: 'ABC-1::ready', params: {uuid: 'ABC-1', manifest: {id: 'x@apps'},
        context: {record: {id: '42', full_name: 'Ann'}, user: {id: 'u1', full_name: 'Dr U'}}}});
    assert.deepStrictEqual(app.posted[2].data, {id: 7, result: true});
    await new Promise((r) => setTimeout(r, 5));
    assert.ok(readyRan);
    assert.strictEqual(app.SMART.record.id, '42');
    assert.strictEqual(app.SMART.user.id, 'u1');
});

test('generated methods fill the path from the context and send only declared parameters', async () => {
    const app = framedApp();
    app.SMART.define_calls(CALLS);
    app.fromHost('app_instance_uuid=U');
    app.fromHost({method: 'U::__ready', params: 'pong'});
    app.fromHost({id: 1, method: 'U::ready', params: {context: {record: {id: 'r 1'}, user: {id: 'u'}}, manifest: {id: 'a@b'}}});
    const answer = app.SMART.get_medications({limit: 5, colour: 'blue'});
    const request = app.posted[app.posted.length - 1].data;
    assert.strictEqual(request.method, 'U::api_call');
    assert.deepStrictEqual(request.params, {func: '/records/r%201/medications/', method: 'GET', params: {limit: 5},
        contentType: 'application/x-www-form-urlencoded'});
    app.fromHost({id: request.id, result: {contentType: 'application/json', data: '{"ok":true}'}});
    const response = await answer;
    assert.deepStrictEqual(response.json, {ok: true});

    app.SMART.put_scratchpad_data({data: 'hello', contentType: 'text/plain'});
    const put = app.posted[app.posted.length - 1].data.params;
    assert.deepStrictEqual(put, {func: '/records/r%201/apps/a%40b/scratchpad', method: 'PUT', params: 'hello', contentType: 'text/plain'});
    assert.throws(() => app.SMART.get_medication({}), /needs medication_id/);
});

test('an error answer rejects with the HTTP status and the body', async () => {
    const app = framedApp();
    app.SMART.define_calls(CALLS);
    app.fromHost('app_instance_uuid=U');
    app.fromHost({method: 'U::__ready', params: 'ping'});
    app.fromHost({id: 1, method: 'U::ready', params: {context: {record: {id: '1'}}}});
    const answer = app.SMART.get_medication({medication_id: 'm'});
    const request = app.posted[app.posted.length - 1].data;
    app.fromHost({id: request.id, error: 403, message: {contentType: 'text/plain', data: 'Forbidden'}});
    await assert.rejects(answer, (e) => e.status === 403 && e.message.data === 'Forbidden');
});

test('messages from another window or on another scope are ignored', () => {
    const app = framedApp();
    app.fromHost('app_instance_uuid=U');
    const before = app.posted.length;
    app.fromHost({id: 1, method: 'OTHER::ready', params: {}});
    assert.strictEqual(app.posted.length, before);
    assert.strictEqual(app.SMART.record, undefined);
});

test('an app that is not framed fails at once', async () => {
    const window = {setTimeout, clearTimeout, Promise, JSON, addEventListener: () => {}};
    window.parent = window;
    vm.runInNewContext(CORE, window);
    let failed = false;
    window.SMART.fail(() => { failed = true; });
    await new Promise((r) => setTimeout(r, 5));
    assert.ok(failed);
});

test('objectify links nodes, groups them by type and reads the response summary', () => {
    const {SMART} = framedApp();
    const uri = (v) => ({type: 'uri', value: v});
    const lit = (v, dt) => ({type: 'literal', value: v, datatype: dt});
    const SP = 'http://smartplatforms.org/terms#';
    const API = 'http://smartplatforms.org/terms/api#';
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    const med = uri('http://h/records/1/medications/m1');
    const drug = {type: 'bnode', value: 'd'};
    const summary = {type: 'bnode', value: 's'};
    const list = {type: 'bnode', value: 'l'};
    const triples = [
        {s: med, p: uri(RDF + 'type'), o: uri(SP + 'Medication')},
        {s: med, p: uri(SP + 'drugName'), o: drug},
        {s: drug, p: uri('http://purl.org/dc/terms/title'), o: lit('Aspirin')},
        {s: summary, p: uri(RDF + 'type'), o: uri(API + 'ResponseSummary')},
        {s: summary, p: uri(API + 'totalResultCount'), o: lit('1', 'http://www.w3.org/2001/XMLSchema#integer')},
        {s: summary, p: uri(API + 'resultOrder'), o: list},
        {s: list, p: uri(RDF + 'first'), o: med},
        {s: list, p: uri(RDF + 'rest'), o: uri(RDF + 'nil')}
    ];
    const objects = SMART.objectify(triples);
    assert.strictEqual(objects.of_type.Medication[0].drugName.title, 'Aspirin');
    // (objects made in the library's own realm: compare as JSON)
    assert.deepStrictEqual(JSON.parse(JSON.stringify(SMART.summary(objects))),
        {totalResultCount: 1, resultOrder: ['http://h/records/1/medications/m1']});
    const jsonld = JSON.parse(SMART.to_jsonld(objects));
    assert.strictEqual(jsonld['@context'].drugName, SP + 'drugName');
    assert.deepStrictEqual(jsonld['@graph'].find((n) => n['@id'] === med.value).drugName, {'@id': '_:d'});
    const turtle = SMART.to_turtle(triples);
    assert.match(turtle, /<http:\/\/h\/records\/1\/medications\/m1>\n {4}a sp:Medication ;\n {4}sp:drugName _:d \./);
    assert.match(turtle, /api:totalResultCount "1"\^\^xsd:integer/);
});
