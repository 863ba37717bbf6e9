package org.ssaeinspector.app.task;

/** A piece of background work; it reports through its context and checks it for cancellation. */
@FunctionalInterface
public interface Work<T> {
    T run(WorkContext context) throws Exception;
}
