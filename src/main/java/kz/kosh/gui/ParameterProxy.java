package kz.kosh.gui;

import kz.kosh.policy.AcademicMobility;
import kz.kosh.policy.Bolashak;
import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.DestinationData;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.Params;
import kz.kosh.scenario.RegionData;
import kz.kosh.scenario.RunSettings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GUI's Model tab: the main parameters of the loaded scenario as JavaBean properties
 * (MASON's inspector shows {@code getX}/{@code setX} pairs, {@code domX} gives a range or a
 * menu). Changes are kept as an overlay of the scenario file (like a sweep's design point),
 * validated by {@link ScenarioLoader}, and take effect when the simulation starts (press
 * play, or stop and play again). Timeline entries of the scenario that set the same field
 * still apply from their year on.
 */
public class ParameterProxy {
    /** Destinations whose work access the tab offers. */
    public static final List<String> WORK_ACCESS_DESTINATIONS = List.of("US", "GB", "DE", "RU");

    private final Path file;
    private final ScenarioLoader.Loaded loaded;
    private final Scenario base;
    private final List<String> regionIds;
    private final String[] regionNames;
    private int region;
    private double scale;
    private int spinUpYears;
    private int endYear;
    private final Map<String, Double> wages = new TreeMap<>();
    private final Map<String, Double> workAccess = new LinkedHashMap<>();
    private Double bolashakAwards;
    private Double bolashakEnforcement;
    private Double mobilityRate;
    /** Parameters of the scenario groups (decision, study, ...) changed here (definition to value). */
    private final Map<Param, Double> model = new LinkedHashMap<>();
    /**
     * The numeric parameters of the scenario groups except run (their single definitions), for the
     * chooser; the run's are the tab's own properties above.
     */
    static final List<Param> MODEL_PARAMS = Params.GROUPS.stream()
            .filter(d -> d.numeric() && !d.group().equals("run")).toList();
    private int modelParam;
    /** Further Bolashak parameters changed here (field name to value). */
    private final Map<String, Double> bolashak = new LinkedHashMap<>();
    /**
     * The numeric parameters of every policy module (their single definitions), for the chooser,
     * read from the programme registry when the proxy is made (so a programme registered later,
     * {@code kz.kosh.policy.Programme#register}, is offered too); fields of per-destination
     * entries (visa routes) are left out, the tab has work access above.
     */
    private final List<Param> policyParams = kz.kosh.scenario.PolicyParams.definitions().stream()
            .filter(d -> d.numeric() && !d.section().contains("<")).toList();
    private int policyParam;
    /** Policy parameters changed through the chooser (definition to value). */
    private final Map<Param, Double> policy = new LinkedHashMap<>();

    public ParameterProxy(Path file, Double scale, Long seed) {
        this.file = file;
        ScenarioLoader.Loaded l = ScenarioLoader.load(file);
        var run = l.scenario().run();
        l = l.withRun(seed == null ? run.seed() : seed, scale == null ? run.scale() : scale);
        loaded = l;
        base = l.scenario();
        this.scale = base.run().scale();
        spinUpYears = base.run().spinUpYears();
        endYear = base.run().endYear();
        regionIds = new ArrayList<>(base.regions().keySet());
        regionNames = new String[regionIds.size()];
        for (int i = 0; i < regionNames.length; i++) {
            regionNames[i] = regionIds.get(i) + " " + base.regions().get(regionIds.get(i)).name();
        }
        region = Math.max(0, regionIds.indexOf("KZ-75"));
    }

    /** The scenario as loaded, before any change made here. */
    public Scenario baseScenario() {
        return base;
    }

    /** The scenario with the changes made here and the given seed (the scenario's when {@code seed < 1}). */
    public synchronized Scenario scenario(long seed) {
        ScenarioLoader.Loaded l = ScenarioLoader.load(file, overlay(), base.name());
        return l.withRun(seed >= 1 ? seed : base.run().seed(), scale).scenario();
    }

    /** The scenario with the changes made here and the scenario's seed. */
    public Scenario scenario() {
        return scenario(base.run().seed());
    }

    /** The changes as a scenario overlay (only fields changed here). */
    public synchronized ObjectNode overlay() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        ObjectNode run = o.putObject("run");
        run.put("spinUpYears", spinUpYears);
        run.put("endYear", endYear);
        if (!wages.isEmpty()) {
            ObjectNode r = o.putObject("regions");
            wages.forEach((id, w) -> r.putObject(id).put("avgWageKztPerMonth", w));
        }
        if (!workAccess.isEmpty()) {
            ObjectNode d = o.putObject("destinations");
            workAccess.forEach((id, a) -> d.putObject(id).put("workAccess", a));
        }
        if (bolashakAwards != null || bolashakEnforcement != null || mobilityRate != null || !bolashak.isEmpty()
                || !policy.isEmpty()) {
            ObjectNode p = o.putObject("policy");
            policy.forEach((d, v) -> (p.has(d.section()) ? (ObjectNode) p.get(d.section()) : p.putObject(d.section()))
                    .put(d.name(), v));
            if (bolashakAwards != null || bolashakEnforcement != null || !bolashak.isEmpty()) {
                ObjectNode b = p.has(Bolashak.SECTION) ? (ObjectNode) p.get(Bolashak.SECTION) : p.putObject(Bolashak.SECTION);
                if (bolashakAwards != null) b.put(Bolashak.AWARDS_PER_YEAR.name(), bolashakAwards);
                if (bolashakEnforcement != null) b.put(Bolashak.ENFORCEMENT.name(), bolashakEnforcement);
                bolashak.forEach(b::put);
            }
            if (mobilityRate != null) {
                (p.has(AcademicMobility.SECTION) ? (ObjectNode) p.get(AcademicMobility.SECTION)
                        : p.putObject(AcademicMobility.SECTION)).put(AcademicMobility.RATE.name(), mobilityRate);
            }
        }
        model.forEach((d, v) -> {
            ObjectNode g = o.has(d.group()) ? (ObjectNode) o.get(d.group()) : o.putObject(d.group());
            if (d.kind() == Param.Kind.WHOLE) {
                g.put(d.name(), v.longValue());
            } else {
                g.put(d.name(), v);
            }
        });
        return o;
    }

    // ---- properties shown in the Model tab ----

    public String getScenario() {
        return base.name() + " (" + file + ")";
    }

    public String getWhenChangesApply() {
        return "at the next start: press play (stop first if running)";
    }

    public synchronized String getChanges() {
        String s = overlay().toString();
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    public double getScale() { return scale; }
    public synchronized void setScale(double v) { if (RunSettings.SCALE.allows(v)) scale = v; }
    public Object domScale() { return new sim.util.Interval(0.001, 1.0); }

    public int getSpinUpYears() { return spinUpYears; }
    public synchronized void setSpinUpYears(int v) { if (RunSettings.SPIN_UP_YEARS.allows(v)) spinUpYears = v; }

    public int getEndYear() { return endYear; }
    public synchronized void setEndYear(int v) { if (v >= base.run().startYear() && RunSettings.END_YEAR.allows(v)) endYear = v; }

    /** Index of the region whose wage is shown below. */
    public int getWageRegion() { return region; }
    public synchronized void setWageRegion(int v) { if (v >= 0 && v < regionIds.size()) region = v; }
    public Object domWageRegion() { return regionNames.clone(); }

    /** Average monthly wage of the chosen region, KZT. */
    public synchronized double getRegionWageKztPerMonth() {
        String id = regionIds.get(region);
        Double w = wages.get(id);
        return w != null ? w : base.regions().get(id).avgWageKztPerMonth();
    }

    public synchronized void setRegionWageKztPerMonth(double v) {
        if (RegionData.AVG_WAGE_KZT_PER_MONTH.allows(v)) {
            wages.put(regionIds.get(region), v);
        }
    }

    /** Sets the wage of a region by ISO code (for scripts and tests). */
    public synchronized void setRegionWage(String iso, double kztPerMonth) {
        if (!regionIds.contains(iso)) {
            throw new IllegalArgumentException("unknown region " + iso + "; regions: " + regionIds);
        }
        wages.put(iso, kztPerMonth);
    }

    private double access(String id) {
        Double a = workAccess.get(id);
        return a != null ? a : base.destinations().get(id).workAccess();
    }

    private synchronized void setAccess(String id, double v) {
        if (DestinationData.WORK_ACCESS.allows(v)) {
            workAccess.put(id, v);
        }
    }

    public double getUsWorkAccess() { return access("US"); }
    public void setUsWorkAccess(double v) { setAccess("US", v); }
    public Object domUsWorkAccess() { return interval(DestinationData.WORK_ACCESS); }

    public double getGbWorkAccess() { return access("GB"); }
    public void setGbWorkAccess(double v) { setAccess("GB", v); }
    public Object domGbWorkAccess() { return interval(DestinationData.WORK_ACCESS); }

    public double getDeWorkAccess() { return access("DE"); }
    public void setDeWorkAccess(double v) { setAccess("DE", v); }
    public Object domDeWorkAccess() { return interval(DestinationData.WORK_ACCESS); }

    public double getRuWorkAccess() { return access("RU"); }
    public void setRuWorkAccess(double v) { setAccess("RU", v); }
    public Object domRuWorkAccess() { return interval(DestinationData.WORK_ACCESS); }

    public synchronized double getBolashakAwardsPerYear() {
        return bolashakAwards != null ? bolashakAwards : base.policy().get(kz.kosh.policy.Bolashak.class).awardsPerYear();
    }
    public synchronized void setBolashakAwardsPerYear(double v) { if (Bolashak.AWARDS_PER_YEAR.allows(v)) bolashakAwards = v; }

    public synchronized double getBolashakEnforcement() {
        return bolashakEnforcement != null ? bolashakEnforcement : base.policy().get(kz.kosh.policy.Bolashak.class).enforcementProbability();
    }
    public synchronized void setBolashakEnforcement(double v) { if (Bolashak.ENFORCEMENT.allows(v)) bolashakEnforcement = v; }
    public Object domBolashakEnforcement() { return interval(Bolashak.ENFORCEMENT); }

    public synchronized double getAcademicMobilityRate() {
        return mobilityRate != null ? mobilityRate : base.policy().get(kz.kosh.policy.AcademicMobility.class).participationRatePerStudentYear();
    }
    public synchronized void setAcademicMobilityRate(double v) { if (AcademicMobility.RATE.allows(v)) mobilityRate = v; }
    public Object domAcademicMobilityRate() { return new sim.util.Interval(0.0, 0.2); }

    public double getFollowThroughAbroad() { return model(DecisionParams.FOLLOW_THROUGH_ABROAD); }
    public void setFollowThroughAbroad(double v) { setModel(DecisionParams.FOLLOW_THROUGH_ABROAD, v); }
    public Object domFollowThroughAbroad() { return interval(DecisionParams.FOLLOW_THROUGH_ABROAD); }

    /** Value of a parameter of a scenario group: changed here, else the scenario's (at its start). */
    private synchronized double model(Param d) {
        Double v = model.get(d);
        return v != null ? v : currentOfGroup(d);
    }

    /** Keeps a value within the definition's bounds (a whole number for a whole-number parameter); ignores others. */
    private synchronized void setModel(Param d, double v) {
        if (d.allows(v) && (d.kind() != Param.Kind.WHOLE || v == Math.rint(v))) model.put(d, v);
    }

    private synchronized double bolashak(String field, double base) {
        return bolashak.getOrDefault(field, base);
    }

    private synchronized void setBolashak(Param p, double v) {
        if (p.allows(v)) bolashak.put(p.name(), v);
    }

    private static sim.util.Interval interval(Param p) {
        return new sim.util.Interval(p.min(), p.max());
    }

    public double getAbroadNestScale() { return model(DecisionParams.ABROAD_NEST_SCALE); }
    public void setAbroadNestScale(double v) { setModel(DecisionParams.ABROAD_NEST_SCALE, v); }
    public Object domAbroadNestScale() { return interval(DecisionParams.ABROAD_NEST_SCALE); }

    public double getReturnObstacleShare() { return model(DecisionParams.RETURN_OBSTACLE_SHARE); }
    public void setReturnObstacleShare(double v) { setModel(DecisionParams.RETURN_OBSTACLE_SHARE, v); }
    public Object domReturnObstacleShare() { return interval(DecisionParams.RETURN_OBSTACLE_SHARE); }

    public double getHomeTieHalfLifeYearsAbroad() { return model(DecisionParams.HOME_TIE_HALF_LIFE_YEARS_ABROAD); }
    public void setHomeTieHalfLifeYearsAbroad(double v) { setModel(DecisionParams.HOME_TIE_HALF_LIFE_YEARS_ABROAD, v); }

    public double getHomeRegionBonus() { return model(DecisionParams.HOME_REGION_BONUS); }
    public void setHomeRegionBonus(double v) { setModel(DecisionParams.HOME_REGION_BONUS, v); }

    public double getNetworkWeight() { return model(DecisionParams.NETWORK_WEIGHT); }
    public void setNetworkWeight(double v) { setModel(DecisionParams.NETWORK_WEIGHT, v); }

    public double getFollowThroughInternal() { return model(DecisionParams.FOLLOW_THROUGH_INTERNAL); }
    public void setFollowThroughInternal(double v) { setModel(DecisionParams.FOLLOW_THROUGH_INTERNAL, v); }
    public Object domFollowThroughInternal() { return interval(DecisionParams.FOLLOW_THROUGH_INTERNAL); }

    /** Index of the model parameter (any numeric parameter of a scenario group) whose value is shown below. */
    public int getModelParameter() { return modelParam; }
    public synchronized void setModelParameter(int v) { if (v >= 0 && v < MODEL_PARAMS.size()) modelParam = v; }
    public Object domModelParameter() {
        return MODEL_PARAMS.stream().map(d -> d.path() + " (" + d.unit() + ")").toArray(String[]::new);
    }

    /** Value of the chosen model parameter: changed here, else the scenario's (at its start). */
    public double getModelParameterValue() { return model(MODEL_PARAMS.get(modelParam)); }
    public void setModelParameterValue(double v) { setModel(MODEL_PARAMS.get(modelParam), v); }

    /** Sets a parameter of a scenario group by its definition (for scripts and tests); refuses a value out of bounds. */
    public synchronized void setModelParameter(Param d, double v) {
        if (!MODEL_PARAMS.contains(d) || !d.allows(v) || d.kind() == Param.Kind.WHOLE && v != Math.rint(v)) {
            throw new IllegalArgumentException(d.path() + ": " + v + " is not allowed here; allowed: a parameter of "
                    + "the chooser with a value in [" + d.min() + ", " + d.max() + "]"
                    + (d.kind() == Param.Kind.WHOLE ? ", a whole number" : ""));
        }
        model.put(d, v);
    }

    public double getBolashakPenaltyMarkup() { return bolashak("penaltyMarkup", base.policy().get(kz.kosh.policy.Bolashak.class).penaltyMarkup()); }
    public void setBolashakPenaltyMarkup(double v) { setBolashak(Bolashak.PENALTY_MARKUP, v); }

    public double getBolashakBreachUtilityCost() {
        return bolashak("breachUtilityCost", base.policy().get(kz.kosh.policy.Bolashak.class).breachUtilityCost());
    }
    public void setBolashakBreachUtilityCost(double v) { setBolashak(Bolashak.BREACH_UTILITY_COST, v); }

    /** Index of the policy parameter (any module's numeric parameter) whose value is shown below. */
    public int getPolicyParameter() { return policyParam; }
    public synchronized void setPolicyParameter(int v) { if (v >= 0 && v < policyParams.size()) policyParam = v; }
    public Object domPolicyParameter() {
        return policyParams.stream().map(d -> d.label() + " (" + d.unit() + ")").toArray(String[]::new);
    }

    /** Value of the chosen policy parameter: changed here, else the scenario's (at its start). */
    public synchronized double getPolicyParameterValue() {
        Param d = policyParams.get(policyParam);
        Double v = policy.get(d);
        return v != null ? v : current(d);
    }

    public synchronized void setPolicyParameterValue(double v) {
        Param d = policyParams.get(policyParam);
        if (d.allows(v)) {
            policy.put(d, v);
        }
    }

    /** The numeric policy parameters the chooser offers, in its order. */
    public List<Param> policyParams() {
        return policyParams;
    }

    /** Sets a policy parameter by its definition (for scripts and tests); refuses a value out of bounds. */
    public synchronized void setPolicyParameter(Param d, double v) {
        if (!d.allows(v)) {
            throw new IllegalArgumentException(d.path() + ": " + v + " is outside [" + d.min() + ", " + d.max() + "]");
        }
        policy.put(d, v);
    }

    /** The scenario's value of a numeric parameter of a group (the group's record component of that name). */
    private double currentOfGroup(Param d) {
        try {
            Object group = Scenario.class.getMethod(d.group()).invoke(base);
            return ((Number) group.getClass().getMethod(d.name()).invoke(group)).doubleValue();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(d.path() + " has no accessor in " + Scenario.class.getSimpleName(), e);
        }
    }

    /** The scenario's value of a numeric policy parameter (the module's record component of that name). */
    private double current(Param d) {
        kz.kosh.scenario.PolicySection m = base.policy().section(d.section());
        try {
            return ((Number) m.getClass().getMethod(d.name()).invoke(m)).doubleValue();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(d.path() + " has no accessor in " + m.getClass().getSimpleName(), e);
        }
    }

    // ---- readable names of the properties in the Model tab (MASON's nameX) ----
    public String nameScenario() { return "Scenario"; }
    public String nameWhenChangesApply() { return "When changes apply"; }
    public String nameChanges() { return "Changes (scenario overlay)"; }
    public String nameScale() { return "Scale (share of the population simulated)"; }
    public String nameSpinUpYears() { return "Spin-up years"; }
    public String nameEndYear() { return "End year"; }
    public String nameWageRegion() { return "Wage region"; }
    public String nameRegionWageKztPerMonth() { return "Its average wage (real KZT of 2023 per month)"; }
    public String nameUsWorkAccess() { return "US work access"; }
    public String nameGbWorkAccess() { return "UK work access"; }
    public String nameDeWorkAccess() { return "Germany work access"; }
    public String nameRuWorkAccess() { return "Russia work access"; }
    public String nameBolashakAwardsPerYear() { return Bolashak.AWARDS_PER_YEAR.label(); }
    public String nameBolashakEnforcement() { return Bolashak.ENFORCEMENT.label(); }
    public String nameBolashakPenaltyMarkup() { return Bolashak.PENALTY_MARKUP.label(); }
    public String nameBolashakBreachUtilityCost() { return Bolashak.BREACH_UTILITY_COST.label(); }
    public String nameAcademicMobilityRate() { return AcademicMobility.RATE.label(); }
    public String nameFollowThroughAbroad() { return "Follow-through abroad"; }
    public String nameFollowThroughInternal() { return "Follow-through internal"; }
    public String nameAbroadNestScale() { return "Abroad nest scale"; }
    public String nameReturnObstacleShare() { return "Return obstacle share"; }
    public String nameHomeTieHalfLifeYearsAbroad() { return "Home tie half-life abroad (years)"; }
    public String nameHomeRegionBonus() { return "Home region bonus"; }
    public String nameNetworkWeight() { return "Network (diaspora) weight"; }
    public String nameModelParameter() { return "Model parameter"; }
    public String nameModelParameterValue() { return "Its value (model parameter)"; }
    public String namePolicyParameter() { return "Policy parameter"; }
    public String namePolicyParameterValue() { return "Its value"; }

    /**
     * The changes as a scenario file that {@code extends} the loaded one (path relative to the
     * new file's folder when possible): only the changed values, so it validates with
     * {@code ./kosh validate} and runs with {@code ./kosh run}.
     */
    public synchronized String scenarioYaml(Path target, String name) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Path dir = target.toAbsolutePath().getParent();
        Path src = file.toAbsolutePath();
        String ext;
        try {
            ext = dir == null ? src.toString() : dir.relativize(src).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            ext = src.toString();
        }
        o.put("extends", ext);
        o.put("name", name);
        o.put("description", "Saved from the Kosh GUI: " + base.name() + " with the Model tab's changes.");
        ObjectNode ov = overlay();
        if (scale != base.run().scale()) {
            ((ObjectNode) ov.get("run")).put("scale", scale);
        }
        o.setAll(ov);
        try {
            com.fasterxml.jackson.dataformat.yaml.YAMLMapper y = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
            y.disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER);
            return "# Written by the Kosh GUI (Save as scenario YAML)\n" + y.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #scenarioYaml} to {@code target}; the scenario's name is the file name without .yaml. */
    public void saveScenarioYaml(Path target) throws java.io.IOException {
        String n = target.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        java.nio.file.Files.writeString(target, scenarioYaml(target, n));
    }

    /** Forgets every change made here. */
    public synchronized void reset() {
        model.clear();
        bolashak.clear();
        policy.clear();
        wages.clear();
        workAccess.clear();
        bolashakAwards = bolashakEnforcement = mobilityRate = null;
        scale = base.run().scale();
        spinUpYears = base.run().spinUpYears();
        endYear = base.run().endYear();
    }

    /** The loaded file (for titles). */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ParameterProxy[%s, %s]", base.name(), getChanges());
    }

    ScenarioLoader.Loaded loaded() {
        return loaded;
    }
}
