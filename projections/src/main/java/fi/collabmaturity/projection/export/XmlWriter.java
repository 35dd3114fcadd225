package fi.collabmaturity.projection.export;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A small indenting XML writer over StAX: the same calls always give the same bytes (UTF-8, {@code \n} line ends,
 * two-space indentation), and text that XML 1.0 cannot carry (control characters) is left out instead of making the
 * document unreadable.
 */
final class XmlWriter {

    private final Writer out;
    private final XMLStreamWriter xml;
    private int depth;
    private boolean hasChildren;

    XmlWriter(OutputStream target) throws IOException {
        this.out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Opens the root element in its namespace (the default namespace of the document). */
    XmlWriter root(String name, String namespace) throws IOException {
        try {
            xml.writeCharacters("\n");
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
            depth = 1;
            hasChildren = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    XmlWriter start(String name) throws IOException {
        try {
            newLine();
            xml.writeStartElement(name);
            depth++;
            hasChildren = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** An element without content, {@code <name .../>}; attributes may follow. */
    XmlWriter empty(String name) throws IOException {
        try {
            newLine();
            xml.writeEmptyElement(name);
            hasChildren = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    XmlWriter attribute(String name, String value) throws IOException {
        if (value == null) {
            return this;
        }
        try {
            xml.writeAttribute(name, clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    XmlWriter namespace(String prefix, String uri) throws IOException {
        try {
            xml.writeNamespace(prefix, uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    XmlWriter attribute(String prefix, String namespace, String name, String value) throws IOException {
        try {
            xml.writeAttribute(prefix, namespace, name, clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    XmlWriter lang(String language) throws IOException {
        return attribute("xml", XMLConstants.XML_NS_URI, "lang", language);
    }

    /** Text content of the element just opened. */
    XmlWriter text(String value) throws IOException {
        try {
            xml.writeCharacters(clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    XmlWriter end() throws IOException {
        try {
            depth--;
            if (hasChildren) {
                newLine();
            }
            xml.writeEndElement();
            hasChildren = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** An element with only text: {@code <name>text</name>}. */
    XmlWriter element(String name, String text) throws IOException {
        return start(name).text(text).leaf();
    }

    /** An element with a language and only text. */
    XmlWriter element(String name, String language, String text) throws IOException {
        return start(name).lang(language).text(text).leaf();
    }

    /** Closes an element that has no child elements, on the same line. */
    XmlWriter leaf() throws IOException {
        hasChildren = false;
        return end();
    }

    void finish() throws IOException {
        try {
            while (depth > 0) {
                end();
            }
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Leaves out the characters XML 1.0 does not allow (all controls but tab, line feed and carriage return). */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(XmlWriter::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
