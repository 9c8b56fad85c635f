/**
 * {@code kosh dose-response}: the response of indicators to graded doses of a policy lever
 * (money and obligations), each dose a scenario paired with the reference (common random
 * numbers), over the baseline's posterior by default. May import {@code experiment},
 * {@code experiment.report} and the layers below.
 */
package kz.kosh.experiment.dose;
