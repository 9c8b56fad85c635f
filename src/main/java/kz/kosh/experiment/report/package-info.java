/**
 * The report of an experiment: headline, key indicators, report.html and its charts, variance
 * split, intervals and formats. May import {@code experiment} and the layers below.
 */
package kz.kosh.experiment.report;
