/*
 * SMART Container EE - the portal page's side of SMART Connect: runs the enabled apps in tabs against
 * the current patient through SMART_CONNECT_HOST (smart-api-container.js), fetches launch credentials
 * from endpoint A (/accounts/{me}/apps/{app}/launch) and sends every API call through endpoint B
 * (/smart_passthrough/...), where the server signs it. Nothing in here ever sees a secret.
 * JSF partial updates never touch #app-frames, so running apps survive the picker's AJAX.
 */
(function (global) {
    "use strict";
    var doc = global.document;
    var config = JSON.parse(doc.getElementById("smart-portal-config").textContent);
    var host = new global.SMART_CONNECT_HOST();
    var tabs = doc.getElementById("app-tabs");
    var frames = doc.getElementById("app-frames");
    var patientsPane = doc.getElementById("patients-pane");
    var patientsTab = doc.getElementById("tab-patients");
    var message = doc.getElementById("launcher-message");
    var record = config.record || null;      // {id, full_name} of the current patient
    var foreground = null;                   // the visible instance, null while the patient list shows
    var lastRecordApp = null;                // manifest of the record-scope app shown last: relaunched on patient change
    var READY_TIMEOUT_MS = 10000;

    function say(text) {
        message.textContent = text || "";
        message.hidden = !text;
    }

    function csrfHeaders(extra) {
        var headers = {"X-SMART-Portal-CSRF": config.csrf};
        for (var name in extra || {}) {
            if (Object.prototype.hasOwnProperty.call(extra, name)) {
                headers[name] = extra[name];
            }
        }
        return headers;
    }

    function launchPath(appId) {
        return "/accounts/" + encodeURIComponent(config.user.id) + "/apps/" + encodeURIComponent(appId) + "/launch";
    }

    function context() {
        var c = {user: {id: config.user.id, full_name: config.user.full_name}, browser_environment: "desktop"};
        if (record) {
            c.record = {id: record.id, full_name: record.full_name};
        }
        return c;
    }

    // ---------------------------------------------------------------- the host's hooks

    host.get_api_base = function (instance, callback, failed) {
        var recordScope = instance.manifest.scope !== "container";
        var rid = recordScope && instance.context.record ? instance.context.record.id : null;
        var url = launchPath(instance.manifest.id) + (rid ? "?record_id=" + encodeURIComponent(rid) : "");
        global.fetch(url, {credentials: "same-origin", headers: csrfHeaders({"Accept": "application/json"})})
            .then(function (response) {
                if (!response.ok) {
                    throw response.status;
                }
                return response.json();
            })
            .then(function (credentials) {
                if (credentials.app_id !== instance.manifest.id) {
                    throw "the launch answered for another app";
                }
                instance.credentials = credentials;
                instance.manifest = credentials.manifest; // the registered manifest decides where the frame goes
                callback(credentials.api_base);
            })
            .catch(function (problem) {
                launchFailed(instance, "The app could not be launched (" + problem + ").");
                if (typeof failed === "function") {
                    failed(typeof problem === "number" ? problem : 502);
                }
            });
    };

    host.get_iframe = function (instance, callback) {
        var iframe = doc.createElement("iframe");
        iframe.id = "app_content_iframe_" + instance.uuid;
        iframe.className = "app-frame";
        iframe.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups allow-modals allow-downloads");
        iframe.setAttribute("referrerpolicy", "no-referrer");
        iframe.setAttribute("allow", "fullscreen");
        iframe.setAttribute("title", "App: " + instance.manifest.name
                + (instance.context.record ? " for patient " + instance.context.record.full_name : ""));
        iframe.setAttribute("data-app-id", instance.manifest.id);
        var holder = instance.holder;
        holder.appendChild(iframe);
        callback(iframe);
    };

    host.on_app_launch_begin = function (instance, callback) {
        addTab(instance);
        show(instance);
        instance.timer = global.setTimeout(function () {
            if (!instance.ready && host.running_apps[instance.uuid]) {
                instance.status.textContent = "The app did not respond within 10 s.";
                instance.status.className = "app-status app-status-error";
            }
        }, READY_TIMEOUT_MS);
        callback();
    };

    host.on_app_ready = function (instance) {
        instance.ready = true;
        global.clearTimeout(instance.timer);
        instance.status.hidden = true;
        instance.tab.setAttribute("data-ready", "true");
    };

    host.on_app_launch_failed = function (instance, reason) {
        launchFailed(instance, "The app could not be launched: " + reason + ".");
    };

    host.on_app_destroyed = function (instance) {
        global.clearTimeout(instance.timer);
        if (instance.tab && instance.tab.parentNode) {
            instance.tab.parentNode.removeChild(instance.tab);
        }
        var holder = instance.holder;
        if (holder) {
            global.setTimeout(function () {
                if (holder.parentNode) {
                    holder.parentNode.removeChild(holder);
                }
            }, 300);
            holder.hidden = true;
        }
        if (instance.credentials) {
            global.fetch(launchPath(instance.manifest.id) + "?connect_token="
                    + encodeURIComponent(instance.credentials.connect_token),
                    {method: "DELETE", credentials: "same-origin", headers: csrfHeaders()}).catch(function () {
            });
        }
        if (foreground === instance) {
            foreground = null;
            showPatients();
        }
    };

    host.display_app = function (instance) {
        show(instance);
    };

    host.handle_api = function (instance, call, success, error) {
        var method = call.method || "GET";
        var url = "/smart_passthrough" + call.func;
        var body;
        var contentType = call.contentType || "application/x-www-form-urlencoded";
        if (typeof call.params === "string") {
            body = call.params;
        } else if (call.params && typeof call.params === "object") {
            var query = new global.URLSearchParams();
            Object.keys(call.params).forEach(function (name) {
                var value = call.params[name];
                if (value !== undefined && value !== null) {
                    query.append(name, String(value));
                }
            });
            var encoded = query.toString().replace(/\+/g, "%20");
            if (method === "GET" || method === "DELETE") {
                if (encoded) {
                    url += (url.indexOf("?") >= 0 ? "&" : "?") + encoded;
                }
            } else {
                body = encoded;
                contentType = "application/x-www-form-urlencoded";
            }
        }
        var headers = csrfHeaders({
            "Authorization": "OAuth smart_connect_token=\"" + encodeURIComponent(instance.credentials.connect_token) + "\""
        });
        if (body !== undefined) {
            headers["Content-Type"] = contentType;
        }
        global.fetch(url, {method: method, credentials: "same-origin", headers: headers, body: body})
            .then(function (response) {
                return response.text().then(function (text) {
                    var type = (response.headers.get("Content-Type") || "unknown").split(";")[0].trim();
                    if (response.ok) {
                        success({contentType: type, data: text});
                    } else {
                        error(response.status, {contentType: type, data: text});
                    }
                });
            })
            .catch(function (e) {
                error(502, {contentType: "text/plain", data: "The container could not reach the API"});
            });
    };

    host.on("request_fullscreen", function (instance) {
        show(instance);
        doc.body.classList.add("app-fullscreen");
        instance.holder.classList.add("fullscreen");
        instance.fullscreenButton.textContent = "Exit full screen";
    });

    // ---------------------------------------------------------------- tabs

    function addTab(instance) {
        var tab = doc.createElement("div");
        tab.className = "app-tab";
        tab.setAttribute("role", "tab");
        tab.setAttribute("data-app-id", instance.manifest.id);
        tab.id = "tab-" + instance.uuid;
        var label = doc.createElement("button");
        label.type = "button";
        label.className = "app-tab-label";
        label.textContent = instance.manifest.name || instance.manifest.id;
        label.addEventListener("click", function () {
            show(instance);
        });
        var close = doc.createElement("button");
        close.type = "button";
        close.className = "app-tab-close";
        close.setAttribute("aria-label", "Close " + (instance.manifest.name || instance.manifest.id));
        close.textContent = "\u00d7";
        close.addEventListener("click", function () {
            if (lastRecordApp && lastRecordApp.id === instance.manifest.id) {
                lastRecordApp = null; // closed by the user: not relaunched on the next patient
            }
            host.destroy_app_instance(instance);
        });
        tab.appendChild(label);
        tab.appendChild(close);
        tabs.appendChild(tab);
        instance.tab = tab;

        var holder = doc.createElement("div");
        holder.className = "app-holder";
        holder.id = "holder-" + instance.uuid;
        var bar = doc.createElement("div");
        bar.className = "app-bar";
        var title = doc.createElement("span");
        title.textContent = (instance.manifest.name || instance.manifest.id)
                + (instance.context.record ? " \u2014 " + instance.context.record.full_name : "");
        var full = doc.createElement("button");
        full.type = "button";
        full.className = "app-fullscreen-toggle";
        full.textContent = "Full screen";
        full.addEventListener("click", function () {
            var on = !holder.classList.contains("fullscreen");
            holder.classList.toggle("fullscreen", on);
            doc.body.classList.toggle("app-fullscreen", on);
            full.textContent = on ? "Exit full screen" : "Full screen";
        });
        bar.appendChild(title);
        bar.appendChild(full);
        var status = doc.createElement("div");
        status.className = "app-status";
        status.setAttribute("role", "status");
        status.textContent = "Loading " + (instance.manifest.name || "the app") + "\u2026";
        holder.appendChild(bar);
        holder.appendChild(status);
        frames.appendChild(holder);
        instance.holder = holder;
        instance.status = status;
        instance.fullscreenButton = full;
    }

    function setSelected(tab) {
        Array.prototype.forEach.call(tabs.querySelectorAll("[role=tab]"), function (t) {
            t.setAttribute("aria-selected", t === tab ? "true" : "false");
        });
    }

    function show(instance) {
        if (foreground && foreground !== instance && host.running_apps[foreground.uuid]) {
            foreground.holder.hidden = true;
            host.notify_app(foreground, "backgrounded");
        }
        var switching = foreground !== instance;
        foreground = instance;
        patientsPane.hidden = true;
        instance.holder.hidden = false;
        setSelected(instance.tab);
        if (instance.manifest.scope !== "container") {
            lastRecordApp = instance.manifest;
        }
        if (switching && instance.ready) {
            host.notify_app(instance, "foregrounded");
        }
    }

    function showPatients() {
        if (foreground && host.running_apps[foreground.uuid]) {
            foreground.holder.hidden = true;
            host.notify_app(foreground, "backgrounded");
        }
        foreground = null;
        doc.body.classList.remove("app-fullscreen");
        patientsPane.hidden = false;
        setSelected(patientsTab);
    }

    function launchFailed(instance, text) {
        say(text);
        if (host.running_apps[instance.uuid]) {
            host.destroy_app_instance(instance);
        } else if (instance.tab) {
            host.on_app_destroyed(instance);
        }
    }

    function running(appId) {
        for (var uuid in host.running_apps) {
            if (Object.prototype.hasOwnProperty.call(host.running_apps, uuid)
                    && host.running_apps[uuid].manifest.id === appId && !host.running_apps[uuid].options.launched_by) {
                return host.running_apps[uuid];
            }
        }
        return null;
    }

    function openCount() {
        return Object.keys(host.running_apps).length;
    }

    /** Launches an enabled app (or shows it if it runs already). */
    function launch(appId) {
        say("");
        var entry = config.apps.filter(function (a) {
            return a.id === appId;
        })[0];
        if (!entry) {
            say("This app is not enabled for you.");
            return null;
        }
        if (!entry.framed) {
            say(entry.name + " runs in its own window; it cannot open inside the portal.");
            return null;
        }
        var recordScope = entry.manifest.scope !== "container";
        if (recordScope && !record) {
            say("Please choose a patient before running this app.");
            showPatients();
            return null;
        }
        var existing = running(appId);
        if (existing) {
            show(existing);
            return existing;
        }
        if (openCount() >= config.max_open) {
            say("At most " + config.max_open + " apps can be open at once; close one first.");
            return null;
        }
        var c = context();
        if (!recordScope) {
            delete c.record; // container-scope apps get no record
        }
        return host.launch_app(entry.manifest, c, {});
    }

    /** The picker chose a patient: close every record-scope app (they get "destroyed"), relaunch the one shown last. */
    function patientChanged() {
        var element = doc.getElementById("portalPatient");
        var id = element ? element.getAttribute("data-record-id") : "";
        if (!id || (record && record.id === id)) {
            return;
        }
        say("");
        var relaunch = lastRecordApp;
        host.record_context_changed();
        record = {id: id, full_name: element.getAttribute("data-full-name") || id};
        lastRecordApp = null;
        if (relaunch && running(relaunch.id) === null) {
            launch(relaunch.id);
        }
    }

    doc.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && doc.body.classList.contains("app-fullscreen")) {
            doc.body.classList.remove("app-fullscreen");
            Array.prototype.forEach.call(frames.querySelectorAll(".app-holder.fullscreen"), function (h) {
                h.classList.remove("fullscreen");
                var toggle = h.querySelector(".app-fullscreen-toggle");
                if (toggle) {
                    toggle.textContent = "Full screen";
                }
            });
        }
    });
    patientsTab.addEventListener("click", showPatients);
    Array.prototype.forEach.call(doc.querySelectorAll("[data-launch-app]"), function (button) {
        button.addEventListener("click", function () {
            launch(button.getAttribute("data-launch-app"));
        });
    });

    global.SmartPortal = {host: host, launch: launch, patientChanged: patientChanged, showPatients: showPatients};

    // /index.xhtml#app=<id> opens an app directly (as the reference's direct hash did).
    var match = /^#app=(.+)$/.exec(global.location.hash || "");
    if (match) {
        launch(decodeURIComponent(match[1]));
    }
})(this);
