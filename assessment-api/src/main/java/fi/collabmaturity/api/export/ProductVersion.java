package fi.collabmaturity.api.export;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The product version the export's manifest names: from the build's {@code META-INF/build-info.properties}
 * (written by Maven, without a build time), or "unknown" when the classes were not built by Maven.
 */
@Component
public class ProductVersion {

    private final String version;

    public ProductVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String fromBuild = properties == null ? null : properties.getVersion();
        String fromJar = ProductVersion.class.getPackage().getImplementationVersion();
        this.version = fromBuild != null ? fromBuild : fromJar != null ? fromJar : "unknown";
    }

    public String version() {
        return version;
    }
}
