package io.mch.reports.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The one JSON mapping of run records and history lines: snake_case keys, lenient on reading, and
 * every text value written through {@link Redaction}, so no file mch writes keeps a credential that
 * an error message or a remote answer quoted.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("redaction").addSerializer(String.class, new RedactedText()))
            .build();

    private static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Pretty-printing mapper for files people read ({@code run.json}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One-line mapper for {@code history.jsonl}. */
    public static ObjectMapper compact() {
        return COMPACT;
    }

    /** Writes a text value with its credentials blanked. */
    private static final class RedactedText extends StdSerializer<String> {
        RedactedText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(Redaction.clean(value));
        }
    }
}
