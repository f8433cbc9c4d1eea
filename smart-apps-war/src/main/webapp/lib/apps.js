/*
 * Small helpers shared by the sample apps: start-up (SMART.ready / SMART.fail), empty and error states,
 * building DOM safely (text, never HTML strings from data), and reading SMART objects produced by
 * smart-connect-client.js (SMART.objectify).
 */
(function (global) {
    'use strict';

    var Apps = {
        /** Runs render() once the container is ready; shows a clear message when not framed by a container. */
        start: function (render) {
            SMART.ready(function () {
                var patient = document.getElementById('patient');
                if (patient && SMART.record) {
                    patient.textContent = SMART.record.full_name || SMART.record.id;
                }
                Promise.resolve().then(render).catch(Apps.error);
            }).fail(function () {
                // "ready" may still come (a slow container): then render() replaces this message.
                Apps.show(Apps.el('div', {'class': 'empty', id: 'standalone'},
                    'This app runs inside a SMART container: open it from the clinician portal with a patient selected.'));
                document.getElementById('content').setAttribute('data-state', 'standalone');
            });
        },

        /** Replaces the content area with the given nodes. */
        show: function () {
            var content = document.getElementById('content');
            content.textContent = '';
            for (var i = 0; i < arguments.length; i += 1) {
                if (arguments[i]) {
                    content.appendChild(arguments[i]);
                }
            }
            content.setAttribute('data-state', 'ready');
        },

        /** The empty state: a patient without data of the app's kind. */
        empty: function (message) {
            Apps.show(Apps.el('div', {'class': 'empty', id: 'empty'}, message));
        },

        /** Shows a failure (an API error or a bug) instead of a blank page. */
        error: function (failure) {
            var text = failure && failure.status ? 'The container answered ' + failure.status
                + (failure.message && failure.message.data ? ': ' + failure.message.data : '')
                : String(failure && failure.message ? failure.message : failure);
            if (global.console) {
                global.console.error(failure);
            }
            Apps.show(Apps.el('div', {'class': 'error', id: 'error'}, text));
        },

        /** el('td', {'class': 'num'}, 'text', childNode, ...): an element with attributes and children. */
        el: function (tag, attrs) {
            var node = document.createElement(tag);
            Object.keys(attrs || {}).forEach(function (k) {
                if (k.indexOf('on') === 0 && typeof attrs[k] === 'function') {
                    node.addEventListener(k.substring(2), attrs[k]);
                } else if (attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== false) {
                    node.setAttribute(k, attrs[k]);
                }
            });
            for (var i = 2; i < arguments.length; i += 1) {
                var child = arguments[i];
                if (Array.isArray(child)) {
                    child.forEach(function (c) { append(node, c); });
                } else {
                    append(node, child);
                }
            }
            return node;
        },

        /** A table: headers (strings, a leading "#" marks a numeric column) and rows (arrays of strings or nodes). */
        table: function (id, headers, rows) {
            var numeric = headers.map(function (h) { return h.charAt(0) === '#'; });
            return Apps.el('table', {id: id},
                Apps.el('thead', {}, Apps.el('tr', {}, headers.map(function (h, i) {
                    return Apps.el('th', {'class': numeric[i] ? 'num' : null}, numeric[i] ? h.substring(1) : h);
                }))),
                Apps.el('tbody', {}, rows.map(function (r) {
                    return Apps.el('tr', {}, r.map(function (cell, i) {
                        return Apps.el('td', {'class': numeric[i] ? 'num' : null}, cell);
                    }));
                })));
        },

        /** The values of a property as an array (SMART objects hold one value or an array). */
        all: function (v) {
            return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
        },

        /** The first value of a property. */
        one: function (v) {
            return Array.isArray(v) ? v[0] : v;
        },

        /** A coded value's or node's title, a literal as it is, '' for nothing. */
        title: function (v) {
            v = Apps.one(v);
            if (v === undefined || v === null) {
                return '';
            }
            if (typeof v === 'object') {
                return Apps.one(v.title) || Apps.one(v.label) || '';
            }
            return String(v);
        },

        /** The code of a coded value: the identifier at the end of its code URI (e.g. an RxNorm or SNOMED id). */
        code: function (v) {
            v = Apps.one(v);
            var c = v && typeof v === 'object' ? Apps.one(v.code) : undefined;
            var id = c && typeof c === 'object' ? c['@id'] : c;
            return id ? SMART.node_name(String(id)) : '';
        },

        /** An ISO date as YYYY-MM-DD, '' for none. */
        date: function (v) {
            v = Apps.one(v);
            return v ? String(v).substring(0, 10) : '';
        },

        /** A number out of a VitalSign / ValueAndUnit node, NaN if there is none. */
        number: function (node) {
            node = Apps.one(node);
            var value = node && typeof node === 'object' ? Apps.one(node.value) : node;
            return value === undefined ? NaN : parseFloat(value);
        },

        /** The statements of a type in a SMART response, e.g. of(r, 'Medication'). */
        of: function (response, type) {
            return (response.objects && response.objects.of_type[type]) || [];
        },

        /** The patient's demographics (from get_demographics): {given, family, birthDate, gender}. */
        demographics: function (response) {
            var d = Apps.of(response, 'Demographics')[0] || {};
            var n = Apps.one(d.n) || {};
            return {
                given: Apps.one(n['given-name']) || '',
                family: Apps.one(n['family-name']) || '',
                birthDate: Apps.date(d.bday),
                gender: Apps.one(d.gender) || ''
            };
        },

        /** Vital sign sets as {date, height (cm), weight (kg), systolic, diastolic}, oldest first. */
        vitals: function (response) {
            return Apps.of(response, 'VitalSignSet').map(function (v) {
                var bp = Apps.one(v.bloodPressure) || {};
                return {
                    date: Apps.date(v.date),
                    height: Apps.number(v.height),
                    weight: Apps.number(v.weight),
                    systolic: Apps.number(bp.systolic),
                    diastolic: Apps.number(bp.diastolic)
                };
            }).sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
        },

        /** A chart with Chart.js (served from the WAR), sized by its .chart-box container. */
        chart: function (id, config) {
            var box = Apps.el('div', {'class': 'chart-box'}, Apps.el('canvas', {id: id}));
            config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false}, config.options || {});
            setTimeout(function () { new global.Chart(document.getElementById(id), config); }, 0);
            return box;
        },

        /** A tab bar: tabs = [{label, id, render: () => node}]; the first one is shown. */
        tabs: function (tabs) {
            var body = Apps.el('div', {id: 'tabBody'});
            var buttons = tabs.map(function (t) {
                return Apps.el('button', {id: 'tab-' + t.id, type: 'button', role: 'tab', onclick: function () { select(t); }}, t.label);
            });
            function select(tab) {
                buttons.forEach(function (b, i) { b.setAttribute('aria-selected', tabs[i] === tab ? 'true' : 'false'); });
                body.textContent = '';
                body.appendChild(tab.render());
            }
            var wrapper = Apps.el('div', {}, Apps.el('div', {'class': 'tabs', role: 'tablist'}, buttons), body);
            select(tabs[0]);
            return wrapper;
        },

        /** A centile as an ordinal, rounded and kept within 1st..99th: "1st", "22nd", "63rd", "99th". */
        ordinal: function (centile) {
            var n = Math.min(99, Math.max(1, Math.round(centile)));
            var s = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
            return n + s;
        },

        /** Milliseconds since the epoch of an ISO date (UTC midnight). */
        time: function (isoDate) {
            return Date.parse(isoDate.substring(0, 10) + 'T00:00:00Z');
        },

        /** A chart axis tick label for a time value. */
        dateLabel: function (ms) {
            return new Date(ms).toISOString().substring(0, 10);
        }
    };

    function append(node, child) {
        if (child === undefined || child === null || child === false) {
            return;
        }
        node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }

    global.Apps = Apps;
}(this));
