package dev.milepost.schedule.realdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The few DOM steps the XML readers need, over the JDK's parser with DTDs and external entities off. */
final class Xml {

	private Xml() {
	}

	static Element root(Path file) throws IOException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IOException(file + " is not readable XML: " + ex.getMessage(), ex);
		}
	}

	/** The first child element of that name, or null. */
	static Element child(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The child elements of that name, none if the parent is null. */
	static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getTagName())) {
				found.add(element);
			}
		}
		return found;
	}

	/** The trimmed text of the first child element of that name, or {@code absent}. */
	static String text(Element parent, String name, String absent) {
		Element element = child(parent, name);
		return element == null ? absent : element.getTextContent().trim();
	}

}
