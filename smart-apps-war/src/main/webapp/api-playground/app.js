// API Playground: lists every call of the container's ontology (GET /ontology), runs the chosen one with
// SMART.api_call and shows the answer as RDF/XML, Turtle and JSON-LD (or as it came, for other types).
Apps.start(function () {
    var AUTOMATIC = ['record_id', 'user_id', 'smart_app_id'];
    return SMART.get_ontology().then(function (r) {
        var calls = Apps.of(r, 'Call').map(function (c) {
            return {name: Apps.one(c.clientMethodName), method: Apps.one(c.httpMethod), path: Apps.one(c.path),
                category: Apps.one(c.category) || '', target: c.target ? SMART.node_name(Apps.one(c.target)['@id'] || '') : ''};
        }).filter(function (c) { return c.name && c.path; }).sort(function (a, b) {
            return a.category.localeCompare(b.category) || a.name.localeCompare(b.name);
        });
        if (calls.length === 0) {
            Apps.empty('The container\u2019s ontology declares no API calls.');
            return;
        }
        var select = Apps.el('select', {id: 'call'});
        var groups = {};
        calls.forEach(function (c) {
            if (!groups[c.category]) {
                groups[c.category] = Apps.el('optgroup', {label: c.category || 'other'});
                select.appendChild(groups[c.category]);
            }
            groups[c.category].appendChild(Apps.el('option', {value: c.name}, c.name + '  (' + c.method + ' ' + c.path + ')'));
        });
        var fields = Apps.el('div', {'class': 'row', id: 'fields'});
        var body = Apps.el('textarea', {id: 'body', placeholder: 'Request body (RDF/XML, JSON or text) for POST and PUT'});
        var contentType = Apps.el('input', {type: 'text', id: 'contentType', value: 'application/rdf+xml', size: 24});
        var bodyRow = Apps.el('div', {id: 'bodyRow'}, body, Apps.el('label', {}, 'Content type ', contentType));
        var output = Apps.el('div', {id: 'output'});
        var preset = select.querySelector('option[value="get_demographics"]');
        if (preset) {
            select.value = 'get_demographics';
        }
        function current() {
            return calls.filter(function (c) { return c.name === select.value; })[0];
        }
        function renderFields() {
            var call = current();
            fields.textContent = '';
            var names = [];
            call.path.replace(/\{([a-z_]+)\}/g, function (w, n) {
                if (AUTOMATIC.indexOf(n) < 0) {
                    names.push(n);
                }
            });
            ((SMART.calls[call.name] || {}).params || []).forEach(function (n) { names.push(n); });
            names.forEach(function (n) {
                fields.appendChild(Apps.el('label', {}, n + ' ', Apps.el('input', {type: 'text', 'data-param': n, id: 'param-' + n})));
            });
            bodyRow.style.display = call.method === 'POST' || call.method === 'PUT' ? '' : 'none';
        }
        select.addEventListener('change', renderFields);
        renderFields();
        function run() {
            var call = current();
            var p = {};
            fields.querySelectorAll('input[data-param]').forEach(function (input) {
                if (input.value !== '') {
                    p[input.getAttribute('data-param')] = input.value;
                }
            });
            if (call.method === 'POST' || call.method === 'PUT') {
                p.data = body.value;
                p.contentType = contentType.value;
            }
            output.textContent = 'Running ' + call.name + ' ...';
            var started = Date.now();
            var promise;
            try {
                promise = SMART.calls[call.name] ? SMART[call.name](p) : Promise.reject(new Error('The client library has no ' + call.name));
            } catch (e) {
                promise = Promise.reject(e);
            }
            promise.then(function (response) {
                show(call, response, Date.now() - started);
            }, function (failure) {
                output.textContent = '';
                output.appendChild(Apps.el('div', {'class': 'error', id: 'callError'}, failure.status
                    ? 'HTTP ' + failure.status + ': ' + ((failure.message && failure.message.data) || '') : String(failure.message || failure)));
            });
        }
        function show(call, response, ms) {
            output.textContent = '';
            var header = Apps.el('p', {id: 'responseInfo'}, call.method + ' ' + call.path + ' \u2192 ' + response.contentType + ', '
                + response.body.length + ' characters, ' + ms + ' ms'
                + (response.summary ? ', ' + response.summary.resultsReturned + ' of ' + response.summary.totalResultCount + ' results' : ''));
            var tabs;
            if (response.graph) {
                tabs = Apps.tabs([
                    {label: 'Turtle', id: 'turtle', render: function () { return pre('turtleView', SMART.to_turtle(response.graph)); }},
                    {label: 'RDF/XML', id: 'rdfxml', render: function () { return pre('rdfxmlView', response.body); }},
                    {label: 'JSON-LD', id: 'jsonld', render: function () { return pre('jsonldView', SMART.to_jsonld(response.objects)); }}
                ]);
            } else {
                tabs = pre('rawView', response.json ? JSON.stringify(response.json, null, 2) : response.body);
            }
            output.appendChild(header);
            output.appendChild(tabs);
        }
        function pre(id, text) {
            return Apps.el('pre', {'class': 'code', id: id}, text);
        }
        Apps.show(
            Apps.el('p', {}, calls.length + ' calls in the container\u2019s ontology. {record_id}, {user_id} and {smart_app_id} come from the launch.'),
            Apps.el('div', {'class': 'row'}, select, Apps.el('button', {'class': 'action', id: 'run', type: 'button', onclick: run}, 'Run')),
            fields, bodyRow, output);
    });
});
