package fi.collabmaturity.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;

/**
 * Validates the export's documents against the official schemas shipped in test resources ({@code schemas/}):
 * JSON with networknt's json-schema-validator (draft-07, as the Frictionless profiles declare), XML with the JDK's
 * {@code javax.xml.validation}. Nothing is fetched from the network: a schema import of a remote location is
 * answered with the local copy of the same file name, or fails.
 */
final class SchemaValidation {

    private SchemaValidation() {
    }

    /** The errors of a JSON document against a JSON Schema in test resources (empty when valid). */
    static List<String> jsonErrors(String schemaResource, JsonNode document) {
        try (InputStream schemaText = resource(schemaResource).openStream()) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
            return schema.validate(document).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates an XML document against an XSD in test resources; throws with the first error. */
    static void validateXml(String xsdResource, byte[] document) throws SAXException, IOException {
        URL xsd = resource(xsdResource);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setResourceResolver(new LocalCopies(xsd));
        Validator validator = factory.newSchema(xsd).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    private static URL resource(String name) {
        URL url = SchemaValidation.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return url;
    }

    /** Resolves remote schema locations (e.g. the W3C's xml.xsd) to the file of that name beside the schema. */
    private record LocalCopies(URL base) implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                                       String baseUri) {
            if (systemId == null) {
                return null;
            }
            if (!(systemId.startsWith("http://") || systemId.startsWith("https://"))) {
                // a relative location: open it ourselves, so that no catalog (JDK 22+ ships one that maps the
                // XHTML namespace to the full W3C XHTML schemas) replaces the DDI bundle's own files
                try {
                    URL local = new URL(baseUri == null ? base : new URL(baseUri), systemId);
                    return new Input(publicId, local.toURI().toString(), local.openStream());
                } catch (IOException | URISyntaxException e) {
                    throw new IllegalStateException("cannot open " + systemId + " relative to " + baseUri, e);
                }
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            try {
                URL local = new URL(base, name);
                return new Input(publicId, local.toURI().toString(), local.openStream());
            } catch (IOException | URISyntaxException e) {
                // Newer JDKs follow W3C schema locations that the DDI bundle does not ship (e.g. the XHTML
                // datatypes module of http://www.w3.org/MarkUp/SCHEMA/); nothing in the DDI codebook uses their
                // types, so an empty schema of that namespace stands in, and nothing is fetched from the network.
                String stub = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
                        + (namespace == null ? "" : " targetNamespace=\"" + namespace + "\"") + "/>";
                return new Input(publicId, systemId, new java.io.ByteArrayInputStream(
                        stub.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
    }

    private record Input(String publicId, String systemId, InputStream stream) implements LSInput {
        public Reader getCharacterStream() { return null; }
        public void setCharacterStream(Reader r) { }
        public InputStream getByteStream() { return stream; }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return publicId; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
