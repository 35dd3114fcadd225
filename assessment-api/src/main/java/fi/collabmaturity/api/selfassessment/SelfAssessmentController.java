package fi.collabmaturity.api.selfassessment;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.selfassessment.SubmitSelfAssessment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Self-assessments: one respondent's positions on the continuum for one area in one wave. */
@RestController
@RequestMapping("/api/v1/studies/{studyId}/self-assessments")
public class SelfAssessmentController {

    private final CommandGateway commands;
    private final StudyAccess access;
    private final ReadYourWrites consistency;

    public SelfAssessmentController(CommandGateway commands, StudyAccess access, ReadYourWrites consistency) {
        this.commands = commands;
        this.access = access;
        this.consistency = consistency;
    }

    public record NewSelfAssessment(String id, String areaId, String waveId, Participant respondent,
                                    Map<String, BigDecimal> answers, Map<String, String> comments) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> submit(@PathVariable String studyId,
                                                      @RequestBody NewSelfAssessment body) {
        access.write(studyId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new SubmitSelfAssessment(id, studyId, body.areaId(), body.waveId(), body.respondent(),
                body.answers(), body.comments()));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("areaId", body.areaId());
        created.put("waveId", body.waveId());
        created.put("answers", body.answers());
        return Responses.created("/api/v1/studies/" + studyId + "/self-assessments/" + id, consistency.afterWrite(),
                created);
    }
}
