package org.lvslab.reports;

/** Lets tests in sub-packages use {@link SampleReports}. */
public final class SampleReportsAccess {
    private SampleReportsAccess() {
    }

    public static Report report() {
        return SampleReports.report();
    }
}
