package fi.collabmaturity.testsupport;

import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Hamcrest matchers for the fixtures' {@code expect...Matching} methods, written as AssertJ assertions. */
public final class Expect {

    private Expect() {
    }

    /** An {@link InvalidInputException} naming exactly these fields (each as often as given), in any order. */
    public static Matcher<Object> invalidFields(String... fields) {
        return satisfying("an InvalidInputException naming " + List.of(fields), actual -> {
            assertThat(actual).isInstanceOf(InvalidInputException.class);
            List<String> named = ((InvalidInputException) actual).errors().stream().map(FieldError::field).toList();
            assertThat(named).containsExactlyInAnyOrder(fields);
        });
    }

    /** The published events' payloads, as one list, satisfy the assertions. */
    public static Matcher<List<EventMessage<?>>> payloads(Consumer<List<Object>> assertions) {
        return new AssertingMatcher<>("events whose payloads satisfy the assertions", item -> {
            List<?> messages = (List<?>) item;
            assertions.accept(messages.stream().map(m -> (Object) ((EventMessage<?>) m).getPayload()).toList());
        });
    }

    /** Exactly one event was published, of {@code type}, and it satisfies the assertions. */
    public static <T> Matcher<List<EventMessage<?>>> onlyEvent(Class<T> type, Consumer<T> assertions) {
        return payloads(events -> {
            assertThat(events).hasSize(1);
            assertThat(events.get(0)).isInstanceOf(type);
            assertions.accept(type.cast(events.get(0)));
        });
    }

    /** Any value that satisfies the assertions. */
    public static Matcher<Object> satisfying(String description, Consumer<Object> assertions) {
        return new AssertingMatcher<>(description, assertions);
    }

    private static final class AssertingMatcher<T> extends BaseMatcher<T> {

        private final String description;
        private final Consumer<Object> assertions;
        private String failure = "";

        AssertingMatcher(String description, Consumer<Object> assertions) {
            this.description = description;
            this.assertions = assertions;
        }

        @Override
        public boolean matches(Object actual) {
            try {
                assertions.accept(actual);
                return true;
            } catch (AssertionError e) {
                failure = e.getMessage();
                return false;
            }
        }

        @Override
        public void describeTo(Description d) {
            d.appendText(description);
            if (!failure.isEmpty()) {
                d.appendText(" (").appendText(failure).appendText(")");
            }
        }
    }
}
