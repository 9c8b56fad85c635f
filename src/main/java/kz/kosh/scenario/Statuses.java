package kz.kosh.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The statuses of the agents' kinds (obligation types and other programme statuses), handed out by
 * name: index 0 is {@link #NONE}; then the statuses of the catalogues found on the class path
 * ({@link Catalogue} in META-INF/services; the built-in programmes' fixed list, so that the choice
 * tables keep one layout), then those {@linkplain #register registered} at run time by a programme
 * outside the built-in list. A programme asks for its indices by name when its class is loaded; the
 * scenario layer names no programme. The choice tables have {@link #count} rows per (place,
 * eligibility) of a kind group, read when they are built.
 */
public final class Statuses {
    /** The status of an agent with no obligation and no programme status. */
    public static final int NONE = 0;

    /** The statuses a programme package declares, in a fixed order (the layout of the tables). */
    public interface Catalogue {
        /** Status names, in index order. */
        List<String> statuses();
    }

    private static final List<String> names = new ArrayList<>();
    private static int count;

    private Statuses() {
    }

    private static void load() {
        if (!names.isEmpty()) {
            return;
        }
        names.add("none");
        for (Catalogue c : ServiceLoader.load(Catalogue.class, Statuses.class.getClassLoader())) {
            for (String s : c.statuses()) {
                if (names.contains(s)) {
                    throw new IllegalStateException("status " + s + " is declared twice");
                }
                names.add(s);
            }
        }
        count = names.size();
    }

    /** The index of a status by name; an unknown name is an error naming the known ones. */
    public static synchronized int index(String name) {
        load();
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no status " + name + " (known: " + String.join(", ", names)
                    + "; a programme outside the built-in list registers its own)");
        }
        return i;
    }

    /**
     * The index of a status a programme outside the built-in list gives its agents: a new index
     * after all others, or the one it already has. Register before the first run that uses it (the
     * tables of a run have the rows of the statuses known when they are built).
     */
    public static synchronized int register(String name) {
        load();
        int i = names.indexOf(name);
        if (i >= 0) {
            return i;
        }
        names.add(name);
        count = names.size();
        return count - 1;
    }

    /** The number of statuses (none included): the status dimension of the agents' kinds. */
    public static int count() {
        int n = count;
        if (n == 0) {
            synchronized (Statuses.class) {
                load();
                n = count;
            }
        }
        return n;
    }

    /** The name of a status index. */
    public static synchronized String name(int status) {
        load();
        return names.get(status);
    }
}
