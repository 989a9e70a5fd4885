/**
 * The kernel hash functions the hashing schedulers depend on, bit-exact: {@link
 * org.lvslab.schedulers.hash.Hash32} ({@code include/linux/hash.h}, used by dh, sh, lblc, lblcr)
 * and {@link org.lvslab.schedulers.hash.Hsiphash} ({@code lib/siphash.c} on 64-bit kernels, used
 * by mh with its fixed keys).
 */
package org.lvslab.schedulers.hash;
