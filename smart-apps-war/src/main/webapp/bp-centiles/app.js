// BP Centiles: a child's blood pressure readings as centiles for sex, age and height (NHBPEP Fourth Report,
// 2004), height centiles from the CDC 2000 stature-for-age reference; computations in ../lib/pediatrics.js.
Apps.start(function () {
    return Promise.all([SMART.get_demographics(), SMART.get_vital_sign_sets()]).then(function (answers) {
        var patient = Apps.demographics(answers[0]);
        var readings = Apps.vitals(answers[1]).filter(function (v) {
            return !isNaN(v.systolic) && !isNaN(v.diastolic);
        });
        if (patient.gender !== 'male' && patient.gender !== 'female') {
            Apps.empty('Blood pressure centiles need the patient\u2019s sex (male or female); the record says "' + (patient.gender || 'nothing') + '".');
            return;
        }
        if (readings.length === 0) {
            Apps.empty('No blood pressure readings are recorded for this patient.');
            return;
        }
        var lastHeight = NaN;
        var rows = [];
        readings.forEach(function (v) {
            if (!isNaN(v.height)) {
                lastHeight = v.height;
            }
            var age = Pediatrics.ageInYears(patient.birthDate, v.date);
            if (age < 2 || age >= 18 || isNaN(lastHeight)) {
                return; // outside the tables (height centiles from 2 years, BP tables to 17), or no height yet
            }
            var height = isNaN(v.height) ? lastHeight : v.height;
            var hz = Pediatrics.statureForAge(patient.gender, age * 12, height);
            var sys = Pediatrics.bloodPressureCentile(patient.gender, 'systolic', age, hz.z, v.systolic);
            var dia = Pediatrics.bloodPressureCentile(patient.gender, 'diastolic', age, hz.z, v.diastolic);
            rows.push({date: v.date, age: age, height: height, heightCentile: hz.centile, heightCarried: isNaN(v.height),
                systolic: v.systolic, diastolic: v.diastolic, sys: sys.centile, dia: dia.centile,
                category: Pediatrics.bloodPressureCategory(sys.centile, dia.centile)});
        });
        if (rows.length === 0) {
            Apps.empty('No blood pressure readings between the ages of 2 and 17 years with a height are recorded: '
                + 'the centile tables apply to children.');
            return;
        }
        var latest = rows[rows.length - 1];
        Apps.show(
            Apps.el('div', {'class': 'cards', id: 'latest'},
                card('Latest reading (' + latest.date + ')', latest.systolic + '/' + latest.diastolic + ' mm Hg', 'latestReading'),
                card('Systolic centile', ordinal(latest.sys), 'latestSystolic'),
                card('Diastolic centile', ordinal(latest.dia), 'latestDiastolic'),
                card('Age, height', latest.age.toFixed(1) + ' y, ' + latest.height.toFixed(1) + ' cm (' + ordinal(latest.heightCentile) + ')', 'latestHeight')),
            Apps.el('p', {id: 'latestCategory'}, badge(latest.category)),
            Apps.tabs([
                {label: 'Chart', id: 'chart', render: function () { return chart(rows); }},
                {label: 'Table', id: 'table', render: function () { return table(rows); }}
            ]),
            Apps.el('p', {'class': 'note'}, 'Centiles from the NHBPEP Fourth Report (2004) regression equations; height centiles from the '
                + 'CDC 2000 stature-for-age reference. ' + rows.length + ' of ' + readings.length + ' readings are in the tables\u2019 range.'));
    });

    function card(label, value, id) {
        return Apps.el('div', {'class': 'card'}, Apps.el('div', {'class': 'label'}, label), Apps.el('div', {'class': 'value', id: id}, value));
    }

    function badge(category) {
        var cls = /Stage 2|^Hypertension/.test(category) ? 'high' : /Pre/.test(category) ? 'mid' : 'ok';
        return Apps.el('span', {'class': 'badge ' + cls}, category);
    }

    function ordinal(centile) {
        return Apps.ordinal(centile);
    }

    function table(rows) {
        return Apps.table('readings', ['Date', '#Age (y)', '#Height (cm)', '#Height centile', '#BP (mm Hg)', '#Systolic centile',
            '#Diastolic centile', 'Category'], rows.slice().reverse().map(function (r) {
            return [r.date, r.age.toFixed(1), r.height.toFixed(1) + (r.heightCarried ? '*' : ''), ordinal(r.heightCentile),
                r.systolic + '/' + r.diastolic, ordinal(r.sys), ordinal(r.dia), badge(r.category)];
        }));
    }

    function chart(rows) {
        function series(key) {
            return rows.map(function (r) { return {x: r.age, y: r[key]}; });
        }
        return Apps.chart('centileChart', {
            type: 'line',
            data: {datasets: [
                {label: 'Systolic centile', data: series('sys'), borderColor: '#cf222e', backgroundColor: '#cf222e', tension: 0.1},
                {label: 'Diastolic centile', data: series('dia'), borderColor: '#1f6feb', backgroundColor: '#1f6feb', tension: 0.1},
                {label: '90th (prehypertension)', data: [{x: rows[0].age, y: 90}, {x: rows[rows.length - 1].age, y: 90}],
                    borderColor: '#bf8700', borderDash: [6, 4], pointRadius: 0},
                {label: '95th (hypertension)', data: [{x: rows[0].age, y: 95}, {x: rows[rows.length - 1].age, y: 95}],
                    borderColor: '#d1242f', borderDash: [2, 3], pointRadius: 0}
            ]},
            options: {
                scales: {x: {type: 'linear', title: {display: true, text: 'Age (years)'}},
                    y: {min: 0, max: 100, title: {display: true, text: 'Centile'}}}
            }
        });
    }
});
