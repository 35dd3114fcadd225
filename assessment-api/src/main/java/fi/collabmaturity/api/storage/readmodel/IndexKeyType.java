package fi.collabmaturity.api.storage.readmodel;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The MVStore key type of the embedded store's unique indexes: a key (mongo-java-server's {@link KeyValue}, the
 * normalized values of the indexed fields) compared value by value. H2's default type compares objects that are
 * not {@link Comparable}, like {@code KeyValue}, by Java-serializing both on every comparison: a third of the
 * store's time in a replay went into the binary searches of the {@code _id} indexes.
 *
 * <p>Two keys compare as equal exactly when their values are equal (what the index's uniqueness means); the order
 * itself only has to be total and stable, since these indexes are read by key or in full, never by range. Values
 * of the common types (null, string, double, long, boolean, UUID) are compared directly; documents and arrays
 * field by field (documents in their field order, as MongoDB and {@code Document.equals} compare them); any other
 * value the way H2 compared it before (its own order for its known types, {@code compareTo}, or the serialized
 * bytes, which for such rare key types inherits H2's limits). Each value is written in H2's own format for objects.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private static final int NULL = 0;
    private static final int DOUBLE = 1;
    private static final int LONG = 2;
    private static final int STRING = 3;
    private static final int BOOLEAN = 4;
    private static final int UUID_VALUE = 5;
    private static final int DOCUMENT = 6;
    private static final int LIST = 7;
    private static final int OTHER = 8;

    /** H2's type for single values; it keeps per-instance state, hence one per key type (one per index map). */
    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        return compareInOrder(a.size(), a::get, b.size(), b::get);
    }

    private int compareValues(Object a, Object b) {
        int kind = kind(a);
        int other = kind(b);
        if (kind != other) {
            return Integer.compare(kind, other);
        }
        return switch (kind) {
            case NULL -> 0;
            case DOUBLE -> Double.compare((Double) a, (Double) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case STRING -> ((String) a).compareTo((String) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case UUID_VALUE -> ((UUID) a).compareTo((UUID) b);
            case DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case LIST -> compareInOrder(((List<?>) a).size(), ((List<?>) a)::get, ((List<?>) b).size(),
                    ((List<?>) b)::get);
            default -> {
                int byClass = a.getClass().getName().compareTo(b.getClass().getName());
                yield byClass != 0 ? byClass : values.compare(a, b);
            }
        };
    }

    /** Documents field by field in their order: 0 exactly when equal (field order counts, as in MongoDB). */
    private int compareDocuments(Document a, Document b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        Iterator<Map.Entry<String, Object>> other = b.entrySet().iterator();
        for (Map.Entry<String, Object> field : a.entrySet()) {
            Map.Entry<String, Object> otherField = other.next();
            int c = field.getKey().compareTo(otherField.getKey());
            if (c == 0) {
                c = compareValues(field.getValue(), otherField.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Value by value, then the shorter first: keys, and arrays within them. */
    private int compareInOrder(int sizeA, IntFunction<Object> a, int sizeB, IntFunction<Object> b) {
        for (int i = 0; i < Math.min(sizeA, sizeB); i++) {
            int c = compareValues(a.apply(i), b.apply(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(sizeA, sizeB);
    }

    private static int kind(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof UUID) {
            return UUID_VALUE;
        } else if (value instanceof Document) {
            return DOCUMENT;
        } else if (value instanceof List<?>) {
            return LIST;
        }
        return OTHER;
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value == null ? 8 : values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            values.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            read.add(values.read(buffer));
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
