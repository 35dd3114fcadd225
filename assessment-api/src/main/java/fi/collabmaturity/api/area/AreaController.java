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
import fi.collabmaturity.projection.studies.AreaView;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.studies.AreaPage;
import fi.collabmaturity.shared.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
    private final QueryGateway queries;
    private final ReadYourWrites consistency;

    public AreaController(CommandGateway commands, StudyAccess access, StudyDirectory directory,
                          QueryGateway queries, ReadYourWrites consistency) {
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

    /** The registration as recorded. */
    public record CreatedArea(String id, String studyId, String name, String regionCode, String interfaceTheme,
                              List<Party> parties) {
    }

    /** The area a write was about. */
    public record AreaRef(String id) {
    }

    public record CreatedAgreement(String id, String kind, String status) {
    }

    public record CreatedNegotiation(String id, String kind, String heldOn) {
    }

    public record CreatedForum(String id, String name, String level) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedArea> register(@PathVariable String studyId, @RequestBody NewArea body) {
        access.write(studyId);
        commands.sendAndWait(new RegisterArea(studyId, body.id(), body.name(), body.regionCode(),
                body.interfaceTheme(), body.parties(), body.targetProfile()));
        return Responses.created(areaPath(studyId, body.id()), consistency.afterWrite(), new CreatedArea(body.id(),
                studyId, body.name(), body.regionCode(), body.interfaceTheme(),
                body.parties() == null ? List.of() : body.parties()));
    }

    @GetMapping
    public AreaPage list(@PathVariable String studyId, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size,
                               @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        access.read(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        return queries.query(new StudiesQueries.AreasQuery(studyId, paging.page(), paging.size()), AreaPage.class)
                .join();
    }

    @GetMapping("/{areaId}")
    public ResponseEntity<AreaView> get(@PathVariable String studyId, @PathVariable String areaId,
                                        @RequestParam(required = false) Long minPosition) {
        access.read(studyId);
        requireArea(studyId, areaId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        AreaView area = queries.query(new StudiesQueries.AreaQuery(studyId, areaId),
                        ResponseTypes.optionalInstanceOf(AreaView.class)).join()
                .orElseThrow(() -> new NotFoundException("area " + areaId + " is not yet readable; retry"));
        return ResponseEntity.ok().eTag(ETags.of(area.version())).body(area);
    }

    @PutMapping(path = "/{areaId}/target-profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AreaRef> setTarget(@PathVariable String studyId, @PathVariable String areaId,
                                             @RequestBody TargetProfile body,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        access.write(studyId);
        requireArea(studyId, areaId);
        commands.sendAndWait(new SetTargetProfile(studyId, areaId, body.targetProfile(), body.waveId(),
                body.rationale(), ETags.version(ifMatch)));
        return Responses.written(consistency.afterWrite(), new AreaRef(areaId));
    }

    @PutMapping(path = "/{areaId}/building-blocks", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<BuildingBlocks> buildingBlocks(@PathVariable String studyId, @PathVariable String areaId,
                                                         @RequestBody BuildingBlocks body,
                                                         @RequestHeader(value = "If-Match", required = false)
                                                         String ifMatch) {
        access.write(studyId);
        requireArea(studyId, areaId);
        commands.sendAndWait(new AssessBuildingBlocks(studyId, areaId, body, ETags.version(ifMatch)));
        return Responses.written(consistency.afterWrite(), body);
    }

    @PostMapping(path = "/{areaId}/agreements", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedAgreement> agreement(@PathVariable String studyId, @PathVariable String areaId,
                                                      @RequestBody NewAgreement body) {
        access.write(studyId);
        requireArea(studyId, areaId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new RecordAgreement(studyId, areaId, id, body.kind(), body.status(), body.parties(),
                Boolean.TRUE.equals(body.regionalCouncilParty()), body.decidedOn()));
        return Responses.created(areaPath(studyId, areaId) + "/agreements/" + id, consistency.afterWrite(),
                new CreatedAgreement(id, body.kind(), body.status()));
    }

    @PostMapping(path = "/{areaId}/negotiations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedNegotiation> negotiation(@PathVariable String studyId, @PathVariable String areaId,
                                                          @RequestBody NewNegotiation body) {
        access.write(studyId);
        requireArea(studyId, areaId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new RecordNegotiation(studyId, areaId, id, body.kind(), body.heldOn(), body.model(),
                body.participants()));
        return Responses.created(areaPath(studyId, areaId) + "/negotiations/" + id, consistency.afterWrite(),
                new CreatedNegotiation(id, body.kind(), String.valueOf(body.heldOn())));
    }

    @PostMapping(path = "/{areaId}/forums", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedForum> forum(@PathVariable String studyId, @PathVariable String areaId,
                                              @RequestBody NewForum body) {
        access.write(studyId);
        requireArea(studyId, areaId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new RecordForum(studyId, areaId, id, body.name(), body.level(), body.since()));
        return Responses.created(areaPath(studyId, areaId) + "/forums/" + id, consistency.afterWrite(),
                new CreatedForum(id, String.valueOf(body.name()), String.valueOf(body.level())));
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
