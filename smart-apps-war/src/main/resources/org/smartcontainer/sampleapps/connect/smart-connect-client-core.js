/*
 * smart-connect-client.js — the SMART Connect client library of SMART Container EE.
 *
 * An app framed by the container loads this one script and talks to the container page over
 * postMessage (smart-connect-js.md sections 2-4: the "procure_channel" handshake, then jschannel-style
 * JSON messages scoped by the instance's UUID). Public API (section 5):
 *
 *   SMART.ready(function () { ... })      runs once the container sent "ready" (context, record, user)
 *        .fail(function () { ... })       not framed, or no "ready" within 5 s
 *   SMART.context, .record, .user, .uuid, .manifest, .ready_data
 *   SMART.api_call({url, method, data, contentType})      -> Promise of a SMART response
 *   SMART.get_medications(p), get_problems(p), ... (one per ontology call, generated below from the
 *        container's ontology; {record_id}, {user_id}, {smart_app_id} are filled in, other path
 *        placeholders and the call's declared query parameters come from p; p.data is a request body)
 *   SMART.on(name, cb) / off(name)        host notifications: foregrounded, backgrounded, destroyed
 *   SMART.notify_host(name, params)       e.g. "request_fullscreen"
 *   SMART.process_rdf(contentType, text), SMART.parse_rdf_xml(text), SMART.objectify(triples),
 *   SMART.to_turtle(triples), SMART.to_jsonld(objects), SMART.node_name(node)
 *
 * A SMART response is {status, contentType, body} plus, for application/rdf+xml, "graph" (triples),
 * "objects" ({"@context", "@graph", of_type: {TypeName: [node, ...]}}) and "summary" (the API's
 * ResponseSummary: totalResultCount, resultsReturned, nextPageURL, resultOrder); for application/json,
 * "json". Promises also have .success(cb) and .error(cb) like the 0.6 client's.
 *
 * No dependencies: RDF/XML is parsed with the browser's DOMParser.
 */
(function (global) {
    'use strict';

    var RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    var XSD = 'http://www.w3.org/2001/XMLSchema#';
    var API = 'http://smartplatforms.org/terms/api#';
    var READY_TIMEOUT_MS = 5000;

    var readyCallbacks = [];
    var failCallbacks = [];
    var handlers = {};
    var pending = {};
    var nextId = Math.floor(Math.random() * 1000000);
    var scope = null;
    var channelReady = false;
    var outbox = [];
    var state = 'waiting'; // waiting -> ready | failed (ready may still come after failed)

    function later(fn) {
        setTimeout(fn, 0);
    }

    var SMART = {
        version: '1.0',
        debug: false,
        context: undefined,
        record: undefined,
        user: undefined,
        uuid: undefined,
        manifest: undefined,
        ready_data: undefined,
        calls: {},

        /** Registers cb for the container's "ready"; runs at once if it already came. */
        ready: function (cb) {
            if (state === 'ready') {
                later(function () { cb.call(SMART); });
            } else {
                readyCallbacks.push(cb);
            }
            return SMART;
        },

        /** Registers cb for "no container": not framed, or no "ready" within 5 s. */
        fail: function (cb) {
            if (state === 'failed') {
                later(function () { cb.call(SMART); });
            } else {
                failCallbacks.push(cb);
            }
            return SMART;
        },

        /** Subscribes to a host notification (foregrounded, backgrounded, destroyed). */
        on: function (name, cb) {
            handlers[name] = cb;
        },

        off: function (name) {
            delete handlers[name];
        },

        /** Sends a notification to the container, e.g. "request_fullscreen". */
        notify_host: function (name, params) {
            send({method: scoped(name), params: params === undefined ? null : params});
        },

        /**
         * Calls the SMART API through the container. options: url (path under api_base, starting with "/"),
         * method (GET, POST, PUT, DELETE), data (object: query or form fields; string: a body),
         * contentType (of a string body). Returns a Promise of a SMART response.
         */
        api_call: function (options, success, error) {
            var callInfo = {
                func: options.url,
                method: (options.method || 'GET').toUpperCase(),
                params: options.data === undefined ? {} : options.data,
                contentType: options.contentType || 'application/x-www-form-urlencoded'
            };
            var started = Date.now();
            var promise = request('api_call', callInfo).then(function (result) {
                if (SMART.debug && global.console) {
                    global.console.log('SMART api_call', callInfo.method, callInfo.func, (Date.now() - started) + ' ms');
                }
                return SMART.process_response(result);
            }, function (failure) {
                throw {status: failure.error, message: failure.message};
            });
            return withAliases(promise, success || options.success, error || options.error);
        },

        /** Turns the container's {contentType, data} into a SMART response (see the header). */
        process_response: function (result) {
            var contentType = (result && result.contentType) || 'unknown';
            var response = {status: result && result.status, contentType: contentType, body: result ? result.data : ''};
            if (contentType === 'application/rdf+xml') {
                response.graph = SMART.parse_rdf_xml(response.body);
                response.objects = SMART.objectify(response.graph);
                response.summary = SMART.summary(response.objects);
            } else if (contentType === 'application/json') {
                response.json = JSON.parse(response.body);
            }
            return response;
        },

        /** Installs one method per ontology call (the server appends this call with the generated list). */
        define_calls: function (calls) {
            calls.forEach(function (call) {
                SMART.calls[call.name] = call;
                SMART[call.name] = function (p, success, error) {
                    return SMART.api_call(SMART.call_options(call, p || {}), success, error);
                };
            });
        },

        /** The api_call options of a generated method called with parameters p. */
        call_options: function (call, p) {
            var path = call.path.replace(/\{([a-z_]+)\}/g, function (whole, name) {
                var value;
                if (name === 'record_id') {
                    value = p.record_id !== undefined ? p.record_id : (SMART.record && SMART.record.id);
                } else if (name === 'user_id') {
                    value = p.user_id !== undefined ? p.user_id : (SMART.user && SMART.user.id);
                } else if (name === 'smart_app_id') {
                    value = p.smart_app_id !== undefined ? p.smart_app_id : (SMART.manifest && SMART.manifest.id);
                } else {
                    value = p[name];
                }
                if (value === undefined || value === null) {
                    throw new Error(call.name + ' needs ' + name);
                }
                return encodeURIComponent(value);
            });
            var data = {};
            call.params.forEach(function (name) {
                if (p[name] !== undefined && p[name] !== null) {
                    data[name] = p[name];
                }
            });
            return {
                url: path,
                method: call.method,
                data: p.data !== undefined ? p.data : data,
                contentType: p.contentType
            };
        },

        // ---- RDF ---------------------------------------------------------------------------------------

        /** Parses RDF/XML into triples {s, p, o}; terms are {type: uri|bnode|literal, value, datatype, lang}. */
        parse_rdf_xml: function (text) {
            var doc = new global.DOMParser().parseFromString(text, 'application/xml');
            if (doc.getElementsByTagName('parsererror').length > 0) {
                throw new Error('Not well-formed RDF/XML');
            }
            var triples = [];
            var blank = 0;
            var root = doc.documentElement;
            if (!(root.namespaceURI === RDF && localName(root) === 'RDF')) {
                nodeElement(root, baseOf(root, ''));
            } else {
                children(root).forEach(function (el) { nodeElement(el, baseOf(root, '')); });
            }
            return triples;

            function newBlank() {
                blank += 1;
                return {type: 'bnode', value: 'b' + blank};
            }

            function nodeElement(el, base) {
                base = baseOf(el, base);
                var subject;
                if (el.hasAttributeNS(RDF, 'about')) {
                    subject = {type: 'uri', value: resolve(base, el.getAttributeNS(RDF, 'about'))};
                } else if (el.hasAttributeNS(RDF, 'nodeID')) {
                    subject = {type: 'bnode', value: 'n' + el.getAttributeNS(RDF, 'nodeID')};
                } else if (el.hasAttributeNS(RDF, 'ID')) {
                    subject = {type: 'uri', value: resolve(base, '#' + el.getAttributeNS(RDF, 'ID'))};
                } else {
                    subject = newBlank();
                }
                if (!(el.namespaceURI === RDF && localName(el) === 'Description')) {
                    triples.push({s: subject, p: {type: 'uri', value: RDF + 'type'}, o: {type: 'uri', value: iri(el)}});
                }
                propertyAttributes(el, subject);
                children(el).forEach(function (prop) { propertyElement(prop, subject, base); });
                return subject;
            }

            function propertyAttributes(el, subject) {
                for (var i = 0; i < el.attributes.length; i += 1) {
                    var a = el.attributes[i];
                    if (a.namespaceURI === RDF || a.namespaceURI === 'http://www.w3.org/XML/1998/namespace'
                            || a.namespaceURI === 'http://www.w3.org/2000/xmlns/' || !a.namespaceURI) {
                        if (a.namespaceURI === RDF && localName(a) === 'type') {
                            triples.push({s: subject, p: {type: 'uri', value: RDF + 'type'}, o: {type: 'uri', value: a.value}});
                        }
                        continue;
                    }
                    triples.push({s: subject, p: {type: 'uri', value: iri(a)}, o: {type: 'literal', value: a.value}});
                }
            }

            function propertyElement(el, subject, base) {
                base = baseOf(el, base);
                var predicate = {type: 'uri', value: iri(el)};
                var kids = children(el);
                var parseType = el.getAttributeNS(RDF, 'parseType');
                var object;
                if (el.hasAttributeNS(RDF, 'resource')) {
                    object = {type: 'uri', value: resolve(base, el.getAttributeNS(RDF, 'resource'))};
                    propertyAttributes(el, object);
                } else if (el.hasAttributeNS(RDF, 'nodeID')) {
                    object = {type: 'bnode', value: 'n' + el.getAttributeNS(RDF, 'nodeID')};
                    propertyAttributes(el, object);
                } else if (parseType === 'Resource') {
                    object = newBlank();
                    kids.forEach(function (k) { propertyElement(k, object, base); });
                } else if (parseType === 'Literal') {
                    object = {type: 'literal', value: new global.XMLSerializer().serializeToString(el).replace(/^<[^>]*>|<\/[^>]*>$/g, ''),
                        datatype: RDF + 'XMLLiteral'};
                } else if (kids.length > 0) {
                    object = nodeElement(kids[0], base);
                } else if (hasPropertyAttributes(el)) {
                    object = newBlank();
                    propertyAttributes(el, object);
                } else {
                    object = {type: 'literal', value: el.textContent};
                    if (el.hasAttributeNS(RDF, 'datatype')) {
                        object.datatype = el.getAttributeNS(RDF, 'datatype');
                    }
                    var lang = langOf(el);
                    if (lang) {
                        object.lang = lang;
                    }
                }
                triples.push({s: subject, p: predicate, o: object});
            }

            function hasPropertyAttributes(el) {
                for (var i = 0; i < el.attributes.length; i += 1) {
                    var ns = el.attributes[i].namespaceURI;
                    if (ns && ns !== RDF && ns !== 'http://www.w3.org/XML/1998/namespace' && ns !== 'http://www.w3.org/2000/xmlns/') {
                        return true;
                    }
                }
                return false;
            }
        },

        /**
         * Links triples into objects: one per subject, keyed by short property names (the local part of the
         * property IRI), values are literals (numbers converted), or the linked node object itself.
         * Returns {"@context": {short: IRI}, "@graph": [nodes], of_type: {TypeName: [nodes]}, by_id: {...}}.
         */
        objectify: function (triples) {
            var byId = {};
            var context = {};
            function node(term) {
                var key = (term.type === 'bnode' ? '_:' : '') + term.value;
                if (!byId[key]) {
                    byId[key] = {'@id': key, '@type': []};
                }
                return byId[key];
            }
            triples.forEach(function (t) {
                var subject = node(t.s);
                if (t.p.value === RDF + 'type') {
                    subject['@type'].push(SMART.node_name(t.o.value));
                    context[SMART.node_name(t.o.value)] = t.o.value;
                    return;
                }
                var name = SMART.node_name(t.p.value);
                context[name] = t.p.value;
                var value = t.o.type === 'literal' ? literalValue(t.o) : node(t.o);
                if (subject[name] === undefined) {
                    subject[name] = value;
                } else if (Array.isArray(subject[name])) {
                    subject[name].push(value);
                } else {
                    subject[name] = [subject[name], value];
                }
            });
            var graph = [];
            var ofType = {};
            Object.keys(byId).forEach(function (key) {
                var n = byId[key];
                graph.push(n);
                n['@type'].forEach(function (type) {
                    (ofType[type] = ofType[type] || []).push(n);
                });
            });
            return {'@context': context, '@graph': graph, of_type: ofType, by_id: byId};
        },

        /** The API's ResponseSummary of objectified results, if the response had one. */
        summary: function (objects) {
            var s = (objects.of_type.ResponseSummary || [])[0];
            if (!s) {
                return undefined;
            }
            var order = [];
            var list = s.resultOrder;
            while (list && list.first !== undefined) {
                order.push(list.first['@id'] || list.first);
                list = list.rest;
            }
            return {
                totalResultCount: s.totalResultCount,
                resultsReturned: s.resultsReturned,
                nextPageURL: s.nextPageURL && (s.nextPageURL['@id'] || s.nextPageURL),
                resultOrder: order
            };
        },

        /** The local name of an IRI: after the last '#', else after the last '/'. */
        node_name: function (iri) {
            var i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
            return i >= 0 && i < iri.length - 1 ? iri.substring(i + 1) : iri;
        },

        /** Parses a response body by its content type into triples (RDF/XML only). */
        process_rdf: function (contentType, text) {
            if (contentType !== 'application/rdf+xml') {
                throw new Error('Cannot parse ' + contentType);
            }
            return SMART.parse_rdf_xml(text);
        },

        /** Writes triples as Turtle, with the usual SMART prefixes. */
        to_turtle: function (triples) {
            var prefixes = {
                rdf: RDF, rdfs: 'http://www.w3.org/2000/01/rdf-schema#', xsd: XSD,
                sp: 'http://smartplatforms.org/terms#', spcode: 'http://smartplatforms.org/terms/codes/',
                api: API, dcterms: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/',
                v: 'http://www.w3.org/2006/vcard/ns#'
            };
            function term(t) {
                if (t.type === 'bnode') {
                    return '_:' + t.value.replace(/[^A-Za-z0-9]/g, '');
                }
                if (t.type === 'uri') {
                    if (t.value === RDF + 'type') {
                        return 'a';
                    }
                    for (var p in prefixes) {
                        var local = t.value.substring(prefixes[p].length);
                        if (t.value.indexOf(prefixes[p]) === 0 && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(local)) {
                            return p + ':' + local;
                        }
                    }
                    return '<' + t.value.replace(/>/g, '\\u003E') + '>';
                }
                var lit = '"' + t.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
                if (t.lang) {
                    return lit + '@' + t.lang;
                }
                return t.datatype ? lit + '^^' + term({type: 'uri', value: t.datatype}) : lit;
            }
            var out = Object.keys(prefixes).map(function (p) { return '@prefix ' + p + ': <' + prefixes[p] + '> .'; });
            out.push('');
            var bySubject = {};
            var order = [];
            triples.forEach(function (t) {
                var key = term(t.s);
                if (!bySubject[key]) {
                    bySubject[key] = [];
                    order.push(key);
                }
                bySubject[key].push('    ' + term(t.p) + ' ' + term(t.o));
            });
            order.forEach(function (s) {
                out.push(s + '\n' + bySubject[s].join(' ;\n') + ' .\n');
            });
            return out.join('\n');
        },

        /** JSON-LD of objectified results: nodes referenced by "@id", with the short-name context. */
        to_jsonld: function (objects) {
            var graph = objects['@graph'].map(function (n) {
                var copy = {};
                Object.keys(n).forEach(function (k) {
                    copy[k] = SMART.break_json_cycles(n[k], true);
                });
                if (copy['@type'].length === 0) {
                    delete copy['@type'];
                }
                return copy;
            });
            return JSON.stringify({'@context': objects['@context'], '@graph': graph}, null, 2);
        },

        /** A node reference ({"@id"}) instead of a linked node object, so that values can be serialized. */
        break_json_cycles: function (value, top) {
            if (Array.isArray(value)) {
                return value.map(function (v) { return SMART.break_json_cycles(v, top); });
            }
            if (value && typeof value === 'object' && value['@id'] !== undefined && top) {
                return {'@id': value['@id']};
            }
            return value;
        }
    };

    function literalValue(o) {
        var dt = o.datatype || '';
        if (dt === XSD + 'integer' || dt === XSD + 'int' || dt === XSD + 'long' || dt === XSD + 'nonNegativeInteger') {
            return parseInt(o.value, 10);
        }
        if (dt === XSD + 'decimal' || dt === XSD + 'double' || dt === XSD + 'float') {
            return parseFloat(o.value);
        }
        if (dt === XSD + 'boolean') {
            return o.value === 'true';
        }
        return o.value;
    }

    function localName(node) {
        return node.localName || node.nodeName.replace(/^.*:/, '');
    }

    function iri(node) {
        return (node.namespaceURI || '') + localName(node);
    }

    function children(el) {
        var out = [];
        for (var c = el.firstChild; c; c = c.nextSibling) {
            if (c.nodeType === 1) {
                out.push(c);
            }
        }
        return out;
    }

    function baseOf(el, inherited) {
        var b = el.getAttributeNS && el.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'base');
        return b ? resolve(inherited, b) : inherited;
    }

    function langOf(el) {
        for (var e = el; e && e.nodeType === 1; e = e.parentNode) {
            var l = e.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang');
            if (l) {
                return l;
            }
        }
        return null;
    }

    function resolve(base, ref) {
        if (!base || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref)) {
            return ref;
        }
        try {
            return new global.URL(ref, base).href;
        } catch (e) {
            return ref;
        }
    }

    function withAliases(promise, success, error) {
        if (success || error) {
            promise.then(success, error);
        }
        promise.success = function (cb) { promise.then(cb); return promise; };
        promise.error = function (cb) { promise.then(null, cb); return promise; };
        return promise;
    }

    // ---- wire protocol (smart-connect-js.md sections 2 and 3) ------------------------------------------

    function scoped(name) {
        return scope + '::' + name;
    }

    function post(message) {
        global.parent.postMessage(JSON.stringify(message), '*');
    }

    function send(message) {
        if (channelReady) {
            post(message);
        } else {
            outbox.push(message);
        }
    }

    function request(method, params) {
        return new Promise(function (resolve, reject) {
            if (!scope) {
                reject({error: 503, message: {contentType: 'text/plain', data: 'Not connected to a SMART container'}});
                return;
            }
            nextId += 1;
            pending[nextId] = {resolve: resolve, reject: reject};
            send({id: nextId, method: scoped(method), params: params});
        });
    }

    function becomeReady(params) {
        SMART.ready_data = params.ready_data;
        SMART.context = params.context || {};
        SMART.record = SMART.context.record;
        SMART.user = SMART.context.user;
        SMART.uuid = params.uuid;
        SMART.manifest = params.manifest;
        var first = state !== 'ready';
        state = 'ready';
        if (first) {
            var callbacks = readyCallbacks;
            readyCallbacks = [];
            callbacks.forEach(function (cb) {
                try {
                    cb.call(SMART);
                } catch (e) {
                    if (global.console) {
                        global.console.error(e);
                    }
                }
            });
        }
    }

    function becomeFailed() {
        if (state !== 'waiting') {
            return;
        }
        state = 'failed';
        failCallbacks.forEach(function (cb) { cb.call(SMART); });
    }

    function onMessage(event) {
        if (event.source !== global.parent) {
            return;
        }
        var data = event.data;
        if (typeof data === 'string') {
            try {
                data = JSON.parse(data);
            } catch (e) {
                return;
            }
        }
        if (typeof data === 'string') {
            var match = /^app_instance_uuid=(.+)$/.exec(data);
            if (match && match[1].indexOf('::') < 0) {
                scope = match[1];
                channelReady = false;
                post({method: scoped('__ready'), params: 'ping'});
            }
            return;
        }
        if (!data || typeof data !== 'object' || !scope) {
            return;
        }
        if (typeof data.method === 'string') {
            var prefix = scope + '::';
            if (data.method.indexOf(prefix) !== 0) {
                return;
            }
            var name = data.method.substring(prefix.length);
            if (name === '__ready') {
                var wasReady = channelReady;
                channelReady = true;
                if (data.params === 'ping') {
                    post({method: scoped('__ready'), params: 'pong'});
                }
                if (!wasReady) {
                    var queued = outbox;
                    outbox = [];
                    queued.forEach(post);
                }
                return;
            }
            if (data.id !== undefined) { // a request from the host
                if (name === 'ready') {
                    channelReady = true;
                    post({id: data.id, result: true});
                    becomeReady(data.params || {});
                } else {
                    post({id: data.id, error: 'method_not_found', message: 'The app does not offer ' + name});
                }
                return;
            }
            if (handlers[name]) { // a notification
                handlers[name].call(SMART, data.params);
            }
            return;
        }
        if (data.id !== undefined && pending[data.id]) {
            var call = pending[data.id];
            delete pending[data.id];
            if (data.error) {
                call.reject({error: data.error, message: data.message});
            } else {
                call.resolve(data.result);
            }
        }
    }

    global.SMART = SMART;
    global.SMART_CONNECT_CLIENT = SMART;

    if (global.parent === global || !global.parent) {
        later(becomeFailed);
    } else {
        global.addEventListener('message', onMessage, false);
        post('procure_channel');
        setTimeout(becomeFailed, READY_TIMEOUT_MS);
    }
}(this));
