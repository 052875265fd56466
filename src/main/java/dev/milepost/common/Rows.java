package dev.milepost.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Reads rows into records by column name, {@code project_id} or {@code projectId} alike, as
 * {@code JdbcClient} does when given the record class, but looking the names up once per result
 * in its metadata. Spring's {@code SimplePropertyRowMapper} asks the driver for the camel-case name first
 * and falls back to the snake-case one when that throws: an exception per camel-case component per
 * row, which H2 also writes with its stack trace to its trace file (tens of kilobytes per request).
 * Use {@code .query(Rows.of(SomeRecord.class))} for every record read. A mapper serves one query at
 * a time: make one per query, do not share one between threads.
 */
public final class Rows<T extends Record> implements RowMapper<T> {

	private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

	// what a record class needs for reading, worked out once per class: Rows.of runs for every query
	private static final ClassValue<Shape<?>> SHAPES = new ClassValue<>() {
		@Override
		protected Shape<?> computeValue(Class<?> type) {
			return Shape.of(type.asSubclass(Record.class));
		}
	};

	private final Constructor<T> constructor;

	private final String[] names;

	private final TypeDescriptor[] types;

	private ResultSet mapped;

	private int[] columns;

	private Rows(Shape<T> shape) {
		this.constructor = shape.constructor();
		this.names = shape.names();
		this.types = shape.types();
	}

	private record Shape<T extends Record>(Constructor<T> constructor, String[] names, TypeDescriptor[] types) {

		static <T extends Record> Shape<T> of(Class<T> type) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] parameterTypes = new Class<?>[components.length];
			String[] names = new String[components.length];
			for (int i = 0; i < components.length; i++) {
				parameterTypes[i] = components[i].getType();
				names[i] = normal(components[i].getName());
			}
			Constructor<T> constructor;
			try {
				constructor = type.getDeclaredConstructor(parameterTypes);
			}
			catch (NoSuchMethodException e) {
				throw new IllegalArgumentException(type + " has no canonical constructor", e);
			}
			TypeDescriptor[] types = new TypeDescriptor[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = new TypeDescriptor(MethodParameter.forExecutable(constructor, i));
			}
			return new Shape<>(constructor, names, types);
		}

	}

	@SuppressWarnings("unchecked")
	public static <T extends Record> Rows<T> of(Class<T> type) {
		return new Rows<>((Shape<T>) SHAPES.get(type));
	}

	@Override
	public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
		if (rs != mapped) {
			columns = columns(rs);
			mapped = rs;
		}
		Object[] args = new Object[names.length];
		for (int i = 0; i < names.length; i++) {
			Object value = JdbcUtils.getResultSetValue(rs, columns[i], types[i].getType());
			args[i] = CONVERSIONS.convert(value, types[i]);
		}
		return BeanUtils.instantiateClass(constructor, args);
	}

	private int[] columns(ResultSet rs) throws SQLException {
		ResultSetMetaData metaData = rs.getMetaData();
		Map<String, Integer> byName = new HashMap<>();
		for (int column = metaData.getColumnCount(); column >= 1; column--) {
			// the first of two columns with one name wins, as the driver's own lookup does
			byName.put(normal(JdbcUtils.lookupColumnName(metaData, column)), column);
		}
		int[] found = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			Integer column = byName.get(names[i]);
			if (column == null) {
				throw new SQLException("No column for " + constructor.getDeclaringClass().getSimpleName() + "."
						+ names[i] + " among " + byName.keySet());
			}
			found[i] = column;
		}
		return found;
	}

	/** {@code project_id}, {@code projectId} and {@code PROJECTID} are one name. */
	private static String normal(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}

}
