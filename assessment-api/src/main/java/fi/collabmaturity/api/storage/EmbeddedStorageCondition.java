package fi.collabmaturity.api.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no MongoDB URI is configured: the embedded default. */
public class EmbeddedStorageCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("assessment.storage.mongo-uri");
        return uri == null || uri.isBlank();
    }

    /** The opposite: a MongoDB URI is configured. */
    public static class Mongo implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new EmbeddedStorageCondition().matches(context, metadata);
        }
    }
}
