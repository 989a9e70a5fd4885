/**
 * The {@code lvslab} command: a picocli root ({@link org.lvslab.cli.Main}) with one class per
 * subcommand. {@code lvslab ipvsadm} is dispatched before picocli is loaded so that scripts calling
 * it many times start fast.
 */
package org.lvslab.cli;
