/**
 * The hindcast: the model against observed yearly series with CIs, MAPE and charts. May import
 * {@code experiment}, {@code experiment.report} and the layers below.
 */
package kz.kosh.experiment.hindcast;
