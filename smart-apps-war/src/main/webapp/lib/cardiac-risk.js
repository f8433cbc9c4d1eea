/*
 * The Reynolds Risk Score: 10-year risk (percent) of a first cardiovascular event. Works in the browser
 * (global "ReynoldsRisk") and in Node (module.exports), unit-tested by node --test.
 *
 * Women: Ridker PM, Buring JE, Rifai N, Cook NR. JAMA 2007;297(6):611-619 (model without HbA1c):
 *   B = 0.0799 age + 3.137 ln(SBP) + 0.180 ln(hsCRP) + 1.382 ln(TC) - 1.172 ln(HDL) + 0.818 smoker + 0.438 famHx
 *   risk = 1 - 0.98634 ^ exp(B - 22.325)
 * Men: Ridker PM, Paynter NP, Rifai N, Gaziano JM, Cook NR. Circulation 2008;118(22):2243-2251:
 *   B = 4.385 ln(age) + 2.607 ln(SBP) + 0.102 ln(hsCRP) + 0.963 ln(TC) - 0.772 ln(HDL) + 0.405 smoker + 0.541 famHx
 *   risk = 1 - 0.8990 ^ exp(B - 33.097)
 * Units: SBP mm Hg, hsCRP mg/L, total and HDL cholesterol mg/dL. Validated for ages 45 to 80.
 */
(function (root, factory) {
    if (typeof module === 'object' && module.exports) {
        module.exports = factory();
    } else {
        root.ReynoldsRisk = factory();
    }
}(this, function () {
    'use strict';

    var MIN_AGE = 45;
    var MAX_AGE = 80;

    /**
     * p: {sex: "male"|"female", age, sbp, hsCrp, totalCholesterol, hdl, smoker: bool, familyHistory: bool}.
     * Returns {risk (percent), age (the age used: clamped to 45-80), ageClamped: bool}.
     */
    function score(p) {
        ['age', 'sbp', 'hsCrp', 'totalCholesterol', 'hdl'].forEach(function (k) {
            if (typeof p[k] !== 'number' || !(p[k] > 0)) {
                throw new Error(k + ' must be a positive number');
            }
        });
        var age = Math.min(MAX_AGE, Math.max(MIN_AGE, p.age));
        var smoker = p.smoker ? 1 : 0;
        var famHx = p.familyHistory ? 1 : 0;
        var b;
        var risk;
        if (p.sex === 'female') {
            b = 0.0799 * age + 3.137 * Math.log(p.sbp) + 0.180 * Math.log(p.hsCrp) + 1.382 * Math.log(p.totalCholesterol)
                - 1.172 * Math.log(p.hdl) + 0.818 * smoker + 0.438 * famHx;
            risk = 1 - Math.pow(0.98634, Math.exp(b - 22.325));
        } else if (p.sex === 'male') {
            b = 4.385 * Math.log(age) + 2.607 * Math.log(p.sbp) + 0.102 * Math.log(p.hsCrp) + 0.963 * Math.log(p.totalCholesterol)
                - 0.772 * Math.log(p.hdl) + 0.405 * smoker + 0.541 * famHx;
            risk = 1 - Math.pow(0.8990, Math.exp(b - 33.097));
        } else {
            throw new Error('The score exists for men and women only');
        }
        return {risk: 100 * risk, age: age, ageClamped: age !== p.age};
    }

    return {score: score, MIN_AGE: MIN_AGE, MAX_AGE: MAX_AGE};
}));
