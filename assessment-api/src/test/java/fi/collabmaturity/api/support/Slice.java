package fi.collabmaturity.api.support;

/** The first vertical slice as a researcher would run it: study, wave, area, self-assessments. */
public final class Slice {

    private Slice() {
    }

    public static String study(String id) {
        return """
                {"id":"%s","title":"Lapland collaboration study","frameworkId":"keast-mandell-2014"}""".formatted(id);
    }

    public static String wave(String id) {
        return """
                {"id":"%s","label":"2023 autumn baseline","opensOn":"2023-09-01","closesOn":"2023-12-31"}"""
                .formatted(id);
    }

    public static String area(String id) {
        return """
                {"id":"%s","name":"Lapland · HYTE","regionCode":"21","interfaceTheme":"hyte",
                 "parties":[{"type":"wellbeing_services_county","name":"Lapin hyvinvointialue"},
                            {"type":"regional_council","name":"Lapin liitto"}]}""".formatted(id);
    }

    public static String selfAssessment(String areaId, String waveId, String pseudonym, String answers) {
        return """
                {"areaId":"%s","waveId":"%s",
                 "respondent":{"pseudonym":"%s","organisationType":"municipality","actorLevel":"coordination"},
                 "answers":%s}""".formatted(areaId, waveId, pseudonym, answers);
    }
}
