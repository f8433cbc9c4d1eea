/*
 * SMART Container EE - jschannel: JSON-RPC over window.postMessage, wire-compatible with the
 * "js_channel" protocol SMART Connect uses (smart-connect-js.md section 3). Our own implementation.
 *
 *   var ch = Channel.build({window: otherWindow, origin: "https://app.example" | "*", scope: "UUID",
 *                           onReady: function (ch) {}});
 *   ch.bind("name", function (trans, params) { return result; });   // or trans.delayReturn(true) ... trans.complete(v)
 *   ch.call({method: "name", params: {...}, success: function (result) {}, error: function (code, message) {}});
 *   ch.notify({method: "name", params: {...}});
 *   ch.unbind("name"); ch.destroy();
 *
 * Messages are JSON texts: requests {id, method: "scope::name", params}, responses {id, result},
 * errors {id, error, message}, notifications {method, params}. Method names carry the scope.
 */
(function (global) {
    "use strict";
    if (global.Channel && typeof global.Channel.build === "function") {
        return; // a wire-compatible implementation is already on the page
    }

    /** Incoming texts longer than this are dropped unread. */
    var MAX_MESSAGE_CHARS = 16 * 1024 * 1024;
    var channels = [];
    var nextId = Math.floor(Math.random() * 1000001);
    var pending = {}; // our transaction id -> {channel, success, error}
    var listening = false;

    function scopeOf(method) {
        var at = method.indexOf("::");
        return at < 0 ? {scope: "", name: method} : {scope: method.substring(0, at), name: method.substring(at + 2)};
    }

    function onMessage(event) {
        var data = event.data;
        if (typeof data !== "string" || data.length > MAX_MESSAGE_CHARS || data.charAt(0) !== "{") {
            return;
        }
        var message;
        try {
            message = JSON.parse(data);
        } catch (e) {
            return;
        }
        if (!message || typeof message !== "object" || Array.isArray(message)) {
            return;
        }
        if (typeof message.method === "string") {
            var target = scopeOf(message.method);
            for (var i = 0; i < channels.length; i++) {
                if (channels[i]._accepts(event, target.scope)) {
                    channels[i]._receive(event, message, target.name);
                    return;
                }
            }
        } else if (message.id !== undefined && pending[message.id]) {
            var waiting = pending[message.id];
            if (!waiting.channel._accepts(event, waiting.channel.scope)) {
                return; // a response must come from the window and origin the request went to
            }
            delete pending[message.id];
            if (message.error) {
                if (waiting.error) {
                    waiting.error(message.error, message.message);
                }
            } else if (waiting.success) {
                waiting.success(message.result);
            }
        }
    }

    function build(cfg) {
        if (!cfg || !cfg.window || !cfg.window.postMessage) {
            throw "Channel.build() needs a window";
        }
        if (typeof cfg.origin !== "string" || !cfg.origin) {
            throw "Channel.build() needs an origin (or \"*\")";
        }
        var scope = cfg.scope || "";
        if (scope.indexOf("::") >= 0) {
            throw "A scope may not contain \"::\"";
        }
        for (var i = 0; i < channels.length; i++) {
            var other = channels[i];
            if (other.window === cfg.window && other.scope === scope
                    && (other.origin === "*" || cfg.origin === "*" || other.origin === cfg.origin)) {
                throw "A channel for this window, scope and origin already exists";
            }
        }
        if (!listening) {
            global.addEventListener("message", onMessage, false);
            listening = true;
        }
        var handlers = {};
        var queue = [];
        var ready = false;
        var destroyed = false;
        var debug = typeof cfg.debugOutput === "function" ? cfg.debugOutput : null;

        function scoped(name) {
            return scope ? scope + "::" + name : name;
        }

        function post(message, force) {
            if (destroyed) {
                return;
            }
            if (!ready && !force) {
                queue.push(message);
                return;
            }
            if (typeof cfg.postMessageObserver === "function") {
                cfg.postMessageObserver(cfg.origin, message);
            }
            if (debug) {
                debug("post " + JSON.stringify(message));
            }
            cfg.window.postMessage(JSON.stringify(message), cfg.origin);
        }

        function becomeReady() {
            if (ready) {
                return;
            }
            ready = true;
            var waiting = queue;
            queue = [];
            for (var i = 0; i < waiting.length; i++) {
                post(waiting[i]);
            }
            if (typeof cfg.onReady === "function") {
                cfg.onReady(channel);
            }
        }

        function transaction(event, id) {
            var done = false;
            var delayed = false;
            return {
                origin: event.origin,
                delayReturn: function (delay) {
                    delayed = !!delay;
                    return delayed;
                },
                isDelayed: function () {
                    return delayed;
                },
                completed: function () {
                    return done;
                },
                complete: function (result) {
                    if (done || id === undefined) {
                        return;
                    }
                    done = true;
                    post(result === undefined ? {id: id} : {id: id, result: result});
                },
                error: function (error, message) {
                    if (done || id === undefined) {
                        return;
                    }
                    done = true;
                    post({id: id, error: error, message: message});
                },
                invoke: function () {
                    throw "Callbacks are not supported";
                }
            };
        }

        var channel = {
            window: cfg.window,
            origin: cfg.origin,
            scope: scope,
            _accepts: function (event, messageScope) {
                return !destroyed && event.source === cfg.window && messageScope === scope
                        && (cfg.origin === "*" || event.origin === cfg.origin);
            },
            _receive: function (event, message, name) {
                if (typeof cfg.gotMessageObserver === "function") {
                    cfg.gotMessageObserver(event.origin, message);
                }
                if (debug) {
                    debug("got " + JSON.stringify(message));
                }
                if (name === "__ready") {
                    if (message.params === "ping") {
                        post({method: scoped("__ready"), params: "pong"}, true);
                    }
                    becomeReady();
                    return;
                }
                var isRequest = message.id !== undefined;
                var handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : null;
                var trans = transaction(event, message.id);
                if (!handler) {
                    if (isRequest) {
                        trans.error("method_not_found", "No method '" + name + "' is bound");
                    }
                    return;
                }
                try {
                    var result = handler(trans, message.params);
                    if (isRequest && !trans.isDelayed() && !trans.completed()) {
                        trans.complete(result);
                    }
                } catch (e) {
                    if (!isRequest) {
                        return;
                    }
                    if (e && typeof e === "object" && e.error !== undefined) {
                        trans.error(e.error, e.message);
                    } else if (typeof e === "string") {
                        trans.error(e);
                    } else {
                        trans.error("runtime_error", String(e && e.message ? e.message : e));
                    }
                }
            },
            bind: function (name, handler) {
                if (typeof name !== "string" || !name || typeof handler !== "function") {
                    throw "bind() needs a method name and a function";
                }
                if (Object.prototype.hasOwnProperty.call(handlers, name)) {
                    throw "'" + name + "' is already bound";
                }
                handlers[name] = handler;
                return channel;
            },
            unbind: function (name) {
                var had = Object.prototype.hasOwnProperty.call(handlers, name);
                delete handlers[name];
                return had;
            },
            call: function (m) {
                if (!m || typeof m.method !== "string") {
                    throw "call() needs a method";
                }
                var id = nextId++;
                pending[id] = {channel: channel, success: m.success, error: m.error};
                post({id: id, method: scoped(m.method), params: m.params});
                if (m.timeout) {
                    setTimeout(function () {
                        if (pending[id]) {
                            delete pending[id];
                            if (m.error) {
                                m.error("timeout_error", "No answer within " + m.timeout + " ms");
                            }
                        }
                    }, m.timeout);
                }
            },
            notify: function (m) {
                if (!m || typeof m.method !== "string") {
                    throw "notify() needs a method";
                }
                post({method: scoped(m.method), params: m.params});
            },
            notifyReady: function () {
                post({method: scoped("__ready"), params: "ping"}, true);
            },
            isReady: function () {
                return ready;
            },
            destroy: function () {
                destroyed = true;
                ready = false;
                queue = [];
                var at = channels.indexOf(channel);
                if (at >= 0) {
                    channels.splice(at, 1);
                }
                for (var id in pending) {
                    if (Object.prototype.hasOwnProperty.call(pending, id) && pending[id].channel === channel) {
                        delete pending[id];
                    }
                }
            }
        };
        channels.push(channel);
        channel.notifyReady();
        return channel;
    }

    global.Channel = {build: build};
})(this);
