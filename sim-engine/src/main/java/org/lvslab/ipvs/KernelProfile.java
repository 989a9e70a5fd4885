package org.lvslab.ipvs;

/**
 * The behaviour switches of one modelled kernel. Each 2026 IPVS change is its own switch because
 * the commits reached the 6.1.y and 6.12.y stable series at different releases
 * ({@code docs/architecture.md} has the table; source: the Debian changelogs).
 *
 * @param version                the upstream version modelled
 * @param totalConns             "ipvs: add totalconns for dest": dests count total instead of
 *                               inactive; overhead = active*256 + total (lc, wlc, lblc, lblcr, twos)
 * @param overloadOnEdit         "ipvs: properly update the overload flag on dest edit": thresholds
 *                               are evaluated at exact crossings and re-evaluated on u/l edits
 * @param lblcCounterFix         "ipvs: fix missing counter decrement in lblc"
 * @param lblcCacheCap           "ipvs: bound LBLCR and LBLC cache growth": no new entry once
 *                               entries &gt;= 1.5 × max_size
 * @param noInvisibleTemplates   "ipvs: do not create invisible templates": templates never carry
 *                               the one-packet flag
 * @param upperThresholdIntMax   u_threshold &gt; INT_MAX is rejected with EINVAL (assumed to come
 *                               with the overload-on-edit change; not verified per commit)
 * @param estimatorKthreads      the estimator runs in kthreads with per-estimator phase (6.2+)
 * @param hasTwos                the twos scheduler exists (6.2+)
 */
public record KernelProfile(KernelVersion version, boolean totalConns, boolean overloadOnEdit,
        boolean lblcCounterFix, boolean lblcCacheCap, boolean noInvisibleTemplates,
        boolean upperThresholdIntMax, boolean estimatorKthreads, boolean hasTwos) {

    /** The profile of the newest modelled kernel. */
    public static KernelProfile newest() {
        return of(KernelVersion.NEWEST);
    }

    public static KernelProfile of(String version) {
        return of(KernelVersion.parse(version));
    }

    /**
     * The switches a given upstream version has. Known first versions per series
     * (kernel-versions.md): totalconns and overload-on-edit in 6.1.183 / 6.12.104, the lblc and
     * template fixes in 6.1.191 / 6.12.113, mainline 7.2 / 7.3. Other series: before 6.1 counts as
     * CLASSIC; 6.2–6.11 and 6.13+ below 7.2 are assumed CLASSIC (not checked).
     */
    public static KernelProfile of(KernelVersion v) {
        boolean stage1;
        boolean stage2;
        if (v.isSeries(6, 1)) {
            stage1 = v.patch() >= 183;
            stage2 = v.patch() >= 191;
        } else if (v.isSeries(6, 12)) {
            stage1 = v.patch() >= 104;
            stage2 = v.patch() >= 113;
        } else {
            stage1 = v.atLeast(7, 2, 0);
            stage2 = v.atLeast(7, 3, 0);
        }
        boolean modern = v.atLeast(6, 2, 0);
        return new KernelProfile(v, stage1, stage1, stage2, stage2, stage2, stage1, modern, modern);
    }

    /** True when every 2026 change is present (the doc's profile NEW). */
    public boolean isNew() {
        return totalConns && overloadOnEdit && lblcCounterFix && lblcCacheCap && noInvisibleTemplates;
    }

    /** True when none of the 2026 changes is present (the doc's profile CLASSIC). */
    public boolean isClassic() {
        return !totalConns && !overloadOnEdit && !lblcCounterFix && !lblcCacheCap && !noInvisibleTemplates;
    }
}
