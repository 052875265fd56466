package dev.milepost.bench.automation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Flowable's service task: the same condition and the same outbox rows as Milepost's path, on the
 * engine's own connection, so they commit with the process instance in one transaction.
 */
public class NotifyDelegate implements JavaDelegate {

	static volatile Work work;

	@Override
	@SuppressWarnings("unchecked")
	public void execute(DelegateExecution execution) {
		Map<String, Object> variables = (Map<String, Object>) execution.getTransientVariable("event");
		Connection connection = Context.getCommandContext().getSession(DbSqlSession.class).getSqlSession()
			.getConnection();
		try {
			execution.setTransientVariable("notified", work.handle(connection, variables));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
