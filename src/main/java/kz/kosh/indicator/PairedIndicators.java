package kz.kosh.indicator;

import java.util.List;

import static kz.kosh.indicator.Indicator.KZT;
import static kz.kosh.indicator.Indicator.KZT_PER_GRADUATE;
import static kz.kosh.indicator.Indicator.SHARE;
import static kz.kosh.indicator.Indicator.national;

/**
 * Indicators of a paired comparison against a reference (replication r of both with the same seed
 * and agents: common random numbers keyed by agent): not written to indicators.csv by a run, but
 * by {@code kosh search} in front.csv, one value per point over the policy period with a 95%
 * interval over replications (kz.kosh.search.Deadweight, docs/policy-search.md). Notation: in
 * replication r, ΔS = the period total of `programme_spending_kzt` minus the reference's, ΔG =
 * `graduates_in_kz` in the last year minus the reference's, P(a) = the public payments to agent a
 * in the policy period (KZT, persons = agents / scale), abroad_ref(a) = a lived abroad at the end
 * of the reference run (or when it passed the decision age).
 */
public final class PairedIndicators {
    private PairedIndicators() {
    }

    private static final String PAIRED = " Paired with the reference, written to `kosh search`'s front.csv (not indicators.csv).";

    public static final Indicator COST_PER_ADDITIONAL_GRADUATE_RETAINED_KZT = national(
            "cost_per_additional_graduate_retained_kzt", KZT_PER_GRADUATE,
            "mean ΔS / mean ΔG: the extra net programme spending over the policy period per additional graduate living "
                    + "in Kazakhstan in its last year, deadweight included; 95% interval by the delta method, NA when the "
                    + "interval of ΔG includes 0." + PAIRED);
    public static final Indicator DEADWEIGHT_KZT = Indicator.stock("deadweight_kzt", KZT,
            "**deadweight**: the extra payments of the policy period to graduates who would have stayed anyway, "
                    + "Σ_a [not abroad_ref(a)] · max(0, P(a) − P_ref(a)), agent by agent (the same agent id in both runs), "
                    + "KZT over the period; mean over replications with a Student-t interval." + PAIRED);
    public static final Indicator DEADWEIGHT_SHARE = national("deadweight_share", SHARE,
            "`deadweight_kzt` / the extra payments Σ_a max(0, P(a) − P_ref(a)): the share of the extra money that went "
                    + "to graduates who were in Kazakhstan at the end of the reference run anyway (ratio of means, "
                    + "delta-method interval; NA without extra payments)." + PAIRED);
    public static final Indicator COST_PER_ADDITIONAL_GRADUATE_RETAINED_NET_KZT = national(
            "cost_per_additional_graduate_retained_net_kzt", KZT_PER_GRADUATE,
            "mean (ΔS − `deadweight_kzt`) / mean ΔG: the cost per additional graduate retained net of the payments to "
                    + "graduates who would have stayed anyway (the part of the extra spending that reached graduates whose "
                    + "choice it could change); `cost_per_additional_graduate_retained_kzt` minus it is the deadweight per "
                    + "additional graduate. Delta-method interval, NA when the interval of ΔG includes 0." + PAIRED);

    /** Every paired indicator, in the order front.csv writes them. */
    public static final List<Indicator> ALL = List.of(COST_PER_ADDITIONAL_GRADUATE_RETAINED_KZT, DEADWEIGHT_KZT,
            DEADWEIGHT_SHARE, COST_PER_ADDITIONAL_GRADUATE_RETAINED_NET_KZT);
}
