/**
 * HTTP access logs: nginx ({@code log_format} with {@code $variables}) and Apache
 * ({@code LogFormat} with {@code %directives}). The format string is compiled into a
 * {@link org.lvslab.workloads.accesslog.LogPattern}; {@link org.lvslab.workloads.accesslog.AccessLogReader}
 * turns requests into connections, folding keep-alive requests of one connection into one record.
 * {@link org.lvslab.workloads.accesslog.AccessLogFormats} knows the servers' predefined formats by
 * name and recognises which of them a log is written in.
 */
package org.lvslab.workloads.accesslog;
