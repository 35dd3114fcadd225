package fi.collabmaturity.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.shared.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem documents as JSON, written by a mapper set up as Spring Boot sets up the application's. */
class ProblemsTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    /** A member record as a controller would declare it: not public, a null kept as null. */
    record Members(String duplicateOf, Integer row) {
    }

    @Test
    void writesTheStandardMembersAndARecordsComponentsAsExtensionMembersInOrder() throws Exception {
        ResponseEntity<ProblemDetail> problem = Problems.problem(HttpStatus.CONFLICT, "duplicate-answer",
                "Already answered", "already answered", new Members("sa-1", null));

        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json.writeValueAsString(problem.getBody())).isEqualTo("{\"type\":\"urn:collab-maturity:problem:"
                + "duplicate-answer\",\"title\":\"Already answered\",\"status\":409,\"detail\":\"already answered\","
                + "\"duplicateOf\":\"sa-1\",\"row\":null}");
    }

    @Test
    void anInvalidInputProblemListsItsFields() throws Exception {
        ProblemDetail problem = Problems.invalid(List.of(new FieldError("waveId", "is required"))).getBody();

        assertThat(json.writeValueAsString(problem)).isEqualTo("{\"type\":\"urn:collab-maturity:problem:"
                + "invalid-input\",\"title\":\"Invalid input\",\"status\":400,\"detail\":\"waveId: is required\","
                + "\"errors\":[{\"field\":\"waveId\",\"message\":\"is required\"}]}");
    }

    @Test
    void aProblemWithoutMembersHasOnlyTheStandardOnesAndEachKindItsOwnType() throws Exception {
        ProblemDetail notFound = Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such study")
                .getBody();
        ProblemDetail again = Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such area", null)
                .getBody();
        ProblemDetail conflict = Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", "closed").getBody();

        assertThat(json.writeValueAsString(notFound)).isEqualTo("{\"type\":\"urn:collab-maturity:problem:not-found\","
                + "\"title\":\"Not found\",\"status\":404,\"detail\":\"no such study\"}");
        assertThat(again.getType()).isEqualTo(notFound.getType());
        assertThat(again.getProperties()).isNull();
        assertThat(conflict.getType()).hasToString("urn:collab-maturity:problem:conflict");
    }
}
