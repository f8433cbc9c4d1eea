// Got Statins?: answers at a glance whether the patient takes a statin. The reference asked an external
// terminology service; this one matches the drug names against the statin (HMG-CoA reductase inhibitor)
// ingredients, offline.
Apps.start(function () {
    var STATINS = ['atorvastatin', 'cerivastatin', 'fluvastatin', 'lovastatin', 'mevastatin', 'pitavastatin',
        'pravastatin', 'rosuvastatin', 'simvastatin'];
    return SMART.get_medications().then(function (r) {
        var meds = Apps.of(r, 'Medication').map(function (m) {
            var name = Apps.title(m.drugName);
            var words = name.toLowerCase().split(/[^a-z]+/);
            var ingredient = STATINS.filter(function (s) { return words.indexOf(s) >= 0; })[0];
            return {name: name, rxnorm: Apps.code(m.drugName), start: Apps.date(m.startDate), ingredient: ingredient};
        });
        var statins = meds.filter(function (m) { return m.ingredient; });
        var answer = Apps.el('div', {'class': 'big-answer ' + (statins.length ? 'yes' : 'no'), id: 'answer'}, statins.length ? 'Yes' : 'No');
        if (meds.length === 0) {
            Apps.show(answer, Apps.el('p', {'class': 'empty', id: 'empty'}, 'No medications are recorded for this patient, so no statin either.'));
            return;
        }
        Apps.show(answer,
            statins.length
                ? Apps.el('div', {}, Apps.el('p', {}, 'The patient takes ' + statins.length + ' statin' + (statins.length > 1 ? 's' : '') + ':'),
                    Apps.table('statins', ['Medication', 'Statin ingredient', 'RxNorm', 'Started'], statins.map(function (m) {
                        return [m.name, m.ingredient, m.rxnorm, m.start];
                    })))
                : Apps.el('p', {id: 'noStatin'}, 'None of the patient\u2019s ' + meds.length + ' medications contains a statin.'),
            Apps.el('p', {'class': 'note'}, 'Statin ingredients recognised: ' + STATINS.join(', ') + '.'));
    });
});
