package org.smartcontainer.records.generator;

/**
 * Approximate median growth of children by age and sex (close to the WHO standards below 2 years and the CDC
 * references above), so that a child who keeps a z-score keeps a centile, as growth-chart apps expect.
 */
final class GrowthCurves {

    private GrowthCurves() {
    }

    private static final double[] AGE_MONTHS = {0, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60, 72, 84, 96,
            108, 120, 132, 144, 156, 168, 180, 192, 204, 216, 240};
    private static final double[] HEIGHT_MALE = {49.9, 54.7, 58.4, 63.9, 67.6, 72.0, 75.7, 79.1, 82.3, 87.8, 91.9,
            96.1, 103.3, 110.0, 116.0, 121.7, 127.3, 132.6, 137.8, 143.1, 149.1, 156.0, 163.2, 169.0, 173.0, 175.2,
            176.1, 176.8};
    private static final double[] HEIGHT_FEMALE = {49.1, 53.7, 57.1, 62.1, 65.7, 70.1, 74.0, 77.5, 80.7, 86.4,
            90.7, 95.1, 102.7, 109.4, 115.1, 121.1, 126.6, 132.5, 138.6, 144.9, 151.2, 156.4, 159.8, 161.7, 162.5,
            162.9, 163.2, 163.3};
    private static final double[] WEIGHT_MALE = {3.3, 4.5, 5.6, 7.0, 7.9, 8.9, 9.6, 10.3, 10.9, 12.2, 13.3, 14.3,
            16.3, 18.3, 20.7, 23.0, 25.6, 28.6, 31.9, 35.6, 39.9, 45.3, 50.8, 56.0, 60.8, 64.6, 67.2, 70.6};
    private static final double[] WEIGHT_FEMALE = {3.2, 4.2, 5.1, 6.4, 7.3, 8.2, 8.9, 9.6, 10.2, 11.5, 12.7, 13.9,
            16.1, 18.2, 20.2, 22.4, 25.0, 28.2, 31.9, 36.0, 40.5, 44.6, 48.0, 50.6, 52.7, 54.1, 55.0, 57.5};
    private static final double[] HEAD_AGE_MONTHS = {0, 1, 2, 3, 4, 6, 9, 12, 18, 24, 36};
    private static final double[] HEAD_MALE = {34.5, 37.3, 39.1, 40.5, 41.6, 43.3, 45.0, 46.1, 47.4, 48.3, 49.5};
    private static final double[] HEAD_FEMALE = {33.9, 36.5, 38.3, 39.5, 40.6, 42.2, 43.8, 45.0, 46.2, 47.2, 48.5};

    /** Height (length below 2 years) in cm at the given z-score; flat after 20 years. */
    static double heightCm(boolean male, double ageMonths, double z) {
        double median = interpolate(AGE_MONTHS, male ? HEIGHT_MALE : HEIGHT_FEMALE, ageMonths);
        return median * (1 + 0.04 * z);
    }

    /** Weight in kg at the given z-score (log-normal spread, as weight is skewed). */
    static double weightKg(boolean male, double ageMonths, double z) {
        double median = interpolate(AGE_MONTHS, male ? WEIGHT_MALE : WEIGHT_FEMALE, ageMonths);
        return median * Math.exp(0.12 * z);
    }

    /** Head circumference in cm at the given z-score, measured up to 3 years. */
    static double headCircumferenceCm(boolean male, double ageMonths, double z) {
        return interpolate(HEAD_AGE_MONTHS, male ? HEAD_MALE : HEAD_FEMALE, ageMonths) + 1.3 * z;
    }

    private static double interpolate(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + t * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }
}
