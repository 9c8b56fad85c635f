package kz.kosh.gui;

import kz.kosh.population.Population;
import kz.kosh.sim.KoshSim;
import kz.kosh.world.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A read-only view of one agent of the population, copied at the moment it is made (agent
 * indices shift when cohorts age out, and the model runs on another thread): a bean whose
 * getters MASON's {@link sim.portrayal.SimpleInspector} lists. Places are shown by name.
 * Making views changes nothing in the model and draws no random numbers.
 */
public final class AgentView {
    /** Column names of {@link #row()}, for a table of sampled agents. */
    public static final String[] COLUMNS = {"#", "age", "sex", "ethnicity", "home", "parents", "location", "status", "degree",
            "degree place", "funding", "obligation left %", "years abroad", "partner", "human capital", "below qual."};

    private final int index;
    private final int year;
    private final int age;
    private final String sex;
    private final String ethnicity;
    private final String homeRegion;
    private final String parentsRegion;
    private final String location;
    private final boolean student;
    private final String degree;
    private final String degreePlace;
    private final String funding;
    private final int obligationLeftPct;
    private final int yearsAbroad;
    private final String partnerLocation;
    private final double humanCapital;
    private final boolean belowQualification;

    /** The agent at {@code index} (0 .. size-1) of {@code pop}; {@code year} is only a label. */
    public AgentView(Population pop, World world, int index, int year) {
        if (index < 0 || index >= pop.size()) {
            throw new IndexOutOfBoundsException("agent " + index + " of " + pop.size());
        }
        this.index = index;
        this.year = year;
        age = pop.age(index);
        sex = pop.has(index, Population.FEMALE) ? "female" : "male";
        ethnicity = kz.kosh.world.Ethnicity.NAMES.get(pop.ethnicity(index));
        homeRegion = placeName(world, pop.home(index));
        parentsRegion = placeName(world, pop.parents(index));
        location = placeName(world, pop.location(index));
        student = pop.has(index, Population.STUDENT);
        degree = name(Population.DEGREE_NAMES, pop.degree(index));
        degreePlace = placeName(world, pop.degreePlace(index));
        funding = name(Population.FUNDING_NAMES, pop.funding(index));
        obligationLeftPct = pop.obligationPct(index);
        yearsAbroad = pop.yearsAbroad(index);
        partnerLocation = placeName(world, pop.partner(index));
        humanCapital = pop.humanCapital(index);
        belowQualification = pop.has(index, Population.BELOW_QUALIFICATION);
    }

    /** The agent at {@code index} of a simulation's population, labelled with {@code year} (the year recorded). */
    public static AgentView of(KoshSim sim, int index, int year) {
        return new AgentView(sim.population(), sim.world(), index, year);
    }

    /**
     * Indices of {@code n} agents spread evenly over a population of {@code size} (a fixed
     * stride, the middle of each of n equal slices): deterministic, no random numbers.
     */
    public static int[] sampleIndices(int size, int n) {
        int k = Math.max(0, Math.min(n, size));
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = (int) (((2L * j + 1) * size) / (2L * k));
        }
        return out;
    }

    /** Views of {@code n} agents sampled with {@link #sampleIndices} (call when the model is between steps). */
    public static List<AgentView> sample(KoshSim sim, int n, int year) {
        Population pop = sim.population();
        List<AgentView> out = new ArrayList<>();
        if (pop == null) {
            return out;
        }
        for (int i : sampleIndices(pop.size(), n)) {
            out.add(of(sim, i, year));
        }
        return out;
    }

    /** Name of a place index, "none" for {@link Population#NONE}. */
    static String placeName(World w, int place) {
        return place < 0 || place >= w.placeCount() ? "none" : w.name(place);
    }

    private static String name(String[] names, int i) {
        return i >= 0 && i < names.length ? names[i] : Integer.toString(i);
    }

    public int getIndex() { return index; }
    public int getYear() { return year; }
    public int getAge() { return age; }
    public String getSex() { return sex; }
    /** Kazakh, Russian, German or other (kz.kosh.world.Ethnicity), drawn at entry from the home region's composition. */
    public String getEthnicity() { return ethnicity; }
    public String getHomeRegion() { return homeRegion; }
    public String getParentsRegion() { return parentsRegion; }
    public String getLocation() { return location; }
    public boolean isStudent() { return student; }
    /** "student" or "graduate". */
    public String getStatus() { return student ? "student" : "graduate"; }
    public String getDegree() { return degree; }
    public String getDegreePlace() { return degreePlace; }
    public String getFunding() { return funding; }
    /** Share of an obligation still to work off, percent (0 = none or done). */
    public int getObligationLeftPct() { return obligationLeftPct; }
    public int getYearsAbroad() { return yearsAbroad; }
    /** Where the partner lives, "none" without a partner. */
    public String getPartnerLocation() { return partnerLocation; }
    /** Human capital h (1.0 = new bachelor). */
    public double getHumanCapital() { return humanCapital; }
    public boolean isBelowQualification() { return belowQualification; }

    /** The values in the order of {@link #COLUMNS}. */
    public Object[] row() {
        return new Object[]{index, age, sex, ethnicity, homeRegion, parentsRegion, location, getStatus(), degree, degreePlace, funding,
                obligationLeftPct, yearsAbroad, partnerLocation, String.format(Locale.ROOT, "%.3f", humanCapital),
                belowQualification ? "yes" : "no"};
    }

    @Override
    public String toString() {
        return "Agent " + index + " (" + year + "): " + age + ", " + sex + ", " + getStatus() + " in " + location;
    }
}
