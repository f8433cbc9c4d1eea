// Preferences and Scratchpad: free text kept per user and app (preferences) and per record and app
// (scratchpad), loaded on start, saved with PUT and removed with DELETE as text/plain.
Apps.start(function () {
    var stores = [
        {id: 'preferences', label: 'Your preferences (this app, every patient)', get: 'get_user_preferences', put: 'put_user_preferences', del: 'delete_user_preferences'},
        {id: 'scratchpad', label: 'Scratchpad (this app, this patient)', get: 'get_scratchpad_data', put: 'put_scratchpad_data', del: 'delete_scratchpad_data'}
    ];
    return Promise.all(stores.map(function (s) {
        return SMART[s.get]().then(function (r) { return r.body; }, function (failure) {
            if (failure.status === 404) {
                return '';
            }
            throw failure;
        });
    })).then(function (texts) {
        Apps.show(Apps.el('div', {'class': 'two-columns'}, stores.map(function (s, i) {
            var area = Apps.el('textarea', {id: s.id + 'Text', placeholder: 'Nothing stored yet.'});
            area.value = texts[i];
            var status = Apps.el('span', {'class': 'note', id: s.id + 'Status'}, texts[i] ? 'Loaded.' : 'Nothing stored yet.');
            function done(message) {
                return function () { status.textContent = message; };
            }
            function failed(failure) {
                status.textContent = 'Failed: ' + (failure.status || failure.message || failure);
            }
            return Apps.el('section', {},
                Apps.el('h2', {}, s.label), area,
                Apps.el('div', {'class': 'row'},
                    Apps.el('button', {'class': 'action', type: 'button', id: s.id + 'Save', onclick: function () {
                        status.textContent = 'Saving ...';
                        SMART[s.put]({data: area.value, contentType: 'text/plain'}).then(done('Saved.'), failed);
                    }}, 'Save'),
                    Apps.el('button', {'class': 'secondary', type: 'button', id: s.id + 'Delete', onclick: function () {
                        status.textContent = 'Deleting ...';
                        SMART[s.del]().then(function () { area.value = ''; status.textContent = 'Deleted.'; }, failed);
                    }}, 'Delete'),
                    status));
        })));
    });
});
