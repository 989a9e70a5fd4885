/** JMH benchmarks of one scheduler pick for each kernel scheduler at several service sizes. */
package org.lvslab.jmh.schedulers;
