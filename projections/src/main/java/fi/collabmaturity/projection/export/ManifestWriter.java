package fi.collabmaturity.projection.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.collabmaturity.scoring.Source;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * manifest.json: what the archive is (the study, the event log point, the framework and scoring policy, the product
 * version, what was included) and the SHA-256 and size of every other file. It holds nothing of the moment of the
 * export, so the same request over the same events writes the same manifest.
 */
final class ManifestWriter {

    private final StudyExportData data;
    private final ExportPoint point;
    private final String productVersion;
    private final ExportOptions options;

    ManifestWriter(StudyExportData data, ExportPoint point, String productVersion, ExportOptions options) {
        this.data = data;
        this.point = point;
        this.productVersion = productVersion;
        this.options = options;
    }

    void write(List<ArchivedFile> files, OutputStream out) throws IOException {
        ObjectNode root = JsonFiles.object();
        root.put("studyId", data.study().studyId());
        root.put("eventPosition", point.position());
        if (point.time() == null) {
            root.putNull("eventTime");
        } else {
            root.put("eventTime", point.time().toString());
        }
        root.put("positionKind", point.positionKind());
        ArrayNode include = root.putArray("include");
        options.codes().forEach(include::add);
        ArrayNode frameworks = root.putArray("frameworks");
        frameworks.addObject().put("id", data.framework().id()).put("version", data.framework().version())
                .put("versionAtStudyCreation", data.study().frameworkVersionAtCreation())
                .put("scoresComputedWith", data.framework().version());
        ObjectNode policy = root.putObject("scoringPolicy");
        policy.put("minimumN", data.study().policy().minimumN());
        ObjectNode weights = policy.putObject("weights");
        for (Source s : Source.values()) {
            weights.put(s.code(), data.study().policy().weight(s));
        }
        policy.put("divergenceThreshold", data.study().policy().divergenceThreshold());
        policy.put("changeThreshold", data.study().policy().changeThreshold());
        root.put("productVersion", productVersion);
        ArrayNode list = root.putArray("files");
        for (ArchivedFile f : files) {
            list.addObject().put("path", f.path()).put("sha256", f.sha256()).put("bytes", f.bytes());
        }
        JsonFiles.write(root, out);
    }
}
