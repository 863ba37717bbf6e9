package org.ssaeinspector.app.viewmodel;

/** One point of the live loss chart. */
public record LossPoint(long step, double loss) {
}
