/**
 * The bundled demo that {@code lvslab simulate} runs without arguments: an eight-server web
 * cluster (resources {@code rules.ipvsadm}, {@code workload.spec}, {@code servers.txt},
 * {@code timeline.txt} beside this class) with a diurnal peak, a drain, a failure at the peak and
 * a scale-out, in service mode.
 */
package org.lvslab.sim.demo;
