// Unit tests of webapp/lib/cardiac-risk.js, run by "node --test" in the Maven build (test phase).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const R = require('../../main/webapp/lib/cardiac-risk.js');

const woman = {sex: 'female', age: 60, sbp: 130, hsCrp: 2, totalCholesterol: 200, hdl: 50, smoker: false, familyHistory: false};
const man = {sex: 'male', age: 60, sbp: 130, hsCrp: 2, totalCholesterol: 200, hdl: 50, smoker: false, familyHistory: false};

test('the published equations give the hand-computed risks', () => {
    // women: B = 0.0799*60 + 3.137 ln 130 + 0.180 ln 2 + 1.382 ln 200 - 1.172 ln 50 = 22.925; 1 - 0.98634^exp(0.600)
    assert.ok(Math.abs(R.score(woman).risk - 2.47) < 0.02, String(R.score(woman).risk));
    // men: B = 4.385 ln 60 + 2.607 ln 130 + 0.102 ln 2 + 0.963 ln 200 - 0.772 ln 50 = 32.796; 1 - 0.8990^exp(-0.301)
    assert.ok(Math.abs(R.score(man).risk - 7.58) < 0.02, String(R.score(man).risk));
});

test('smoking, a family history and a higher CRP raise the risk; a higher HDL lowers it', () => {
    [woman, man].forEach((p) => {
        const base = R.score(p).risk;
        assert.ok(R.score({...p, smoker: true}).risk > base);
        assert.ok(R.score({...p, familyHistory: true}).risk > base);
        assert.ok(R.score({...p, hsCrp: 8}).risk > base);
        assert.ok(R.score({...p, hdl: 70}).risk < base);
    });
});

test('ages outside 45 to 80 are clamped and reported', () => {
    const young = R.score({...woman, age: 30});
    assert.strictEqual(young.age, 45);
    assert.strictEqual(young.ageClamped, true);
    assert.strictEqual(R.score({...woman, age: 45}).risk, young.risk);
    assert.strictEqual(R.score(woman).ageClamped, false);
});

test('missing or impossible values are refused', () => {
    assert.throws(() => R.score({...woman, hdl: undefined}), /hdl/);
    assert.throws(() => R.score({...woman, hsCrp: 0}), /hsCrp/);
    assert.throws(() => R.score({...woman, sex: 'undifferentiated'}), /men and women/);
});
