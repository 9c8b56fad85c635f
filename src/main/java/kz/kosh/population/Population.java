package kz.kosh.population;

import java.util.Arrays;

/**
 * All agents of a run, stored in primitive arrays (one slot per agent, 22 bytes: a 16-byte record of one-byte fields, ln h, the id), so that the yearly phases loop over arrays instead of scheduling one object per
 * agent. Agents are appended when they enter and removed, keeping order, when they age out.
 * Holds no decision logic.
 *
 * <p>Place fields hold place indices of the {@link kz.kosh.world.World}; {@link #NONE} marks
 * "no such place" (no partner, no exposure abroad).
 */
public final class Population {
    /** "No place" in a place field. */
    public static final byte NONE = -1;

    /** Flag bits. */
    public static final int FEMALE = 1;
    public static final int STUDENT = 1 << 1;
    public static final int BELOW_QUALIFICATION = 1 << 2;
    /** Went on a publicly funded exchange semester abroad during study (kz.kosh.policy.PolicyModule#exchangeWeights). */
    public static final int EXCHANGE_FUNDED = 1 << 3;
    /** Eligible for the money of the programme that declares an eligibility (kz.kosh.policy.PolicyModule#eligibleShareOfEntrants), drawn at entry. */
    public static final int ELIGIBLE = 1 << 4;
    public static final int EVER_ABROAD = 1 << 5;
    /** Went on an exchange semester abroad during study (academic mobility, publicly funded or not). */
    public static final int EXCHANGE = 1 << 6;
    /** Graduated (took a first job) this year; cleared at the end of the year. */
    public static final int JUST_GRADUATED = 1 << 7;

    /** Degrees. */
    public static final int BACHELOR = 0;
    public static final int MASTER = 1;
    public static final int PHD = 2;

    /**
     * Funding routes: a dimension of the outputs (flows.csv's funding column, the indicators by route,
     * {@link kz.kosh.indicator.CoreIndicators#FUNDING_ROUTES}); a programme names the route of the
     * students it funds ({@code kz.kosh.policy.PolicyModule#fundingRoute}) and the simulation finds its
     * code here by name.
     */
    public static final int SELF_PAID = 0;
    public static final int STATE_GRANT = 1;
    public static final int BOLASHAK = 2;
    public static final int ACADEMIC_MOBILITY = 3;
    public static final String[] FUNDING_NAMES = kz.kosh.indicator.CoreIndicators.FUNDING_ROUTES.toArray(new String[0]);
    public static final String[] DEGREE_NAMES = {"bachelor", "master", "phd"};

    private int size;
    /** Physical index of agent 0: removing the oldest cohort (a prefix) only moves it. */
    private int start;
    /**
     * A physical index at or before the first student ({@link #firstStudent}): students enter at the
     * end and leave the status for good, so the agents before the first student are graduates and the
     * phases that act on students only start there. Reset when the slots move.
     */
    private int studentFloor;
    /*
     * The one-byte fields, a record of {@link #BYTE_FIELDS} bytes per slot in {@link #bytes}: field
     * F of physical slot s at s·16 + F. The phases read 8-12 of an agent's fields in a row, which
     * this way lie in one cache line (four agents a line) instead of in 16 arrays, one line each:
     * location phase -13%, update -9% against field-major segments (F·capacity + s; same-process
     * A/B at scale 0.05, docs/performance.md). One array instead of one per field: G1 stores an array larger than half a
     * region (4 MB at the default heap here) in whole regions of its own, so at scale 1.0 each of
     * 15 arrays of 6.2 MB held 8 MB (measured: 125.7 MB of heap for 92.4 MB of arrays), about 5 B
     * per agent alive lost to the regions' unused tails; one array loses at most one tail.
     */
    private static final int HOME = 0;
    private static final int PARENTS = 1;
    private static final int LOCATION = 2;
    private static final int DEGREE_PLACE = 3;
    /** Place of exposure abroad ({@link #NONE}: none). */
    private static final int EXPOSURE = 4;
    /** Partner's place ({@link #NONE}: no partner). */
    private static final int PARTNER = 5;
    private static final int AGE = 6;
    private static final int FLAGS = 7;
    /** Degree (low 4 bits) and funding route (high 4 bits): both small codes, one byte. */
    private static final int DEGREE_FUNDING = 8;
    private static final int OBLIGATION_PCT = 9;
    private static final int OBLIGATION_TYPE = 10;
    /**
     * Years left: of the study programme while a student, of the temporary permit once a
     * graduate (a student holds no permit, a graduate follows no programme), one byte for both.
     */
    private static final int YEARS_LEFT = 11;
    private static final int YEARS_ABROAD = 12;
    /**
     * Calendar year in which the agent became a graduate, minus {@link #GRADUATION_YEAR_BASE}, as an
     * unsigned byte (1900-2155; meaningless for students). A year, not an age, so that nothing has to
     * change it every year.
     */
    private static final int GRADUATION_YEAR = 13;
    /**
     * Latent traits drawn once at entry and never changed: bits 0-2 the agent's home-attachment
     * octile k (its random coefficient on the home-region bonus is the normal quantile at
     * (k + 0.5) / 8, {@link #HOME_ATTACHMENT_LEVELS} levels); bits 3-4 the agent's ethnicity
     * ({@link kz.kosh.world.Ethnicity}, drawn from the home region's composition); bits 5-7 are free.
     */
    private static final int TRAITS = 14;
    /** Years lived at the current place (0 after a change of location, at most 127). */
    private static final int YEARS_AT_PLACE = 15;
    /**
     * log2 of the record's size: a slot's fields start at slot · 2^SLOT_SHIFT. All 16 bytes are in
     * use: a new one-byte field takes index 16 and makes this 5 (32-byte records).
     */
    private static final int SLOT_SHIFT = 4;
    /** The bytes of a slot's record (a power of 2). */
    private static final int BYTE_FIELDS = 1 << SLOT_SHIFT;
    /** The one-byte fields of every slot: a record of BYTE_FIELDS bytes per slot ({@link #capacity} slots). */
    private byte[] bytes = new byte[0];
    /** Slots (the agent arrays' capacity). */
    private int capacity;
    /** ln(h) in thousandths (h = exp(value / 1000)). */
    short[] logHumanCapital = new short[0];
    /**
     * The agent's identity, which keys its random numbers ({@code kz.kosh.sim.AgentRandom}):
     * fixed at entry from the entry year, region and place in the region's cohort
     * ({@link #entrantId}), so the same agent has the same id in every scenario of a comparison.
     */
    int[] id = new int[0];

    /**
     * The programmes' own fields ({@link kz.kosh.scenario.AgentFields}), by handle: a byte[], short[]
     * or int[] of the arrays' capacity, null until a run first writes the field (0 for every agent).
     */
    private Object[] fields = new Object[0];

    /** Levels of the home-attachment trait (3 bits). */
    public static final int HOME_ATTACHMENT_LEVELS = 8;
    private static final int HOME_ATTACHMENT_MASK = HOME_ATTACHMENT_LEVELS - 1;
    private static final int ETHNICITY_SHIFT = 3;
    private static final int ETHNICITY_MASK = 3 << ETHNICITY_SHIFT;

    /** First calendar year {@link #graduationYear} can hold (the last is this + 255). */
    public static final int GRADUATION_YEAR_BASE = 1900;

    /** Bytes per agent slot of the arrays above. */
    public static final int BYTES_PER_SLOT = BYTE_FIELDS + 2 + 4;

    /** Bits of an {@link #entrantId} for the place in a region's cohort of a year, and for the region. */
    private static final int COHORT_BITS = 18;
    private static final int REGION_BITS = 5;

    /**
     * The id of the k-th entrant of region r in a calendar year, school leavers and college
     * entrants counted apart: year (8 bits from {@link #GRADUATION_YEAR_BASE}) · region (5 bits)
     * · college (1 bit) · k (18 bits), unique within a run.
     *
     * @throws IllegalArgumentException when a field does not fit (more than 262,143 entrants of a
     *                                  route in one region and year, more than 32 regions)
     */
    public static int entrantId(int calendarYear, int region, boolean college, int k) {
        int y = calendarYear - GRADUATION_YEAR_BASE;
        if (y < 0 || y > 255 || region < 0 || region >= 1 << REGION_BITS || k < 0 || k >= 1 << COHORT_BITS) {
            throw new IllegalArgumentException("no agent id for entrant " + k + " of region " + region + " in "
                    + calendarYear + ": at most " + ((1 << COHORT_BITS) - 1) + " entrants of a route per region and year, "
                    + (1 << REGION_BITS) + " regions, years " + GRADUATION_YEAR_BASE + "-" + (GRADUATION_YEAR_BASE + 255));
        }
        return (((y << REGION_BITS | region) << 1 | (college ? 1 : 0)) << COHORT_BITS) | k;
    }

    public int size() {
        return size;
    }

    /** Allocated slots (size plus spare capacity). */
    public int capacity() {
        return capacity;
    }

    /** Index in {@link #bytes} of one-byte field {@code field} of physical slot {@code slot}. */
    private int at(int field, int slot) {
        return (slot << SLOT_SHIFT) + field;
    }

    /** Bytes held by the agent arrays (the programmes' fields a run wrote included). */
    public long arrayBytes() {
        long perSlot = BYTES_PER_SLOT;
        for (Object f : fields) {
            perSlot += f instanceof byte[] ? 1 : f instanceof short[] ? 2 : f instanceof int[] ? 4 : 0;
        }
        return (long) capacity() * perSlot;
    }

    /** Appends a new student and returns its index. */
    public int addStudent(int homeRegion, int parentsRegion, int studyPlace, int ageYears, boolean female,
                          int degreeLevel, int fundingRoute, int yearsOfProgramme, int obligation) {
        int i = reserve(1);
        initStudent(i, homeRegion, parentsRegion, studyPlace, ageYears, female, degreeLevel, fundingRoute,
                yearsOfProgramme, obligation);
        return i;
    }

    /**
     * Appends {@code n} slots and returns the index of the first; each must then be made a student
     * with {@link #initStudent} before any other use (until then it holds what an agent removed
     * before left there). Lets a cohort be written from several threads, one slot each.
     */
    public int reserve(int n) {
        ensureCapacity(size + n);
        int first = size;
        size += n;
        return first;
    }

    /**
     * Makes slot {@code index} (appended by {@link #reserve}) a new student, every field set as
     * {@link #addStudent} sets it; slots of different indices may be written from different threads.
     */
    public void initStudent(int index, int homeRegion, int parentsRegion, int studyPlace, int ageYears, boolean female,
                            int degreeLevel, int fundingRoute, int yearsOfProgramme, int obligation) {
        int i = start + index;  // physical slot
        bytes[at(HOME, i)] = (byte) homeRegion;
        bytes[at(PARENTS, i)] = (byte) parentsRegion;
        bytes[at(LOCATION, i)] = (byte) studyPlace;
        bytes[at(DEGREE_PLACE, i)] = (byte) studyPlace;
        bytes[at(EXPOSURE, i)] = NONE;
        bytes[at(PARTNER, i)] = NONE;
        bytes[at(AGE, i)] = (byte) ageYears;
        bytes[at(FLAGS, i)] = (byte) ((female ? FEMALE : 0) | STUDENT);
        bytes[at(DEGREE_FUNDING, i)] = (byte) (degreeLevel | fundingRoute << 4);
        bytes[at(OBLIGATION_PCT, i)] = 0;
        bytes[at(OBLIGATION_TYPE, i)] = (byte) obligation;
        bytes[at(YEARS_LEFT, i)] = (byte) yearsOfProgramme;
        bytes[at(YEARS_ABROAD, i)] = 0;
        bytes[at(YEARS_AT_PLACE, i)] = 0;
        bytes[at(GRADUATION_YEAR, i)] = 0;
        bytes[at(TRAITS, i)] = 0;
        logHumanCapital[i] = 0;
        id[i] = 0;
        for (Object f : fields) { // a slot used before: the new agent's fields start at 0
            if (f instanceof byte[] a) {
                a[i] = 0;
            } else if (f instanceof short[] a) {
                a[i] = 0;
            } else if (f instanceof int[] a) {
                a[i] = 0;
            }
        }
    }

    private void ensureCapacity(int n) {
        if (start + n <= capacity) {
            return;
        }
        if (start > 0) {
            copy(start, 0, size);
            start = 0;
            studentFloor = 0;
            if (n <= capacity) {
                return;
            }
        }
        // grow by a quarter: the population grows slowly (a cohort a year), and with half the arrays
        // held 1.42 slots per agent alive at the end of a scale-1.0 run (issue 18 bounds the heap per agent)
        int cap = Math.max(1024, Math.max(n, capacity + (capacity >> 2)));
        if ((long) cap * BYTE_FIELDS > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("population of " + n + " agents: at most "
                    + (Integer.MAX_VALUE - 16) / BYTE_FIELDS + " fit the agent arrays (lower the scale)");
        }
        bytes = Arrays.copyOf(bytes, cap * BYTE_FIELDS);
        capacity = cap;
        logHumanCapital = Arrays.copyOf(logHumanCapital, cap);
        id = Arrays.copyOf(id, cap);
        for (int h = 0; h < fields.length; h++) {
            if (fields[h] instanceof byte[] a) {
                fields[h] = Arrays.copyOf(a, cap);
            } else if (fields[h] instanceof short[] a) {
                fields[h] = Arrays.copyOf(a, cap);
            } else if (fields[h] instanceof int[] a) {
                fields[h] = Arrays.copyOf(a, cap);
            }
        }
    }

    /**
     * Removes every agent for which {@code remove[i]} is true, keeping the order of the others.
     * Returns the number removed.
     */
    public int removeIf(boolean[] remove) {
        return removeWhere(i -> remove[i]);
    }

    /** Removes every agent older than {@code maxAgeYears}, keeping the order of the others; returns the number removed. */
    public int removeOlderThan(int maxAgeYears) {
        return removeWhere(i -> bytes[at(AGE, start + i)] > maxAgeYears);
    }

    /**
     * As {@link #removeOlderThan(int)}, given the number of agents older than {@code maxAgeYears}
     * (counted by the caller while it aged them): when the oldest agents in front hold them all, the
     * rest is not scanned again. Returns the number removed.
     */
    public int removeOlderThan(int maxAgeYears, long older) {
        int prefix = 0;
        while (prefix < size && bytes[at(AGE, start + prefix)] > maxAgeYears) {
            prefix++;
        }
        if (prefix == older) {
            start += prefix;
            size -= prefix;
            return prefix;
        }
        return removeOlderThan(maxAgeYears);
    }

    private int removeWhere(java.util.function.IntPredicate remove) {
        int prefix = 0;
        while (prefix < size && remove.test(prefix)) {
            prefix++;
        }
        int r = prefix;
        while (r < size && !remove.test(r)) {
            r++;
        }
        if (r == size) {
            // only the oldest agents leave (the usual case: cohorts are stored in entry order)
            start += prefix;
            size -= prefix;
            return prefix;
        }
        int w = 0;
        r = 0;
        while (r < size) {
            if (remove.test(r)) {
                r++;
                continue;
            }
            int runStart = r;
            while (r < size && !remove.test(r)) {
                r++;
            }
            int len = r - runStart;
            if (w != runStart) {
                copy(start + runStart, start + w, len);
            }
            w += len;
        }
        int removed = size - w;
        size = w;
        studentFloor = start;
        return removed;
    }

    private void copy(int from, int to, int len) {
        System.arraycopy(bytes, from << SLOT_SHIFT, bytes, to << SLOT_SHIFT, len << SLOT_SHIFT);
        System.arraycopy(logHumanCapital, from, logHumanCapital, to, len);
        System.arraycopy(id, from, id, to, len);
        for (Object f : fields) {
            if (f != null) {
                System.arraycopy(f, from, f, to, len);
            }
        }
    }

    /**
     * The index of the first student (size when there is none): every agent before it is a
     * graduate. Scans on from where the last call stopped, so a run's calls cost one pass over the
     * agents who graduate in between.
     */
    public int firstStudent() {
        int i = Math.max(studentFloor, start);
        int end = start + size;
        while (i < end && (bytes[at(FLAGS, i)] & STUDENT) == 0) {
            i++;
        }
        studentFloor = i;
        return i - start;
    }

    /** The value of a programme's field for agent i (0 when never set). */
    public int get(kz.kosh.scenario.AgentFields.Field f, int i) {
        Object a = f.handle() < fields.length ? fields[f.handle()] : null;
        if (a == null) {
            return 0;
        }
        return switch (f.width()) {
            case BYTE -> ((byte[]) a)[start + i];
            case SHORT -> ((short[]) a)[start + i];
            case INT -> ((int[]) a)[start + i];
        };
    }

    /**
     * Allocates a programme's field (0 for every agent) unless it is already; called between
     * phases, never while agents are processed on several threads.
     */
    public void allocate(kz.kosh.scenario.AgentFields.Field f) {
        if (f.handle() >= fields.length) {
            fields = Arrays.copyOf(fields, kz.kosh.scenario.AgentFields.count());
        }
        if (fields[f.handle()] == null) {
            fields[f.handle()] = switch (f.width()) {
                case BYTE -> new byte[capacity];
                case SHORT -> new short[capacity];
                case INT -> new int[capacity];
            };
        }
    }

    /**
     * Sets a programme's field for agent i.
     *
     * @throws IllegalArgumentException when the value does not fit the field's width
     * @throws IllegalStateException    when the field was not {@linkplain #allocate allocated} (a
     *                                  module that writes a field must name it in its {@code fields()})
     */
    public void set(kz.kosh.scenario.AgentFields.Field f, int i, int value) {
        if (value < f.width().min || value > f.width().max) {
            throw new IllegalArgumentException("agent field " + f.name() + " (" + f.width() + ") cannot hold " + value);
        }
        if (f.handle() >= fields.length || fields[f.handle()] == null) {
            throw new IllegalStateException("agent field " + f.name() + " is not allocated: the module that writes it "
                    + "must list it in PolicyModule.fields()");
        }
        switch (f.width()) {
            case BYTE -> ((byte[]) fields[f.handle()])[start + i] = (byte) value;
            case SHORT -> ((short[]) fields[f.handle()])[start + i] = (short) value;
            case INT -> ((int[]) fields[f.handle()])[start + i] = value;
        }
    }

    // ---- accessors (index i must be < size) ----
    /** The agent's identity ({@link #entrantId}). */
    public int id(int i) { return id[start + i]; }
    public void setId(int i, int agentId) { id[start + i] = agentId; }
    public int home(int i) { return bytes[at(HOME, start + i)]; }
    public int parents(int i) { return bytes[at(PARENTS, start + i)]; }
    public int location(int i) { return bytes[at(LOCATION, start + i)]; }
    /** Sets the location; a change of location starts the years at the place anew ({@link #yearsAtPlace}). */
    public void setLocation(int i, int p) {
        int k = at(LOCATION, start + i);
        if (bytes[k] != (byte) p) {
            bytes[k] = (byte) p;
            bytes[at(YEARS_AT_PLACE, start + i)] = 0;
        }
    }
    public int degreePlace(int i) { return bytes[at(DEGREE_PLACE, start + i)]; }
    public void setDegreePlace(int i, int p) { bytes[at(DEGREE_PLACE, start + i)] = (byte) p; }
    public int exposure(int i) { return bytes[at(EXPOSURE, start + i)]; }
    public void setExposure(int i, int p) { bytes[at(EXPOSURE, start + i)] = (byte) p; }
    public int partner(int i) { return bytes[at(PARTNER, start + i)]; }
    public void setPartner(int i, int p) { bytes[at(PARTNER, start + i)] = (byte) p; }
    public int age(int i) { return bytes[at(AGE, start + i)]; }
    public void setAge(int i, int a) { bytes[at(AGE, start + i)] = (byte) a; }
    public boolean has(int i, int flag) { return (bytes[at(FLAGS, start + i)] & flag) != 0; }
    public void set(int i, int flag, boolean on) {
        if (on && (flag & STUDENT) != 0) {
            studentAgain(i);
        }
        bytes[at(FLAGS, start + i)] = (byte) (on ? bytes[at(FLAGS, start + i)] | flag : bytes[at(FLAGS, start + i)] & ~flag);
    }

    /** An agent made a student again (no phase does): {@link #firstStudent} must not pass it. */
    private synchronized void studentAgain(int i) {
        studentFloor = Math.min(studentFloor, start + i);
    }
    public int degree(int i) { return bytes[at(DEGREE_FUNDING, start + i)] & 0xF; }
    public void setDegree(int i, int d) { bytes[at(DEGREE_FUNDING, start + i)] = (byte) (bytes[at(DEGREE_FUNDING, start + i)] & 0xF0 | d); }
    public int funding(int i) { return (bytes[at(DEGREE_FUNDING, start + i)] & 0xF0) >> 4; }
    public void setFunding(int i, int f) { bytes[at(DEGREE_FUNDING, start + i)] = (byte) (bytes[at(DEGREE_FUNDING, start + i)] & 0xF | f << 4); }
    /** Share of an obligation still to work off, percent (0 = none or done). */
    public int obligationPct(int i) { return bytes[at(OBLIGATION_PCT, start + i)]; }
    public void setObligationPct(int i, int pct) { bytes[at(OBLIGATION_PCT, start + i)] = (byte) pct; }
    /** Obligation type ({@link kz.kosh.decision.AgentKind} constants) attached to the funding. */
    public int obligationType(int i) { return bytes[at(OBLIGATION_TYPE, start + i)]; }
    public void setObligationType(int i, int t) { bytes[at(OBLIGATION_TYPE, start + i)] = (byte) t; }
    /** Years left of a student's programme (0 for a graduate). */
    public int programmeYearsLeft(int i) { return has(i, STUDENT) ? bytes[at(YEARS_LEFT, start + i)] : 0; }
    /** Sets the years left of a student's programme (the agent must be a student). */
    public void setProgrammeYearsLeft(int i, int y) { bytes[at(YEARS_LEFT, start + i)] = (byte) y; }
    /** Years left of a graduate's temporary permit (0 for a student). */
    public int permitYearsLeft(int i) { return has(i, STUDENT) ? 0 : bytes[at(YEARS_LEFT, start + i)]; }
    /** Sets the years left of a graduate's temporary permit (the agent must be a graduate). */
    public void setPermitYearsLeft(int i, int y) { bytes[at(YEARS_LEFT, start + i)] = (byte) y; }
    public int yearsAbroad(int i) { return bytes[at(YEARS_ABROAD, start + i)]; }
    public void setYearsAbroad(int i, int y) { bytes[at(YEARS_ABROAD, start + i)] = (byte) Math.min(y, 127); }
    /** Years lived at the current place since the last change of location (at most 127). */
    public int yearsAtPlace(int i) { return bytes[at(YEARS_AT_PLACE, start + i)]; }
    public void setYearsAtPlace(int i, int y) { bytes[at(YEARS_AT_PLACE, start + i)] = (byte) Math.min(y, 127); }
    /** Calendar year in which the agent became a graduate (meaningless for a student). */
    public int graduationYear(int i) { return GRADUATION_YEAR_BASE + (bytes[at(GRADUATION_YEAR, start + i)] & 0xFF); }
    /** Sets the year of graduation, in [{@link #GRADUATION_YEAR_BASE}, +255] (scenario years lie inside). */
    public void setGraduationYear(int i, int calendarYear) {
        int v = calendarYear - GRADUATION_YEAR_BASE;
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException("graduation year " + calendarYear + " outside "
                    + GRADUATION_YEAR_BASE + "-" + (GRADUATION_YEAR_BASE + 255));
        }
        bytes[at(GRADUATION_YEAR, start + i)] = (byte) v;
    }
    /** Human capital h (1.0 = new bachelor), stored as ln h in thousandths. */
    public double humanCapital(int i) { return Math.exp(logHumanCapital[start + i] / 1000.0); }
    /** ln h in thousandths. */
    public int logHumanCapitalMilli(int i) { return logHumanCapital[start + i]; }
    public void setHumanCapital(int i, double h) { setLogHumanCapitalMilli(i, (int) Math.round(Math.log(h) * 1000)); }
    /** The home-attachment octile, 0..{@value #HOME_ATTACHMENT_LEVELS} − 1 (see {@link #TRAITS}). */
    public int homeAttachmentLevel(int i) { return bytes[at(TRAITS, start + i)] & HOME_ATTACHMENT_MASK; }
    /** The agent's ethnicity ({@link kz.kosh.world.Ethnicity} code; see {@link #traits}). */
    public int ethnicity(int i) { return (bytes[at(TRAITS, start + i)] & ETHNICITY_MASK) >> ETHNICITY_SHIFT; }
    public void setEthnicity(int i, int e) {
        if (e < 0 || e >= kz.kosh.world.Ethnicity.COUNT) {
            throw new IllegalArgumentException("ethnicity " + e + " outside 0.." + (kz.kosh.world.Ethnicity.COUNT - 1));
        }
        bytes[at(TRAITS, start + i)] = (byte) ((bytes[at(TRAITS, start + i)] & ~ETHNICITY_MASK) | e << ETHNICITY_SHIFT);
    }
    public void setHomeAttachmentLevel(int i, int level) {
        if (level < 0 || level > HOME_ATTACHMENT_MASK) {
            throw new IllegalArgumentException("home-attachment level " + level + " outside 0-" + HOME_ATTACHMENT_MASK);
        }
        bytes[at(TRAITS, start + i)] = (byte) ((bytes[at(TRAITS, start + i)] & ~HOME_ATTACHMENT_MASK) | level);
    }
    /** Sets ln h in thousandths, clamped to [−3000, 3000] (h in [0.05, 20]). */
    public void setLogHumanCapitalMilli(int i, int v) { logHumanCapital[start + i] = (short) Math.max(-3000, Math.min(3000, v)); }
}
