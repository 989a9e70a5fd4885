package org.lvslab.ipvsadm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sort ipvsadm gets from glibc's {@code qsort} for its small tables: a top-down merge sort
 * (first half n/2, take from the left run while {@code cmp <= 0}). ipvsadm's comparators wrap
 * around at 2^31 and need not be consistent, so the exact comparison sequence matters; a
 * library sort would order such input differently (or throw).
 */
final class GlibcMergeSort {
    private GlibcMergeSort() {
    }

    static <T> void sort(List<T> list, Comparator<? super T> cmp) {
        if (list.size() <= 1) {
            return;
        }
        List<T> tmp = new ArrayList<>(list);
        sort(list, tmp, 0, list.size(), cmp);
    }

    private static <T> void sort(List<T> a, List<T> tmp, int from, int n, Comparator<? super T> cmp) {
        if (n <= 1) {
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        sort(a, tmp, from, n1, cmp);
        sort(a, tmp, from + n1, n2, cmp);
        int i = from;
        int j = from + n1;
        int iEnd = from + n1;
        int jEnd = from + n;
        int k = 0;
        while (i < iEnd && j < jEnd) {
            if (cmp.compare(a.get(i), a.get(j)) <= 0) {
                tmp.set(k++, a.get(i++));
            } else {
                tmp.set(k++, a.get(j++));
            }
        }
        while (i < iEnd) {
            tmp.set(k++, a.get(i++));
        }
        for (int m = 0; m < k; m++) {
            a.set(from + m, tmp.get(m));
        }
    }
}
