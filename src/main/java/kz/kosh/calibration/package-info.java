/**
 * Calibration and validation: observed targets, CMA-ES fitting of the free weights with a
 * resumable cache, parameter ensembles, sensitivity indices (Morris, Sobol), pattern-oriented
 * validation, study constants; their commands and documents. May import {@code experiment} (and
 * its report and hindcast) and the layers below, never {@code cli}.
 */
package kz.kosh.calibration;
