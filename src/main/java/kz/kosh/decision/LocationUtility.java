package kz.kosh.decision;

import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

/**
 * Utility of a location to a graduate of a given {@linkplain AgentKind kind}: push-pull factors
 * (Lee), discounted expected income net of moving costs and penalties (Sjaastad, with
 * Harris–Todaro expected wages), networks and status-quo inertia. Pure functions of the world,
 * the scenario and the diaspora stocks.
 *
 * <p>For an agent in age band b with human capital h, currently at c, with obligation type o
 * and rural-incentive eligibility e, the utility of place j is
 * <pre>
 *   V_j = s_inc·β_inc[b]·ln max(NPV_j, floor)
 *       + β_live[b]·L_j + β_career[b]·C_j + β_safe·S_j − β_corr·K_j + β_eco·E_j
 *       + β_net·ln(1 + D_j)                        (D_j diaspora in thousands; 0 for regions)
 *       + β_stay·[j = c]
 *       − β_border·[country(j) ≠ country(c)]·(ρ if c abroad and j in Kazakhstan, else 1)
 *       − β_lang·(1 − λ_j)·[j abroad]
 *       − β_dist·ln(1 + d_cj / 100 km)                 (gravity: psychic cost of distance)
 *       − π_o·c_o·B_o,cj                                  (expected non-money cost of breaking obligation o; 0 for none)
 *       + ω·ln(F_RU(t) / F_O(t))·[j = Russia, c in Kazakhstan]   (family emigration to Russia, {@link #familyTerm})
 *       + β_cash·(NPV_j − h·12·y_j·A(T_b)) / max(12·y_c, floor)   (one-time money in years of current income)
 *
 *   NPV_j = h · 12 · y_j · A(T_b) − M_cj − P_o·B_o,cj + Σ_policies money_cj,o,e
 *   y_j   = w_j · e_j / (1 + θ·(col_j − 1))        real expected monthly income, KZT
 *   A(T)  = Σ_{t=0}^{T−1} (1+r)^−t = (1 − (1+r)^−T) / (1 − (1+r)^−1)
 *   T_b   = retirement age − representative age of band b (21, 25, 32, 38)
 *   M_cj  = [j ≠ c]·s_move·(m_fixed + m_km·d_cj + m_intl·[country(j) ≠ country(c)])
 * </pre>
 * where s_inc = {@code incomeWeightScale} and s_move = {@code movingCostScale} are the free levels
 * of the money terms (the calibration fits them to programme outcomes: how many move for a
 * relocation subsidy or a village payment, how many break a repayable obligation), ρ is the share of the border obstacle that a citizen coming home faces, w the wage, e the employment probability (1 − unemployment for regions), θ the share
 * of spending at local prices, col the cost-of-living index, P_o = π_o·R_o the expected
 * repayment of breaking an obligation (R_o: {@link #repaymentKzt}, π_o the enforcement
 * probability), c_o the non-money cost of an enforced breach (legal pursuit, the pledged real
 * estate of guarantors, standing), B_o,cj = 1 when moving from c to j (or staying, j = c) breaches
 * obligation o ({@link kz.kosh.policy.ObligationProgramme#breachedByMove}: a foreign place for
 * Bolashak and the grants; for the village commitment any move away from the region where it
 * was taken, a city or abroad), and money the policy modules' terms ({@link kz.kosh.policy.PolicyModule#moneyKzt}:
 * the relocation subsidy R_cj, the rural incentive I_e,cj for eligible movers into a non-city
 * region, the return support, ...), each times the chance that a qualifying mover is paid
 * ({@link kz.kosh.policy.PolicyModule#paymentChance}: below 1 when places are capped). β_cash =
 * {@code oneTimeMoneyWeight} weighs the one-time money of a move (−M_cj − P_o·B_o,cj + Σ money, the
 * same KZT as in NPV_j) as a share of a year's income at the current place c, as a mover who cannot
 * borrow pays and receives it out of the current year (0: money only as its share of lifetime
 * income, where a 1 M KZT subsidy weighs 0.03 utility). Both parts of the
 * sanction scale with π_o, so enforcement acts in a graded way: an obligation that is never
 * enforced costs nothing. The status dimension o also holds statuses that are not obligations
 * (a researcher abroad while return support runs); the rows of a status not in force this year
 * ({@link kz.kosh.scenario.PolicyParams#statusInForce}) are not filled. What differs between the
 * agents of a kind (home, the relief of a return home, a familiar place, the attachment not yet
 * built) is added per agent: {@link PersonalBonuses}.
 */
public final class LocationUtility {
    /** Representative age of each age band, years. */
    static final int[] BAND_AGE = {21, 25, 32, 38};

    private final World world;
    private final DecisionParams d;
    /** The policy modules with a money term ({@link #hasMoneyTerm}), in module order. */
    private final java.util.List<kz.kosh.policy.PolicyModule> modules;
    private final double[] realMonthlyIncome;
    private final double[] annuity;
    private final double[] penalty;
    /** Whether a move from c to j (or staying, j = c) breaches an obligation of type o: breaches[(o·n + c)·n + j]. */
    private final boolean[] breaches;
    /** π_o·c_o: expected non-money cost of breaking an obligation of type o (0 for none). */
    private final double[] breachUtilityCost;
    private final double[] incomeWeight;
    private final double[] livingStandardWeight;
    private final double[] careerWeight;
    private final double[] amenity;
    /**
     * −M_cj − P_o·B_o,cj + Σ money_cj,o,e for every (c, j, o, e), KZT: filled at construction for
     * the statuses in force (the only ones a run asks for), for any other status at its first use
     * ({@link #moneyFilled}).
     */
    private final double[] moneyAdjustment;
    /** β_cash·moneyAdjustment / max(12·y_c, floor) for every (c, j, o, e), utility; null when β_cash = 0. */
    private final double[] oneTimeMoneyTerm;
    /**
     * Whether status o's money terms are filled; replaced (never changed) when another status is
     * filled, so that a thread that reads the new array also sees the terms written before it.
     */
    private volatile boolean[] moneyFilled;
    /** β_dist·ln(1 + d_cj / 100 km). */
    private final double[] distanceTerm;
    /** ω·ln(F_RU(t)/F_O(t)) at Russia, 0 elsewhere ({@link #familyTerm}); added for agents living in Kazakhstan. */
    private final double[] familyTerm;
    /** Whether agents can hold status o this year (its table rows are needed). */
    private final boolean[] statusInForce;
    /** The chance that a qualifying mover gets each money module's money, in the order of {@link #modules} ({@link kz.kosh.policy.PolicyModule#paymentChance}). */
    private final double[] paymentChance;

    public LocationUtility(World world, Scenario s) {
        this(world, s, null);
    }

    /**
     * @param paymentChance the chance that a qualifying mover gets each module's money, in the order
     *                      of {@link #modulesOf} ({@link kz.kosh.policy.PolicyModule#paymentChance});
     *                      null: 1 for every module
     */
    public LocationUtility(World world, Scenario s, double[] paymentChance) {
        this(world, s, paymentChance, statusesOf(s));
    }

    /** The policy modules of a scenario, in module order (the order of {@code paymentChance}). */
    public static java.util.List<kz.kosh.policy.PolicyModule> modulesOf(Scenario s) {
        java.util.List<kz.kosh.policy.PolicyModule> modules = new java.util.ArrayList<>();
        for (kz.kosh.scenario.PolicySection m : s.policy().sections()) {
            if (m instanceof kz.kosh.policy.PolicyModule pm) {
                modules.add(pm);
            }
        }
        return modules;
    }

    /** Which statuses these parameters give agents ({@link kz.kosh.scenario.PolicyParams#statusInForce}). */
    public static boolean[] statusesOf(Scenario s) {
        boolean[] in = new boolean[kz.kosh.scenario.Statuses.count()];
        for (int o = 0; o < in.length; o++) {
            in[o] = s.policy().statusInForce(o);
        }
        return in;
    }

    /**
     * @param paymentChance the chance that a qualifying mover gets each module's money (null: 1 each)
     * @param statuses      which statuses agents can hold this year (rows of the others are not
     *                      filled); a run passes those in force in any year so far
     */
    public LocationUtility(World world, Scenario s, double[] paymentChance, boolean[] statuses) {
        this.world = world;
        this.d = s.decision();
        // the modules with a money term, each with its payment chance (modulesOf's order)
        java.util.List<kz.kosh.policy.PolicyModule> all = modulesOf(s);
        this.modules = new java.util.ArrayList<>();
        double[] chance = new double[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (hasMoneyTerm(all.get(k))) {
                chance[modules.size()] = paymentChance == null ? 1.0 : paymentChance[k];
                modules.add(all.get(k));
            }
        }
        this.paymentChance = java.util.Arrays.copyOf(chance, modules.size());
        this.incomeWeight = d.incomeWeight();
        for (int b = 0; b < incomeWeight.length; b++) {
            incomeWeight[b] *= d.incomeWeightScale();
        }
        this.livingStandardWeight = d.livingStandardWeight();
        this.careerWeight = d.careerWeight();
        int n = world.placeCount();
        realMonthlyIncome = new double[n];
        for (int j = 0; j < n; j++) {
            realMonthlyIncome[j] = world.wageKztPerMonth(j) * world.employmentProbability(j)
                    / (1.0 + d.localPriceShare() * (world.costOfLivingIndex(j) - 1.0));
        }
        amenity = new double[BAND_AGE.length * n];
        for (int b = 0; b < BAND_AGE.length; b++) {
            for (int j = 0; j < n; j++) {
                amenity[b * n + j] = amenityTerm(b, j);
            }
        }
        familyTerm = new double[n];
        if (world.russia() >= 0) {
            familyTerm[world.russia()] = familyTerm(world.familyEmigrationIndex(true), world.familyEmigrationIndex(false),
                    d.familyEmigrationElasticity());
        }
        distanceTerm = new double[n * n];
        for (int c = 0; c < n; c++) {
            for (int j = 0; j < n; j++) {
                distanceTerm[c * n + j] = d.distancePenalty() * Math.log1p(world.distanceKm(c, j) / 100.0);
            }
        }
        int types = kz.kosh.scenario.Statuses.count();
        statusInForce = statuses.clone();
        moneyAdjustment = new double[n * n * types * 2];
        annuity = new double[BAND_AGE.length];
        for (int b = 0; b < BAND_AGE.length; b++) {
            annuity[b] = annuityFactor(d.discountRatePerYear(), s.population().retirementAgeYears() - BAND_AGE[b]);
        }
        penalty = new double[types];
        breachUtilityCost = new double[types];
        for (int o = 1; o < types; o++) {
            penalty[o] = repaymentKzt(s, o) * enforcementProbability(s, o);
            breachUtilityCost[o] = breachUtilityCost(s, o) * enforcementProbability(s, o);
        }
        breaches = new boolean[types * n * n];
        for (int o = 1; o < types; o++) {
            kz.kosh.policy.ObligationProgramme prog = kz.kosh.policy.ObligationProgramme.of(s.policy(), o);
            for (int c = 0; c < n; c++) {
                for (int j = 0; j < n; j++) {
                    breaches[(o * n + c) * n + j] = prog != null && prog.breachedByMove(world, c, j);
                }
            }
        }
        oneTimeMoneyTerm = d.oneTimeMoneyWeight() == 0 ? null : new double[moneyAdjustment.length];
        // the money terms of the statuses in force (summing the modules' money for 34 × 34 places ×
        // 2 eligibilities is most of this constructor's work, done every simulated year)
        boolean[] filled = new boolean[types];
        for (int o = 0; o < types; o++) {
            if (statusInForce[o]) {
                fillMoney(o);
                filled[o] = true;
            }
        }
        moneyFilled = filled;
    }

    /** Fills the money terms of status o for every (c, j, e) (see {@link #moneyAdjustment}). */
    private void fillMoney(int o) {
        int n = world.placeCount();
        int types = statusInForce.length;
        for (int c = 0; c < n; c++) {
            for (int j = 0; j < n; j++) {
                double moving = movingCostKzt(c, j);
                for (int e = 0; e < 2; e++) {
                    int i = ((c * n + j) * types + o) * 2 + e;
                    moneyAdjustment[i] = -moving - (breaches[(o * n + c) * n + j] ? penalty[o] : 0.0)
                            + subsidyKzt(c, j, o, e == 1);
                    if (oneTimeMoneyTerm != null) {
                        oneTimeMoneyTerm[i] = oneTimeMoneyUtility(d.oneTimeMoneyWeight(), moneyAdjustment[i],
                                realMonthlyIncome[c], d.incomeFloorKzt());
                    }
                }
            }
        }
    }

    /** Makes sure status o's money terms are filled (a status not in force, asked for the first time). */
    private void ensureMoney(int o) {
        if (!moneyFilled[o]) {
            fillMoneyOnce(o);
        }
    }

    private synchronized void fillMoneyOnce(int o) {
        if (moneyFilled[o]) {
            return;
        }
        fillMoney(o);
        boolean[] filled = moneyFilled.clone();
        filled[o] = true;
        moneyFilled = filled;
    }

    /**
     * β_cash·m / max(12·y_c, floor): one-time money m (KZT, negative when paid) in years of the
     * current place's real income y_c (KZT a month), times its weight, utility.
     */
    public static double oneTimeMoneyUtility(double weight, double moneyKzt, double monthlyIncomeKzt, double floorKzt) {
        return weight * moneyKzt / Math.max(12.0 * monthlyIncomeKzt, floorKzt);
    }

    /**
     * Whether a module overrides {@link kz.kosh.policy.PolicyModule#moneyKzt} (the default adds
     * 0 KZT): the money terms are summed for 34 × 34 places × statuses × eligibility at every
     * rebuild of the utility (every simulated year), so the modules without one are left out of
     * the sum, which adding 0 would not change.
     */
    static boolean hasMoneyTerm(kz.kosh.policy.PolicyModule m) {
        return MONEY_TERM.get(m.getClass());
    }

    private static final ClassValue<Boolean> MONEY_TERM = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("moneyKzt", World.class, int.class, int.class, int.class, boolean.class)
                        .getDeclaringClass() != kz.kosh.policy.PolicyModule.class;
            } catch (NoSuchMethodException e) {
                return true;
            }
        }
    };

    /**
     * R_o: what breaking an obligation of type o costs when it is enforced, KZT (0 for none), as
     * the owning programme defines it ({@link kz.kosh.policy.ObligationProgramme#repaymentKzt}).
     */
    public static double repaymentKzt(Scenario s, int obligation) {
        kz.kosh.policy.ObligationProgramme o = kz.kosh.policy.ObligationProgramme.of(s.policy(), obligation);
        return o == null ? 0.0 : o.repaymentKzt(obligation, s);
    }

    /** π_o: probability that a breach of an obligation of type o is enforced (0 for none). */
    public static double enforcementProbability(Scenario s, int obligation) {
        kz.kosh.policy.ObligationProgramme o = kz.kosh.policy.ObligationProgramme.of(s.policy(), obligation);
        return o == null ? 0.0 : o.enforcementProbability();
    }

    /** c_o: non-money cost of an enforced breach of an obligation of type o, utility (0 for none). */
    static double breachUtilityCost(Scenario s, int obligation) {
        kz.kosh.policy.ObligationProgramme o = kz.kosh.policy.ObligationProgramme.of(s.policy(), obligation);
        return o == null ? 0.0 : o.breachUtilityCost();
    }

    /** A(T) = Σ_{t=0}^{T−1} (1+r)^−t; T when r = 0; 0 when T ≤ 0. */
    public static double annuityFactor(double ratePerYear, int years) {
        if (years <= 0) {
            return 0.0;
        }
        if (ratePerYear == 0) {
            return years;
        }
        double v = 1.0 / (1.0 + ratePerYear);
        return (1.0 - Math.pow(v, years)) / (1.0 - v);
    }

    /** y_j: real expected monthly income at j, KZT. */
    public double realMonthlyIncomeKzt(int j) {
        return realMonthlyIncome[j];
    }

    /** Whether a move from a to b crosses a border. */
    public boolean crossesBorder(int a, int b) {
        boolean aa = world.isAbroad(a);
        boolean ba = world.isAbroad(b);
        return aa != ba || (aa && a != b);
    }

    /** M_cj: one-time money cost of moving from c to j, KZT (0 when staying). */
    public double movingCostKzt(int c, int j) {
        if (c == j) {
            return 0.0;
        }
        return d.movingCostScale() * (d.movingCostFixedKzt() + d.movingCostPerKmKzt() * world.distanceKm(c, j)
                + (crossesBorder(c, j) ? d.internationalMovingCostKzt() : 0.0));
    }

    /** P_o: expected penalty of breaking an obligation of type o, KZT. */
    public double penaltyKzt(int obligation) {
        return penalty[obligation];
    }

    /**
     * R_cj + I_e,cj: what the policy modules add to the NPV of a move from c to j
     * ({@link kz.kosh.policy.PolicyModule#moneyKzt}: relocation subsidy, rural incentive, ...), KZT.
     */
    public double subsidyKzt(int c, int j, boolean eligible) {
        return subsidyKzt(c, j, kz.kosh.scenario.Statuses.NONE, eligible);
    }

    /** What the policy modules add to the NPV of a move from c to j for status o and eligibility e, KZT. */
    public double subsidyKzt(int c, int j, int obligation, boolean eligible) {
        double s = 0.0;
        for (int k = 0; k < modules.size(); k++) {
            s += modules.get(k).moneyKzt(world, c, j, obligation, eligible) * paymentChance[k];
        }
        return s;
    }

    /** The number of age bands of the tables (their representative ages: 21, 25, 32, 38). */
    public static int bandCount() {
        return BAND_AGE.length;
    }

    /**
     * The utility that the tables give a move from c to the agent's own home region h for the money
     * of the modules that do not pay a move home ({@link kz.kosh.policy.PolicyModule#paysMoveHome}:
     * the relocation subsidy), which the agent's bonuses take off again (the tables hold no home):
     * <pre>
     *   u_b,ch = s_inc·β_inc[b]·(ln max(NPV_b,ch, floor) − ln max(NPV_b,ch − m_ch, floor)) + β_cash·m_ch / max(12·y_c, floor)
     *   m_ch   = Σ_{modules not paying a move home} money_ch · chance
     * </pre>
     * with NPV at human capital 1 and no obligation (the log-income part is about 0.01 utility for a
     * 1 M KZT subsidy, the one-time part about 0.4 at β_cash 1.2: the human capital and obligation of
     * the log part are left out); 0 when c = h or no such money is paid for the move.
     */
    public double unpaidHomeMoneyUtility(int band, int c, int h) {
        if (c == h) {
            return 0.0;
        }
        double m = 0.0;
        for (int k = 0; k < modules.size(); k++) {
            if (!modules.get(k).paysMoveHome()) {
                m += modules.get(k).moneyKzt(world, c, h, kz.kosh.scenario.Statuses.NONE, false) * paymentChance[k];
            }
        }
        if (m == 0.0) {
            return 0.0;
        }
        double npv = npvKzt(band, 1.0, c, h, kz.kosh.scenario.Statuses.NONE, false);
        double u = incomeWeight[band] * (Math.log(Math.max(npv, d.incomeFloorKzt()))
                - Math.log(Math.max(npv - m, d.incomeFloorKzt())));
        if (oneTimeMoneyTerm != null) {
            u += oneTimeMoneyUtility(d.oneTimeMoneyWeight(), m, realMonthlyIncome[c], d.incomeFloorKzt());
        }
        return u;
    }

    /** Whether any module's money is not paid for a move home ({@link #unpaidHomeMoneyUtility} may be non-zero). */
    public boolean withholdsHomeMoney() {
        for (kz.kosh.policy.PolicyModule m : modules) {
            if (!m.paysMoveHome()) {
                return true;
            }
        }
        return false;
    }

    /** Whether agents can hold status o this year (rows of other statuses are not filled). */
    public boolean statusInForce(int obligation) {
        return statusInForce[obligation];
    }

    /**
     * The chance that a qualifying mover gets a module's money, which this utility was built with (1
     * for a module it does not hold: one without a money term, {@link #hasMoneyTerm}).
     */
    public double paymentChance(kz.kosh.policy.PolicyModule module) {
        int k = modules.indexOf(module);
        return k < 0 ? 1.0 : paymentChance[k];
    }

    /** NPV_j of the formula above, KZT. */
    public double npvKzt(int band, double h, int c, int j, int obligation, boolean eligible) {
        ensureMoney(obligation);
        int n = world.placeCount();
        return h * 12.0 * realMonthlyIncome[j] * annuity[band]
                + moneyAdjustment[((c * n + j) * statusInForce.length + obligation) * 2 + (eligible ? 1 : 0)];
    }

    /** V_j of the formula above, with {@code diasporaThousands[j]} the current diaspora stocks. */
    public double utility(int band, double h, int c, int j, int obligation, boolean eligible,
                          double[] diasporaThousands) {
        return utility(band, h, c, j, obligation, eligible, networkTerm(j, diasporaThousands[j]));
    }

    /**
     * The intervening obstacles of moving from c to j in utility units, as they enter V_j:
     * β_border·[country(j) ≠ country(c)] + β_dist·ln(1 + d_cj / 100 km) − β_stay·[j = c]. Adding
     * it back gives the push–pull comparison a survey respondent states ("would you move?").
     */
    public double obstacles(int c, int j) {
        return borderTerm(c, j) + distanceTerm[c * world.placeCount() + j] - (j == c ? d.stayBonus() : 0.0);
    }

    /**
     * β_border·[border crossed], times the return share ρ for a move from abroad back to
     * Kazakhstan: a citizen needs no visa to come home ([B22]: "even under equal conditions I
     * will return").
     */
    public double borderTerm(int c, int j) {
        return borderTerm(world, d, c, j);
    }

    /** {@link #borderTerm(int, int)} as a pure function of the world and the weights. */
    public static double borderTerm(World world, DecisionParams d, int c, int j) {
        boolean ca = world.isAbroad(c);
        boolean ja = world.isAbroad(j);
        if (ca == ja && (!ca || c == j)) {
            return 0.0;
        }
        return ca && !ja ? d.returnObstacleShare() * d.borderCrossingPenalty() : d.borderCrossingPenalty();
    }

    /** β_net·ln(1 + D_j) for a foreign place, 0 for a region. */
    public double networkTerm(int j, double diasporaThousands) {
        return world.isAbroad(j) ? d.networkWeight() * Math.log1p(diasporaThousands) : 0.0;
    }

    /** V_j with the network term β_net·ln(1 + D_j) given. */
    public double utility(int band, double h, int c, int j, int obligation, boolean eligible, double networkTerm) {
        double v = incomeWeight[band] * Math.log(Math.max(npvKzt(band, h, c, j, obligation, eligible),
                d.incomeFloorKzt()));
        v += amenity[band * world.placeCount() + j] + networkTerm;
        if (oneTimeMoneyTerm != null) {
            v += oneTimeMoneyTerm[((c * world.placeCount() + j) * statusInForce.length + obligation) * 2 + (eligible ? 1 : 0)];
        }
        if (j == c) {
            v += d.stayBonus();
        }
        v -= borderTerm(c, j);
        v -= distanceTerm[c * world.placeCount() + j];
        if (breaches[(obligation * world.placeCount() + c) * world.placeCount() + j]) {
            v -= breachUtilityCost[obligation];
        }
        if (!world.isAbroad(c)) {
            v += familyTerm[j];
        }
        return v;
    }

    /**
     * Russia's family-emigration term for a graduate living in Kazakhstan: ω·ln(F_RU / F_O). Graduates
     * follow the year's emigration to each destination ({@link kz.kosh.world.FamilyEmigration}):
     * V_j += ω·ln F_g(j)(t) at every foreign place, g(j) Russia or the rest. The part every foreign
     * place shares, ω·ln F_O, is a factor F_O^ω on the foreign nest per agent (kz.kosh.sim.Rules);
     * Russia's difference is this term in the tables, so that in all V_RU gets ω·ln F_RU. 0 when
     * ω = 0 or the two indices are equal (1 in the tables' own world).
     *
     * @param toRussia  F_RU(t), the index of the emigrants to Russia
     * @param elsewhere F_O(t), the index of the emigrants to every other country
     * @param omega     ω = decision.familyEmigrationElasticity
     */
    public static double familyTerm(double toRussia, double elsewhere, double omega) {
        return omega == 0.0 || toRussia == elsewhere ? 0.0 : omega * Math.log(toRussia / elsewhere);
    }

    /**
     * The place terms that depend only on the age band: β_live[b]·L_j + β_career[b]·C_j
     * + β_safe·S_j − β_corr·K_j + β_eco·E_j − β_lang·(1 − λ_j)·[j abroad].
     */
    private double amenityTerm(int band, int j) {
        double v = livingStandardWeight[band] * world.livingStandardIndex(j)
                + careerWeight[band] * world.careerIndex(j)
                + d.safetyWeight() * world.safetyIndex(j)
                - d.corruptionWeight() * world.corruptionIndex(j)
                + d.ecologyWeight() * world.ecologyIndex(j);
        if (world.isAbroad(j)) {
            v -= d.languageDistancePenalty() * (1.0 - world.languageProximity(j));
        }
        return v;
    }
}
