/** Streaming summaries of a connection trace in constant memory (counts, rate over time, distinct clients, duration percentiles). */
package org.lvslab.workloads.stats;
