/**
 * Policy search: which policy fields may change from which year, objectives and limits over the
 * policy period, the search over programme mixes and its Pareto front report. May import
 * {@code experiment} (and its report and hindcast) and the layers below; beside {@code calibration}.
 */
package kz.kosh.search;
