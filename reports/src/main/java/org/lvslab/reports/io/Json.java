package org.lvslab.reports.io;

/**
 * A small streaming JSON writer with two-space indentation. Members come out in the order they
 * are written, so output never depends on hash order.
 */
public final class Json {
    private final StringBuilder sb = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterName;

    public Json beginObject() {
        value();
        sb.append('{');
        depth++;
        first = true;
        return this;
    }

    public Json endObject() {
        return close('}');
    }

    public Json beginArray() {
        value();
        sb.append('[');
        depth++;
        first = true;
        return this;
    }

    public Json endArray() {
        return close(']');
    }

    public Json name(String name) {
        comma();
        quote(name);
        sb.append(": ");
        afterName = true;
        return this;
    }

    public Json value(String s) {
        value();
        if (s == null) {
            sb.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    public Json value(long v) {
        value();
        sb.append(v);
        return this;
    }

    public Json value(double v) {
        value();
        String s = Fmt.num(v);
        sb.append(s.isEmpty() ? "null" : s);
        return this;
    }

    public Json value(boolean v) {
        value();
        sb.append(v);
        return this;
    }

    public Json member(String name, String v) {
        return name(name).value(v);
    }

    public Json member(String name, long v) {
        return name(name).value(v);
    }

    public Json member(String name, double v) {
        return name(name).value(v);
    }

    public Json member(String name, boolean v) {
        return name(name).value(v);
    }

    @Override
    public String toString() {
        return sb.toString() + "\n";
    }

    private Json close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        sb.append(c);
        first = false;
        return this;
    }

    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        comma();
    }

    private void comma() {
        if (depth == 0) {
            return;
        }
        if (!first) {
            sb.append(',');
        }
        first = false;
        newline();
    }

    private void newline() {
        sb.append('\n');
        sb.append("  ".repeat(depth));
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
