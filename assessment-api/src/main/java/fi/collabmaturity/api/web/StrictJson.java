package fi.collabmaturity.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.temporal.Temporal;

/**
 * The API reads JSON exactly as it is written, or refuses it: what a researcher sends is what is recorded. Jackson's
 * defaults quietly change input ({@code "stage": 2.5} becomes 2, {@code "2"} becomes 2, {@code -1} becomes
 * {@code true} or 1969-12-31, {@code 7} becomes {@code "7"}, a repeated key keeps its last value, text after the
 * document is ignored); here each of these fails, and {@link Problems} answers 400 naming the field.
 *
 * <p>This configures the application's (Spring MVC's) ObjectMapper only. The event log, the backup file and the
 * personal-data sealer have mappers of their own, which stay as they are: stored events must remain readable.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    // Numbers and booleans are not text: an id or a name sent as 7 or true is a mistake.
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    // Not left to ALLOW_COERCION_OF_SCALARS alone: 0/1 for false/true is refused outright.
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    // Dates exactly as ISO text: leniently, the java.time readers take a bare number as days or
                    // seconds since 1970 and cut "2023-09-01T10:00:00" down to a date (lists: see datesOnlyAsText).
                    mapper.setDefaultLeniency(false);
                });
    }

    /**
     * The java.time readers also take a list, {@code [2023, 9, 1]} or even {@code []} (read as no date at all),
     * whatever their leniency: dates and times are read from text only.
     */
    @Bean
    Module datesOnlyAsText() {
        return new SimpleModule("dates-only-as-text").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new TextOnly(deserializer) : deserializer;
            }
        });
    }

    /** Refuses any token but a string before the wrapped reader sees it; null stays null. */
    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> reader) {
            super(reader);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
            return new TextOnly(reader);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, context);
        }
    }
}
