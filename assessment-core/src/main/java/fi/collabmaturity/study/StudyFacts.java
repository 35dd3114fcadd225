package fi.collabmaturity.study;

import fi.collabmaturity.account.Usernames;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.scoring.Source;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a study's own events say about it: its framework, its waves (open or closed) and its members. The Study
 * aggregate keeps this as its state, and the {@link fi.collabmaturity.directory.StudyDirectory} folds the same
 * events into it for the other aggregates' rules, so both read one definition.
 */
public record StudyFacts(String studyId, String title, String description, String frameworkId,
                         String frameworkVersion, ScoringPolicy policy,
                         Map<String, Wave> waves, Map<String, String> members) {

    public StudyFacts {
        waves = Collections.unmodifiableMap(new LinkedHashMap<>(waves));
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public static StudyFacts created(StudyCreated e) {
        Map<String, String> members = e.createdBy() == null ? Map.of()
                : Map.of(e.createdBy(), StudyRole.RESEARCHER.name());
        return new StudyFacts(e.studyId(), e.title(), e.description(), e.frameworkId(), e.frameworkVersion(),
                ScoringPolicy.DEFAULT, Map.of(), members);
    }

    /** The facts after one more of the study's events; events that change none of them leave them as they are. */
    public StudyFacts apply(Object event) {
        if (event instanceof WaveCreated e) {
            return withWave(new Wave(e.waveId(), e.label(), e.opensOn(), e.closesOn(), false));
        }
        if (event instanceof WaveClosed e) {
            return withWave(waves.get(e.waveId()).closed(true));
        }
        if (event instanceof WaveReopened e) {
            return withWave(waves.get(e.waveId()).closed(false));
        }
        if (event instanceof ScoringPolicySet e) {
            return new StudyFacts(studyId, title, description, frameworkId, frameworkVersion, policyOf(e), waves,
                    members);
        }
        if (event instanceof StudyFrameworkUpgraded e) {
            return new StudyFacts(studyId, title, description, frameworkId, e.toVersion(), policy, waves, members);
        }
        if (event instanceof StudyMemberAdded e) {
            Map<String, String> next = withoutMember(e.username());
            next.put(e.username(), e.role());
            return new StudyFacts(studyId, title, description, frameworkId, frameworkVersion, policy, waves, next);
        }
        if (event instanceof StudyMemberRemoved e) {
            return new StudyFacts(studyId, title, description, frameworkId, frameworkVersion, policy, waves,
                    withoutMember(e.username()));
        }
        return this;
    }

    /** The members but this user, in any spelling: a later event for the same user replaces the earlier one. */
    private Map<String, String> withoutMember(String username) {
        Map<String, String> next = new LinkedHashMap<>(members);
        next.keySet().removeIf(member -> Usernames.same(member, username));
        return next;
    }

    private StudyFacts withWave(Wave wave) {
        Map<String, Wave> next = new LinkedHashMap<>(waves);
        next.put(wave.waveId(), wave);
        return new StudyFacts(studyId, title, description, frameworkId, frameworkVersion, policy, next, members);
    }

    public static ScoringPolicy policyOf(ScoringPolicySet e) {
        return new ScoringPolicy(e.minimumN(), Map.of(Source.INTERVIEWS, e.interviewsWeight(),
                Source.SELF_ASSESSMENTS, e.selfAssessmentsWeight()), e.divergenceThreshold(), e.changeThreshold());
    }

    /**
     * The waves in time order (opening date, then id): the order of trajectories and paths, and the order in which
     * a target profile set "from this wave on" applies.
     */
    public List<String> waveOrder() {
        return waves.values().stream()
                .sorted(Comparator.comparing(Wave::opensOn).thenComparing(Wave::waveId))
                .map(Wave::waveId).toList();
    }

    /**
     * The framework the study computes with: its framework at the version recorded for it (created with or
     * upgraded to), never simply the newest one the catalog knows. Every rule and every score of a study reads its
     * framework through here.
     */
    public Framework framework(FrameworkCatalog frameworks) {
        return findFramework(frameworks).orElseThrow(() -> new IllegalStateException(
                "study " + studyId + " uses " + frameworkId + " " + frameworkVersion + ", which is not installed"));
    }

    /** {@link #framework(FrameworkCatalog)}, or empty when that version is not installed. */
    public Optional<Framework> findFramework(FrameworkCatalog frameworks) {
        return frameworks.find(frameworkId, frameworkVersion);
    }

    public Optional<Wave> wave(String waveId) {
        return Optional.ofNullable(waveId == null ? null : waves.get(waveId));
    }

    /** The user's role in the study, the username compared ignoring case. */
    public Optional<String> roleOf(String username) {
        return memberNamed(username).map(members::get);
    }

    /** The spelling this user's membership was recorded with, if they are a member (compared ignoring case). */
    public Optional<String> memberNamed(String username) {
        return members.keySet().stream().filter(member -> Usernames.same(member, username)).findFirst();
    }
}
