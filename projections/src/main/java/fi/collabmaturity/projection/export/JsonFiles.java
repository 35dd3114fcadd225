package fi.collabmaturity.projection.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The JSON files of the export, pretty-printed with {@code \n} line ends whatever the platform (Jackson's default
 * indenter uses the system's line separator) and fields in the order they were added.
 */
final class JsonFiles {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(INDENTER).withArrayIndenter(INDENTER));

    private JsonFiles() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void write(JsonNode node, OutputStream out) throws IOException {
        WRITER.writeValue(out, node);
        out.write("\n".getBytes(StandardCharsets.UTF_8));
    }
}
