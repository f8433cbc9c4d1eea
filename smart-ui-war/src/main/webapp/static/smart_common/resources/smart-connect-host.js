/*
 * SMART Container EE - SMART Connect host (smart-connect-js.md sections 2, 4 and 6): runs framed SMART
 * apps for a container page, or for a Frame UI app that hosts apps itself. Our own implementation;
 * needs only a jschannel-compatible global "Channel" (served in the same file as
 * /static/smart_common/resources/smart-api-container.js). No jQuery.
 *
 *   var host = new SMART_CONNECT_HOST();
 *   host.get_iframe = function (instance, callback) { callback(iframeAttachedToTheDocument); };
 *   host.handle_api = function (instance, callInfo, success, error) { ... };   // success({contentType, data}), error(status, {contentType, data})
 *   host.get_api_base = function (instance, callback) { callback(apiBase); }; // may set instance.credentials
 *   var instance = host.launch_app(manifest, {user: {...}, record: {...}, browser_environment: "desktop"}, options);
 */
(function (global) {
    "use strict";

    var MAX_CALL_CHARS = 1024 * 1024;   // largest api_call an app may send
    var CALLS_PER_SECOND = 50;          // per app instance
    var METHODS = {GET: true, POST: true, PUT: true, DELETE: true};
    var UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

    function newUuid() {
        var b = new Uint8Array(16);
        global.crypto.getRandomValues(b);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) {
            return (x + 0x100).toString(16).substring(1);
        }).join("").toUpperCase();
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** The origin the browser will report for a URL: lower case, default ports dropped; null unless http(s). */
    function extractOrigin(url) {
        var u;
        try {
            u = new URL(url, global.location.href);
        } catch (e) {
            return null;
        }
        return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
    }

    /** index + api_base (+ record_id), with "?" or "&" as the index needs. */
    function launchUrl(index, apiBase, recordId) {
        var hash = index.indexOf("#");
        var fragment = hash < 0 ? "" : index.substring(hash);
        var url = hash < 0 ? index : index.substring(0, hash);
        var parts = [];
        if (apiBase) {
            parts.push("api_base=" + encodeURIComponent(apiBase));
        }
        if (recordId) {
            parts.push("record_id=" + encodeURIComponent(recordId));
        }
        if (parts.length === 0) {
            return index;
        }
        return url + (url.indexOf("?") >= 0 ? "&" : "?") + parts.join("&") + fragment;
    }

    /** Why an API-call object from an app is refused, or null when it is acceptable (section 7, item 13). */
    function callProblem(call) {
        if (!call || typeof call !== "object" || Array.isArray(call)) {
            return "the call must be an object";
        }
        var func = call.func;
        if (typeof func !== "string" || func.length === 0 || func.length > 2048 || func.charAt(0) !== "/"
                || func.charAt(1) === "/" || func.indexOf("\\") >= 0 || func.indexOf("://") >= 0
                || /%2e|%2f|%5c|%00/i.test(func) || /[\u0000-\u0020\u007f]/.test(func)) {
            return "func must be a path below the API base";
        }
        var path = func.split("?")[0].split("/");
        for (var i = 0; i < path.length; i++) {
            if (path[i] === ".." || path[i] === ".") {
                return "func must not contain dot segments";
            }
        }
        if (call.method !== undefined && !METHODS[call.method]) {
            return "method must be GET, POST, PUT or DELETE";
        }
        var params = call.params;
        if (params !== undefined && params !== null && typeof params !== "string"
                && (typeof params !== "object" || Array.isArray(params))) {
            return "params must be an object or a string";
        }
        if (call.contentType !== undefined && call.contentType !== null
                && (typeof call.contentType !== "string" || call.contentType.length > 200 || /[\r\n]/.test(call.contentType))) {
            return "contentType must be a media type";
        }
        var size;
        try {
            size = JSON.stringify(call).length;
        } catch (e) {
            return "the call must be JSON";
        }
        return size > MAX_CALL_CHARS ? "the call is too large" : null;
    }

    function plainObject(value) {
        return value && typeof value === "object" && !Array.isArray(value);
    }

    function SMART_CONNECT_HOST() {
        var host = this;
        this.running_apps = {};
        this.debug = false;
        this.delegated_apps = {}; // uuid of an app a Frame UI app launched -> that instance (with .parent_uuid)
        this._notification_handlers = {};
        global.addEventListener("message", function (event) {
            host._procure(event);
        }, false);
    }

    var proto = SMART_CONNECT_HOST.prototype;

    // ------------------------------------------------------------------ hooks (override)

    proto.get_iframe = function (instance, callback) {
        throw "SMART_CONNECT_HOST.get_iframe must be overridden";
    };
    proto.handle_api = function (instance, callInfo, success, error) {
        error(501, {contentType: "text/plain", data: "This host does not execute API calls"});
    };
    proto.display_app = function (instance) {
    };
    proto.get_api_base = function (instance, callback) {
        callback(null);
    };
    proto.on_app_launch_begin = function (instance, callback) {
        callback();
    };
    proto.on_app_launch_complete = function (instance, callback) {
        callback();
    };
    proto.on_app_launch_delegated_begin = function (instance, callback) {
        callback();
    };
    proto.on_app_launch_delegated_complete = function (instance, callback) {
        callback();
    };
    proto.on_app_ready = function (instance) {
    };
    proto.on_app_destroyed = function (instance) {
    };
    proto.on_app_launch_failed = function (instance, reason) {
        if (global.console) {
            global.console.warn("SMART app launch failed: " + reason);
        }
    };
    proto.handle_context_changed = function () {
    };

    // ------------------------------------------------------------------ public calls

    /** Launches a manifest in a new instance; returns the instance (its iframe arrives through get_iframe). */
    proto.launch_app = function (manifest, context, options) {
        if (!plainObject(manifest) || typeof manifest.id !== "string") {
            throw "launch_app needs a manifest with an id";
        }
        var host = this;
        var instance = {
            uuid: newUuid(),
            manifest: manifest,
            context: context || {},
            options: options || {},
            ready_data: options ? options.ready_data : undefined
        };
        this.running_apps[instance.uuid] = instance;
        this.on_app_launch_begin(instance, function () {
            host.get_api_base(instance, function (apiBase) {
                if (!host.running_apps[instance.uuid]) {
                    return; // closed while its credentials were fetched
                }
                instance.api_base = apiBase;
                var credentials = instance.credentials || {};
                var index = instance.manifest.index;
                var recordScope = instance.manifest.scope !== "container";
                var record = recordScope && instance.context.record ? instance.context.record.id : null;
                var url = credentials.launch_url || (typeof index === "string" ? launchUrl(index, apiBase, record) : null);
                var origin = credentials.origin || (url ? extractOrigin(url) : null);
                if (!url || !origin || extractOrigin(url) !== origin) {
                    delete host.running_apps[instance.uuid];
                    host.on_app_launch_failed(instance, "the app has no http(s) index to frame");
                    return;
                }
                instance.origin = origin;
                host.get_iframe(instance, function (iframe) {
                    instance.iframe = iframe;
                    iframe.src = url; // the message listener and the instance exist before the frame loads
                    host.on_app_launch_complete(instance, function () {
                    });
                });
            });
        });
        return instance;
    };

    /** Sends a notification to an instance if its channel is up. */
    proto.notify_app = function (instance, name, params) {
        if (instance && instance.channel) {
            instance.channel.notify({method: name, params: params});
        }
    };

    /** Closes every instance that runs in the record's context (scope record). */
    proto.record_context_changed = function () {
        for (var uuid in this.running_apps) {
            if (Object.prototype.hasOwnProperty.call(this.running_apps, uuid)
                    && this.running_apps[uuid].manifest.scope !== "container") {
                this.destroy_app_instance(this.running_apps[uuid]);
            }
        }
    };

    /** Sends "destroyed", closes the channel, removes the frame (a moment later, so the message is delivered). */
    proto.destroy_app_instance = function (instance) {
        if (!instance || !this.running_apps[instance.uuid]) {
            return;
        }
        delete this.running_apps[instance.uuid];
        this.notify_app(instance, "destroyed");
        if (instance.channel) {
            instance.channel.destroy();
            instance.channel = null;
        }
        for (var uuid in this.delegated_apps) {
            if (Object.prototype.hasOwnProperty.call(this.delegated_apps, uuid)
                    && this.delegated_apps[uuid].parent_uuid === instance.uuid) {
                delete this.delegated_apps[uuid];
            }
        }
        var iframe = instance.iframe;
        if (iframe) {
            iframe.style.visibility = "hidden";
            setTimeout(function () {
                if (iframe.parentNode) {
                    iframe.parentNode.removeChild(iframe);
                }
            }, 250);
        }
        this.on_app_destroyed(instance);
    };

    /** Registers a handler for an app-to-host notification, e.g. "request_fullscreen". */
    proto.on = function (name, handler) {
        if (Object.prototype.hasOwnProperty.call(this._notification_handlers, name)) {
            throw "A handler for '" + name + "' exists";
        }
        this._notification_handlers[name] = handler;
    };

    proto.off = function (name) {
        delete this._notification_handlers[name];
    };

    // ------------------------------------------------------------------ the handshake and the channel

    proto._procure = function (event) {
        if (event.data !== "\"procure_channel\"") {
            return;
        }
        var instance = null;
        for (var uuid in this.running_apps) {
            if (Object.prototype.hasOwnProperty.call(this.running_apps, uuid)) {
                var candidate = this.running_apps[uuid];
                if (candidate.iframe && candidate.iframe.contentWindow === event.source) {
                    instance = candidate;
                    break;
                }
            }
        }
        if (!instance || !instance.origin) {
            return; // not one of our frames: no answer
        }
        this._bind_new_channel(instance, event.source);
        event.source.postMessage("\"app_instance_uuid=" + instance.uuid + "\"", instance.origin);
        var host = this;
        var payload = {context: instance.context, uuid: instance.uuid, manifest: instance.manifest};
        if (instance.ready_data !== undefined) {
            payload.ready_data = instance.ready_data;
        }
        instance.channel.call({
            method: "ready",
            params: payload,
            success: function () {
                host.on_app_ready(instance);
            },
            error: function (code, message) {
                host.on_app_launch_failed(instance, "the app refused ready: " + code);
            }
        });
    };

    proto._bind_new_channel = function (instance, appWindow) {
        if (instance.channel) {
            instance.channel.destroy();
        }
        var host = this;
        var channel = global.Channel.build({
            window: appWindow,
            origin: instance.origin,
            scope: instance.uuid,
            debugOutput: this.debug && global.console ? function (m) {
                global.console.log(m);
            } : undefined
        });
        instance.channel = channel;
        instance.call_times = [];

        channel.bind("api_call", function (trans, callInfo) {
            host._api(instance, instance, callInfo, trans);
        });
        var mode = instance.manifest.mode || "ui";
        if (mode === "ui") {
            channel.bind("call_app", function (trans, params) {
                if (!plainObject(params) || !plainObject(params.manifest) || typeof params.manifest.id !== "string") {
                    throw {error: 400, message: {contentType: "text/plain", data: "call_app needs {manifest, ready_data}"}};
                }
                trans.delayReturn(true);
                host.launch_app(params.manifest, instance.context, {
                    launched_by: instance,
                    ready_data: params.ready_data,
                    on_return: function (data) {
                        trans.complete(data);
                    }
                });
            });
            channel.bind("return", function (trans, data) {
                var caller = instance.options.launched_by;
                var onReturn = instance.options.on_return;
                host.destroy_app_instance(instance);
                if (typeof onReturn === "function") {
                    onReturn(data);
                }
                if (caller && host.running_apps[caller.uuid]) {
                    host.display_app(caller);
                }
            });
        } else if (mode === "frame_ui") {
            channel.bind("launch_app_delegated", function (trans, nested) {
                if (!plainObject(nested) || typeof nested.uuid !== "string" || !UUID.test(nested.uuid)
                        || !plainObject(nested.manifest) || typeof nested.manifest.id !== "string"
                        || (nested.context !== undefined && !plainObject(nested.context))) {
                    throw {error: 400, message: {contentType: "text/plain", data: "launch_app_delegated needs {uuid, context, manifest}"}};
                }
                var known = host.delegated_apps[nested.uuid];
                if (known && known.parent_uuid !== instance.uuid) {
                    throw {error: 403, message: {contentType: "text/plain", data: "That instance belongs to another app"}};
                }
                trans.delayReturn(true);
                host._launch_delegated(instance, nested, trans);
            });
            channel.bind("api_call_delegated", function (trans, params) {
                var nested = plainObject(params) && plainObject(params.app_instance)
                        ? host.delegated_apps[params.app_instance.uuid] : null;
                if (!nested || nested.parent_uuid !== instance.uuid) {
                    throw {error: 403, message: {contentType: "text/plain", data: "Not an app instance this app launched"}};
                }
                host._api(instance, nested, params.call_info, trans);
            });
        }
        for (var name in this._notification_handlers) {
            if (Object.prototype.hasOwnProperty.call(this._notification_handlers, name)) {
                (function (boundName, handler) {
                    channel.bind(boundName, function (trans, params) {
                        handler(instance, params);
                    });
                })(name, this._notification_handlers[name]);
            }
        }
    };

    /** An API call from `caller`, executed with the credentials of `instance` (itself or a delegated child). */
    proto._api = function (caller, instance, callInfo, trans) {
        var problem = callProblem(callInfo);
        if (problem) {
            throw {error: 400, message: {contentType: "text/plain", data: problem}};
        }
        var now = Date.now();
        caller.call_times = (caller.call_times || []).filter(function (t) {
            return now - t < 1000;
        });
        if (caller.call_times.length >= CALLS_PER_SECOND) {
            throw {error: 429, message: {contentType: "text/plain", data: "Too many calls"}};
        }
        caller.call_times.push(now);
        trans.delayReturn(true);
        this.handle_api(instance, callInfo, function (response) {
            trans.complete(response);
        }, function (status, message) {
            trans.error(status >= 100 ? status : 502, message);
        });
    };

    proto._launch_delegated = function (parent, nested, trans) {
        var host = this;
        var instance = {
            uuid: nested.uuid,
            manifest: nested.manifest,
            context: nested.context || {},
            parent_uuid: parent.uuid,
            options: {launched_by: parent}
        };
        this.on_app_launch_delegated_begin(instance, function () {
            host.get_api_base(instance, function (apiBase) {
                if (!host.running_apps[parent.uuid]) {
                    trans.error(410, {contentType: "text/plain", data: "The Frame UI app was closed"});
                    return;
                }
                instance.api_base = apiBase;
                host.delegated_apps[instance.uuid] = instance;
                host.on_app_launch_delegated_complete(instance, function () {
                    var credentials = instance.credentials || {};
                    // The Frame UI app learns where the API is, never a token: its children's calls come back here.
                    trans.complete({
                        uuid: instance.uuid,
                        context: instance.context,
                        manifest: instance.manifest,
                        api_base: apiBase,
                        credentials: {app_id: credentials.app_id || instance.manifest.id, api_base: apiBase}
                    });
                });
            }, function (status) {
                trans.error(status || 502, {contentType: "text/plain", data: "The launch was refused"});
            });
        });
    };

    SMART_CONNECT_HOST.extract_origin = extractOrigin;
    SMART_CONNECT_HOST.launch_url = launchUrl;
    SMART_CONNECT_HOST.call_problem = callProblem;
    global.SMART_CONNECT_HOST = SMART_CONNECT_HOST;
})(this);
