// Growth Charts: stature-for-age on the CDC 2000 centile curves (2 to 20 years); ../lib/pediatrics.js.
Apps.start(function () {
    var CENTILES = [5, 10, 25, 50, 75, 90, 95];
    return Promise.all([SMART.get_demographics(), SMART.get_vital_sign_sets()]).then(function (answers) {
        var patient = Apps.demographics(answers[0]);
        if (patient.gender !== 'male' && patient.gender !== 'female') {
            Apps.empty('Growth charts need the patient\u2019s sex (male or female); the record says "' + (patient.gender || 'nothing') + '".');
            return;
        }
        var heights = Apps.vitals(answers[1]).filter(function (v) { return !isNaN(v.height); }).map(function (v) {
            return {date: v.date, months: Pediatrics.ageInMonths(patient.birthDate, v.date), height: v.height, weight: v.weight};
        });
        var inRange = heights.filter(function (h) { return h.months >= 24 && h.months <= 240; });
        if (inRange.length === 0) {
            Apps.empty(heights.length === 0 ? 'No heights are recorded for this patient.'
                : 'No heights between 2 and 20 years of age are recorded: the CDC stature-for-age reference covers those ages.');
            return;
        }
        inRange.forEach(function (h) { h.centile = Pediatrics.statureForAge(patient.gender, h.months, h.height).centile; });
        var latest = inRange[inRange.length - 1];
        Apps.show(
            Apps.el('p', {id: 'summary'}, 'Stature-for-age, ' + (patient.gender === 'male' ? 'boys' : 'girls') + ' 2 to 20 years. Latest: ',
                Apps.el('strong', {id: 'latestHeight'}, latest.height.toFixed(1) + ' cm at ' + (latest.months / 12).toFixed(1) + ' years, '
                    + Apps.ordinal(latest.centile) + ' centile'), '.'),
            Apps.tabs([
                {label: 'Chart', id: 'chart', render: function () { return chart(patient.gender, inRange); }},
                {label: 'Table', id: 'table', render: function () {
                    return Apps.table('heights', ['Date', '#Age (y)', '#Height (cm)', '#Centile', '#Weight (kg)'],
                        inRange.slice().reverse().map(function (h) {
                            return [h.date, (h.months / 12).toFixed(1), h.height.toFixed(1), Apps.ordinal(h.centile), isNaN(h.weight) ? '' : h.weight.toFixed(1)];
                        }));
                }}
            ]),
            Apps.el('p', {'class': 'note'}, 'Reference: CDC 2000 growth charts, stature-for-age LMS parameters (NCHS). '
                + inRange.length + ' measurement' + (inRange.length === 1 ? '' : 's') + ' plotted.'));
    });

    function chart(sex, points) {
        var datasets = CENTILES.map(function (c) {
            var curve = [];
            for (var m = 24; m <= 240; m += 6) {
                curve.push({x: m / 12, y: Pediatrics.statureAtCentile(sex, m, c)});
            }
            return {label: c + 'th', data: curve, borderColor: c === 50 ? '#1a7f37' : '#8c959f', borderWidth: c === 50 ? 2 : 1,
                borderDash: c === 50 ? [] : [4, 3], pointRadius: 0, tension: 0.3};
        });
        datasets.push({label: 'Patient', data: points.map(function (h) { return {x: h.months / 12, y: h.height}; }),
            borderColor: '#cf222e', backgroundColor: '#cf222e', pointRadius: 4, showLine: true});
        return Apps.chart('growthChart', {
            type: 'line',
            data: {datasets: datasets},
            options: {
                scales: {x: {type: 'linear', min: 2, max: 20, title: {display: true, text: 'Age (years)'}},
                    y: {title: {display: true, text: 'Stature (cm)'}}},
                plugins: {legend: {position: 'right'}}
            }
        });
    }
});
