package irw.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token every request must carry. A fresh one is drawn at each start and written to
 * {@code <data-dir>/token}, readable by the owner only: whoever can read that file may use the
 * service, nobody else.
 */
public final class AccessToken {
    public static final String FILE_NAME = "token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] value;

    private AccessToken(String value) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
    }

    /** Draws a new token and writes it, owner-only, to {@code dataDir/token}. */
    public static AccessToken createIn(Path dataDir) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        writeOwnerOnly(dataDir.resolve(FILE_NAME), token);
        return new AccessToken(token);
    }

    /** Reads the token a running service wrote. */
    public static String readFrom(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.US_ASCII).trim();
    }

    public String value() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    /** True when an {@code Authorization} header carries this token (compared in constant time). */
    public boolean acceptsHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(value, authorization.substring(7).trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a small file that only its owner can read, replacing any old one atomically. */
    static void writeOwnerOnly(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        // Created with owner-only permissions from the start: never readable by others, not even briefly.
        Path tmp = posix
                ? Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            if (!posix) {
                var file = tmp.toFile();
                file.setReadable(false, false);
                file.setReadable(true, true);
                file.setWritable(false, false);
                file.setWritable(true, true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
