// Unit tests of webapp/lib/pediatrics.js, run by "node --test" in the Maven build (test phase).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const P = require('../../main/webapp/lib/pediatrics.js');

const close = (actual, expected, tolerance, what) =>
    assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

test('the normal distribution and its inverse agree with the standard table', () => {
    close(P.normalCdf(0), 0.5, 1e-7, 'Phi(0)');
    close(P.normalCdf(1.6448536), 0.95, 1e-6, 'Phi(1.645)');
    close(P.normalCdf(-2.3263479), 0.01, 1e-6, 'Phi(-2.326)');
    close(P.normalQuantile(0.9), 1.2815516, 1e-6, 'z(0.90)');
    close(P.normalQuantile(0.03), -1.8807936, 1e-6, 'z(0.03)');
});

test('stature-for-age gives the CDC table centiles at a table row', () => {
    // statage.csv, boys 24 months: M 86.45220101, P5 80.72977321, P95 92.19687928
    close(P.statureForAge('male', 24, 86.45220101).centile, 50, 1e-6, 'median');
    close(P.statureForAge('male', 24, 80.72977321).centile, 5, 0.01, 'P5');
    close(P.statureForAge('male', 24, 92.19687928).centile, 95, 0.01, 'P95');
    // girls 120.5 months: M 138.2111552, P90 147.0322225
    close(P.statureForAge('female', 120.5, 147.0322225).centile, 90, 0.01, 'girls P90');
});

test('between table rows the interpolated centiles stay within a centile point of the full table', () => {
    // statage.csv rows that are not in the subset: boys 27.5 months P50 89.17549228, boys 33.5 months P90
    // 98.39217521, girls 147.5 months P75 158.0676887
    close(P.statureForAge('male', 27.5, 89.17549228).centile, 50, 1, 'boys 27.5 months median');
    close(P.statureForAge('male', 33.5, 98.39217521).centile, 90, 1, 'boys 33.5 months P90');
    close(P.statureForAge('female', 147.5, 158.0676887).centile, 75, 1, 'girls 147.5 months P75');
    close(P.statureAtCentile('female', 147.5, 75), 158.0676887, 0.5, 'girls 147.5 months P75 height');
});

test('stature-for-age refuses ages outside 2 to 20 years and unknown sexes', () => {
    assert.throws(() => P.statureForAge('male', 12, 76), /24 to 240 months/);
    assert.throws(() => P.statureForAge('undifferentiated', 60, 110), /male and female/);
});

test('a 10-year-old of median height has the Fourth Report expected pressure and table centiles', () => {
    const sys = P.bloodPressureCentile('male', 'systolic', 10, 0, 102.19768);
    close(sys.mu, 102.19768, 1e-9, 'mu is alpha at age 10 and Zht 0');
    close(sys.centile, 50, 1e-6, 'median');
    // Fourth Report Table 3, boys 10 years, 50th height centile, diastolic 50th/90th/95th/99th: 61/76/80/88
    [[50, 61], [90, 76], [95, 80], [99, 88]].forEach(([centile, table]) =>
        close(P.bloodPressureAtCentile('male', 'diastolic', 10, 0, centile), table, 1, `diastolic ${centile}th`));
});

test('taller children of the same age have higher expected pressures, so the same reading ranks lower', () => {
    const short = P.bloodPressureCentile('female', 'systolic', 8, -1.5, 110).centile;
    const tall = P.bloodPressureCentile('female', 'systolic', 8, 1.5, 110).centile;
    assert.ok(short > tall, `${short} > ${tall}`);
});

test('blood pressure centiles are refused outside ages 1 to 17', () => {
    assert.throws(() => P.bloodPressureCentile('male', 'systolic', 18.2, 0, 120), /1 to 17/);
    assert.throws(() => P.bloodPressureCentile('male', 'systolic', 0.5, 0, 90), /1 to 17/);
});

test('the category follows the worse of the two centiles', () => {
    assert.strictEqual(P.bloodPressureCategory(50, 60), 'Normal (< 90th)');
    assert.match(P.bloodPressureCategory(91, 40), /Prehypertension/);
    assert.match(P.bloodPressureCategory(40, 96), /^Hypertension/);
    assert.match(P.bloodPressureCategory(99.5, 40), /Stage 2/);
});

test('ages count calendar days', () => {
    close(P.ageInYears('2000-12-27', '2009-09-17'), 8.72, 0.005, 'age');
    close(P.ageInMonths('2000-01-01', '2001-01-01'), 12.02, 0.01, 'one leap year');
});
