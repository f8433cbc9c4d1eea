/*
 * Paediatric reference computations shared by the BP Centiles and Growth Charts apps. Works in the browser
 * (global "Pediatrics") and in Node (module.exports) so that it is unit-tested by node --test.
 *
 * Sources:
 *  - Stature-for-age, 2 to 20 years: CDC 2000 growth charts, LMS parameters of the file statage.csv
 *    (National Center for Health Statistics; Kuczmarski RJ et al., Vital Health Stat 11(246), 2002),
 *    a subset: the rows at 24 months, then every 6 months (30.5, 36.5, ... 234.5) and 240 months.
 *    Between rows, L, M and S are interpolated quadratically (within one centile point of the full
 *    table; unit-tested against rows left out of the subset).
 *  - Blood pressure: the regression coefficients of the Fourth Report on the Diagnosis, Evaluation and
 *    Treatment of High Blood Pressure in Children and Adolescents (NHBPEP Working Group, Pediatrics
 *    114:555-576, 2004), Appendix B: mu = alpha + sum beta_j (age-10)^j + sum gamma_k Zht^k,
 *    Zbp = (BP - mu) / sigma; valid for ages 1 to 17 years.
 */
(function (root, factory) {
    if (typeof module === 'object' && module.exports) {
        module.exports = factory();
    } else {
        root.Pediatrics = factory();
    }
}(this, function () {
    'use strict';

    // [age in months, L, M, S]
    var STATURE = {
        male: [
            [24, 0.941523967, 86.45220101, 0.040321528],
            [30.5, 0.174489485, 91.33242379, 0.04096533],
            [36.5, -0.390918369, 95.27359106, 0.04053412],
            [42.5, 0.326530126, 99.00254338, 0.040848042],
            [48.5, 0.827636736, 102.5104735, 0.041344257],
            [54.5, 1.133652119, 105.8812823, 0.041955723],
            [60.5, 1.266367398, 109.1751441, 0.042593311],
            [66.5, 1.255402281, 112.4295761, 0.043180513],
            [72.5, 1.137442868, 115.6608862, 0.043673359],
            [78.5, 0.954853043, 118.8668123, 0.044069112],
            [84.5, 0.753244292, 122.0305342, 0.044403374],
            [90.5, 0.575908038, 125.1259182, 0.044735646],
            [96.5, 0.455267507, 128.1237104, 0.045127088],
            [102.5, 0.404778262, 130.9982857, 0.045618459],
            [108.5, 0.415687443, 133.7344759, 0.046217028],
            [114.5, 0.461030578, 136.3342577, 0.046896817],
            [120.5, 0.505564115, 138.8234114, 0.047610108],
            [126.5, 0.518588072, 141.2581515, 0.048304259],
            [132.5, 0.487939275, 143.7303663, 0.048937694],
            [138.5, 0.434576385, 146.3665278, 0.049488934],
            [144.5, 0.420919142, 149.3088178, 0.049947823],
            [150.5, 0.531951655, 152.6623878, 0.050273285],
            [156.5, 0.816239713, 156.4098858, 0.050333444],
            [162.5, 1.232768816, 160.3493168, 0.049926861],
            [168.5, 1.670433444, 164.1418486, 0.04894519],
            [174.5, 2.016781776, 167.4641466, 0.047506783],
            [180.5, 2.205180153, 170.139255, 0.045889585],
            [186.5, 2.2253265, 172.1562865, 0.044362674],
            [192.5, 2.113023423, 173.6100518, 0.043085685],
            [198.5, 1.927320937, 174.6309856, 0.042107465],
            [204.5, 1.724738292, 175.340954, 0.041408129],
            [210.5, 1.543252982, 175.8359757, 0.040938463],
            [216.5, 1.399999187, 176.1850208, 0.04064364],
            [222.5, 1.297149359, 176.4351874, 0.040474421],
            [228.5, 1.229163362, 176.6178621, 0.040391101],
            [234.5, 1.188019859, 176.753807, 0.040363795],
            [240, 1.167279219, 176.8492322, 0.040369574]
        ],
        female: [
            [24, 1.07244896, 84.97555512, 0.040791394],
            [30.5, 0.81454413, 90.33341722, 0.04175368],
            [36.5, 0.54198094, 94.21335709, 0.042017509],
            [42.5, 0.377878239, 97.6484807, 0.042621565],
            [48.5, 0.225705996, 101.033927, 0.043259907],
            [54.5, 0.075698881, 104.4634511, 0.043816701],
            [60.5, -0.057729947, 107.9566031, 0.044276588],
            [66.5, -0.159197885, 111.4875806, 0.044652942],
            [72.5, -0.219069129, 115.0054978, 0.044963636],
            [78.5, -0.234772114, 118.4496481, 0.045226249],
            [84.5, -0.210210748, 121.7616844, 0.045460702],
            [90.5, -0.15435722, 124.8956114, 0.04569445],
            [96.5, -0.079283065, 127.8262759, 0.045968169],
            [102.5, 0.002744306, 130.5573839, 0.046340046],
            [108.5, 0.08414848, 133.1303527, 0.04688401],
            [114.5, 0.169805275, 135.634186, 0.047670085],
            [120.5, 0.284748919, 138.2111552, 0.048704503],
            [126.5, 0.46917993, 141.0396832, 0.049812203],
            [132.5, 0.744289752, 144.2609497, 0.050524236],
            [138.5, 1.062474568, 147.8423918, 0.050207825],
            [144.5, 1.303044695, 151.4865636, 0.048599314],
            [150.5, 1.358162799, 154.755501, 0.046198356],
            [156.5, 1.242968236, 157.3436995, 0.043859135],
            [162.5, 1.076970655, 159.2074654, 0.042114211],
            [168.5, 0.95657215, 160.4776996, 0.041022401],
            [174.5, 0.902452436, 161.3267744, 0.040409354],
            [180.5, 0.895569834, 161.8979913, 0.040083845],
            [186.5, 0.913397733, 162.2908474, 0.039913066],
            [192.5, 0.941145943, 162.5689958, 0.039820663],
            [198.5, 0.971038162, 162.7718741, 0.03976685],
            [204.5, 0.999505539, 162.9238449, 0.039732048],
            [210.5, 1.025142554, 163.0401953, 0.039706971],
            [216.5, 1.047571238, 163.1307866, 0.039687311],
            [222.5, 1.066872639, 163.202203, 0.039671082],
            [228.5, 1.083315329, 163.2590052, 0.039657339],
            [234.5, 1.097228939, 163.304465, 0.039645591],
            [240, 1.108046193, 163.338251, 0.039636316]
        ]
    };

    var BP = {
        male: {
            systolic: {alpha: 102.19768, beta: [1.82416, 0.12776, 0.00249, -0.00135],
                gamma: [2.73157, -0.19618, -0.04659, 0.00947], sigma: 10.7128},
            diastolic: {alpha: 61.01217, beta: [0.68314, -0.09835, 0.01711, 0.00045],
                gamma: [1.46993, -0.07849, -0.03144, 0.00967], sigma: 11.6032}
        },
        female: {
            systolic: {alpha: 102.01027, beta: [1.94397, 0.00598, -0.00789, -0.00059],
                gamma: [2.03526, 0.02534, -0.01884, 0.00121], sigma: 10.4855},
            diastolic: {alpha: 60.50510, beta: [1.01301, 0.01157, 0.00424, -0.00137],
                gamma: [1.16641, 0.12795, -0.03869, -0.00079], sigma: 10.9573}
        }
    };

    function sexKey(sex) {
        if (sex === 'male' || sex === 'female') {
            return sex;
        }
        throw new Error('Reference data exist for male and female only, not ' + sex);
    }

    /** Standard normal cumulative distribution (Abramowitz and Stegun 26.2.17, error < 7.5e-8). */
    function normalCdf(z) {
        var t = 1 / (1 + 0.2316419 * Math.abs(z));
        var d = 0.3989422804014327 * Math.exp(-z * z / 2);
        var p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z > 0 ? 1 - p : p;
    }

    /** The inverse of normalCdf (Acklam's rational approximation, relative error < 1.2e-9). */
    function normalQuantile(p) {
        if (p <= 0 || p >= 1) {
            throw new Error('p must lie strictly between 0 and 1');
        }
        var a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690, -30.66479806614716, 2.506628277459239];
        var b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
        var c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
        var d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
        var q, r;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        q = p - 0.5;
        r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /**
     * L, M and S of stature-for-age at an age in months (24 to 240): quadratic (three-point Lagrange)
     * interpolation between the nearest table rows, as the curves bend most in the second and third year.
     */
    function statureLms(sex, ageMonths) {
        var rows = STATURE[sexKey(sex)];
        if (!(ageMonths >= rows[0][0] && ageMonths <= rows[rows.length - 1][0])) {
            throw new Error('Stature-for-age covers 24 to 240 months, not ' + Number(ageMonths).toFixed(1));
        }
        var i = 1;
        while (i < rows.length - 2 && ageMonths > rows[i][0]) {
            i += 1;
        }
        var a = rows[i - 1];
        var b = rows[i];
        var c = rows[i + 1];
        var x = ageMonths;
        var wa = ((x - b[0]) * (x - c[0])) / ((a[0] - b[0]) * (a[0] - c[0]));
        var wb = ((x - a[0]) * (x - c[0])) / ((b[0] - a[0]) * (b[0] - c[0]));
        var wc = ((x - a[0]) * (x - b[0])) / ((c[0] - a[0]) * (c[0] - b[0]));
        return {L: wa * a[1] + wb * b[1] + wc * c[1], M: wa * a[2] + wb * b[2] + wc * c[2], S: wa * a[3] + wb * b[3] + wc * c[3]};
    }

    /** The z-score of a measurement x for LMS parameters (Cole's method). */
    function lmsZ(x, lms) {
        if (Math.abs(lms.L) < 1e-9) {
            return Math.log(x / lms.M) / lms.S;
        }
        return (Math.pow(x / lms.M, lms.L) - 1) / (lms.L * lms.S);
    }

    /** The measurement at a z-score for LMS parameters. */
    function lmsValue(z, lms) {
        if (Math.abs(lms.L) < 1e-9) {
            return lms.M * Math.exp(lms.S * z);
        }
        return lms.M * Math.pow(1 + lms.L * lms.S * z, 1 / lms.L);
    }

    /** Height z-score and centile (0-100) for sex, age in months and height in cm. */
    function statureForAge(sex, ageMonths, heightCm) {
        var z = lmsZ(heightCm, statureLms(sex, ageMonths));
        return {z: z, centile: 100 * normalCdf(z)};
    }

    /** The height (cm) at a centile (0-100) for sex and age in months: the points of a centile curve. */
    function statureAtCentile(sex, ageMonths, centile) {
        return lmsValue(normalQuantile(centile / 100), statureLms(sex, ageMonths));
    }

    /** Age in (fractional) years from an ISO birth date to an ISO date. */
    function ageInYears(birthDate, onDate) {
        return ageInMonths(birthDate, onDate) / 12;
    }

    /** Age in (fractional) months from an ISO birth date to an ISO date, by calendar days (365.25 / 12 per month). */
    function ageInMonths(birthDate, onDate) {
        var days = (Date.parse(onDate.substring(0, 10) + 'T00:00:00Z') - Date.parse(birthDate.substring(0, 10) + 'T00:00:00Z')) / 86400000;
        return days / (365.25 / 12);
    }

    /**
     * The expected blood pressure (mu), the z-score and the centile of a systolic or diastolic reading for a
     * child: sex "male"/"female", age in years (1-17), height z-score, reading in mm Hg.
     */
    function bloodPressureCentile(sex, kind, ageYears, heightZ, mmHg) {
        if (ageYears < 1 || ageYears >= 18) {
            throw new Error('The NHBPEP tables cover ages 1 to 17 years, not ' + ageYears.toFixed(1));
        }
        var c = BP[sexKey(sex)][kind];
        if (!c) {
            throw new Error('kind is systolic or diastolic');
        }
        var y = ageYears - 10;
        var mu = c.alpha;
        for (var j = 0; j < 4; j += 1) {
            mu += c.beta[j] * Math.pow(y, j + 1) + c.gamma[j] * Math.pow(heightZ, j + 1);
        }
        var z = (mmHg - mu) / c.sigma;
        return {mu: mu, z: z, centile: 100 * normalCdf(z)};
    }

    /** The blood pressure (mm Hg) at a centile, e.g. the 90th and 95th that bound "prehypertension" and "hypertension". */
    function bloodPressureAtCentile(sex, kind, ageYears, heightZ, centile) {
        var c = BP[sexKey(sex)][kind];
        var mu = bloodPressureCentile(sex, kind, ageYears, heightZ, 0).mu;
        return mu + normalQuantile(centile / 100) * c.sigma;
    }

    /** The Fourth Report's category of a reading's systolic and diastolic centiles. */
    function bloodPressureCategory(systolicCentile, diastolicCentile) {
        var worst = Math.max(systolicCentile, diastolicCentile);
        if (worst >= 99) {
            return 'Stage 2 hypertension range (\u2265 99th)';
        }
        if (worst >= 95) {
            return 'Hypertension range (\u2265 95th)';
        }
        if (worst >= 90) {
            return 'Prehypertension range (\u2265 90th)';
        }
        return 'Normal (< 90th)';
    }

    return {
        normalCdf: normalCdf,
        normalQuantile: normalQuantile,
        statureLms: statureLms,
        lmsZ: lmsZ,
        statureForAge: statureForAge,
        statureAtCentile: statureAtCentile,
        ageInYears: ageInYears,
        ageInMonths: ageInMonths,
        bloodPressureCentile: bloodPressureCentile,
        bloodPressureAtCentile: bloodPressureAtCentile,
        bloodPressureCategory: bloodPressureCategory
    };
}));
