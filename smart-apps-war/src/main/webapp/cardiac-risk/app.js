// Cardiac Risk: the Reynolds Risk Score (10-year risk of a first cardiovascular event) from the latest
// hsCRP, total and HDL cholesterol and systolic pressure, with what-ifs; ../lib/cardiac-risk.js.
Apps.start(function () {
    var LOINC = {hsCrp: '30522-7', totalCholesterol: '2093-3', hdl: '2085-9'};
    var NAMES = {hsCrp: 'hsCRP (mg/L)', totalCholesterol: 'Total cholesterol (mg/dL)', hdl: 'HDL cholesterol (mg/dL)'};
    return Promise.all([SMART.get_demographics(), SMART.get_lab_results(), SMART.get_vital_sign_sets()]).then(function (answers) {
        var patient = Apps.demographics(answers[0]);
        var labs = {};
        Apps.of(answers[1], 'LabResult').forEach(function (l) {
            var code = Apps.code(l.labName);
            var q = Apps.one(l.quantitativeResult) || {};
            var value = Apps.number(Apps.one(q.valueAndUnit));
            Object.keys(LOINC).forEach(function (k) {
                if (code === LOINC[k] && !isNaN(value) && value > 0) {
                    var date = Apps.date(l.date);
                    if (!labs[k] || date > labs[k].date) {
                        labs[k] = {value: value, date: date};
                    }
                }
            });
        });
        var bps = Apps.vitals(answers[2]).filter(function (v) { return !isNaN(v.systolic); });
        var sbp = bps.length ? {value: bps[bps.length - 1].systolic, date: bps[bps.length - 1].date} : null;
        var missing = Object.keys(LOINC).filter(function (k) { return !labs[k]; });
        if (patient.gender !== 'male' && patient.gender !== 'female') {
            Apps.empty('The Reynolds Risk Score exists for men and women; the record gives no such sex.');
            return;
        }
        if (missing.length) {
            Apps.empty('The score needs hsCRP, total cholesterol and HDL results; this record has no '
                + missing.map(function (k) { return NAMES[k].replace(/ \(.*/, ''); }).join(', no ') + ' result.');
            return;
        }
        var age = ageNow(patient.birthDate);
        var inputs = {sbp: sbp ? sbp.value : 120, smoker: false, familyHistory: false};
        var result = Apps.el('div', {id: 'result'});
        function render() {
            var base = {sex: patient.gender, age: age, sbp: inputs.sbp, hsCrp: labs.hsCrp.value,
                totalCholesterol: labs.totalCholesterol.value, hdl: labs.hdl.value, smoker: inputs.smoker, familyHistory: inputs.familyHistory};
            var now = ReynoldsRisk.score(base);
            var ifs = [
                ['If not smoking', Object.assign({}, base, {smoker: false})],
                ['If systolic pressure were 120 mm Hg', Object.assign({}, base, {sbp: 120})],
                ['If all were optimal (SBP 120, TC 160, HDL 60, hsCRP 0.5, no smoking)',
                    Object.assign({}, base, {sbp: 120, totalCholesterol: 160, hdl: 60, hsCrp: 0.5, smoker: false})]
            ];
            result.textContent = '';
            result.appendChild(Apps.el('div', {'class': 'cards'},
                Apps.el('div', {'class': 'card'}, Apps.el('div', {'class': 'label'}, '10-year cardiovascular risk'),
                    Apps.el('div', {'class': 'risk', id: 'risk'}, now.risk.toFixed(1) + ' %'))));
            if (now.ageClamped) {
                result.appendChild(Apps.el('p', {'class': 'note', id: 'ageNote'}, 'The score is validated for ages 45 to 80: computed for age '
                    + now.age + ' (the patient is ' + Math.floor(age) + ').'));
            }
            result.appendChild(Apps.table('whatIf', ['What if', '#10-year risk'], ifs.map(function (w) {
                return [w[0], ReynoldsRisk.score(w[1]).risk.toFixed(1) + ' %'];
            })));
        }
        function check(id, label, key) {
            return Apps.el('label', {}, Apps.el('input', {type: 'checkbox', id: id, onchange: function (e) {
                inputs[key] = e.target.checked;
                render();
            }}), ' ' + label);
        }
        render();
        Apps.show(
            Apps.table('inputs', ['Input', '#Value', 'Date'], [
                ['Age, sex', Math.floor(age) + ', ' + patient.gender, patient.birthDate ? 'born ' + patient.birthDate : ''],
                [NAMES.hsCrp, String(labs.hsCrp.value), labs.hsCrp.date],
                [NAMES.totalCholesterol, String(labs.totalCholesterol.value), labs.totalCholesterol.date],
                [NAMES.hdl, String(labs.hdl.value), labs.hdl.date],
                ['Systolic pressure (mm Hg)', sbp ? String(sbp.value) : '120 (assumed: none recorded)', sbp ? sbp.date : '']
            ]),
            Apps.el('div', {'class': 'row'},
                Apps.el('label', {}, 'Systolic pressure ', Apps.el('input', {type: 'number', id: 'sbp', min: 70, max: 250, value: inputs.sbp,
                    onchange: function (e) {
                        var v = parseFloat(e.target.value);
                        if (v >= 70 && v <= 250) {
                            inputs.sbp = v;
                            render();
                        }
                    }})),
                check('smoker', 'Smoker', 'smoker'),
                check('familyHistory', 'Parent had a heart attack before 60', 'familyHistory')),
            result,
            Apps.el('p', {'class': 'note'}, 'Reynolds Risk Score: Ridker et al., JAMA 2007 (women) and Circulation 2008 (men). '
                + 'Smoking and family history are not in the record: set them above.'));
    });

    function ageNow(birthDate) {
        return (Date.now() - Apps.time(birthDate)) / (365.25 * 86400000);
    }
});
