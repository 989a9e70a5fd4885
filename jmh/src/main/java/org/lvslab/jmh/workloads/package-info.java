/** Read throughput of every trace format (records per second), on inputs generated in setup. */
package org.lvslab.jmh.workloads;
