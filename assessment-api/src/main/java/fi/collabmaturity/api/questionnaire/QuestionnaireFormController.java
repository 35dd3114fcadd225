package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.api.security.ClientAddress;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.reference.ActorLevel;
import fi.collabmaturity.reference.OrganisationType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public questionnaire form at {@code /q/{token}}: plain HTML forms, one step per page, the answers carried in
 * the form's fields from step to step (nothing is kept on the server, nothing stored before the last step):
 * <ol>
 * <li>the privacy notice and a yes/no consent ("no" ends the form; nothing is sent to the store);</li>
 * <li>the area (when the questionnaire has several), the framework's dimensions with their descriptors as the
 * anchors ({@link ScaleOptions}) and "cannot say", a comment per dimension and the respondent's organisation type
 * and actor level when the questionnaire asks them;</li>
 * <li>a summary to check, with a way back to edit;</li>
 * <li>sending: {@link QuestionnaireForms#submit}, then the withdrawal code, shown once.</li>
 * </ol>
 * The language is one of the questionnaire's: {@code ?lang=}, else the browser's Accept-Language, else the
 * questionnaire's first; on the steps after the first the switch resends the step's fields. A refusal is a page
 * in the language: an unknown link, a used invitation, a closed questionnaire, too many answers from one address
 * ({@link SubmissionBuckets}); invalid input goes back to the step with an error summary linking each field.
 */
@Controller
public class QuestionnaireFormController {

    static final String TOO_LARGE = QuestionnaireFormController.class.getName() + ".tooLarge";
    /** Tokens and codes are base64url; anything else opens nothing and is not passed on. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("fi", "Suomi", "sv", "Svenska", "en", "English");
    static final int MAX_COMMENT = 4000;
    /** The field a person leaves empty (it is hidden from view and from the keyboard) and a form-filling bot fills. */
    static final String HONEYPOT = "website";

    private final QuestionnaireForms forms;
    private final FrameworkCatalog frameworks;
    private final MessageSource messages;
    private final SubmissionBuckets buckets;
    private final ClientAddress addresses;

    public QuestionnaireFormController(QuestionnaireForms forms, FrameworkCatalog frameworks, MessageSource messages,
                                       SubmissionBuckets buckets, ClientAddress addresses) {
        this.forms = forms;
        this.frameworks = frameworks;
        this.messages = messages;
        this.buckets = buckets;
        this.addresses = addresses;
    }

    // ------------------------------------------------------------------------------------------------ pages

    @GetMapping("/q/{token}")
    public String start(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                        Model model) {
        Optional<QuestionnaireForms.Form> found = open(token);
        if (found.isEmpty()) {
            return refusal(request, response, model, null, "unknown", 404);
        }
        QuestionnaireForms.Form form = found.get();
        String lang = language(request, form.languages(), request.getParameter("lang"));
        if (!form.open()) {
            return refusal(request, response, model, form, "closed", 410);
        }
        Framework framework = frameworks.get(form.frameworkId(), form.frameworkVersion());
        FormState state = FormState.start(form.noticeVersion());
        return consentPage(request, model, token, form, framework, lang, state, List.of());
    }

    @PostMapping("/q/{token}")
    public String step(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                       Model model) {
        Optional<QuestionnaireForms.Form> found = open(token);
        if (found.isEmpty()) {
            return refusal(request, response, model, null, "unknown", 404);
        }
        QuestionnaireForms.Form form = found.get();
        String switchTo = request.getParameter("switch");
        String lang = language(request, form.languages(), switchTo != null ? switchTo : request.getParameter("lang"));
        if (!form.open()) {
            return refusal(request, response, model, form, "closed", 410);
        }
        Framework framework = frameworks.get(form.frameworkId(), form.frameworkVersion());
        FormState state = FormState.from(request, framework);
        String step = String.valueOf(request.getParameter("step"));
        if (state.submission() == null && !"send".equals(step)) {
            // a form from before submission ids, or one whose id was tampered with: the server gives it one now
            state = state.withNewSubmission();
        }
        String at = String.valueOf(request.getParameter("at"));
        if (switchTo != null) {
            // the same step again, in the other language, with everything given so far
            return switch (at) {
                case "answers" -> answersPage(request, model, token, form, framework, lang, state, List.of());
                case "summary" -> summaryPage(request, model, token, form, framework, lang, state, List.of());
                default -> consentPage(request, model, token, form, framework, lang, state, List.of());
            };
        }
        if (!"consent".equals(step) && !state.consented()) {
            return consentPage(request, model, token, form, framework, lang, state, List.of());
        }
        switch (step) {
            case "consent" -> {
                if (state.consent() == null || !List.of("yes", "no").contains(state.consent())) {
                    return consentPage(request, model, token, form, framework, lang, state,
                            List.of(new Problem("consent-yes", text(lang, "q.consent.required"))));
                }
                if (!state.consented()) {
                    return declinedPage(request, model, token, form, lang);
                }
                if (state.nothingAnswered() && form.previous().isPresent()) {
                    state = FormState.previous(state, form.previous().get(), framework);
                }
                return answersPage(request, model, token, form, framework, lang, state, List.of());
            }
            case "answers" -> {
                List<Problem> problems = check(form, framework, lang, state);
                return problems.isEmpty() ? summaryPage(request, model, token, form, framework, lang, state, List.of())
                        : answersPage(request, model, token, form, framework, lang, state, problems);
            }
            case "cancel" -> {
                // the respondent changed their mind before sending: nothing was or will be stored
                return declinedPage(request, model, token, form, lang);
            }
            case "edit" -> {
                return answersPage(request, model, token, form, framework, lang, state, List.of());
            }
            case "send" -> {
                return send(token, request, response, model, form, framework, lang, state);
            }
            default -> {
                return consentPage(request, model, token, form, framework, lang, state, List.of());
            }
        }
    }

    private String send(String token, HttpServletRequest request, HttpServletResponse response, Model model,
                        QuestionnaireForms.Form form, Framework framework, String lang, FormState state) {
        List<Problem> problems = check(form, framework, lang, state);
        if (!problems.isEmpty()) {
            return answersPage(request, model, token, form, framework, lang, state, problems);
        }
        if (state.submission() == null) {
            // without the id the server gave the form, a resent form could not be told from a new one
            response.setStatus(422);
            return summaryPage(request, model, token, form, framework, lang, state.withNewSubmission(),
                    List.of(new Problem("send", text(lang, "q.submission.missing"))));
        }
        String honeypot = request.getParameter(HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            // not stored; said so, with the answers kept, since a person's browser may have filled it in
            response.setStatus(422);
            return summaryPage(request, model, token, form, framework, lang, state,
                    List.of(new Problem(HONEYPOT, text(lang, "q.honeypot.filled"))));
        }
        Duration wait = buckets.take(addresses.of(request));
        if (!wait.isZero()) {
            return busy(request, response, model, token, form, framework, lang, state, wait);
        }
        try {
            QuestionnaireForms.Receipt receipt = forms.submit(token, submission(form, framework, lang, state));
            model.addAttribute("receipt", receipt);
            model.addAttribute("withdrawUrl", "/q/withdraw?lang=" + lang);
            common(request, model, lang, form, "q.thanks.title", List.of(), false);
            // a language link would start the form again and lose the code, which is shown only here
            model.addAttribute("languageLinks", List.of());
            return "q/thanks";
        } catch (QuestionnaireForms.Refused refused) {
            return refused(request, response, model, token, form, framework, lang, state, refused);
        }
    }

    @GetMapping("/q/withdraw")
    public String withdrawForm(HttpServletRequest request, Model model) {
        String lang = language(request, LANGUAGES, request.getParameter("lang"));
        common(request, model, lang, null, "q.withdraw.title", List.of(), false);
        model.addAttribute("code", "");
        return "q/withdraw";
    }

    @PostMapping("/q/withdraw")
    public String withdraw(HttpServletRequest request, HttpServletResponse response, Model model) {
        String switchTo = request.getParameter("switch");
        String lang = language(request, LANGUAGES, switchTo != null ? switchTo : request.getParameter("lang"));
        // a code copied from a note or a message may have picked up spaces or a line break
        String code = Optional.ofNullable(request.getParameter("code")).map(c -> c.replaceAll("\\s+", ""))
                .orElse("");
        model.addAttribute("code", code.length() > 200 ? code.substring(0, 200) : code);
        if (switchTo != null) {
            common(request, model, lang, null, "q.withdraw.title", List.of(), false);
            return "q/withdraw";
        }
        String problem = null;
        if (code.isEmpty()) {
            problem = "q.withdraw.required";
        } else if (!TOKEN.matcher(code).matches()) {
            problem = "q.withdraw.unknown";
        } else {
            Duration wait = buckets.take(addresses.of(request));
            if (!wait.isZero()) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
                common(request, model, lang, null, "q.withdraw.title",
                        List.of(new Problem("code", text(lang, "q.busy.text", minutes(wait)))), false);
                return "q/withdraw";
            }
            try {
                forms.withdraw(code);
                common(request, model, lang, null, "q.withdraw.done.title", List.of(), false);
                return "q/withdrawn";
            } catch (QuestionnaireForms.Refused refused) {
                problem = switch (refused.reason()) {
                    case "already-withdrawn" -> "q.withdraw.already";
                    case "closed" -> "q.withdraw.closed";
                    default -> "q.withdraw.unknown";
                };
            }
        }
        response.setStatus(422);
        // links, not buttons, switch this page's language: a button of the form would be the one Enter presses
        common(request, model, lang, null, "q.withdraw.title", List.of(new Problem("code", text(lang, problem))), false);
        return "q/withdraw";
    }

    /** Where the security chain sends a request whose CSRF token is missing or wrong. */
    @RequestMapping("/q/expired")
    public String expired(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(403);
        // the form's own language field (the body is small: the size limit came first)
        common(request, model, language(request, LANGUAGES, request.getParameter("lang")), null, "q.expired.title",
                List.of(), false);
        model.addAttribute("text", "q.expired.text");
        return "q/message";
    }

    /** Where the security chain sends a body over the size limit. */
    @RequestMapping("/q/too-large")
    public String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object status = request.getAttribute(TOO_LARGE);
        response.setStatus(status instanceof Integer s ? s : 413);
        // by Accept-Language only: the body, too large, is never parsed for its language field
        common(request, model, language(request, LANGUAGES, null), null, "q.tooLarge.title", List.of(), false);
        model.addAttribute("text", "q.tooLarge.text");
        return "q/message";
    }

    // ------------------------------------------------------------------------------------------------ steps

    private String consentPage(HttpServletRequest request, Model model, String token, QuestionnaireForms.Form form,
                               Framework framework, String lang, FormState state, List<Problem> problems) {
        common(request, model, lang, form, "q.consent.title", problems, true);
        model.addAttribute("token", token);
        model.addAttribute("state", state);
        model.addAttribute("hidden", without(state.hidden(), "consent", "notice"));
        model.addAttribute("intro", localized(form.intro(), lang));
        model.addAttribute("notice", localized(form.privacyNotice(), lang));
        model.addAttribute("noticeVersion", form.noticeVersion());
        model.addAttribute("previous", form.previous().isPresent());
        model.addAttribute("stepNumber", 1);
        return "q/consent";
    }

    private String declinedPage(HttpServletRequest request, Model model, String token, QuestionnaireForms.Form form,
                                String lang) {
        common(request, model, lang, form, "q.declined.title", List.of(), false);
        model.addAttribute("languageLinks", List.of());
        model.addAttribute("startAgain", "/q/" + token + "?lang=" + lang);
        return "q/declined";
    }

    private String answersPage(HttpServletRequest request, Model model, String token, QuestionnaireForms.Form form,
                               Framework framework, String lang, FormState state, List<Problem> problems) {
        common(request, model, lang, form, "q.answers.title", problems, true);
        model.addAttribute("token", token);
        model.addAttribute("hidden", Map.of("sid", state.submission(), "consent", "yes",
                "notice", String.valueOf(state.notice())));
        model.addAttribute("areas", form.areaIds().size() > 1 ? areas(form, state) : List.of());
        model.addAttribute("dimensions", dimensions(framework, lang, state, problems));
        model.addAttribute("askComments", form.askComments());
        model.addAttribute("organisationTypes", form.askOrganisationType()
                ? choices("q.orgType.", OrganisationType.codes(), state.organisationType(), lang) : List.of());
        model.addAttribute("actorLevels", form.askActorLevel()
                ? choices("q.actorLevel.", ActorLevel.codes(), state.actorLevel(), lang) : List.of());
        model.addAttribute("errorOf", errorsByField(problems));
        model.addAttribute("maxComment", MAX_COMMENT);
        model.addAttribute("stepNumber", 2);
        return "q/answers";
    }

    private String summaryPage(HttpServletRequest request, Model model, String token, QuestionnaireForms.Form form,
                               Framework framework, String lang, FormState state, List<Problem> problems) {
        common(request, model, lang, form, "q.summary.title", problems, true);
        model.addAttribute("token", token);
        model.addAttribute("hidden", state.hidden());
        model.addAttribute("area", form.areaIds().size() > 1 ? form.areaNames().getOrDefault(state.area(), state.area())
                : null);
        model.addAttribute("dimensions", dimensions(framework, lang, state, List.of()));
        model.addAttribute("askComments", form.askComments());
        model.addAttribute("organisationType", form.askOrganisationType() && state.organisationType() != null
                ? text(lang, "q.orgType." + state.organisationType()) : null);
        model.addAttribute("actorLevel", form.askActorLevel() && state.actorLevel() != null
                ? text(lang, "q.actorLevel." + state.actorLevel()) : null);
        model.addAttribute("honeypot", HONEYPOT);
        model.addAttribute("stepNumber", 3);
        return "q/summary";
    }

    private String busy(HttpServletRequest request, HttpServletResponse response, Model model, String token,
                        QuestionnaireForms.Form form, Framework framework, String lang, FormState state, Duration wait) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
        summaryPage(request, model, token, form, framework, lang, state,
                List.of(new Problem("send", text(lang, "q.busy.text", minutes(wait)))));
        model.addAttribute("title", text(lang, "q.busy.title"));
        model.addAttribute("busy", true);
        return "q/summary";
    }

    private String refused(HttpServletRequest request, HttpServletResponse response, Model model, String token,
                           QuestionnaireForms.Form form, Framework framework, String lang, FormState state,
                           QuestionnaireForms.Refused refused) {
        return switch (refused.reason()) {
            case "unknown-link" -> refusal(request, response, model, form, "unknown", 404);
            case "used-invitation" -> refusal(request, response, model, form, "used", 409);
            // the same form sent again: it was stored the first time; its withdrawal code is not shown again
            case "already-received" -> refusal(request, response, model, form, "received", 200);
            case "already-answered" -> refusal(request, response, model, form, "answered", 409);
            case "closed" -> refusal(request, response, model, form, "closed", 410);
            case "no-consent" -> consentPage(request, model, token, form, framework, lang, state,
                    List.of(new Problem("consent-yes", text(lang, "q.consent.required"))));
            case "stale-notice" -> {
                response.setStatus(409);
                yield consentPage(request, model, token, form, framework, lang,
                        new FormState(state.submission(), null, form.noticeVersion(), state.area(), state.answers(), state.comments(),
                                state.organisationType(), state.actorLevel()),
                        List.of(new Problem("consent-yes", text(lang, "q.consent.stale"))));
            }
            default -> {
                response.setStatus(422);
                yield answersPage(request, model, token, form, framework, lang, state,
                        problemsOf(refused, framework, lang, state));
            }
        };
    }

    private String refusal(HttpServletRequest request, HttpServletResponse response, Model model,
                           QuestionnaireForms.Form form, String kind, int status) {
        response.setStatus(status);
        String lang = language(request, form == null ? LANGUAGES : form.languages(), request.getParameter("lang"));
        common(request, model, lang, form, "q." + kind + ".title", List.of(), false);
        model.addAttribute("text", "q." + kind + ".text");
        return "q/message";
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** The form's own checks, before anything is sent: each names the field it is about, in the language. */
    private List<Problem> check(QuestionnaireForms.Form form, Framework framework, String lang, FormState state) {
        List<Problem> problems = new ArrayList<>();
        if (form.areaIds().size() > 1 && (state.area() == null || !form.areaIds().contains(state.area()))) {
            problems.add(new Problem("area-" + form.areaIds().get(0), text(lang, "q.area.required")));
        }
        boolean answered = false;
        for (Dimension d : framework.dimensions()) {
            String value = state.answers().get(d.code());
            List<ScaleOptions.Option> options = ScaleOptions.of(framework, d);
            boolean known = FormState.CANNOT_SAY.equals(value)
                    || value != null && options.stream().anyMatch(o -> o.code().equals(value));
            if (!known) {
                problems.add(new Problem(optionId(d, 0), dim(d, lang) + ": " + text(lang, "q.dimension.required")));
            } else if (!FormState.CANNOT_SAY.equals(value)) {
                answered = true;
            }
            String comment = state.comments().get(d.code());
            if (form.askComments() && comment != null && comment.length() > MAX_COMMENT) {
                problems.add(new Problem("c_" + d.code(), dim(d, lang) + ": "
                        + text(lang, "q.comment.tooLong", MAX_COMMENT)));
            }
        }
        if (!answered && problems.isEmpty()) {
            problems.add(new Problem(optionId(framework.dimensions().get(0), 0), text(lang, "q.answers.atLeastOne")));
        }
        if (form.askOrganisationType() && !OrganisationType.isCode(state.organisationType())) {
            problems.add(new Problem("orgType-" + OrganisationType.codes().get(0), text(lang, "q.orgType.required")));
        }
        if (form.askActorLevel() && !ActorLevel.isCode(state.actorLevel())) {
            problems.add(new Problem("actorLevel-" + ActorLevel.codes().get(0), text(lang, "q.actorLevel.required")));
        }
        return problems;
    }

    private QuestionnaireForms.Submission submission(QuestionnaireForms.Form form, Framework framework, String lang,
                                                     FormState state) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        for (Dimension d : framework.dimensions()) {
            String value = state.answers().get(d.code());
            if (value != null && !FormState.CANNOT_SAY.equals(value)) {
                answers.put(d.code(), new BigDecimal(value));
            }
            if (form.askComments() && state.comments().containsKey(d.code())) {
                comments.put(d.code(), state.comments().get(d.code()));
            }
        }
        String area = form.areaIds().size() > 1 ? state.area() : form.areaIds().get(0);
        return new QuestionnaireForms.Submission(state.submission(), true, state.notice(), lang, area, answers, comments,
                form.askOrganisationType() ? state.organisationType() : null,
                form.askActorLevel() ? state.actorLevel() : null);
    }

    /** The domain's field names ({@code answers.trust}, {@code respondent.actorLevel}) as the form's fields. */
    private List<Problem> problemsOf(QuestionnaireForms.Refused refused, Framework framework, String lang,
                                     FormState state) {
        List<Problem> problems = new ArrayList<>();
        refused.fields().forEach((field, message) -> {
            String[] parts = field.split("\\.", 2);
            Optional<Dimension> d = parts.length == 2 ? framework.dimension(parts[1]) : Optional.empty();
            if (d.isPresent() && parts[0].equals("answers")) {
                problems.add(new Problem(optionId(d.get(), 0), dim(d.get(), lang) + ": "
                        + text(lang, "q.dimension.required")));
            } else if (d.isPresent() && parts[0].equals("comments")) {
                problems.add(new Problem("c_" + d.get().code(), dim(d.get(), lang) + ": "
                        + text(lang, "q.comment.tooLong", MAX_COMMENT)));
            } else if (field.endsWith("organisationType")) {
                problems.add(new Problem("orgType-" + OrganisationType.codes().get(0), text(lang, "q.orgType.required")));
            } else if (field.endsWith("actorLevel")) {
                problems.add(new Problem("actorLevel-" + ActorLevel.codes().get(0), text(lang, "q.actorLevel.required")));
            } else if (field.startsWith("area")) {
                problems.add(new Problem("main", text(lang, "q.area.required")));
            } else {
                problems.add(new Problem("main", text(lang, "q.invalid.general", field + ": " + message)));
            }
        });
        if (problems.isEmpty()) {
            problems.add(new Problem("main", text(lang, "q.invalid.general", String.valueOf(refused.getMessage()))));
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ views

    /** A problem to show: the id of the control it is about (the error summary links there) and its text. */
    public record Problem(String field, String text) {
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    public record OptionView(String id, String value, String label, String stage, boolean checked) {
    }

    public record DimensionView(String code, String name, List<OptionView> options, String cannotSayId,
                                boolean cannotSay, String chosen, String comment, String error) {
    }

    public record LanguageLink(String lang, String name, String href, boolean current) {
    }

    private List<DimensionView> dimensions(Framework framework, String lang, FormState state, List<Problem> problems) {
        Map<String, String> errors = errorsByField(problems);
        List<DimensionView> out = new ArrayList<>();
        for (Dimension d : framework.dimensions()) {
            List<ScaleOptions.Option> options = ScaleOptions.of(framework, d);
            String value = state.answers().get(d.code());
            List<OptionView> views = new ArrayList<>();
            String chosen = FormState.CANNOT_SAY.equals(value) ? text(lang, "q.cannotSay") : null;
            for (int i = 0; i < options.size(); i++) {
                ScaleOptions.Option o = options.get(i);
                String label = o.between()
                        ? text(lang, "q.between", descriptor(d, o.belowStage(), lang), descriptor(d, o.aboveStage(), lang))
                        : descriptor(d, o.stage(), lang);
                String stage = o.between() ? null : framework.stageLabels(d.reported(o.stage())).in(lang);
                boolean checked = o.code().equals(value);
                if (checked) {
                    chosen = label;
                }
                views.add(new OptionView(optionId(d, i), o.code(), label, stage, checked));
            }
            String error = errors.get(optionId(d, 0));
            if (error == null) {
                error = errors.get("c_" + d.code());
            }
            out.add(new DimensionView(d.code(), dim(d, lang), views, "a_" + d.code() + "_none",
                    FormState.CANNOT_SAY.equals(value), chosen, state.comments().get(d.code()), error));
        }
        return out;
    }

    private List<Choice> areas(QuestionnaireForms.Form form, FormState state) {
        return form.areaIds().stream().map(id -> new Choice("area-" + id, id, form.areaNames().getOrDefault(id, id),
                id.equals(state.area()))).toList();
    }

    private List<Choice> choices(String prefix, List<String> codes, String chosen, String lang) {
        String field = prefix.substring(2, prefix.length() - 1);
        return codes.stream().map(c -> new Choice(field + "-" + c, c, text(lang, prefix + c), c.equals(chosen)))
                .toList();
    }

    private static Map<String, String> errorsByField(List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(p -> out.putIfAbsent(p.field(), p.text()));
        return out;
    }

    private static String optionId(Dimension d, int index) {
        return "a_" + d.code() + "_" + index;
    }

    private static String dim(Dimension d, String lang) {
        return d.labels().in(lang);
    }

    private static String descriptor(Dimension d, int stage, String lang) {
        return d.descriptor(stage).texts().in(lang);
    }

    private void common(HttpServletRequest request, Model model, String lang, QuestionnaireForms.Form form,
                        String titleKey, List<Problem> problems, boolean switchInForm) {
        // the page's texts (#{...}) in the chosen language, without the dashboards' language cookie
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, Locale.forLanguageTag(lang));
        model.addAttribute("lang", lang);
        model.addAttribute("title", text(lang, titleKey));
        model.addAttribute("problems", problems);
        model.addAttribute("switchInForm", switchInForm);
        List<String> languages = form == null ? LANGUAGES : form.languages().stream().filter(LANGUAGES::contains).toList();
        model.addAttribute("languageLinks", languages.size() < 2 ? List.of() : languages.stream()
                .map(l -> new LanguageLink(l, LANGUAGE_NAMES.get(l), UriComponentsBuilder
                        .fromPath(request.getRequestURI()).replaceQueryParam("lang", l).build().toUriString(),
                        l.equals(lang))).toList());
    }

    private Optional<QuestionnaireForms.Form> open(String token) {
        return token != null && TOKEN.matcher(token).matches() ? forms.open(token) : Optional.empty();
    }

    /** {@code wanted} if the questionnaire has it, else the browser's preference among its languages, else its first. */
    static String language(HttpServletRequest request, List<String> offered, String wanted) {
        List<String> languages = offered.stream().filter(LANGUAGES::contains).toList();
        if (languages.isEmpty()) {
            languages = List.of("fi");
        }
        if (wanted != null && languages.contains(wanted.toLowerCase(Locale.ROOT))) {
            return wanted.toLowerCase(Locale.ROOT);
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(accept), languages);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is no preference
            }
        }
        return languages.get(0);
    }

    private static String localized(Map<String, String> texts, String lang) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String text = texts.get(lang);
        if (text == null || text.isBlank()) {
            text = texts.getOrDefault("fi", texts.values().iterator().next());
        }
        return text == null || text.isBlank() ? null : text;
    }

    private static Map<String, String> without(Map<String, String> fields, String... names) {
        Map<String, String> out = new LinkedHashMap<>(fields);
        for (String n : names) {
            out.remove(n);
        }
        return out;
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private String text(String lang, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, Locale.forLanguageTag(lang));
    }
}
