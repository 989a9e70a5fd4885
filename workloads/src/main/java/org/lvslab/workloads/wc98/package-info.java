/** The 1998 World Cup web site logs (binary, 20-byte big-endian records). */
package org.lvslab.workloads.wc98;
