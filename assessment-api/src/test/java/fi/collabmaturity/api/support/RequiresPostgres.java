package fi.collabmaturity.api.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test that needs the real PostgreSQL server of {@link RealPostgres}: without one it is skipped, and the reason is
 * also written to standard error, so that a skip shows in the build log and is never silent.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    final class Condition implements ExecutionCondition {

        static final String REASON = "no PostgreSQL server for the tests: " + RealPostgres.URL
                + " is not set (bash .ci/run starts one; see docs/operations.md)";

        /** The test classes whose skip was already written, so each shows once however many methods it has. */
        private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (RealPostgres.available()) {
                return ConditionEvaluationResult.enabled("PostgreSQL server at " + System.getenv(RealPostgres.URL));
            }
            String testClass = context.getTestClass().map(Class::getName).orElse(context.getDisplayName());
            if (REPORTED.add(testClass)) {
                System.err.println("SKIPPED " + testClass + ": " + REASON);
            }
            return ConditionEvaluationResult.disabled(REASON);
        }
    }
}
