// A small stand-in for the browser, enough to run the portal's SMART Connect scripts in Node: windows of
// given origins whose postMessage delivers asynchronously with the sender as event.source and only when
// the target origin matches (as browsers do), a minimal DOM for launcher.js, and a scripted fetch.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const RESOURCES = path.join(__dirname, '../../main/webapp/static');
const SCRIPTS = {
    jschannel: fs.readFileSync(path.join(RESOURCES, 'smart_common/resources/jschannel.js'), 'utf8'),
    host: fs.readFileSync(path.join(RESOURCES, 'smart_common/resources/smart-connect-host.js'), 'utf8'),
    launcher: fs.readFileSync(path.join(RESOURCES, 'portal/launcher.js'), 'utf8')
};

/** Lets queued messages, fetch answers and promise callbacks run: turns of the event loop, not wall time. */
async function settle(turns) {
    for (let i = 0; i < (turns || 30); i++) {
        await new Promise((resolve) => setImmediate(resolve));
    }
}

/** Delivers data from `source` to `target` as a browser would, or drops it if targetOrigin does not match. */
function deliver(source, target, data, targetOrigin) {
    if (targetOrigin !== '*' && targetOrigin !== target.origin) {
        target.dropped.push({data, targetOrigin});
        return;
    }
    setImmediate(() => {
        // targetOrigin is not part of a real event: the tests check what the sender restricted delivery to.
        target.listeners.slice().forEach((fn) => fn({data, origin: source.origin, source: source.proxy, targetOrigin}));
    });
}

/**
 * A framed app's window, scripted by the test: `received` holds what the host sent it (parsed when JSON),
 * `post(message)` sends to the parent page (strings as they are, objects as JSON).
 */
function appWindow(parentPage, origin) {
    const app = {origin: origin || null, listeners: [], dropped: [], received: []};
    app.proxy = {postMessage: (data, targetOrigin) => deliver(parentPage, app, data, targetOrigin)};
    app.listeners.push((event) => {
        let value = event.data;
        try {
            value = JSON.parse(event.data);
        } catch (e) {
            // keep the text
        }
        app.received.push({data: value, origin: event.origin, targetOrigin: event.targetOrigin});
    });
    app.post = (message) => deliver(app, parentPage, typeof message === 'string' ? message : JSON.stringify(message), '*');
    /** The messages received whose method ends in ::name (requests and notifications to the app). */
    app.calls = (name) => app.received.map((m) => m.data).filter((d) => d && typeof d.method === 'string' && d.method.endsWith('::' + name));
    /** The response to one of the app's requests, by id. */
    app.response = (id) => app.received.map((m) => m.data).find((d) => d && d.id === id && d.method === undefined);
    return app;
}

/** Plays an app through the handshake: procure_channel, the __ready ping, then answers the host's "ready". */
async function handshake(app) {
    app.post('"procure_channel"');
    await settle();
    const uuidMessage = app.received.find((m) => typeof m.data === 'string' && m.data.startsWith('app_instance_uuid='));
    if (!uuidMessage) {
        return null;
    }
    const uuid = uuidMessage.data.substring('app_instance_uuid='.length);
    app.post({method: uuid + '::__ready', params: 'ping'});
    await settle();
    const ready = app.calls('ready')[0];
    app.post({id: ready.id, result: true});
    await settle();
    return {uuid, ready: ready.params};
}

// ---------------------------------------------------------------- a minimal DOM for launcher.js

class ClassList {
    constructor() {
        this.names = new Set();
    }
    add(n) { this.names.add(n); }
    remove(n) { this.names.delete(n); }
    contains(n) { return this.names.has(n); }
    toggle(n, on) {
        const want = on === undefined ? !this.names.has(n) : on;
        if (want) { this.names.add(n); } else { this.names.delete(n); }
        return want;
    }
}

class Element {
    constructor(tag, doc) {
        this.tagName = tag.toUpperCase();
        this.ownerDocument = doc;
        this.children = [];
        this.parentNode = null;
        this.attributes = {};
        this.listeners = {};
        this.classList = new ClassList();
        this.style = {};
        this.hidden = false;
        this.textContent = '';
    }
    get id() { return this.attributes.id || ''; }
    set id(v) { this.attributes.id = v; }
    get className() { return Array.from(this.classList.names).join(' '); }
    set className(v) { this.classList = new ClassList(); v.split(/\s+/).filter(Boolean).forEach((n) => this.classList.add(n)); }
    setAttribute(n, v) { this.attributes[n] = String(v); }
    getAttribute(n) { return Object.prototype.hasOwnProperty.call(this.attributes, n) ? this.attributes[n] : null; }
    appendChild(child) {
        if (child.parentNode) { child.parentNode.removeChild(child); }
        child.parentNode = this;
        this.children.push(child);
        return child;
    }
    removeChild(child) {
        this.children = this.children.filter((c) => c !== child);
        child.parentNode = null;
        return child;
    }
    addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
    click() { (this.listeners.click || []).forEach((fn) => fn({target: this})); }
    descendants() { return this.children.flatMap((c) => [c].concat(c.descendants())); }
    matches(selector) {
        return selector.split(',').some((one) => {
            const s = one.trim();
            const attr = /^\[([\w-]+)(?:=['"]?([^'"\]]*)['"]?)?\]$/.exec(s);
            if (attr) {
                return attr[2] === undefined ? this.getAttribute(attr[1]) !== null : this.getAttribute(attr[1]) === attr[2];
            }
            const classes = /^([a-z]*)((?:\.[\w-]+)+)$/.exec(s);
            if (classes) {
                return (!classes[1] || this.tagName === classes[1].toUpperCase())
                    && classes[2].split('.').filter(Boolean).every((c) => this.classList.contains(c));
            }
            return this.tagName === s.toUpperCase();
        });
    }
    querySelectorAll(selector) { return this.descendants().filter((e) => e.matches(selector)); }
    querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
}

/**
 * The portal page: a vm context with a document, fetch scripted by `respond(url, options)` (returns
 * {status, body, type} or throws), the SMART Connect host loaded, and optionally launcher.js.
 * Frames created by the page get an app window whose origin is that of their src.
 */
function portalPage(options) {
    const opts = options || {};
    const page = {origin: opts.origin || 'https://portal.example', listeners: [], dropped: [], requests: [], frames: []};
    page.proxy = {postMessage: (data, targetOrigin) => { throw new Error('nobody posts to the portal page from inside it'); }};
    const doc = {
        elements: {},
        listeners: {},
        body: null,
        getElementById(id) {
            return this.elements[id] || this.body.descendants().find((e) => e.id === id) || null;
        },
        createElement(tag) {
            const element = new Element(tag, doc);
            if (tag === 'iframe') {
                const app = appWindow(page, null);
                element.contentWindow = app.proxy;
                element.app = app;
                Object.defineProperty(element, 'src', {
                    get() { return element.attributes.src; },
                    set(url) {
                        element.attributes.src = url;
                        app.origin = new URL(url).origin;
                        page.frames.push(element);
                    }
                });
            }
            return element;
        },
        querySelectorAll(selector) { return this.body.querySelectorAll(selector); },
        addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
    };
    doc.body = new Element('body', doc);
    for (const id of ['app-tabs', 'app-frames', 'patients-pane', 'tab-patients', 'launcher-message']) {
        const element = doc.createElement('div');
        element.id = id;
        doc.body.appendChild(element);
    }
    if (opts.config) {
        const config = doc.createElement('script');
        config.id = 'smart-portal-config';
        config.textContent = JSON.stringify(opts.config);
        doc.body.appendChild(config);
    }
    const respond = opts.respond || (() => ({status: 404, body: 'not found', type: 'text/plain'}));
    const window = {
        document: doc,
        location: {href: page.origin + '/index.xhtml', hash: opts.hash || ''},
        crypto: globalThis.crypto,
        URL, URLSearchParams, clearTimeout,
        // The page's timers (the launcher's 10 s ready timeout) must not keep the test process alive.
        setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
        console: {log() {}, warn(m) { page.warnings.push(m); }},
        addEventListener(type, fn) {
            if (type === 'message') {
                page.listeners.push(fn);
            }
        },
        fetch(url, init) {
            const request = {url, method: (init && init.method) || 'GET', headers: (init && init.headers) || {}, body: init && init.body};
            page.requests.push(request);
            return new Promise((resolve, reject) => setImmediate(() => {
                let answer;
                try {
                    answer = respond(url, request);
                } catch (e) {
                    reject(new TypeError('Failed to fetch'));
                    return;
                }
                const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
                resolve({
                    ok: answer.status >= 200 && answer.status < 300,
                    status: answer.status,
                    headers: {get: (n) => (n.toLowerCase() === 'content-type' ? answer.type || null : null)},
                    text: () => Promise.resolve(text),
                    json: () => Promise.resolve(JSON.parse(text))
                });
            }));
        }
    };
    page.warnings = [];
    page.window = vm.createContext(window);
    page.document = doc;
    vm.runInContext(SCRIPTS.jschannel, page.window);
    vm.runInContext(SCRIPTS.host, page.window);
    if (opts.launcher) {
        vm.runInContext(SCRIPTS.launcher, page.window);
    }
    /** The most recently framed app (its scripted window). */
    page.lastApp = () => page.frames[page.frames.length - 1].app;
    return page;
}

module.exports = {portalPage, appWindow, handshake, settle};
