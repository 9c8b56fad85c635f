package kz.kosh.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The policy sections a scenario can hold: those of the registries found on the class path
 * ({@link SectionReader.Catalogue} in META-INF/services; the built-in programmes), then those
 * {@linkplain #register registered} at run time (a programme added by a test or an extension).
 */
public final class SectionReaders {
    private static volatile List<SectionReader> builtIn;
    private static final List<SectionReader> added = new CopyOnWriteArrayList<>();

    private SectionReaders() {
    }

    /** Every section, built-in first, in registry order. */
    public static List<SectionReader> all() {
        List<SectionReader> b = builtIn;
        if (b == null) {
            List<SectionReader> found = new ArrayList<>();
            for (SectionReader.Catalogue c : ServiceLoader.load(SectionReader.Catalogue.class,
                    SectionReaders.class.getClassLoader())) {
                found.addAll(c.sections());
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no policy programmes found: META-INF/services/"
                        + SectionReader.Catalogue.class.getName() + " is missing from the class path");
            }
            builtIn = b = List.copyOf(found);
        }
        if (added.isEmpty()) {
            return b;
        }
        List<SectionReader> all = new ArrayList<>(b);
        all.addAll(added);
        return all;
    }

    /**
     * Adds a section after the built-in ones until the returned handle is closed (a programme
     * plug-in that is not on the built-in list). Its section name must be new.
     */
    public static AutoCloseable register(SectionReader reader) {
        for (SectionReader r : all()) {
            if (r.section().equals(reader.section())) {
                throw new IllegalArgumentException("policy section " + reader.section() + " is already registered");
            }
        }
        added.add(reader);
        return () -> added.remove(reader);
    }
}
