/**
 * The MASON GUI: the console, the map of regions and destinations with flow arcs, charts,
 * editable parameters, agent following; PNG maps without a display. May import {@code output}
 * and the layers below; nothing in the model imports it.
 */
package kz.kosh.gui;
