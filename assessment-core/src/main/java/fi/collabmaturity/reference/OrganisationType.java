package fi.collabmaturity.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of organisation an informant, respondent or party belongs to. */
public enum OrganisationType {
    WELLBEING_SERVICES_COUNTY, MUNICIPALITY, REGIONAL_COUNCIL, NGO, PARISH, COMPANY, STATE_AUTHORITY, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static boolean isCode(String code) {
        return codes().contains(code);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(OrganisationType::code).toList();
    }
}
