package fi.collabmaturity.api.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The sign-in form of the dashboards (Spring Security's form login processes the POST). */
@Controller
public class LoginController {

    @GetMapping("/login")
    public String login(HttpServletRequest request, Model model) {
        String language = RequestContextUtils.getLocale(request).getLanguage();
        model.addAttribute("lang", List.of("fi", "sv", "en").contains(language) ? language : "fi");
        model.addAttribute("languageLinks", LanguageLinks.of(request));
        return "ui/login";
    }
}
