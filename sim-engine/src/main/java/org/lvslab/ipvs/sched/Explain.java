package org.lvslab.ipvs.sched;

/**
 * A sink for one short line per scheduling decision ("why this real server"). Schedulers build
 * the line only when {@link #enabled()} is true, so explain mode costs nothing when off.
 */
public interface Explain {
    Explain OFF = new Explain() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void line(String text) {
        }
    };

    boolean enabled();

    void line(String text);
}
