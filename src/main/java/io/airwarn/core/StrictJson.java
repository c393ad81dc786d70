package io.airwarn.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.BiFunction;

/**
 * JSON bodies are read strictly: a boolean is {@code true} or {@code false}, a string is a string (never a number or
 * a boolean), a date is ISO-8601 text within 1900..2100, a key appears once, nothing follows the value, and text
 * carries no control characters. A lenient reading turned {@code "exercise": " "} into a real activation.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these deserializers win over the date-time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // A boolean only from true/false, a number only from a number (a whole one for whole numbers), an enum only
        // from its name; strings and dates have deserializers of their own below.
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.EmptyString, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.EmptyString, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
        SimpleModule module = new SimpleModule("airwarn-strict");
        module.addDeserializer(String.class, new TextDeserializer());
        module.addDeserializer(LocalDate.class, new DateDeserializer<>(LocalDate.class, SaneDates::date));
        module.addDeserializer(LocalDateTime.class, new DateDeserializer<>(LocalDateTime.class, SaneDates::dateTime));
        module.addDeserializer(OffsetDateTime.class,
                new DateDeserializer<>(OffsetDateTime.class, SaneDates::offsetDateTime));
        // Every time in JSON as people in Jilin read it: Beijing time, its offset and whole seconds.
        module.addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(BeijingTime.withOffset(value));
            }
        });
        mapper.registerModule(module);
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    private static final class TextDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = FreeText.problem(text, FreeText.MAX_FIELD);
            if (problem != null) {
                return (String) ctxt.handleWeirdStringValue(String.class,
                        text.length() > 40 ? text.substring(0, 40) + "…" : text, "text is " + problem);
            }
            return text;
        }
    }

    private static final class DateDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final BiFunction<String, String, T> parse;

        DateDeserializer(Class<T> type, BiFunction<String, String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            try {
                return parse.apply(p.currentName() == null ? "date" : p.currentName(), p.getText());
            } catch (ApiException e) {
                return type.cast(ctxt.handleWeirdStringValue(type, p.getText(), e.getMessage()));
            }
        }
    }
}
