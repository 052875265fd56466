package dev.milepost.interchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import dev.milepost.interchange.internal.ImportRefusals.UnreadableFile;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads uploaded XML with a parser that refuses any document type declaration, and so every
 * entity, internal or external: no file of the formats Milepost imports needs one, and they are
 * how a file makes a parser read other files or expand a few bytes into gigabytes. Every XML
 * upload passes through here whole before another reader (MPXJ) sees it.
 */
final class SafeXml {

	private static final SAXParserFactory FACTORY = factory();

	private SafeXml() {
	}

	/** The root element's local name and whether it has an attribute, read from the start of the file. */
	record Root(String name, Attributes attributes) {

		boolean hasAttribute(String name) {
			return attributes.getIndex(name) >= 0;
		}

	}

	static Root root(byte[] bytes) {
		final class Found extends SAXException {

			final transient Root root;

			Found(Root root) {
				this.root = root;
			}

		}
		try {
			parse(bytes, new DefaultHandler() {

				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes)
						throws SAXException {
					throw new Found(new Root(localName.isEmpty() ? qName : localName,
							new org.xml.sax.helpers.AttributesImpl(attributes)));
				}

			});
		}
		catch (Found found) {
			return found.root;
		}
		catch (SAXException e) {
			throw refusal(e);
		}
		throw new UnreadableFile("The file is XML without any element.");
	}

	/** Reads the whole document; refuses (422, naming the line) one that is not well-formed or declares a DOCTYPE. */
	static void check(byte[] bytes) {
		read(bytes, new DefaultHandler());
	}

	static void read(byte[] bytes, DefaultHandler handler) {
		try {
			parse(bytes, handler);
		}
		catch (SAXException e) {
			throw refusal(e);
		}
	}

	private static void parse(byte[] bytes, DefaultHandler handler) throws SAXException {
		try {
			SAXParser parser = FACTORY.newSAXParser();
			parser.parse(new ByteArrayInputStream(bytes), handler);
		}
		catch (ParserConfigurationException | IOException e) {
			throw new SAXException(e.getMessage(), e);
		}
	}

	private static UnreadableFile refusal(SAXException e) {
		String message = String.valueOf(e.getMessage());
		if (message.contains("DOCTYPE")) {
			return new UnreadableFile("The file declares a document type (<!DOCTYPE …>). Milepost reads no document "
					+ "types or entities in uploaded files, which can make a reader fetch other files or expand "
					+ "without end; save the plan again from its tool, which writes none.");
		}
		String where = e instanceof SAXParseException at ? " at line " + at.getLineNumber() + ", column "
				+ at.getColumnNumber() : "";
		return new UnreadableFile("The file is not well-formed XML" + where + ": " + message);
	}

	private static SAXParserFactory factory() {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setXIncludeAware(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			return factory;
		}
		catch (ParserConfigurationException | SAXException e) {
			throw new IllegalStateException("The XML parser cannot be hardened against entities", e);
		}
	}

}
