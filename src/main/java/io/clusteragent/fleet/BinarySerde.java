package io.clusteragent.fleet;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The analyzer's internal records (repartition keys and values, window store contents) in a compact binary form: a
 * format version byte, then the fields in a fixed order. Internal topics are read by the analyzer alone, so they
 * need neither field names nor JSON. The version byte makes a record of another layout (such as the JSON an earlier
 * analyzer wrote) fail with a message naming the remedy instead of being misread.
 */
final class BinarySerde<T> implements Serde<T> {

    /** The layout every internal record is written in; a change of layout takes the next value. */
    static final byte VERSION = 1;

    interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private final String what;
    private final Writer<T> writer;
    private final Reader<T> reader;

    BinarySerde(String what, Writer<T> writer, Reader<T> reader) {
        this.what = what;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private byte[] write(T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    private T read(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new SerializationException("not a " + what + " of internal format " + VERSION
                    + ": internal topics written by another analyzer version need a new FLEET_APPLICATION_ID"
                    + " or an application reset");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a " + what + ": " + e.getMessage(), e);
        }
    }

    /** A string that may be null: a presence byte, then modified UTF-8. */
    static void writeNullable(String value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
