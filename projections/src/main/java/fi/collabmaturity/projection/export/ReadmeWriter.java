package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Dimension;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * README.md of the archive: what each file is, the rules of the data, how to load it in R and Python, a
 * mixed-effects model on the long scores, and how to cite the export.
 */
final class ReadmeWriter {

    private final StudyExportData data;
    private final ExportPoint point;
    private final String productVersion;
    private final ExportOptions options;

    ReadmeWriter(StudyExportData data, ExportPoint point, String productVersion, ExportOptions options) {
        this.data = data;
        this.point = point;
        this.productVersion = productVersion;
        this.options = options;
    }

    void write(List<WrittenTable> tables, OutputStream out) throws IOException {
        String dimensions = data.framework().dimensions().stream().map(Dimension::code)
                .map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
        StringBuilder md = new StringBuilder();
        md.append("# ").append(data.study().title()).append(" — longitudinal export\n\n");
        md.append("Study `").append(data.study().studyId()).append("`, exported from collab-maturity ")
                .append(productVersion).append(" at ").append(ExportDescription.point(point)).append(".\n");
        md.append("Requesting `asOf=").append(point.position())
                .append("` with the same `include` over the same event log gives these files byte for byte again "
                        + "(unless a participant has been erased since).\n");
        md.append("Scores are computed with the framework `").append(data.framework().id()).append("` version ")
                .append(data.framework().version()).append(" (").append(data.framework().title().en())
                .append(").\n");
        md.append("Included personal data beyond pseudonyms and attributes: ")
                .append(options.codes().isEmpty() ? "none" : String.join(", ", options.codes())).append(".\n\n");

        md.append("## Files\n\n");
        md.append("| file | rows | what it is |\n|---|---|---|\n");
        for (WrittenTable t : tables) {
            md.append("| `").append(t.definition().fileName()).append("` | ").append(t.rows()).append(" | ")
                    .append(t.definition().description().en()).append(" |\n");
        }
        md.append("| `datapackage.json` | | Frictionless Data Package v2: a Table Schema per CSV (types, constraints, "
                + "keys, missing values, codes with labels; `labels` holds Finnish and English labels). |\n");
        md.append("| `codebook-ddi.xml` | | DDI Codebook 2.5: the study, the files and every variable with labels "
                + "and value labels in Finnish and English. |\n");
        md.append("| `codes.qdc` | | REFI-QDA codebook of the theme codes, for NVivo, ATLAS.ti or MAXQDA "
                + "(import as a codebook). |\n");
        md.append("| `manifest.json` | | The event position and time, framework, scoring policy, product version, "
                + "and the SHA-256 and size of every other file. |\n\n");

        md.append("## Rules of the data\n\n");
        md.append("- CSV: UTF-8, comma-separated, header row, `\\n` line ends, `.` as the decimal mark, ISO dates "
                + "(YYYY-MM-DD), booleans `true`/`false`. Results have 3 decimals, rounded half up from the "
                + "unrounded values exactly as the API rounds them.\n");
        md.append("- ").append(ExportDescription.MISSING.en()).append('\n');
        md.append("- ").append(ExportDescription.SPREADSHEET_SAFE.en()).append(" The loaders below read the "
                + "cells as written; drop the quote where the exact text matters.\n");
        md.append("- ").append(ExportDescription.WITHDRAWN.en()).append('\n');
        md.append("- ").append(ExportDescription.ERASED.en()).append('\n');
        md.append("- The same `respondent_pseudonym` in different waves is the same person: use it as the panel "
                + "identifier. Informants are identified likewise by `informant_pseudonym`.\n");
        md.append("- A self-assessment's respondent is a person or a workshop group that answered together "
                + "(`respondent_kind` `person`/`group`, with the group's `group_size`); a group is one respondent, "
                + "with one answer per area and wave, and counts once in `n`.\n");
        md.append("- `collection_mode` says how each self-assessment was recorded: `api` (entered by a researcher "
                + "through the API), `spreadsheet` (imported from a spreadsheet file) or `questionnaire` (sent by the "
                + "respondent through a questionnaire, whose id is in `questionnaire_id`; empty otherwise). Imports "
                + "recorded before the import began to mark its events show as `api`.\n");
        md.append("- `scores_long.csv` has every wave × area × dimension, each with three rows: `interviews` and "
                + "`self_assessments` (n, mean, sd, 95% t-interval; `evidence` says whether the source has the "
                + "minimum of ").append(data.study().policy().minimumN()).append(" units and so counts) and "
                + "`combined` (the score, its interval, its stage, and whether the dimension has a score). The "
                + "units are in \"How the scores were computed\" below.\n");
        md.append("- The scoring policy at the export's point (also in `manifest.json`): divergence threshold ")
                .append(data.study().policy().divergenceThreshold()).append(" (interviews and self-assessments "
                        + "further apart than this are divergent) and change threshold ")
                .append(data.study().policy().changeThreshold()).append(" (a change between two waves smaller "
                        + "than this is flat, below what the instrument can tell apart).\n");
        md.append("- Several codes in one cell (`codes`, `parties`, `party_types`) are separated by `;`; a `;` or "
                + "`\\` inside a value is written `\\;` or `\\\\`.\n");
        md.append("- ").append(ExportDescription.PRIVACY.en()).append("\n\n");

        md.append(ScoringRulesText.readmeSection(data.framework(), data.study().policy()));

        md.append("## Load in R\n\n");
        md.append("Read every column as text first, so that identifiers such as `01` or `NA` stay as they are, "
                + "then convert the numeric and boolean columns:\n\n");
        md.append("```r\n");
        md.append("read_export <- function(file) {\n");
        md.append("  d <- read.csv(file, colClasses = \"character\", na.strings = \"\", encoding = \"UTF-8\",\n");
        md.append("                check.names = FALSE)\n");
        md.append("  num <- intersect(names(d), c(\"wave_index\", \"n\", \"mean\", \"sd\", \"ci_low\", \"ci_high\", "
                + "\"score\",\n");
        md.append("                               \"value\", \"stage_number\", \"revision\", \"group_size\"))\n");
        md.append("  num <- c(num, grep(\"^target_\", names(d), value = TRUE))\n");
        md.append("  d[num] <- lapply(d[num], as.numeric)\n");
        md.append("  flags <- grep(\"_(erased|closed)$\", names(d), value = TRUE)\n");
        md.append("  d[flags] <- lapply(d[flags], function(x) x == \"true\")\n");
        md.append("  d\n");
        md.append("}\n");
        md.append("scores <- read_export(\"scores_long.csv\")\n");
        md.append("answers <- read_export(\"self_assessments_long.csv\")\n");
        md.append("findings <- read_export(\"findings.csv\")\n");
        md.append("areas <- read_export(\"areas.csv\")\n");
        md.append("targets <- read_export(\"targets_long.csv\")\n");
        md.append("waves <- read_export(\"waves.csv\")\n");
        md.append("```\n\n");
        md.append("With readr: `readr::read_csv(\"scores_long.csv\", na = \"\", col_types = readr::cols(.default = "
                + "\"c\", n = \"i\", mean = \"d\", sd = \"d\", ci_low = \"d\", ci_high = \"d\", score = \"d\"))`.\n\n");
        md.append("A mixed-effects model of the combined scores, with waves and dimensions as fixed effects and a "
                + "random intercept per area (`nlme` ships with R; `lme4::lmer(score ~ wave + dimension + "
                + "(1 | area_id), data = combined)` is the same model):\n\n");
        md.append("```r\n");
        md.append("library(nlme)\n");
        md.append("combined <- subset(scores, source == \"combined\" & !is.na(score))\n");
        md.append("combined$wave <- factor(combined$wave_id, levels = waves$wave_id[order(waves$wave_index)])\n");
        md.append("combined$dimension <- factor(combined$dimension, levels = c(").append(dimensions).append("))\n");
        md.append("combined <- droplevels(combined)\n");
        md.append("fit <- lme(score ~ wave + dimension, random = ~ 1 | area_id, data = combined)\n");
        md.append("summary(fit)\n");
        md.append("```\n\n");

        md.append("## Load in Python (pandas)\n\n");
        md.append("```python\n");
        md.append("import pandas as pd\n\n");
        md.append("NUMERIC = {\"wave_index\", \"n\", \"mean\", \"sd\", \"ci_low\", \"ci_high\", \"score\", \"value\",\n");
        md.append("           \"stage_number\", \"revision\", \"group_size\"}\n\n");
        md.append("def read_export(path):\n");
        md.append("    d = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[\"\"], encoding=\"utf-8\")\n");
        md.append("    for c in d.columns:\n");
        md.append("        if c in NUMERIC or c.startswith(\"target_\"):\n");
        md.append("            d[c] = pd.to_numeric(d[c])\n");
        md.append("        elif c.endswith((\"_erased\", \"_closed\")):\n");
        md.append("            d[c] = d[c] == \"true\"\n");
        md.append("    return d\n\n");
        md.append("scores = read_export(\"scores_long.csv\")\n");
        md.append("answers = read_export(\"self_assessments_long.csv\")\n");
        md.append("findings = read_export(\"findings.csv\")\n");
        md.append("```\n\n");
        md.append("The same mixed-effects model with statsmodels:\n\n");
        md.append("```python\n");
        md.append("import statsmodels.formula.api as smf\n\n");
        md.append("combined = scores[(scores.source == \"combined\") & scores.score.notna()]\n");
        md.append("fit = smf.mixedlm(\"score ~ C(wave_id) + C(dimension)\", combined, "
                + "groups=combined[\"area_id\"]).fit()\n");
        md.append("print(fit.summary())\n");
        md.append("```\n\n");
        md.append("For NVivo, ATLAS.ti or MAXQDA, import `codes.qdc` as a codebook; `findings.csv` carries the same "
                + "codes per finding.\n\n");

        md.append("## How to cite\n\n");
        md.append(ExportDescription.citation(data, point, productVersion)).append("\n\n");
        md.append("Cite the framework as: ").append(data.framework().source()).append("\n\n");
        md.append("Verify the files with the SHA-256 sums in `manifest.json` (e.g. `sha256sum scores_long.csv`).\n");
        out.write(md.toString().getBytes(StandardCharsets.UTF_8));
    }
}
