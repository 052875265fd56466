package dev.milepost.common;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Something gathered over one transaction and acted on as it ends: what a transaction changed,
 * told to others once, before its commit (in the transaction) or after it (once committed, never
 * for a rollback). The state is made on first use in a transaction, bound to it, and unbound when
 * it completes whatever the outcome; outside a transaction there is none ({@link #current} is
 * null) and the caller acts at once. One instance per kind of state, kept in a field: the instance
 * is its key.
 *
 * @param <T> the state, e.g. the projects changed so far
 */
public final class TransactionScoped<T> {

	/** What to do with the state as its transaction ends; both steps are optional. */
	public interface Completion<T> {

		/** In the transaction, after everything in it has been done, unless it is rolling back. */
		default void beforeCommit(T state, boolean readOnly) {
		}

		/**
		 * After the transaction, on its thread (a request's, often), its connection handed back;
		 * {@code committed} false for a rollback. Memory only, or a hand-over to a worker: nothing
		 * here may touch the database, which would take the thread a second connection or run
		 * outside the change it follows.
		 */
		default void afterCompletion(T state, boolean committed) {
		}

	}

	private final Supplier<T> create;

	private final Completion<T> completion;

	public TransactionScoped(Supplier<T> create, Completion<T> completion) {
		this.create = create;
		this.completion = completion;
	}

	/** This transaction's state, made now if this is its first use; null outside a transaction. */
	@SuppressWarnings("unchecked")
	public T current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		T state = (T) TransactionSynchronizationManager.getResource(this);
		if (state == null) {
			T made = create.get();
			TransactionSynchronizationManager.bindResource(this, made);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					completion.beforeCommit(made, readOnly);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScoped.this);
					completion.afterCompletion(made, status == STATUS_COMMITTED);
				}

			});
			state = made;
		}
		return state;
	}

	/** Whether the caller's transaction has state here already (without making any). */
	public boolean startedInThisTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.getResource(this) != null;
	}

}
