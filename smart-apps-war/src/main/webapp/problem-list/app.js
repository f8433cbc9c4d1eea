// Problem List: the patient's problems (SNOMED CT) with onset, resolution and notes, sorted by title.
Apps.start(function () {
    return SMART.get_problems().then(function (r) {
        var problems = Apps.of(r, 'Problem').map(function (p) {
            return {
                title: Apps.title(p.problemName) || '(untitled)',
                snomed: Apps.code(p.problemName),
                onset: Apps.date(p.startDate),
                resolution: Apps.date(p.endDate),
                notes: Apps.one(p.notes) || ''
            };
        }).sort(function (a, b) { return a.title.localeCompare(b.title) || a.onset.localeCompare(b.onset); });
        if (problems.length === 0) {
            Apps.empty('No problems are recorded for this patient.');
            return;
        }
        var active = problems.filter(function (p) { return !p.resolution; }).length;
        Apps.show(
            Apps.table('problems', ['Problem', 'SNOMED CT', 'Onset', 'Resolved', 'Notes'], problems.map(function (p) {
                return [p.title, p.snomed, p.onset, p.resolution || Apps.el('span', {'class': 'badge mid'}, 'active'), p.notes];
            })),
            Apps.el('p', {'class': 'note'}, problems.length + ' problems, ' + active + ' active.'));
    });
});
