package fi.collabmaturity.api.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.collabmaturity.account.Account;
import fi.collabmaturity.account.Roles;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.api.web.Languages;
import fi.collabmaturity.area.Area;
import fi.collabmaturity.area.BuildingBlocks;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.Stage;
import fi.collabmaturity.projection.export.CodeLists;
import fi.collabmaturity.projection.studies.SituationalPicture;
import fi.collabmaturity.reference.ActorLevel;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.InterfaceThemeCatalog;
import fi.collabmaturity.reference.OrganisationType;
import fi.collabmaturity.reference.Region;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.scoring.DevelopmentTarget;
import fi.collabmaturity.scoring.Direction;
import fi.collabmaturity.scoring.KrippendorffAlpha;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.study.StudyRole;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas of the API's codes and of the objects keyed by them (answers, target profiles, counts), taken from
 * where the codes are defined (the frameworks, the reference data, the domain's constants), so that the document
 * cannot drift from what the API accepts and answers. {@code openapi/schemas.json} refers to them by name.
 */
final class CodeSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Framework> frameworks;
    private final RegionCatalog regions;

    CodeSchemas(FrameworkCatalog frameworks, RegionCatalog regions) {
        this.frameworks = frameworks.all();
        this.regions = regions;
    }

    /** The schemas by component name. */
    Map<String, ObjectNode> all() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        Set<String> dimensions = new LinkedHashSet<>();
        Set<Integer> stageNumbers = new LinkedHashSet<>();
        Set<String> stageCodes = new LinkedHashSet<>();
        Set<String> reportedCodes = new LinkedHashSet<>();
        for (Framework f : frameworks) {
            f.dimensions().stream().map(Dimension::code).forEach(dimensions::add);
            f.stages().stream().map(Stage::number).forEach(stageNumbers::add);
            f.stages().stream().map(Stage::code).forEach(stageCodes::add);
            f.reportedStages().stream().map(f::stageCode).forEach(reportedCodes::add);
        }
        out.put("FrameworkId", strings(frameworks.stream().map(Framework::id).toList(), "A framework's id"));
        out.put("Dimension", strings(dimensions, "A dimension of the framework"));
        out.put("DimensionOrNull", nullable(strings(dimensions, "A dimension, or null where there is none")));
        out.put("StageNumber", integers(stageNumbers, "A stage of the continuum by its number"));
        out.put("StageNumberOrNull", nullable(integers(stageNumbers, "A stage number, or null where the "
                + "evidence is insufficient")));
        out.put("StageCode", strings(stageCodes, "A stage of the continuum by its code"));
        out.put("StageCodeOrNull", nullable(strings(stageCodes, "A stage code, or null where the evidence is "
                + "insufficient")));
        out.put("ReportedStageCode", strings(reportedCodes, "The stage of a result: a stage code, or the stages "
                + "of a merged anchor the instrument cannot tell apart joined by _or_ (power's "
                + "cooperation_or_coordination, framework 1.1.0 on)"));
        out.put("ReportedStageCodeOrNull", nullable(strings(reportedCodes, "A reported stage code, or null where "
                + "the evidence is insufficient")));
        ObjectNode range = JSON.createObjectNode().put("type", "object")
                .put("description", "The stages a result is at: from == to for one stage, 1..2 for power's own "
                        + "power (framework 1.1.0 on)");
        range.putObject("properties").<ObjectNode>set("from", ref("StageNumber")).set("to", ref("StageNumber"));
        range.putArray("required").add("from").add("to");
        range.put("additionalProperties", false);
        out.put("StageRange", range);
        out.put("StageRangeOrNull", JSON.createObjectNode().<ObjectNode>set("oneOf", JSON.createArrayNode()
                .add(ref("StageRange")).add(JSON.createObjectNode().put("type", "null"))));
        out.put("DirectionTestOrNull", nullable(strings(Arrays.stream(Direction.Test.values())
                .map(Direction.Test::code).toList(), "The test that decided the direction: threshold (the change "
                + "is below the study's change threshold: flat; or there are no intervals to compare) or intervals "
                + "(the two waves' intervals overlap: flat; or lie apart: up or down)")));
        out.put("RankReasonOrNull", nullable(strings(Arrays.stream(DevelopmentTarget.RankReason.values())
                .map(DevelopmentTarget.RankReason::code).toList(), "What ranks this target before the next one "
                + "(gap, then score, then progress, then the framework's order); null for the last")));
        out.put("OrganisationType", strings(OrganisationType.codes(), "The kind of organisation"));
        out.put("ActorLevel", strings(ActorLevel.codes(), "The level an actor works at"));
        out.put("RegionCode", strings(regions.all().stream().map(Region::code).toList(),
                "A wellbeing services county (reference/regions)"));
        List<String> seeded = InterfaceThemeCatalog.seeded().stream().map(InterfaceTheme::code).toList();
        out.put("InterfaceThemeCode", JSON.createObjectNode().put("type", "string").put("pattern", "^[a-z][a-z0-9_]{1,49}$")
                .put("description", "A theme of the interface theme catalogue (reference/interface-themes): the seeded "
                        + String.join(", ", seeded) + ", and those admins added")
                .put("example", "hyte"));
        out.put("Identifier", JSON.createObjectNode().put("type", "string")
                .put("pattern", "^" + Validation.IDENTIFIER.pattern() + "$")
                .put("description", "An id chosen by the client: 1-64 letters, digits, '_' or '-'"));
        out.put("Username", JSON.createObjectNode().put("type", "string")
                .put("pattern", "^" + Account.USERNAME.pattern() + "$")
                .put("description", "1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        out.put("AccountRole", strings(Roles.ALL, "An account role"));
        out.put("StudyRole", strings(Arrays.stream(StudyRole.values()).map(Enum::name).toList(),
                "A member's role in a study"));
        out.put("BuildingBlockState", strings(BuildingBlocks.STATES, "The state of a building block"));
        out.put("AgreementKind", strings(Area.AGREEMENT_KINDS, "The kind of agreement"));
        out.put("AgreementStatus", strings(Area.AGREEMENT_STATUSES, "The agreement's status"));
        out.put("NegotiationKind", strings(Area.NEGOTIATION_KINDS, "s.14 (once per council term) or HYTE (annual)"));
        out.put("NegotiationModel", strings(Area.NEGOTIATION_MODELS, "How the negotiation was held"));
        out.put("ForumLevel", strings(Area.FORUM_LEVELS, "The forum's level"));
        out.put("DirectionOrNull", nullable(strings(Arrays.stream(Direction.values()).map(Direction::code).toList(),
                "Which way the score moved from the previous wave, or null without a change")));
        out.put("Evidence", strings(List.of(CodeLists.SUFFICIENT, CodeLists.INSUFFICIENT),
                "Whether the sources give enough evidence for a score"));
        out.put("Language", strings(Languages.SUPPORTED, "A language of the product"));
        out.put("ProjectionName", strings(AxonConfiguration.PROCESSORS, "A projection (read side)"));
        out.put("ReliabilityMetric", strings(Arrays.stream(KrippendorffAlpha.Metric.values())
                .map(KrippendorffAlpha.Metric::code).toList(), "The level of measurement of Krippendorff's alpha"));
        List<String> flags = List.of(SituationalPicture.NO_STRATEGIC_AGREEMENT,
                SituationalPicture.REGIONAL_COUNCIL_NOT_PARTY, SituationalPicture.NO_S14_THIS_TERM,
                SituationalPicture.NO_HYTE_12_MONTHS, SituationalPicture.BUILDING_BLOCKS_MISSING,
                SituationalPicture.BUILDING_BLOCKS_NOT_ASSESSED);
        out.put("ComplianceFlag", strings(flags, "A compliance flag of the situational picture"));

        out.put("Answers", keyed(dimensions, answer(), false)
                .put("minProperties", 1)
                .put("description", "Answers by dimension, on the framework's scale; skipped dimensions stay missing"));
        out.put("Comments", keyed(dimensions, JSON.createObjectNode().put("type", "string").put("maxLength", 4000),
                false).put("description", "Free-text comments by dimension (personal data)"));
        out.put("TargetProfileRequest", keyed(dimensions, ref("StageNumber"), false)
                .put("description", "Target stage numbers by dimension; dimensions not named get the highest stage"));
        out.put("TargetProfile", keyed(dimensions, ref("StageNumber"), true)
                .put("description", "The target stage number of every dimension"));
        out.put("StageDistribution", keyed(reportedCodes, count(), false)
                .put("description", "How many units fell in each of the dimension's bands, by reported stage code "
                        + "(power on its anchors: cooperation_or_coordination and collaboration)"));
        out.put("OverviewDimensions", keyed(dimensions, ref("OverviewCell"), true));
        List<String> agreementStates = new ArrayList<>(Area.AGREEMENT_STATUSES);
        agreementStates.add("not_recorded");
        out.put("StrategicAgreementStatus", strings(agreementStates,
                "The status of the area's latest strategic agreement, not_recorded without one"));
        out.put("AgreementStatusCounts", keyed(agreementStates, count(), true)
                .put("description", "Areas by the status of their latest strategic agreement"));
        List<String> blockStates = new ArrayList<>(BuildingBlocks.STATES);
        blockStates.add("not_assessed");
        ObjectNode stateCounts = keyed(blockStates, count(), true);
        out.put("BuildingBlockCounts", keyed(blocks(), stateCounts, true)
                .put("description", "Areas by the state of each building block"));
        out.put("FlagCounts", keyed(flags, count(), false)
                .put("description", "Areas per compliance flag (flags no area has are left out)"));
        out.put("BuildingBlocks", keyed(blocks(), ref("BuildingBlockState"), true)
                .put("description", "The six building blocks of a collaboration management system"));
        return out;
    }

    private static List<String> blocks() {
        return List.copyOf(new BuildingBlocks(null, null, null, null, null, null).asMap().keySet());
    }

    private ObjectNode answer() {
        BigDecimal min = frameworks.stream().map(f -> f.scale().min()).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = frameworks.stream().map(f -> f.scale().max()).max(BigDecimal::compareTo).orElseThrow();
        ObjectNode answer = JSON.createObjectNode().put("type", "number").put("minimum", min).put("maximum", max);
        if (frameworks.stream().map(f -> f.scale().step()).distinct().count() == 1) {
            answer.put("multipleOf", frameworks.get(0).scale().step());
        }
        return answer;
    }

    private static ObjectNode keyed(Collection<String> keys, ObjectNode value, boolean allRequired) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        keys.forEach(key -> properties.set(key, value.deepCopy()));
        if (allRequired) {
            ArrayNode required = schema.putArray("required");
            keys.forEach(required::add);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode count() {
        return JSON.createObjectNode().put("type", "integer").put("minimum", 0);
    }

    static ObjectNode ref(String name) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private static ObjectNode strings(Collection<String> codes, String description) {
        ObjectNode schema = JSON.createObjectNode().put("type", "string").put("description", description);
        ArrayNode values = schema.putArray("enum");
        codes.forEach(values::add);
        return schema;
    }

    private static ObjectNode integers(Collection<Integer> numbers, String description) {
        ObjectNode schema = JSON.createObjectNode().put("type", "integer").put("description", description);
        ArrayNode values = schema.putArray("enum");
        numbers.forEach(values::add);
        return schema;
    }

    /** OpenAPI 3.1 (JSON Schema): null is a type of its own, and a nullable enum lists it among its values. */
    private static ObjectNode nullable(ObjectNode schema) {
        String type = schema.get("type").asText();
        schema.putArray("type").add(type).add("null");
        ((ArrayNode) schema.get("enum")).addNull();
        return schema;
    }
}
