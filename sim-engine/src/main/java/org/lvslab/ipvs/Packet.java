package org.lvslab.ipvs;

/**
 * One packet as IPVS sees it on the way in. Mutable and meant to be reused by a driver, so the
 * packet path allocates nothing per packet.
 */
public final class Packet {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    public Protocol protocol = Protocol.TCP;
    public IpAddress saddr;
    public int sport;
    public IpAddress daddr;
    public int dport;
    /** Netfilter mark (0 = none); selects fwmark services. */
    public int mark;
    /** TCP flag bits ({@link #SYN}, {@link #ACK}, …); ignored for UDP. */
    public int tcpFlags;
    /**
     * SCTP: type of the first chunk ({@link SctpChunk}; {@link SctpChunk#NONE} for a packet
     * without a chunk header); ignored for TCP and UDP.
     */
    public int sctpChunk = SctpChunk.DATA;
    /**
     * SCTP: type of the chunk bundled after the first, or {@link SctpChunk#NONE}. Only an ABORT
     * after a COOKIE ECHO / COOKIE ACK matters ({@code set_sctp_state}).
     */
    public int sctpSecondChunk = SctpChunk.NONE;
    /** IP packet length in bytes, for the byte counters. */
    public int length = 60;

    public Packet set(Protocol protocol, IpAddress saddr, int sport, IpAddress daddr, int dport, int tcpFlags) {
        this.protocol = protocol;
        this.saddr = saddr;
        this.sport = sport;
        this.daddr = daddr;
        this.dport = dport;
        this.tcpFlags = tcpFlags;
        return this;
    }

    /** Sets the SCTP chunk types (first, and the one bundled after it or {@link SctpChunk#NONE}). */
    public Packet sctp(int firstChunk, int secondChunk) {
        this.sctpChunk = firstChunk;
        this.sctpSecondChunk = secondChunk;
        return this;
    }

    public boolean has(int flag) {
        return (tcpFlags & flag) != 0;
    }

    public AddressFamily family() {
        return saddr.family();
    }
}
