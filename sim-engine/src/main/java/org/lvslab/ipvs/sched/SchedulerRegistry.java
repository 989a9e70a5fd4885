package org.lvslab.ipvs.sched;

import java.util.Collection;
import java.util.Collections;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Scheduler types by kernel name, found with {@link ServiceLoader} (plug-ins included). */
public final class SchedulerRegistry {
    private final TreeMap<String, SchedulerProvider> byName = new TreeMap<>();

    private SchedulerRegistry() {
    }

    /** Every provider on the class path of {@code loader}. A duplicate name is an error. */
    public static SchedulerRegistry load(ClassLoader loader) {
        SchedulerRegistry r = new SchedulerRegistry();
        for (SchedulerProvider p : ServiceLoader.load(SchedulerProvider.class, loader)) {
            r.register(p);
        }
        return r;
    }

    public static SchedulerRegistry load() {
        return load(SchedulerRegistry.class.getClassLoader());
    }

    public static SchedulerRegistry empty() {
        return new SchedulerRegistry();
    }

    public SchedulerRegistry register(SchedulerProvider p) {
        SchedulerProvider old = byName.putIfAbsent(p.name(), p);
        if (old != null && old.getClass() != p.getClass()) {
            throw new IllegalStateException("two schedulers named '" + p.name() + "': "
                    + old.getClass().getName() + " and " + p.getClass().getName());
        }
        return this;
    }

    /** The provider for {@code name}, or null. */
    public SchedulerProvider find(String name) {
        return byName.get(name);
    }

    /** Providers in name order. */
    public Collection<SchedulerProvider> all() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
