package fi.collabmaturity.api.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Questionnaires held in memory, for developing the form's pages before the domain's implementation exists. */
public final class InMemoryQuestionnaireForms implements QuestionnaireForms {

    public final Map<String, Form> forms = new ConcurrentHashMap<>();
    public final List<Submission> stored = new ArrayList<>();
    public final Map<String, Boolean> codes = new ConcurrentHashMap<>();
    /** A refusal to answer every submission through a token with, as the domain would. */
    public final Map<String, Refused> refusals = new ConcurrentHashMap<>();

    @Override
    public Optional<Form> open(String token) {
        return Optional.ofNullable(forms.get(token));
    }

    @Override
    public synchronized Receipt submit(String token, Submission submission) {
        Form form = forms.get(token);
        if (form == null) {
            throw new Refused("unknown-link", "no such link");
        }
        if (refusals.containsKey(token)) {
            throw refusals.get(token);
        }
        if (!form.open()) {
            throw new Refused("closed", "closed");
        }
        if (!submission.consent()) {
            throw new Refused("no-consent", "no consent");
        }
        if (!form.noticeVersion().equals(submission.noticeVersion())) {
            throw new Refused("stale-notice", "stale");
        }
        stored.add(submission);
        String code = UUID.randomUUID().toString().replace("-", "");
        codes.put(code, false);
        return new Receipt("sa-" + stored.size(), code, false);
    }

    @Override
    public void withdraw(String withdrawalCode) {
        Boolean withdrawn = codes.get(withdrawalCode);
        if (withdrawn == null) {
            throw new Refused("unknown-code", "unknown");
        }
        if (withdrawn) {
            throw new Refused("already-withdrawn", "already");
        }
        codes.put(withdrawalCode, true);
    }
}
