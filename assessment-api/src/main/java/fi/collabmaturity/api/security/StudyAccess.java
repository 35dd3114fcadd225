package fi.collabmaturity.api.security;

import fi.collabmaturity.account.Roles;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.StudyRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may do what in a study. ADMIN may do everything; otherwise the study membership decides, capped by the
 * account's role (a VIEWER account stays a viewer even if added as a researcher). A study the caller may not see
 * answers exactly like a study that does not exist (404), so membership never leaks whether a study exists.
 */
@Component
public class StudyAccess {

    private final StudyDirectory directory;

    public StudyAccess(StudyDirectory directory) {
        this.directory = directory;
    }

    /** The study, if the caller may read it; 404 otherwise. */
    public StudyFacts read(String studyId) {
        return visible(studyId).orElseThrow(() -> notFound(studyId));
    }

    /** The study, if the caller may record in it; 404 if they may not see it, 403 if they may only read it. */
    public StudyFacts write(String studyId) {
        StudyFacts study = read(studyId);
        if (!mayWrite(study)) {
            throw new AccessDeniedException("you may read but not record in study " + studyId);
        }
        return study;
    }

    /**
     * The study, if the caller may read its individual records (interviews, findings, self-assessments, members):
     * researchers of the study and admins; 403 for viewers, who see aggregated results only; 404 for non-members.
     */
    public StudyFacts readIndividualRecords(String studyId) {
        StudyFacts study = read(studyId);
        if (audience(study) == Audience.VIEWERS) {
            throw new AccessDeniedException("viewers of study " + studyId + " see aggregated results only");
        }
        return study;
    }

    /** Whom the study's results are shaped for when the caller reads them. */
    public Audience audience(StudyFacts study) {
        return mayWrite(study) ? Audience.RESEARCHERS : Audience.VIEWERS;
    }

    /** Excerpts, comments and participant attributes: researchers of the study and admins only. */
    public boolean maySeePersonalData(StudyFacts study) {
        return mayWrite(study);
    }

    public boolean mayWrite(StudyFacts study) {
        if (isAdmin()) {
            return true;
        }
        return hasRole(Roles.RESEARCHER)
                && study.roleOf(currentUser()).filter(StudyRole.RESEARCHER.name()::equals).isPresent();
    }

    public boolean mayRead(StudyFacts study) {
        return isAdmin() || study.roleOf(currentUser()).isPresent();
    }

    /** Creating a study: admins and researchers. */
    public void requireStudyCreator() {
        if (!isAdmin() && !hasRole(Roles.RESEARCHER)) {
            throw new AccessDeniedException("only researchers and admins create studies");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new AccessDeniedException("this needs the ADMIN role");
        }
    }

    private Optional<StudyFacts> visible(String studyId) {
        return directory.study(studyId).filter(this::mayRead);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    public String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    private static boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (GrantedAuthority authority : auth.getAuthorities()) {
            if (("ROLE_" + role).equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private static NotFoundException notFound(String studyId) {
        return new NotFoundException("study " + studyId + " does not exist");
    }
}
