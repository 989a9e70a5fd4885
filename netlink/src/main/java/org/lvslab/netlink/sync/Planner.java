package org.lvslab.netlink.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.netlink.sync.Operation.AddDest;
import org.lvslab.netlink.sync.Operation.AddService;
import org.lvslab.netlink.sync.Operation.DeleteDest;
import org.lvslab.netlink.sync.Operation.DeleteService;
import org.lvslab.netlink.sync.Operation.EditDest;
import org.lvslab.netlink.sync.Operation.EditService;
import org.lvslab.netlink.sync.Operation.SetTimeouts;

/**
 * Computes the operations that turn the {@code current} table into the {@code desired} one, in a
 * make-before-break order:
 * <ol>
 * <li>for each desired service, in the desired order: create it or edit it, then add its new
 * servers, then edit changed servers, then delete the servers it no longer has (so a service
 * never runs empty in between);</li>
 * <li>delete the services that are not desired (each takes its servers with it);</li>
 * <li>set the timeouts, if the desired table has them and they differ.</li>
 * </ol>
 * <b>List order.</b> The kernel puts a new server at the front of its service's list and never
 * moves one on edit ({@code ip_vs_ctl.c}: {@code ip_vs_add_dest}, {@code __ip_vs_update_dest}),
 * and rr/wrr and friends walk that list. New servers are added oldest first, so they come out in
 * the desired order. Existing servers keep their place; when that gives another order than the
 * desired one, {@link Options#exactOrder()} deletes and re-adds the fewest servers needed (those in
 * front of the longest desired suffix that is already in order), otherwise the plan only notes it.
 * <p>A server the kernel reports as Local (it turned a direct-routing or NAT server with a local
 * address into LOCALNODE) matches a desired server of any forwarding method, so such a push is
 * idempotent.
 */
public final class Planner {
    /**
     * @param exactOrder    reproduce the desired real-server list order, deleting and re-adding
     *                      existing servers where needed (their connections lose their server
     *                      for the moment in between)
     * @param keepUnlisted  never delete services or servers that the desired table does not mention
     */
    public record Options(boolean exactOrder, boolean keepUnlisted) {
        public static final Options DEFAULT = new Options(false, false);
        public static final Options EXACT = new Options(true, false);
    }

    private Planner() {
    }

    /** Service configurations that need no SET_SERVICE. */
    static boolean sameService(ServiceConfig current, ServiceConfig desired) {
        return current.equals(desired);
    }

    /** Server configurations that need no SET_DEST (identity assumed equal). */
    static boolean sameDest(DestConfig current, DestConfig desired) {
        boolean fwd = current.forwarding() == desired.forwarding() || current.forwarding() == ForwardingMethod.LOCALNODE;
        return fwd && current.weight() == desired.weight() && current.upperThreshold() == desired.upperThreshold()
                && current.lowerThreshold() == desired.lowerThreshold() && current.tunnelType() == desired.tunnelType()
                && current.tunnelPort() == desired.tunnelPort() && current.tunnelFlags() == desired.tunnelFlags();
    }

    private record DestId(IpAddress address, int port) {
        static DestId of(DestConfig d) {
            return new DestId(d.address(), d.port());
        }
    }

    public static Plan plan(KernelTable current, KernelTable desired, Options options) {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (KernelService want : desired.services()) {
            KernelService have = current.find(want.key());
            if (have == null) {
                steps.add(new Step(new AddService(want.config())));
                for (int i = want.dests().size() - 1; i >= 0; i--) {
                    steps.add(new Step(new AddDest(want.key(), want.dests().get(i))));
                }
                continue;
            }
            if (!sameService(have.config(), want.config())) {
                steps.add(new Step(new EditService(have.config(), want.config())));
            }
            planDests(have, want, options, steps, notes);
        }
        if (!options.keepUnlisted()) {
            for (KernelService have : current.services()) {
                if (desired.find(have.key()) == null) {
                    steps.add(new Step(new DeleteService(have)));
                }
            }
        }
        if (desired.timeouts() != null && !desired.timeouts().equals(current.timeouts())) {
            steps.add(new Step(new SetTimeouts(current.timeouts() == null ? desired.timeouts() : current.timeouts(), desired.timeouts())));
        }
        return new Plan(steps, notes);
    }

    private static void planDests(KernelService have, KernelService want, Options options, List<Step> steps, List<String> notes) {
        List<DestConfig> d = want.dests();
        // current positions of the desired servers that exist (-1 = new)
        int[] pos = new int[d.size()];
        for (int i = 0; i < d.size(); i++) {
            pos[i] = indexOf(have.dests(), DestId.of(d.get(i)));
        }
        // the longest suffix of the desired list made of existing servers in their current relative order
        int start = d.size();
        while (start > 0 && pos[start - 1] >= 0 && (start == d.size() || pos[start - 1] < pos[start])) {
            start--;
        }
        boolean inOrder = true;
        for (int i = 0; i < start; i++) {
            if (pos[i] >= 0) {
                inOrder = false;
                break;
            }
        }
        String svc = IpvsadmText.service(want.key());
        if (!inOrder && !options.exactOrder()) {
            notes.add("the real servers of " + svc + " stay in the kernel's current list order, which differs from the desired"
                    + " one (rr, wrr and other list walkers start elsewhere); use exact order to delete and re-add them");
        }
        boolean reorder = !inOrder && options.exactOrder();
        Set<DestId> readded = new HashSet<>();
        // adds (and re-adds), oldest first
        for (int i = (reorder ? start : d.size()) - 1; i >= 0; i--) {
            DestConfig w = d.get(i);
            if (pos[i] < 0) {
                steps.add(new Step(new AddDest(want.key(), w)));
            } else if (reorder) {
                DestConfig old = have.dests().get(pos[i]);
                String why = "re-add " + IpvsadmText.hostPort(w.address(), w.port()) + " to put it in the desired list position";
                steps.add(new Step(new DeleteDest(want.key(), old), why));
                steps.add(new Step(new AddDest(want.key(), w), why));
                readded.add(DestId.of(w));
            }
        }
        // edits of servers that stay in place
        for (int i = 0; i < d.size(); i++) {
            if (pos[i] >= 0 && !readded.contains(DestId.of(d.get(i)))) {
                DestConfig old = have.dests().get(pos[i]);
                if (!sameDest(old, d.get(i))) {
                    steps.add(new Step(new EditDest(want.key(), old, d.get(i))));
                }
            }
        }
        // servers no longer wanted
        if (!options.keepUnlisted()) {
            for (DestConfig old : have.dests()) {
                if (want.find(old.address(), old.port()) == null) {
                    steps.add(new Step(new DeleteDest(want.key(), old)));
                }
            }
        }
    }

    private static int indexOf(List<DestConfig> list, DestId id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).port() == id.port() && list.get(i).address().equals(id.address())) {
                return i;
            }
        }
        return -1;
    }
}
