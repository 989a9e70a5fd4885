/**
 * Name resolution as ipvsadm sees it through the C library: numeric address parsing with the
 * C library's rules ({@code inet_aton}, {@code inet_pton}), host names from a hosts file (then
 * DNS), and service names from a services database. Everything ipvsadm resolves goes through
 * {@link org.lvslab.ipvsadm.names.Resolver}, so tests and scenarios can inject a fixed world.
 */
package org.lvslab.ipvsadm.names;
