package fi.collabmaturity.directory;

import fi.collabmaturity.study.StudyFacts;

import java.util.Optional;

/**
 * What the rules of one aggregate need to know about others: does the study exist, which waves are open, does the
 * area exist, is the interface theme in the catalogue. Answers come from the event log itself (never from an
 * eventually consistent read model), so a command is judged against everything already recorded.
 */
public interface StudyDirectory {

    Optional<StudyFacts> study(String studyId);

    boolean areaExists(String studyId, String areaId);

    boolean interfaceThemeExists(String code);

    /** Whether any record (aggregate) with this identifier was ever recorded: ids are never reused. */
    boolean recordExists(String aggregateId);
}
