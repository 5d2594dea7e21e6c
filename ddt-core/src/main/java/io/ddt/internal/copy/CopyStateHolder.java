package io.ddt.internal.copy;

import java.util.function.UnaryOperator;

import io.ddt.spi.CollectionCopyState;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyState;
import io.ddt.spi.RangeState;

/**
 * The copy's state, changed by many workers: each change is applied under a lock and the new
 * state handed to the listener in the order the changes were made, so a checkpoint never goes
 * backwards.
 */
final class CopyStateHolder {

    private final CopyListener listener;
    private CopyState state;

    CopyStateHolder(CopyState initial, CopyListener listener) {
        this.state = initial;
        this.listener = listener;
    }

    synchronized CopyState get() {
        return state;
    }

    synchronized CollectionCopyState collection(String namespace) {
        return state.collection(namespace);
    }

    synchronized void update(String namespace, UnaryOperator<CollectionCopyState> change) {
        CollectionCopyState current = state.collection(namespace);
        state = state.with(change.apply(current == null ? CollectionCopyState.planned(namespace) : current));
        listener.stateChanged(state);
    }

    void range(String namespace, RangeState range) {
        update(namespace, collection -> collection.with(range));
    }
}
