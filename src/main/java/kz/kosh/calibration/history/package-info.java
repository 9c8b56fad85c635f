/**
 * History matching: emulators (Gaussian processes) of the model, implausibility, waves, coverage
 * of predictive intervals and their reports. May import {@code calibration} and the layers below.
 */
package kz.kosh.calibration.history;
