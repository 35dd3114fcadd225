package fi.collabmaturity.api.area;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ETags;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.area.AssessBuildingBlocks;
import fi.collabmaturity.area.BuildingBlocks;
import fi.collabmaturity.area.Party;
import fi.collabmaturity.area.RecordAgreement;
import fi.collabmaturity.area.RecordForum;
import fi.collabmaturity.area.RecordNegotiation;
import fi.collabmaturity.area.RegisterArea;
import fi.collabmaturity.area.SetTargetProfile;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.shared.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Collaboration areas and their structural evidence. */
@RestController
@RequestMapping("/api/v1/studies/{studyId}/areas")
public class AreaController {

    private final CommandGateway commands;
    private final StudyAccess access;
    private final StudyDirectory directory;
    private final StudiesQueries queries;
    private final ReadYourWrites consistency;

    public AreaController(CommandGateway commands, StudyAccess access, StudyDirectory directory,
                          StudiesQueries queries, ReadYourWrites consistency) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.queries = queries;
        this.consistency = consistency;
    }

    public record NewArea(String id, String name, String regionCode, String interfaceTheme, List<Party> parties,
                          Map<String, Integer> targetProfile) {
    }

    /** A target and, optionally, the wave it applies from (default: the study's latest) and why this mix. */
    public record TargetProfile(Map<String, Integer> targetProfile, String waveId, String rationale) {
    }

    public record NewAgreement(String id, String kind, String status, List<Party> parties,
                               Boolean regionalCouncilParty, LocalDate decidedOn) {
    }

    public record NewNegotiation(String id, String kind, LocalDate heldOn, String model, List<Party> participants) {
    }

    public record NewForum(String id, String name, String level, LocalDate since) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> register(@PathVariable String studyId, @RequestBody NewArea body) {
        access.write(studyId);
        commands.sendAndWait(new RegisterArea(studyId, body.id(), body.name(), body.regionCode(),
                body.interfaceTheme(), body.parties(), body.targetProfile()));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", body.id());
        created.put("studyId", studyId);
        created.put("name", body.name());
        created.put("regionCode", body.regionCode());
        created.put("interfaceTheme", body.interfaceTheme());
        created.put("parties", body.parties() == null ? List.of() : body.parties());
        return Responses.created(areaPath(studyId, body.id()), consistency.afterWrite(), created);
    }

    @GetMapping
    public Map<String, Object> list(@PathVariable String studyId, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        access.read(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        StudiesQueries.Page result = queries.areas(studyId, paging.page(), paging.size());
        return Responses.page(result.content(), result.page(), result.size(), result.totalElements());
    }

    @GetMapping("/{areaId}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String studyId, @PathVariable String areaId,
                                                   @RequestParam(required = false) Long minPosition) {
        access.read(studyId);
        requireArea(studyId, areaId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        Map<String, Object> area = queries.area(studyId, areaId)
                .orElseThrow(() -> new NotFoundException("area " + areaId + " is not yet readable; retry"));
        return ResponseEntity.ok().eTag(ETags.of(area.get("version"))).body(area);
    }

    @PutMapping(path = "/{areaId}/target-profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> setTarget(@PathVariable String studyId, @PathVariable String areaId,
                                                         @RequestBody TargetProfile body,
                                                         @RequestHeader(value = "If-Match", required = false)
                                                         String ifMatch) {
        access.write(studyId);
        requireArea(studyId, areaId);
        commands.sendAndWait(new SetTargetProfile(studyId, areaId, body.targetProfile(), body.waveId(),
                body.rationale(), ETags.version(ifMatch)));
        return Responses.written(consistency.afterWrite(), Map.of("id", areaId));
    }

    @PutMapping(path = "/{areaId}/building-blocks", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> buildingBlocks(@PathVariable String studyId,
                                                              @PathVariable String areaId,
                                                              @RequestBody BuildingBlocks body,
                                                              @RequestHeader(value = "If-Match", required = false)
                                                              String ifMatch) {
        access.write(studyId);
        requireArea(studyId, areaId);
        commands.sendAndWait(new AssessBuildingBlocks(studyId, areaId, body, ETags.version(ifMatch)));
        return Responses.written(consistency.afterWrite(), new LinkedHashMap<>(body.asMap()));
    }

    @PostMapping(path = "/{areaId}/agreements", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> agreement(@PathVariable String studyId, @PathVariable String areaId,
                                                         @RequestBody NewAgreement body) {
        access.write(studyId);
        requireArea(studyId, areaId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new RecordAgreement(studyId, areaId, id, body.kind(), body.status(), body.parties(),
                Boolean.TRUE.equals(body.regionalCouncilParty()), body.decidedOn()));
        return Responses.created(areaPath(studyId, areaId) + "/agreements/" + id, consistency.afterWrite(),
                Map.of("id", id, "kind", body.kind(), "status", body.status()));
    }

    @PostMapping(path = "/{areaId}/negotiations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> negotiation(@PathVariable String studyId, @PathVariable String areaId,
                                                           @RequestBody NewNegotiation body) {
        access.write(studyId);
        requireArea(studyId, areaId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new RecordNegotiation(studyId, areaId, id, body.kind(), body.heldOn(), body.model(),
                body.participants()));
        return Responses.created(areaPath(studyId, areaId) + "/negotiations/" + id, consistency.afterWrite(),
                Map.of("id", id, "kind", body.kind(), "heldOn", String.valueOf(body.heldOn())));
    }

    @PostMapping(path = "/{areaId}/forums", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> forum(@PathVariable String studyId, @PathVariable String areaId,
                                                     @RequestBody NewForum body) {
        access.write(studyId);
        requireArea(studyId, areaId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new RecordForum(studyId, areaId, id, body.name(), body.level(), body.since()));
        return Responses.created(areaPath(studyId, areaId) + "/forums/" + id, consistency.afterWrite(),
                Map.of("id", id, "name", String.valueOf(body.name()), "level", String.valueOf(body.level())));
    }

    private void requireArea(String studyId, String areaId) {
        if (!directory.areaExists(studyId, areaId)) {
            throw new NotFoundException("area " + areaId + " does not exist in study " + studyId);
        }
    }

    private static String areaPath(String studyId, String areaId) {
        return "/api/v1/studies/" + studyId + "/areas/" + areaId;
    }
}
