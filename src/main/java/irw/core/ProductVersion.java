package irw.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The workbench's version, as the build wrote it into {@code irw/version.properties} (the pom's version). */
public final class ProductVersion {
    private ProductVersion() {
    }

    public static String get() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("/irw/version.properties")) {
            if (in == null) {
                return "development build";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "development build" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the product version", e);
        }
    }
}
