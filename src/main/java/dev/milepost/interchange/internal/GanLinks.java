package dev.milepost.interchange.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.plan.LinkType;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The links of a GanttProject file, read from its XML (through {@link SafeXml}) because MPXJ 13
 * misreads them (3 of the 17 links of GanttProject's own house-building sample). A {@code <depend>}
 * sits inside its predecessor's {@code <task>} and names the successor by {@code id}; its
 * {@code type} is 1 = SS, 2 = FS, 3 = FF, 4 = SF (GanttProject's {@code ConstraintType}, ordinal + 1),
 * {@code difference} the lag in days, {@code hardness} Strong or Rubber.
 */
final class GanLinks {

	private GanLinks() {
	}

	/** One link by GanttProject task ids; {@code type} is null for a type number GanttProject does not write. */
	record GanLink(int predecessor, int successor, LinkType type, String typeText, int lagDays, boolean rubber) {
	}

	record Read(List<GanLink> links, Map<Integer, String> names) {
	}

	static Read read(byte[] bytes) {
		List<GanLink> links = new ArrayList<>();
		Map<Integer, String> names = new HashMap<>();
		SafeXml.read(bytes, new DefaultHandler() {

			final Deque<Integer> tasks = new ArrayDeque<>();

			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes) {
				String name = localName.isEmpty() ? qName : localName;
				if (name.equals("task")) {
					Integer id = number(attributes.getValue("id"));
					tasks.push(id == null ? Integer.MIN_VALUE : id);
					if (id != null) {
						names.put(id, attributes.getValue("name"));
					}
				}
				else if (name.equals("depend") && !tasks.isEmpty() && tasks.peek() != Integer.MIN_VALUE) {
					Integer successor = number(attributes.getValue("id"));
					Integer type = number(attributes.getValue("type"));
					Integer difference = number(attributes.getValue("difference"));
					if (successor != null) {
						links.add(new GanLink(tasks.peek(), successor, typeOf(type),
								String.valueOf(attributes.getValue("type")), difference == null ? 0 : difference,
								"Rubber".equalsIgnoreCase(attributes.getValue("hardness"))));
					}
				}
			}

			@Override
			public void endElement(String uri, String localName, String qName) {
				String name = localName.isEmpty() ? qName : localName;
				if (name.equals("task") && !tasks.isEmpty()) {
					tasks.pop();
				}
			}

		});
		return new Read(links, names);
	}

	private static LinkType typeOf(Integer type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case 1 -> LinkType.SS;
			case 2 -> LinkType.FS;
			case 3 -> LinkType.FF;
			case 4 -> LinkType.SF;
			default -> null;
		};
	}

	private static Integer number(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
