package fi.collabmaturity.api.storage.readmodel;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * The MVStore value type of the embedded store's documents: BSON, the MongoDB wire format the documents arrive
 * and leave in, behind a tag byte that H2's own object format does not use. H2's default type writes a document
 * with Java serialization, class descriptions included, every time a page is written: a sixth of a replay's CPU
 * went into writing pages and as much into reading them back.
 *
 * <p>Values written by H2's type (a store from an earlier version, or a document BSON cannot hold) are read and
 * written by it as before, so one map can hold both. BSON keeps everything a MongoDB client can see of a document:
 * it is the encoding this server answers queries with. (So dates are kept to the millisecond, as BSON and MongoDB
 * keep them; only dates made by the server itself, such as {@code $currentDate}, which this application does not
 * use, had finer digits before.)
 */
final class DocumentValueType extends BasicDataType<Document> {

    /** Not a tag of H2's {@link ObjectDataType} (its tags are 0-19, 32-49 and 64-119). */
    static final byte BSON = 127;
    private static final int MAX_BSON = 16 << 20;
    /** Per map, like H2's own: it keeps state between calls. */
    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            legacy.write(buffer, document);
            return;
        }
        if (bson.readableBytes() > MAX_BSON) { // the decoder refuses more; H2's format has no limit
            legacy.write(buffer, document);
            return;
        }
        buffer.put(BSON);
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get(); // the tag
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    /** An estimate for H2's page cache and page splits, without encoding the document. */
    @Override
    public int getMemory(Document document) {
        return 64 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + 2 * entry.getKey().toString().length() + estimate(entry.getValue());
            }
            return size;
        } else if (value instanceof Collection<?> values) {
            int size = 32;
            for (Object v : values) {
                size += 8 + estimate(v);
            }
            return size;
        } else if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
